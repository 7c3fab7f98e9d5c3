import { parse } from 'csv-parse/sync';

export type Region = 'VLG' | 'BRU' | 'WAL';
export const REGIONS: readonly Region[] = ['VLG', 'BRU', 'WAL'];

/** ISO 3166-2:BE provinces with their official Dutch and French names. */
export const PROVINCES = {
  'BE-VAN': { region: 'VLG', nl: 'Antwerpen', fr: 'Anvers' },
  'BE-VBR': { region: 'VLG', nl: 'Vlaams-Brabant', fr: 'Brabant flamand' },
  'BE-VLI': { region: 'VLG', nl: 'Limburg', fr: 'Limbourg' },
  'BE-VOV': { region: 'VLG', nl: 'Oost-Vlaanderen', fr: 'Flandre orientale' },
  'BE-VWV': { region: 'VLG', nl: 'West-Vlaanderen', fr: 'Flandre occidentale' },
  'BE-WBR': { region: 'WAL', nl: 'Waals-Brabant', fr: 'Brabant wallon' },
  'BE-WHT': { region: 'WAL', nl: 'Henegouwen', fr: 'Hainaut' },
  'BE-WLG': { region: 'WAL', nl: 'Luik', fr: 'Liège' },
  'BE-WLX': { region: 'WAL', nl: 'Luxemburg', fr: 'Luxembourg' },
  'BE-WNA': { region: 'WAL', nl: 'Namen', fr: 'Namur' },
} as const satisfies Record<string, { region: Region; nl: string; fr: string }>;
export type ProvinceCode = keyof typeof PROVINCES;

export const isProvinceCode = (value: string): value is ProvinceCode => Object.hasOwn(PROVINCES, value);

export const NIS_CODE = /^[0-9]{5}$/;
export const POSTCODE = /^[1-9][0-9]{3}$/;

/** Belgium's bounding box with a small margin: a point outside it is a typo, not a place. */
export const BELGIUM_BOUNDS = { minLat: 49.45, maxLat: 51.55, minLng: 2.5, maxLng: 6.45 } as const;

export interface GazetteerMunicipality {
  nisCode: string;
  nameNl: string;
  nameFr: string;
  region: Region;
  province: ProvinceCode | null;
  lat: number;
  lng: number;
}

export interface GazetteerPlace {
  postcode: string;
  nisCode: string;
  placeName: string;
  lat: number;
  lng: number;
}

export interface GazetteerData {
  municipalities: GazetteerMunicipality[];
  places: GazetteerPlace[];
}

/** One thing wrong with an input file; `line` is the file's line number (the header is line 1). */
export interface GazetteerFileProblem {
  line: number | null;
  column: string | null;
  code: string;
  params?: Record<string, unknown>;
}

export type ParseResult = { ok: true; data: GazetteerData } | { ok: false; problems: GazetteerFileProblem[] };

export const REQUIRED_COLUMNS = [
  'nis_code',
  'name_nl',
  'name_fr',
  'region',
  'province',
  'lat',
  'lng',
  'postcode',
  'place_name',
  'place_lat',
  'place_lng',
] as const;
/** Provenance columns: documented in data/README.md, checked, not stored. */
export const OPTIONAL_COLUMNS = {
  centroid_source: ['geonames', 'manual'],
  place_point_source: ['geonames', 'centroid'],
};

type Column = (typeof REQUIRED_COLUMNS)[number] | keyof typeof OPTIONAL_COLUMNS;

/** Lower case without accents, for matching what people type against official names. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes strict UTF-8, refusing anything else instead of guessing: a file
 * saved as Windows-1252/Latin-1 (what Excel does by default) would otherwise
 * import "Liège" as "LiÃ¨ge" or fail halfway. The problem names the first
 * line that is not UTF-8 so the person can see which file and where.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          utf8.decode(bytes.subarray(start, i));
        } catch {
          return { ok: false, line };
        }
        start = i + 1;
        line++;
      }
    }
    return { ok: false, line: 1 };
  }
}

const MAX_PROBLEMS = 200;

/**
 * Parses and validates a gazetteer CSV (format: data/README.md). All or
 * nothing: any problem means no data, and every problem found is listed with
 * its line, column and a translatable code.
 */
export function parseGazetteerCsv(input: Uint8Array | string): ParseResult {
  let text: string;
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok)
      return { ok: false, problems: [{ line: decoded.line, column: null, code: 'gazetteer.csv.not_utf8' }] };
    text = decoded.text;
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info` csv-parse returns {record, info} objects; its typings only describe plain records.
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? null;
    return {
      ok: false,
      problems: [
        {
          line: lines,
          column: null,
          code: 'gazetteer.csv.unreadable',
          params: { reason: (error as Error).message },
        },
      ],
    };
  }
  const [head, ...body] = records;
  if (!head || body.length === 0)
    return { ok: false, problems: [{ line: 1, column: null, code: 'gazetteer.csv.empty' }] };

  const header = head.record;
  const problems: GazetteerFileProblem[] = [];
  for (const column of REQUIRED_COLUMNS)
    if (!header.includes(column)) problems.push({ line: 1, column, code: 'gazetteer.csv.missing_column' });
  for (const column of header)
    if (!(REQUIRED_COLUMNS as readonly string[]).includes(column) && !Object.hasOwn(OPTIONAL_COLUMNS, column))
      problems.push({ line: 1, column, code: 'gazetteer.csv.unknown_column' });
  if (problems.length > 0) return { ok: false, problems };

  const checker = new RowChecker(header as Column[], problems);
  for (const { record, info } of body) {
    checker.check(record, info.lines);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: checker.result() };
}

class RowChecker {
  private readonly municipalities = new Map<string, { value: GazetteerMunicipality; line: number }>();
  private readonly places = new Map<string, { value: GazetteerPlace; line: number }>();

  constructor(
    private readonly header: Column[],
    private readonly problems: GazetteerFileProblem[],
  ) {}

  check(record: string[], line: number): void {
    if (record.length !== this.header.length) {
      this.problems.push({
        line,
        column: null,
        code: 'gazetteer.csv.column_count',
        params: { expected: this.header.length, found: record.length },
      });
      return;
    }
    const cell = new Map(this.header.map((name, i) => [name, record[i] ?? '']));
    const before = this.problems.length;
    const problem = (column: Column, code: string, params?: Record<string, unknown>) =>
      this.problems.push({ line, column, code, params });
    const text = (column: Column) => {
      const value = cell.get(column) ?? '';
      if (value === '') problem(column, 'gazetteer.csv.required');
      return value;
    };
    const matching = (column: Column, pattern: RegExp, code: string) => {
      const value = text(column);
      if (value !== '' && !pattern.test(value)) problem(column, code, { value });
      return value;
    };
    const coordinate = (column: Column, min: number, max: number) => {
      const raw = text(column);
      const value = Number(raw);
      if (raw !== '' && !(Number.isFinite(value) && value >= min && value <= max))
        problem(column, 'gazetteer.csv.coordinate', { value: raw });
      return value;
    };
    const { minLat, maxLat, minLng, maxLng } = BELGIUM_BOUNDS;

    const nisCode = matching('nis_code', NIS_CODE, 'gazetteer.csv.nis_code');
    const nameNl = text('name_nl');
    const nameFr = text('name_fr');
    const region = text('region') as Region;
    if ((region as string) !== '' && !REGIONS.includes(region))
      problem('region', 'gazetteer.csv.region', { value: region });
    const provinceRaw = cell.get('province') ?? '';
    if (provinceRaw !== '' && !isProvinceCode(provinceRaw))
      problem('province', 'gazetteer.csv.province', { value: provinceRaw });
    else if (REGIONS.includes(region) && (provinceRaw === '') !== (region === 'BRU'))
      problem('province', 'gazetteer.csv.province_region', { value: provinceRaw, region });
    else if (
      isProvinceCode(provinceRaw) &&
      REGIONS.includes(region) &&
      PROVINCES[provinceRaw].region !== region
    )
      problem('province', 'gazetteer.csv.province_region', { value: provinceRaw, region });
    const lat = coordinate('lat', minLat, maxLat);
    const lng = coordinate('lng', minLng, maxLng);
    const postcode = matching('postcode', POSTCODE, 'gazetteer.csv.postcode');
    const placeName = text('place_name');
    const placeLat = coordinate('place_lat', minLat, maxLat);
    const placeLng = coordinate('place_lng', minLng, maxLng);
    for (const [column, allowed] of Object.entries(OPTIONAL_COLUMNS) as [Column, string[]][]) {
      const value = cell.get(column);
      if (value !== undefined && !allowed.includes(value))
        problem(column, 'gazetteer.csv.one_of', { value, values: allowed.join(', ') });
    }
    if (this.problems.length > before) return;

    const province = provinceRaw === '' ? null : (provinceRaw as ProvinceCode);
    const municipality: GazetteerMunicipality = { nisCode, nameNl, nameFr, region, province, lat, lng };
    const seen = this.municipalities.get(nisCode);
    if (!seen) this.municipalities.set(nisCode, { value: municipality, line });
    else {
      const fields: [Column, keyof GazetteerMunicipality][] = [
        ['name_nl', 'nameNl'],
        ['name_fr', 'nameFr'],
        ['region', 'region'],
        ['province', 'province'],
        ['lat', 'lat'],
        ['lng', 'lng'],
      ];
      for (const [column, key] of fields)
        if (seen.value[key] !== municipality[key])
          problem(column, 'gazetteer.csv.inconsistent', { row: seen.line });
    }

    const key = `${postcode}|${nisCode}|${placeName}`;
    const duplicate = this.places.get(key);
    if (duplicate) problem('place_name', 'gazetteer.csv.duplicate', { row: duplicate.line });
    else
      this.places.set(key, { value: { postcode, nisCode, placeName, lat: placeLat, lng: placeLng }, line });
  }

  result(): GazetteerData {
    return {
      municipalities: [...this.municipalities.values()].map((m) => m.value),
      places: [...this.places.values()].map((p) => p.value),
    };
  }
}

/** The mean of the points: where a postcode with several places is drawn. */
export function meanPoint(
  points: readonly { lat: number; lng: number }[],
): { lat: number; lng: number } | null {
  if (points.length === 0) return null;
  const sum = points.reduce((acc, p) => ({ lat: acc.lat + p.lat, lng: acc.lng + p.lng }), { lat: 0, lng: 0 });
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round(sum.lat / points.length), lng: round(sum.lng / points.length) };
}
