import { CLIENT_NODE, type NetworkMapDocument } from '../../contracts/networks.ts';
import { isStrengthCardId } from './networks.cards.ts';

/**
 * A structural problem in a network map: where (a dotted path into the
 * document, as zod reports it, e.g. "ecogram.ties.3.to") and what (a dotted
 * i18n code, translated under `errors.<code>` in networks.json).
 */
export type MapProblem = { path: string; code: string };

/**
 * The rules zod cannot express: references between items, one index person,
 * no one their own ancestor, dates that can happen. Runs in linear time (plus
 * one depth-first walk of the parent relation), so a full map of 300 members
 * checks in well under a millisecond.
 */
export function validateNetworkMap(doc: NetworkMapDocument): MapProblem[] {
  const problems: MapProblem[] = [];
  const memberIds = checkEcogram(doc, problems);
  checkGenogram(doc, memberIds, problems);
  checkStrengths(doc, problems);
  return problems;
}

/** Reports every repeat of an id in one list; returns the set of ids. */
function uniqueIds(items: readonly { id: string }[], path: string, problems: MapProblem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${path}.${i}.id`, code: 'networks.duplicate_id' });
    seen.add(item.id);
  });
  return seen;
}

function checkEcogram(doc: NetworkMapDocument, problems: MapProblem[]): Set<string> {
  const { members, ties } = doc.ecogram;
  const memberIds = uniqueIds(members, 'ecogram.members', problems);
  if (memberIds.has(CLIENT_NODE)) {
    const i = members.findIndex((m) => m.id === CLIENT_NODE);
    problems.push({ path: `ecogram.members.${i}.id`, code: 'networks.member_id_reserved' });
  }
  uniqueIds(ties, 'ecogram.ties', problems);
  const pairs = new Set<string>();
  ties.forEach((tie, i) => {
    const path = `ecogram.ties.${i}`;
    const fromOk = tie.from === CLIENT_NODE || memberIds.has(tie.from);
    const toOk = tie.to !== CLIENT_NODE && memberIds.has(tie.to);
    if (!fromOk) problems.push({ path: `${path}.from`, code: 'networks.tie_unknown_member' });
    if (!toOk) problems.push({ path: `${path}.to`, code: 'networks.tie_unknown_member' });
    if (tie.from === tie.to) {
      problems.push({ path: `${path}.to`, code: 'networks.tie_to_itself' });
      return;
    }
    // A tie is about two people, whichever way it was drawn.
    const pair = tie.from < tie.to ? `${tie.from}\u0000${tie.to}` : `${tie.to}\u0000${tie.from}`;
    if (pairs.has(pair)) problems.push({ path: `${path}.to`, code: 'networks.duplicate_tie' });
    pairs.add(pair);
  });
  return memberIds;
}

function checkGenogram(doc: NetworkMapDocument, memberIds: Set<string>, problems: MapProblem[]) {
  const { people, partnerships, parentage, bonds } = doc.genogram;
  const personIds = uniqueIds(people, 'genogram.people', problems);
  uniqueIds(partnerships, 'genogram.partnerships', problems);
  uniqueIds(parentage, 'genogram.parentage', problems);
  uniqueIds(bonds, 'genogram.bonds', problems);

  const indexes = people.filter((p) => p.index).length;
  if (people.length > 0 && indexes === 0)
    problems.push({ path: 'genogram.people', code: 'networks.index_person_missing' });
  let indexSeen = false;
  const birthYear = new Map<string, number>();
  people.forEach((person, i) => {
    const path = `genogram.people.${i}`;
    if (person.index) {
      if (indexSeen) problems.push({ path: `${path}.index`, code: 'networks.index_person_twice' });
      indexSeen = true;
    }
    if (
      person.birthYear !== undefined &&
      person.deathYear !== undefined &&
      person.birthYear > person.deathYear
    )
      problems.push({ path: `${path}.deathYear`, code: 'networks.death_before_birth' });
    if (person.deathYear !== undefined && !person.deceased)
      problems.push({ path: `${path}.deceased`, code: 'networks.death_year_without_deceased' });
    if (person.memberId !== undefined && !memberIds.has(person.memberId))
      problems.push({ path: `${path}.memberId`, code: 'networks.person_unknown_member' });
    if (person.birthYear !== undefined && !birthYear.has(person.id))
      birthYear.set(person.id, person.birthYear);
  });

  partnerships.forEach((p, i) => {
    const path = `genogram.partnerships.${i}`;
    if (!personIds.has(p.a)) problems.push({ path: `${path}.a`, code: 'networks.unknown_person' });
    if (!personIds.has(p.b)) problems.push({ path: `${path}.b`, code: 'networks.unknown_person' });
    if (p.a === p.b) problems.push({ path: `${path}.b`, code: 'networks.partner_of_itself' });
  });
  bonds.forEach((b, i) => {
    const path = `genogram.bonds.${i}`;
    if (!personIds.has(b.a)) problems.push({ path: `${path}.a`, code: 'networks.unknown_person' });
    if (!personIds.has(b.b)) problems.push({ path: `${path}.b`, code: 'networks.unknown_person' });
    if (b.a === b.b) problems.push({ path: `${path}.b`, code: 'networks.bond_with_itself' });
  });

  const parentsOf = new Map<string, string[]>();
  parentage.forEach((p, i) => {
    const path = `genogram.parentage.${i}`;
    if (!personIds.has(p.child)) problems.push({ path: `${path}.child`, code: 'networks.unknown_person' });
    p.parents.forEach((parent, j) => {
      if (!personIds.has(parent))
        problems.push({ path: `${path}.parents.${j}`, code: 'networks.unknown_person' });
      else if (parent === p.child)
        problems.push({ path: `${path}.parents.${j}`, code: 'networks.own_parent' });
      else {
        const childYear = birthYear.get(p.child);
        const parentYear = birthYear.get(parent);
        if (childYear !== undefined && parentYear !== undefined && childYear < parentYear)
          problems.push({ path: `${path}.parents.${j}`, code: 'networks.child_before_parent' });
      }
    });
    if (p.parents.length === 2 && p.parents[0] === p.parents[1])
      problems.push({ path: `${path}.parents.1`, code: 'networks.duplicate_parent' });
    const list = parentsOf.get(p.child) ?? [];
    for (const parent of p.parents) if (parent !== p.child && personIds.has(parent)) list.push(parent);
    parentsOf.set(p.child, list);
  });
  const cycle = findParentCycle(parentsOf);
  if (cycle) {
    const i = parentage.findIndex((p) => p.child === cycle);
    problems.push({ path: `genogram.parentage.${i}`, code: 'networks.parent_cycle' });
  }
}

/**
 * A person who is their own ancestor, if any: iterative depth-first search
 * (no recursion, so a long chain cannot overflow the stack).
 */
function findParentCycle(parentsOf: Map<string, string[]>): string | null {
  const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 done
  for (const start of parentsOf.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const parents = parentsOf.get(top.id) ?? [];
      if (top.next >= parents.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const parent = parents[top.next++] as string;
      const seen = state.get(parent);
      if (seen === 1) return parent;
      if (seen === undefined) {
        state.set(parent, 1);
        stack.push({ id: parent, next: 0 });
      }
    }
  }
  return null;
}

function checkStrengths(doc: NetworkMapDocument, problems: MapProblem[]) {
  const ranks = new Set<number>();
  const cardIds = new Set<string>();
  doc.strengths.cards.forEach((card, i) => {
    const path = `strengths.cards.${i}`;
    const hasCard = card.cardId !== undefined;
    const hasCustom = card.custom !== undefined;
    if (hasCard === hasCustom) problems.push({ path, code: 'networks.card_or_custom' });
    if (card.cardId !== undefined) {
      if (!isStrengthCardId(card.cardId))
        problems.push({ path: `${path}.cardId`, code: 'networks.unknown_card' });
      else if (cardIds.has(card.cardId))
        problems.push({ path: `${path}.cardId`, code: 'networks.duplicate_card' });
      cardIds.add(card.cardId);
    }
    if (ranks.has(card.rank)) problems.push({ path: `${path}.rank`, code: 'networks.duplicate_rank' });
    ranks.add(card.rank);
  });
}
