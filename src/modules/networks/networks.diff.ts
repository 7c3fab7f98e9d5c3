import {
  CLIENT_NODE,
  type EcogramMember,
  type NetworkMapDocument,
  type StrengthCard,
  SUPPORT_KINDS,
  type SupportKind,
} from '../../contracts/networks.ts';
import type { Finding } from './networks.analysis.ts';

export type NetworkChangeKind =
  | 'members_added'
  | 'members_removed'
  | 'moved_closer'
  | 'moved_farther'
  | 'support_sources_changed'
  | 'support_sources_new'
  | 'support_sources_lost'
  | 'no_longer_overloaded'
  | 'newly_overloaded'
  | 'now_strained'
  | 'no_longer_strained'
  | 'strengths_added'
  | 'strengths_removed'
  | 'genogram_people_added';

/**
 * One change between two versions of a map, in a shape the sentences can be
 * made from. `labels` are names as the worker typed them, or, for strengths
 * from the set, card ids (`cardIds`) that the sentence translates.
 */
export type NetworkChange = {
  kind: NetworkChangeKind;
  count?: number;
  labels?: string[];
  cardIds?: string[];
  support?: SupportKind;
  from?: number;
  to?: number;
  label?: string;
};

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Members are the same person across versions when their id is; the editors keep ids. */
export function diffNetworkMaps(before: NetworkMapDocument, after: NetworkMapDocument): NetworkChange[] {
  const changes: NetworkChange[] = [];
  const old = new Map(before.ecogram.members.map((m) => [m.id, m]));
  const now = new Map(after.ecogram.members.map((m) => [m.id, m]));
  const added = after.ecogram.members.filter((m) => !old.has(m.id));
  const removed = before.ecogram.members.filter((m) => !now.has(m.id));
  if (added.length > 0) changes.push(listed('members_added', added));
  if (removed.length > 0) changes.push(listed('members_removed', removed));
  const closer: EcogramMember[] = [];
  const farther: EcogramMember[] = [];
  for (const m of after.ecogram.members) {
    const was = old.get(m.id);
    if (!was) continue;
    if (m.ring < was.ring) closer.push(m);
    else if (m.ring > was.ring) farther.push(m);
  }
  if (closer.length > 0) changes.push(listed('moved_closer', closer));
  if (farther.length > 0) changes.push(listed('moved_farther', farther));

  const sourcesBefore = supportSources(before);
  const sourcesAfter = supportSources(after);
  for (const support of SUPPORT_KINDS) {
    const from = sourcesBefore[support];
    const to = sourcesAfter[support];
    if (from === to) continue;
    const kind =
      from === 0 ? 'support_sources_new' : to === 0 ? 'support_sources_lost' : 'support_sources_changed';
    // The sentence counts the people it talks about: who give it now, or who gave it before.
    changes.push({ kind, support, from, to, count: to === 0 ? from : to });
  }

  const overloadedBefore = membersWhere(before, (t) => t.load === 'overloaded');
  const overloadedAfter = membersWhere(after, (t) => t.load === 'overloaded');
  // Someone removed from the map is not "no longer overloaded": that would be a false comfort.
  for (const id of overloadedBefore)
    if (!overloadedAfter.has(id) && now.has(id))
      changes.push({ kind: 'no_longer_overloaded', label: (now.get(id) as EcogramMember).label });
  for (const id of overloadedAfter)
    if (!overloadedBefore.has(id)) changes.push({ kind: 'newly_overloaded', label: labelOf(now, id) });

  const strainedBefore = membersWhere(before, (t) => t.quality === 'strained');
  const strainedAfter = membersWhere(after, (t) => t.quality === 'strained');
  const nowStrained = [...strainedAfter].filter((id) => !strainedBefore.has(id) && old.has(id));
  const noLonger = [...strainedBefore].filter((id) => !strainedAfter.has(id) && now.has(id));
  if (nowStrained.length > 0)
    changes.push(
      labelled(
        'now_strained',
        nowStrained.map((id) => labelOf(now, id)),
      ),
    );
  if (noLonger.length > 0)
    changes.push(
      labelled(
        'no_longer_strained',
        noLonger.map((id) => labelOf(now, id)),
      ),
    );

  const cardKey = (c: StrengthCard) => (c.cardId ? `card:${c.cardId}` : `custom:${c.custom?.label ?? ''}`);
  const cardsBefore = new Set(before.strengths.cards.map(cardKey));
  const cardsAfter = new Set(after.strengths.cards.map(cardKey));
  const cardsAdded = after.strengths.cards.filter((c) => !cardsBefore.has(cardKey(c)));
  const cardsRemoved = before.strengths.cards.filter((c) => !cardsAfter.has(cardKey(c)));
  if (cardsAdded.length > 0) changes.push(cardsChange('strengths_added', cardsAdded));
  if (cardsRemoved.length > 0) changes.push(cardsChange('strengths_removed', cardsRemoved));

  const peopleBefore = new Set(before.genogram.people.map((p) => p.id));
  const people = after.genogram.people.filter((p) => !peopleBefore.has(p.id));
  if (people.length > 0)
    changes.push(
      labelled(
        'genogram_people_added',
        people.map((p) => p.label),
      ),
    );
  return changes;
}

const listed = (kind: NetworkChangeKind, members: EcogramMember[]): NetworkChange =>
  labelled(
    kind,
    members.map((m) => m.label),
  );

const labelled = (kind: NetworkChangeKind, labels: string[]): NetworkChange => ({
  kind,
  count: labels.length,
  labels,
});

function cardsChange(kind: NetworkChangeKind, cards: StrengthCard[]): NetworkChange {
  const sorted = [...cards].sort((a, b) => a.rank - b.rank);
  return {
    kind,
    count: cards.length,
    cardIds: sorted.flatMap((c) => (c.cardId ? [c.cardId] : [])),
    labels: sorted.flatMap((c) => (c.custom ? [c.custom.label] : [])),
  };
}

const labelOf = (members: Map<string, EcogramMember>, id: string) => members.get(id)?.label ?? id;

/** How many members give the person each kind of support. */
function supportSources(doc: NetworkMapDocument): Record<SupportKind, number> {
  const members = new Set(doc.ecogram.members.map((m) => m.id));
  const sets = Object.fromEntries(SUPPORT_KINDS.map((k) => [k, new Set<string>()])) as Record<
    SupportKind,
    Set<string>
  >;
  for (const tie of doc.ecogram.ties)
    if (tie.from === CLIENT_NODE && members.has(tie.to))
      for (const k of tie.supportReceived) sets[k].add(tie.to);
  return Object.fromEntries(SUPPORT_KINDS.map((k) => [k, sets[k].size])) as Record<SupportKind, number>;
}

function membersWhere(
  doc: NetworkMapDocument,
  test: (tie: NetworkMapDocument['ecogram']['ties'][number]) => boolean,
): Set<string> {
  const members = new Set(doc.ecogram.members.map((m) => m.id));
  const out = new Set<string>();
  for (const tie of doc.ecogram.ties) if (members.has(tie.to) && test(tie)) out.add(tie.to);
  return out;
}

/** A list of names as people write it: "Jan, Mia en Els" (the "and" is translated). */
function joinLabels(labels: string[], t: Translate): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${t('networks.and')} ${labels.at(-1)}`;
}

/** The support kind in words, and capitalised for the start of a sentence. */
function supportVars(support: SupportKind | undefined, t: Translate) {
  const words = support ? t(`networks.support.${support}`) : '';
  return { support: words, Support: words.charAt(0).toLocaleUpperCase() + words.slice(1) };
}

/**
 * The change as one plain sentence, from `networks.changes.<kind>` (plural
 * forms `_one`/`_other` by `count`). Card labels come from `networks.cards`.
 */
export function describeChange(change: NetworkChange, t: Translate): string {
  const labels = [...(change.cardIds ?? []).map((id) => t(`networks.cards.${id}`)), ...(change.labels ?? [])];
  return t(`networks.changes.${change.kind}`, {
    count: change.count ?? labels.length,
    labels: joinLabels(labels, t),
    label: change.label ?? '',
    ...supportVars(change.support, t),
    from: change.from,
    to: change.to,
  });
}

/**
 * A finding as one plain sentence, from `networks.findings.<kind>`; member ids
 * become names through `names` (the map's members), sectors and support kinds
 * their translated words.
 */
export function describeFinding(finding: Finding, t: Translate, names: Record<string, string> = {}): string {
  const labels = (finding.memberIds ?? []).map((id) => names[id] ?? id);
  return t(`networks.findings.${finding.kind}`, {
    count: finding.count ?? labels.length,
    labels: joinLabels(labels, t),
    sector: finding.sector ? t(`networks.sectors.${finding.sector}`) : '',
    ...supportVars(finding.support, t),
  });
}
