import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loadConfig } from '../../platform/config.ts';

describe('GET /api/directory/map-config', () => {
  let ctx: TestContext | undefined;
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
  });

  it('tells anyone that there is no tile server when MAP_TILE_URL is not set', async () => {
    ctx = await createTestContext();
    const app = await createTestApp(ctx);
    const response = await app.inject({ method: 'GET', url: '/api/directory/map-config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ tileUrl: null });
    await app.close();
  });

  it('hands out the configured tile address', async () => {
    const tileUrl = 'https://tiles.example.org/{z}/{x}/{y}.png';
    ctx = await createTestContext({ MAP_TILE_URL: tileUrl });
    const app = await createTestApp(ctx);
    const response = await app.inject({ method: 'GET', url: '/api/directory/map-config' });
    expect(response.json()).toEqual({ tileUrl });
    await app.close();
  });

  it('refuses a tile address that is not https or lacks the tile placeholders', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(
      /MAP_TILE_URL/,
    );
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(/MAP_TILE_URL/);
  });
});
