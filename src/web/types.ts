import type { z } from 'zod';
import type {
  accountView,
  apiTokenView,
  createdApiTokenView,
  invitationView,
  membershipView,
  sessionView,
  totpSetupView,
} from '../contracts/accounts.ts';
import type { auditEntryView } from '../contracts/audit.ts';
import type { localeSchema, roleSchema } from '../contracts/common.ts';
import type {
  invitationSentView,
  memberView,
  municipalityView,
  organisationKindSchema,
  organisationView,
  regionView,
  userView,
} from '../contracts/tenancy.ts';

// Types only: the contracts stay out of the browser bundle (no zod at run time).
export type SessionView = z.infer<typeof sessionView>;
export type SessionUser = NonNullable<SessionView['user']>;
export type Membership = z.infer<typeof membershipView>;
export type Role = z.infer<typeof roleSchema>;
export type LocaleCode = z.infer<typeof localeSchema>;
export type InvitationView = z.infer<typeof invitationView>;
export type AccountView = z.infer<typeof accountView>;
export type TotpSetupView = z.infer<typeof totpSetupView>;
export type ApiTokenView = z.infer<typeof apiTokenView>;
export type CreatedApiTokenView = z.infer<typeof createdApiTokenView>;
export type AuditEntryView = z.infer<typeof auditEntryView>;
export type RegionView = z.infer<typeof regionView>;
export type MunicipalityView = z.infer<typeof municipalityView>;
export type OrganisationKind = z.infer<typeof organisationKindSchema>;
export type OrganisationView = z.infer<typeof organisationView>;
export type MemberView = z.infer<typeof memberView>;
export type InvitationSentView = z.infer<typeof invitationSentView>;
export type UserView = z.infer<typeof userView>;

export const roles: readonly Role[] = ['admin', 'coordinator', 'worker', 'volunteer'];
export const organisationKinds: readonly OrganisationKind[] = [
  'municipality',
  'caw',
  'ocmw',
  'home_care',
  'association',
  'school',
  'police',
  'health',
  'other',
];
/** Mirrors MIN_PASSWORD_LENGTH in contracts/accounts.ts (importing it would pull zod into the bundle). */
export const MIN_PASSWORD_LENGTH = 12;

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

/** One match of GET /api/gazetteer/municipalities?q= (the answer is { municipalities: [...] }). */
export interface GazetteerMunicipality {
  nisCode: string;
  name: { nl: string; fr: string };
  region: 'VLG' | 'BRU' | 'WAL';
  province: { code: string; name: { nl: string; fr: string } } | null;
  /** Set when the text matched one of its places (a deelgemeente) rather than its own name. */
  matchedPlace: string | null;
}

/** GET /api/notifications/mail-log */
export interface MailLogEntry {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  status: string;
  transport: string;
  createdAt: string;
  sentAt: string | null;
}
