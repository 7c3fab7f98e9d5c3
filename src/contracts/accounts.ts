import { z } from 'zod';
import { emailSchema, localeSchema, nameSchema, passwordSchema, roleSchema } from './common.ts';

export const MIN_PASSWORD_LENGTH = 12;

export const membershipView = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: roleSchema,
  /** False while the organisation requires a second factor that this user has not set up. */
  effective: z.boolean(),
});

export const sessionView = z.object({
  authenticated: z.boolean().describe('True once the password (and second factor, when on) are given'),
  pendingSecondFactor: z.boolean().describe('Password given, the authenticator code still to come'),
  csrfToken: z.string().optional().describe('Send back as X-CSRF-Token on every write'),
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      locale: localeSchema,
      largeText: z.boolean(),
      isPlatformAdmin: z.boolean(),
      totpEnabled: z.boolean(),
    })
    .optional(),
  memberships: z.array(membershipView),
  /** An organisation of this user requires a second factor for their role: set it up to get access. */
  secondFactorSetupRequired: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const loginBody = z.object({ email: emailSchema, password: passwordSchema }).strict();
export const secondFactorBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'accounts.code_format'),
  })
  .strict();

export const invitationView = z.object({
  email: z.string(),
  name: z.string(),
  organisationName: z.string(),
  role: roleSchema,
  /** True when the invited person already has a password (an existing account joins a new organisation). */
  hasPassword: z.boolean(),
});
export const tokenParams = z
  .object({
    token: z
      .string()
      .min(20)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export const acceptInvitationBody = z
  .object({
    token: z.string().min(20).max(200),
    name: nameSchema.optional(),
    password: passwordSchema.optional().describe('Required when the account has no password yet'),
  })
  .strict();

export const passwordResetRequestBody = z.object({ email: emailSchema }).strict();
export const passwordResetBody = z
  .object({ token: z.string().min(20).max(200), password: passwordSchema })
  .strict();

export const accountView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  largeText: z.boolean(),
  totpEnabled: z.boolean(),
});
export const accountPatch = z
  .object({ name: nameSchema.optional(), locale: localeSchema.optional(), largeText: z.boolean().optional() })
  .strict();
export const changePasswordBody = z
  .object({ currentPassword: passwordSchema, newPassword: passwordSchema })
  .strict();

export const totpSetupView = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
  otpauthUrl: z.string().describe('otpauth:// URL, for a QR code'),
});
export const disableTotpBody = z.object({ password: passwordSchema }).strict();

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters, to recognise the token'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const createApiTokenBody = z.object({ name: nameSchema }).strict();
export const createdApiTokenView = apiTokenView.extend({
  token: z.string().describe('Shown once: store it now'),
});
