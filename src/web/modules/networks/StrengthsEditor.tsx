import './networks-editors.css';
import './strengths-editor.css';
import { useEffect, useId, useRef, useState } from 'react';
import { Heading, ToggleButton } from 'react-aria-components';
import {
  MAX_STRENGTH_CARDS,
  type NetworkMapDocument,
  STRENGTH_CATEGORIES,
  type StrengthCard,
} from '../../../contracts/networks.ts';
import { STRENGTH_CARDS } from '../../../modules/networks/networks.cards.ts';
import { useT } from '../../i18n.ts';
import { LiveMessage, useLiveMessage } from './LiveMessage.tsx';
import { OwnCardForm } from './OwnCardForm.tsx';
import { RankedStrengths } from './RankedStrengths.tsx';
import { cardLabel } from './strengthLabels.ts';
import {
  addCustomCard,
  cardKey,
  isPicked,
  moveCard,
  pickCard,
  rankedCards,
  setWish,
  unpickCard,
} from './strengthsEditing.ts';

export interface StrengthsEditorProps {
  value: NetworkMapDocument['strengths'];
  onChange: (next: NetworkMapDocument['strengths']) => void;
  readOnly?: boolean;
}

/**
 * The conversation cards on screen: tap the cards that fit, put the picked ones in order,
 * add a wish to a card, or write a card of one's own. Everything works with the keyboard:
 * cards are toggle buttons, ranking is done with buttons.
 */
export function StrengthsEditor({ value, onChange, readOnly = false }: StrengthsEditorProps) {
  const t = useT();
  const k = 'networks.strengths';
  const uid = useId();
  const { message, announce } = useLiveMessage();
  const rootRef = useRef<HTMLDivElement>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const ranked = rankedCards(value);

  useEffect(() => {
    if (!focusAfter) return;
    rootRef.current?.querySelector<HTMLElement>(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  function toggle(key: string, label: string, isCustom: boolean) {
    if (isPicked(value, key)) {
      onChange(unpickCard(value, key));
      announce(t(`${k}.announce.unpicked`, { label }));
      // An own card disappears when unpicked; keep the keyboard in the same group.
      if (isCustom) setFocusAfter('.strength-own input');
      return;
    }
    if (value.cards.length >= MAX_STRENGTH_CARDS) {
      announce(t(`${k}.announce.full`, { max: MAX_STRENGTH_CARDS }));
      return;
    }
    const next = pickCard(value, key);
    onChange(next);
    announce(t(`${k}.announce.picked`, { label, n: next.cards.length }));
  }

  function move(card: StrengthCard, direction: 'up' | 'down') {
    const key = cardKey(card);
    const next = moveCard(value, key, direction);
    if (next === value) return;
    onChange(next);
    const n = rankedCards(next).findIndex((c) => cardKey(c) === key) + 1;
    announce(t(`${k}.announce.moved`, { label: cardLabel(t, card), n, total: next.cards.length }));
    // The moved card's button keeps the focus, or its twin when the card reached an end.
    const atEnd = (direction === 'up' && n === 1) || (direction === 'down' && n === next.cards.length);
    const button = atEnd ? (direction === 'up' ? 'down' : 'up') : direction;
    setFocusAfter(`[data-card-key="${CSS.escape(key)}"] [data-move="${button}"]`);
  }

  function remove(card: StrengthCard) {
    const key = cardKey(card);
    const index = ranked.findIndex((c) => cardKey(c) === key);
    const neighbour = ranked[index + 1] ?? ranked[index - 1];
    onChange(unpickCard(value, key));
    announce(t(`${k}.announce.unpicked`, { label: cardLabel(t, card) }));
    setFocusAfter(
      neighbour
        ? `[data-card-key="${CSS.escape(cardKey(neighbour))}"] [data-move="remove"]`
        : '.strength-sets button',
    );
  }

  const customs = value.cards.filter((c) => c.custom);

  return (
    <div className="strengths-editor" ref={rootRef}>
      {readOnly ? null : <p className="eco-help">{t(`${k}.intro`)}</p>}
      {/* Read only, the picked cards in their order say it all; the unpicked ones would only crowd a print. */}
      <div className="strength-sets" hidden={readOnly}>
        {STRENGTH_CATEGORIES.map((category) => {
          const headingId = `${uid}-${category}`;
          const own = customs.filter((c) => c.custom?.category === category);
          return (
            <section key={category} className="strength-set" aria-labelledby={headingId}>
              <Heading level={3} id={headingId}>
                {t(`${k}.category.${category}`)}
              </Heading>
              <ul className="strength-cards">
                {STRENGTH_CARDS.filter((c) => c.category === category).map((c) => (
                  <li key={c.id}>
                    <CardToggle
                      label={t(`networks.cards.${c.id}`)}
                      isSelected={isPicked(value, c.id)}
                      isDisabled={readOnly}
                      onChange={() => toggle(c.id, t(`networks.cards.${c.id}`), false)}
                    />
                  </li>
                ))}
                {own.map((card) => (
                  <li key={cardKey(card)}>
                    <CardToggle
                      label={card.custom?.label ?? ''}
                      own={t(`${k}.chosen.own`)}
                      isSelected
                      isDisabled={readOnly}
                      onChange={() => toggle(cardKey(card), card.custom?.label ?? '', true)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <RankedStrengths
        cards={ranked}
        readOnly={readOnly}
        onMove={move}
        onRemove={remove}
        onWish={(card, wish) => onChange(setWish(value, cardKey(card), wish))}
      />
      {readOnly ? null : (
        <OwnCardForm
          onAdd={(input) => {
            if (value.cards.length >= MAX_STRENGTH_CARDS) {
              announce(t(`${k}.announce.full`, { max: MAX_STRENGTH_CARDS }));
              return false;
            }
            const result = addCustomCard(value, input);
            if (!result.key) return false;
            onChange(result.strengths);
            const n = rankedCards(result.strengths).findIndex((c) => cardKey(c) === result.key) + 1;
            announce(t(`${k}.announce.picked`, { label: input.label.trim(), n }));
            return true;
          }}
        />
      )}
      <LiveMessage message={message} />
    </div>
  );
}

function CardToggle({
  label,
  own,
  isSelected,
  isDisabled,
  onChange,
}: {
  label: string;
  own?: string;
  isSelected: boolean;
  isDisabled: boolean;
  onChange: () => void;
}) {
  const t = useT();
  return (
    <ToggleButton
      className="strength-card"
      isSelected={isSelected}
      isDisabled={isDisabled}
      onChange={onChange}
    >
      <span className="strength-card-label">{label}</span>
      {own ? <span className="strength-card-own">{own}</span> : null}
      <span className="strength-card-mark" aria-hidden="true">
        {isSelected ? `✓ ${t('networks.strengths.chosenMark')}` : ''}
      </span>
    </ToggleButton>
  );
}
