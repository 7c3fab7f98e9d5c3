import type { JobHandlers } from '../platform/jobs/runner.ts';
import { notificationJobs } from './notifications/notifications.jobs.ts';

/** Every module's job handlers, by queue. */
export const moduleJobs: JobHandlers = { ...notificationJobs };
