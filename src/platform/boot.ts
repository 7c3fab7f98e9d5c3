import type { Logger } from 'pino';
import { moduleRoutes } from '../modules/index.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { buildApp } from './http/app.ts';
import { createLogger } from './logging.ts';
import { version } from './version.ts';

/** Opens the configured database and applies pending migrations. */
export async function openContext(config: Config, log: Logger = createLogger(config)) {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database.db);
    const ctx: AppContext = { database, db: database.db, config, clock: systemClock, log };
    return { ctx, freshDatabase: applied.includes('0001-platform'), close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Starts the whole server: database, migrations, demo data on a new database, HTTP, workers. */
export async function startServer(
  config: Config,
  hooks: { onFresh?: (ctx: AppContext) => Promise<void> } = {},
) {
  const log = createLogger(config);
  const { ctx, freshDatabase, close } = await openContext(config, log);
  if (freshDatabase && hooks.onFresh) await hooks.onFresh(ctx);
  const app = await buildApp({ ctx, modules: moduleRoutes, version });
  const address = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await close();
    })();
    return stopping;
  };
  return { url: address, ctx, stop, freshDatabase };
}
