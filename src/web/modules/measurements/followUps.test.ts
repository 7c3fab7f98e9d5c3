import { describe, expect, it } from 'vitest';
import { type Referral, startsWithoutFollowUp } from './followUps.ts';
import type { Track } from './types.ts';

const referral = (id: string, serviceId: string, status: Referral['status']): Referral => ({
  id,
  serviceId,
  serviceName: `Initiative ${serviceId}`,
  serviceOrganisationId: 'o',
  sharedWithOtherOrganisation: false,
  status,
  reason: null,
  outcomeNote: null,
  answerNote: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-03-03T10:00:00.000Z',
});
const track = (serviceId: string | null): Track => ({
  id: `t-${serviceId}`,
  instrumentId: 'djg-6',
  context: serviceId ? 'initiative' : 'buddy',
  serviceType: serviceId ? 'meeting_place' : null,
  serviceId,
  serviceName: null,
  startedOn: '2026-03-03',
  selfFill: false,
  status: 'active',
  occasions: [],
});

describe('started initiatives waiting for a follow-up', () => {
  it('are the started referrals whose initiative no follow-up measures, each once', () => {
    const referrals = [
      referral('r1', 's1', 'started'),
      referral('r2', 's2', 'started'),
      referral('r3', 's3', 'sent'),
      referral('r4', 's4', 'completed'),
      referral('r5', 's2', 'started'),
      referral('r6', 's5', 'started'),
    ];
    const waiting = startsWithoutFollowUp(referrals, [track('s1'), track(null)]);
    expect(waiting.map((r) => r.id)).toEqual(['r2', 'r6']);
  });

  it('are none without started referrals', () => {
    expect(startsWithoutFollowUp([referral('r1', 's1', 'proposed')], [])).toEqual([]);
  });
});
