import { z } from 'zod';
import { emailSchema, nameSchema } from './common.ts';

export const AGE_BANDS = ['0-17', '18-34', '35-49', '50-64', '65-74', '75-84', '85+'] as const;
export const HOUSEHOLDS = [
  'alone',
  'with_partner',
  'with_family',
  'with_others',
  'care_home',
  'unknown',
] as const;
export const CONSENT_KINDS = ['registration', 'contact', 'sharing', 'self_fill'] as const;
export const CONSENT_METHODS = ['in_person', 'phone', 'written', 'digital'] as const;
export const CLIENT_STATUSES = ['active', 'closed'] as const;
export const WORKER_ROLES = ['lead', 'worker', 'volunteer'] as const;
export const CONTACT_MODES = ['visit', 'phone', 'video', 'message', 'other'] as const;
export const REFERRAL_STATUSES = ['proposed', 'sent', 'started', 'declined', 'stopped', 'completed'] as const;
/** Why a record is erased; kept in the audit log instead of anything about the person. */
export const ERASURE_REASONS = [
  'person_request',
  'consent_withdrawn',
  'no_longer_needed',
  'entered_in_error',
] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** Free text: trimmed, at most `max` characters, no control characters but line breaks. */
const text = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, 'validation.control_characters');

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ./()-]{6,30}$/, 'clients.phone_format');
const postcode = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3}$/, 'clients.postcode_format');
const nisCode = z.string().regex(/^[0-9]{5}$/, 'clients.municipality_format');
const birthDate = z.iso.date({ message: 'clients.birth_date_invalid' });
const language = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'clients.language_format')
  .describe('ISO 639 language code, e.g. nl, fr, ar');

const ageBandSchema = z.enum(AGE_BANDS);
const householdSchema = z.enum(HOUSEHOLDS);
const consentMethodSchema = z.enum(CONSENT_METHODS);

export const clientParams = z.object({ id: z.uuid().describe('The client record') }).strict();
export const consentParams = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();
export const workerParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();
export const referralParams = z.object({ id: z.uuid(), referralId: z.uuid() }).strict();
export const incomingReferralParams = z
  .object({ referralId: z.uuid().describe('A referral sent to one of your initiatives') })
  .strict();

export const organisationQuery = z
  .object({ organisationId: z.uuid().describe('The organisation whose records these are') })
  .strict();

export const clientListQuery = z
  .object({
    organisationId: z.uuid().describe('The organisation whose clients to list'),
    q: text(200).optional().describe('Part of the given or family name'),
    status: z.enum(CLIENT_STATUSES).optional().describe('Only active or only closed records'),
    page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
    per_page: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page'),
  })
  .strict();

/** The fields of a record that a person may edit; shared by create and update. */
const recordFields = {
  givenName: nameSchema.describe('Given name, or how the person likes to be called'),
  familyName: nameSchema.optional().describe('Family name'),
  phone: phone.optional().describe('Phone number'),
  email: emailSchema.optional().describe('Email address'),
  street: text(200).optional().describe('Street and number'),
  postcode: postcode.optional().describe('Postcode; the municipality follows from it'),
  municipalityNis: nisCode
    .optional()
    .describe('NIS code of the municipality, when the postcode is not known (or to choose among several)'),
  birthDate: birthDate.optional().describe('Date of birth, YYYY-MM-DD; or give an age band instead'),
  ageBand: ageBandSchema.optional().describe('Age band, when the person prefers not to give a date of birth'),
  household: householdSchema.optional().describe('Who the person lives with'),
  languages: z.array(language).max(10).optional().describe('Languages the person speaks, preferred first'),
};

const notBothAges = {
  path: ['ageBand'],
  message: 'clients.birth_date_or_age_band',
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

export const createClientBody = z
  .object({
    organisationId: z.uuid().describe('The organisation that holds the record'),
    ...recordFields,
    consent: z
      .object({
        method: consentMethodSchema.describe('How the person agreed to be registered'),
        note: text(1_000).optional().describe('What was explained, briefly'),
      })
      .strict()
      .describe('The person agreed to be registered: a record is never created without it'),
  })
  .strict()
  .refine((v) => Boolean(v.postcode ?? v.municipalityNis), {
    path: ['postcode'],
    message: 'clients.place_required',
    when: notBothAges.when,
  })
  .refine((v) => !(v.birthDate && v.ageBand), notBothAges);
export type CreateClientBody = z.infer<typeof createClientBody>;

export const updateClientBody = z
  .object({
    version: z.number().int().min(1).describe('The version that was read; a newer one gives a conflict'),
    givenName: recordFields.givenName.optional(),
    familyName: nameSchema.nullable().optional().describe('Family name; null removes it'),
    phone: phone.nullable().optional(),
    email: emailSchema.nullable().optional(),
    street: text(200).nullable().optional(),
    postcode: recordFields.postcode,
    municipalityNis: recordFields.municipalityNis,
    birthDate: birthDate.nullable().optional().describe('Date of birth; null removes it'),
    ageBand: ageBandSchema.nullable().optional().describe('Age band; null removes it'),
    household: recordFields.household,
    languages: recordFields.languages,
  })
  .strict()
  .refine((v) => !(v.birthDate && v.ageBand), notBothAges);
export type UpdateClientBody = z.infer<typeof updateClientBody>;

export const recordConsentBody = z
  .object({
    kind: z.enum(CONSENT_KINDS).describe('What the person agreed to'),
    method: consentMethodSchema.describe('How the person agreed'),
    sharedWithOrganisationId: z
      .uuid()
      .optional()
      .describe("For 'sharing': the one organisation the person agreed to share with"),
    note: text(1_000).optional().describe('What was explained, briefly'),
  })
  .strict()
  .refine((v) => (v.kind === 'sharing') === (v.sharedWithOrganisationId !== undefined), {
    path: ['sharedWithOrganisationId'],
    message: 'clients.sharing_needs_organisation',
    when: notBothAges.when,
  });

export const withdrawConsentBody = z
  .object({ method: consentMethodSchema.describe('How the person withdrew their consent') })
  .strict();

export const assignWorkerBody = z
  .object({
    userId: z.uuid().describe('A member of the organisation: coordinator, worker or volunteer'),
    role: z.enum(WORKER_ROLES).describe('Their part in the work with this person'),
  })
  .strict();

export const contactBody = z
  .object({
    mode: z.enum(CONTACT_MODES).describe('How the contact went'),
    summary: text(5_000).min(1).describe('What was talked about, briefly'),
    at: z.iso.datetime().optional().describe('When it happened; now by default'),
  })
  .strict();

export const createReferralBody = z
  .object({
    serviceId: z.uuid().describe('A published initiative of the directory'),
    reason: text(2_000)
      .optional()
      .describe('Why this initiative; shared with its organisation when consented'),
    status: z
      .enum(['proposed', 'sent'])
      .default('proposed')
      .describe('Proposed to the person, or sent already'),
  })
  .strict();

export const updateReferralBody = z
  .object({
    status: z.enum(REFERRAL_STATUSES).optional().describe('The next step of the referral'),
    outcomeNote: text(2_000).nullable().optional().describe('How it went'),
  })
  .strict();

export const answerReferralBody = z
  .object({
    answer: z
      .enum(['accept', 'decline'])
      .describe('Accept: the person can start (started). Decline: it is not possible (declined)'),
    note: text(2_000)
      .optional()
      .describe('A word for the organisation that referred, e.g. why it is not possible'),
  })
  .strict();

export const eraseClientBody = z
  .object({ reason: z.enum(ERASURE_REASONS).describe('Why the record is erased (kept in the audit log)') })
  .strict();

export const timelineQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    per_page: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const createdView = z.object({ id: z.uuid() });

export const clientSummaryView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  givenName: z.string(),
  familyName: z.string().nullable(),
  municipalityNis: z.string(),
  municipalityName: z.string().nullable().describe("The municipality's name in the reader's language"),
  postcode: z.string().nullable(),
  status: z.enum(CLIENT_STATUSES),
  registered: z.boolean().describe('False once the person withdrew their consent to be registered'),
  updatedAt: z.iso.datetime(),
});

export const clientListView = z.object({
  items: z.array(clientSummaryView),
  total: z.number().int().describe('Items over all pages'),
  page: z.number().int(),
  per_page: z.number().int(),
});

export const consentView = z.object({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  sharedWithOrganisation: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  method: consentMethodSchema,
  givenAt: z.iso.datetime(),
  recordedBy: z.string().nullable().describe('Name of who recorded it'),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalMethod: consentMethodSchema.nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
});

export const workerView = z.object({
  userId: z.uuid(),
  name: z.string().nullable().describe('Null when the person is no longer a member'),
  role: z.enum(WORKER_ROLES),
  assignedAt: z.iso.datetime(),
});

export const contactView = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  mode: z.enum(CONTACT_MODES),
  summary: z.string(),
  authorName: z.string().nullable(),
});

export const referralView = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  serviceOrganisationId: z.uuid(),
  sharedWithOtherOrganisation: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string().nullable(),
  outcomeNote: z.string().nullable().describe('How it went, for the own team'),
  answerNote: z
    .string()
    .nullable()
    .describe("What the initiative's organisation answered (why it could not take the person in, say)"),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

export const clientDetailView = clientSummaryView.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  birthDate: z.string().nullable().describe('YYYY-MM-DD'),
  ageBand: ageBandSchema.nullable(),
  household: householdSchema,
  languages: z.array(z.string()),
  version: z.number().int().describe('Send it back with an edit'),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  consents: z.array(consentView),
  workers: z.array(workerView),
  referrals: z.array(referralView).describe('Newest first'),
  counts: z.object({
    contacts: z.number().int(),
    openReferrals: z.number().int().describe('Proposed, sent or started'),
    timeline: z.number().int(),
  }),
  may: z.object({
    edit: z.boolean().describe('Edit the record, consents, workers and referrals'),
    manage: z.boolean().describe('Coordinators: access requests and erasure'),
  }),
});

export const timelineItemView = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.string().describe('What happened: created, contact, consent_withdrawn, referral, ...'),
  actorName: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()).describe('Codes and counts, never free text'),
  organisation: z
    .object({ id: z.uuid(), name: z.string().nullable() })
    .nullable()
    .describe('The other organisation the event concerns (sharing, an answered referral)'),
  contact: z.object({ mode: z.enum(CONTACT_MODES), summary: z.string() }).nullable(),
  referral: z.object({ serviceName: z.string(), status: z.enum(REFERRAL_STATUSES) }).nullable(),
});

export const timelineView = z.object({
  items: z.array(timelineItemView),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});

export const incomingReferralView = z.object({
  id: z.uuid(),
  fromOrganisation: z.object({ id: z.uuid(), name: z.string().nullable() }),
  serviceId: z.uuid(),
  serviceName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  givenName: z.string(),
  familyName: z.string().nullable(),
  phone: z.string().nullable(),
  reason: z.string().nullable(),
  answerNote: z.string().nullable().describe('What your organisation answered'),
  createdAt: z.iso.datetime(),
});

export const accessRequestView = z.object({
  generatedAt: z.iso.datetime(),
  organisation: z.object({ id: z.uuid(), name: z.string().nullable() }),
  record: clientDetailView.omit({
    may: true,
    counts: true,
    consents: true,
    workers: true,
    referrals: true,
  }),
  consents: z.array(consentView),
  workers: z.array(workerView),
  timeline: z.array(timelineItemView),
  contacts: z.array(contactView),
  referrals: z.array(referralView),
  other: z
    .array(z.object({ key: z.string(), title: z.string(), data: z.unknown() }))
    .describe('What other modules hold about the person (network maps, ...)'),
});

export const teamView = z.object({
  items: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      role: z.enum(['coordinator', 'worker', 'volunteer']).describe('Their role in the organisation'),
    }),
  ),
});
