import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { GazetteerFileError } from '../modules/gazetteer/gazetteer.errors.ts';
import { type GazetteerFileProblem, parseGazetteerCsv } from '../modules/gazetteer/gazetteer.models.ts';
import { importGazetteer } from '../modules/gazetteer/gazetteer.usecases.ts';
import { openContext } from '../platform/boot.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import type { Locale } from '../platform/db/schema.ts';
import { translator } from '../platform/i18n/i18n.ts';

/** The `import` parent command: returns the existing one so each importer can add its own subcommand. */
export function importCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import reference data from a file into the database.')
  );
}

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export interface ImportGazetteerIo {
  stdout: Output;
  stderr: Output;
  /** Opens the database; tests pass their own context. */
  open(): Promise<{ ctx: AppContext; close(): Promise<void> }>;
  /** Language of the messages; by default taken from LC_ALL/LC_MESSAGES/LANG. */
  locale: Locale;
}

const MAX_LISTED = 50;

function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').slice(0, 2).toLowerCase();
  if (lang === 'nl') return 'nl-BE';
  if (lang === 'fr') return 'fr-BE';
  return 'en';
}

function describeProblems(file: string, problems: GazetteerFileProblem[], locale: Locale): string {
  const t = translator(locale);
  const lines = [t('errors.gazetteer.invalid_file', { file, count: problems.length })];
  for (const p of problems.slice(0, MAX_LISTED)) {
    const where = `${file}${p.line === null ? '' : `:${p.line}`}${p.column ? ` ${p.column}` : ''}`;
    lines.push(`  ${where}: ${t(`errors.${p.code}`, p.params ?? {})}`);
  }
  if (problems.length > MAX_LISTED) lines.push(`  (+${problems.length - MAX_LISTED})`);
  return lines.join('\n');
}

/** Adds `verbonden import gazetteer <csv>`: validates the whole file first, then replaces the gazetteer. */
export function registerImportGazetteer(program: Command, overrides: Partial<ImportGazetteerIo> = {}) {
  const io: ImportGazetteerIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    open: () => openContext({ ...loadConfig(), logLevel: 'warn' }),
    locale: localeFromEnvironment(),
    ...overrides,
  };
  importCommand(program)
    .command('gazetteer')
    .description(
      'Replace the gazetteer (municipalities, postcodes, places) with a CSV file in the format of ' +
        'src/modules/gazetteer/data/README.md. A file with any problem imports nothing.',
    )
    .argument('<csv>', 'path of the UTF-8 CSV file')
    .action(async (file: string, _options: unknown, command: Command) => {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        command.error(`Cannot read ${file}: ${(error as Error).message}`, {
          exitCode: 1,
          code: 'gazetteer.unreadable',
        });
      }
      // Checked before the database is opened: a bad file must not touch or lock it.
      const parsed = parseGazetteerCsv(bytes);
      if (!parsed.ok)
        command.error(describeProblems(file, parsed.problems, io.locale), {
          exitCode: 1,
          code: 'gazetteer.invalid_file',
        });

      const { ctx, close } = await io.open();
      const bar = io.stderr.isTTY
        ? new cliProgress.SingleBar(
            {
              stream: io.stderr as NodeJS.WriteStream,
              format: ' {bar} {percentage}% | {value}/{total} rows',
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      try {
        bar?.start(parsed.data.municipalities.length + parsed.data.places.length, 0);
        const result = await importGazetteer({
          ctx,
          csv: bytes,
          file,
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        io.stdout.write(
          `Imported ${result.municipalities} municipalities and ${result.places} postcode places from ${file}.\n`,
        );
      } catch (error) {
        bar?.stop();
        if (error instanceof GazetteerFileError)
          command.error(describeProblems(file, error.problems, io.locale), { exitCode: 1, code: error.code });
        throw error;
      } finally {
        await close();
      }
    });
}
