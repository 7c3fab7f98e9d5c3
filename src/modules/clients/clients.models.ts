import type { Kysely } from 'kysely';
import type { DB, Locale } from '../../platform/db/schema.ts';
import type { ReferralStatus } from './clients.tables.ts';

/**
 * A module that holds data about a client (network maps, measurements, ...)
 * and adds its part to the person's access request. Registered in
 * src/modules/client-data.ts and passed into the access request use case.
 */
export interface ClientDataProvider {
  /** Stable key of the section, e.g. 'networks'. */
  key: string;
  /** Translation key of the section's heading, e.g. 'networks.accessRequest.title'. */
  titleKey: string;
  /**
   * Everything the module holds about this client, as plain JSON-serialisable data; words
   * (questions, answers) in the language the request is answered in.
   */
  exportForClient(
    db: Kysely<DB>,
    key: { organisationId: string; clientId: string },
    locale: Locale,
  ): Promise<unknown>;
}

/** The steps a referral may take; declined, stopped and completed are final. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['sent', 'declined', 'stopped'],
  sent: ['started', 'declined', 'stopped'],
  started: ['completed', 'stopped'],
  declined: [],
  stopped: [],
  completed: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** A referral the other side is acting on: the record may not be erased under it. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'started'];
/** Referrals still going somewhere, for the record's summary. */
export const PENDING_REFERRAL_STATUSES: readonly ReferralStatus[] = ['proposed', 'sent', 'started'];

/** Brussels calendar date of an instant, YYYY-MM-DD. */
export function brusselsToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * A date of birth must have passed and be plausible (nobody is older than 125).
 * The format and impossible days (2023-02-30) are refused by the contract.
 */
export function birthDateProblem(birthDate: string, now: Date): 'in_future' | 'too_old' | null {
  const today = brusselsToday(now);
  if (birthDate > today) return 'in_future';
  if (Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) > 125) return 'too_old';
  return null;
}

/** A search text as an ILIKE pattern that matches it literally anywhere. */
export function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const displayName = (c: { given_name: string; family_name: string | null }) =>
  [c.given_name, c.family_name].filter(Boolean).join(' ');
