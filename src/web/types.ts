import type { z } from 'zod';
import type {
  accountView,
  apiTokenView,
  MIN_PASSWORD_LENGTH as CONTRACT_MIN_PASSWORD_LENGTH,
  createdApiTokenView,
  invitationView,
  membershipView,
  sessionView,
  totpSetupView,
} from '../contracts/accounts.ts';
import type { auditEntryView } from '../contracts/audit.ts';
import type { localeSchema, pageOf, roleSchema } from '../contracts/common.ts';
import type {
  invitationSentView,
  memberView,
  municipalityView,
  openInvitationView,
  organisationKindSchema,
  organisationView,
  regionView,
  userView,
} from '../contracts/tenancy.ts';
import type {
  mailLogMessageSchema,
  mailLogPageSchema,
} from '../modules/notifications/notifications.presenters.ts';

// Types only: importing a value from the contracts would pull zod (about 88 kB) into the bundle.
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
export type OpenInvitationView = z.infer<typeof openInvitationView>;
/** One page of a list (GET /api/audit): the contract's envelope around T. */
export type PageOf<T> = Omit<z.infer<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };
/** GET /api/notifications/mail-log (its envelope says perPage, not per_page). */
export type MailLogPageView = z.infer<typeof mailLogPageSchema>;
export type MailLogEntry = z.infer<typeof mailLogMessageSchema>;

// The contracts' lists, in order; `satisfies Record<…, true>` fails the type check when the
// contract gains or loses a value, so these copies cannot drift.
const roleSet = { admin: true, coordinator: true, worker: true, volunteer: true } satisfies Record<
  Role,
  true
>;
export const roles = Object.keys(roleSet) as Role[];
const kindSet = {
  municipality: true,
  caw: true,
  ocmw: true,
  home_care: true,
  association: true,
  school: true,
  police: true,
  health: true,
  other: true,
} satisfies Record<OrganisationKind, true>;
export const organisationKinds = Object.keys(kindSet) as OrganisationKind[];
export const MIN_PASSWORD_LENGTH = 12 satisfies typeof CONTRACT_MIN_PASSWORD_LENGTH;

/** One match of GET /api/gazetteer/municipalities?q= (the answer is { municipalities: [...] }). */
export interface GazetteerMunicipality {
  nisCode: string;
  name: { nl: string; fr: string };
  region: 'VLG' | 'BRU' | 'WAL';
  province: { code: string; name: { nl: string; fr: string } } | null;
  /** Set when the text matched one of its places (a deelgemeente) rather than its own name. */
  matchedPlace: string | null;
}
