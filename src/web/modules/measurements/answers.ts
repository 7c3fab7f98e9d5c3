import type { Answers, Instrument } from './types.ts';

/** The answer form to use: the one asked for when the instrument has it, else its first (the 3-point one). */
export function answerForm(instrument: Instrument, formId: string | null) {
  const forms = instrument.answerForms;
  return forms.find((f) => f.id === formId) ?? forms[0] ?? { id: '', options: [] };
}

/** Every item of the instrument, keyed as the API takes them: unanswered ones are sent as null. */
export function completeAnswers(instrument: Instrument, answers: Answers): Answers {
  return Object.fromEntries(
    instrument.items.map((item) => [String(item.number), answers[item.number] ?? null]),
  );
}

/** How many of the instrument's questions have an answer. */
export function answeredCount(instrument: Instrument, answers: Answers): number {
  return instrument.items.filter((item) => answers[item.number] != null).length;
}

/** The day as the person lives it (YYYY-MM-DD in Brussels), whatever the device's time zone. */
export function brusselsDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * "3, 6, 12" as months after the start; null when something in it is not a whole number of
 * months from 1 to 60 (the contract's range), so the form can say so before sending.
 */
export function parseMonths(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return [];
  const months = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) return null;
  return [...new Set(months)].sort((a, b) => a - b);
}

/** The token of a self-fill link: what follows # in /invullen#<token>. */
export function tokenFromHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return '';
  }
}
