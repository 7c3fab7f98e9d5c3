import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness/database.ts';
import type { OutboxChildArgs } from '../../../test/harness/outbox-child.ts';
import { SmtpSink } from '../../../test/harness/smtp-sink.ts';
import { readPgliteTemplate } from '../../../test/harness/template.ts';
import { TestClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { type Database, openDatabase } from '../../platform/db/database.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { notificationJobs } from './notifications.jobs.ts';
import { queueEmail } from './notifications.usecases.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const childScript = join(repoRoot, 'test/harness/outbox-child.ts');
const startedAt = new Date('2026-03-02T09:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * The database the child and the test share: a server database, or an
 * embedded data folder on disk, which only one process may have open at a time.
 */
async function sharedDatabase(): Promise<{
  target: Pick<OutboxChildArgs, 'databaseUrl' | 'dataDir'>;
  open(): Promise<Database>;
}> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    cleanups.push(() => database.close());
    return { target: { databaseUrl: database.url }, open: async () => database };
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'verbonden-outbox-crash-')), 'data');
  cleanups.push(async () => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
  const seeded = await openDatabase({ dataDir, loadDataDir: readPgliteTemplate() });
  await seeded.close();
  return { target: { dataDir }, open: () => openDatabase({ dataDir }) };
}

function contextOn(database: Database, smtpUrl: string, clock: TestClock): AppContext {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: smtpUrl });
  return { database, db: database.db, config, clock, log: pino({ level: 'silent' }) };
}

function startChild(args: OutboxChildArgs): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(args)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

describe('the outbox when a worker is killed mid-send', () => {
  it('delivers the message exactly once after a fresh worker takes over', { timeout: 120_000 }, async () => {
    // The first message stalls after its data, before the 250: the moment the worker dies.
    const sink = await SmtpSink.start((n) => (n === 1 ? 'stall' : 'accept'));
    cleanups.push(() => sink.close());
    const shared = await sharedDatabase();

    let database = await shared.open();
    const clock = new TestClock(startedAt);
    const { messageId } = await database.db.transaction().execute((trx) =>
      queueEmail({
        ctx: contextOn(database, sink.url, clock),
        trx,
        organisationId: null,
        to: 'an@example.org',
        subject: 'Je wachtwoord',
        text: 'Klik op de link.',
      }),
    );
    if (shared.target.dataDir) await database.close();

    const { child, output } = startChild({
      ...shared.target,
      smtpUrl: sink.url,
      now: startedAt.toISOString(),
    });
    const exited = once(child, 'exit');
    const earlyExit = exited.then(() => {
      throw new Error(`the worker exited before it was killed:\n${output()}`);
    });
    await Promise.race([
      sink.waitFor(() => sink.stalled === 1, 'the worker to send the message', 90_000),
      earlyExit,
    ]);
    earlyExit.catch(() => {});
    child.kill('SIGKILL');
    await exited;
    expect(sink.accepted).toHaveLength(0);

    if (shared.target.dataDir) {
      // A killed process cannot release its lock on the data folder; do what an operator would.
      rmSync(`${shared.target.dataDir}.lock`, { recursive: true, force: true });
      database = await shared.open();
      cleanups.push(() => database.close());
    }
    // Far past the dead worker's lease.
    clock.advance(60 * 60_000);
    const runner = new JobRunner({ ctx: contextOn(database, sink.url, clock), handlers: notificationJobs });
    expect(await runner.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await runner.runDue()).toMatchObject({ claimed: 0 });

    expect(sink.accepted).toHaveLength(1);
    expect(sink.accepted[0]?.messageId).toBe(messageId);
    const row = await database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1 });
    const job = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('key', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });
});
