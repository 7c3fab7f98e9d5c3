import { describe, expect, it } from 'vitest';
import { MAX_MEMBERS, networkMapDocument } from '../../../contracts/networks.ts';
import {
  addMember,
  addMemberTie,
  clientTieOf,
  type Ecogram,
  nextId,
  placeMember,
  removeMember,
  removeTie,
  tiesBetweenMembers,
  toggleIn,
  updateClientTie,
  updateMember,
} from './ecogramEditing.ts';

const empty: Ecogram = { members: [], ties: [] };

function withTwo(): Ecogram {
  const first = addMember(empty, {
    label: 'Dochter Els',
    relation: 'dochter',
    sector: 'family',
    ring: 1,
    formal: false,
  });
  return addMember(first.ecogram, {
    label: 'Thuisverpleging',
    sector: 'professionals',
    ring: 2,
    formal: true,
  }).ecogram;
}

function isValidDocument(ecogram: Ecogram): boolean {
  return networkMapDocument.safeParse({
    ecogram,
    genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
    strengths: { cards: [] },
  }).success;
}

describe('nextId', () => {
  it('takes the number after the highest one with the same prefix', () => {
    expect(nextId('m', ['m1', 'm3', 't9', 'mx'])).toBe('m4');
  });

  it('starts at one in an empty list', () => {
    expect(nextId('t', [])).toBe('t1');
  });
});

describe('addMember', () => {
  it('adds the member with a neutral tie from the person to them', () => {
    const { ecogram, memberId } = addMember(empty, {
      label: '  Buurvrouw Mia ',
      relation: ' ',
      sector: 'neighbours',
      ring: 2,
      formal: false,
    });
    expect(memberId).toBe('m1');
    expect(ecogram.members).toEqual([
      { id: 'm1', label: 'Buurvrouw Mia', sector: 'neighbours', ring: 2, formal: false },
    ]);
    expect(ecogram.ties).toHaveLength(1);
    expect(ecogram.ties[0]).toMatchObject({
      from: 'client',
      to: 'm1',
      quality: 'positive',
      load: 'ok',
      wish: 'keep',
    });
    expect(isValidDocument(ecogram)).toBe(true);
  });

  it('refuses a member without a name', () => {
    const result = addMember(empty, { label: '   ', sector: 'friends', ring: 1, formal: false });
    expect(result.memberId).toBeUndefined();
    expect(result.ecogram).toBe(empty);
  });

  it('refuses a member once the map holds the maximum', () => {
    const full: Ecogram = {
      members: Array.from({ length: MAX_MEMBERS }, (_, i) => ({
        id: `m${i + 1}`,
        label: `Lid ${i + 1}`,
        sector: 'friends' as const,
        ring: 3 as const,
        formal: false,
      })),
      ties: [],
    };
    expect(
      addMember(full, { label: 'Nog één', sector: 'friends', ring: 1, formal: false }).memberId,
    ).toBeUndefined();
  });
});

describe('removeMember', () => {
  it('removes the member and every tie that touches them', () => {
    const linked = addMemberTie(withTwo(), 'm1', 'm2').ecogram;
    const ecogram = removeMember(linked, 'm1');
    expect(ecogram.members.map((m) => m.id)).toEqual(['m2']);
    expect(ecogram.ties.every((t) => t.from !== 'm1' && t.to !== 'm1')).toBe(true);
    expect(ecogram.ties).toHaveLength(1);
  });
});

describe('updateMember', () => {
  it('renames, drops an emptied relation and keeps the old name when the new one is empty', () => {
    const renamed = updateMember(withTwo(), 'm1', { label: 'Els', relation: '' });
    expect(renamed.members[0]).toEqual({ id: 'm1', label: 'Els', sector: 'family', ring: 1, formal: false });
    expect(updateMember(renamed, 'm1', { label: '  ' }).members[0]?.label).toBe('Els');
  });
});

describe('placeMember', () => {
  it('moves a member to another sector and ring and clamps the angle into 0..1', () => {
    const moved = placeMember(withTwo(), 'm1', { sector: 'friends', ring: 3, angle: 1.4 });
    expect(moved.members[0]).toMatchObject({ sector: 'friends', ring: 3, angle: 1 });
  });

  it('drops an old angle when the new place has none, so the layout spreads the member', () => {
    const placed = placeMember(withTwo(), 'm1', { sector: 'friends', ring: 3, angle: 0.2 });
    const spread = placeMember(placed, 'm1', { sector: 'family', ring: 1 });
    expect(spread.members[0]).not.toHaveProperty('angle');
  });
});

describe('updateClientTie', () => {
  it('changes the tie between the person and the member and clears an empty note', () => {
    const noted = updateClientTie(withTwo(), 'm2', {
      quality: 'strained',
      supportReceived: ['practical'],
      note: ' komt elke dag ',
    });
    expect(clientTieOf(noted, 'm2')).toMatchObject({
      quality: 'strained',
      supportReceived: ['practical'],
      note: 'komt elke dag',
    });
    expect(clientTieOf(updateClientTie(noted, 'm2', { note: '' }), 'm2')).not.toHaveProperty('note');
    expect(isValidDocument(noted)).toBe(true);
  });

  it('makes the tie first when an older map has a member without one', () => {
    const bare: Ecogram = { members: withTwo().members, ties: [] };
    const ecogram = updateClientTie(bare, 'm1', { load: 'heavy' });
    expect(clientTieOf(ecogram, 'm1')).toMatchObject({ from: 'client', to: 'm1', load: 'heavy' });
  });

  it('leaves the map alone for a member that does not exist', () => {
    const ecogram = withTwo();
    expect(updateClientTie(ecogram, 'm9', { load: 'heavy' })).toBe(ecogram);
  });
});

describe('ties between members', () => {
  it('links two members once, whichever way round they are asked', () => {
    const first = addMemberTie(withTwo(), 'm1', 'm2');
    const again = addMemberTie(first.ecogram, 'm2', 'm1');
    expect(again.tieId).toBe(first.tieId);
    expect(tiesBetweenMembers(again.ecogram)).toHaveLength(1);
  });

  it('does not link a member to themselves or to someone unknown', () => {
    expect(addMemberTie(withTwo(), 'm1', 'm1').tieId).toBeUndefined();
    expect(addMemberTie(withTwo(), 'm1', 'm7').tieId).toBeUndefined();
  });

  it('removes one tie and keeps the others', () => {
    const { ecogram, tieId } = addMemberTie(withTwo(), 'm1', 'm2');
    expect(removeTie(ecogram, tieId ?? '').ties).toHaveLength(2);
  });
});

describe('toggleIn', () => {
  it('adds a missing option and removes a present one, in the order of the options', () => {
    const order = ['visit', 'phone', 'video', 'messages'] as const;
    expect(toggleIn(['messages'], 'visit', order)).toEqual(['visit', 'messages']);
    expect(toggleIn(['visit', 'messages'], 'visit', order)).toEqual(['messages']);
  });
});
