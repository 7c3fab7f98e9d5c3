import { WEEKDAYS, type Weekday } from '../../contracts/directory-vocabulary.ts';

/** A recurring time, RFC 5545 style as HSDS describes it: "every Tuesday 14:00–16:00". */
export interface Recurrence {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** "TU", "MO,TH"; with MONTHLY also an ordinal: "1TU" (first Tuesday), "-1FR" (last Friday). */
  byday: string;
  /** First date the rhythm counts from (needed when interval > 1). */
  dtstart: string | null;
  opensAt: string;
  closesAt: string;
  validFrom: string | null;
  validTo: string | null;
}

export const TIME_ZONE = 'Europe/Brussels';
const BYDAY_PART = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const DAY_MS = 86_400_000;
const HORIZON_DAYS = 400;

export interface BydayPart {
  ordinal: number | null;
  day: Weekday;
}

/** Parses "1TU,-1FR"; null when any part is not a weekday code with an optional ordinal. */
export function parseByday(byday: string): BydayPart[] | null {
  const parts = byday.split(',').map((p) => p.trim().toUpperCase());
  const parsed: BydayPart[] = [];
  for (const part of parts) {
    const m = BYDAY_PART.exec(part);
    if (!m) return null;
    parsed.push({ ordinal: m[1] ? Number(m[1]) : null, day: m[2] as Weekday });
  }
  return parsed.length > 0 ? parsed : null;
}

/** The weekdays a recurrence can fall on (for the "day" filter). */
export function weekdaysOf(r: Pick<Recurrence, 'byday'>): Weekday[] {
  return [...new Set((parseByday(r.byday) ?? []).map((p) => p.day))];
}

/** A civil date as days since 1970-01-01 (UTC arithmetic, no time zone). */
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Monday. */
const weekdayIndex = (day: number) => (new Date(day * DAY_MS).getUTCDay() + 6) % 7;

// Made once: making a formatter costs about 100 µs, using one a few; a search page asks for hundreds.
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const CIVIL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

function offsetMinutes(instant: number): number {
  const parts = WALL_CLOCK.formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock time in Brussels (summer and winter time handled). */
export function brusselsInstant(dateIso: string, time: string): Date {
  const guess = Date.parse(`${dateIso}T${time}:00Z`);
  let instant = guess - offsetMinutes(guess) * 60_000;
  instant = guess - offsetMinutes(instant) * 60_000;
  return new Date(instant);
}

/** Today's date in Brussels, as YYYY-MM-DD. */
export function brusselsDate(now: Date): string {
  return CIVIL_DATE.format(now);
}

function occursOn(r: Recurrence, parts: BydayPart[], day: number): boolean {
  const iso = isoOf(day);
  if (r.validFrom && iso < r.validFrom) return false;
  if (r.validTo && iso > r.validTo) return false;
  const start = r.dtstart ? dayNumber(r.dtstart) : null;
  if (start !== null && day < start) return false;
  const weekday = WEEKDAYS[weekdayIndex(day)];
  const date = new Date(day * DAY_MS);
  if (r.freq === 'WEEKLY') {
    if (!parts.some((p) => p.day === weekday)) return false;
    if (r.interval === 1 || start === null) return true;
    const weeks = Math.floor((day - weekdayIndex(day) - (start - weekdayIndex(start))) / 7);
    return weeks % r.interval === 0;
  }
  if (r.interval > 1 && start !== null) {
    const s = new Date(start * DAY_MS);
    const months = (date.getUTCFullYear() - s.getUTCFullYear()) * 12 + date.getUTCMonth() - s.getUTCMonth();
    if (months % r.interval !== 0) return false;
  }
  const dom = date.getUTCDate();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return parts.some((p) => {
    if (p.day !== weekday) return false;
    if (p.ordinal === null) return true;
    if (p.ordinal > 0) return Math.ceil(dom / 7) === p.ordinal;
    return Math.ceil((daysInMonth - dom + 1) / 7) === -p.ordinal;
  });
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The first meeting that has not ended yet at `now` (so one going on now
 * counts), looking about a year ahead; null when the rhythm has ended.
 */
export function nextOccurrence(r: Recurrence, now: Date): Occurrence | null {
  const parts = parseByday(r.byday);
  if (!parts) return null;
  const today = dayNumber(brusselsDate(now));
  for (let day = today; day < today + HORIZON_DAYS; day++) {
    if (!occursOn(r, parts, day)) continue;
    const iso = isoOf(day);
    const startsAt = brusselsInstant(iso, r.opensAt);
    const endsAt = brusselsInstant(iso, r.closesAt);
    if (endsAt > now) return { startsAt, endsAt };
  }
  return null;
}

/** The earliest next meeting over several recurrences. */
export function earliestOccurrence(rs: Recurrence[], now: Date): Occurrence | null {
  let best: Occurrence | null = null;
  for (const r of rs) {
    const o = nextOccurrence(r, now);
    if (o && (!best || o.startsAt < best.startsAt)) best = o;
  }
  return best;
}
