import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import {
  BackupError,
  type BackupProgress,
  backupDatabase,
  readBackupHeader,
  restoreDatabase,
} from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrator.ts';

/** A progress bar on stderr when a person is watching; nothing when output goes to a file or a pipe. */
function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {table}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress: BackupProgress) {
      if (!started) bar.start(Math.max(progress.totalRows, 1), 0, { table: progress.table });
      started = true;
      bar.update(progress.rows, { table: progress.table });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function registerBackup(program: Command) {
  program
    .command('backup')
    .description(
      'Write all data to <file>: a consistent, portable backup (gzip’d JSON lines) that restores on the ' +
        'embedded database and on PostgreSQL alike.',
    )
    .argument('<file>', 'where to write the backup, for example verbonden-2026-11-29.jsonl.gz')
    .option('-f, --force', 'overwrite <file> if it already exists')
    .addHelpText(
      'after',
      '\nThe database is the one the server uses (DATABASE_URL, or else VERBONDEN_DATA_DIR).\n' +
        'A PostgreSQL server can be backed up while Verbonden runs. The embedded database can be\n' +
        'opened by one process at a time: stop the server first.\n',
    )
    .action(async (file: string, options: { force?: boolean }) => {
      const config = loadConfig();
      // A backup never changes what it reads: no migrations here, unlike every other command.
      if (!config.databaseUrl && !existsSync(config.dataDir)) {
        throw new BackupError(
          'backup.no_database',
          `There is no embedded database in ${resolve(config.dataDir)} (VERBONDEN_DATA_DIR) to back up.`,
        );
      }
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      const progress = progressBar('Backing up');
      try {
        const summary = await backupDatabase({
          database,
          file,
          now: systemClock.now(),
          overwrite: options.force,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        process.stdout.write(
          `Backed up ${plural(summary.tables, 'table')} and ${plural(summary.rows, 'row')} ` +
            `(${database.kind}, migration ${summary.schema}) to ${summary.file}.\n`,
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });
}

export function registerRestore(program: Command) {
  program
    .command('restore')
    .description(
      'Load a backup made by "verbonden backup" into the database, all or nothing. The database must be ' +
        'at the same migration as the backup and hold no data yet.',
    )
    .argument('<file>', 'the backup to restore')
    .option('-f, --force', 'first delete all data in the database (audit log included), then restore')
    .addHelpText(
      'after',
      '\nThe database is the one the server uses (DATABASE_URL, or else VERBONDEN_DATA_DIR); it is\n' +
        'created and migrated first when needed. Stop the server while restoring. When anything goes\n' +
        'wrong, nothing is changed.\n',
    )
    .action(async (file: string, options: { force?: boolean }) => {
      const config = loadConfig();
      // Check the file before a data folder gets created and migrated for nothing.
      await readBackupHeader(file);
      // Migrated but not seeded: openContext would also load the gazetteer, and a restore
      // needs empty tables that the backup then fills, gazetteer included.
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      const progress = progressBar('Restoring');
      try {
        await migrate(database.db);
        const summary = await restoreDatabase({
          database,
          file,
          force: options.force,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        process.stdout.write(
          `Restored ${plural(summary.tables, 'table')} and ${plural(summary.rows, 'row')} ` +
            `(migration ${summary.schema}) from ${summary.file} into the ${database.kind} database.\n`,
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
