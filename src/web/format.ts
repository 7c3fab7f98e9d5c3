import { currentLocale } from './i18n.ts';

const TIME_ZONE = 'Europe/Brussels';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A municipality's name in the reader's language (French for fr-BE, Dutch otherwise). */
export function municipalityName(m: { nameNl: string; nameFr: string }): string {
  if (currentLocale() === 'fr-BE') return m.nameFr || m.nameNl;
  return m.nameNl || m.nameFr;
}

/** Collation for sorting names the way people expect in their language. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, currentLocale(), { sensitivity: 'base' });
}
