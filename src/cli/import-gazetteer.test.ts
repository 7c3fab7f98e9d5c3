import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness/context.ts';
import { shippedGazetteerPath } from '../modules/gazetteer/gazetteer.usecases.ts';
import { importCommand, registerImportGazetteer } from './import-gazetteer.ts';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = mkdtempSync(join(tmpdir(), 'vb-gazetteer-'));
});
afterAll(async () => {
  await ctx.close();
});

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  let opened = 0;
  const program = new Command('verbonden')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerImportGazetteer(program, {
    stdout: { write: (s: string | Uint8Array) => out.push(String(s)) > 0 },
    stderr: { write: (s: string | Uint8Array) => err.push(String(s)) > 0 },
    open: async () => {
      opened++;
      return { ctx, close: async () => {} };
    },
    locale: 'en',
  });
  const run = (...args: string[]) => program.parseAsync(args, { from: 'user' });
  return { program, run, out, err, opened: () => opened };
}

const count = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('gazetteer_municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('verbonden import gazetteer <csv>', () => {
  it('imports the shipped file and reports what it imported', async () => {
    const { run, out } = cli();
    await run('import', 'gazetteer', shippedGazetteerPath);
    expect(out.join('')).toMatch(/^Imported 565 municipalities and 2818 postcode places from /);
    expect(await count()).toBe(565);
  });

  it('refuses a bad file without opening the database, listing each problem, and exits non-zero', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'nis_code,name_nl,name_fr,region,province,lat,lng,postcode,place_name,place_lat,place_lng\n' +
        '31005,Brugge,Bruges,VLG,BE-VWV,51.2,3.2,800,Brugge,51.2,3.2\n',
    );
    const { run, err, opened } = cli();
    const error = await run('import', 'gazetteer', file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).exitCode).toBe(1);
    expect(err.join('')).toContain('has 1 problem(s). Nothing was imported.');
    expect(err.join('')).toContain(`${file}:2 postcode: '800' is not a postcode.`);
    expect(opened()).toBe(0);
    expect(await count()).toBe(565);
  });

  it('refuses a Windows-1252 file with a clear message', async () => {
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from('nis_code\nLiège\n', 'latin1'));
    const { run, err } = cli();
    await expect(run('import', 'gazetteer', file)).rejects.toBeInstanceOf(CommanderError);
    expect(err.join('')).toContain(`${file}:2: The file is not saved as UTF-8`);
  });

  it('says so when the file cannot be read', async () => {
    const { run, err } = cli();
    await expect(run('import', 'gazetteer', join(dir, 'missing.csv'))).rejects.toBeInstanceOf(CommanderError);
    expect(err.join('')).toContain('Cannot read');
  });
});

describe('the import parent command', () => {
  it('is shared, so another importer can add its own subcommand beside gazetteer', () => {
    const { program } = cli();
    importCommand(program).command('hsds');
    expect(program.commands.filter((c) => c.name() === 'import')).toHaveLength(1);
    expect(importCommand(program).commands.map((c) => c.name())).toEqual(['gazetteer', 'hsds']);
  });
});
