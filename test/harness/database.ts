import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { adminDb, postgresTemplateName, readPgliteTemplate } from './template.ts';

/**
 * A fresh, migrated database of this test file's own: an in-memory PGlite, or,
 * when TEST_DATABASE_URL is set, a new database on that server copied from the
 * template (so parallel files and parallel runs never collide).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://', loadDataDir: readPgliteTemplate() });
  const name = `vb_test_${randomBytes(6).toString('hex')}`;
  const admin = adminDb(url);
  try {
    await sql`create database ${sql.id(name)} template ${sql.id(postgresTemplateName())}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 4 });
  return {
    ...database,
    url: target.toString(),
    async close() {
      await database.close();
      const cleanup = adminDb(url);
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}
