import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { AppContext } from '../context.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { claimDueJobs, markJobDone } from './jobs.repository.ts';
import { enqueue } from './jobs.ts';
import { type JobHandler, JobRunner, PermanentJobError } from './runner.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const backoff = { baseMs: 1_000, maxMs: 60_000 };

function runner(handlers: Record<string, JobHandler>, on: AppContext = ctx) {
  return new JobRunner({ ctx: on, handlers, backoff, random: () => 1, leaseMs: 60_000, batchSize: 4 });
}

async function jobsOf(queue: string) {
  return ctx.db.selectFrom('jobs').selectAll().where('queue', '=', queue).orderBy('created_at').execute();
}

async function onlyJob(queue: string) {
  const rows = await jobsOf(queue);
  expect(rows).toHaveLength(1);
  return rows[0] as NonNullable<(typeof rows)[0]>;
}

/** On PostgreSQL a second pool, so that two runners really claim side by side; PGlite has one connection. */
async function secondContext(): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const url = (ctx.database as Database & { url?: string }).url;
  if (!url) return { ctx, close: async () => {} };
  const database = await openDatabase({ url, poolSize: 4 });
  return { ctx: { ...ctx, database, db: database.db }, close: () => database.close() };
}

describe('enqueueing jobs', () => {
  it('creates the job only when the surrounding transaction commits', async () => {
    const queue = 'test.transactional';
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await enqueue(trx, { queue, now: ctx.clock.now() });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await jobsOf(queue)).toHaveLength(0);

    await ctx.db.transaction().execute((trx) => enqueue(trx, { queue, now: ctx.clock.now() }));
    expect(await jobsOf(queue)).toHaveLength(1);
  });

  it('keeps one job per queue and key, returning the existing one on a repeat', async () => {
    const first = await enqueue(ctx.db, { queue: 'test.keyed', key: 'k1', now: ctx.clock.now() });
    const again = await enqueue(ctx.db, {
      queue: 'test.keyed',
      key: 'k1',
      payload: { different: true },
      now: ctx.clock.now(),
    });
    const otherQueue = await enqueue(ctx.db, { queue: 'test.keyed-other', key: 'k1', now: ctx.clock.now() });

    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(otherQueue.created).toBe(true);
    expect((await onlyJob('test.keyed')).payload).toEqual({});
  });
});

describe('the job runner', () => {
  it('runs a job with its payload only once it is due', async () => {
    const queue = 'test.due';
    const seen: unknown[] = [];
    const jobs = runner({ [queue]: async ({ job }) => void seen.push(job.payload) });
    await enqueue(ctx.db, {
      queue,
      payload: { n: 1 },
      now: ctx.clock.now(),
      runAt: new Date(ctx.clock.now().getTime() + 5_000),
    });

    expect(await jobs.runDue()).toEqual({ claimed: 0, done: 0, retried: 0, failed: 0 });
    ctx.clock.advance(5_000);
    expect(await jobs.runDue()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });

    expect(seen).toEqual([{ n: 1 }]);
    const row = await onlyJob(queue);
    expect(row.status).toBe('done');
    expect(row.finished_at).toEqual(ctx.clock.now());
  });

  it('retries a failing job after doubling delays and fails it with the last error after its last attempt', async () => {
    const queue = 'test.always-fails';
    const jobs = runner({
      [queue]: async ({ job }) => {
        throw new Error(`relay down (attempt ${job.attempts})`);
      },
    });
    await enqueue(ctx.db, { queue, now: ctx.clock.now(), maxAttempts: 3 });

    expect(await jobs.runDue()).toMatchObject({ claimed: 1, retried: 1 });
    let row = await onlyJob(queue);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'relay down (attempt 1)' });
    expect(row.run_at.getTime() - ctx.clock.now().getTime()).toBe(1_000);

    ctx.clock.advance(999);
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    ctx.clock.advance(1);
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, retried: 1 });
    row = await onlyJob(queue);
    expect(row.run_at.getTime() - ctx.clock.now().getTime()).toBe(2_000);

    ctx.clock.advance(2_000);
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    row = await onlyJob(queue);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'relay down (attempt 3)' });
    expect(row.finished_at).toEqual(ctx.clock.now());

    ctx.clock.advance(3_600_000);
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
  });

  it('finishes a job that succeeds on a retry', async () => {
    const queue = 'test.flaky';
    const jobs = runner({
      [queue]: async ({ job }) => {
        if (job.attempts === 1) throw new Error('temporary');
      },
    });
    await enqueue(ctx.db, { queue, now: ctx.clock.now() });

    await jobs.runDue();
    ctx.clock.advance(1_000);
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await onlyJob(queue)).toMatchObject({ status: 'done', attempts: 2, last_error: 'temporary' });
  });

  it('fails a job at once when its handler reports a permanent error', async () => {
    const queue = 'test.permanent';
    const jobs = runner({
      [queue]: async () => {
        throw new PermanentJobError('recipient refused');
      },
    });
    await enqueue(ctx.db, { queue, now: ctx.clock.now(), maxAttempts: 5 });

    expect(await jobs.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await onlyJob(queue)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'recipient refused',
    });
  });

  it('runs the job of a worker that died again once its lease expires, and ignores the dead claim', async () => {
    const queue = 'test.lease';
    await enqueue(ctx.db, { queue, now: ctx.clock.now() });
    const now = ctx.clock.now();
    const [deadClaim] = await claimDueJobs(ctx.db, {
      queues: [queue],
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
      limit: 1,
    });
    if (!deadClaim) throw new Error('the job was not claimed');
    let runs = 0;
    const jobs = runner({ [queue]: async () => void runs++ });

    ctx.clock.advance(59_999);
    expect(await jobs.runDue()).toMatchObject({ claimed: 0 });
    ctx.clock.advance(1);
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(runs).toBe(1);

    const finishedAt = (await onlyJob(queue)).finished_at;
    ctx.clock.advance(1_000);
    expect(await markJobDone(ctx.db, deadClaim, ctx.clock.now())).toBe(false);
    expect(await onlyJob(queue)).toMatchObject({ status: 'done', attempts: 2, finished_at: finishedAt });
  });

  it('fails, without running it again, a job whose worker died during its last attempt', async () => {
    const queue = 'test.poison';
    await enqueue(ctx.db, { queue, now: ctx.clock.now(), maxAttempts: 1 });
    const now = ctx.clock.now();
    await claimDueJobs(ctx.db, {
      queues: [queue],
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
      limit: 1,
    });
    let runs = 0;
    const jobs = runner({ [queue]: async () => void runs++ });

    ctx.clock.advance(60_000);
    expect(await jobs.runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(runs).toBe(0);
    expect(await onlyJob(queue)).toMatchObject({
      status: 'failed',
      attempts: 2,
      last_error: 'the worker stopped during the last attempt',
    });
  });

  it('lets two runners on one database share the work without running any job twice', async () => {
    const queue = 'test.shared';
    const total = 30;
    for (let i = 0; i < total; i++) await enqueue(ctx.db, { queue, payload: { i }, now: ctx.clock.now() });
    const other = await secondContext();
    const runsPerJob = new Map<string, number>();
    const started = new Set<string>();
    let release: () => void = () => {};
    // Each runner holds its first jobs until the other one has claimed some too, so both must take part.
    const bothStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlerFor =
      (name: string): JobHandler =>
      async ({ job }) => {
        runsPerJob.set(job.id, (runsPerJob.get(job.id) ?? 0) + 1);
        started.add(name);
        if (started.size === 2) release();
        await bothStarted;
      };
    const a = runner({ [queue]: handlerFor('a') });
    const b = runner({ [queue]: handlerFor('b') }, other.ctx);
    try {
      const [countsA, countsB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(countsA.claimed).toBeGreaterThan(0);
      expect(countsB.claimed).toBeGreaterThan(0);
      expect(countsA.done + countsB.done).toBe(total);
    } finally {
      await other.close();
    }
    expect(runsPerJob.size).toBe(total);
    expect([...runsPerJob.values()].every((n) => n === 1)).toBe(true);
    const statuses = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from jobs where queue = ${queue} group by status`.execute(ctx.db);
    expect(statuses.rows).toEqual([{ status: 'done', n: total }]);
  });

  it('polls in the background and, when stopped, waits for the job it is running', async () => {
    const queue = 'test.graceful';
    const events: string[] = [];
    let handlerStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      handlerStarted = resolve;
    });
    let finishHandler: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      finishHandler = resolve;
    });
    const jobs = new JobRunner({
      ctx,
      pollIntervalMs: 5,
      handlers: {
        [queue]: async () => {
          handlerStarted();
          await gate;
          events.push('handler finished');
        },
      },
    });
    jobs.start();
    await enqueue(ctx.db, { queue, now: ctx.clock.now() });
    await started;

    const stopped = jobs.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    finishHandler();
    await stopped;

    expect(events).toEqual(['handler finished', 'stopped']);
    expect(await onlyJob(queue)).toMatchObject({ status: 'done' });
  });
});
