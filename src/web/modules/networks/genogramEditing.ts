import type {
  GenogramBond,
  GenogramParentage,
  GenogramPartnership,
  GenogramPerson,
  NetworkMapDocument,
} from '../../../contracts/networks.ts';
import { MAX_GENOGRAM_PEOPLE } from '../../../contracts/networks.ts';

/*
 * Pure edits of a genogram: the forms decide when, these functions decide how. Each returns a
 * new genogram and never mutates, so the page can keep the previous one for the conflict view.
 */

export type Genogram = NetworkMapDocument['genogram'];

/** The next free id with this prefix ("p4" after "p1", "p3"): short, readable, stable in tests. */
export function nextGenogramId(prefix: string, existing: readonly { id: string }[]): string {
  const taken = new Set(existing.map((item) => item.id));
  let highest = 0;
  for (const id of taken) {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN;
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  let candidate = highest + 1;
  while (taken.has(`${prefix}${candidate}`)) candidate += 1;
  return `${prefix}${candidate}`;
}

export interface PersonInput {
  label: string;
  sex: GenogramPerson['sex'];
  birthYear?: number;
  deathYear?: number;
  deceased: boolean;
  inHousehold: boolean;
  index: boolean;
}

/** Only the fields that carry something: the contract is strict about what is there. */
function personFields(input: PersonInput): Omit<GenogramPerson, 'id' | 'birthOrder' | 'memberId'> {
  return {
    label: input.label.trim(),
    sex: input.sex,
    ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
    ...(input.deathYear !== undefined ? { deathYear: input.deathYear } : {}),
    // A death year means the person has died, whatever the checkbox says.
    deceased: input.deceased || input.deathYear !== undefined,
    inHousehold: input.inHousehold,
    index: input.index,
  };
}

/** There is one index person: choosing a new one lets go of the old one. */
function withSingleIndex(people: GenogramPerson[], indexId: string | null): GenogramPerson[] {
  if (indexId === null) return people;
  return people.map((p) => (p.index === (p.id === indexId) ? p : { ...p, index: p.id === indexId }));
}

/**
 * Adds a person. The first person of an empty genogram is the index person (the map is about
 * them), whatever the form said. Returns no id when the name is empty or the genogram is full.
 */
export function addPerson(genogram: Genogram, input: PersonInput): { genogram: Genogram; id?: string } {
  if (!input.label.trim() || genogram.people.length >= MAX_GENOGRAM_PEOPLE) return { genogram };
  const id = nextGenogramId('p', genogram.people);
  const index = input.index || genogram.people.length === 0;
  const person: GenogramPerson = { id, ...personFields({ ...input, index }) };
  const people = withSingleIndex([...genogram.people, person], index ? id : null);
  return { genogram: { ...genogram, people }, id };
}

/** Replaces what the form edits of a person; their ties to others stay. */
export function updatePerson(genogram: Genogram, id: string, input: PersonInput): Genogram {
  if (!input.label.trim()) return genogram;
  const people = genogram.people.map((p) => {
    if (p.id !== id) return p;
    const { birthOrder, memberId } = p;
    return {
      id,
      ...personFields(input),
      ...(birthOrder !== undefined ? { birthOrder } : {}),
      ...(memberId !== undefined ? { memberId } : {}),
    };
  });
  return { ...genogram, people: withSingleIndex(people, input.index ? id : null) };
}

/**
 * Removes a person and everything that only means something with them: their partnerships,
 * bonds and the parentage of which they are the child. As a parent they leave the parentage,
 * which stays for the other parent.
 */
export function removePerson(genogram: Genogram, id: string): Genogram {
  const parentage: GenogramParentage[] = [];
  for (const p of genogram.parentage) {
    if (p.child === id) continue;
    const parents = p.parents.filter((parent) => parent !== id);
    if (parents.length === 0) continue;
    parentage.push(parents.length === p.parents.length ? p : { ...p, parents });
  }
  return {
    people: genogram.people.filter((p) => p.id !== id),
    partnerships: genogram.partnerships.filter((p) => p.a !== id && p.b !== id),
    parentage,
    bonds: genogram.bonds.filter((b) => b.a !== id && b.b !== id),
  };
}

export interface PartnershipInput {
  a: string;
  b: string;
  status: GenogramPartnership['status'];
  since?: number;
}

/** Adds a partnership, or changes the status of the one these two already have. */
export function setPartnership(genogram: Genogram, input: PartnershipInput): Genogram {
  if (input.a === input.b) return genogram;
  const fields = { status: input.status, ...(input.since !== undefined ? { since: input.since } : {}) };
  const existing = genogram.partnerships.find((p) => samePair(p, input));
  if (existing)
    return {
      ...genogram,
      partnerships: genogram.partnerships.map((p) =>
        p === existing ? { id: p.id, a: p.a, b: p.b, ...fields } : p,
      ),
    };
  const id = nextGenogramId('r', genogram.partnerships);
  return { ...genogram, partnerships: [...genogram.partnerships, { id, a: input.a, b: input.b, ...fields }] };
}

export function removePartnership(genogram: Genogram, id: string): Genogram {
  return { ...genogram, partnerships: genogram.partnerships.filter((p) => p.id !== id) };
}

export interface ChildInput {
  child: string;
  parents: string[];
  kind: GenogramParentage['kind'];
}

/**
 * Hangs a child under one or two parents. The same child with the same parents is one line
 * (its kind is updated); a child may have birth parents and adoptive or foster parents too.
 */
export function setChild(genogram: Genogram, input: ChildInput): Genogram {
  const parents = [...new Set(input.parents)].filter((p) => p !== input.child).slice(0, 2);
  if (parents.length === 0) return genogram;
  const key = [...parents].sort().join('\u0000');
  const existing = genogram.parentage.find(
    (p) => p.child === input.child && [...p.parents].sort().join('\u0000') === key,
  );
  if (existing)
    return {
      ...genogram,
      parentage: genogram.parentage.map((p) => (p === existing ? { ...p, kind: input.kind } : p)),
    };
  const id = nextGenogramId('c', genogram.parentage);
  return {
    ...genogram,
    parentage: [...genogram.parentage, { id, child: input.child, parents, kind: input.kind }],
  };
}

export function removeParentage(genogram: Genogram, id: string): Genogram {
  return { ...genogram, parentage: genogram.parentage.filter((p) => p.id !== id) };
}

export interface BondInput {
  a: string;
  b: string;
  kind: GenogramBond['kind'];
}

/** Two people have one emotional line between them: setting it again changes its kind. */
export function setBond(genogram: Genogram, input: BondInput): Genogram {
  if (input.a === input.b) return genogram;
  const existing = genogram.bonds.find((b) => samePair(b, input));
  if (existing)
    return {
      ...genogram,
      bonds: genogram.bonds.map((b) => (b === existing ? { ...b, kind: input.kind } : b)),
    };
  const id = nextGenogramId('b', genogram.bonds);
  return { ...genogram, bonds: [...genogram.bonds, { id, a: input.a, b: input.b, kind: input.kind }] };
}

export function removeBond(genogram: Genogram, id: string): Genogram {
  return { ...genogram, bonds: genogram.bonds.filter((b) => b.id !== id) };
}

function samePair(x: { a: string; b: string }, y: { a: string; b: string }): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}

/** Everything the drawing says about one person, for the form beside it and the text list. */
export function relativesOf(genogram: Genogram, id: string) {
  const parentage = genogram.parentage.filter((p) => p.child === id);
  const childLines = genogram.parentage.filter((p) => p.parents.includes(id));
  return {
    parentage,
    childLines,
    partnerships: genogram.partnerships.filter((p) => p.a === id || p.b === id),
    bonds: genogram.bonds.filter((b) => b.a === id || b.b === id),
    /** Brothers and sisters: children of any of the same parents. */
    siblings: [
      ...new Set(
        genogram.parentage
          .filter(
            (p) => p.child !== id && p.parents.some((x) => parentage.some((q) => q.parents.includes(x))),
          )
          .map((p) => p.child),
      ),
    ],
  };
}
