import type { StrengthCard, StrengthCategory } from '../../../contracts/networks.ts';
import { strengthCardById } from '../../../modules/networks/networks.cards.ts';
import type { T } from '../../i18n.ts';

/** What a picked card says: the set's words in the reader's language, or the person's own words. */
export function cardLabel(t: T, card: StrengthCard): string {
  if (card.custom) return card.custom.label;
  return card.cardId ? t(`networks.cards.${card.cardId}`) : '';
}

export function cardCategory(card: StrengthCard): StrengthCategory | undefined {
  if (card.custom) return card.custom.category;
  return card.cardId ? strengthCardById(card.cardId)?.category : undefined;
}
