import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ClaimedJob {
  id: string;
  queue: string;
  key: string | null;
  payload: Record<string, unknown>;
  /** Counting this one; doubles as the fencing token of this claim. */
  attempts: number;
  maxAttempts: number;
}

export async function insertJob(
  db: Kysely<DB>,
  job: {
    id: string;
    queue: string;
    key: string | null;
    payload: Record<string, unknown>;
    runAt: Date;
    maxAttempts: number;
    createdAt: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      queue: job.queue,
      key: job.key,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
      created_at: job.createdAt,
    })
    .onConflict((oc) => oc.columns(['queue', 'key']).where('key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findJobIdByKey(
  db: Kysely<DB>,
  queue: string,
  key: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('queue', '=', queue)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Takes up to `limit` due jobs of the given queues and leases them until
 * `leaseUntil`, in one statement. SKIP LOCKED lets concurrent claimers pass
 * each other's rows instead of waiting, and the lease keeps a claimed job
 * from being taken again after this statement commits, until it expires
 * (which is how a crashed worker's job comes back).
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  claim: { queues: string[]; now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedJob[]> {
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', claim.now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', claim.now)]))
    .where('queue', 'in', claim.queues)
    .orderBy('run_at')
    .limit(claim.limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), locked_until: claim.leaseUntil }))
    .where('id', 'in', due)
    .returning(['id', 'queue', 'key', 'payload', 'attempts', 'max_attempts'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    key: r.key,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

// Every outcome below only applies while the claim is still ours: a worker whose
// lease expired and whose job was claimed again (attempts moved on) changes nothing.

export async function markJobDone(db: Kysely<DB>, job: ClaimedJob, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_until: null })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempts)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function rescheduleJob(
  db: Kysely<DB>,
  job: ClaimedJob,
  retry: { runAt: Date; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ run_at: retry.runAt, locked_until: null, last_error: retry.error })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempts)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markJobFailed(
  db: Kysely<DB>,
  job: ClaimedJob,
  failure: { now: Date; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: failure.now, locked_until: null, last_error: failure.error })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempts)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
