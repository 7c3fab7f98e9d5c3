import pino from 'pino';
import { moduleRoutes } from '../../src/modules/index.ts';
import { TestClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { createTestDatabase } from './database.ts';

export type TestContext = AppContext & { clock: TestClock; close(): Promise<void> };

/** A context on a fresh database with a movable clock and a silent logger. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  return {
    database,
    db: database.db,
    config,
    clock: new TestClock(),
    log: pino({ level: 'silent' }),
    close: () => database.close(),
  };
}

export async function createTestApp(ctx: AppContext) {
  const app = await buildApp({ ctx, modules: moduleRoutes, version: '0.0.0-test' });
  await app.ready();
  return app;
}
