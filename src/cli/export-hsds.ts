import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { exportHsds, type HsdsFormat } from '../modules/directory/directory.export.usecases.ts';
import { defaultHsdsIo, type HsdsCliIo } from './import-hsds.ts';

/** The `export` parent command: returns the existing one so each exporter can add its own subcommand. */
export function exportCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('Export data from the database to files.')
  );
}

/** Adds `verbonden export hsds <dir> [--municipality <NIS>] [--format csv|json]`. */
export function registerExportHsds(program: Command, overrides: Partial<HsdsCliIo> = {}) {
  const io = { ...defaultHsdsIo(), ...overrides };
  exportCommand(program)
    .command('hsds')
    .description(
      'Write the published directory entries as HSDS 3.0: a CSV data package (datapackage.json and CSV files) ' +
        'or a JSON file (services.json) with the fully nested services. It imports back with `import hsds`.',
    )
    .argument('<dir>', 'folder to write to (created when absent; files of the same name are replaced)')
    .option('--municipality <nis>', 'only the entries of this municipality (NIS code)')
    .addOption(
      new Option('--format <format>', 'csv data package or json').choices(['csv', 'json']).default('csv'),
    )
    .action(async (dir: string, options: { municipality?: string; format: HsdsFormat }) => {
      const { ctx, close } = await io.open();
      try {
        const result = await exportHsds({
          ctx,
          municipalityNisCode: options.municipality,
          format: options.format,
        });
        await mkdir(dir, { recursive: true });
        for (const [name, content] of result.files) await writeFile(join(dir, name), content, 'utf8');
        io.stdout.write(
          `Exported ${result.services} services to ${dir} (${[...result.files.keys()].join(', ')}).\n`,
        );
      } finally {
        await close();
      }
    });
}
