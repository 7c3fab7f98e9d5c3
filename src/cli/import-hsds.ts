import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { PACKAGE_FILES } from '../modules/directory/directory.import.csv.ts';
import type { ImportProblem } from '../modules/directory/directory.import.models.ts';
import {
  HsdsImportError,
  type HsdsSource,
  importHsds,
  readHsds,
} from '../modules/directory/directory.import.usecases.ts';
import { openContext } from '../platform/boot.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import type { Locale } from '../platform/db/schema.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { importCommand } from './import-gazetteer.ts';

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export interface HsdsCliIo {
  stdout: Output;
  stderr: Output;
  /** Opens the database; tests pass their own context. */
  open(): Promise<{ ctx: AppContext; close(): Promise<void> }>;
  locale: Locale;
}

export function defaultHsdsIo(): HsdsCliIo {
  const lang = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').slice(0, 2);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    open: () => openContext({ ...loadConfig(), logLevel: 'warn' }),
    locale: lang === 'nl' ? 'nl-BE' : lang === 'fr' ? 'fr-BE' : 'en',
  };
}

const MAX_LISTED = 50;

/** The report of refused data: one line per problem, "file:row field: message". */
export function describeProblems(path: string, problems: ImportProblem[], locale: Locale): string {
  const t = translator(locale);
  const lines = [t('errors.directory_import.invalid_data', { count: problems.length })];
  for (const p of problems.slice(0, MAX_LISTED)) {
    const where = `${p.file ? join(path, p.file) : path}${p.row === null ? '' : `:${p.row}`}${p.field ? ` ${p.field}` : ''}`;
    lines.push(`  ${where}: ${t(`errors.${p.code}`, p.params ?? {})}`);
  }
  if (problems.length > MAX_LISTED) lines.push(`  (+${problems.length - MAX_LISTED})`);
  return lines.join('\n');
}

/** A folder is a CSV data package; a file is HSDS JSON. */
async function readSource(path: string): Promise<HsdsSource> {
  if (!(await stat(path)).isDirectory()) return { kind: 'json', file: '', bytes: await readFile(path) };
  const names = new Set(await readdir(path));
  const files = new Map<string, Uint8Array>();
  for (const name of ['datapackage.json', ...PACKAGE_FILES])
    if (names.has(name)) files.set(name, await readFile(join(path, name)));
  return { kind: 'package', files };
}

/** Adds `verbonden import hsds <path> --municipality <NIS> --organisation <id or name> [--dry-run]`. */
export function registerImportHsds(program: Command, overrides: Partial<HsdsCliIo> = {}) {
  const io = { ...defaultHsdsIo(), ...overrides };
  importCommand(program)
    .command('hsds')
    .description(
      'Import HSDS 3.0 services (a CSV data package folder, or a JSON file with one service, a list or a page) ' +
        'as published entries of one organisation in one municipality. Entries are matched on their HSDS id: ' +
        'importing again updates them. Data with any problem imports nothing.',
    )
    .argument('<path>', 'data package folder (with datapackage.json) or JSON file')
    .requiredOption('--municipality <nis>', 'NIS code of the municipality the entries are for')
    .requiredOption('--organisation <idOrName>', 'our organisation that owns the entries (id or exact name)')
    .option('--dry-run', 'only check the data and report; change nothing')
    .action(
      async (
        path: string,
        options: { municipality: string; organisation: string; dryRun?: boolean },
        command: Command,
      ) => {
        const refuse = (error: HsdsImportError): never =>
          command.error(describeProblems(path, error.problems, io.locale), { exitCode: 1, code: error.code });
        let source: HsdsSource;
        try {
          source = await readSource(path);
        } catch (error) {
          return command.error(`Cannot read ${path}: ${(error as Error).message}`, {
            exitCode: 1,
            code: 'directory_import.unreadable',
          });
        }
        // Checked before the database is opened: bad data must not touch or lock it.
        let count: number;
        try {
          count = readHsds(source).length;
        } catch (error) {
          if (error instanceof HsdsImportError) return refuse(error);
          throw error;
        }
        if (options.dryRun) {
          io.stdout.write(`${path}: ${count} services, no problems found. Nothing was imported (dry run).\n`);
          return;
        }
        const { ctx, close } = await io.open();
        const bar = io.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                stream: io.stderr as NodeJS.WriteStream,
                format: ' {bar} {percentage}% | {value}/{total} services',
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        try {
          bar?.start(count, 0);
          const result = await importHsds({
            ctx,
            source,
            municipalityNisCode: options.municipality,
            organisation: options.organisation,
            onProgress: (done) => bar?.update(done),
          });
          bar?.stop();
          io.stdout.write(
            `Imported ${result.created} new and ${result.updated} updated services from ${path}.\n`,
          );
        } catch (error) {
          bar?.stop();
          if (error instanceof HsdsImportError) refuse(error);
          throw error;
        } finally {
          await close();
        }
      },
    );
}
