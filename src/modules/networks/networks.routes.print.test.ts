import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { App } from '../../platform/http/app.ts';
import { networkTeam, widower } from './networks.routes.fixture.ts';

let ctx: TestContext;
let app: App;
let team: Awaited<ReturnType<typeof networkTeam>>;
let clientId: string;
let snapshotId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  team = await networkTeam(ctx, app);
  const client = await team.newClient({ givenName: 'Jozef' });
  clientId = client.id;
  const headers = team.sessions.worker.headers;
  const story = widower();
  await app.inject({
    method: 'PUT',
    url: `/api/clients/${clientId}/network`,
    payload: { document: story.before, version: 0 },
    headers,
  });
  const taken = await app.inject({
    method: 'POST',
    url: `/api/clients/${clientId}/network/snapshots`,
    payload: { takenOn: '2025-09-01', label: 'Bij de start' },
    headers,
  });
  snapshotId = taken.json().id;
  await app.inject({
    method: 'PUT',
    url: `/api/clients/${clientId}/network`,
    payload: { document: story.now, version: 1 },
    headers,
  });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const download = (path: string) =>
  app.inject({
    method: 'GET',
    url: `/api/clients/${clientId}/${path}`,
    headers: team.sessions.worker.headers,
  });

describe('printing and downloading the map', () => {
  it('gives the ecogram as an SVG download with a legend and every member', async () => {
    const res = await download('network/ecogram.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ecogram-2026-03-02.svg"');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(res.body).toContain('<title id="t">Ecogram van Jozef Fictief</title>');
    expect(res.body).toContain('Legende');
    for (const name of ['Frans (koffiebabbel)', 'Els (dochter)', 'Thuisverpleging'])
      expect(res.body).toContain(name);
  });

  it('gives the genogram of a snapshot as SVG, dated by the snapshot', async () => {
    const res = await download(`network/genogram.svg?snapshot=${snapshotId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="genogram-2025-09-01.svg"');
    expect(res.body).toContain('Genogram van Jozef Fictief');
    expect(res.body).toContain('Maria');
  });

  it('gives a PDF with a page for each drawing and one for the strengths', async () => {
    const res = await download('network.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="network-map-2026-03-02.pdf"');
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(5_000);
    expect(body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
  });

  it('audits every download with its format', async () => {
    await download('network.pdf?snapshot=current');
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_id', '=', clientId)
      .where('action', '=', 'networks.map_exported')
      .execute();
    expect(rows.map((r) => r.details.format)).toEqual(
      expect.arrayContaining(['ecogram.svg', 'genogram.svg', 'pdf']),
    );
  });

  it('answers 404 for a snapshot that is not there and 400 for a malformed one', async () => {
    expect(
      (await download('network/ecogram.svg?snapshot=00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const bad = await download('network.pdf?snapshot=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
