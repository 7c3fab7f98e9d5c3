import { stableId } from './directory.ids.ts';
import type {
  ContactRow,
  LocationRow,
  ScheduleRow,
  ServiceChildren,
  ServiceRow,
} from './directory.repository.ts';
import type { Taxonomy, Term } from './directory.terms.ts';

type Obj = Record<string, unknown>;

/** HSDS fields are typed without null: absent values are left out. */
export function compact<T extends Obj>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** What presenting a service needs besides its own rows. */
export interface HsdsLookups {
  terms: Map<string, Term>;
  organisationNames: Map<string, string>;
  areaNames: Map<string, string>;
  metadata: Map<
    string,
    {
      id: string;
      last_action_date: Date;
      last_action_type: string;
      field_name: string;
      previous_value: string;
      replacement_value: string;
    }[]
  >;
}

const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  de: 'Deutsch',
  ar: 'العربية',
  tr: 'Türkçe',
  uk: 'Українська',
  pl: 'Polski',
  ro: 'Română',
  es: 'Español',
  vgt: 'Vlaamse Gebarentaal',
};

export const presentTaxonomy = (t: Taxonomy) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  version: t.version,
});

export const presentTerm = (t: Term) => ({
  id: t.id,
  code: `${t.taxonomy}:${t.code}`,
  name: t.name,
  description: t.description,
  taxonomy: t.taxonomy,
  taxonomy_id: t.taxonomy_id,
  language: 'nl',
});

function attributes(row: ServiceRow, lookups: HsdsLookups) {
  const codes = [
    `type:${row.type}`,
    ...row.target_groups.map((g) => `target_group:${g}`),
    `how_to_join:${row.how_to_join}`,
    `cost:${row.cost_option}`,
    ...row.active_elements.map((a) => `active_element:${a}`),
    `evidence_level:${row.evidence_level}`,
  ];
  return codes.flatMap((code) => {
    const term = lookups.terms.get(code);
    if (!term) return [];
    return [
      compact({
        id: stableId(`${row.id}:attribute:${term.id}`),
        link_id: row.id,
        link_type: 'service',
        link_entity: 'service',
        taxonomy_term_id: term.id,
        taxonomy_term: presentTerm(term),
        value: code.startsWith('evidence_level:') ? row.evidence_source : null,
      }),
    ];
  });
}

const schedule = (s: ScheduleRow, extra: Obj) =>
  compact({
    id: s.id,
    service_id: s.service_id,
    freq: s.freq,
    interval: s.interval,
    byday: s.byday,
    dtstart: s.dtstart,
    opens_at: s.opens_at,
    closes_at: s.closes_at,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    description: s.description,
    attending_type: 'in_person',
    ...extra,
  });

function contact(c: ContactRow) {
  return compact({
    id: c.id,
    service_id: c.service_id,
    name: c.name,
    title: c.title,
    email: c.email,
    phones: c.phone ? [{ id: stableId(`${c.id}:phone`), contact_id: c.id, number: c.phone }] : [],
  });
}

/** An HSDS location with its address and accessibility. */
export function presentLocation(l: LocationRow, lookups: HsdsLookups) {
  return compact({
    id: l.id,
    location_type: 'physical',
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses: [
      compact({
        id: stableId(`${l.id}:address`),
        location_id: l.id,
        address_1: l.address_1,
        address_2: l.address_2,
        city: l.city,
        state_province: l.state_province,
        postal_code: l.postal_code,
        country: l.country,
        address_type: 'physical',
      }),
    ],
    accessibility: l.accessibility.map((a) =>
      compact({
        id: stableId(`${l.id}:accessibility:${a}`),
        location_id: l.id,
        description: lookups.terms.get(`accessibility:${a}`)?.name ?? a,
        details: l.accessibility_description,
      }),
    ),
  });
}

/** The one-to-one fields of a service (HSDS service_list). */
export function presentServiceBasics(row: ServiceRow, lookups: HsdsLookups) {
  const organisationName = lookups.organisationNames.get(row.organisation_id) ?? '';
  return compact({
    id: row.id,
    organization_id: row.organisation_id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    url: row.url,
    email: row.email,
    status: 'active',
    application_process: row.application_process,
    fees_description: row.cost_description,
    minimum_age: row.minimum_age,
    maximum_age: row.maximum_age,
    assured_date: row.assured_date,
    last_modified: row.updated_at.toISOString(),
    organization: { id: row.organisation_id, name: organisationName, description: organisationName },
  });
}

/** A fully nested HSDS service. */
export function presentService(row: ServiceRow, children: ServiceChildren, lookups: HsdsLookups) {
  const organisationName = lookups.organisationNames.get(row.organisation_id) ?? '';
  const area = row.municipality_id ?? row.region_id;
  return {
    ...presentServiceBasics(row, lookups),
    phones: children.contacts
      .filter((c) => c.kind === 'phone' && c.phone)
      .map((c) =>
        compact({ id: c.id, service_id: row.id, number: c.phone ?? '', description: c.description }),
      ),
    contacts: children.contacts.filter((c) => c.kind === 'contact').map(contact),
    schedules: children.schedules.filter((s) => s.location_id === null).map((s) => schedule(s, {})),
    service_areas: [
      compact({
        id: stableId(`${row.id}:service_area`),
        service_id: row.id,
        name: lookups.areaNames.get(area),
        extent_type: row.municipality_id ? 'municipality' : 'region',
      }),
    ],
    service_at_locations: children.locations.map((l) => ({
      id: l.service_at_location_id,
      service_id: row.id,
      location_id: l.id,
      schedules: children.schedules
        .filter((s) => s.location_id === l.id)
        .map((s) => schedule(s, { location_id: l.id, service_at_location_id: l.service_at_location_id })),
      location: presentLocation(l, lookups),
    })),
    languages: row.languages.map((code) => ({
      id: stableId(`${row.id}:language:${code}`),
      service_id: row.id,
      code,
      name: LANGUAGE_NAMES[code] ?? code,
    })),
    cost_options: [
      compact({
        id: stableId(`${row.id}:cost_option`),
        service_id: row.id,
        option: lookups.terms.get(`cost:${row.cost_option}`)?.name ?? row.cost_option,
        currency: row.cost_amount === null ? null : 'EUR',
        amount: row.cost_amount,
        amount_description: row.cost_description,
      }),
    ],
    attributes: attributes(row, lookups),
    // Who changed it is shown as the organisation, never as the person.
    metadata: (lookups.metadata.get(row.id) ?? []).map((m) => ({
      id: m.id,
      resource_id: row.id,
      resource_type: 'service',
      last_action_date: m.last_action_date.toISOString(),
      last_action_type: m.last_action_type,
      field_name: m.field_name,
      previous_value: m.previous_value,
      replacement_value: m.replacement_value,
      updated_by: organisationName,
    })),
  };
}
