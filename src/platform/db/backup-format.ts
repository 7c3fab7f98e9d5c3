import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

/**
 * The backup file: gzip'd JSON lines. Line 1 is the header, then one line per
 * row ({table, row}), tables in the header's order, then an end line. Every
 * value is PostgreSQL's own text form of the column (or null), so it reads
 * back exactly on PGlite (PostgreSQL 18) and on PostgreSQL 15+.
 */
export const backupFormat = 'verbonden-backup';
export const backupFormatVersion = 1;

const headerSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.literal(backupFormatVersion),
  verbondenVersion: z.string(),
  schema: z.string().min(1),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().min(0),
    }),
  ),
  sequences: z.array(
    z.object({ name: z.string().min(1), value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }),
  ),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupValue = string | null;
export interface RowLine {
  table: string;
  row: BackupValue[];
}
export interface EndLine {
  end: true;
  rows: number;
}

/** A backup or restore that cannot go ahead; the message says why and what to do. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const damagedBackup = (file: string, detail: string) =>
  new BackupError('backup.damaged', `${file} is damaged or incomplete (${detail}). Nothing was restored.`);

export function parseHeader(file: string, line: string | undefined): BackupHeader {
  const notBackup = (detail: string) =>
    new BackupError('backup.not_a_backup', `${file} is not a Verbonden backup (${detail}).`);
  if (line === undefined || line === '') throw notBackup('it is empty');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw notBackup('the first line is not JSON');
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== backupFormat) throw notBackup('no Verbonden backup header');
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new BackupError(
      'backup.newer_format',
      `${file} was written by a newer Verbonden (backup format ${version}); this version reads format ${backupFormatVersion}. Upgrade Verbonden first.`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success)
    throw damagedBackup(file, `invalid header: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

/** One data line: a row, or the end line. Anything else means the file is damaged. */
export function parseLine(file: string, line: string, lineNumber: number): RowLine | EndLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw damagedBackup(file, `line ${lineNumber} is not valid JSON`);
  }
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (v.end === true && typeof v.rows === 'number') return { end: true, rows: v.rows };
    if (
      typeof v.table === 'string' &&
      Array.isArray(v.row) &&
      v.row.every((x) => x === null || typeof x === 'string')
    ) {
      return { table: v.table, row: v.row as BackupValue[] };
    }
  }
  throw damagedBackup(file, `line ${lineNumber} is not a row`);
}

/**
 * The file's lines, decompressed as they are read, so a large backup never has
 * to fit in memory. A broken gzip stream (truncated, bit rot) ends in a BackupError.
 */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new BackupError('backup.file_missing', `${file} does not exist.`);
    if (code === 'Z_DATA_ERROR' && (error as Error).message.includes('header')) {
      throw new BackupError('backup.not_a_backup', `${file} is not a Verbonden backup (not a gzip file).`);
    }
    throw damagedBackup(file, (error as Error).message);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  rest += decoder.end();
  // The writer ends every line with a newline: text after the last one is a cut-off line.
  if (rest !== '') throw damagedBackup(file, 'the last line is cut off');
}
