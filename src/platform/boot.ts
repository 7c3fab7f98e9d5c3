import type { Logger } from 'pino';
import { loadDemo } from '../modules/demo/demo.usecases.ts';
import { ensureGazetteerLoaded } from '../modules/gazetteer/gazetteer.usecases.ts';
import { moduleRoutes } from '../modules/index.ts';
import { moduleJobs, scheduleRecurringJobs } from '../modules/jobs.ts';
import { FileOffsetClock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { buildApp } from './http/app.ts';
import { JobRunner } from './jobs/runner.ts';
import { createLogger } from './logging.ts';
import { version } from './version.ts';

/**
 * Opens the configured database, applies pending migrations and makes sure the
 * gazetteer is there. `freshDatabase` tells whether this run created the schema.
 */
export async function openContext(config: Config, log: Logger = createLogger(config)) {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database.db);
    const clock = config.testClockFile ? new FileOffsetClock(config.testClockFile) : systemClock;
    const ctx: AppContext = { database, db: database.db, config, clock, log };
    await ensureGazetteerLoaded(ctx);
    return { ctx, freshDatabase: applied.includes('0001-platform'), close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Starts the whole server: database, migrations, the demo region on a new
 * database (never in production), HTTP and the job worker. `stop` finishes
 * in-flight requests and jobs before closing the database.
 */
export async function startServer(config: Config) {
  const log = createLogger(config);
  const { ctx, freshDatabase, close } = await openContext(config, log);
  let demoLoaded = false;
  if (freshDatabase && config.demo === 'auto' && config.nodeEnv !== 'production') {
    demoLoaded = (await loadDemo({ ctx })).loaded;
  }
  const app = await buildApp({ ctx, modules: moduleRoutes, version });
  const runner = config.workers ? new JobRunner({ ctx, handlers: moduleJobs }) : undefined;
  const url = await app.listen({ host: config.host, port: config.port });
  if (runner) {
    await scheduleRecurringJobs(ctx);
    runner.start();
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all([app.close(), runner?.stop()]);
      await close();
    })();
    return stopping;
  };
  return { url, ctx, stop, freshDatabase, demoLoaded };
}
