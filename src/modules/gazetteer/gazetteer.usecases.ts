import { readFile } from 'node:fs/promises';
import type { AppContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/errors.ts';
import { fromProjectRoot } from '../../platform/paths.ts';
import { GazetteerFileError, unknownMunicipality, unknownPostcode } from './gazetteer.errors.ts';
import {
  foldName,
  type GazetteerData,
  type GazetteerMunicipality,
  meanPoint,
  NIS_CODE,
  POSTCODE,
  parseGazetteerCsv,
  type Region,
} from './gazetteer.models.ts';
import {
  countMunicipalities,
  findMunicipality,
  findPlacesByPostcode,
  findPlacesOfMunicipality,
  lockGazetteer,
  municipalityFromRow,
  replaceGazetteer,
  searchByPlace,
  searchMunicipalities,
} from './gazetteer.repository.ts';

export const shippedGazetteerPath = fromProjectRoot('src/modules/gazetteer/data/be-gazetteer.csv');

export interface Point {
  lat: number;
  lng: number;
}

export interface ImportGazetteerResult {
  municipalities: number;
  places: number;
}

function parseOrThrow(csv: Uint8Array | string, file?: string): GazetteerData {
  const parsed = parseGazetteerCsv(csv);
  if (!parsed.ok) throw new GazetteerFileError(parsed.problems, file);
  return parsed.data;
}

/**
 * Replaces the whole gazetteer with a CSV file's contents in one transaction.
 * The file is validated first; with any problem a GazetteerFileError lists
 * them all and nothing changes. Tenant municipalities refer to NIS codes by
 * value, so replacing the rows never breaks a foreign key.
 */
export async function importGazetteer({
  ctx,
  csv,
  file,
  onProgress,
}: {
  ctx: AppContext;
  csv: Uint8Array | string;
  file?: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<ImportGazetteerResult> {
  const data = parseOrThrow(csv, file);
  await ctx.db.transaction().execute(async (trx) => {
    await lockGazetteer(trx);
    await replaceGazetteer(trx, data, onProgress);
  });
  ctx.log.info(
    { municipalities: data.municipalities.length, places: data.places.length },
    'gazetteer imported',
  );
  return { municipalities: data.municipalities.length, places: data.places.length };
}

/**
 * Loads the gazetteer shipped in data/be-gazetteer.csv when the tables are
 * empty (a new database); does nothing otherwise, so an imported gazetteer
 * is never overwritten. Safe when several instances start at once.
 */
export async function ensureGazetteerLoaded(ctx: AppContext): Promise<{ loaded: boolean }> {
  if ((await countMunicipalities(ctx.db)) > 0) return { loaded: false };
  const data = parseOrThrow(await readFile(shippedGazetteerPath), shippedGazetteerPath);
  const loaded = await ctx.db.transaction().execute(async (trx) => {
    await lockGazetteer(trx);
    if ((await countMunicipalities(trx)) > 0) return false;
    await replaceGazetteer(trx, data);
    return true;
  });
  if (loaded)
    ctx.log.info({ municipalities: data.municipalities.length }, 'gazetteer loaded from the shipped file');
  return { loaded };
}

export interface PostcodeLookup {
  postcode: string;
  /** Where to draw the postcode: the mean of its places' points. */
  point: Point;
  municipalities: GazetteerMunicipality[];
  places: { name: string; nisCode: string; point: Point }[];
}

/**
 * The municipality (or, rarely, municipalities) and places behind a postcode.
 * Throws gazetteer.unknown_postcode (404) when the gazetteer has no such postcode.
 */
export async function lookupPostcode({
  ctx,
  postcode,
}: {
  ctx: AppContext;
  postcode: string;
}): Promise<PostcodeLookup> {
  if (!POSTCODE.test(postcode)) throw invalidField('postcode', 'gazetteer.invalid_postcode');
  const rows = await findPlacesByPostcode(ctx.db, postcode);
  const places = rows.map((r) => ({
    name: r.place_name,
    nisCode: r.nis_code,
    point: { lat: r.place_lat, lng: r.place_lng },
  }));
  const point = meanPoint(places.map((p) => p.point));
  if (!point) throw unknownPostcode(postcode);
  const municipalities = new Map(rows.map((r) => [r.nis_code, municipalityFromRow(r)]));
  return { postcode, point, municipalities: [...municipalities.values()], places };
}

export interface MunicipalityMatch {
  municipality: GazetteerMunicipality;
  /** Set when the text matched one of its places (a deelgemeente) rather than its own name. */
  matchedPlace: string | null;
}

/**
 * Municipalities whose Dutch or French name contains `query` (accents, case
 * and punctuation ignored), best matches first, followed by municipalities
 * one of whose places matches. Without a query: all of them, by name.
 */
export async function findMunicipalities({
  ctx,
  query = '',
  region,
  limit = 20,
}: {
  ctx: AppContext;
  query?: string;
  region?: Region;
  limit?: number;
}): Promise<MunicipalityMatch[]> {
  const folded = foldName(query)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '' && query.trim() !== '') return [];
  const byName = await searchMunicipalities(ctx.db, { folded, region, limit });
  const matches: MunicipalityMatch[] = byName.map((r) => ({
    municipality: municipalityFromRow(r),
    matchedPlace: null,
  }));
  if (folded === '' || matches.length >= limit) return matches;
  const seen = new Set(matches.map((m) => m.municipality.nisCode));
  for (const r of await searchByPlace(ctx.db, { folded, region, limit })) {
    if (seen.has(r.nis_code) || matches.length >= limit) continue;
    seen.add(r.nis_code);
    matches.push({ municipality: municipalityFromRow(r), matchedPlace: r.place_name });
  }
  return matches;
}

export interface MunicipalityDetail extends GazetteerMunicipality {
  postcodes: { postcode: string; places: { name: string; point: Point }[] }[];
}

/** One municipality with its postcodes and places; gazetteer.unknown_municipality (404) when absent. */
export async function getMunicipality({
  ctx,
  nisCode,
}: {
  ctx: AppContext;
  nisCode: string;
}): Promise<MunicipalityDetail> {
  if (!NIS_CODE.test(nisCode)) throw invalidField('nisCode', 'gazetteer.invalid_nis_code');
  const row = await findMunicipality(ctx.db, nisCode);
  if (!row) throw unknownMunicipality(nisCode);
  const postcodes = new Map<string, { name: string; point: Point }[]>();
  for (const p of await findPlacesOfMunicipality(ctx.db, nisCode)) {
    const list = postcodes.get(p.postcode) ?? [];
    list.push({ name: p.place_name, point: { lat: p.lat, lng: p.lng } });
    postcodes.set(p.postcode, list);
  }
  return {
    ...municipalityFromRow(row),
    postcodes: [...postcodes].map(([postcode, places]) => ({ postcode, places })),
  };
}
