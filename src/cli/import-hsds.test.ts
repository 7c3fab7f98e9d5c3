import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness/context.ts';
import { platformAdmin as admin, createTenant } from '../../test/harness/factories.ts';
import { sampleEntry } from '../modules/directory/directory.fixtures.ts';
import { resolveEditorScope } from '../modules/directory/directory.scope.usecases.ts';
import { changeStatus, createEntry } from '../modules/directory/directory.usecases.ts';
import { ensureGazetteerLoaded } from '../modules/gazetteer/gazetteer.usecases.ts';
import { registerExportHsds } from './export-hsds.ts';
import { registerImportHsds } from './import-hsds.ts';

let source: TestContext;
let fresh: TestContext;
let dir: string;
beforeAll(async () => {
  [source, fresh] = await Promise.all([createTestContext(), createTestContext()]);
  await ensureGazetteerLoaded(source);
  dir = mkdtempSync(join(tmpdir(), 'vb-hsds-'));
});
afterAll(async () => {
  await Promise.all([source.close(), fresh.close()]);
});

/** A tenant whose municipality is Brugge (31005), so the gazetteer knows it. */
async function bruggeTenant(ctx: TestContext) {
  const t = await createTenant(ctx);
  await ctx.db
    .updateTable('municipalities')
    .set({ nis_code: '31005', name_nl: 'Brugge' })
    .where('id', '=', t.municipality.id)
    .execute();
  return t;
}

function cli(ctx: TestContext) {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('verbonden')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  const io = {
    stdout: { write: (s: string | Uint8Array) => out.push(String(s)) > 0 },
    stderr: { write: (s: string | Uint8Array) => err.push(String(s)) > 0 },
    open: async () => ({ ctx, close: async () => {} }),
    locale: 'en' as const,
  };
  registerImportHsds(program, io);
  registerExportHsds(program, io);
  const run = (...args: string[]) => program.parseAsync(args, { from: 'user' });
  return { run, out, err };
}

const files = (path: string) =>
  new Map(readdirSync(path).map((f) => [f, readFileSync(join(path, f), 'utf8')] as const));

describe('verbonden export hsds and import hsds', () => {
  it('exports the published entries, imports them into a fresh database and exports the same data again', async () => {
    const t = await bruggeTenant(source);
    const scope = await resolveEditorScope({ ctx: source, principal: admin });
    const common = { ctx: source, principal: admin, scope, ip: '127.0.0.1' };
    const entries = [
      sampleEntry(),
      sampleEntry({
        name: 'Buurtsalon "Den Appelaar"',
        alternateName: 'Salon, met koffie',
        description: 'Zeg "goeiedag",\nen schuif aan.',
        costOption: 'paid',
        costAmount: 2.5,
        costDescription: 'Koffie en taart',
        minimumAge: 60,
        evidenceLevel: 'well_described',
        evidenceSource: 'Evaluatie 2025',
        targetGroups: ['older_people', 'everyone'],
        languages: ['nl', 'fr'],
        schedules: [
          {
            freq: 'MONTHLY',
            interval: 1,
            byday: '1TU',
            opensAt: '14:00',
            closesAt: '17:00',
            locationIndex: 0,
          },
          {
            freq: 'WEEKLY',
            interval: 2,
            byday: 'MO,TH',
            opensAt: '09:00',
            closesAt: '10:00',
            validFrom: '2026-01-05',
          },
        ],
        contacts: [
          {
            kind: 'contact',
            name: 'An Peeters',
            title: 'Coördinator',
            email: 'an@example.org',
            phone: '050 11 22 33',
          },
          { kind: 'phone', phone: '050 00 00 00', description: 'Na 18 uur' },
        ],
      }),
      sampleEntry({ name: 'Nog niet klaar' }),
    ];
    for (const [i, entry] of entries.entries()) {
      const { id } = await createEntry({
        ...common,
        organisationId: t.organisation.id,
        municipalityId: t.municipality.id,
        entry,
      });
      if (i < 2) await changeStatus({ ...common, id, action: 'publish' });
    }
    const first = join(dir, 'first');
    const { run: runSource, out } = cli(source);
    await runSource('export', 'hsds', first, '--municipality', '31005');
    expect(out.join('')).toContain('Exported 2 services');
    expect(files(first).get('services.csv')).not.toContain('Nog niet klaar');

    const target = await bruggeTenant(fresh);
    const { run: runFresh, out: freshOut } = cli(fresh);
    await runFresh(
      'import',
      'hsds',
      first,
      '--municipality',
      '31005',
      '--organisation',
      target.organisation.name,
    );
    expect(freshOut.join('')).toContain('Imported 2 new and 0 updated services');
    const second = join(dir, 'second');
    await runFresh('export', 'hsds', second, '--municipality', '31005');

    const ours = (text: string) =>
      text.replaceAll(t.organisation.id, 'ORG').replaceAll(t.organisation.name, 'ORG NAME');
    const theirs = (text: string) =>
      text.replaceAll(target.organisation.id, 'ORG').replaceAll(target.organisation.name, 'ORG NAME');
    const before = files(first);
    const after = files(second);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect(theirs(after.get(name) ?? ''), name).toBe(ours(text));

    // Importing again, and the JSON of the same data, updates the two entries instead of adding them.
    await runFresh(
      'import',
      'hsds',
      first,
      '--municipality',
      '31005',
      '--organisation',
      target.organisation.id,
    );
    expect(freshOut.join('')).toContain('Imported 0 new and 2 updated services');
    const json = join(dir, 'json');
    await runSource('export', 'hsds', json, '--format', 'json');
    await runFresh(
      'import',
      'hsds',
      join(json, 'services.json'),
      '--municipality',
      '31005',
      '--organisation',
      target.organisation.id,
    );
    expect(freshOut.join('')).toContain('Imported 0 new and 2 updated services');
    const third = join(dir, 'third');
    await runFresh('export', 'hsds', third, '--format', 'json');
    expect(theirs(files(third).get('services.json') ?? '')).toBe(
      ours(files(json).get('services.json') ?? ''),
    );
  });

  it('refuses bad data before opening the database, naming file, row, field and problem', async () => {
    const bad = join(dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, JSON.stringify([{ id: 'a', status: 'active', attributes: [] }]));
    const { run, err } = cli(fresh);
    const error = await run('import', 'hsds', bad, '--municipality', '31005', '--organisation', 'x').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).exitCode).toBe(1);
    expect(err.join('')).toContain('Nothing was imported.');
    expect(err.join('')).toContain(`${bad}:1 name: This field is required but empty.`);
    expect(err.join('')).toContain(
      `${bad}:1 attributes: The service has no attribute from the taxonomy 'type'`,
    );
  });
});
