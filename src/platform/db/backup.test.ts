import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness/database.ts';
import { version } from '../version.ts';
import { awkwardDetails, fillEveryTable, filledTables, isEmpty, snapshot } from './backup.fixture.ts';
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import { type Database, openDatabase } from './database.ts';
import { migrate } from './migrator.ts';

const now = new Date('2026-03-02T10:00:00.000Z');
let dir: string;
let source: Database;
let backupFile: string;
let original: Awaited<ReturnType<typeof snapshot>>;

async function openPglite() {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database.db);
  return database;
}

/** Rewrites a backup's lines (decompressed) into a new file. */
function rewrite(name: string, change: (lines: string[]) => string[]) {
  const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
  const file = join(dir, name);
  writeFileSync(file, gzipSync(change(lines).join('\n')));
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verbonden-backup-'));
  source = await openPglite();
  await fillEveryTable(source.db);
  original = await snapshot(source.db);
  backupFile = join(dir, 'source.jsonl.gz');
  await backupDatabase({ database: source, file: backupFile, now });
});
afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a header naming the format, version, migration and tables in foreign-key order', () => {
    const header = JSON.parse(gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n')[0] ?? '');
    expect(header).toMatchObject({ format: 'verbonden-backup', formatVersion: 1, verbondenVersion: version });
    expect(header.createdAt).toBe(now.toISOString());
    const order = header.tables.map((t: { name: string }) => t.name);
    expect(order).not.toContain('schema_migrations');
    expect(order.indexOf('regions')).toBeLessThan(order.indexOf('municipalities'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('memberships'));
    expect(order.indexOf('gazetteer_municipalities')).toBeLessThan(order.indexOf('gazetteer_postcodes'));
  });

  it('brings back identical data from PGlite on another database and from there on PGlite again', async () => {
    for (const table of filledTables) expect(original.tables[table]?.length, table).toBeGreaterThan(0);
    expect(original.tables.rate_limit_events).toHaveLength(2);
    const middle = await createTestDatabase();
    const final = await openPglite();
    try {
      expect(middle.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
      const progress: number[] = [];
      const restored = await restoreDatabase({
        database: middle,
        file: backupFile,
        onProgress: (p) => progress.push(p.rows),
      });
      expect(await snapshot(middle.db)).toEqual(original);
      expect(progress.at(-1)).toBe(restored.rows);

      const second = join(dir, 'middle.jsonl.gz');
      await backupDatabase({ database: middle, file: second, now });
      await restoreDatabase({ database: final, file: second });
      expect(await snapshot(final.db)).toEqual(original);

      const audit = await final.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      expect(audit[0]?.details).toEqual(awkwardDetails);
      expect(audit[0]?.at).toEqual(new Date('2026-03-02T09:00:00.123Z'));
      const next = await final.db
        .insertInto('audit_log')
        .values({ at: now, action: 'backup.restored', subject_type: 'system', details: {} })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(next.id).toBe(Math.max(...audit.map((a) => a.id)) + 1);
    } finally {
      await middle.close();
      await final.close();
    }
  }, 120_000);

  it('refuses a database at another migration, naming both, and changes nothing', async () => {
    const target = await createTestDatabase();
    try {
      const file = rewrite('later.jsonl.gz', ([header, ...rest]) => [
        JSON.stringify({ ...JSON.parse(header ?? ''), schema: '9999-later' }),
        ...rest,
      ]);
      const error = await refusal(restoreDatabase({ database: target, file }));
      expect(error.code).toBe('backup.schema_mismatch');
      expect(error.message).toContain('9999-later');
      const { rows } = await sql<{ name: string }>`
        select name from schema_migrations order by version desc limit 1`.execute(target.db);
      expect(error.message).toContain(`this database is at migration ${rows[0]?.name}.`);
      expect(isEmpty(await snapshot(target.db))).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds data, and with force replaces it, audit log included', async () => {
    const target = await createTestDatabase();
    try {
      await sql`insert into regions (id, name) values ('0a6d1c0e-0000-4000-8000-0000000000ff', 'Oud')`.execute(
        target.db,
      );
      await sql`insert into audit_log (at, action, subject_type) values (now(), 'old', 'system')`.execute(
        target.db,
      );
      const before = await snapshot(target.db);

      const error = await refusal(restoreDatabase({ database: target, file: backupFile }));
      expect(error.code).toBe('backup.target_not_empty');
      expect(error.message).toContain('audit_log');
      expect(await snapshot(target.db)).toEqual(before);

      await restoreDatabase({ database: target, file: backupFile, force: true });
      expect(await snapshot(target.db)).toEqual(original);
    } finally {
      await target.close();
    }
  });

  it('refuses damaged, truncated or foreign files and imports nothing', async () => {
    const target = await createTestDatabase();
    const bytes = readFileSync(backupFile);
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = join(dir, 'flipped.jsonl.gz');
    const damaged = Buffer.from(bytes);
    // Near the end, inside the rows: the header still reads, the rows do not.
    damaged[damaged.length - 20] = (damaged[damaged.length - 20] ?? 0) ^ 0xff;
    writeFileSync(flipped, damaged);
    const plain = join(dir, 'notes.txt');
    writeFileSync(plain, 'just some notes\n');
    const cases: [string, string][] = [
      [cut, 'backup.damaged'],
      [flipped, 'backup.damaged'],
      [plain, 'backup.not_a_backup'],
      [join(dir, 'missing.jsonl.gz'), 'backup.file_missing'],
      [rewrite('no-end.jsonl.gz', (lines) => [...lines.slice(0, -2), '']), 'backup.damaged'],
      [
        rewrite('cut-line.jsonl.gz', (lines) => [...lines.slice(0, -3), lines.at(-3)?.slice(0, 10) ?? '']),
        'backup.damaged',
      ],
      [
        rewrite('out-of-place.jsonl.gz', (lines) => [
          ...lines.slice(0, -2),
          lines[1] ?? '',
          ...lines.slice(-2),
        ]),
        'backup.damaged',
      ],
      [
        rewrite('short-row.jsonl.gz', ([header, first, ...rest]) => {
          const line = JSON.parse(first ?? '');
          line.row.pop();
          return [header ?? '', JSON.stringify(line), ...rest];
        }),
        'backup.damaged',
      ],
      // The database refuses the last row only after every earlier table was inserted.
      [
        rewrite('bad-value.jsonl.gz', (lines) => {
          const last = JSON.parse(lines.at(-3) ?? '');
          last.row = last.row.map(() => null);
          return [...lines.slice(0, -3), JSON.stringify(last), ...lines.slice(-2)];
        }),
        'backup.insert_failed',
      ],
    ];
    try {
      for (const [file, code] of cases) {
        const error = await refusal(restoreDatabase({ database: target, file }));
        expect(error.code, file).toBe(code);
        expect(error.message, file).toContain(file);
      }
      expect(isEmpty(await snapshot(target.db))).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('restores tables that reference themselves or each other in a cycle', async () => {
    const ddl = [
      sql`create table backup_test_tree (id int primary key, parent_id int references backup_test_tree)`,
      sql`create table backup_test_a (id int primary key, b_id int)`,
      sql`create table backup_test_b (id int primary key, a_id int references backup_test_a)`,
      sql`alter table backup_test_a add constraint backup_test_a_b foreign key (b_id) references backup_test_b`,
    ];
    const from = await createTestDatabase();
    const to = await createTestDatabase();
    try {
      for (const db of [from.db, to.db]) for (const statement of ddl) await statement.execute(db);
      // Each row is inserted before the row it will point at, so no insert order satisfies the keys.
      await sql`insert into backup_test_tree values (1, null), (2, 1)`.execute(from.db);
      await sql`update backup_test_tree set parent_id = 2 where id = 1`.execute(from.db);
      await sql`insert into backup_test_a values (1, null)`.execute(from.db);
      await sql`insert into backup_test_b values (1, 1)`.execute(from.db);
      await sql`update backup_test_a set b_id = 1`.execute(from.db);
      const file = join(dir, 'cycles.jsonl.gz');
      await backupDatabase({ database: from, file, now });
      await restoreDatabase({ database: to, file });
      expect(await snapshot(to.db)).toEqual(await snapshot(from.db));
      await expect(sql`insert into backup_test_tree values (3, 99)`.execute(to.db)).rejects.toThrow(
        /foreign key/,
      );
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('never overwrites an existing file unless asked to', async () => {
    const error = await refusal(backupDatabase({ database: source, file: backupFile, now }));
    expect(error.code).toBe('backup.file_exists');
    const again = await backupDatabase({ database: source, file: backupFile, now, overwrite: true });
    expect(again.rows).toBe(Object.values(original.tables).reduce((sum, rows) => sum + rows.length, 0));
  });
});
