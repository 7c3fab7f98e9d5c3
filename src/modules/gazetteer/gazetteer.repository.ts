import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { GazetteerData, GazetteerMunicipality, ProvinceCode, Region } from './gazetteer.models.ts';

type Db = Kysely<DB> | Transaction<DB>;

// Any fixed number: importers and start-up loaders queue on it instead of racing.
const GAZETTEER_LOCK = 7_318_004_212;
const BATCH = 500;

/** Takes the transaction-level lock that serialises every replacement of the gazetteer. */
export async function lockGazetteer(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(GAZETTEER_LOCK)})`.execute(trx);
}

export async function countMunicipalities(db: Db): Promise<number> {
  const row = await db
    .selectFrom('gazetteer_municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes the whole gazetteer and inserts `data` in batches; call inside a locked transaction. */
export async function replaceGazetteer(
  trx: Transaction<DB>,
  data: GazetteerData,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const total = data.municipalities.length + data.places.length;
  let done = 0;
  await trx.deleteFrom('gazetteer_postcodes').execute();
  await trx.deleteFrom('gazetteer_municipalities').execute();
  for (let i = 0; i < data.municipalities.length; i += BATCH) {
    const batch = data.municipalities.slice(i, i + BATCH);
    await trx
      .insertInto('gazetteer_municipalities')
      .values(
        batch.map((m) => ({
          nis_code: m.nisCode,
          name_nl: m.nameNl,
          name_fr: m.nameFr,
          region: m.region,
          province: m.province,
          lat: m.lat,
          lng: m.lng,
        })),
      )
      .execute();
    done += batch.length;
    onProgress(done, total);
  }
  for (let i = 0; i < data.places.length; i += BATCH) {
    const batch = data.places.slice(i, i + BATCH);
    await trx
      .insertInto('gazetteer_postcodes')
      .values(
        batch.map((p) => ({
          postcode: p.postcode,
          nis_code: p.nisCode,
          place_name: p.placeName,
          lat: p.lat,
          lng: p.lng,
        })),
      )
      .execute();
    done += batch.length;
    onProgress(done, total);
  }
}

const municipalityColumns = [
  'm.nis_code',
  'm.name_nl',
  'm.name_fr',
  'm.region',
  'm.province',
  'm.lat',
  'm.lng',
] as const;

interface MunicipalityRow {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  region: Region;
  province: string | null;
  lat: number;
  lng: number;
}

export const municipalityFromRow = (row: MunicipalityRow): GazetteerMunicipality => ({
  nisCode: row.nis_code,
  nameNl: row.name_nl,
  nameFr: row.name_fr,
  region: row.region,
  province: row.province as ProvinceCode | null,
  lat: row.lat,
  lng: row.lng,
});

export async function findPlacesByPostcode(db: Db, postcode: string) {
  return db
    .selectFrom('gazetteer_postcodes as p')
    .innerJoin('gazetteer_municipalities as m', 'm.nis_code', 'p.nis_code')
    .select([
      ...municipalityColumns,
      'p.postcode',
      'p.place_name',
      'p.lat as place_lat',
      'p.lng as place_lng',
    ])
    .where('p.postcode', '=', postcode)
    .orderBy('m.nis_code')
    .orderBy('p.place_name')
    .execute();
}

export async function findMunicipality(db: Db, nisCode: string) {
  return db
    .selectFrom('gazetteer_municipalities as m')
    .select(municipalityColumns)
    .where('m.nis_code', '=', nisCode)
    .executeTakeFirst();
}

export async function findPlacesOfMunicipality(db: Db, nisCode: string) {
  return db
    .selectFrom('gazetteer_postcodes')
    .select(['postcode', 'place_name', 'lat', 'lng'])
    .where('nis_code', '=', nisCode)
    .orderBy('postcode')
    .orderBy('place_name')
    .execute();
}

// The same folding as foldName() plus punctuation to spaces, done by the database.
const folded = (column: RawBuilder<unknown>) =>
  sql<string>`trim(regexp_replace(unaccent(lower(${column})), '[^a-z0-9]+', ' ', 'g'))`;

export interface SearchOptions {
  /** Already folded (lower case, no accents, punctuation as single spaces); empty lists everything. */
  folded: string;
  region?: Region;
  limit: number;
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Municipalities whose Dutch or French name contains the folded text, best matches first. */
export async function searchMunicipalities(db: Db, { folded: text, region, limit }: SearchOptions) {
  const nl = folded(sql.ref('m.name_nl'));
  const fr = folded(sql.ref('m.name_fr'));
  let query = db.selectFrom('gazetteer_municipalities as m').select(municipalityColumns);
  if (region) query = query.where('m.region', '=', region);
  if (text !== '') {
    const pattern = likePattern(text);
    query = query
      .where((eb) => eb.or([eb(nl, 'like', pattern), eb(fr, 'like', pattern)]))
      .orderBy(sql`case when ${nl} = ${text} or ${fr} = ${text} then 0
        when ${nl} like ${`${text}%`} or ${fr} like ${`${text}%`} then 1 else 2 end`);
  }
  return query.orderBy(nl).orderBy('m.nis_code').limit(limit).execute();
}

/** Municipalities with a place (deelgemeente) whose name contains the folded text. */
export async function searchByPlace(db: Db, { folded: text, region, limit }: SearchOptions) {
  const place = folded(sql.ref('p.place_name'));
  let query = db
    .selectFrom('gazetteer_postcodes as p')
    .innerJoin('gazetteer_municipalities as m', 'm.nis_code', 'p.nis_code')
    .select([...municipalityColumns, 'p.place_name'])
    .where(place, 'like', likePattern(text));
  if (region) query = query.where('m.region', '=', region);
  return query
    .orderBy(sql`case when ${place} like ${`${text}%`} then 0 else 1 end`)
    .orderBy(place)
    .orderBy('m.nis_code')
    .limit(limit)
    .execute();
}
