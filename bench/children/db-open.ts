// Baseline for start-up: the database alone, with no migrations, no
// application code and no HTTP. PGlite opens a folder (initdb when it is new);
// PostgreSQL gets one connection.
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const [kind, target] = process.argv.slice(2);
if ((kind !== 'pglite' && kind !== 'postgres') || !target)
  throw new Error('usage: db-open.ts pglite|postgres <target>');
const started = performance.now();
if (kind === 'pglite') {
  const db = await PGlite.create(target);
  await db.query('select 1');
  const openMs = performance.now() - started;
  await db.close();
  process.stdout.write(`${JSON.stringify({ openMs })}\n`);
} else {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query('select 1');
  const openMs = performance.now() - started;
  await client.end();
  process.stdout.write(`${JSON.stringify({ openMs })}\n`);
}
