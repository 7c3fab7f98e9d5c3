import { currentLocale, type T } from '../../i18n.ts';
import type { Cell } from './types.ts';

/**
 * A figure as text. Counts are whole; statistics are rounded on purpose (a mean change from a few dozen
 * people is never exact to the hundredth), so `digits` is small.
 */
export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: digits > 0 ? 'exceptZero' : 'auto',
  }).format(value);
}

/** What a cell shows in a table: the number, "verborgen", or a dash for a statistic that does not exist. */
export function cellText(t: T, cell: Cell | null | undefined, digits = 0): string {
  if (!cell) return '';
  if (cell.suppressed) return t('insights.hidden');
  if (cell.value === null) return '–';
  return formatNumber(cell.value, digits);
}

/** "2026-03" → "mrt. 2026" in the reader's language. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(currentLocale(), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 1)));
}

/** An initiative type code as words; "all" and "other" have their own. */
export function typeLabel(t: T, key: string): string {
  if (key === 'all') return t('insights.allTypes');
  if (key === 'other' || key === '') return t('insights.otherType');
  return t(`directory.vocab.type.${key}`, { defaultValue: key });
}

/** A period of the change view: 2026, 2026-Q3, or every period together. */
export function periodLabel(t: T, period: string): string {
  if (period === 'all') return t('insights.allPeriods');
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? t('insights.quarter', { year: quarter[1], quarter: quarter[2] }) : period;
}

/** The size of an effect in words (Cohen's rule of thumb), for people who do not read dz. */
export function effectWords(t: T, dz: number): string {
  const size = Math.abs(dz);
  if (size < 0.2) return t('insights.effect.none');
  if (size < 0.5) return t('insights.effect.small');
  if (size < 0.8) return t('insights.effect.medium');
  return t('insights.effect.large');
}
