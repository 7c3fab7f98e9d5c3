import { parse } from 'csv-parse/sync';
import { decodeUtf8 } from '../gazetteer/gazetteer.models.ts';
import type { HsdsInput, ImportProblem, Origin } from './directory.import.models.ts';

type Obj = Record<string, unknown>;
type Row = Record<string, string>;

/** The CSV files of an HSDS data package this importer reads; others are ignored. */
export const PACKAGE_FILES = [
  'services.csv',
  'phones.csv',
  'contacts.csv',
  'schedules.csv',
  'service_at_location.csv',
  'locations.csv',
  'addresses.csv',
  'accessibility.csv',
  'languages.csv',
  'cost_options.csv',
  'attributes.csv',
  'taxonomy_terms.csv',
] as const;

/** Parses one CSV strictly; each row keeps its line number. */
function readCsv(file: string, bytes: Uint8Array, problems: ImportProblem[]): { row: Row; line: number }[] {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.push({ file, row: decoded.line, field: null, code: 'directory_import.not_utf8' });
    return [];
  }
  try {
    const records = parse(decoded.text, { columns: true, skip_empty_lines: true, info: true }) as {
      record: Row;
      info: { lines: number };
    }[];
    return records.map((r) => ({ row: r.record, line: r.info.lines }));
  } catch (error) {
    const e = error as Error & { lines?: number };
    problems.push({
      file,
      row: e.lines ?? null,
      field: null,
      code: 'directory_import.unreadable_csv',
      params: { reason: e.message },
    });
    return [];
  }
}

/**
 * Reads an HSDS CSV data package (datapackage.json and CSV files, by name)
 * into nested services, the shape of HSDS JSON. Rows that point at a row that
 * is not there are reported, as are files that cannot be read.
 */
export function readHsdsPackage(files: Map<string, Uint8Array>): HsdsInput {
  const problems: ImportProblem[] = [];
  const origins = new WeakMap<object, Origin>();
  if (!files.has('datapackage.json'))
    problems.push({
      file: 'datapackage.json',
      row: null,
      field: null,
      code: 'directory_import.missing_file',
    });
  if (!files.has('services.csv'))
    problems.push({ file: 'services.csv', row: null, field: null, code: 'directory_import.missing_file' });
  const tables = new Map<string, Obj[]>();
  for (const name of PACKAGE_FILES) {
    const bytes = files.get(name);
    const rows = bytes ? readCsv(name, bytes, problems) : [];
    // Service ids are checked with the JSON ones; a duplicate child row would silently replace the first.
    const lines = new Map<string, number>();
    for (const { row, line } of name === 'services.csv' ? [] : rows) {
      if (row.id && lines.has(row.id))
        problems.push({
          file: name,
          row: line,
          field: 'id',
          code: 'directory_import.duplicate_id',
          params: { id: row.id },
        });
      else if (row.id) lines.set(row.id, line);
    }
    tables.set(
      name,
      rows.map(({ row, line }) => {
        const o: Obj = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
        origins.set(o, { file: name, row: line, prefix: '' });
        return o;
      }),
    );
  }
  const rows = (name: (typeof PACKAGE_FILES)[number]) => tables.get(name) ?? [];
  const byId = (name: (typeof PACKAGE_FILES)[number]) => new Map(rows(name).map((r) => [String(r.id), r]));
  const services = byId('services.csv');
  const locations = byId('locations.csv');
  const sals = byId('service_at_location.csv');
  const contacts = byId('contacts.csv');
  const termCodes = new Map(rows('taxonomy_terms.csv').map((t) => [String(t.id), t]));
  const missing = (o: Obj, field: string) => {
    const origin = origins.get(o);
    problems.push({
      file: origin?.file ?? '',
      row: origin?.row ?? null,
      field,
      code: 'directory_import.missing_reference',
      params: { id: String(o[field] ?? '') },
    });
  };
  /** Adds a row to the list `key` of the row it points at through `field`. */
  const attach = (child: Obj, field: string, parents: Map<string, Obj>, key: string, required = true) => {
    const ref = child[field];
    if (ref === undefined) {
      if (required) missing(child, field);
      return false;
    }
    const parent = parents.get(String(ref));
    if (!parent) {
      missing(child, field);
      return false;
    }
    parent[key] = [...((parent[key] as Obj[] | undefined) ?? []), child];
    return true;
  };

  for (const a of rows('addresses.csv')) attach(a, 'location_id', locations, 'addresses');
  for (const a of rows('accessibility.csv')) attach(a, 'location_id', locations, 'accessibility');
  for (const sal of rows('service_at_location.csv')) {
    const location = locations.get(String(sal.location_id ?? ''));
    if (location) sal.location = location;
    else missing(sal, 'location_id');
    attach(sal, 'service_id', services, 'service_at_locations');
  }
  for (const s of rows('schedules.csv')) {
    if (s.service_at_location_id !== undefined) attach(s, 'service_at_location_id', sals, 'schedules');
    else attach(s, 'service_id', services, 'schedules');
  }
  for (const c of rows('contacts.csv')) attach(c, 'service_id', services, 'contacts');
  for (const p of rows('phones.csv')) {
    if (p.contact_id !== undefined) attach(p, 'contact_id', contacts, 'phones');
    else attach(p, 'service_id', services, 'phones');
  }
  for (const l of rows('languages.csv')) attach(l, 'service_id', services, 'languages');
  for (const c of rows('cost_options.csv')) attach(c, 'service_id', services, 'cost_options');
  for (const a of rows('attributes.csv')) {
    const term = termCodes.get(String(a.taxonomy_term_id ?? ''));
    if (term) a.taxonomy_term = term;
    attach(a, 'link_id', services, 'attributes');
  }
  return { services: rows('services.csv'), origins, problems };
}
