import { describe, expect, it } from 'vitest';
import type { ImportedService } from './directory.import.models.ts';
import { canonical, importChanges, locationRowIds } from './directory.import.rows.ts';
import type { EntryInput } from './directory.models.ts';

const entry: EntryInput = {
  name: 'Koffiebabbel',
  description: 'Koffie',
  type: 'meeting_place',
  targetGroups: [],
  howToJoin: 'walk_in',
  languages: [],
  costOption: 'free',
  goodPractice: {},
  activeElements: [],
  evidenceLevel: 'none',
  locations: [],
  schedules: [],
  contacts: [{ kind: 'phone', phone: '050 12 34 56', description: null }],
};

const service = (id: string, locations: string[]): ImportedService => ({
  id,
  status: 'published',
  assuredDate: null,
  entry,
  locations: locations.map((l) => ({ id: l, salId: `${id}-${l}` })),
  schedules: [],
  contacts: [],
});

describe('import rows', () => {
  it('keeps the id of a location one service uses, and gives each service its own id for a shared one', () => {
    const org = '0b6f3c1e-2d4a-4e5f-8a9b-1c2d3e4f5a6b';
    const [a, b, c] = locationRowIds(
      [service('s1', ['l1', 'l2']), service('s2', ['l2']), service('s3', ['l3'])],
      org,
    );
    expect(a?.[1]).not.toBe(b?.[0]);
    expect(new Set([...(a ?? []), ...(b ?? []), ...(c ?? [])]).size).toBe(4);
    // The same data gives the same ids, so a second import finds its rows again.
    expect(locationRowIds([service('s1', ['l1', 'l2']), service('s2', ['l2'])], org)).toEqual([a, b]);
    expect(locationRowIds([service('s3', ['l3'])], org)).toEqual([c]);
  });

  it('compares entries without minding absent fields or the order of keys', () => {
    expect(canonical({ b: 1, a: { d: null, c: [{ y: undefined, x: 2 }] } })).toEqual({
      a: { c: [{ x: 2 }] },
      b: 1,
    });
    const stored = {
      ...entry,
      alternateName: null,
      contacts: [{ kind: 'phone' as const, name: null, title: null, email: null, phone: '050 12 34 56' }],
    };
    const same = { entry, status: 'published', assuredDate: null };
    expect(importChanges({ ...same, entry: stored }, same)).toEqual([]);
  });

  it('names what an import changes, and never the good-practice description it keeps', () => {
    const before = {
      entry: { ...entry, goodPractice: { goal: 'Minder eenzaamheid' } },
      status: 'published',
      assuredDate: '2026-01-05',
    };
    const after = {
      entry: { ...entry, name: 'Koffiebabbel De Linde' },
      status: 'archived',
      assuredDate: null,
    };
    expect(importChanges(before, after)).toEqual([
      { field: 'name', previous: 'Koffiebabbel', replacement: 'Koffiebabbel De Linde' },
      { field: 'status', previous: 'published', replacement: 'archived' },
      { field: 'assuredDate', previous: '2026-01-05', replacement: '' },
    ]);
  });
});
