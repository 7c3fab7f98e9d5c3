import { existsSync } from 'node:fs';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { BackupProgress, BackupSummary } from './backup.ts';
import {
  deferredForeignKeys,
  lastMigration,
  listDerivedTables,
  listForeignKeys,
  listSequences,
  listTables,
  setCanonicalTextFormat,
} from './backup-catalog.ts';
import {
  BackupError,
  type BackupHeader,
  type BackupValue,
  damagedBackup,
  type EndLine,
  parseHeader,
  parseLine,
  readBackupLines,
} from './backup-format.ts';
import type { Database } from './database.ts';

/**
 * Loads a backup into a database at the same migration, in one transaction:
 * either every row is restored or nothing changes. A database that already
 * holds data is refused, unless `force` empties it first (in that same transaction).
 */
export async function restoreDatabase(options: {
  database: Database;
  file: string;
  force?: boolean;
  onProgress?: (progress: BackupProgress) => void;
}): Promise<BackupSummary> {
  const { database, file } = options;
  if (!existsSync(file)) throw new BackupError('backup.file_missing', `${file} does not exist.`);
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? undefined : first.value);
    return await database.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        await setCanonicalTextFormat(conn);
        await prepareTarget(conn, header, options.force ?? false);
        // Self-references and cycles cannot be satisfied row by row: those constraints
        // are dropped for the load and added back, which checks every row once.
        const deferred = deferredForeignKeys(
          header.tables.map((t) => t.name),
          await listForeignKeys(conn),
        );
        for (const fk of deferred) {
          await sql`alter table ${sql.id('public', fk.table)} drop constraint ${sql.id(fk.name)}`.execute(
            conn,
          );
        }
        const rows = await loadRows(conn, header, lines, file, options.onProgress);
        for (const fk of deferred) {
          await sql`alter table ${sql.id('public', fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`
            .execute(conn)
            .catch((error: Error) => {
              throw new BackupError(
                'backup.insert_failed',
                `${file} could not be restored: ${error.message}. Nothing was restored.`,
              );
            });
        }
        for (const s of header.sequences) {
          await sql`select setval(format('public.%I', ${s.name}::text)::regclass, ${s.value}::bigint, ${s.isCalled})`.execute(
            conn,
          );
        }
        await sql`commit`.execute(conn);
        return { file, schema: header.schema, tables: header.tables.length, rows };
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  } finally {
    await lines.return(undefined);
  }
}

/** Refuses a target with another schema or with data (unless forced); then locks and, if forced, empties it. */
async function prepareTarget(db: QueryExecutorProvider, header: BackupHeader, force: boolean) {
  const schema = await lastMigration(db);
  if (schema !== header.schema) {
    throw new BackupError(
      'backup.schema_mismatch',
      `The backup was made at migration ${header.schema} (Verbonden ${header.verbondenVersion}), ` +
        `but this database is at migration ${schema}. Restore it with the Verbonden version that made it, ` +
        'into a database at the same migration. Nothing was restored.',
    );
  }
  const tables = await listTables(db);
  const problems = describeDifferences(header, tables, await listSequences(db));
  if (problems.length > 0) {
    throw new BackupError(
      'backup.tables_differ',
      `This database's tables differ from the backup's, although both are at migration ${schema}: ` +
        `${problems.join('; ')}. Nothing was restored.`,
    );
  }
  const all = sql.join(tables.map((t) => sql.id('public', t.name)));
  // Nobody may write while the target is checked and filled.
  await sql`lock table ${all} in access exclusive mode`.execute(db);
  const filled: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{ found: boolean }>`
      select exists (select 1 from ${sql.id('public', t.name)}) as found`.execute(db);
    if (rows[0]?.found) filled.push(t.name);
  }
  if (filled.length === 0) return;
  if (!force) {
    throw new BackupError(
      'backup.target_not_empty',
      `This database already holds data (in ${filled.join(', ')}). Restore into an empty database, ` +
        'or pass --force to replace everything in it. Nothing was restored.',
    );
  }
  // TRUNCATE fires no row triggers, so it also empties the append-only audit log,
  // and it is transactional on PostgreSQL 15 and PGlite alike. Derived tables go
  // too: the triggers refill them from the restored rows.
  const derived = (await listDerivedTables(db)).map((name) => sql.id('public', name));
  await sql`truncate table ${sql.join([...tables.map((t) => sql.id('public', t.name)), ...derived])}`.execute(
    db,
  );
}

function describeDifferences(
  header: BackupHeader,
  tables: { name: string; columns: string[] }[],
  sequences: string[],
): string[] {
  const problems: string[] = [];
  const target = new Map(tables.map((t) => [t.name, t.columns]));
  const inBackup = new Set(header.tables.map((t) => t.name));
  for (const t of header.tables) {
    const columns = target.get(t.name);
    if (!columns) problems.push(`table ${t.name} is missing here`);
    else if ([...columns].sort().join() !== [...t.columns].sort().join()) {
      problems.push(
        `table ${t.name} has columns (${columns.join(', ')}) instead of (${t.columns.join(', ')})`,
      );
    }
  }
  for (const name of target.keys())
    if (!inBackup.has(name)) problems.push(`table ${name} is not in the backup`);
  for (const s of header.sequences) {
    if (!sequences.includes(s.name)) problems.push(`sequence ${s.name} is missing here`);
  }
  return problems;
}

/** Inserts the rows as they are read, in batches; checks that every row the header announces arrived. */
async function loadRows(
  db: QueryExecutorProvider,
  header: BackupHeader,
  lines: AsyncGenerator<string>,
  file: string,
  onProgress?: (progress: BackupProgress) => void,
): Promise<number> {
  const totalRows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const counts = header.tables.map(() => 0);
  let current = -1;
  let batch: BackupValue[][] = [];
  let done = 0;
  let end: EndLine | undefined;
  let lineNumber = 1;

  const flush = async () => {
    const table = header.tables[current];
    if (!table || batch.length === 0) return;
    const values = batch.map((row) => sql`(${sql.join(row)})`);
    await sql`insert into ${sql.id('public', table.name)} (${sql.join(table.columns.map((c) => sql.id(c)))})
      overriding system value values ${sql.join(values)}`
      .execute(db)
      .catch((error: Error) => {
        throw new BackupError(
          'backup.insert_failed',
          `${file} could not be restored: table ${table.name} refused a row (${error.message}). Nothing was restored.`,
        );
      });
    done += batch.length;
    batch = [];
    onProgress?.({ table: table.name, rows: done, totalRows });
  };

  for await (const line of lines) {
    lineNumber += 1;
    if (end) throw damagedBackup(file, `line ${lineNumber} follows the end line`);
    const parsed = parseLine(file, line, lineNumber);
    if ('end' in parsed) {
      await flush();
      end = parsed;
      continue;
    }
    if (parsed.table !== header.tables[current]?.name) {
      await flush();
      const next = header.tables.findIndex((t, i) => i > current && t.name === parsed.table);
      if (next < 0)
        throw damagedBackup(file, `line ${lineNumber} holds a row of ${parsed.table} out of place`);
      current = next;
    }
    const table = header.tables[current];
    if (!table || parsed.row.length !== table.columns.length) {
      throw damagedBackup(
        file,
        `line ${lineNumber} has ${parsed.row.length} values where ${parsed.table} has ${table?.columns.length} columns`,
      );
    }
    batch.push(parsed.row);
    counts[current] = (counts[current] ?? 0) + 1;
    if (batch.length >= Math.min(1000, Math.floor(20_000 / table.columns.length))) await flush();
  }
  if (!end) throw damagedBackup(file, 'the end line is missing');
  const short = header.tables.filter((t, i) => counts[i] !== t.rows).map((t) => t.name);
  if (short.length > 0 || end.rows !== done) {
    throw damagedBackup(
      file,
      `the row counts do not match the header for ${short.join(', ') || 'the total'}`,
    );
  }
  return done;
}
