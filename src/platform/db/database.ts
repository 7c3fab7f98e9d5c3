import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { DB } from './schema.ts';

// int8 (counts, identity ids) as JS numbers on both drivers; values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric stays a string by default; our numerics (coordinates, money) fit a double.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** The extensions every PGlite data folder is opened with: the set must never shrink. */
export const pgliteExtensions = { pg_trgm, unaccent };

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The embedded instance, when kind is pglite (backups use it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export class DataFolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data folder ${dataDir} is in use by another Verbonden process (for example a running "npm start"). ` +
        'The embedded database can only be opened by one process at a time: stop that process first.',
    );
  }
}

export interface OpenOptions {
  /** postgres:// URL of a server; wins over dataDir. */
  url?: string;
  /** Folder of the embedded database; 'memory://' keeps it in memory. */
  dataDir?: string;
  /** A dumped data folder to start from (tests and templates). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its server; the pool replaces it on the next query.
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let release: (() => Promise<void>) | undefined;
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = resolve(dataDir);
    mkdirSync(location, { recursive: true });
    try {
      release = await lockfile.lock(location, {
        lockfilePath: `${location}.lock`,
        stale: 15_000,
        update: 5_000,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOCKED') throw new DataFolderInUseError(dataDir);
      throw error;
    }
  }
  try {
    const pglite = await PGlite.create(location, {
      extensions: pgliteExtensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      pglite,
      async close() {
        await db.destroy();
        await pglite.close();
        await release?.();
      },
    };
  } catch (error) {
    await release?.();
    throw error;
  }
}
