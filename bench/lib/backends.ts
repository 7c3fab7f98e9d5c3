import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** One empty database for one server run, and how to point Verbonden (or a baseline) at it. */
export interface Store {
  /** Environment that makes `verbonden serve` use this database. */
  env: Record<string, string>;
  /** What the baseline child opens: a folder for PGlite, a URL for PostgreSQL. */
  target: string;
  /** Milliseconds the server took to create the database (PostgreSQL only: PGlite's initdb is the baseline). */
  createMs?: number;
}

export interface Backend {
  kind: 'pglite' | 'postgres';
  label: string;
  /** A new, empty database. */
  fresh(): Promise<Store>;
  /** Removes what `fresh` made on a server (folders go with the run's work folder). */
  cleanup(): Promise<void>;
}

export function pgliteBackend(workDir: string): Backend {
  let count = 0;
  return {
    kind: 'pglite',
    label: 'PGlite (embedded)',
    async fresh() {
      count += 1;
      const dir = join(workDir, `pglite-${count}`);
      return { env: { VERBONDEN_DATA_DIR: dir }, target: dir };
    },
    async cleanup() {},
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Databases made for this run on the server at `adminUrl` (a role allowed to
 * CREATE DATABASE); every one is dropped again in `cleanup`.
 */
export function postgresBackend(adminUrl: string): Backend {
  const created: string[] = [];
  const prefix = `verbonden_bench_${process.pid}_${Date.now().toString(36)}`;
  return {
    kind: 'postgres',
    label: `PostgreSQL (${new URL(adminUrl).host})`,
    async fresh() {
      const name = `${prefix}_${created.length + 1}`;
      const started = performance.now();
      await withClient(adminUrl, (c) => c.query(`create database ${name}`));
      const createMs = performance.now() - started;
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { env: { DATABASE_URL: url.toString() }, target: url.toString(), createMs };
    },
    async cleanup() {
      if (created.length === 0) return;
      await withClient(adminUrl, async (c) => {
        for (const name of created.splice(0)) await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
