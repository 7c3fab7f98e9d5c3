import {
  MAX_STRENGTH_CARDS,
  type NetworkMapDocument,
  type StrengthCard,
  type StrengthCategory,
} from '../../../contracts/networks.ts';

/*
 * Pure edits of the picked strength cards. The order of the list is the ranking the person gave
 * (rank 1 matters most); every edit renumbers, so ranks stay 1..n without gaps or doubles.
 */

export type Strengths = NetworkMapDocument['strengths'];

/** A card's identity within the picked list: its id in the set, or its own category and words. */
export function cardKey(card: StrengthCard): string {
  if (card.cardId) return card.cardId;
  const custom = card.custom;
  return custom ? `custom:${custom.category}:${custom.label.toLocaleLowerCase()}` : '';
}

/** The picked cards, most important first. */
export function rankedCards(strengths: Strengths): StrengthCard[] {
  return [...strengths.cards].sort((a, b) => a.rank - b.rank);
}

function renumber(cards: StrengthCard[]): Strengths {
  return { cards: cards.map((card, i) => ({ ...card, rank: i + 1 })) };
}

export function isPicked(strengths: Strengths, key: string): boolean {
  return strengths.cards.some((c) => cardKey(c) === key);
}

/** Picks a card of the set, last in the ranking; picking it again or past the limit changes nothing. */
export function pickCard(strengths: Strengths, cardId: string): Strengths {
  if (isPicked(strengths, cardId) || strengths.cards.length >= MAX_STRENGTH_CARDS) return strengths;
  return renumber([...rankedCards(strengths), { cardId, rank: strengths.cards.length + 1 }]);
}

/** Takes a card out of the picked ones; the cards after it move up one place. */
export function unpickCard(strengths: Strengths, key: string): Strengths {
  if (!isPicked(strengths, key)) return strengths;
  return renumber(rankedCards(strengths).filter((c) => cardKey(c) !== key));
}

/** Moves a card to a place in the ranking (0 first), clamped to the list. */
export function moveCardTo(strengths: Strengths, key: string, index: number): Strengths {
  const cards = rankedCards(strengths);
  const from = cards.findIndex((c) => cardKey(c) === key);
  if (from < 0) return strengths;
  const to = Math.min(cards.length - 1, Math.max(0, Math.round(index)));
  if (to === from) return strengths;
  const [card] = cards.splice(from, 1);
  if (!card) return strengths;
  cards.splice(to, 0, card);
  return renumber(cards);
}

/** One place up (more important) or down. */
export function moveCard(strengths: Strengths, key: string, direction: 'up' | 'down'): Strengths {
  const from = rankedCards(strengths).findIndex((c) => cardKey(c) === key);
  if (from < 0) return strengths;
  return moveCardTo(strengths, key, direction === 'up' ? from - 1 : from + 1);
}

/** Sets what the person would like to do with this strength; empty words remove the wish. */
export function setWish(strengths: Strengths, key: string, wish: string): Strengths {
  const trimmed = wish.trim();
  return {
    cards: strengths.cards.map((card) => {
      if (cardKey(card) !== key) return card;
      const { wish: _old, ...rest } = card;
      return trimmed ? { ...rest, wish: trimmed } : rest;
    }),
  };
}

/**
 * Adds a card in the person's own words, picked at once (they made it because it matters).
 * Returns its key, or the key of the same card when it already exists; nothing for empty words or a full set.
 */
export function addCustomCard(
  strengths: Strengths,
  input: { category: StrengthCategory; label: string },
): { strengths: Strengths; key?: string } {
  const label = input.label.trim().replace(/\s+/g, ' ');
  if (!label) return { strengths };
  const card: StrengthCard = {
    custom: { category: input.category, label },
    rank: strengths.cards.length + 1,
  };
  const key = cardKey(card);
  if (isPicked(strengths, key)) return { strengths, key };
  if (strengths.cards.length >= MAX_STRENGTH_CARDS) return { strengths };
  return { strengths: renumber([...rankedCards(strengths), card]), key };
}
