import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { fromProjectRoot } from '../paths.ts';

export const migrationsDir = fromProjectRoot('migrations');

// Any fixed number: every instance takes the same transaction-level advisory lock.
const MIGRATION_LOCK = 7_318_004_211;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: file.slice(0, 4),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies every pending migration, each in its own transaction. A transaction
 * level advisory lock makes concurrent starters wait, then skip what another
 * instance already applied, so two instances starting together migrate once.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator runs before typed tables exist
export async function migrate(db: Kysely<any>, migrations = readMigrations()): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    version text primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`
    .execute(db)
    .catch(async (error: unknown) => {
      // Two instances racing on the very first create: the loser sees a unique violation.
      if ((error as { code?: string }).code !== '23505') throw error;
    });
  const applied: string[] = [];
  for (const migration of migrations) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
      const done = await sql<{
        version: string;
      }>`select version from schema_migrations where version = ${migration.version}`.execute(trx);
      if (done.rows.length > 0) return;
      await sql.raw(migration.sql).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
        trx,
      );
      applied.push(migration.name);
    });
  }
  return applied;
}
