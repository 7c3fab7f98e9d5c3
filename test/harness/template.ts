import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrator.ts';

/** A hash of every migration: a template is reused only while the schema is the same. */
export function schemaHash(): string {
  const h = createHash('sha256');
  for (const m of readMigrations()) h.update(m.name).update(m.sql);
  return h.digest('hex').slice(0, 12);
}

export const pgliteTemplatePath = () => join(tmpdir(), 'verbonden-test', `pglite-${schemaHash()}.tar.gz`);
export const postgresTemplateName = () => `vb_template_${schemaHash()}`;

/** Builds the migrated PGlite data folder that every test file starts from (once per schema). */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  mkdirSync(join(tmpdir(), 'verbonden-test'), { recursive: true });
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db);
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) throw new Error('PGlite did not dump its data folder');
    const tmp = `${path}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    await database.close();
  }
  return path;
}

export function readPgliteTemplate(): Blob {
  return new Blob([readFileSync(pgliteTemplatePath())]);
}

function adminDb(url: string) {
  return new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
}

/** Builds a migrated template database on the server (once per schema); test databases are copies of it. */
export async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = adminDb(url);
  try {
    const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(admin);
    if (exists.rows.length > 0) return name;
    const building = `${name}_build_${process.pid}`;
    await sql`drop database if exists ${sql.id(building)}`.execute(admin);
    await sql`create database ${sql.id(building)}`.execute(admin);
    const target = new URL(url);
    target.pathname = `/${building}`;
    const database = await openDatabase({ url: target.toString(), poolSize: 1 });
    try {
      await migrate(database.db);
    } finally {
      await database.close();
    }
    await sql`alter database ${sql.id(building)} rename to ${sql.id(name)}`.execute(admin).catch(async () => {
      // Another run built it first.
      await sql`drop database if exists ${sql.id(building)}`.execute(admin);
    });
    await sql`alter database ${sql.id(name)} with is_template true`.execute(admin);
    return name;
  } finally {
    await admin.destroy();
  }
}

export { adminDb };
