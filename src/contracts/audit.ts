import { z } from 'zod';
import { pageQuery } from './common.ts';

export const auditQuery = pageQuery
  .extend({
    organisationId: z.uuid().optional().describe('Only this organisation (required unless platform admin)'),
    action: z.string().max(100).optional(),
  })
  .strict();

export const auditEntryView = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisationId: z.uuid().nullable(),
  action: z.string().describe('Dotted action, e.g. accounts.login'),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
});
