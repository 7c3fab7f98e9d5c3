import type { ClientDetail } from '../clients/types.ts';
import type { Track } from './types.ts';

export type Referral = ClientDetail['referrals'][number];

/**
 * Initiatives the person started with (their referral says "started") that no
 * follow-up measures yet: each is a baseline waiting to be planned.
 */
export function startsWithoutFollowUp(referrals: readonly Referral[], tracks: readonly Track[]): Referral[] {
  const followed = new Set(tracks.map((track) => track.serviceId).filter(Boolean));
  const seen = new Set<string>();
  return referrals.filter((r) => {
    if (r.status !== 'started' || followed.has(r.serviceId) || seen.has(r.serviceId)) return false;
    seen.add(r.serviceId);
    return true;
  });
}
