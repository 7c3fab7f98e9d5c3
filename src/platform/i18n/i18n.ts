import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { mergeDeep } from '../../locales/resources.ts';
import type { Locale } from '../db/schema.ts';
import { fromProjectRoot } from '../paths.ts';

export const locales: readonly Locale[] = ['nl-BE', 'fr-BE', 'en'];
export const defaultLocale: Locale = 'nl-BE';

const localesDir = fromProjectRoot('src', 'locales');

/** Every module's fragments for one locale: src/locales/<locale>/<module>.json. */
function loadLocale(locale: Locale): Record<string, unknown> {
  const dir = join(localesDir, locale);
  const tree: Record<string, unknown> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    mergeDeep(tree, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return tree;
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: defaultLocale,
  fallbackLng: 'en',
  supportedLngs: [...locales],
  resources: Object.fromEntries(locales.map((l) => [l, { translation: loadLocale(l) }])),
  interpolation: { escapeValue: false },
});

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header (nl-BE when nothing fits). */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const lang = tag.split('-')[0];
    if (lang === 'nl') return 'nl-BE';
    if (lang === 'fr') return 'fr-BE';
    if (lang === 'en') return 'en';
  }
  return defaultLocale;
}
