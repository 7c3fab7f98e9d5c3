import { currentLocale, type T } from '../../i18n.ts';
import type { Schedule } from './types.ts';

const BYDAY = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

/** "Elke dinsdag, 14:00–16:00" or "Elke eerste dinsdag van de maand, …" in the reader's language. */
export function scheduleText(t: T, s: Schedule): string {
  const parts = s.byday.split(',').map((p) => BYDAY.exec(p.trim()));
  const names = parts.map((m) => (m?.[2] ? t(`directory.vocab.day.${m[2]}`) : '')).filter(Boolean);
  const days = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(names);
  const times = { from: s.opensAt, to: s.closesAt, days };
  const ordinal = parts[0]?.[1];
  if (s.freq === 'MONTHLY' && ordinal)
    return t('directory.monthly', { ...times, ordinal: t(`directory.ordinal.${ordinal}`) });
  if (s.interval > 1) return t('directory.everyNWeeks', { ...times, n: s.interval });
  return t('directory.weekly', times);
}

export const vocab = (t: T, taxonomy: string, code: string) => t(`directory.vocab.${taxonomy}.${code}`);
