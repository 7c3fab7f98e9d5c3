import { describe, expect, it } from 'vitest';
import { EMPTY_NETWORK_MAP } from '../../../contracts/networks.ts';
import {
  addPerson,
  type Genogram,
  type PersonInput,
  relativesOf,
  removePerson,
  setBond,
  setChild,
  setPartnership,
  updatePerson,
} from './genogramEditing.ts';

const person = (label: string, extra: Partial<PersonInput> = {}): PersonInput => ({
  label,
  sex: 'female',
  deceased: false,
  inHousehold: false,
  index: false,
  ...extra,
});

/** Maria with her parents Jan and Rosa (married) and her brother Piet. */
function family(): Genogram {
  let g: Genogram = EMPTY_NETWORK_MAP.genogram;
  g = addPerson(g, person('Maria', { birthYear: 1948 })).genogram;
  g = addPerson(g, person('Jan', { sex: 'male' })).genogram;
  g = addPerson(g, person('Rosa')).genogram;
  g = addPerson(g, person('Piet', { sex: 'male' })).genogram;
  g = setPartnership(g, { a: 'p2', b: 'p3', status: 'married' });
  g = setChild(g, { child: 'p1', parents: ['p2', 'p3'], kind: 'birth' });
  return setChild(g, { child: 'p4', parents: ['p2', 'p3'], kind: 'birth' });
}

describe('genogram editing', () => {
  it('makes the first person the index person and gives each person the next free id', () => {
    const g = family();
    expect(g.people.map((p) => [p.id, p.label, p.index])).toEqual([
      ['p1', 'Maria', true],
      ['p2', 'Jan', false],
      ['p3', 'Rosa', false],
      ['p4', 'Piet', false],
    ]);
  });

  it('refuses a person without a name', () => {
    const result = addPerson(EMPTY_NETWORK_MAP.genogram, person('   '));
    expect(result.id).toBeUndefined();
    expect(result.genogram.people).toHaveLength(0);
  });

  it('keeps one index person when another is chosen', () => {
    const g = updatePerson(family(), 'p4', person('Piet', { sex: 'male', index: true }));
    expect(g.people.filter((p) => p.index).map((p) => p.label)).toEqual(['Piet']);
  });

  it('marks a person with a death year as deceased and leaves out the years that are empty', () => {
    const g = updatePerson(family(), 'p2', person('Jan', { sex: 'male', deathYear: 1990 }));
    const jan = g.people.find((p) => p.id === 'p2');
    expect(jan).toMatchObject({ deceased: true, deathYear: 1990 });
    expect(jan).not.toHaveProperty('birthYear');
  });

  it('changes the status of an existing partnership instead of adding a second line', () => {
    const g = setPartnership(family(), { a: 'p3', b: 'p2', status: 'divorced', since: 1980 });
    expect(g.partnerships).toEqual([{ id: 'r1', a: 'p2', b: 'p3', status: 'divorced', since: 1980 }]);
  });

  it('hangs a child under the same parents once, updating the kind', () => {
    const g = setChild(family(), { child: 'p4', parents: ['p3', 'p2'], kind: 'adopted' });
    expect(g.parentage.filter((p) => p.child === 'p4')).toEqual([
      { id: 'c2', child: 'p4', parents: ['p2', 'p3'], kind: 'adopted' },
    ]);
  });

  it('never makes someone their own parent', () => {
    const g = setChild(family(), { child: 'p1', parents: ['p1'], kind: 'birth' });
    expect(g.parentage).toHaveLength(2);
  });

  it('removes a parent from the parentage but keeps the line to the other parent', () => {
    const g = removePerson(family(), 'p2');
    expect(g.partnerships).toEqual([]);
    expect(g.parentage.map((p) => p.parents)).toEqual([['p3'], ['p3']]);
  });

  it('removes the child lines and bonds of a removed child', () => {
    const g = removePerson(setBond(family(), { a: 'p1', b: 'p4', kind: 'conflict' }), 'p4');
    expect(g.parentage.map((p) => p.child)).toEqual(['p1']);
    expect(g.bonds).toEqual([]);
  });

  it('has one bond between two people, whichever way round it is set', () => {
    let g = setBond(family(), { a: 'p1', b: 'p4', kind: 'close' });
    g = setBond(g, { a: 'p4', b: 'p1', kind: 'cut_off' });
    expect(g.bonds).toEqual([{ id: 'b1', a: 'p1', b: 'p4', kind: 'cut_off' }]);
  });

  it('finds parents, partners, children and siblings of a person', () => {
    const g = family();
    expect(relativesOf(g, 'p1').siblings).toEqual(['p4']);
    expect(relativesOf(g, 'p2').childLines.map((p) => p.child)).toEqual(['p1', 'p4']);
    expect(relativesOf(g, 'p3').partnerships.map((p) => p.id)).toEqual(['r1']);
  });
});
