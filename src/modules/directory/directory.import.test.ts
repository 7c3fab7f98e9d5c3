import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser } from '../../../test/harness/factories.ts';
import { importedId } from './directory.import.models.ts';
import {
  checkHsdsImport,
  HsdsImportError,
  type HsdsSource,
  importHsds,
} from './directory.import.usecases.ts';
import { termId } from './directory.terms.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const term = (taxonomy: 'type' | 'how_to_join' | 'cost' | 'evidence_level', code: string) =>
  termId(taxonomy, code);

/** A small valid package from another tool: its ids are not uuids. */
function pkg(overrides: Record<string, string> = {}): Map<string, string> {
  return new Map(
    Object.entries({
      'datapackage.json': '{"name":"human_services_data"}',
      'services.csv':
        'id,organization_id,name,description,status\n' +
        's1,o1,Koffiebabbel,"Koffie, koek en ""een babbel""",active\n' +
        's2,o1,Wandelclub,Samen wandelen,active\n',
      'attributes.csv':
        'id,link_id,taxonomy_term_id,link_type\n' +
        ['s1', 's2']
          .flatMap((s) => [
            `${s}-t,${s},${term('type', 'meeting_place')},service`,
            `${s}-j,${s},${term('how_to_join', 'walk_in')},service`,
            `${s}-c,${s},${term('cost', 'free')},service`,
            `${s}-e,${s},${term('evidence_level', 'none')},service`,
          ])
          .join('\n'),
      'locations.csv': 'id,location_type,name,latitude,longitude\nl1,physical,Buurthuis,51.2,3.22\n',
      'addresses.csv':
        'id,location_id,address_1,city,state_province,postal_code,country,address_type\n' +
        'a1,l1,Kerkstraat 1,Brugge,West-Vlaanderen,8000,BE,physical\n',
      'service_at_location.csv': 'id,service_id,location_id\nsal1,s1,l1\n',
      'phones.csv': 'id,service_id,number\np1,s1,050 12 34 56\n',
      'schedules.csv':
        'id,service_id,service_at_location_id,freq,byday,opens_at,closes_at\n' +
        'sc1,,sal1,WEEKLY,TU,14:00,16:00\n',
      ...overrides,
    }),
  );
}
const source = (files: Map<string, string | Uint8Array>): HsdsSource => ({
  kind: 'package',
  files: new Map(
    [...files].map(([name, v]) => [name, typeof v === 'string' ? new TextEncoder().encode(v) : v]),
  ),
});

async function problemsOf(files: Map<string, string | Uint8Array>, target: { nis: string; org: string }) {
  const error = await importHsds({
    ctx,
    source: source(files),
    municipalityNisCode: target.nis,
    organisation: target.org,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HsdsImportError);
  return (error as HsdsImportError).problems;
}

const serviceCount = async (organisationId: string) =>
  (
    await ctx.db
      .selectFrom('directory_services')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .execute()
  ).length;

describe('importHsds', () => {
  it('imports a package as published entries and updates them, not duplicates them, on a second import', async () => {
    const t = await createTenant(ctx);
    const target = {
      ctx,
      municipalityNisCode: t.municipality.nis_code,
      organisation: t.organisation.name,
    };
    expect(await importHsds({ ...target, source: source(pkg()) })).toEqual({ created: 2, updated: 0 });
    const changed = pkg({
      'services.csv':
        'id,name,description,status\ns1,Koffiebabbel De Linde,Koffie,active\ns2,Wandelclub,Samen wandelen,inactive\n',
    });
    expect(await importHsds({ ...target, source: source(changed) })).toEqual({ created: 0, updated: 2 });
    const rows = await ctx.db
      .selectFrom('directory_services')
      .select(['id', 'name', 'status', 'municipality_id'])
      .where('organisation_id', '=', t.organisation.id)
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      {
        id: importedId('s1', t.organisation.id),
        name: 'Koffiebabbel De Linde',
        status: 'published',
        municipality_id: t.municipality.id,
      },
      {
        id: importedId('s2', t.organisation.id),
        name: 'Wandelclub',
        status: 'archived',
        municipality_id: t.municipality.id,
      },
    ]);
    const location = await ctx.db
      .selectFrom('directory_locations')
      .select(['address_1', 'postal_code'])
      .where('service_id', '=', importedId('s1', t.organisation.id))
      .executeTakeFirstOrThrow();
    expect(location).toEqual({ address_1: 'Kerkstraat 1', postal_code: '8000' });
  });

  it('refuses broken CSV quoting, naming the file and the line', async () => {
    const t = await createTenant(ctx);
    const bad = pkg({ 'phones.csv': 'id,service_id,number\np1,s1,"050 12 34 56\np2,s2,050\n' });
    const problems = await problemsOf(bad, { nis: t.municipality.nis_code, org: t.organisation.id });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'phones.csv', code: 'directory_import.unreadable_csv' }),
    ]);
    expect(await serviceCount(t.organisation.id)).toBe(0);
  });

  it('refuses a Windows-1252 file and names its first bad line', async () => {
    const t = await createTenant(ctx);
    const latin1 = Buffer.from('id,name,description,status\ns1,Café Liège,Koffie,active\n', 'latin1');
    const problems = await problemsOf(
      new Map<string, string | Uint8Array>([...pkg(), ['services.csv', latin1]]),
      {
        nis: t.municipality.nis_code,
        org: t.organisation.id,
      },
    );
    expect(problems).toContainEqual({
      file: 'services.csv',
      row: 2,
      field: null,
      code: 'directory_import.not_utf8',
    });
    expect(await serviceCount(t.organisation.id)).toBe(0);
  });

  it('imports nothing when one row misses a required field, and names file, row and field', async () => {
    const t = await createTenant(ctx);
    const bad = pkg({
      'addresses.csv': 'id,location_id,address_1,city,postal_code\na1,l1,,Brugge,8000\n',
      'schedules.csv': 'id,service_id,freq,byday,opens_at\nsc1,s2,WEEKLY,XX,25:00\n',
    });
    const problems = await problemsOf(bad, { nis: t.municipality.nis_code, org: t.organisation.id });
    expect(problems).toEqual([
      {
        file: 'addresses.csv',
        row: 2,
        field: 'address_1',
        code: 'directory_import.required',
        params: undefined,
      },
      expect.objectContaining({
        file: 'schedules.csv',
        row: 2,
        field: 'byday',
        code: 'directory_import.invalid_value',
      }),
      {
        file: 'schedules.csv',
        row: 2,
        field: 'closes_at',
        code: 'directory_import.required',
        params: undefined,
      },
    ]);
    expect(await serviceCount(t.organisation.id)).toBe(0);
  });

  it('refuses duplicate ids and references to rows that are not there', async () => {
    const t = await createTenant(ctx);
    const bad = pkg({
      'services.csv': 'id,name,status\ns1,Koffiebabbel,active\ns1,Dubbel,active\ns2,Wandelclub,active\n',
      'phones.csv': 'id,service_id,number\np1,s1,050\np1,s2,051\np2,s9,052\n',
    });
    const problems = await problemsOf(bad, { nis: t.municipality.nis_code, org: t.organisation.id });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'phones.csv',
          row: 3,
          field: 'id',
          code: 'directory_import.duplicate_id',
        }),
        expect.objectContaining({
          file: 'phones.csv',
          row: 4,
          field: 'service_id',
          code: 'directory_import.missing_reference',
          params: { id: 's9' },
        }),
        expect.objectContaining({
          file: 'services.csv',
          row: 3,
          field: 'id',
          code: 'directory_import.duplicate_id',
        }),
      ]),
    );
    expect(await serviceCount(t.organisation.id)).toBe(0);
  });

  it('reads HSDS JSON as one service, a list or a page, and points JSON problems at the service and path', async () => {
    const t = await createTenant(ctx);
    const service = {
      id: 'json-1',
      name: 'Telefooncirkel',
      status: 'active',
      attributes: [
        { taxonomy_term: { code: 'type:telephone_circle' } },
        { taxonomy_term_id: term('how_to_join', 'register') },
        { taxonomy_term_id: term('cost', 'free') },
        { taxonomy_term_id: term('evidence_level', 'none') },
      ],
    };
    const json = (value: unknown): HsdsSource => ({
      kind: 'json',
      file: 'x.json',
      bytes: new TextEncoder().encode(JSON.stringify(value)),
    });
    const target = { ctx, municipalityNisCode: t.municipality.nis_code, organisation: t.organisation.id };
    expect(await importHsds({ ...target, source: json(service) })).toEqual({ created: 1, updated: 0 });
    expect(await importHsds({ ...target, source: json([service]) })).toEqual({ created: 0, updated: 1 });
    expect(await importHsds({ ...target, source: json({ total_items: 1, contents: [service] }) })).toEqual({
      created: 0,
      updated: 1,
    });
    const broken = {
      ...service,
      service_at_locations: [{ id: 'sal', location: { id: 'l', latitude: 'noord' } }],
    };
    const error = await importHsds({ ...target, source: json([service, broken]) }).catch((e: unknown) => e);
    expect((error as HsdsImportError).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'x.json',
          row: 2,
          field: 'id',
          code: 'directory_import.duplicate_id',
        }),
        expect.objectContaining({
          file: 'x.json',
          row: 2,
          field: 'service_at_locations[0].location.latitude',
          code: 'directory_import.not_number',
        }),
      ]),
    );
  });

  it('refuses an organisation that does not work in the municipality, and a uuid owned by another organisation', async () => {
    const a = await createTenant(ctx);
    const b = await createTenant(ctx);
    const elsewhere = await problemsOf(pkg(), { nis: a.municipality.nis_code, org: b.organisation.id });
    expect(elsewhere[0]?.code).toBe('directory_import.organisation_elsewhere');
    // Ids that are not uuids belong to the importing organisation: the same "s1" twice is no clash.
    const uuid = '5a1d6c3e-0f4b-4c1a-9d2e-3b4c5d6e7f80';
    const withUuid = new Map([...pkg()].map(([name, text]) => [name, text.replaceAll('s1', uuid)]));
    const into = (t: typeof a) => ({
      ctx,
      source: source(withUuid),
      municipalityNisCode: t.municipality.nis_code,
      organisation: t.organisation.id,
    });
    expect(await importHsds(into(a))).toEqual({ created: 2, updated: 0 });
    const taken = await problemsOf(withUuid, { nis: b.municipality.nis_code, org: b.organisation.id });
    expect(taken).toEqual([
      expect.objectContaining({
        code: 'directory_import.id_taken',
        params: { id: uuid },
      }),
    ]);
    expect(await serviceCount(b.organisation.id)).toBe(0);
  });
  it('records the import in each entry’s history: its arrival, then only the fields that changed', async () => {
    const t = await createTenant(ctx);
    const user = await createUser(ctx, { organisationId: t.organisation.id, role: 'coordinator' });
    const target = {
      ctx,
      municipalityNisCode: t.municipality.nis_code,
      organisation: t.organisation.id,
      actorUserId: user.id,
    };
    const history = (hsdsId: string) =>
      ctx.db
        .selectFrom('directory_metadata')
        .select(['last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'])
        .where('service_id', '=', importedId(hsdsId, t.organisation.id))
        .orderBy('last_action_date')
        .orderBy('field_name')
        .execute();
    await importHsds({ ...target, source: source(pkg()) });
    const arrival = {
      last_action_type: 'import',
      field_name: 'status',
      previous_value: '',
      replacement_value: 'published',
      updated_by: user.id,
    };
    expect(await history('s1')).toEqual([arrival]);
    // The same data again changes nothing, so it adds nothing to the history.
    await importHsds({ ...target, source: source(pkg()) });
    expect(await history('s1')).toEqual([arrival]);
    const changed = pkg({
      'services.csv':
        'id,name,description,status\n' +
        's1,Koffiebabbel De Linde,"Koffie, koek en ""een babbel""",active\ns2,Wandelclub,Samen wandelen,inactive\n',
      'phones.csv': 'id,service_id,number\np1,s1,050 99 99 99\n',
    });
    await importHsds({ ...target, source: source(changed), actorUserId: null });
    const changes = (rows: Awaited<ReturnType<typeof history>>) =>
      rows.filter((r) => r.updated_by === null).sort((a, b) => a.field_name.localeCompare(b.field_name));
    expect(changes(await history('s1'))).toEqual([
      expect.objectContaining({ field_name: 'contacts', last_action_type: 'import' }),
      expect.objectContaining({
        field_name: 'name',
        previous_value: 'Koffiebabbel',
        replacement_value: 'Koffiebabbel De Linde',
      }),
    ]);
    expect(changes(await history('s2'))).toEqual([
      expect.objectContaining({
        field_name: 'status',
        previous_value: 'published',
        replacement_value: 'archived',
      }),
    ]);
  });

  it('gives each service its own copy of a location that several services share, also on a second import', async () => {
    const t = await createTenant(ctx);
    const shared = pkg({
      'service_at_location.csv': 'id,service_id,location_id\nsal1,s1,l1\nsal2,s2,l1\n',
      'schedules.csv':
        'id,service_id,service_at_location_id,freq,byday,opens_at,closes_at\n' +
        'sc1,,sal1,WEEKLY,TU,14:00,16:00\nsc2,,sal2,WEEKLY,FR,10:00,12:00\n',
    });
    const target = { ctx, municipalityNisCode: t.municipality.nis_code, organisation: t.organisation.id };
    const locations = () =>
      ctx.db
        .selectFrom('directory_locations as l')
        .innerJoin('directory_schedules as s', (j) =>
          j.onRef('s.organisation_id', '=', 'l.organisation_id').onRef('s.location_id', '=', 'l.id'),
        )
        .select(['l.id', 'l.service_id', 'l.address_1', 's.byday'])
        .where('l.organisation_id', '=', t.organisation.id)
        .orderBy('s.byday')
        .execute();
    expect(await importHsds({ ...target, source: source(shared) })).toEqual({ created: 2, updated: 0 });
    const first = await locations();
    expect(first).toEqual([
      expect.objectContaining({ service_id: importedId('s2', t.organisation.id), byday: 'FR' }),
      expect.objectContaining({ service_id: importedId('s1', t.organisation.id), byday: 'TU' }),
    ]);
    expect(first.map((l) => l.address_1)).toEqual(['Kerkstraat 1', 'Kerkstraat 1']);
    expect(new Set(first.map((l) => l.id)).size).toBe(2);
    expect(await importHsds({ ...target, source: source(shared) })).toEqual({ created: 0, updated: 2 });
    expect(await locations()).toEqual(first);
    // One service listing the same location twice is still a mistake in the data.
    const twice = pkg({ 'service_at_location.csv': 'id,service_id,location_id\nsal1,s1,l1\nsal2,s1,l1\n' });
    const problems = await problemsOf(twice, { nis: t.municipality.nis_code, org: t.organisation.id });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'locations.csv',
        row: 2,
        field: 'id',
        code: 'directory_import.duplicate_id',
      }),
    ]);
  });

  it('imports more services than one multi-row statement holds, and updates them all the second time', async () => {
    const t = await createTenant(ctx);
    const n = 1_200;
    const ids = Array.from({ length: n }, (_, i) => `bulk-${i}`);
    const many = pkg({
      'services.csv': `id,name,status\n${ids.map((id, i) => `${id},Ontmoeting ${i},active`).join('\n')}\n`,
      'attributes.csv':
        'id,link_id,taxonomy_term_id\n' +
        ids
          .flatMap((id) => [
            `${id}-t,${id},${term('type', 'meeting_place')}`,
            `${id}-j,${id},${term('how_to_join', 'walk_in')}`,
            `${id}-c,${id},${term('cost', 'free')}`,
            `${id}-e,${id},${term('evidence_level', 'none')}`,
          ])
          .join('\n'),
      'phones.csv': `id,service_id,number\n${ids.map((id, i) => `p${i},${id},050 ${i}`).join('\n')}\n`,
      'service_at_location.csv': 'id,service_id,location_id\n',
      'schedules.csv': 'id,service_id,freq,byday,opens_at,closes_at\n',
    });
    const target = { ctx, municipalityNisCode: t.municipality.nis_code, organisation: t.organisation.id };
    const progress: number[] = [];
    expect(
      await importHsds({ ...target, source: source(many), onProgress: (done) => progress.push(done) }),
    ).toEqual({ created: n, updated: 0 });
    expect(progress).toEqual([1_000, n]);
    expect(await checkHsdsImport({ ...target, source: source(many) })).toEqual({ created: 0, updated: n });
    expect(await importHsds({ ...target, source: source(many) })).toEqual({ created: 0, updated: n });
    expect(await serviceCount(t.organisation.id)).toBe(n);
    const phones = await ctx.db
      .selectFrom('directory_contacts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organisation_id', '=', t.organisation.id)
      .executeTakeFirstOrThrow();
    expect(Number(phones.count)).toBe(n);
    const versions = await ctx.db
      .selectFrom('directory_services')
      .select('version')
      .distinct()
      .where('organisation_id', '=', t.organisation.id)
      .execute();
    expect(versions).toEqual([{ version: 2 }]);
  });

  it('counts in a dry run what an import would add and update, and writes nothing', async () => {
    const t = await createTenant(ctx);
    const target = { ctx, municipalityNisCode: t.municipality.nis_code, organisation: t.organisation.id };
    expect(await checkHsdsImport({ ...target, source: source(pkg()) })).toEqual({ created: 2, updated: 0 });
    expect(await serviceCount(t.organisation.id)).toBe(0);
    const elsewhere = await createTenant(ctx);
    const refused = await checkHsdsImport({
      ...target,
      organisation: elsewhere.organisation.id,
      source: source(pkg()),
    }).catch((e: unknown) => e);
    expect((refused as HsdsImportError).problems[0]?.code).toBe('directory_import.organisation_elsewhere');
  });
});
