import type { EntryInput } from './directory.models.ts';
import { STALE_AFTER_MONTHS } from './directory.models.ts';
import type {
  ContactRow,
  LocationRow,
  ScheduleRow,
  ServiceChildren,
  ServiceRow,
} from './directory.repository.ts';
import { earliestOccurrence, type Occurrence, type Recurrence } from './directory.schedule.ts';

export const recurrenceOf = (s: ScheduleRow): Recurrence => ({
  freq: s.freq,
  interval: s.interval,
  byday: s.byday,
  dtstart: s.dtstart,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
  validFrom: s.valid_from,
  validTo: s.valid_to,
});

/** The stored rows back as the editor's document (to compare versions and to edit). */
export function entryFromRows(row: ServiceRow, children: ServiceChildren): EntryInput {
  const locationIndex = new Map(children.locations.map((l, i) => [l.id, i]));
  return {
    name: row.name,
    alternateName: row.alternate_name,
    description: row.description,
    url: row.url,
    email: row.email,
    type: row.type,
    targetGroups: row.target_groups,
    howToJoin: row.how_to_join,
    applicationProcess: row.application_process,
    languages: row.languages,
    costOption: row.cost_option,
    costAmount: row.cost_amount,
    costDescription: row.cost_description,
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    goodPractice: row.good_practice,
    activeElements: row.active_elements,
    evidenceLevel: row.evidence_level,
    evidenceSource: row.evidence_source,
    locations: children.locations.map(presentLocationInput),
    schedules: children.schedules.map((s) => ({
      ...recurrenceOf(s),
      locationIndex: s.location_id ? (locationIndex.get(s.location_id) ?? null) : null,
      description: s.description,
    })),
    contacts: children.contacts.map(presentContact),
  };
}

function presentLocationInput(l: LocationRow) {
  return {
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    address1: l.address_1,
    address2: l.address_2,
    postalCode: l.postal_code,
    city: l.city,
    stateProvince: l.state_province,
    accessibility: l.accessibility,
    accessibilityDescription: l.accessibility_description,
  };
}

const presentContact = (c: ContactRow) => ({
  kind: c.kind,
  name: c.name,
  title: c.title,
  email: c.email,
  phone: c.phone,
  description: c.description,
});

export const presentOccurrence = (o: Occurrence | null) =>
  o ? { startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() } : null;

/** True when nobody verified the entry in the last twelve months. */
export function isStale(row: Pick<ServiceRow, 'assured_date' | 'created_at'>, now: Date): boolean {
  const since = row.assured_date ? new Date(`${row.assured_date}T00:00:00Z`) : row.created_at;
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return since < limit;
}

/** An entry with everything the detail page and the editor show. */
export function presentEntry(row: ServiceRow, children: ServiceChildren, now: Date) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    municipalityId: row.municipality_id,
    status: row.status,
    ...entryFromRows(row, children),
    locations: children.locations.map((l) => ({ id: l.id, ...presentLocationInput(l) })),
    assuredDate: row.assured_date,
    stale: isStale(row, now),
    nextOccurrence: presentOccurrence(earliestOccurrence(children.schedules.map(recurrenceOf), now)),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

/** A line of the editor's list. */
export const presentEntrySummary = (row: ServiceRow, now: Date) => ({
  id: row.id,
  name: row.name,
  type: row.type,
  status: row.status,
  organisationId: row.organisation_id,
  municipalityId: row.municipality_id,
  assuredDate: row.assured_date,
  stale: isStale(row, now),
  updatedAt: row.updated_at.toISOString(),
});
