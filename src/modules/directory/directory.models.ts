import { type Recurrence, weekdaysOf } from './directory.schedule.ts';
import type { EntryStatus } from './directory.tables.ts';

export interface LocationInput {
  name: string;
  description?: string | null;
  transportation?: string | null;
  latitude: number;
  longitude: number;
  address1: string;
  address2?: string | null;
  postalCode: string;
  city: string;
  stateProvince: string;
  accessibility: string[];
  accessibilityDescription?: string | null;
}

export interface ScheduleInput extends Omit<Recurrence, 'dtstart' | 'validFrom' | 'validTo'> {
  dtstart?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** Index into the entry's locations; absent: the schedule is the service's own. */
  locationIndex?: number | null;
  description?: string | null;
}

export interface ContactInput {
  kind: 'contact' | 'phone';
  name?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
}

export interface GoodPractice {
  goal?: string;
  approach?: string;
  reach?: string;
  costs?: string;
  results?: string;
  contactForMunicipalities?: string;
}

/** What an editor writes: the whole entry, every time (the server keeps the history). */
export interface EntryInput {
  name: string;
  alternateName?: string | null;
  description: string;
  url?: string | null;
  email?: string | null;
  type: string;
  targetGroups: string[];
  howToJoin: string;
  applicationProcess?: string | null;
  languages: string[];
  costOption: string;
  costAmount?: number | null;
  costDescription?: string | null;
  minimumAge?: number | null;
  maximumAge?: number | null;
  goodPractice: GoodPractice;
  activeElements: string[];
  evidenceLevel: string;
  evidenceSource?: string | null;
  locations: LocationInput[];
  schedules: ScheduleInput[];
  contacts: ContactInput[];
}

/** A location as an editor may give it: without coordinates or province, the postcode's are used. */
export type LocationDraft = Omit<LocationInput, 'latitude' | 'longitude' | 'stateProvince'> & {
  latitude?: number | undefined;
  longitude?: number | undefined;
  stateProvince?: string | undefined;
};
export type EntryDraft = Omit<EntryInput, 'locations'> & { locations: LocationDraft[] };

type Action = 'publish' | 'archive' | 'reopen';
const TRANSITIONS: Record<Action, { from: EntryStatus[]; to: EntryStatus }> = {
  publish: { from: ['draft', 'archived'], to: 'published' },
  archive: { from: ['draft', 'published'], to: 'archived' },
  reopen: { from: ['archived'], to: 'draft' },
};

/** The status after an action, or null when the action does not apply to the current status. */
export function transition(status: EntryStatus, action: Action): EntryStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Lower case without accents: "Café Één" → "cafe een". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Every code the search filters and counts on, as "dimension:code". */
export function facetCodes(entry: EntryInput): string[] {
  const codes = [
    `type:${entry.type}`,
    `cost:${entry.costOption}`,
    `how_to_join:${entry.howToJoin}`,
    `evidence_level:${entry.evidenceLevel}`,
    ...entry.targetGroups.map((g) => `target_group:${g}`),
    ...entry.languages.map((l) => `language:${l}`),
    ...entry.activeElements.map((a) => `active_element:${a}`),
    ...entry.locations.flatMap((l) => l.accessibility.map((a) => `accessibility:${a}`)),
    ...entry.schedules.flatMap((s) => weekdaysOf(s).map((d) => `day:${d}`)),
  ];
  return [...new Set(codes)].sort();
}

/** Text for fuzzy matching: name, description, labels and places, folded. */
export function searchFolded(entry: EntryInput, labels: string): string {
  return fold(
    [
      entry.name,
      entry.alternateName ?? '',
      labels,
      entry.description,
      ...entry.locations.map((l) => `${l.name} ${l.city}`),
    ].join(' '),
  )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Small domain synonym list: a query word also finds its partners. */
const SYNONYMS: string[][] = [
  ['bezoek', 'bezoekje', 'huisbezoek'],
  ['eenzaam', 'eenzame', 'eenzaamheid', 'alleen', 'alleenstaand'],
  ['babbel', 'praat', 'gesprek', 'klap'],
  ['koffie', 'koffiebabbel', 'koffieklets'],
  ['eten', 'maaltijd', 'restaurant', 'soep'],
  ['senior', 'ouderen', 'oudere', 'bejaard'],
  ['jongeren', 'jeugd', 'tiener'],
  ['wandel', 'wandeling', 'wandelen'],
  ['buddy', 'maatje', 'meter', 'peter'],
  ['telefoon', 'bellen', 'telefooncirkel'],
  ['computer', 'digitaal', 'smartphone', 'tablet'],
];
const STOPWORDS = new Set(
  'de het een en of van voor in op met te aan bij naar om is dat die er ik je we wij zij ze'.split(' '),
);
export const MAX_QUERY_WORDS = 8;

/** One query word and its synonyms: any of them may match. */
export interface QueryWord {
  word: string;
  alternatives: string[];
}

/** Splits a free-text query into folded words (stopwords dropped), each with its synonyms. */
export function parseQuery(q: string): QueryWord[] {
  const words = fold(q)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  const unique = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
  return unique.map((word) => {
    const group = SYNONYMS.find((g) => g.some((s) => s === word || (word.length >= 5 && word.startsWith(s))));
    return { word, alternatives: [...new Set([word, ...(group ?? [])])] };
  });
}

export interface FieldChange {
  field: string;
  previous: string;
  replacement: string;
}

const show = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** The fields that differ between two versions of an entry (for the change history). */
export function changedFields(before: EntryInput | null, after: EntryInput): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(after) as (keyof EntryInput)[]) {
    const previous = before ? show(before[key]) : '';
    const replacement = show(after[key]);
    if (previous !== replacement) changes.push({ field: key, previous, replacement });
  }
  return changes;
}

/** Distance in km between two WGS84 points (the same haversine the SQL uses). */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const s =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(s));
}

/** Entries not verified for this many months are stale: flagged and their owners reminded. */
export const STALE_AFTER_MONTHS = 12;
