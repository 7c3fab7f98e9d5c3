import { stableId } from './directory.ids.ts';
import type { EntryInput } from './directory.models.ts';
import { parseByday } from './directory.schedule.ts';
import { terms } from './directory.terms.ts';

type Obj = Record<string, unknown>;

/** One thing wrong with the imported data: where it is (file, row, field) and what (a locale code). */
export interface ImportProblem {
  file: string;
  /** CSV: the line number; JSON: the number of the service in the file. */
  row: number | null;
  field: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** Where an object came from: CSV file and line, or JSON file, service number and path. */
export interface Origin {
  file: string;
  row: number | null;
  prefix: string;
}

/** Nested HSDS services as read from either format, with the origin of each object for the report. */
export interface HsdsInput {
  services: Obj[];
  origins: WeakMap<object, Origin>;
  problems: ImportProblem[];
}

/**
 * Our row ids are uuids: an HSDS id that is one is kept (so our own exports
 * import back with the same ids); any other becomes a stable uuid of it within
 * the importing organisation, so two organisations' "1" do not collide.
 */
export const importedId = (id: string, organisationId: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? id.toLowerCase()
    : stableId(`hsds:${organisationId}:${id}`);

/** A checked service; its ids are still the HSDS ones (see importedId). */
export interface ImportedService {
  id: string;
  status: 'published' | 'archived';
  assuredDate: string | null;
  entry: EntryInput;
  locations: { id: string; salId: string }[];
  schedules: { id: string }[];
  contacts: { id: string }[];
}

const list = (v: unknown): Obj[] =>
  Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null) : [];
const termsById = new Map([...terms].map(([code, t]) => [t.id, code]));
const accessibilityByName = new Map(
  [...terms.values()].filter((t) => t.taxonomy === 'accessibility').map((t) => [t.name, t.code]),
);
const TIME = /^[0-2][0-9]:[0-5][0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates nested HSDS services and maps them to entries; every problem is collected, none thrown. */
export function mapServices(input: HsdsInput): { services: ImportedService[]; problems: ImportProblem[] } {
  const problems = [...input.problems];
  const report = (o: object, field: string, code: string, params?: Record<string, string | number>) => {
    const origin = input.origins.get(o) ?? { file: '', row: null, prefix: '' };
    problems.push({ file: origin.file, row: origin.row, field: `${origin.prefix}${field}`, code, params });
  };
  const text = (o: Obj, field: string, required = false): string | null => {
    const v = o[field];
    if (v === undefined || v === null || v === '') {
      if (required) report(o, field, 'directory_import.required');
      return null;
    }
    if (typeof v !== 'string') {
      report(o, field, 'directory_import.not_text');
      return null;
    }
    return v;
  };
  const num = (o: Obj, field: string, required = false): number | null => {
    const v = o[field];
    if (v === undefined || v === null || v === '') {
      if (required) report(o, field, 'directory_import.required');
      return null;
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      report(o, field, 'directory_import.not_number', { value: String(v) });
      return null;
    }
    return n;
  };
  const date = (o: Obj, field: string) => {
    const v = text(o, field);
    if (v !== null && !DATE.test(v)) report(o, field, 'directory_import.not_date', { value: v });
    return v;
  };
  const seen = new Map<string, Set<string>>();
  const unique = (kind: string, o: Obj) => {
    const id = text(o, 'id', true);
    if (id === null) return '';
    const ids = seen.get(kind) ?? new Set<string>();
    seen.set(kind, ids);
    if (ids.has(id)) report(o, 'id', 'directory_import.duplicate_id', { id });
    ids.add(id);
    return id;
  };

  const services = input.services.map((s, n): ImportedService => {
    const id = unique('service', s);
    const status = text(s, 'status', true);
    if (status !== null && !['active', 'inactive', 'defunct', 'temporarily closed'].includes(status))
      report(s, 'status', 'directory_import.invalid_status', { value: status });
    const codes = list(s.attributes).map((a) => {
      const term = typeof a.taxonomy_term === 'object' && a.taxonomy_term ? (a.taxonomy_term as Obj) : {};
      const termId = text(a, 'taxonomy_term_id');
      const code = (termId && termsById.get(termId)) || (typeof term.code === 'string' ? term.code : null);
      if (!code || !terms.has(code)) report(a, 'taxonomy_term_id', 'directory_import.unknown_term');
      return { code: code ?? '', value: text(a, 'value') };
    });
    const of = (taxonomy: string) =>
      codes.filter((c) => c.code.startsWith(`${taxonomy}:`)).map((c) => c.code.slice(taxonomy.length + 1));
    const one = (taxonomy: string) => {
      const found = of(taxonomy)[0];
      if (found === undefined) report(s, 'attributes', 'directory_import.missing_term', { taxonomy });
      return found ?? '';
    };
    const cost = list(s.cost_options)[0];
    const sals = list(s.service_at_locations);
    const locations = sals.map((sal, position) => {
      const l = typeof sal.location === 'object' && sal.location ? (sal.location as Obj) : null;
      if (!l) report(sal, 'location_id', 'directory_import.missing_reference');
      const loc = l ?? {};
      const address = list(loc.addresses)[0];
      if (l && !address) report(l, 'addresses', 'directory_import.missing_address');
      const a = address ?? {};
      const accessibility = list(loc.accessibility).map((x) => {
        const name = text(x, 'description', true) ?? '';
        const code = accessibilityByName.get(name) ?? (terms.has(`accessibility:${name}`) ? name : null);
        if (code === null) report(x, 'description', 'directory_import.unknown_term');
        return { code: code ?? '', details: text(x, 'details') };
      });
      return {
        // Services may share a location (each gets its own copy); one service may not list it twice.
        id: l ? unique(`location of service ${n}`, l) : '',
        salId: unique('service_at_location', sal),
        position,
        input: {
          name: text(loc, 'name') ?? '',
          description: text(loc, 'description'),
          transportation: text(loc, 'transportation'),
          latitude: num(loc, 'latitude', l !== null) ?? 0,
          longitude: num(loc, 'longitude', l !== null) ?? 0,
          address1: address ? (text(a, 'address_1', true) ?? '') : '',
          address2: text(a, 'address_2'),
          postalCode: address ? (text(a, 'postal_code', true) ?? '') : '',
          city: address ? (text(a, 'city', true) ?? '') : '',
          stateProvince: text(a, 'state_province') ?? '',
          accessibility: accessibility.map((x) => x.code),
          accessibilityDescription: accessibility.find((x) => x.details)?.details ?? null,
        },
      };
    });
    const scheduleRows = [
      ...list(s.schedules).map((x) => ({ x, location: null as number | null })),
      ...sals.flatMap((sal, i) => list(sal.schedules).map((x) => ({ x, location: i as number | null }))),
    ].map(({ x, location }) => {
      const freq = text(x, 'freq', true);
      if (freq !== null && freq !== 'WEEKLY' && freq !== 'MONTHLY')
        report(x, 'freq', 'directory_import.invalid_value', { value: freq });
      const byday = (text(x, 'byday', true) ?? '').toUpperCase();
      if (byday && (!parseByday(byday) || (freq === 'WEEKLY' && /\d/.test(byday))))
        report(x, 'byday', 'directory_import.invalid_value', { value: byday });
      const time = (field: string) => {
        const v = text(x, field, true) ?? '';
        if (v && !TIME.test(v)) report(x, field, 'directory_import.invalid_value', { value: v });
        return v.slice(0, 5);
      };
      return {
        id: unique('schedule', x),
        input: {
          freq: (freq === 'MONTHLY' ? 'MONTHLY' : 'WEEKLY') as 'WEEKLY' | 'MONTHLY',
          interval: num(x, 'interval') ?? 1,
          byday,
          dtstart: date(x, 'dtstart'),
          opensAt: time('opens_at'),
          closesAt: time('closes_at'),
          validFrom: date(x, 'valid_from'),
          validTo: date(x, 'valid_to'),
          locationIndex: location,
          description: text(x, 'description'),
        },
      };
    });
    const contacts = [
      ...list(s.phones).map((p) => ({
        id: unique('phone', p),
        input: {
          kind: 'phone' as const,
          phone: text(p, 'number', true),
          description: text(p, 'description'),
        },
      })),
      ...list(s.contacts).map((c) => ({
        id: unique('contact', c),
        input: {
          kind: 'contact' as const,
          name: text(c, 'name'),
          title: text(c, 'title'),
          email: text(c, 'email'),
          phone: list(c.phones)[0] ? text(list(c.phones)[0] as Obj, 'number') : null,
        },
      })),
    ];
    const evidence = codes.find((c) => c.code.startsWith('evidence_level:'));
    return {
      id,
      status: status === 'active' ? 'published' : 'archived',
      assuredDate: date(s, 'assured_date'),
      entry: {
        name: text(s, 'name', true) ?? '',
        alternateName: text(s, 'alternate_name'),
        description: text(s, 'description') ?? '',
        url: text(s, 'url'),
        email: text(s, 'email'),
        type: one('type'),
        targetGroups: of('target_group'),
        howToJoin: one('how_to_join'),
        applicationProcess: text(s, 'application_process'),
        languages: list(s.languages).map((l) => text(l, 'code', true) ?? ''),
        costOption: one('cost'),
        costAmount: cost ? num(cost, 'amount') : null,
        costDescription: text(s, 'fees_description') ?? (cost ? text(cost, 'amount_description') : null),
        minimumAge: num(s, 'minimum_age'),
        maximumAge: num(s, 'maximum_age'),
        goodPractice: {},
        activeElements: of('active_element'),
        evidenceLevel: one('evidence_level'),
        evidenceSource: evidence?.value ?? null,
        locations: locations.map((l) => l.input),
        schedules: scheduleRows.map((x) => x.input),
        contacts: contacts.map((c) => c.input),
      },
      locations: locations.map((l) => ({ id: l.id, salId: l.salId })),
      schedules: scheduleRows.map((x) => ({ id: x.id })),
      contacts: contacts.map((c) => ({ id: c.id })),
    };
  });
  return { services, problems };
}

/** HSDS JSON: one service, a list of services, or a page of them. */
export function readHsdsJson(file: string, text: string): HsdsInput {
  const origins = new WeakMap<object, Origin>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      services: [],
      origins,
      problems: [
        {
          file,
          row: null,
          field: null,
          code: 'directory_import.invalid_json',
          params: { reason: String(error) },
        },
      ],
    };
  }
  const top = parsed as Obj;
  const services = Array.isArray(parsed)
    ? list(parsed)
    : Array.isArray(top?.contents)
      ? list(top.contents)
      : [top];
  // Every nested object gets its service number and its path, so a problem can point at it.
  const mark = (value: unknown, row: number, prefix: string) => {
    if (typeof value !== 'object' || value === null) return;
    origins.set(value, { file, row, prefix });
    for (const [key, child] of Object.entries(value))
      if (Array.isArray(child)) for (const [i, c] of child.entries()) mark(c, row, `${prefix}${key}[${i}].`);
      else if (typeof child === 'object') mark(child, row, `${prefix}${key}.`);
  };
  for (const [i, s] of services.entries()) mark(s, i + 1, '');
  if (services.length === 0 || services.some((s) => typeof s !== 'object' || s === null))
    return {
      services: [],
      origins,
      problems: [{ file, row: null, field: null, code: 'directory_import.no_services' }],
    };
  return { services, origins, problems: [] };
}
