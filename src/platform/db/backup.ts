import { existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type QueryExecutorProvider, sql } from 'kysely';
import { version } from '../version.ts';
import {
  foreignKeyOrder,
  lastMigration,
  listForeignKeys,
  listSequences,
  listTables,
  setCanonicalTextFormat,
  type TableInfo,
} from './backup-catalog.ts';
import {
  BackupError,
  type BackupHeader,
  backupFormat,
  backupFormatVersion,
  parseHeader,
  readBackupLines,
} from './backup-format.ts';
import type { Database } from './database.ts';

export { BackupError } from './backup-format.ts';
export { restoreDatabase } from './backup-restore.ts';

/** Rows done so far out of the total, for a progress bar. */
export interface BackupProgress {
  table: string;
  rows: number;
  totalRows: number;
}

export interface BackupSummary {
  file: string;
  schema: string;
  tables: number;
  rows: number;
}

const fetchSize = 1000;

/** The header of a backup file; throws a BackupError when the file is missing or is no backup. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!existsSync(file)) throw new BackupError('backup.file_missing', `${file} does not exist.`);
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(file, first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Writes every application table to a gzip'd JSON-lines file, read in one
 * snapshot so the backup is consistent even while the server keeps writing.
 * The file appears only once it is complete: a failed backup leaves nothing behind.
 */
export async function backupDatabase(options: {
  database: Database;
  file: string;
  now: Date;
  overwrite?: boolean;
  onProgress?: (progress: BackupProgress) => void;
}): Promise<BackupSummary> {
  const { database, file } = options;
  if (!options.overwrite && existsSync(file)) {
    throw new BackupError('backup.file_exists', `${file} already exists. Pass --force to overwrite it.`);
  }
  if (!existsSync(dirname(resolve(file)))) {
    throw new BackupError('backup.folder_missing', `The folder ${dirname(resolve(file))} does not exist.`);
  }
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    const summary = await database.db.connection().execute(async (conn) => {
      // On a server, DEFERRABLE waits for a snapshot no concurrent writer can invalidate, then
      // reads without blocking anyone. PGlite has one connection: repeatable read is enough.
      await sql
        .raw(
          database.kind === 'postgres'
            ? 'start transaction isolation level serializable, read only, deferrable'
            : 'start transaction isolation level repeatable read, read only',
        )
        .execute(conn);
      try {
        await setCanonicalTextFormat(conn);
        const header = await readHeader(conn, database, options.now);
        await pipeline(
          writeLines(conn, header, options.onProgress),
          createGzip(),
          (await open(partial, 'wx')).createWriteStream(),
        );
        await sql`commit`.execute(conn);
        return {
          file,
          schema: header.schema,
          tables: header.tables.length,
          rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
        };
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function readHeader(db: QueryExecutorProvider, database: Database, now: Date): Promise<BackupHeader> {
  const schema = await lastMigration(db);
  const tables = await listTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const order = foreignKeyOrder(
    tables.map((t) => t.name),
    await listForeignKeys(db),
  );
  const counted = [];
  for (const name of order) {
    const { rows } = await sql<{ count: string }>`
      select count(*)::text as count from ${sql.id('public', name)}`.execute(db);
    counted.push({ name, columns: byName.get(name)?.columns ?? [], rows: Number(rows[0]?.count ?? 0) });
  }
  const sequences = [];
  for (const name of await listSequences(db)) {
    const { rows } = await sql<{ value: string; isCalled: boolean }>`
      select last_value::text as value, is_called as "isCalled" from ${sql.id('public', name)}`.execute(db);
    const state = rows[0];
    if (state) sequences.push({ name, ...state });
  }
  return {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    verbondenVersion: version,
    schema,
    createdAt: now.toISOString(),
    source: database.kind,
    tables: counted,
    sequences,
  };
}

async function* writeLines(
  db: QueryExecutorProvider,
  header: BackupHeader,
  onProgress?: (progress: BackupProgress) => void,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  const totalRows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  for (const table of header.tables) {
    onProgress?.({ table: table.name, rows: done, totalRows });
    for await (const rows of readRows(db, table)) {
      yield rows.map((row) => `${JSON.stringify({ table: table.name, row })}\n`).join('');
      done += rows.length;
      onProgress?.({ table: table.name, rows: done, totalRows });
    }
  }
  yield `${JSON.stringify({ end: true, rows: done })}\n`;
}

/** A table's rows in batches through a cursor, each value in PostgreSQL's text form. */
async function* readRows(db: QueryExecutorProvider, table: TableInfo): AsyncGenerator<(string | null)[][]> {
  const columns = table.columns.map((c, i) => sql`${sql.id(c)}::text as ${sql.id(`c${i}`)}`);
  await sql`declare verbonden_backup no scroll cursor for
    select ${sql.join(columns)} from ${sql.id('public', table.name)}`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<Record<string, string | null>>`
        fetch forward ${sql.lit(fetchSize)} from verbonden_backup`.execute(db);
      if (rows.length === 0) break;
      yield rows.map((r) => table.columns.map((_, i) => r[`c${i}`] ?? null));
    }
  } finally {
    // After a failed fetch the transaction is aborted and rolls back anyway.
    await sql`close verbonden_backup`.execute(db).catch(() => undefined);
  }
}
