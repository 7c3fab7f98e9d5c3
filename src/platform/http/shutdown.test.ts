import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { buildApp, type RoutesPlugin } from './app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    let release: () => void = () => {};
    let started: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: RoutesPlugin = async (app) => {
      app.get('/slow', async () => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { done: true };
      });
    };
    const app = await buildApp({ ctx, modules: [slow], version: 't' });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const pending = fetch(`${address}/api/slow`);
    await inFlight;
    const closing = app.close();
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });
});
