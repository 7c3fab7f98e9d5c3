import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  belgianPublicHolidays,
  brusselsDay,
  easterSunday,
  isWorkingDay,
  startOfBrusselsDay,
} from './signals.calendar.ts';

describe('the Belgian calendar', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
    expect(easterSunday(2030).toISOString().slice(0, 10)).toBe('2030-04-21');
  });

  it('lists the ten legal public holidays, Easter Monday, Ascension and Whit Monday included', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('counts weekdays that are not holidays as working days', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-07-21')).toBe(false); // National Day, a Tuesday
  });

  it('uses Brussels days, in winter and in summer time', () => {
    expect(brusselsDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(startOfBrusselsDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfBrusselsDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('sets a deadline at the end of the last working day, skipping weekends and holidays', () => {
    // Monday 2 March, 10:00: two working days is the end of Wednesday 4 March.
    expect(addWorkingDays(new Date('2026-03-02T09:00:00Z'), 2).toISOString()).toBe(
      '2026-03-04T23:00:00.000Z',
    );
    // Friday: Monday and Tuesday.
    expect(addWorkingDays(new Date('2026-03-06T09:00:00Z'), 2).toISOString()).toBe(
      '2026-03-10T23:00:00.000Z',
    );
    // Thursday 2 April 2026: Friday, then Easter weekend and Easter Monday, then Tuesday 7 April.
    expect(addWorkingDays(new Date('2026-04-02T08:00:00Z'), 2).toISOString()).toBe(
      '2026-04-07T22:00:00.000Z',
    );
    // Received on a Saturday: Monday and Tuesday.
    expect(addWorkingDays(new Date('2026-03-07T09:00:00Z'), 2).toISOString()).toBe(
      '2026-03-10T23:00:00.000Z',
    );
  });
});
