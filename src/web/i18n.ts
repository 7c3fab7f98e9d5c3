import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { mergeDeep } from '../locales/resources.ts';
import type { LocaleCode, Role } from './types.ts';

export type Locale = LocaleCode;

/** Each language named in itself, so everyone can find their own; one per locale of the contract. */
export const localeNames = {
  'nl-BE': 'Nederlands',
  'fr-BE': 'Français',
  en: 'English',
} satisfies Record<Locale, string>;
export const locales = Object.keys(localeNames) as Locale[];
export const defaultLocale: Locale = 'nl-BE';

const LOCALE_COOKIE = 'vb_locale';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

type Tree = Record<string, unknown>;
// The web's own fragments. Server errors arrive translated in problem+json, so the server's
// fragments stay out of the bundle, except the role names, which e-mails and pages share.
const webFragments = import.meta.glob<Tree>('../locales/*/web*.json', { eager: true, import: 'default' });
const roleNames = import.meta.glob<Tree>('../locales/*/accounts.json', { eager: true, import: 'roles' });

function buildResources(): Record<string, { translation: Tree }> {
  const fragments: Record<string, Tree> = { ...webFragments };
  for (const [path, roles] of Object.entries(roleNames)) fragments[path] = { roles };
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

/**
 * A role's name from the shared "roles" words (also used in e-mails): lower case for running
 * text ("Je bent medewerker"), with a capital as a choice in a list or a table cell.
 */
export function useRoleName() {
  const { t, i18n: instance } = useTranslation();
  return useCallback(
    (role: Role, form: 'text' | 'label' = 'text') => {
      const word = t(`roles.${role}`);
      return form === 'label' ? word.charAt(0).toLocaleUpperCase(instance.language) + word.slice(1) : word;
    },
    [t, instance.language],
  );
}
