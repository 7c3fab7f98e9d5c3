import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { TARGET_GROUPS } from '../../src/contracts/directory-vocabulary.ts';
import { type DemoPlace, demoEntry } from '../../src/modules/directory/directory.demo.models.ts';
import { childRows, serviceColumns } from '../../src/modules/directory/directory.mapping.ts';
import type { EntryInput } from '../../src/modules/directory/directory.models.ts';
import type { NewService } from '../../src/modules/directory/directory.repository.ts';
import { PROVINCES } from '../../src/modules/gazetteer/gazetteer.models.ts';
import { ensureGazetteerLoaded } from '../../src/modules/gazetteer/gazetteer.usecases.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrator.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Store } from './backends.ts';
import { cleanEnv } from './processes.ts';

/** A small seeded generator (mulberry32): the same i always gives the same initiative. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** One statement Kysely ran, with its time as Kysely saw it (round trip included). */
export interface Traced {
  query: CompiledQuery;
  ms: number;
}

export interface BenchContext {
  ctx: AppContext;
  /** Statements run through ctx.db since the last `trace.splice(0)`. */
  trace: Traced[];
  /** The same connections as ctx.db, without Kysely: where the SQL floor is measured. */
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Opens a store the way the server does (migrations, gazetteer) and gives a
 * context whose Kysely records every statement it compiles and runs.
 */
export async function openBenchContext(store: Store): Promise<BenchContext> {
  const config = loadConfig(cleanEnv({ ...store.env, LOG_LEVEL: 'silent' }));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  const log = pino({ level: 'silent' });
  await ensureGazetteerLoaded({ database, db: database.db, config, clock: systemClock, log });
  const pool = database.pglite
    ? new pg.Pool(createPgConfig(database.pglite) as pg.PoolConfig)
    : new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  const trace: Traced[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') trace.push({ query: event.query, ms: event.queryDurationMillis });
    },
  });
  return {
    ctx: { database, db, config, clock: systemClock, log },
    trace,
    pool,
    async close() {
      await db.destroy();
      await database.close();
    },
  };
}

export interface BenchMunicipality {
  nisCode: string;
  name: string;
  lat: number;
  lng: number;
  province: string;
  places: DemoPlace[];
  /** Tenant rows made for the bench. */
  id: string;
  organisationId: string;
}

// Fixed, recognisable ids so rows of a bench database are easy to tell apart.
const benchId = (kind: number, n: number) =>
  `be0c${kind.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const REGION_ID = benchId(1, 0);

/**
 * The Flemish municipalities of the gazetteer with their places, each added as
 * a tenant municipality with one organisation (the local "sociaal huis").
 * `limit` keeps only the first ones (the import needs one).
 */
export async function seedTenancy(ctx: AppContext, limit?: number): Promise<BenchMunicipality[]> {
  const rows = await sql<{
    nis_code: string;
    name_nl: string;
    name_fr: string;
    province: keyof typeof PROVINCES | null;
    lat: number;
    lng: number;
    places: { postcode: string; place_name: string; lat: number; lng: number }[];
  }>`select m.nis_code, m.name_nl, m.name_fr, m.province, m.lat, m.lng,
      json_agg(json_build_object('postcode', p.postcode, 'place_name', p.place_name, 'lat', p.lat, 'lng', p.lng)
        order by p.postcode, p.place_name) as places
    from gazetteer_municipalities m join gazetteer_postcodes p on p.nis_code = m.nis_code
    where m.region = 'VLG' group by m.nis_code order by m.nis_code`.execute(ctx.db);
  const chosen = rows.rows.slice(0, limit ?? rows.rows.length);
  const municipalities = chosen.map((m, n) => {
    const province = m.province ? PROVINCES[m.province].nl : 'Vlaanderen';
    return {
      nisCode: m.nis_code,
      name: m.name_nl,
      lat: m.lat,
      lng: m.lng,
      province,
      places: m.places.map((p) => ({
        postcode: p.postcode,
        city: p.place_name,
        lat: p.lat,
        lng: p.lng,
        province,
      })),
      id: benchId(2, n),
      organisationId: benchId(3, n),
      nameFr: m.name_fr,
    };
  });
  await ctx.db.insertInto('regions').values({ id: REGION_ID, name: 'Vlaanderen (bench)' }).execute();
  await ctx.db
    .insertInto('municipalities')
    .values(
      municipalities.map((m) => ({
        id: m.id,
        region_id: REGION_ID,
        nis_code: m.nisCode,
        name_nl: m.name,
        name_fr: m.nameFr,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('organisations')
    .values(
      municipalities.map((m) => ({
        id: m.organisationId,
        region_id: REGION_ID,
        name: `Sociaal huis ${m.name}`,
        kind: 'municipality' as const,
        require_second_factor: false,
      })),
    )
    .execute();
  await ctx.db
    .insertInto('organisation_municipalities')
    .values(municipalities.map((m) => ({ organisation_id: m.organisationId, municipality_id: m.id })))
    .execute();
  return municipalities.map(({ nameFr: _fr, ...m }) => m);
}

const QUALIFIERS = ['', '', '', 'Samen ', 'Open ', 'Warme ', 'Kleine ', 'Nieuwe '];
const SENTENCES = [
  'We drinken koffie en praten over alles en niets.',
  'Elke week maken we samen soep en eten we aan één lange tafel.',
  'Met de fiets of te voet: we wandelen samen door de buurt.',
  'Wie graag breit, haakt of naait, brengt een werkje mee.',
  'Vrijwilligers helpen met de computer, de smartphone of de tablet.',
  'In de moestuin kweken we groenten, en de oogst delen we.',
  'In het taalcafé oefenen nieuwkomers Nederlands met buren.',
  'Mantelzorgers vinden hier even rust en een luisterend oor.',
  'Een vrijwilliger komt op bezoek voor een babbel en een kopje thee.',
  'We spelen kaart, petanque of een partijtje bingo.',
  'Jongeren blokken hier samen in stilte, met koffie en een koek.',
  'Na een verlies praten we in kleine groep over rouw en gemis.',
  'We zingen samen in een koor waar iedereen mag meedoen.',
  'Wie niet graag alleen eet, schuift aan voor een warme maaltijd.',
  'Een buurtwerker legt de brug naar hulp in de gemeente.',
  'Kinderen doen hier hun huiswerk en spelen na school.',
  'We schilderen, tekenen en knutselen met wat er voorhanden is.',
  'Elke ochtend belt iemand even op om te horen hoe het gaat.',
  'We bezoeken samen een museum, een film of een concert.',
  'Wie moeilijk buiten komt, wordt met de wagen opgehaald.',
];

/** The i-th generated initiative in a municipality: the demo's templates, with more variety. */
export function generatedEntry(i: number, m: BenchMunicipality): EntryInput {
  const random = seeded(i * 2_654_435_761 + 17);
  const place = pick(random, m.places);
  const base = demoEntry(i, place);
  const first = pick(random, SENTENCES);
  const second = pick(random, SENTENCES);
  const groups = new Set([
    pick(random, TARGET_GROUPS),
    ...(random() < 0.4 ? [pick(random, TARGET_GROUPS)] : []),
  ]);
  return {
    ...base,
    name: `${pick(random, QUALIFIERS)}${base.name}${random() < 0.5 ? ` ${place.city}` : ''}`,
    description: `${base.description.replace(' (Demo-gegevens, verzonnen.)', '')} ${first}${second === first ? '' : ` ${second}`}`,
    email: base.email?.replace('.demo.verbonden.invalid', `.${m.nisCode}.bench.verbonden.invalid`) ?? null,
    targetGroups: [...groups],
    contacts:
      i % 2 === 0
        ? [
            {
              kind: 'phone',
              name: null,
              title: null,
              email: null,
              phone: `+32 ${50 + (i % 40)} ${String(100_000 + ((i * 7919) % 900_000)).replace(/(\d{2})(\d{2})(\d{2})/, '$1 $2 $3')}`,
              description: null,
            },
          ]
        : [],
  };
}

/** Where initiative i lives: round robin over the municipalities, so every one gets its share. */
export const municipalityOf = (i: number, municipalities: readonly BenchMunicipality[]) =>
  municipalities[i % municipalities.length] as BenchMunicipality;

const BATCH = 1000;
type Children = ReturnType<typeof childRows>;

/**
 * Inserts initiatives [from, to) with multi-row inserts of `BATCH` services
 * (and their locations, schedules, contacts) per statement, all published
 * except, with `drafts`, every twentieth (the search must skip it). Returns
 * the number of rows written.
 */
export async function insertInitiatives(
  ctx: AppContext,
  municipalities: readonly BenchMunicipality[],
  count: number,
  options: { drafts: boolean; onBatch?: (done: number) => void },
): Promise<number> {
  const now = ctx.clock.now();
  let rows = 0;
  for (let from = 0; from < count; from += BATCH) {
    const services: NewService[] = [];
    const locations: Children['locations'] = [];
    const schedules: Children['schedules'] = [];
    const contacts: Children['contacts'] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const m = municipalityOf(i, municipalities);
      const entry = generatedEntry(i, m);
      const key = { organisation_id: m.organisationId, id: benchId(4, i) };
      const { good_practice, ...columns } = serviceColumns(entry);
      const status = options.drafts && i % 20 === 19 ? ('draft' as const) : ('published' as const);
      services.push({
        ...key,
        ...columns,
        good_practice,
        region_id: REGION_ID,
        municipality_id: m.id,
        status,
        assured_date: '2026-06-01',
        assurer_email: null,
        area_lat: m.lat,
        area_lng: m.lng,
        created_by: null,
        created_at: now,
        updated_at: now,
        published_at: status === 'published' ? now : null,
      });
      const children = childRows(key, entry, null);
      locations.push(...children.locations);
      schedules.push(...children.schedules);
      contacts.push(...children.contacts);
    }
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('directory_services').values(services).execute();
      if (locations.length > 0)
        await trx
          .insertInto('directory_locations')
          .values(
            locations.map((l) => ({
              ...l,
              geo: sql`point(${l.longitude}::float8, ${l.latitude}::float8)`,
            })) as never,
          )
          .execute();
      if (schedules.length > 0) await trx.insertInto('directory_schedules').values(schedules).execute();
      if (contacts.length > 0) await trx.insertInto('directory_contacts').values(contacts).execute();
    });
    rows += services.length + locations.length + schedules.length + contacts.length;
    options.onBatch?.(Math.min(count, from + BATCH));
  }
  return rows;
}
