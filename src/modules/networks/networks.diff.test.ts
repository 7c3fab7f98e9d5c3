import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../../platform/paths.ts';
import { mapOf, member, person, tie } from './networks.analysis.fixtures.ts';
import { analyseNetwork, type Finding } from './networks.analysis.ts';
import { describeChange, describeFinding, diffNetworkMaps, type NetworkChange } from './networks.diff.ts';

function translatorFor(locale: 'nl-BE' | 'fr-BE' | 'en') {
  const tree = JSON.parse(readFileSync(fromProjectRoot('src', 'locales', locale, 'networks.json'), 'utf8'));
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: locale,
    resources: { [locale]: { translation: tree } },
    interpolation: { escapeValue: false },
  });
  return (key: string, vars?: Record<string, unknown>) => {
    // A missing key comes back as the key itself: fail loudly instead.
    if (!instance.exists(key, vars)) throw new Error(`missing translation ${locale} ${key}`);
    return instance.t(key, vars);
  };
}
const nl = translatorFor('nl-BE');

const els = member('els', { label: 'Dochter Els', ring: 1 });
const jan = member('jan', { label: 'Jan', sector: 'friends', ring: 3 });
const before = mapOf({
  members: [els, jan, member('old', { label: 'Oude buur', sector: 'neighbours' })],
  ties: [
    tie('t1', 'els', {
      supportReceived: ['emotional', 'practical'],
      load: 'overloaded',
      quality: 'strained',
    }),
    tie('t2', 'jan', { quality: 'strained' }),
  ],
  genogram: { people: [person('me', { index: true })] },
  cards: [{ cardId: 'gardening', rank: 1 }],
});
const after = mapOf({
  members: [
    els,
    { ...jan, ring: 2 },
    member('mia', { label: 'Mia', sector: 'friends' }),
    member('bo', { label: 'Bo', sector: 'school_work_associations', ring: 3 }),
  ],
  ties: [
    tie('t1', 'els', { supportReceived: ['emotional'], load: 'ok' }),
    tie('t2', 'jan', { supportReceived: ['emotional'], quality: 'strained' }),
    tie('t3', 'mia', { supportReceived: ['emotional', 'company'] }),
    tie('t4', 'bo', { load: 'overloaded' }),
  ],
  genogram: { people: [person('me', { index: true }), person('oma', { label: 'Oma Rosa' })] },
  cards: [
    { cardId: 'gardening', rank: 1 },
    { cardId: 'singing', rank: 2 },
    { custom: { category: 'energy', label: 'Mijn kleinkinderen' }, rank: 3 },
  ],
});

describe('diffNetworkMaps', () => {
  const changes = diffNetworkMaps(before, after);

  it('lists what changed between two versions, in a fixed order', () => {
    expect(changes).toEqual<NetworkChange[]>([
      { kind: 'members_added', count: 2, labels: ['Mia', 'Bo'] },
      { kind: 'members_removed', count: 1, labels: ['Oude buur'] },
      { kind: 'moved_closer', count: 1, labels: ['Jan'] },
      { kind: 'support_sources_changed', support: 'emotional', from: 1, to: 3, count: 3 },
      { kind: 'support_sources_lost', support: 'practical', from: 1, to: 0, count: 1 },
      { kind: 'support_sources_new', support: 'company', from: 0, to: 1, count: 1 },
      { kind: 'no_longer_overloaded', label: 'Dochter Els' },
      { kind: 'newly_overloaded', label: 'Bo' },
      { kind: 'no_longer_strained', count: 1, labels: ['Dochter Els'] },
      { kind: 'strengths_added', count: 2, cardIds: ['singing'], labels: ['Mijn kleinkinderen'] },
      { kind: 'genogram_people_added', count: 1, labels: ['Oma Rosa'] },
    ]);
  });

  it('finds nothing between a map and itself', () => {
    expect(diffNetworkMaps(after, after)).toEqual([]);
  });

  it('does not call a helper who left the map "no longer overloaded"', () => {
    const gone = mapOf({ members: [jan], ties: [tie('t2', 'jan')] });
    expect(diffNetworkMaps(before, gone).map((c) => c.kind)).not.toContain('no_longer_overloaded');
  });

  it('sees strengths removed, ties newly strained and members moved farther', () => {
    const worse = mapOf({
      members: [{ ...els, ring: 3 }, jan],
      ties: [tie('t1', 'els', { quality: 'strained' }), tie('t2', 'jan', { quality: 'strained' })],
    });
    const calm = mapOf({
      members: [els, jan],
      ties: [tie('t1', 'els'), tie('t2', 'jan')],
      cards: [{ cardId: 'music', rank: 1 }],
    });
    expect(diffNetworkMaps(calm, worse)).toEqual([
      { kind: 'moved_farther', count: 1, labels: ['Dochter Els'] },
      { kind: 'now_strained', count: 2, labels: ['Dochter Els', 'Jan'] },
      { kind: 'strengths_removed', count: 1, cardIds: ['music'], labels: [] },
    ]);
  });
});

describe('describeChange', () => {
  it('says in plain Flemish what changed', () => {
    expect(diffNetworkMaps(before, after).map((c) => describeChange(c, nl))).toEqual([
      '2 nieuwe contacten: Mia en Bo',
      'Oude buur staat niet meer op de kaart',
      'Jan staat nu dichterbij',
      'Emotionele steun komt nu van 3 mensen in plaats van 1',
      'Niemand geeft nog praktische hulp, eerder deed 1 persoon dat',
      'Er is nu gezelschap van 1 persoon, eerder van niemand',
      'Dochter Els is niet meer overbelast',
      'Bo is nu overbelast',
      'Het contact met Dochter Els loopt weer beter',
      '2 nieuwe sterktes: Zingen en Mijn kleinkinderen',
      '1 persoon erbij in het genogram: Oma Rosa',
    ]);
  });

  it('lists three names with commas and the last one with "en"', () => {
    expect(describeChange({ kind: 'members_added', count: 3, labels: ['Jan', 'Mia', 'Els'] }, nl)).toBe(
      '3 nieuwe contacten: Jan, Mia en Els',
    );
  });

  it('has a sentence for every kind of change in every language', () => {
    const kinds: NetworkChange[] = [
      { kind: 'members_added', count: 1, labels: ['A'] },
      { kind: 'members_removed', count: 2, labels: ['A', 'B'] },
      { kind: 'moved_closer', count: 1, labels: ['A'] },
      { kind: 'moved_farther', count: 2, labels: ['A', 'B'] },
      { kind: 'support_sources_changed', support: 'information', from: 2, to: 1, count: 1 },
      { kind: 'support_sources_new', support: 'practical', from: 0, to: 2, count: 2 },
      { kind: 'support_sources_lost', support: 'company', from: 2, to: 0, count: 2 },
      { kind: 'no_longer_overloaded', label: 'A' },
      { kind: 'newly_overloaded', label: 'A' },
      { kind: 'now_strained', count: 1, labels: ['A'] },
      { kind: 'no_longer_strained', count: 2, labels: ['A', 'B'] },
      { kind: 'strengths_added', count: 1, cardIds: ['cooking'], labels: [] },
      { kind: 'strengths_removed', count: 2, cardIds: ['cooking'], labels: ['Eigen'] },
      { kind: 'genogram_people_added', count: 2, labels: ['A', 'B'] },
    ];
    for (const locale of ['nl-BE', 'fr-BE', 'en'] as const) {
      const t = translatorFor(locale);
      for (const change of kinds) {
        const sentence = describeChange(change, t);
        expect(sentence).not.toMatch(/\{\{|networks\./);
        if (change.labels?.[0]) expect(sentence).toContain(change.labels[0]);
        if (change.label) expect(sentence).toContain(change.label);
      }
    }
    expect(describeChange(kinds[4] as NetworkChange, translatorFor('en'))).toBe(
      'Information and advice now comes from 1 person instead of 2',
    );
  });
});

describe('describeFinding', () => {
  it('turns each finding of an analysis into a sentence with names', () => {
    const names = Object.fromEntries(after.ecogram.members.map((m) => [m.id, m.label]));
    const sentences = analyseNetwork(after).findings.map((f) => describeFinding(f, nl, names));
    expect(sentences).toContain('Er staat niemand bij ‘Hulpverleners en diensten’.');
    expect(sentences).toContain('Bo is overbelast.');
    expect(sentences).toContain('Alleen Mia geeft gezelschap.');
    expect(sentences).toContain('Niemand geeft praktische hulp.');
    expect(sentences).toContain('Het contact met Jan loopt moeilijk.');
    for (const s of sentences) expect(s).not.toMatch(/\{\{|networks\./);
  });

  it('has a sentence for every finding in every language', () => {
    const all: Omit<Finding, 'severity'>[] = [
      { kind: 'no_members' },
      { kind: 'only_formal', count: 2 },
      { kind: 'small_informal_network', count: 2 },
      { kind: 'empty_sector', sector: 'friends' },
      { kind: 'no_support', support: 'emotional' },
      { kind: 'single_source', support: 'emotional', memberIds: ['a'] },
      { kind: 'concentration', memberIds: ['a'], count: 3 },
      { kind: 'overloaded_helpers', memberIds: ['a', 'b'], count: 2 },
      { kind: 'heavy_helpers', memberIds: ['a'], count: 1 },
      { kind: 'strained_ties', memberIds: ['a'], count: 1 },
      { kind: 'only_receiving', count: 2 },
      { kind: 'wish_more_contact', memberIds: ['a'], count: 1 },
      { kind: 'wish_less_contact', memberIds: ['a', 'b'], count: 2 },
    ];
    for (const locale of ['nl-BE', 'fr-BE', 'en'] as const) {
      const t = translatorFor(locale);
      for (const f of all) {
        const sentence = describeFinding({ severity: 'info', ...f }, t, { a: 'Anna', b: 'Bert' });
        expect(sentence).not.toMatch(/\{\{|networks\./);
        if (f.memberIds) expect(sentence).toContain('Anna');
        if (f.memberIds?.length === 2) expect(sentence).toContain('Bert');
      }
    }
  });
});
