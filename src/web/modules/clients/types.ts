import type { z } from 'zod';
import type {
  AGE_BANDS as CONTRACT_AGE_BANDS,
  CONSENT_KINDS as CONTRACT_CONSENT_KINDS,
  CONSENT_METHODS as CONTRACT_CONSENT_METHODS,
  CONTACT_MODES as CONTRACT_CONTACT_MODES,
  ERASURE_REASONS as CONTRACT_ERASURE_REASONS,
  HOUSEHOLDS as CONTRACT_HOUSEHOLDS,
  REFERRAL_STATUSES as CONTRACT_REFERRAL_STATUSES,
  WORKER_ROLES as CONTRACT_WORKER_ROLES,
  clientDetailView,
  clientListView,
  clientSummaryView,
  consentView,
  contactView,
  incomingReferralView,
  referralView,
  timelineItemView,
  timelineView,
  workerView,
} from '../../../contracts/clients.ts';

// Types only: a value import from the contract would pull zod into the bundle.
export type ClientSummary = z.infer<typeof clientSummaryView>;
export type ClientList = z.infer<typeof clientListView>;
export type ClientDetail = z.infer<typeof clientDetailView>;
export type Consent = z.infer<typeof consentView>;
export type Worker = z.infer<typeof workerView>;
export type Contact = z.infer<typeof contactView>;
export type Referral = z.infer<typeof referralView>;
export type TimelineItem = z.infer<typeof timelineItemView>;
export type Timeline = z.infer<typeof timelineView>;
export type IncomingReferral = z.infer<typeof incomingReferralView>;

type Of<T extends readonly string[]> = T[number];
export type AgeBand = Of<typeof CONTRACT_AGE_BANDS>;
export type Household = Of<typeof CONTRACT_HOUSEHOLDS>;
export type ConsentKind = Of<typeof CONTRACT_CONSENT_KINDS>;
export type ConsentMethod = Of<typeof CONTRACT_CONSENT_METHODS>;
export type WorkerRole = Of<typeof CONTRACT_WORKER_ROLES>;
export type ContactMode = Of<typeof CONTRACT_CONTACT_MODES>;
export type ReferralStatus = Of<typeof CONTRACT_REFERRAL_STATUSES>;
export type ErasureReason = Of<typeof CONTRACT_ERASURE_REASONS>;

// The contract's lists, in order; `satisfies Record<…, true>` fails the type check when the
// contract gains or loses a value, so these copies cannot drift (as in src/web/types.ts).
const keys = <K extends string>(set: Record<K, true>) => Object.keys(set) as K[];
export const AGE_BANDS = keys({
  '0-17': true,
  '18-34': true,
  '35-49': true,
  '50-64': true,
  '65-74': true,
  '75-84': true,
  '85+': true,
} satisfies Record<AgeBand, true>);
export const HOUSEHOLDS = keys({
  alone: true,
  with_partner: true,
  with_family: true,
  with_others: true,
  care_home: true,
  unknown: true,
} satisfies Record<Household, true>);
export const CONSENT_KINDS = keys({
  registration: true,
  contact: true,
  sharing: true,
  self_fill: true,
} satisfies Record<ConsentKind, true>);
export const CONSENT_METHODS = keys({
  in_person: true,
  phone: true,
  written: true,
  digital: true,
} satisfies Record<ConsentMethod, true>);
export const WORKER_ROLES = keys({ lead: true, worker: true, volunteer: true } satisfies Record<
  WorkerRole,
  true
>);
export const CONTACT_MODES = keys({
  visit: true,
  phone: true,
  video: true,
  message: true,
  other: true,
} satisfies Record<ContactMode, true>);
export const REFERRAL_STATUSES = keys({
  proposed: true,
  sent: true,
  started: true,
  declined: true,
  stopped: true,
  completed: true,
} satisfies Record<ReferralStatus, true>);
export const ERASURE_REASONS = keys({
  person_request: true,
  consent_withdrawn: true,
  no_longer_needed: true,
  entered_in_error: true,
} satisfies Record<ErasureReason, true>);

/** The languages offered in the form (ISO 639), the ones most spoken in Flanders first. */
export const CLIENT_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'de',
  'ar',
  'tr',
  'pl',
  'ro',
  'uk',
  'ru',
  'es',
  'it',
  'pt',
  'so',
  'ti',
  'fa',
  'ps',
  'vgt',
] as const;
