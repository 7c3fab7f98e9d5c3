import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { App } from '../../platform/http/app.ts';
import { fromProjectRoot } from '../../platform/paths.ts';
import { loadDemo } from '../demo/demo.usecases.ts';
import { termId } from './directory.terms.ts';

// The HSDS reference sits beside the project (../shared/reference/hsds-3.0); without it, skip.
const reference = fromProjectRoot('..', 'shared', 'reference', 'hsds-3.0', 'schema');
const present = existsSync(reference);
if (!present) process.stderr.write(`HSDS schema tests skipped: ${reference} is absent.\n`);

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schema = (file: string) => JSON.parse(readFileSync(join(reference, file), 'utf8'));
if (present)
  for (const file of readdirSync(reference).filter((f) => f.endsWith('.json') && f !== 'openapi.json'))
    ajv.addSchema(schema(file), file);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function expectValid(file: string, value: unknown) {
  let validate = validators.get(file);
  if (!validate) {
    validate = ajv.getSchema(file) ?? ajv.compile(schema(file));
    validators.set(file, validate);
  }
  const ok = validate(value);
  expect(ok, `${file}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
}
function expectPage(body: Record<string, unknown>, item: string) {
  const page = JSON.parse(readFileSync(join(reference, 'openapi.json'), 'utf8')).components.schemas.Page;
  const validate = ajv.compile({ ...page, required: Object.keys(page.properties) });
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  for (const c of body.contents as unknown[]) expectValid(item, c);
}

let ctx: TestContext;
let app: App;
const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe.skipIf(!present)('the HSDS 3.0 API', () => {
  beforeAll(async () => {
    ctx = await createTestContext();
    app = await createTestApp(ctx);
    await loadDemo({ ctx });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it('says which HSDS version it speaks', async () => {
    const { body } = await get('/api/hsds/');
    expect(body).toMatchObject({
      version: '3.0',
      openapi_url: expect.stringMatching(/\/api\/openapi\.json$/),
    });
  });

  it('pages published services as HSDS lists them, basic, minimal and fully nested', async () => {
    const basic = await get('/api/hsds/services?per_page=10&page=2');
    expect(basic.status).toBe(200);
    expect(basic.body).toMatchObject({ page_number: 2, size: 10, first_page: false, empty: false });
    expectPage(basic.body, 'compiled/service_list.json');
    const full = await get('/api/hsds/services?per_page=25&full=true');
    expectPage(full.body, 'compiled/service.json');
    expect(full.body.total_items).toBe(basic.body.total_items);
    const minimal = await get('/api/hsds/services?minimal=true&per_page=100');
    expect(minimal.body.contents[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      status: 'active',
      last_modified: expect.any(String),
    });
  });

  it('gives one service fully nested: schedule, location, address, attributes and history', async () => {
    const list = await get('/api/hsds/services?search=koffiebabbel&per_page=100');
    const coffee = list.body.contents.find((s: { name: string }) => s.name.startsWith('Koffiebabbel'));
    const { status, body } = await get(`/api/hsds/services/${coffee.id}`);
    expect(status).toBe(200);
    expectValid('compiled/service.json', body);
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({
      country: 'BE',
      address_type: 'physical',
    });
    expect(body.attributes).toContainEqual(
      expect.objectContaining({ taxonomy_term_id: termId('type', 'meeting_place'), link_type: 'service' }),
    );
    expect(body.metadata.map((m: { last_action_type: string }) => m.last_action_type)).toContain('publish');
    // The person who checked the entry stays private.
    expect(body.assurer_email).toBeUndefined();
  });

  it('filters services by taxonomy term and by organisation', async () => {
    const buddy = termId('type', 'buddy');
    const { body } = await get(`/api/hsds/services?taxonomy_term_id=${buddy}&full=true&per_page=100`);
    expect(body.total_items).toBeGreaterThan(0);
    for (const s of body.contents)
      expect(s.attributes.map((a: { taxonomy_term_id: string }) => a.taxonomy_term_id)).toContain(buddy);
    const orgs = await get('/api/hsds/organizations');
    expectPage(orgs.body, 'compiled/organization_list.json');
    const org = orgs.body.contents[0];
    expectValid('compiled/organization.json', (await get(`/api/hsds/organizations/${org.id}`)).body);
    const owned = await get(`/api/hsds/services?organization_id=${org.id}&per_page=100`);
    expect(owned.body.contents.every((s: { organization_id: string }) => s.organization_id === org.id)).toBe(
      true,
    );
  });

  it('finds by search what the finder finds: accents folded, a typo forgiven', async () => {
    const cases = [
      ['soepcafe', /Soepcafé/],
      ['koffiebabel', /Koffiebabbel/],
    ] as const;
    for (const [q, name] of cases) {
      const listed = await get(`/api/hsds/services?search=${q}&minimal=true&per_page=100`);
      expect(listed.status).toBe(200);
      expectPage(listed.body, 'compiled/service_list.json');
      const found = await get(`/api/directory/search?q=${q}&per_page=100`);
      expect(found.status).toBe(200);
      const hsdsNames = listed.body.contents.map((s: { name: string }) => s.name);
      expect(
        hsdsNames.some((n: string) => name.test(n)),
        `${q}: ${hsdsNames.join(', ')}`,
      ).toBe(true);
      expect(listed.body.total_items).toBe(found.body.total);
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      expect(ids(listed.body.contents)).toEqual(ids(found.body.results));
    }
  });

  it('lists services at locations near a postcode, nearest first', async () => {
    const { status, body } = await get('/api/hsds/service_at_locations?postcode=8400&proximity=3000');
    expect(status).toBe(200);
    expect(body.total_items).toBeGreaterThan(0);
    expectPage(body, 'compiled/service_at_location_list.json');
    const one = await get(`/api/hsds/service_at_locations/${body.contents[0].id}`);
    expectValid('compiled/service_at_location.json', one.body);
    const bad = await get('/api/hsds/service_at_locations?postcode=9999&proximity=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.postcode');
  });

  it('lists the taxonomies and their terms', async () => {
    const taxonomies = await get('/api/hsds/taxonomies');
    expectPage(taxonomies.body, 'taxonomy.json');
    expect(taxonomies.body.total_items).toBe(7);
    const terms = await get(
      `/api/hsds/taxonomy_terms?taxonomy_id=${taxonomies.body.contents[0].id}&per_page=100`,
    );
    expectPage(terms.body, 'taxonomy_term.json');
    expectValid('taxonomy_term.json', (await get(`/api/hsds/taxonomy_terms/${termId('cost', 'free')}`)).body);
    expectValid('taxonomy.json', (await get(`/api/hsds/taxonomies/${taxonomies.body.contents[0].id}`)).body);
  });

  it('keeps drafts out', async () => {
    const draft = await ctx.db
      .selectFrom('directory_services')
      .select('id')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect((await get(`/api/hsds/services/${draft.id}`)).status).toBe(404);
  });
});
