import { type QueryExecutorProvider, sql } from 'kysely';
import { BackupError } from './backup-format.ts';

/**
 * What a backup covers, read from the catalog rather than listed by hand, so
 * tables that later migrations add are backed up without touching this code.
 */
export interface TableInfo {
  name: string;
  /** Columns a backup stores: generated columns are left out (the database recomputes them). */
  columns: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  definition: string;
}

// Every table of the public schema except the migrator's bookkeeping, partitions
// (their parent holds their rows), tables that belong to an extension, and derived
// tables (commented 'derived: …' in their migration), which triggers rebuild from
// the restored rows.
const applicationTable = sql`
  n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
  and c.relname <> 'schema_migrations'
  and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'derived:%'
  and not exists (
    select 1 from pg_depend d
    where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
  )`;

export async function listTables(db: QueryExecutorProvider): Promise<TableInfo[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as "table", a.attname as "column"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where ${applicationTable}
    order by c.relname, a.attnum`.execute(db);
  const tables = new Map<string, string[]>();
  for (const { table, column } of rows) tables.set(table, [...(tables.get(table) ?? []), column]);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** Tables derived from others (commented 'derived: …'): not backed up, emptied before a restore. */
export async function listDerivedTables(db: QueryExecutorProvider): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and coalesce(obj_description(c.oid, 'pg_class'), '') like 'derived:%'
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

export async function listForeignKeys(db: QueryExecutorProvider): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select con.conname as name, c.relname as "table", ref.relname as "references",
      pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class ref on ref.oid = con.confrelid
    where con.contype = 'f' and con.conparentid = 0 and ${applicationTable}
    order by c.relname, con.conname`.execute(db);
  return rows;
}

export async function listSequences(db: QueryExecutorProvider): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S'
      and not exists (
        select 1 from pg_depend d
        where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
      )
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** The name of the last migration applied, which identifies the schema a backup belongs to. */
export async function lastMigration(db: QueryExecutorProvider): Promise<string> {
  const exists = await sql<{ found: boolean }>`
    select to_regclass('public.schema_migrations') is not null as found`.execute(db);
  const last = exists.rows[0]?.found
    ? (
        await sql<{ name: string }>`select name from schema_migrations order by version desc limit 1`.execute(
          db,
        )
      ).rows[0]?.name
    : undefined;
  if (!last) {
    throw new BackupError(
      'backup.not_migrated',
      'This database holds no Verbonden schema (no migration was ever applied to it).',
    );
  }
  return last;
}

/**
 * Tables ordered so that every table comes after the tables it references.
 * A table that references itself, or a cycle of tables, cannot be ordered: the
 * restore sets those constraints aside while it inserts (see deferredForeignKeys).
 * Ties break by name, so the same schema always gives the same order.
 */
export function foreignKeyOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const waitingFor = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.references && waitingFor.has(fk.references))
      waitingFor.get(fk.table)?.add(fk.references);
  }
  const order: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => [...(waitingFor.get(t) ?? [])].every((r) => !remaining.has(r)));
    // In a cycle nothing is ready: take the first by name and let the restore defer its constraints.
    const next = ready ?? [...remaining][0];
    if (next === undefined) break;
    order.push(next);
    remaining.delete(next);
  }
  return order;
}

/** The foreign keys that inserting in this order would break: those pointing at the same or a later table. */
export function deferredForeignKeys(order: string[], foreignKeys: ForeignKey[]): ForeignKey[] {
  const position = new Map(order.map((t, i) => [t, i]));
  return foreignKeys.filter(
    (fk) => (position.get(fk.references) ?? -1) >= (position.get(fk.table) ?? Number.POSITIVE_INFINITY),
  );
}

/**
 * Fixes how values are written as text and read back, whatever the server's
 * defaults: UTC offsets, ISO dates, hex bytea, shortest exact floats.
 */
export async function setCanonicalTextFormat(db: QueryExecutorProvider) {
  await sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true),
    set_config('intervalstyle', 'postgres', true), set_config('bytea_output', 'hex', true),
    set_config('extra_float_digits', '1', true)`.execute(db);
}
