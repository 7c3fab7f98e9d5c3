import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { findJobIdByKey, insertJob } from './jobs.repository.ts';

export type { ClaimedJob } from './jobs.repository.ts';

export const DEFAULT_MAX_ATTEMPTS = 8;

export interface JobToEnqueue {
  queue: string;
  payload?: Record<string, unknown>;
  /** ctx.clock.now() of the caller: the job's creation time, and its due time unless runAt is given. */
  now: Date;
  runAt?: Date;
  /** At most one job per (queue, key) ever exists: enqueueing the same key again does nothing. */
  key?: string;
  maxAttempts?: number;
}

/**
 * Schedules a job. Pass the caller's transaction so that the job exists if and
 * only if the business change it belongs to commits. Returns the id of the job,
 * which is the existing one when a job with the same queue and key was already
 * there (`created` is then false).
 */
export async function enqueue(db: Kysely<DB>, job: JobToEnqueue): Promise<{ id: string; created: boolean }> {
  const id = newId();
  const created = await insertJob(db, {
    id,
    queue: job.queue,
    key: job.key ?? null,
    payload: job.payload ?? {},
    runAt: job.runAt ?? job.now,
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    createdAt: job.now,
  });
  if (created) return { id, created };
  const existing = job.key === undefined ? undefined : await findJobIdByKey(db, job.queue, job.key);
  if (!existing) throw new Error(`job ${job.queue}/${job.key} conflicted but cannot be found`);
  return { id: existing, created: false };
}
