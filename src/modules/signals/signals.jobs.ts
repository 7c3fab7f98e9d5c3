import type { JobHandlers } from '../../platform/jobs/runner.ts';
import { ESCALATION_QUEUE, runEscalationJob } from './signals.escalation.usecases.ts';
import {
  anonymiseExpiredSignals,
  RETENTION_QUEUE,
  scheduleSignalsRetention,
} from './signals.retention.usecases.ts';

/** The meldpunt's durable jobs, by queue. */
export const signalsJobs: JobHandlers = {
  [ESCALATION_QUEUE]: ({ ctx, job }) => runEscalationJob(ctx, job.payload),
  [RETENTION_QUEUE]: async ({ ctx }) => {
    await anonymiseExpiredSignals({ ctx });
    await scheduleSignalsRetention(ctx);
  },
};
