import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { SERVICE_TYPES } from '../../contracts/directory-vocabulary.ts';
import type { App } from '../../platform/http/app.ts';
import { loadDemo } from '../demo/demo.usecases.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  await loadDemo({ ctx });
}, 120_000);
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('the demo directory', () => {
  it('holds about 150 initiatives of every type in every demo municipality, mostly published', async () => {
    const rows = await ctx.db
      .selectFrom('directory_services')
      .select(['type', 'status', 'municipality_id'])
      .execute();
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(SERVICE_TYPES));
    expect(new Set(rows.map((r) => r.municipality_id)).size).toBe(5);
    const published = rows.filter((r) => r.status === 'published').length;
    expect(published).toBeGreaterThan(130);
    expect(rows.some((r) => r.status === 'draft')).toBe(true);
    expect(rows.some((r) => r.status === 'archived')).toBe(true);
  });

  it('is found by the finder near a demo town, with next meetings', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/directory/search?near=8400&radius_km=10&per_page=50',
    });
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body.total).toBeGreaterThan(20);
    expect(
      body.results.every(
        (r: { distance_km: number | null }) => r.distance_km === null || r.distance_km <= 10,
      ),
    ).toBe(true);
    expect(
      body.results.filter((r: { next_occurrence: unknown }) => r.next_occurrence).length,
    ).toBeGreaterThan(20);
  });

  it('offers the good practices to learn from, filtered by type, evidence and active elements', async () => {
    const get = async (url: string) => (await app.inject({ method: 'GET', url })).json();
    const all = await get('/api/directory/practices?per_page=100');
    expect(all.total).toBeGreaterThan(30);
    expect(all.items.every((p: { evidenceLevel: string }) => p.evidenceLevel === 'well_described')).toBe(
      true,
    );
    const buddies = await get(
      '/api/directory/practices?type=buddy&active_element=meeting,meaningful_contact',
    );
    expect(buddies.total).toBeGreaterThan(0);
    expect(
      buddies.items.every(
        (p: { type: string; activeElements: string[] }) =>
          p.type === 'buddy' && p.activeElements.includes('meaningful_contact'),
      ),
    ).toBe(true);
    expect((await get('/api/directory/practices?evidence_level=strong_indications')).total).toBe(0);
  });

  it('shows per municipality and type how many initiatives exist, and where none does', async () => {
    const matrix = (await app.inject({ method: 'GET', url: '/api/directory/matrix' })).json();
    expect(matrix.types).toHaveLength(SERVICE_TYPES.length);
    expect(matrix.municipalities).toHaveLength(5);
    const published = await ctx.db
      .selectFrom('directory_services')
      .select('id')
      .where('status', '=', 'published')
      .execute();
    const sum = matrix.municipalities.reduce(
      (n: number, m: { counts: Record<string, number> }) =>
        n + Object.values(m.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(sum).toBe(published.length);
    expect(
      matrix.municipalities.some((m: { counts: Record<string, number> }) =>
        Object.values(m.counts).includes(0),
      ),
    ).toBe(true);
  });
});
