import type { JobHandlers } from '../../platform/jobs/runner.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import { FOLLOW_UP_QUEUE, sendFollowUpReminder } from './measurements.tracks.usecases.ts';

export const measurementsJobs: JobHandlers = {
  [FOLLOW_UP_QUEUE]: async ({ ctx, job }) => {
    const { organisationId, clientId, trackId, months } = job.payload as Record<string, unknown>;
    if (
      typeof organisationId !== 'string' ||
      typeof clientId !== 'string' ||
      typeof trackId !== 'string' ||
      typeof months !== 'number'
    )
      throw new PermanentJobError('malformed follow-up payload');
    await sendFollowUpReminder(ctx, { organisationId, clientId, trackId, months });
  },
};
