import type { AppContext } from '../context.ts';
import { type BackoffOptions, defaultBackoff, retryDelayMs } from './backoff.ts';
import {
  type ClaimedJob,
  claimDueJobs,
  markJobDone,
  markJobFailed,
  rescheduleJob,
} from './jobs.repository.ts';

/**
 * Runs one job. It may run more than once (a worker can die after the work
 * and before recording it), so it must be idempotent. Throwing schedules a
 * retry; throwing PermanentJobError fails the job at once. On PGlite (one
 * connection) a handler inside a transaction must use only that transaction.
 */
export type JobHandler = (args: { ctx: AppContext; job: ClaimedJob }) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** A failure that retrying cannot fix (a malformed payload, a recipient the mail server refuses). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobRunnerOptions {
  ctx: AppContext;
  handlers?: JobHandlers;
  /** Pause between polls while nothing is due. */
  pollIntervalMs?: number;
  /** Jobs claimed, and run side by side, per round. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the job; longer than any handler runs. */
  leaseMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
}

export interface RunCounts {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

const MAX_ERROR_LENGTH = 2_000;

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message || error.name : String(error)).slice(0, MAX_ERROR_LENGTH);

/**
 * Polls the jobs table and runs due jobs with the handler of their queue.
 * Several runners, in one process or many, may work on one database: each
 * claim is a lease taken with FOR UPDATE SKIP LOCKED.
 */
export class JobRunner {
  private readonly ctx: AppContext;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(options: JobRunnerOptions) {
    this.ctx = options.ctx;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 5;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.backoff = options.backoff ?? defaultBackoff;
    this.random = options.random ?? Math.random;
    for (const [queue, handler] of Object.entries(options.handlers ?? {})) this.register(queue, handler);
  }

  register(queue: string, handler: JobHandler): this {
    if (this.handlers.has(queue)) throw new Error(`a handler for queue ${queue} is already registered`);
    this.handlers.set(queue, handler);
    return this;
  }

  /** Runs everything that is due now, round after round, until nothing due is left. */
  async runDue(): Promise<RunCounts> {
    const total: RunCounts = { claimed: 0, done: 0, retried: 0, failed: 0 };
    for (;;) {
      const round = await this.runRound();
      if (round.claimed === 0) return total;
      total.claimed += round.claimed;
      total.done += round.done;
      total.retried += round.retried;
      total.failed += round.failed;
    }
  }

  /** Starts polling in the background; stop() ends it. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.poll();
  }

  /** Stops polling and resolves once the jobs being run have finished and been recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = (await this.runRound()).claimed;
      } catch (error) {
        // The database may be restarting; the next poll tries again.
        this.ctx.log.error({ err: error }, 'job runner could not claim jobs');
      }
      if (claimed === 0 && !this.stopping) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async runRound(): Promise<RunCounts> {
    const counts: RunCounts = { claimed: 0, done: 0, retried: 0, failed: 0 };
    if (this.handlers.size === 0) return counts;
    const now = this.ctx.clock.now();
    const jobs = await claimDueJobs(this.ctx.db, {
      queues: [...this.handlers.keys()],
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      limit: this.batchSize,
    });
    counts.claimed = jobs.length;
    // allSettled: even when recording one outcome fails, the round (and so stop()) waits for every job.
    const outcomes = await Promise.allSettled(jobs.map((job) => this.runOne(job)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      counts[outcome.value] += 1;
    }
    return counts;
  }

  private async runOne(job: ClaimedJob): Promise<'done' | 'retried' | 'failed'> {
    const handler = this.handlers.get(job.queue);
    let failure: { error: unknown } | undefined;
    try {
      if (!handler) throw new PermanentJobError(`no handler for queue ${job.queue}`);
      // Only a worker that died during the last attempt gets a claim past the limit; running
      // the job again could kill the next worker too, so it ends here.
      if (job.attempts > job.maxAttempts)
        throw new PermanentJobError('the worker stopped during the last attempt');
      await handler({ ctx: this.ctx, job });
    } catch (error) {
      failure = { error };
    }
    const { db, clock, log } = this.ctx;
    const now = clock.now();
    const fields = { jobId: job.id, queue: job.queue, attempt: job.attempts };
    if (failure === undefined) {
      if (!(await markJobDone(db, job, now))) log.warn(fields, 'job finished after its lease was taken over');
      return 'done';
    }
    // The message goes to jobs.last_error, not to the log: it may name a person (a refused recipient).
    const error = errorText(failure.error);
    const errorName = failure.error instanceof Error ? failure.error.name : typeof failure.error;
    if (failure.error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      await markJobFailed(db, job, { now, error });
      log.error({ ...fields, errorName }, 'job failed for good; see jobs.last_error');
      return 'failed';
    }
    const delay = retryDelayMs(job.attempts, this.backoff, this.random);
    await rescheduleJob(db, job, { runAt: new Date(now.getTime() + delay), error });
    log.warn({ ...fields, errorName, retryInMs: delay }, 'job failed, will retry; see jobs.last_error');
    return 'retried';
  }
}
