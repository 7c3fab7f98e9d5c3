import { describe, expect, it } from 'vitest';
import {
  brusselsInstant,
  nextOccurrence,
  parseByday,
  type Recurrence,
  weekdaysOf,
} from './directory.schedule.ts';

const weekly = (byday: string, extra: Partial<Recurrence> = {}): Recurrence => ({
  freq: 'WEEKLY',
  interval: 1,
  byday,
  dtstart: null,
  opensAt: '14:00',
  closesAt: '16:00',
  validFrom: null,
  validTo: null,
  ...extra,
});

describe('nextOccurrence', () => {
  it('finds next Tuesday 14:00 Brussels winter time as 13:00 UTC', () => {
    // Monday 2 March 2026, 10:00 UTC.
    const o = nextOccurrence(weekly('TU'), new Date('2026-03-02T10:00:00Z'));
    expect(o?.startsAt.toISOString()).toBe('2026-03-03T13:00:00.000Z');
    expect(o?.endsAt.toISOString()).toBe('2026-03-03T15:00:00.000Z');
  });

  it('uses summer time after the last Sunday of March', () => {
    const o = nextOccurrence(weekly('TU'), new Date('2026-03-30T10:00:00Z'));
    expect(o?.startsAt.toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });

  it('counts a meeting that is going on now', () => {
    const o = nextOccurrence(weekly('TU'), new Date('2026-03-03T14:30:00Z'));
    expect(o?.startsAt.toISOString()).toBe('2026-03-03T13:00:00.000Z');
  });

  it('moves to the next week once today’s meeting has ended', () => {
    const o = nextOccurrence(weekly('TU'), new Date('2026-03-03T15:30:00Z'));
    expect(o?.startsAt.toISOString()).toBe('2026-03-10T13:00:00.000Z');
  });

  it('finds the first Tuesday and the last Friday of the month', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(nextOccurrence({ ...weekly('1TU'), freq: 'MONTHLY' }, now)?.startsAt.toISOString()).toBe(
      '2026-04-07T12:00:00.000Z',
    );
    expect(nextOccurrence({ ...weekly('-1FR'), freq: 'MONTHLY' }, now)?.startsAt.toISOString()).toBe(
      '2026-03-27T13:00:00.000Z',
    );
  });

  it('skips the off weeks of a fortnightly rhythm', () => {
    const r = weekly('WE', { interval: 2, dtstart: '2026-02-25' });
    expect(nextOccurrence(r, new Date('2026-03-02T10:00:00Z'))?.startsAt.toISOString()).toBe(
      '2026-03-11T13:00:00.000Z',
    );
  });

  it('gives nothing after the end of the validity period', () => {
    expect(
      nextOccurrence(weekly('TU', { validTo: '2026-03-01' }), new Date('2026-03-02T10:00:00Z')),
    ).toBeNull();
  });
});

describe('byday', () => {
  it('refuses codes that are not weekdays', () => {
    expect(parseByday('TUESDAY')).toBeNull();
    expect(parseByday('1TU,-1FR')).toEqual([
      { ordinal: 1, day: 'TU' },
      { ordinal: -1, day: 'FR' },
    ]);
  });

  it('lists the weekdays a rhythm falls on once', () => {
    expect(weekdaysOf({ byday: '1TU,3TU,TH' })).toEqual(['TU', 'TH']);
  });

  it('converts Brussels wall-clock time to the right instant', () => {
    expect(brusselsInstant('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });
});
