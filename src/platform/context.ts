import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { DB } from './db/schema.ts';

/** What every use case may depend on; passed in explicitly, never imported. */
export interface AppContext {
  database: Database;
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  log: Logger;
}
