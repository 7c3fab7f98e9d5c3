import { z } from 'zod';
import { emailSchema, nameSchema, roleSchema } from './common.ts';

export const organisationKinds = [
  'municipality',
  'caw',
  'ocmw',
  'home_care',
  'association',
  'school',
  'police',
  'health',
  'other',
] as const;
export const organisationKindSchema = z.enum(organisationKinds);

export const regionView = z.object({ id: z.uuid(), name: z.string() });
export const createRegionBody = z.object({ name: nameSchema }).strict();

export const municipalityView = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  nisCode: z.string(),
  nameNl: z.string(),
  nameFr: z.string(),
});
export const createMunicipalityBody = z
  .object({
    regionId: z.uuid(),
    nisCode: z
      .string()
      .regex(/^\d{5}$/, 'tenancy.nis_code_format')
      .describe('Five-digit NIS code'),
  })
  .strict();

export const organisationView = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  name: z.string(),
  kind: organisationKindSchema,
  requireSecondFactor: z.boolean(),
  active: z.boolean(),
  municipalityIds: z.array(z.uuid()),
});
export const createOrganisationBody = z
  .object({
    regionId: z.uuid(),
    name: nameSchema,
    kind: organisationKindSchema,
    municipalityIds: z.array(z.uuid()).min(1).max(400),
    requireSecondFactor: z.boolean().default(false),
  })
  .strict();
export const updateOrganisationBody = z
  .object({
    name: nameSchema.optional(),
    kind: organisationKindSchema.optional(),
    municipalityIds: z.array(z.uuid()).min(1).max(400).optional(),
    requireSecondFactor: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const memberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  totpEnabled: z.boolean(),
});
export const inviteBody = z.object({ email: emailSchema, name: nameSchema, role: roleSchema }).strict();
export const invitationSentView = z.object({
  userId: z.uuid(),
  email: z.string(),
  expiresAt: z.iso.datetime(),
});
export const updateMemberBody = z.object({ role: roleSchema }).strict();
export const memberParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(
    z.object({ organisationId: z.uuid(), organisationName: z.string(), role: roleSchema }),
  ),
});

/** An invitation sent and not yet accepted, withdrawn or expired. */
export const openInvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  invitedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  invitedBy: z.string().nullable().describe('Name of who sent it; null when sent from the CLI'),
});
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() }).strict();
