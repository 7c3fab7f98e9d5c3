import type { AppContext } from '../platform/context.ts';
import type { JobHandlers } from '../platform/jobs/runner.ts';
import { accountsJobs, scheduleAccountsCleanup } from './accounts/accounts.jobs.ts';
import { notificationJobs } from './notifications/notifications.jobs.ts';

/** Every module's job handlers, by queue. */
export const moduleJobs: JobHandlers = { ...notificationJobs, ...accountsJobs };

/** Makes sure every recurring job has its next run scheduled (idempotent; called at start-up). */
export async function scheduleRecurringJobs(ctx: AppContext) {
  await scheduleAccountsCleanup(ctx);
}
