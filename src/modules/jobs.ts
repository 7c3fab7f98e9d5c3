import type { AppContext } from '../platform/context.ts';
import type { JobHandlers } from '../platform/jobs/runner.ts';
import { accountsJobs, scheduleAccountsCleanup } from './accounts/accounts.jobs.ts';
import { directoryJobs, scheduleSearchReorder, scheduleStaleReminders } from './directory/directory.jobs.ts';
import { measurementsJobs } from './measurements/measurements.jobs.ts';
import { notificationJobs } from './notifications/notifications.jobs.ts';
import { signalsJobs } from './signals/signals.jobs.ts';
import { scheduleSignalsRetention } from './signals/signals.retention.usecases.ts';

/** Every module's job handlers, by queue. */
export const moduleJobs: JobHandlers = {
  ...notificationJobs,
  ...accountsJobs,
  ...directoryJobs,
  ...signalsJobs,
  ...measurementsJobs,
};

/** Makes sure every recurring job has its next run scheduled (idempotent; called at start-up). */
export async function scheduleRecurringJobs(ctx: AppContext) {
  await scheduleAccountsCleanup(ctx);
  await scheduleStaleReminders(ctx);
  await scheduleSearchReorder(ctx);
  await scheduleSignalsRetention(ctx);
}
