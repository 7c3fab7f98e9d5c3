import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { fromProjectRoot } from '../../platform/paths.ts';
import { clientsOn, createTenant, staffOf, trackWithScores } from '../insights/insights.fixture.ts';

// Custom answers must never reach a validated score or an insights figure.
// The figures are compared before and after answers are recorded for the very
// people those figures are about, with item codes named like score fields.

let ctx: TestContext;
let app: App;
let coordinator: TestSession;
let worker: TestSession;
let organisationId: string;
let clients: { id: string }[];

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  const tenant = await createTenant(ctx);
  organisationId = tenant.organisation.id;
  const staff = await staffOf(ctx, tenant);
  clients = await clientsOn(ctx, {
    organisationId,
    createdBy: staff.worker.id,
    nis: tenant.municipality.nis_code,
    day: '2026-01-10',
    count: 12,
  });
  for (const [i, client] of clients.entries())
    await trackWithScores(ctx, {
      client: client as never,
      createdBy: staff.worker.id,
      serviceType: 'buddy',
      startedOn: '2026-01-15',
      baseline: 8,
      followUp: 8 - (i % 4),
    });
  ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
  coordinator = await loginAs(app, staff.coordinator);
  worker = await loginAs(app, staff.worker);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const query = 'from=2026-01&to=2026-06';
const views = [
  `/api/insights/reach?${query}`,
  `/api/insights/change?${query}`,
  `/api/insights/what-works?${query}`,
  `/api/insights/export.csv?view=reach&${query}`,
  `/api/insights/export.csv?view=change&${query}`,
  `/api/insights/export.csv?view=what-works&${query}`,
];

async function figures() {
  const out: Record<string, string> = {};
  for (const url of views) {
    const res = await app.inject({ method: 'GET', url, headers: coordinator.headers });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    out[url] = res.body;
  }
  for (const client of clients.slice(0, 3)) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/clients/${client.id}/measurements`,
      headers: worker.headers,
    });
    expect(res.statusCode).toBe(200);
    out[client.id] = res.body;
  }
  return out;
}

describe('custom questionnaire answers', () => {
  it('change no insights figure and no validated measurement of the same people', async () => {
    const before = await figures();
    expect(JSON.parse(before[`/api/insights/change?${query}`] ?? '{}')).not.toEqual({});

    const created = await app.inject({
      method: 'POST',
      url: '/api/questionnaires',
      headers: coordinator.headers,
      payload: {
        organisationId,
        title: { 'nl-BE': 'Hoe eenzaam voel je je, op 10?' },
        items: [
          { code: 'total', text: { 'nl-BE': 'Op 10?' }, scale: { type: 'number', min: 0, max: 10 } },
          { code: 'emotional', text: { 'nl-BE': 'Voel je je leeg?' }, scale: { type: 'yes_no' } },
          {
            code: 'category',
            text: { 'nl-BE': 'Hoe gaat het?' },
            scale: {
              type: 'choice',
              options: [
                { code: 'severely_lonely', label: { 'nl-BE': 'slecht' } },
                { code: 'not_lonely', label: { 'nl-BE': 'goed' } },
              ],
            },
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const measurementsBefore = await ctx.db.selectFrom('client_measurements').select('id').execute();
    for (const [i, client] of clients.entries()) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/questionnaire-responses`,
        headers: worker.headers,
        payload: {
          questionnaireId: created.json().id,
          version: 1,
          answeredOn: '2026-02-15',
          answers: { total: i % 11, emotional: true, category: 'severely_lonely' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await ctx.db.selectFrom('questionnaire_responses').select('id').execute()).toHaveLength(12);

    expect(await figures()).toEqual(before);
    expect(await ctx.db.selectFrom('client_measurements').select('id').execute()).toEqual(measurementsBefore);
  });

  it('are read by no insights code, function or trigger', async () => {
    const dir = fromProjectRoot('src', 'modules', 'insights');
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/questionnaire/i);
    const functions = await sql<{ proname: string }>`
      select proname from pg_proc where prosrc ilike '%questionnaire%'`.execute(ctx.db);
    expect(functions.rows).toEqual([]);
    const triggers = await sql<{ tgname: string }>`
      select tgname from pg_trigger
      where not tgisinternal and tgrelid in (
        'questionnaires'::regclass, 'questionnaire_versions'::regclass, 'questionnaire_responses'::regclass)`.execute(
      ctx.db,
    );
    expect(triggers.rows).toEqual([]);
  });
});
