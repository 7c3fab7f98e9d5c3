import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { ChangeView, ReachView, WhatWorksView } from '../../contracts/insights.ts';
import type { App } from '../../platform/http/app.ts';
import {
  addMunicipality,
  clientsOn,
  createTenant,
  directoryEntry,
  signalsOn,
  staffOf,
  type Tenant,
  trackWithScores,
} from './insights.fixture.ts';
import { MIN_PEOPLE, perturb } from './insights.models.ts';
import { pairedChange, sumsOf } from './insights.statistics.ts';

let ctx: TestContext;
let app: App;
let here: Tenant;
let second: Awaited<ReturnType<typeof addMunicipality>>;
let elsewhere: Tenant;
const as: Record<string, TestSession> = {};
const buddyDiffs = [-3, -2, -1, -4, -2, 0, -3, -1, -2, -5, -1, -2];

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createTenant(ctx);
  second = await addMunicipality(ctx, here);
  elsewhere = await createTenant(ctx);
  const staff = await staffOf(ctx, here);
  const other = await staffOf(ctx, elsewhere);
  const by = staff.worker.id;
  const nisA = here.municipality.nis_code;
  const org = here.organisation.id;
  const jan = await clientsOn(ctx, {
    organisationId: org,
    createdBy: by,
    nis: nisA,
    day: '2026-01-10',
    count: 25,
  });
  await clientsOn(ctx, {
    organisationId: org,
    createdBy: by,
    nis: nisA,
    day: '2026-02-10',
    count: 4,
    postcode: '9050',
  });
  const mar = await clientsOn(ctx, {
    organisationId: org,
    createdBy: by,
    nis: nisA,
    day: '2026-03-10',
    count: 15,
  });
  await clientsOn(ctx, {
    organisationId: org,
    createdBy: by,
    nis: second.nis_code,
    day: '2026-01-12',
    count: 12,
  });
  await signalsOn(ctx, {
    municipalityId: here.municipality.id,
    organisationId: org,
    day: '2026-01-05',
    count: 30,
  });
  await signalsOn(ctx, {
    municipalityId: here.municipality.id,
    organisationId: org,
    day: '2026-03-05',
    count: 3,
  });
  await signalsOn(ctx, { municipalityId: second.id, organisationId: org, day: '2026-01-06', count: 14 });
  // Buddy: 12 pairs; meeting place: 11 pairs; soup bar: 3 pairs (too few); buddy in March: baselines only.
  for (const [i, client] of jan.slice(0, 12).entries())
    await trackWithScores(ctx, {
      client,
      createdBy: by,
      serviceType: 'buddy',
      startedOn: '2026-01-15',
      baseline: 8,
      followUp: 8 + (buddyDiffs[i] as number),
    });
  for (const [i, client] of jan.slice(12, 23).entries())
    await trackWithScores(ctx, {
      client,
      createdBy: by,
      serviceType: 'meeting_place',
      startedOn: '2026-01-20',
      baseline: 6,
      followUp: 6 + (i % 3) - 1,
    });
  for (const client of mar.slice(0, 3))
    await trackWithScores(ctx, {
      client,
      createdBy: by,
      serviceType: 'soup_cafe',
      startedOn: '2026-03-15',
      baseline: 9,
      followUp: 2,
    });
  for (const client of mar.slice(3, 13))
    await trackWithScores(ctx, {
      client,
      createdBy: by,
      serviceType: 'buddy',
      startedOn: '2026-03-20',
      baseline: 7,
    });
  await directoryEntry(ctx, {
    tenant: here,
    municipalityId: here.municipality.id,
    type: 'buddy',
    evidenceLevel: 'good_indications',
    assuredDate: '2026-05-01',
  });
  await directoryEntry(ctx, {
    tenant: here,
    municipalityId: here.municipality.id,
    type: 'buddy',
    evidenceLevel: 'first_indications',
    assuredDate: '2024-01-01',
  });
  await directoryEntry(ctx, { tenant: here, municipalityId: null, type: 'helpline', evidenceLevel: 'none' });
  await directoryEntry(ctx, { tenant: here, municipalityId: second.id, type: 'soup_cafe', status: 'draft' });
  ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
  for (const [name, user] of Object.entries(staff)) as[name] = await loginAs(app, user);
  as.otherCoordinator = await loginAs(app, other.coordinator);
  as.platformAdmin = await loginAs(app, await createUser(ctx, { platformAdmin: true }));
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const get = (url: string, who = 'coordinator') =>
  app.inject({ method: 'GET', url, headers: as[who]?.headers });
const Q1 = 'from=2026-01&to=2026-03';

/** A shown count is the true one moved by at most 2 (cell-key noise), and never below the threshold. */
function expectNear(
  cell: { value: number | null; suppressed: boolean } | null | undefined,
  truth: number,
  what: string,
) {
  expect(cell?.suppressed, what).toBe(false);
  const value = cell?.value as number;
  expect(Math.abs(value - truth), `${what}: ${value} for ${truth}`).toBeLessThanOrEqual(2);
  expect(value, what).toBeGreaterThanOrEqual(MIN_PEOPLE);
}

/** The signals of a municipality received in [from, until) (Brussels), with the sum of their record keys. */
async function signalsBetween(municipalityId: string, from: string, until: string) {
  const r = await sql<{ n: number; k: number }>`
    select count(*)::int as n, coalesce(sum(hashtext(id::text)), 0)::float8 as k from signals
    where municipality_id = ${municipalityId}
      and created_at >= (${from}::date)::timestamp at time zone 'Europe/Brussels'
      and created_at < (${until}::date)::timestamp at time zone 'Europe/Brussels'`.execute(ctx.db);
  return r.rows[0] as { n: number; k: number };
}

describe('who may see insights', () => {
  const urls = [
    '/api/insights/reach',
    '/api/insights/change',
    '/api/insights/what-works',
    '/api/insights/directory-health',
    '/api/insights/export.csv?view=reach',
    '/api/insights/report.pdf',
    '/api/insights/open-data/dictionary.csv',
  ];
  it.each(urls)(
    '%s: coordinators yes; anonymous 401; workers, volunteers and organisation admins 403',
    async (url) => {
      await expectGuarded(app, { method: 'GET', url }, { allowed: as.coordinator, wrongRole: as.worker });
      expect((await get(url, 'volunteer')).statusCode).toBe(403);
      expect((await get(url, 'admin')).statusCode).toBe(403);
    },
  );

  it("refuses a coordinator another organisation's municipality, naming the parameter", async () => {
    const res = await get(
      `/api/insights/reach?municipality=${here.municipality.nis_code}`,
      'otherCoordinator',
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('querystring.municipality');
    const open = await get(
      `/api/insights/open-data.csv?municipality=${here.municipality.nis_code}`,
      'otherCoordinator',
    );
    expect(open.statusCode).toBe(403);
  });

  it('counts only the municipalities of the coordinator’s organisations, and every one for a platform admin', async () => {
    const mine = (await get('/api/insights/reach')).json() as ReachView;
    expect(mine.scope.municipalities.map((m) => m.nis).sort()).toEqual(
      [here.municipality.nis_code, second.nis_code].sort(),
    );
    const theirs = (await get('/api/insights/reach', 'otherCoordinator')).json() as ReachView;
    expect(theirs.scope.municipalities.map((m) => m.nis)).toEqual([elsewhere.municipality.nis_code]);
    expect(theirs.clients.rows[0]?.total).toEqual({ value: 0, suppressed: false });
    const all = (await get('/api/insights/reach', 'platformAdmin')).json() as ReachView;
    expect(all.scope.municipalities.length).toBeGreaterThanOrEqual(3);
    expect(
      (await get(`/api/insights/reach?municipality=${here.municipality.nis_code}`, 'platformAdmin'))
        .statusCode,
    ).toBe(200);
  });
});

describe('bad input', () => {
  const field = async (url: string) => {
    const res = await get(url);
    return {
      status: res.statusCode,
      fields: (res.json().errors ?? []).map((e: { field: string }) => e.field),
    };
  };
  it('names the parameter: unknown municipality, months backwards or too far apart, unknown instrument, bad formats', async () => {
    expect(await field('/api/insights/reach?municipality=00001')).toEqual({
      status: 400,
      fields: ['querystring.municipality'],
    });
    expect(await field('/api/insights/reach?municipality=abc')).toEqual({
      status: 400,
      fields: ['querystring.municipality'],
    });
    expect(await field('/api/insights/reach?from=2026-05&to=2026-02')).toEqual({
      status: 400,
      fields: ['querystring.from'],
    });
    expect(await field('/api/insights/reach?from=2020-01&to=2026-02')).toEqual({
      status: 400,
      fields: ['querystring.to'],
    });
    expect(await field('/api/insights/change?instrument=djg-12')).toEqual({
      status: 400,
      fields: ['querystring.instrument'],
    });
    expect(await field('/api/insights/reach?from=2026-13')).toEqual({
      status: 400,
      fields: ['querystring.from'],
    });
    expect(await field('/api/insights/export.csv?view=everything')).toEqual({
      status: 400,
      fields: ['querystring.view'],
    });
    expect(await field('/api/insights/open-data.csv')).toEqual({
      status: 400,
      fields: ['querystring.municipality'],
    });
  });
});

describe('reach', () => {
  it('counts signals, clients and participants per month, hiding 1–9 and a complement', async () => {
    const v = (
      await get(`/api/insights/reach?municipality=${here.municipality.nis_code}&${Q1}`)
    ).json() as ReachView;
    expect(v.scope.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // Clients 25, 4, 15 (total 44): February is hidden, and March or the total with it, or the
    // total would give February away (the postcode list adds up to the same total).
    const clients = v.clients.rows[0];
    expectNear(clients?.cells[0], 25, 'clients in January');
    expect(clients?.cells[1]).toEqual({ value: null, suppressed: true });
    expect([clients?.cells[2]?.suppressed, clients?.total?.suppressed].filter(Boolean)).toHaveLength(1);
    // Signals 30, 0, 3: March hidden, and January as its complement (a zero protects nothing).
    expect(v.signals.rows[0]?.cells.map((c) => c.value)).toEqual([null, 0, null]);
    // The total carries the noise of exactly its 33 signals' record keys.
    const q1 = await signalsBetween(here.municipality.id, '2026-01-01', '2026-04-01');
    expect(q1.n).toBe(33);
    expect(v.signals.rows[0]?.total).toEqual({ value: perturb(33, q1.k), suppressed: false });
    // Participants: buddy 12, 0, 10; meeting place 11, 0, 0; soup bar 0, 0, 3. What is shown is right.
    const expected: Record<string, number[]> = {
      buddy: [12, 0, 10, 22],
      meeting_place: [11, 0, 0, 11],
      soup_cafe: [0, 0, 3, 3],
    };
    for (const [type, values] of Object.entries(expected)) {
      const row = v.participants.rows.find((r) => r.key === type);
      [...(row?.cells ?? []), row?.total].forEach((c, i) => {
        if (c?.suppressed) return;
        if (values[i] === 0) expect(c?.value, `${type} ${i}`).toBe(0);
        else expectNear(c, values[i] as number, `${type} ${i}`);
      });
    }
    const soup = v.participants.rows.find((r) => r.key === 'soup_cafe');
    expect(soup?.cells[2]).toEqual({ value: null, suppressed: true });
    expect(v.neighbourhoods?.rows.map((r) => r.key)).toEqual(['9000', '9050']);
    expect(v.municipalities).toBeNull();
  });

  it('lists the municipalities when several are counted, adding up to the same totals', async () => {
    const v = (await get(`/api/insights/reach?${Q1}`)).json() as ReachView;
    expect(v.municipalities?.columns).toEqual(['signals', 'clients', 'participants']);
    expect(v.municipalities?.columnTotals?.[1]).toEqual(v.clients.rows[0]?.total);
    expect(v.municipalities?.columnTotals?.[2]).toEqual(v.participants.total);
    expect(v.neighbourhoods).toBeNull();
  });
});

describe('change and what works', () => {
  it('gives mean change, 95% CI and Cohen’s dz for a type with ten pairs or more', async () => {
    const v = (await get(`/api/insights/change?instrument=djg-11&${Q1}&period=quarter`)).json() as ChangeView;
    const i = v.instruments[0];
    expect(i?.periods).toEqual(['2026-Q1']);
    const buddy = i?.cells.find((c) => c.key === 'buddy' && c.period === '2026-Q1');
    const expected = pairedChange(sumsOf(buddyDiffs));
    expectNear(buddy?.n, 12, 'buddy pairs');
    // The statistics are of the real pairs; only counts carry noise.
    expect(buddy?.mean.value).toBeCloseTo(expected?.mean as number, 3);
    expect(buddy?.ciLow.value).toBeCloseTo(expected?.ciLow as number, 3);
    expect(buddy?.ciHigh.value).toBeCloseTo(expected?.ciHigh as number, 3);
    expect(buddy?.effectSize.value).toBeCloseTo(expected?.effectSize as number, 3);
    const soup = i?.cells.find((c) => c.key === 'soup_cafe' && c.period === '2026-Q1');
    for (const k of ['n', 'mean', 'sd', 'ciLow', 'ciHigh', 'effectSize'] as const)
      expect(soup?.[k]).toEqual({ value: null, suppressed: true });
  });

  it('puts types side by side with the evidence levels of their directory entries', async () => {
    const v = (await get(`/api/insights/what-works?instrument=djg-11&${Q1}`)).json() as WhatWorksView;
    const buddy = v.instruments[0]?.types.find((t) => t.key === 'buddy');
    expectNear(buddy?.n, 12, 'buddy pairs');
    expect(buddy?.evidence.good_indications?.value).toBeGreaterThanOrEqual(1);
    expect(buddy?.evidence.first_indications?.value).toBeGreaterThanOrEqual(1);
    expectNear(v.instruments[0]?.overall.n, 26, 'all pairs');
    // The same figure in the change view is the same published number.
    const change = (
      await get(`/api/insights/change?instrument=djg-11&${Q1}&period=quarter`)
    ).json() as ChangeView;
    const all = change.instruments[0]?.cells.find((c) => c.key === 'all' && c.period === 'all');
    expect(all?.n).toEqual(v.instruments[0]?.overall.n);
  });
});

describe('directory health', () => {
  it('counts published entries per type, stale ones, and municipalities without a type', async () => {
    const v = (await get('/api/insights/directory-health')).json();
    const buddy = v.types.find((t: { type: string }) => t.type === 'buddy');
    expect(buddy.published).toEqual({ value: 2, suppressed: false });
    expect(buddy.stale).toEqual({ value: 1, suppressed: false });
    expect(buddy.municipalitiesWithout).toEqual([second.nis_code]);
    const helpline = v.types.find((t: { type: string }) => t.type === 'helpline');
    expect(helpline.regionWide.value).toBe(1);
    expect(helpline.municipalitiesWithout).toEqual([]);
    const soup = v.types.find((t: { type: string }) => t.type === 'soup_cafe');
    expect(soup.published.value).toBe(0);
  });
});

describe('downloads', () => {
  it('writes the CSV with exactly the API’s figures, hidden ones empty and marked', async () => {
    const url = `municipality=${here.municipality.nis_code}&${Q1}`;
    const api = (await get(`/api/insights/reach?${url}`)).json() as ReachView;
    const res = await get(`/api/insights/export.csv?view=reach&${url}`);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    const clients = rows.filter((r) => r.table === 'clients');
    expect(clients.map((r) => r.column)).toEqual(['2026-01', '2026-02', '2026-03', '*']);
    const apiClients = [...(api.clients.rows[0]?.cells ?? []), api.clients.rows[0]?.total];
    expect(clients.map((r) => [r.value, r.suppressed])).toEqual(
      apiClients.map((c) => (c?.suppressed ? ['', '1'] : [String(c?.value), '0'])),
    );
    expect(clients[1]).toMatchObject({ value: '', suppressed: '1' });
    for (const r of rows.filter((x) => x.table === 'participants' && x.row !== '*' && x.column !== '*')) {
      const row = api.participants.rows.find((p) => p.key === r.row);
      const cell = row?.cells[api.participants.columns.indexOf(r.column as string)];
      expect(r.value).toBe(cell?.suppressed ? '' : String(cell?.value));
    }
  });

  it('renders the council report as a PDF and records the download in the audit log', async () => {
    const res = await get(`/api/insights/report.pdf?${Q1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const logged = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'insights.report_exported')
      .execute();
    expect(logged.length).toBeGreaterThanOrEqual(1);
  });

  it('gives one municipality’s open data with its dictionary, in the reader’s language', async () => {
    const res = await get(`/api/insights/open-data.csv?municipality=${here.municipality.nis_code}&${Q1}`);
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.municipality_nis))).toEqual(new Set([here.municipality.nis_code]));
    expect(rows.some((r) => r.table === 'change' && r.measure === 'mean_change')).toBe(true);
    for (const r of rows.filter((x) => x.suppressed === '1')) expect(r.value).toBe('');
    for (const r of rows.filter((x) => x.measure === 'count'))
      expect(r.suppressed === '1' || r.value !== '').toBe(true);
    const dictionary = await app.inject({
      method: 'GET',
      url: '/api/insights/open-data/dictionary.csv',
      headers: { ...as.coordinator?.headers, 'accept-language': 'nl-BE' },
    });
    const fields = (parse(dictionary.body, { columns: true }) as Record<string, string>[]).map((r) => r.veld);
    expect(fields).toEqual(Object.keys(rows[0] ?? {}));
  });
});
