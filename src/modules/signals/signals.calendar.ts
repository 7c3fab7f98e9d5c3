/**
 * Working days in Belgium: Monday to Friday, except the ten legal public
 * holidays. Days are Brussels calendar days, whatever the server's time zone.
 */

const TIME_ZONE = 'Europe/Brussels';
const DAY = 86_400_000;

/** Easter Sunday (Gregorian, the anonymous algorithm) as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The ten Belgian legal public holidays of a year, as YYYY-MM-DD. */
export function belgianPublicHolidays(year: number): string[] {
  const easter = easterSunday(year).getTime();
  const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const moving = [1, 39, 50].map((offset) => iso(new Date(easter + offset * DAY))); // Easter Monday, Ascension, Whit Monday
  return [...fixed, ...moving].sort();
}

const holidayCache = new Map<number, Set<string>>();
const isHoliday = (day: string) => {
  const year = Number(day.slice(0, 4));
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(belgianPublicHolidays(year));
    holidayCache.set(year, set);
  }
  return set.has(day);
};

/** The Brussels calendar day of an instant, as YYYY-MM-DD. */
export function brusselsDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, dateStyle: 'short' }).format(at);
}

/** Whether a YYYY-MM-DD day is a working day in Belgium. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(day);
}

/** The instant a Brussels calendar day starts (midnight, winter or summer time). */
export function startOfBrusselsDay(day: string): Date {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const brusselsNoon = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(noonUtc);
  const offsetHours = Number(brusselsNoon) - 12;
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);
}

const nextDay = (day: string) => iso(new Date(Date.parse(`${day}T12:00:00Z`) + DAY));

/**
 * The deadline for something received at `from` that must be done within
 * `workingDays` working days: the end of the last of those working days
 * after the day of receipt (midnight Brussels time).
 */
export function addWorkingDays(from: Date, workingDays: number): Date {
  let day = brusselsDay(from);
  for (let left = workingDays; left > 0; ) {
    day = nextDay(day);
    if (isWorkingDay(day)) left--;
  }
  return startOfBrusselsDay(nextDay(day));
}
