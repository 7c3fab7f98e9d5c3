/**
 * A worker process for the outbox crash test: opens the database, runs the due
 * jobs with the notification handlers, and is killed by the test while it waits
 * for the SMTP server's reply. Started as
 *   node --import tsx test/harness/outbox-child.ts '{"databaseUrl"|"dataDir", "smtpUrl", "now"}'
 */
import pino from 'pino';
import { notificationJobs } from '../../src/modules/notifications/notifications.jobs.ts';
import { TestClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';

export interface OutboxChildArgs {
  databaseUrl?: string;
  dataDir?: string;
  smtpUrl: string;
  /** The child's clock stands still at this instant, so the test knows when its lease ends. */
  now: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as OutboxChildArgs;
const database = await openDatabase(
  args.databaseUrl ? { url: args.databaseUrl, poolSize: 2 } : { dataDir: args.dataDir },
);
const ctx = {
  database,
  db: database.db,
  config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: args.smtpUrl }),
  clock: new TestClock(new Date(args.now)),
  log: pino({ level: 'silent' }),
};
const counts = await new JobRunner({ ctx, handlers: notificationJobs }).runDue();
// Reached only if the test failed to kill this process mid-send.
process.stdout.write(`${JSON.stringify(counts)}\n`);
await database.close();
