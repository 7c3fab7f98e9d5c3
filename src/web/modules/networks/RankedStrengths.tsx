import { useId } from 'react';
import { Button, Heading } from 'react-aria-components';
import type { StrengthCard } from '../../../contracts/networks.ts';
import { useT } from '../../i18n.ts';
import { DraftTextField } from './DraftTextField.tsx';
import { cardCategory, cardLabel } from './strengthLabels.ts';
import { cardKey } from './strengthsEditing.ts';

/** The picked cards in the person's order, each with its wish and buttons to move it. */
export function RankedStrengths({
  cards,
  readOnly,
  onMove,
  onRemove,
  onWish,
}: {
  cards: StrengthCard[];
  readOnly: boolean;
  onMove: (card: StrengthCard, direction: 'up' | 'down') => void;
  onRemove: (card: StrengthCard) => void;
  onWish: (card: StrengthCard, wish: string) => void;
}) {
  const t = useT();
  const k = 'networks.strengths';
  const titleId = useId();
  return (
    <section className="strength-ranked" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`${k}.chosen.title`)}
      </Heading>
      {cards.length === 0 ? (
        <p className="empty">{t(`${k}.chosen.empty`)}</p>
      ) : (
        <ol className="strength-ranked-list">
          {cards.map((card, i) => {
            const label = cardLabel(t, card);
            const category = cardCategory(card);
            return (
              <li key={cardKey(card)} className="strength-ranked-item" data-card-key={cardKey(card)}>
                <div className="strength-ranked-head">
                  <span className="strength-rank" aria-hidden="true">
                    {i + 1}
                  </span>
                  <div className="strength-ranked-words">
                    <span className="visually-hidden">{t(`${k}.chosen.place`, { n: i + 1 })}: </span>
                    <strong>{label}</strong>
                    <span className="cell-sub">
                      {[
                        category ? t(`${k}.category.${category}`) : '',
                        card.custom ? t(`${k}.chosen.own`) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </div>
                </div>
                {readOnly ? (
                  card.wish ? (
                    <p className="strength-wish">
                      {t(`${k}.chosen.wish`)}: {card.wish}
                    </p>
                  ) : null
                ) : (
                  <>
                    <DraftTextField
                      label={
                        <>
                          {t(`${k}.chosen.wish`)}
                          <span className="visually-hidden">: {label}</span>
                        </>
                      }
                      description={i === 0 ? t(`${k}.chosen.wishHint`) : undefined}
                      value={card.wish ?? ''}
                      maxLength={300}
                      onCommit={(wish) => onWish(card, wish)}
                    />
                    <div className="strength-ranked-actions">
                      <Button
                        className="button button-secondary"
                        data-move="up"
                        isDisabled={i === 0}
                        aria-label={t(`${k}.chosen.upLabel`, { label })}
                        onPress={() => onMove(card, 'up')}
                      >
                        <span aria-hidden="true">↑</span> {t(`${k}.chosen.up`)}
                      </Button>
                      <Button
                        className="button button-secondary"
                        data-move="down"
                        isDisabled={i === cards.length - 1}
                        aria-label={t(`${k}.chosen.downLabel`, { label })}
                        onPress={() => onMove(card, 'down')}
                      >
                        <span aria-hidden="true">↓</span> {t(`${k}.chosen.down`)}
                      </Button>
                      <Button
                        className="button button-quiet"
                        data-move="remove"
                        aria-label={t(`${k}.chosen.removeLabel`, { label })}
                        onPress={() => onRemove(card)}
                      >
                        {t(`${k}.chosen.remove`)}
                      </Button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
