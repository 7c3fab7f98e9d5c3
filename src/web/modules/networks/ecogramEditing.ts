import {
  CLIENT_NODE,
  type EcogramMember,
  type EcogramTie,
  MAX_MEMBERS,
  MAX_TIES,
  type NetworkMapDocument,
  type Ring,
  type Sector,
} from '../../../contracts/networks.ts';

/*
 * Pure edits of an ecogram, so the editor's components only decide *when* to change the map
 * and these functions decide *how*. Every function returns a new ecogram and never mutates.
 */

export type Ecogram = NetworkMapDocument['ecogram'];

export interface NewMember {
  label: string;
  relation?: string;
  sector: Sector;
  ring: Ring;
  formal: boolean;
}

export interface Placement {
  sector: Sector;
  ring: Ring;
  angle?: number;
}

/**
 * The next free id with this prefix ("m4" after "m1", "m3"). Deterministic rather than random, so
 * two edits of the same map make the same ids and tests can name them.
 */
export function nextId(prefix: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  let highest = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  let candidate = highest + 1;
  while (taken.has(`${prefix}${candidate}`)) candidate += 1;
  return `${prefix}${candidate}`;
}

/** A tie nobody filled in yet: the mildest, most neutral values, so a new member draws as a plain line. */
export function defaultTie(id: string, from: string, to: string): EcogramTie {
  return {
    id,
    from,
    to,
    frequency: 'monthly',
    modes: [],
    supportGiven: [],
    supportReceived: [],
    quality: 'positive',
    load: 'ok',
    wish: 'keep',
  };
}

function clean(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Adds a member together with its tie to the person: in an ecogram everyone drawn is someone the
 * person has contact with, and the details panel edits exactly that tie.
 * Returns the map unchanged (and no id) when the label is empty or the map is full.
 */
export function addMember(ecogram: Ecogram, input: NewMember): { ecogram: Ecogram; memberId?: string } {
  const label = clean(input.label);
  if (!label || ecogram.members.length >= MAX_MEMBERS || ecogram.ties.length >= MAX_TIES) return { ecogram };
  const memberId = nextId(
    'm',
    ecogram.members.map((m) => m.id),
  );
  const relation = clean(input.relation);
  const member: EcogramMember = {
    id: memberId,
    label,
    ...(relation ? { relation } : {}),
    sector: input.sector,
    ring: input.ring,
    formal: input.formal,
  };
  const tie = defaultTie(
    nextId(
      't',
      ecogram.ties.map((t) => t.id),
    ),
    CLIENT_NODE,
    memberId,
  );
  return { ecogram: { members: [...ecogram.members, member], ties: [...ecogram.ties, tie] }, memberId };
}

/** Removes a member and every tie that touches it, so no tie is left pointing at nobody. */
export function removeMember(ecogram: Ecogram, memberId: string): Ecogram {
  return {
    members: ecogram.members.filter((m) => m.id !== memberId),
    ties: ecogram.ties.filter((t) => t.from !== memberId && t.to !== memberId),
  };
}

export type MemberPatch = Partial<Pick<EcogramMember, 'label' | 'relation' | 'formal'>>;

/** Changes what a member is called and whether they are formal; an empty label is refused. */
export function updateMember(ecogram: Ecogram, memberId: string, patch: MemberPatch): Ecogram {
  return {
    ...ecogram,
    members: ecogram.members.map((m) => {
      if (m.id !== memberId) return m;
      const next: EcogramMember = { ...m };
      if (patch.label !== undefined) next.label = clean(patch.label) ?? m.label;
      if ('relation' in patch) {
        const relation = clean(patch.relation);
        if (relation) next.relation = relation;
        else delete next.relation;
      }
      if (patch.formal !== undefined) next.formal = patch.formal;
      return next;
    }),
  };
}

/** Puts a member in another sector or ring; without an angle the layout spreads it among the others. */
export function placeMember(ecogram: Ecogram, memberId: string, placement: Placement): Ecogram {
  return {
    ...ecogram,
    members: ecogram.members.map((m) => {
      if (m.id !== memberId) return m;
      const { angle: _old, ...rest } = m;
      const angle = placement.angle === undefined ? undefined : Math.min(1, Math.max(0, placement.angle));
      return {
        ...rest,
        sector: placement.sector,
        ring: placement.ring,
        ...(angle === undefined ? {} : { angle }),
      };
    }),
  };
}

/** The tie between the person and this member (the contract draws it from the person). */
export function clientTieOf(ecogram: Ecogram, memberId: string): EcogramTie | undefined {
  return ecogram.ties.find(
    (t) => (t.from === CLIENT_NODE && t.to === memberId) || (t.from === memberId && t.to === CLIENT_NODE),
  );
}

export type TiePatch = Partial<Omit<EcogramTie, 'id' | 'from' | 'to'>>;

function patchTie(tie: EcogramTie, patch: TiePatch): EcogramTie {
  const next: EcogramTie = { ...tie, ...patch };
  if ('note' in patch) {
    const note = clean(patch.note);
    if (note) next.note = note;
    else delete next.note;
  }
  return next;
}

/** Edits the person's tie with a member, making one first when an older map has none. */
export function updateClientTie(ecogram: Ecogram, memberId: string, patch: TiePatch): Ecogram {
  if (!ecogram.members.some((m) => m.id === memberId)) return ecogram;
  const existing = clientTieOf(ecogram, memberId);
  if (!existing) {
    if (ecogram.ties.length >= MAX_TIES) return ecogram;
    const id = nextId(
      't',
      ecogram.ties.map((t) => t.id),
    );
    return { ...ecogram, ties: [...ecogram.ties, patchTie(defaultTie(id, CLIENT_NODE, memberId), patch)] };
  }
  return { ...ecogram, ties: ecogram.ties.map((t) => (t.id === existing.id ? patchTie(t, patch) : t)) };
}

/** Ties between two members (not with the person), e.g. "the daughter and the home nurse talk weekly". */
export function tiesBetweenMembers(ecogram: Ecogram): EcogramTie[] {
  return ecogram.ties.filter((t) => t.from !== CLIENT_NODE && (t.to as string) !== CLIENT_NODE);
}

/** Links two different members once; asking again for the same pair (either way round) changes nothing. */
export function addMemberTie(ecogram: Ecogram, a: string, b: string): { ecogram: Ecogram; tieId?: string } {
  const ids = new Set(ecogram.members.map((m) => m.id));
  if (a === b || !ids.has(a) || !ids.has(b) || ecogram.ties.length >= MAX_TIES) return { ecogram };
  const twin = ecogram.ties.find((t) => (t.from === a && t.to === b) || (t.from === b && t.to === a));
  if (twin) return { ecogram, tieId: twin.id };
  const tieId = nextId(
    't',
    ecogram.ties.map((t) => t.id),
  );
  return { ecogram: { ...ecogram, ties: [...ecogram.ties, defaultTie(tieId, a, b)] }, tieId };
}

export function removeTie(ecogram: Ecogram, tieId: string): Ecogram {
  return { ...ecogram, ties: ecogram.ties.filter((t) => t.id !== tieId) };
}

/** Adds the item when missing and removes it when present, keeping the contract's order of the options. */
export function toggleIn<T extends string>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = new Set(list);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return order.filter((o) => next.has(o));
}
