import { describe, expect, it } from 'vitest';
import { EMPTY_NETWORK_MAP } from '../../contracts/networks.ts';
import { mapOf, member, tie } from './networks.analysis.fixtures.ts';
import { analyseNetwork, type InitiativeCandidate, suggestInitiatives } from './networks.analysis.ts';

const els = member('els', { label: 'Dochter Els', sector: 'family', ring: 1 });
const jan = member('jan', { label: 'Buurman Jan', sector: 'neighbours', ring: 2 });
const nurse = member('nurse', { label: 'Thuisverpleging', sector: 'professionals', ring: 2, formal: true });

const carriedByEls = mapOf({
  members: [els, jan, nurse],
  ties: [
    tie('t1', 'els', {
      supportReceived: ['emotional', 'practical', 'company'],
      supportGiven: ['company'],
      load: 'overloaded',
      wish: 'more',
    }),
    tie('t2', 'jan', { supportReceived: ['information'], quality: 'strained', wish: 'less' }),
    tie('t3', 'nurse', { supportReceived: [], load: 'heavy' }),
  ],
});

describe('analyseNetwork', () => {
  const a = analyseNetwork(carriedByEls);

  it('counts members, formal and informal, and names the empty sectors', () => {
    expect({ size: a.size, informal: a.informal, formal: a.formal, sectorsUsed: a.sectorsUsed }).toEqual({
      size: 3,
      informal: 2,
      formal: 1,
      sectorsUsed: 3,
    });
    expect(a.emptySectors).toEqual(['friends', 'school_work_associations']);
  });

  it('lists per kind of support the members who give it to the person', () => {
    expect(a.supportSources).toEqual({
      emotional: ['els'],
      practical: ['els'],
      information: ['jan'],
      company: ['els'],
    });
  });

  it('tells ties where support flows both ways from those where it flows one way', () => {
    expect(a.reciprocity).toEqual({ mutual: ['t1'], receivingOnly: ['t2'], givingOnly: [], none: ['t3'] });
  });

  it('sees that one person carries most of the support', () => {
    expect(a.concentration).toEqual({ memberId: 'els', items: 3, total: 4 });
    expect(a.findings).toContainEqual({
      kind: 'concentration',
      severity: 'attention',
      memberIds: ['els'],
      count: 3,
    });
  });

  it('does not call it concentration below three items or at exactly half', () => {
    const two = mapOf({
      members: [els],
      ties: [tie('t', 'els', { supportReceived: ['emotional', 'practical'] })],
    });
    expect(analyseNetwork(two).concentration).toBeNull();
    const half = mapOf({
      members: [els, jan],
      ties: [
        tie('a', 'els', { supportReceived: ['emotional', 'practical', 'company'] }),
        tie('b', 'jan', { supportReceived: ['emotional', 'practical', 'company'] }),
      ],
    });
    expect(analyseNetwork(half).concentration).toBeNull();
  });

  it('names overloaded and heavily loaded helpers, strained ties and wishes', () => {
    expect(a.overloaded).toEqual(['els']);
    expect(a.heavy).toEqual(['nurse']);
    expect(a.strained).toEqual(['jan']);
    expect(a.wishes).toEqual({ more: ['els'], less: ['jan'] });
  });

  it('puts the findings that need attention first, in a fixed order', () => {
    expect(a.findings.map((f) => [f.kind, f.severity, f.sector ?? f.support ?? f.memberIds?.join()])).toEqual(
      [
        ['small_informal_network', 'attention', undefined],
        ['empty_sector', 'attention', 'friends'],
        ['empty_sector', 'attention', 'school_work_associations'],
        ['single_source', 'attention', 'emotional'],
        ['single_source', 'attention', 'practical'],
        ['single_source', 'attention', 'information'],
        ['single_source', 'attention', 'company'],
        ['concentration', 'attention', 'els'],
        ['overloaded_helpers', 'attention', 'els'],
        ['strained_ties', 'attention', 'jan'],
        ['heavy_helpers', 'info', 'nurse'],
        ['wish_more_contact', 'info', 'els'],
        ['wish_less_contact', 'info', 'jan'],
      ],
    );
  });

  it('says the map is empty, and that only professionals are on it', () => {
    expect(analyseNetwork(EMPTY_NETWORK_MAP).findings[0]).toEqual({
      kind: 'no_members',
      severity: 'attention',
    });
    const formalOnly = analyseNetwork(mapOf({ members: [nurse], ties: [tie('t', 'nurse')] }));
    expect(formalOnly.findings[0]).toEqual({ kind: 'only_formal', severity: 'attention', count: 1 });
    expect(formalOnly.findings).toContainEqual({
      kind: 'no_support',
      severity: 'attention',
      support: 'emotional',
    });
    expect(formalOnly.findings).toContainEqual({ kind: 'empty_sector', severity: 'info', sector: 'family' });
  });

  it('notices when support only flows towards the person', () => {
    const taking = mapOf({
      members: [els, jan],
      ties: [tie('a', 'els', { supportReceived: ['company'] }), tie('b', 'jan')],
    });
    expect(analyseNetwork(taking).findings).toContainEqual({
      kind: 'only_receiving',
      severity: 'info',
      count: 1,
    });
  });

  it('ignores ties between members when counting support to the person', () => {
    const between = mapOf({
      members: [els, jan],
      ties: [tie('a', 'jan', { from: 'els', supportReceived: ['emotional'], load: 'overloaded' })],
    });
    const b = analyseNetwork(between);
    expect(b.supportSources.emotional).toEqual([]);
    // The load is the helper's, whoever they help.
    expect(b.overloaded).toEqual(['jan']);
  });
});

describe('suggestInitiatives', () => {
  const analysis = analyseNetwork(carriedByEls);
  const candidate = (id: string, over: Partial<InitiativeCandidate> = {}): InitiativeCandidate => ({
    id,
    name: id,
    type: 'awareness',
    distanceKm: null,
    nextOccurrence: null,
    ...over,
  });
  const cards = [
    { cardId: 'gardening', rank: 1 },
    { custom: { category: 'interest' as const, label: 'Duiven' }, rank: 2 },
    { cardId: 'cooking', rank: 3 },
  ];

  it('ranks what the person loves most above what fills a gap, above what is merely near', () => {
    const result = suggestInitiatives({
      analysis,
      cards,
      candidates: [
        candidate('near', { distanceKm: 0.5 }),
        candidate('salon', { type: 'neighbourhood_salon' }),
        candidate('garden', { type: 'community_garden' }),
        candidate('soup', { type: 'soup_cafe' }),
      ],
    });
    expect(result.map((s) => s.id)).toEqual(['garden', 'soup', 'salon', 'near']);
    expect(result[0]?.reasons).toEqual([
      { kind: 'interest', cardId: 'gardening' },
      { kind: 'gap', sector: 'school_work_associations' },
    ]);
    expect(result[1]?.reasons).toEqual([
      { kind: 'interest', cardId: 'cooking' },
      { kind: 'gap', sector: 'friends' },
      { kind: 'gap', support: 'company' },
    ]);
    expect(result.map((s) => s.score)).toEqual([18, 16.33, 13, 5.8]);
  });

  it('weighs a card ranked first more than the same card ranked second', () => {
    const ranked = (rank: number) =>
      suggestInitiatives({
        analysis,
        cards: [{ cardId: 'gardening', rank }],
        candidates: [candidate('g', { type: 'community_garden' })],
      })[0]?.score ?? 0;
    expect(ranked(1)).toBeGreaterThan(ranked(2));
  });

  it('prefers the closer of two equal initiatives, and one with a next date', () => {
    const result = suggestInitiatives({
      analysis,
      cards: [],
      candidates: [
        candidate('far', { type: 'sport', distanceKm: 12 }),
        candidate('close', { type: 'sport', distanceKm: 1 }),
        candidate('dated', { type: 'sport', distanceKm: 12, nextOccurrence: '2026-05-04T14:00:00Z' }),
      ],
    });
    expect(result.map((s) => s.id)).toEqual(['close', 'dated', 'far']);
    expect(result[1]?.reasons).toContainEqual({ kind: 'schedule', nextOccurrence: '2026-05-04T14:00:00Z' });
    expect(result[0]?.reasons).toContainEqual({ kind: 'distance', distanceKm: 1 });
  });

  it('orders equal scores by distance, then name, then id, whatever the input order', () => {
    const list = [
      candidate('b', { name: 'Zeta' }),
      candidate('a', { name: 'Zeta' }),
      candidate('c', { name: 'Alfa' }),
      candidate('d', { name: 'Zeta', distanceKm: 40 }),
    ];
    const forward = suggestInitiatives({ analysis, cards: [], candidates: list }).map((s) => s.id);
    const backward = suggestInitiatives({ analysis, cards: [], candidates: [...list].reverse() }).map(
      (s) => s.id,
    );
    expect(forward).toEqual(['d', 'c', 'a', 'b']);
    expect(backward).toEqual(forward);
  });
});
