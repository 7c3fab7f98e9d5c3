type Obj = Record<string, unknown>;

/** Columns of each CSV file of the package, as in the HSDS 3.0 tabular schema. */
export const CSV_COLUMNS = {
  organization: ['organizations.csv', 'id,name,alternate_name,description,email,website,uri'],
  service: [
    'services.csv',
    'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,' +
      'application_process,fees_description,wait_time,fees,accreditations,eligibility_description,' +
      'minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified',
  ],
  attribute: ['attributes.csv', 'id,link_id,taxonomy_term_id,link_type,link_entity,value'],
  service_at_location: ['service_at_location.csv', 'id,service_id,location_id,description'],
  location: [
    'locations.csv',
    'id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,' +
      'external_identifier,external_identifier_type',
  ],
  phone: [
    'phones.csv',
    'id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description',
  ],
  contact: [
    'contacts.csv',
    'id,organization_id,service_id,service_at_location_id,location_id,name,title,department,email',
  ],
  address: [
    'addresses.csv',
    'id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,address_type',
  ],
  schedule: [
    'schedules.csv',
    'id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,timezone,until,count,wkst,' +
      'freq,interval,byday,byweekno,bymonthday,byyearday,description,opens_at,closes_at,schedule_link,' +
      'attending_type,notes',
  ],
  service_area: ['service_areas.csv', 'id,service_id,name,description,extent,extent_type,uri'],
  language: ['languages.csv', 'id,service_id,location_id,phone_id,name,code,note'],
  accessibility: ['accessibility.csv', 'id,location_id,description,details,url'],
  cost_option: [
    'cost_options.csv',
    'id,service_id,valid_from,valid_to,option,currency,amount,amount_description',
  ],
  taxonomy_term: [
    'taxonomy_terms.csv',
    'id,code,name,description,parent_id,taxonomy,language,taxonomy_id,term_uri',
  ],
  taxonomy: ['taxonomies.csv', 'id,name,description,uri,version'],
} as const;

export type CsvTable = keyof typeof CSV_COLUMNS;
const NUMBERS = new Set(['latitude', 'longitude', 'minimum_age', 'maximum_age', 'amount', 'interval']);

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
const field = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(table: CsvTable, rows: Obj[]): string {
  const columns = CSV_COLUMNS[table][1].split(',');
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');
}

/** datapackage.json for the written files: a Tabular Data Package as HSDS 3.0 describes it. */
export function dataPackage(tables: CsvTable[]) {
  return {
    name: 'human_services_data',
    title: 'Human Services Data Specification',
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    resources: tables.map((name) => ({
      name,
      path: CSV_COLUMNS[name][0],
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
      schema: {
        primaryKey: 'id',
        fields: CSV_COLUMNS[name][1]
          .split(',')
          .map((f) => ({ name: f, type: NUMBERS.has(f) ? 'number' : 'string' })),
      },
    })),
  };
}

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Spreads nested HSDS services over the package's tables (one row per object). */
export function flatten(services: Obj[], taxonomies: Obj[]): Record<CsvTable, Obj[]> {
  const t: Record<CsvTable, Obj[]> = {
    organization: [],
    service: [],
    attribute: [],
    service_at_location: [],
    location: [],
    phone: [],
    contact: [],
    address: [],
    schedule: [],
    service_area: [],
    language: [],
    accessibility: [],
    cost_option: [],
    taxonomy_term: [],
    taxonomy: taxonomies,
  };
  const organisations = new Map<string, Obj>();
  const termIds = new Set<string>();
  for (const s of services) {
    const organization = s.organization as Obj;
    organisations.set(String(organization.id), organization);
    t.service.push(s);
    for (const p of list(s.phones)) t.phone.push(p);
    for (const c of list(s.contacts)) {
      t.contact.push(c);
      for (const p of list(c.phones)) t.phone.push(p);
    }
    for (const x of list(s.schedules)) t.schedule.push(x);
    for (const a of list(s.service_areas)) t.service_area.push(a);
    for (const l of list(s.languages)) t.language.push(l);
    for (const c of list(s.cost_options)) t.cost_option.push(c);
    for (const a of list(s.attributes)) {
      t.attribute.push(a);
      const term = a.taxonomy_term as Obj;
      if (!termIds.has(String(term.id))) t.taxonomy_term.push(term);
      termIds.add(String(term.id));
    }
    for (const sal of list(s.service_at_locations)) {
      t.service_at_location.push(sal);
      for (const x of list(sal.schedules)) t.schedule.push(x);
      const location = sal.location as Obj;
      t.location.push({ ...location, organization_id: s.organization_id });
      for (const a of list(location.addresses)) t.address.push(a);
      for (const a of list(location.accessibility)) t.accessibility.push(a);
    }
  }
  t.organization = [...organisations.values()];
  return t;
}
