import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { mergeDeep } from '../locales/resources.ts';

export const locales = ['nl-BE', 'fr-BE', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl-BE';

/** Each language named in itself, so everyone can find their own. */
export const localeNames: Record<Locale, string> = {
  'nl-BE': 'Nederlands',
  'fr-BE': 'Français',
  en: 'English',
};

const LOCALE_COOKIE = 'vb_locale';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

type Tree = Record<string, unknown>;
// Every module's fragments (server errors included), the same files the server reads.
const fragments = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Record<string, { translation: Tree }> {
  const trees: Record<string, Tree> = {};
  for (const path of Object.keys(fragments).sort()) {
    const locale = path.split('/').at(-2);
    const fragment = fragments[path];
    if (!locale || !fragment) continue;
    trees[locale] ??= {};
    mergeDeep(trees[locale], structuredClone(fragment));
  }
  return Object.fromEntries(Object.entries(trees).map(([l, tree]) => [l, { translation: tree }]));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function cookieLocale(): Locale | undefined {
  const match = /(?:^|;\s*)vb_locale=([^;]+)/.exec(document.cookie);
  const value = match?.[1] ? decodeURIComponent(match[1]) : undefined;
  return isLocale(value) ? value : undefined;
}

function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'nl') return 'nl-BE';
    if (lang === 'fr') return 'fr-BE';
    if (lang === 'en') return 'en';
  }
  return defaultLocale;
}

/** Remembers the choice for the server too (anonymous pages, error messages, e-mails before login). */
export function rememberLocale(locale: Locale) {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser we support
  document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

export const i18n = i18next.createInstance();
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
void i18n.use(initReactI18next).init({
  initAsync: false,
  lng: cookieLocale() ?? browserLocale(),
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  resources: buildResources(),
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** t() for the web strings: keys are relative to the "web" branch of the locale files. */
export function useT() {
  return useTranslation('translation', { keyPrefix: 'web' }).t;
}

export type T = ReturnType<typeof useT>;
