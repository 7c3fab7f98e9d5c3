import type { ServiceType } from '../../contracts/directory-vocabulary.ts';
import {
  CLIENT_NODE,
  type NetworkMapDocument,
  SECTORS,
  type Sector,
  type StrengthCard,
  SUPPORT_KINDS,
  type SupportKind,
} from '../../contracts/networks.ts';
import { strengthCardById } from './networks.cards.ts';

export type FindingKind =
  | 'no_members'
  | 'only_formal'
  | 'small_informal_network'
  | 'empty_sector'
  | 'no_support'
  | 'single_source'
  | 'concentration'
  | 'overloaded_helpers'
  | 'heavy_helpers'
  | 'strained_ties'
  | 'only_receiving'
  | 'wish_more_contact'
  | 'wish_less_contact';

export type Finding = {
  kind: FindingKind;
  severity: 'info' | 'attention';
  memberIds?: string[];
  count?: number;
  sector?: Sector;
  support?: SupportKind;
};

/** What a conversation about the map can start from: counts, gaps and who carries what. */
export type NetworkAnalysis = {
  size: number;
  informal: number;
  formal: number;
  sectorsUsed: number;
  emptySectors: Sector[];
  /** Per kind: members who give it to the person (ties from the person whose supportReceived holds it). */
  supportSources: Record<SupportKind, string[]>;
  /** Ties between the person and a member, by which way support flows. */
  reciprocity: { mutual: string[]; receivingOnly: string[]; givingOnly: string[]; none: string[] };
  /** A member who gives more than half of all support items (and at least three), if any. */
  concentration: { memberId: string; items: number; total: number } | null;
  overloaded: string[];
  heavy: string[];
  strained: string[];
  wishes: { more: string[]; less: string[] };
  findings: Finding[];
};

/** Sectors where a missing contact is a gap worth a conversation; family and professionals are often absent by choice. */
const SOCIAL_SECTORS: readonly Sector[] = ['friends', 'neighbours', 'school_work_associations'];
const CONCENTRATION_MIN_ITEMS = 3;
const SMALL_INFORMAL = 3;

const uniq = (ids: string[]) => [...new Set(ids)];

export function analyseNetwork(doc: NetworkMapDocument): NetworkAnalysis {
  const { members, ties } = doc.ecogram;
  const memberIds = new Set(members.map((m) => m.id));
  const formal = members.filter((m) => m.formal).length;
  const used = new Set(members.map((m) => m.sector));
  const emptySectors = SECTORS.filter((s) => !used.has(s));

  const supportSources = Object.fromEntries(SUPPORT_KINDS.map((k) => [k, [] as string[]])) as Record<
    SupportKind,
    string[]
  >;
  const reciprocity: NetworkAnalysis['reciprocity'] = {
    mutual: [],
    receivingOnly: [],
    givingOnly: [],
    none: [],
  };
  const itemsBy = new Map<string, number>();
  let totalItems = 0;
  const overloaded: string[] = [];
  const heavy: string[] = [];
  const strained: string[] = [];
  const more: string[] = [];
  const less: string[] = [];

  for (const tie of ties) {
    if (!memberIds.has(tie.to)) continue;
    if (tie.load === 'overloaded') overloaded.push(tie.to);
    else if (tie.load === 'heavy') heavy.push(tie.to);
    if (tie.from !== CLIENT_NODE) continue;
    for (const kind of tie.supportReceived) (supportSources[kind] as string[]).push(tie.to);
    const received = new Set(tie.supportReceived).size;
    totalItems += received;
    itemsBy.set(tie.to, (itemsBy.get(tie.to) ?? 0) + received);
    const gives = tie.supportGiven.length > 0;
    const gets = received > 0;
    (gives && gets
      ? reciprocity.mutual
      : gets
        ? reciprocity.receivingOnly
        : gives
          ? reciprocity.givingOnly
          : reciprocity.none
    ).push(tie.id);
    if (tie.quality === 'strained') strained.push(tie.to);
    if (tie.wish === 'more') more.push(tie.to);
    else if (tie.wish === 'less') less.push(tie.to);
  }
  for (const kind of SUPPORT_KINDS) supportSources[kind] = uniq(supportSources[kind]).sort();

  let concentration: NetworkAnalysis['concentration'] = null;
  for (const [memberId, items] of [...itemsBy].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    if (items >= CONCENTRATION_MIN_ITEMS && items * 2 > totalItems)
      concentration = { memberId, items, total: totalItems };
    break;
  }

  const analysis: NetworkAnalysis = {
    size: members.length,
    informal: members.length - formal,
    formal,
    sectorsUsed: used.size,
    emptySectors,
    supportSources,
    reciprocity,
    concentration,
    overloaded: uniq(overloaded).sort(),
    heavy: uniq(heavy)
      .filter((id) => !overloaded.includes(id))
      .sort(),
    strained: uniq(strained).sort(),
    wishes: { more: uniq(more).sort(), less: uniq(less).sort() },
    findings: [],
  };
  analysis.findings = findingsOf(analysis);
  return analysis;
}

/** The findings in a fixed order: what needs attention first, then what is worth knowing. */
function findingsOf(a: NetworkAnalysis): Finding[] {
  const out: Finding[] = [];
  if (a.size === 0) out.push({ kind: 'no_members', severity: 'attention' });
  else {
    if (a.informal === 0) out.push({ kind: 'only_formal', severity: 'attention', count: a.formal });
    else if (a.informal < SMALL_INFORMAL)
      out.push({ kind: 'small_informal_network', severity: 'attention', count: a.informal });
    for (const sector of a.emptySectors)
      out.push({
        kind: 'empty_sector',
        severity: SOCIAL_SECTORS.includes(sector) ? 'attention' : 'info',
        sector,
      });
  }
  for (const support of SUPPORT_KINDS) {
    const sources = a.supportSources[support];
    if (sources.length === 0) out.push({ kind: 'no_support', severity: 'attention', support });
    else if (sources.length === 1)
      out.push({ kind: 'single_source', severity: 'attention', support, memberIds: sources });
  }
  if (a.concentration)
    out.push({
      kind: 'concentration',
      severity: 'attention',
      memberIds: [a.concentration.memberId],
      count: a.concentration.items,
    });
  if (a.overloaded.length > 0)
    out.push({
      kind: 'overloaded_helpers',
      severity: 'attention',
      memberIds: a.overloaded,
      count: a.overloaded.length,
    });
  if (a.heavy.length > 0)
    out.push({ kind: 'heavy_helpers', severity: 'info', memberIds: a.heavy, count: a.heavy.length });
  if (a.strained.length > 0)
    out.push({
      kind: 'strained_ties',
      severity: 'attention',
      memberIds: a.strained,
      count: a.strained.length,
    });
  if (
    a.reciprocity.receivingOnly.length > 0 &&
    a.reciprocity.mutual.length + a.reciprocity.givingOnly.length === 0
  )
    out.push({ kind: 'only_receiving', severity: 'info', count: a.reciprocity.receivingOnly.length });
  if (a.wishes.more.length > 0)
    out.push({
      kind: 'wish_more_contact',
      severity: 'info',
      memberIds: a.wishes.more,
      count: a.wishes.more.length,
    });
  if (a.wishes.less.length > 0)
    out.push({
      kind: 'wish_less_contact',
      severity: 'info',
      memberIds: a.wishes.less,
      count: a.wishes.less.length,
    });
  // Attention first; within a severity the order above stays.
  return [...out.filter((f) => f.severity === 'attention'), ...out.filter((f) => f.severity === 'info')];
}

export type InitiativeCandidate = {
  id: string;
  name: string;
  type: ServiceType;
  distanceKm: number | null;
  nextOccurrence: string | null;
};

export type SuggestionReason = {
  kind: 'interest' | 'gap' | 'distance' | 'schedule';
  cardId?: string;
  sector?: Sector;
  support?: SupportKind;
  distanceKm?: number;
  nextOccurrence?: string;
};

export type Suggestion = { id: string; score: number; reasons: SuggestionReason[] };

/** Which kinds of initiative can fill which gap in a network. */
const SECTOR_GAP_TYPES: Partial<Record<Sector, readonly ServiceType[]>> = {
  friends: [
    'meeting_place',
    'neighbourhood_salon',
    'buddy',
    'telephone_circle',
    'soup_cafe',
    'neighbourhood_restaurant',
  ],
  neighbours: ['neighbourhood_salon', 'neighbourhood_restaurant', 'community_garden', 'community_centre'],
  school_work_associations: [
    'volunteering',
    'sport',
    'culture',
    'community_centre',
    'meeting_place',
    'community_garden',
  ],
};
const SUPPORT_GAP_TYPES: Record<SupportKind, readonly ServiceType[]> = {
  emotional: ['support_group', 'buddy', 'telephone_circle', 'helpline', 'home_visits'],
  practical: ['home_visits', 'buddy', 'bridge_figure'],
  information: ['bridge_figure', 'community_centre', 'digital_inclusion'],
  company: ['meeting_place', 'buddy', 'home_visits', 'telephone_circle', 'neighbourhood_salon', 'soup_cafe'],
};

const POINTS = {
  /** For the card ranked first; a card ranked n weighs 1/n of it. */
  interest: 10,
  sectorGap: 8,
  noSupport: 8,
  singleSource: 5,
  /** At 0 km, falling to nothing at DISTANCE_HORIZON_KM. */
  distance: 6,
  schedule: 3,
};
const DISTANCE_HORIZON_KM = 15;

/**
 * Ranks candidate initiatives for this person: what they like (their own
 * cards, the higher ranked the heavier), which gap in the network it fills,
 * how near it is, and whether it has a next date. Every point comes with its
 * reason, so the worker can explain the suggestion. Ties are broken by
 * distance, then name, then id, so the order never depends on the input's.
 */
export function suggestInitiatives(input: {
  analysis: NetworkAnalysis;
  cards: StrengthCard[];
  candidates: InitiativeCandidate[];
}): Suggestion[] {
  const cards = input.cards
    .filter((c) => c.cardId !== undefined)
    .map((c) => ({ rank: c.rank, def: strengthCardById(c.cardId as string) }))
    .filter((c) => c.def !== undefined)
    .sort((a, b) => a.rank - b.rank);
  const gaps: { points: number; reason: SuggestionReason; types: readonly ServiceType[] }[] = [];
  for (const f of input.analysis.findings) {
    if (f.kind === 'empty_sector' && f.sector && SECTOR_GAP_TYPES[f.sector])
      gaps.push({
        points: POINTS.sectorGap,
        reason: { kind: 'gap', sector: f.sector },
        types: SECTOR_GAP_TYPES[f.sector] ?? [],
      });
    if ((f.kind === 'no_support' || f.kind === 'single_source') && f.support)
      gaps.push({
        points: f.kind === 'no_support' ? POINTS.noSupport : POINTS.singleSource,
        reason: { kind: 'gap', support: f.support },
        types: SUPPORT_GAP_TYPES[f.support],
      });
  }

  const scored = input.candidates.map((c) => {
    let score = 0;
    const reasons: SuggestionReason[] = [];
    for (const card of cards) {
      if (!card.def?.serviceTypes.includes(c.type)) continue;
      score += POINTS.interest / card.rank;
      reasons.push({ kind: 'interest', cardId: card.def.id });
    }
    for (const gap of gaps) {
      if (!gap.types.includes(c.type)) continue;
      score += gap.points;
      reasons.push(gap.reason);
    }
    if (c.distanceKm !== null) {
      score += POINTS.distance * Math.max(0, 1 - c.distanceKm / DISTANCE_HORIZON_KM);
      reasons.push({ kind: 'distance', distanceKm: c.distanceKm });
    }
    if (c.nextOccurrence !== null) {
      score += POINTS.schedule;
      reasons.push({ kind: 'schedule', nextOccurrence: c.nextOccurrence });
    }
    return { candidate: c, suggestion: { id: c.id, score: Math.round(score * 100) / 100, reasons } };
  });
  scored.sort((a, b) => {
    if (a.suggestion.score !== b.suggestion.score) return b.suggestion.score - a.suggestion.score;
    const da = a.candidate.distanceKm ?? Number.POSITIVE_INFINITY;
    const db = b.candidate.distanceKm ?? Number.POSITIVE_INFINITY;
    if (da !== db) return da - db;
    if (a.candidate.name !== b.candidate.name) return a.candidate.name < b.candidate.name ? -1 : 1;
    return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
  });
  return scored.map((s) => s.suggestion);
}
