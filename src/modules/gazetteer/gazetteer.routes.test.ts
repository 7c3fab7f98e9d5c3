import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { type App, buildApp } from '../../platform/http/app.ts';
import { gazetteerRoutes } from './gazetteer.routes.ts';
import { ensureGazetteerLoaded } from './gazetteer.usecases.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  app = await buildApp({ ctx, modules: [gazetteerRoutes], version: 't' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('GET /api/gazetteer/postcodes/:postcode', () => {
  it('answers without a login with the municipality, its province and the places of the postcode', async () => {
    const res = await get('/api/gazetteer/postcodes/8380');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const body = res.json();
    expect(body.municipalities).toEqual([
      expect.objectContaining({
        nisCode: '31005',
        name: { nl: 'Brugge', fr: 'Bruges' },
        region: 'VLG',
        province: { code: 'BE-VWV', name: { nl: 'West-Vlaanderen', fr: 'Flandre occidentale' } },
      }),
    ]);
    expect(body.places.map((p: { name: string }) => p.name)).toEqual(['Dudzele', 'Lissewege', 'Zeebrugge']);
    expect(body.point).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
  });

  it('says in Dutch that an unknown postcode is unknown, with a stable code', async () => {
    const res = await get('/api/gazetteer/postcodes/9999');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'gazetteer.unknown_postcode',
      title: 'Postcode 9999 kennen we niet. Kijk even na of je hem juist hebt ingevuld.',
    });
  });

  it('answers in French when the browser asks for French', async () => {
    const res = await get('/api/gazetteer/postcodes/9999', { 'accept-language': 'fr-BE' });
    expect(res.json().title).toContain('code postal 9999');
  });

  it('refuses a malformed postcode with a 400 naming the field', async () => {
    const res = await get('/api/gazetteer/postcodes/80000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation.failed',
      errors: [
        {
          field: 'params.postcode',
          code: 'gazetteer.invalid_postcode',
          message: 'Een postcode heeft vier cijfers, bijvoorbeeld 8000.',
        },
      ],
    });
  });
});

describe('GET /api/gazetteer/municipalities', () => {
  it('finds a municipality by its French name', async () => {
    const res = await get('/api/gazetteer/municipalities?q=courtrai');
    expect(res.statusCode).toBe(200);
    expect(res.json().municipalities[0]).toMatchObject({
      nisCode: '34022',
      name: { nl: 'Kortrijk' },
      matchedPlace: null,
    });
  });

  it('limits the search to a region and a number of results', async () => {
    const res = await get('/api/gazetteer/municipalities?region=BRU&limit=50');
    const body = res.json();
    expect(body.municipalities).toHaveLength(19);
    expect(body.municipalities.every((m: { province: unknown }) => m.province === null)).toBe(true);
  });

  it('refuses an unknown region with a 400 naming the field', async () => {
    const res = await get('/api/gazetteer/municipalities?region=XX');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'querystring.region', code: 'validation.one_of' });
  });
});

describe('GET /api/gazetteer/municipalities/:nis', () => {
  it('gives the municipality with its postcodes and places', async () => {
    const res = await get('/api/gazetteer/municipalities/35013');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nisCode: '35013',
      name: { nl: 'Oostende', fr: 'Ostende' },
      postcodes: [
        { postcode: '8400', places: expect.arrayContaining([expect.objectContaining({ name: 'Stene' })]) },
      ],
    });
  });

  it('answers 404 for an unknown NIS code and 400 for a malformed one', async () => {
    const unknown = await get('/api/gazetteer/municipalities/99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('gazetteer.unknown_municipality');
    const malformed = await get('/api/gazetteer/municipalities/3100');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({
      field: 'params.nis',
      code: 'gazetteer.invalid_nis_code',
    });
  });
});
