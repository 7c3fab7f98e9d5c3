import { z } from 'zod';
import { type JobHandlers, PermanentJobError } from '../../platform/jobs/runner.ts';
import { OUTBOX_QUEUE } from './notifications.models.ts';
import { deliverOutboxMessage } from './notifications.usecases.ts';

const deliverPayload = z.object({ outboxMessageId: z.uuid() });

/** The notifications module's job handlers, for the job runner. */
export const notificationJobs: JobHandlers = {
  [OUTBOX_QUEUE]: async ({ ctx, job }) => {
    const payload = deliverPayload.safeParse(job.payload);
    if (!payload.success) throw new PermanentJobError('malformed outbox.deliver payload');
    await deliverOutboxMessage({
      ctx,
      outboxMessageId: payload.data.outboxMessageId,
      lastAttempt: job.attempts >= job.maxAttempts,
    });
  },
};
