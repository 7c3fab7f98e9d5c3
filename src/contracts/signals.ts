import { z } from 'zod';
import {
  CONTACT_METHODS,
  CONTACT_RESULTS,
  INFORMATION_EXCEPTIONS,
  INFORMATION_METHODS,
  SIGNAL_OUTCOMES,
  SIGNAL_SIGNS,
  SIGNAL_STATUSES,
  SIGNAL_URGENCIES,
} from '../modules/signals/signals.models.ts';
import { emailSchema, nameSchema } from './common.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** Free text of a form field: trimmed, at most `max` characters, no control characters but line breaks. */
const text = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, 'validation.control_characters');
const optionalText = (max: number) => text(max).optional();

const DESCRIPTION_MAX = 5_000;

export const signalStatusSchema = z.enum(SIGNAL_STATUSES);
export const signalOutcomeSchema = z.enum(SIGNAL_OUTCOMES);
export const signalUrgencySchema = z.enum(SIGNAL_URGENCIES);

const reporterSchema = z.discriminatedUnion('anonymous', [
  z.object({ anonymous: z.literal(true) }).strict(),
  z
    .object({
      anonymous: z.literal(false),
      name: nameSchema.describe('How the meldpunt may address the reporter'),
      phone: z
        .string()
        .trim()
        .max(30)
        .regex(/^\+?[0-9 ./()-]{6,30}$/, 'signals.phone_format')
        .optional()
        .describe('A phone number to call the reporter back'),
      email: emailSchema.optional().describe('An address to reach the reporter; also told when it is closed'),
    })
    .strict(),
]);

export const createSignalBody = z
  .object({
    postcode: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{3}$/, 'signals.postcode_format')
      .optional()
      .describe("The person's postcode; this or municipality is required"),
    municipality: z
      .string()
      .regex(/^[0-9]{5}$/, 'signals.municipality_format')
      .optional()
      .describe('NIS code of the municipality where the person lives, when the postcode is not known'),
    person: z
      .object({
        name: optionalText(200).describe("The person's name, as far as the reporter knows it"),
        street: optionalText(200).describe('Street and number'),
      })
      .strict()
      .optional(),
    signs: z.array(z.enum(SIGNAL_SIGNS)).max(SIGNAL_SIGNS.length).optional().describe('What was noticed'),
    description: text(DESCRIPTION_MAX).min(1).describe('What the reporter noticed, in their own words'),
    urgency: signalUrgencySchema
      .optional()
      .describe('How urgent it feels to the reporter; normal by default'),
    reporter: reporterSchema.describe('Anonymous, or a name with a phone number or email address'),
    privacyNoticeAccepted: z.literal(true, 'signals.privacy_notice_required'),
    website: z.string().max(200).optional().describe('Leave empty (a trap for robots)'),
    reporterOrganisationId: z
      .uuid()
      .optional()
      .describe('Logged-in professionals: the organisation they report for; their first one by default'),
  })
  .strict()
  // Checked along with the other fields (when), so one answer names every problem.
  .refine((v) => Boolean(v.postcode ?? v.municipality), {
    path: ['postcode'],
    message: 'signals.place_required',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
export type CreateSignalBody = z.infer<typeof createSignalBody>;

export const createdSignalView = z.object({ reference: z.string() });

export const referenceParams = z.object({ reference: z.string().max(64) }).strict();
export const signalStatusView = z.object({ status: z.enum(['received', 'being_handled', 'closed']) });

export const signalSummaryView = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  reference: z.string(),
  status: signalStatusSchema,
  urgency: signalUrgencySchema,
  source: z.enum(['citizen', 'professional']),
  personName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  assignedOrganisationId: z.uuid().nullable(),
  assignedUserId: z.uuid().nullable(),
  triageDueAt: z.iso.datetime().describe('When it should have been looked at, by the service levels'),
  contactDueAt: z.iso.datetime().describe('When a first contact attempt should have been made'),
  overdue: z.boolean().describe('A deadline passed and its step is still to be done'),
});

export const signalTransitionView = z.object({
  fromStatus: signalStatusSchema.nullable(),
  toStatus: signalStatusSchema,
  outcome: signalOutcomeSchema.nullable(),
  actorName: z.string().nullable(),
  at: z.iso.datetime(),
});

export const signalNoteView = z.object({
  id: z.uuid(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
});

export const contactAttemptView = z.object({
  id: z.uuid(),
  method: z.enum(CONTACT_METHODS),
  result: z.enum(CONTACT_RESULTS),
  note: z.string().nullable(),
  attemptedAt: z.iso.datetime(),
  actorName: z.string(),
});

export const contactAttemptBody = z
  .object({
    method: z.enum(CONTACT_METHODS).describe('How the worker tried to reach the person'),
    result: z.enum(CONTACT_RESULTS).describe('Whether the person was reached'),
    note: text(2_000).optional().describe('What happened, briefly'),
    attemptedAt: z.iso.datetime().optional().describe('When it happened; now by default'),
  })
  .strict();

export const signalDetailView = signalSummaryView.extend({
  outcome: signalOutcomeSchema.nullable(),
  personStreet: z.string().nullable(),
  personPostcode: z.string().nullable(),
  signs: z.array(z.string()),
  description: z.string(),
  reporter: z.object({
    anonymous: z.boolean(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    organisationName: z.string().nullable(),
  }),
  closedAt: z.iso.datetime().nullable(),
  transitions: z.array(signalTransitionView),
  notes: z.array(signalNoteView),
  contactAttempts: z.array(contactAttemptView),
  information: z
    .object({
      kind: z.enum(['informed', 'exception']),
      method: z.enum(INFORMATION_METHODS).nullable(),
      exception: z.enum(INFORMATION_EXCEPTIONS).nullable(),
      reason: z.string().nullable(),
      recordedAt: z.iso.datetime(),
      recordedBy: z.string().nullable(),
    })
    .nullable()
    .describe('GDPR art. 14: how the person was informed, or the exception that applied'),
  mergedIntoId: z.uuid().nullable().describe('Set on a duplicate merged into another signal'),
  merged: z
    .array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        createdAt: z.iso.datetime(),
        signs: z.array(z.string()),
        description: z.string(),
        reporter: z.object({
          anonymous: z.boolean(),
          name: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        }),
      }),
    )
    .describe('The duplicates merged into this signal'),
  /** What the person asking may do with it. */
  may: z.object({ triage: z.boolean(), handle: z.boolean() }),
});

export const signalParams = z.object({ municipalityId: z.uuid(), id: z.uuid() }).strict();

export const assignSignalBody = z
  .object({
    organisationId: z.uuid().describe('An organisation working in the municipality'),
    userId: z.uuid().optional().describe('A worker or coordinator of that organisation'),
  })
  .strict();

export const transitionSignalBody = z
  .object({
    status: z.enum(['triaged', 'contact_attempted', 'in_contact', 'closed']),
    outcome: signalOutcomeSchema.optional().describe('Required when closing'),
  })
  .strict();

export const noteBody = z.object({ body: text(5_000).min(1) }).strict();

export const assigneesView = z.object({
  organisations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      people: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
});

export const duplicatesView = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: signalStatusSchema,
      urgency: signalUrgencySchema,
      personName: z.string().nullable(),
      personStreet: z.string().nullable(),
      personPostcode: z.string().nullable(),
      description: z.string(),
      createdAt: z.iso.datetime(),
      reasons: z.array(z.enum(['same_address', 'same_person', 'same_reporter'])),
    }),
  ),
});

export const mergeSignalBody = z
  .object({ intoId: z.uuid().describe('The signal of the same municipality to merge this one into') })
  .strict();

export const serviceLevelsView = z.object({
  triageWorkingDays: z.number().int().describe('Working days to look at a new signal'),
  contactWorkingDays: z.number().int().describe('Working days to a first contact attempt'),
  retentionMonths: z.number().int().describe('Months after closing before personal data is removed'),
});
export const serviceLevelsBody = z
  .object({
    triageWorkingDays: z.number().int().min(1).max(60),
    contactWorkingDays: z.number().int().min(1).max(120),
    retentionMonths: z.number().int().min(1).max(120).default(12),
  })
  .strict();
export const municipalityParams = z.object({ municipalityId: z.uuid() }).strict();

export const informationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('informed'), method: z.enum(INFORMATION_METHODS) }).strict(),
  z
    .object({
      kind: z.literal('exception'),
      exception: z.enum(INFORMATION_EXCEPTIONS).describe('The exception of GDPR art. 14(5) that applies'),
      reason: text(2_000).min(1).describe('Why it applies here'),
    })
    .strict(),
]);

export const accessRequestBody = z
  .object({
    municipalityId: z.uuid(),
    name: optionalText(200).describe("The person's name"),
    street: optionalText(200).describe("The person's street and number"),
  })
  .strict();

export const numbersQuery = z.object({ municipalityId: z.uuid() }).strict();
export const numbersView = z.object({
  since: z.iso.datetime().describe('The counts cover signals received since then (twelve months)'),
  perMonth: z.array(
    z.object({ month: z.string().describe('YYYY-MM, Brussels time'), count: z.number().int() }),
  ),
  bySource: z.array(
    z.object({
      source: z.enum(['citizen', 'professional']),
      organisationKind: z.string().nullable().describe("A professional's kind of organisation"),
      count: z.number().int(),
    }),
  ),
  byOutcome: z.array(z.object({ outcome: signalOutcomeSchema, count: z.number().int() })),
  medianHoursToFirstContact: z.number().nullable(),
  overdue: z.number().int().describe('Open signals past a deadline now'),
});

/** Who runs a municipality's meldpunt now; null when no organisation does (reports are then refused). */
export const meldpuntView = z.object({
  municipalityId: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
