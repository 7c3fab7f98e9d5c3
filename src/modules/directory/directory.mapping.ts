import { newId } from '../../platform/ids.ts';
import { type EntryInput, facetCodes, searchFolded } from './directory.models.ts';
import type { ServiceChildren } from './directory.repository.ts';
import { terms } from './directory.terms.ts';

/** The service row's columns for an entry, with the vocabulary's Dutch names added for search. */
export function serviceColumns(entry: EntryInput) {
  const labels = [`type:${entry.type}`, ...entry.targetGroups.map((g) => `target_group:${g}`)]
    .map((k) => terms.get(k)?.name ?? '')
    .join(' ');
  return {
    name: entry.name,
    alternate_name: entry.alternateName ?? null,
    description: entry.description,
    url: entry.url ?? null,
    email: entry.email ?? null,
    type: entry.type,
    target_groups: entry.targetGroups,
    how_to_join: entry.howToJoin,
    application_process: entry.applicationProcess ?? null,
    languages: entry.languages,
    cost_option: entry.costOption,
    cost_amount: entry.costAmount ?? null,
    cost_description: entry.costDescription ?? null,
    minimum_age: entry.minimumAge ?? null,
    maximum_age: entry.maximumAge ?? null,
    good_practice: JSON.stringify(entry.goodPractice),
    active_elements: entry.activeElements,
    evidence_level: entry.evidenceLevel,
    evidence_source: entry.evidenceSource ?? null,
    facet_codes: facetCodes(entry),
    search_labels: labels,
    search_folded: searchFolded(entry, labels),
  };
}

type Entry = EntryInput;

/** A location's columns from an entry, without its keys and position (shared by the editor and the import). */
export const locationFields = (l: Entry['locations'][number]) => ({
  name: l.name,
  description: l.description ?? null,
  transportation: l.transportation ?? null,
  latitude: l.latitude,
  longitude: l.longitude,
  address_1: l.address1,
  address_2: l.address2 ?? null,
  postal_code: l.postalCode,
  city: l.city,
  state_province: l.stateProvince,
  accessibility: l.accessibility,
  accessibility_description: l.accessibilityDescription ?? null,
});

/** A schedule's columns from an entry, without its keys, position, location and days. */
export const scheduleFields = (s: Entry['schedules'][number]) => ({
  freq: s.freq,
  interval: s.interval,
  dtstart: s.dtstart ?? null,
  opens_at: s.opensAt,
  closes_at: s.closesAt,
  valid_from: s.validFrom ?? null,
  valid_to: s.validTo ?? null,
  description: s.description ?? null,
});

/** A contact's columns from an entry, without its keys and position. */
export const contactFields = (c: Entry['contacts'][number]) => ({
  kind: c.kind,
  name: c.name ?? null,
  title: c.title ?? null,
  email: c.email ?? null,
  phone: c.phone ?? null,
  description: c.description ?? null,
});

/** The rows of an entry's locations, schedules and contacts; ids are kept by position across edits. */
export function childRows(
  key: { organisation_id: string; id: string },
  entry: EntryInput,
  old: ServiceChildren | null,
) {
  const locations = entry.locations.map((l, i) => {
    const previous = old?.locations[i];
    return {
      organisation_id: key.organisation_id,
      id: previous?.id ?? newId(),
      service_id: key.id,
      service_at_location_id: previous?.service_at_location_id ?? newId(),
      position: i,
      ...locationFields(l),
    };
  });
  const schedules = entry.schedules.map((s, i) => ({
    organisation_id: key.organisation_id,
    id: old?.schedules[i]?.id ?? newId(),
    service_id: key.id,
    location_id: s.locationIndex != null ? (locations[s.locationIndex]?.id ?? null) : null,
    position: i,
    ...scheduleFields(s),
    byday: s.byday.toUpperCase(),
  }));
  const contacts = entry.contacts.map((c, i) => ({
    organisation_id: key.organisation_id,
    id: old?.contacts[i]?.id ?? newId(),
    service_id: key.id,
    position: i,
    ...contactFields(c),
  }));
  return { locations, schedules, contacts };
}
