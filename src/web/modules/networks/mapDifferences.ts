import type { NetworkMapDocument } from '../../../contracts/networks.ts';

/*
 * What differs between two versions of one map, item by item, for the conflict view: the
 * worker must see what the other person changed before choosing whose version stays. The
 * server's plain-language comparison is about snapshots; this one works on two documents
 * the page already holds, without a round trip.
 */

export type DifferenceKind =
  | 'member_added'
  | 'member_removed'
  | 'member_changed'
  | 'tie_added'
  | 'tie_removed'
  | 'tie_changed'
  | 'person_added'
  | 'person_removed'
  | 'person_changed'
  | 'partnership_added'
  | 'partnership_removed'
  | 'partnership_changed'
  | 'parentage_added'
  | 'parentage_removed'
  | 'parentage_changed'
  | 'bond_added'
  | 'bond_removed'
  | 'bond_changed'
  | 'card_added'
  | 'card_removed'
  | 'card_changed';

/** One difference; `name` is who or what it is about, as the reader knows it. */
export interface MapDifference {
  kind: DifferenceKind;
  name: string;
}

type Named = { id: string };

function compareLists<T extends Named>(
  before: readonly T[],
  after: readonly T[],
  kinds: [DifferenceKind, DifferenceKind, DifferenceKind],
  name: (item: T, side: 'before' | 'after') => string,
  out: MapDifference[],
) {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) out.push({ kind: kinds[0], name: name(item, 'after') });
    else if (JSON.stringify(previous) !== JSON.stringify(item))
      out.push({ kind: kinds[2], name: name(item, 'after') });
  }
  for (const item of before) if (!now.has(item.id)) out.push({ kind: kinds[1], name: name(item, 'before') });
}

/**
 * The differences that turn `before` into `after`. Items are matched by id; a tie, line or
 * card is named after the people or card it is about.
 */
export function differencesBetween(
  before: NetworkMapDocument,
  after: NetworkMapDocument,
  labels: { client: string; card: (id: string) => string },
): MapDifference[] {
  const out: MapDifference[] = [];
  const member = (side: 'before' | 'after', id: string) =>
    id === 'client'
      ? labels.client
      : ((side === 'before' ? before : after).ecogram.members.find((m) => m.id === id)?.label ?? id);
  const person = (side: 'before' | 'after', id: string) =>
    (side === 'before' ? before : after).genogram.people.find((p) => p.id === id)?.label ?? id;

  compareLists(
    before.ecogram.members,
    after.ecogram.members,
    ['member_added', 'member_removed', 'member_changed'],
    (m) => m.label,
    out,
  );
  compareLists(
    before.ecogram.ties,
    after.ecogram.ties,
    ['tie_added', 'tie_removed', 'tie_changed'],
    (t, side) => `${member(side, t.from)} – ${member(side, t.to)}`,
    out,
  );
  compareLists(
    before.genogram.people,
    after.genogram.people,
    ['person_added', 'person_removed', 'person_changed'],
    (p) => p.label,
    out,
  );
  compareLists(
    before.genogram.partnerships,
    after.genogram.partnerships,
    ['partnership_added', 'partnership_removed', 'partnership_changed'],
    (p, side) => `${person(side, p.a)} – ${person(side, p.b)}`,
    out,
  );
  compareLists(
    before.genogram.parentage,
    after.genogram.parentage,
    ['parentage_added', 'parentage_removed', 'parentage_changed'],
    (p, side) => `${person(side, p.child)} (${p.parents.map((id) => person(side, id)).join(', ')})`,
    out,
  );
  compareLists(
    before.genogram.bonds,
    after.genogram.bonds,
    ['bond_added', 'bond_removed', 'bond_changed'],
    (b, side) => `${person(side, b.a)} – ${person(side, b.b)}`,
    out,
  );
  const cards = (doc: NetworkMapDocument) =>
    doc.strengths.cards.map((c) => ({
      ...c,
      id: c.cardId ?? `custom:${c.custom?.category}:${c.custom?.label}`,
    }));
  compareLists(
    cards(before),
    cards(after),
    ['card_added', 'card_removed', 'card_changed'],
    (c) => (c.cardId ? labels.card(c.cardId) : (c.custom?.label ?? '')),
    out,
  );
  return out;
}
