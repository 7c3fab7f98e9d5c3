import { describe, expect, it } from 'vitest';
import { MAX_STRENGTH_CARDS, strengthCard } from '../../../contracts/networks.ts';
import {
  addCustomCard,
  cardKey,
  moveCard,
  moveCardTo,
  pickCard,
  rankedCards,
  type Strengths,
  setWish,
  unpickCard,
} from './strengthsEditing.ts';

const none: Strengths = { cards: [] };

function order(strengths: Strengths): string[] {
  return rankedCards(strengths).map(cardKey);
}

function threePicked(): Strengths {
  return pickCard(pickCard(pickCard(none, 'knitting'), 'cooking'), 'listening');
}

describe('picking cards', () => {
  it('puts a picked card last and numbers the ranks from one', () => {
    const picked = threePicked();
    expect(order(picked)).toEqual(['knitting', 'cooking', 'listening']);
    expect(rankedCards(picked).map((c) => c.rank)).toEqual([1, 2, 3]);
  });

  it('does not pick the same card twice', () => {
    expect(pickCard(threePicked(), 'cooking').cards).toHaveLength(3);
  });

  it('stops at the maximum number of cards', () => {
    let strengths = none;
    for (let i = 0; i < MAX_STRENGTH_CARDS + 3; i += 1)
      strengths = pickCard(strengths, `card_${'x'.repeat(i + 1)}`);
    expect(strengths.cards).toHaveLength(MAX_STRENGTH_CARDS);
  });

  it('closes the gap when a card is unpicked', () => {
    const left = unpickCard(threePicked(), 'knitting');
    expect(order(left)).toEqual(['cooking', 'listening']);
    expect(rankedCards(left).map((c) => c.rank)).toEqual([1, 2]);
  });
});

describe('ranking', () => {
  it('moves a card one place up or down', () => {
    expect(order(moveCard(threePicked(), 'listening', 'up'))).toEqual(['knitting', 'listening', 'cooking']);
    expect(order(moveCard(threePicked(), 'knitting', 'down'))).toEqual(['cooking', 'knitting', 'listening']);
  });

  it('leaves the first card first when it is moved up', () => {
    const strengths = threePicked();
    expect(moveCard(strengths, 'knitting', 'up')).toBe(strengths);
  });

  it('moves a card to any place, clamped to the list', () => {
    expect(order(moveCardTo(threePicked(), 'knitting', 10))).toEqual(['cooking', 'listening', 'knitting']);
    expect(order(moveCardTo(threePicked(), 'listening', -2))).toEqual(['listening', 'knitting', 'cooking']);
  });
});

describe('wishes', () => {
  it('keeps a trimmed wish and removes an empty one', () => {
    const wished = setWish(threePicked(), 'knitting', '  anderen leren breien ');
    expect(wished.cards.find((c) => c.cardId === 'knitting')?.wish).toBe('anderen leren breien');
    expect(setWish(wished, 'knitting', ' ').cards.find((c) => c.cardId === 'knitting')).not.toHaveProperty(
      'wish',
    );
  });
});

describe('own cards', () => {
  it('adds a card in the person’s own words, picked and valid for the contract', () => {
    const { strengths, key } = addCustomCard(threePicked(), {
      category: 'talent',
      label: '  duiven   kweken ',
    });
    expect(key).toBe('custom:talent:duiven kweken');
    const card = rankedCards(strengths).at(-1);
    expect(card).toEqual({ custom: { category: 'talent', label: 'duiven kweken' }, rank: 4 });
    expect(strengthCard.safeParse(card).success).toBe(true);
  });

  it('does not add the same own card twice, whatever the capitals', () => {
    const once = addCustomCard(none, { category: 'interest', label: 'Duiven' });
    const twice = addCustomCard(once.strengths, { category: 'interest', label: 'duiven' });
    expect(twice.strengths.cards).toHaveLength(1);
    expect(twice.key).toBe(once.key);
  });

  it('refuses an own card without words', () => {
    expect(addCustomCard(none, { category: 'energy', label: '  ' }).key).toBeUndefined();
  });
});
