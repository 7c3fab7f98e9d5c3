import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import {
  currentLocale,
  i18n,
  isLocale,
  type Locale,
  localeNames,
  locales,
  rememberLocale,
  useT,
} from '../i18n.ts';
import { useSession } from '../session.tsx';
import type { AccountView } from '../types.ts';

/** Nederlands / Français / English, always visible; a logged-in user's choice is saved on their account. */
export function LanguageSwitch() {
  const t = useT();
  const { session, setSession } = useSession();
  // Follows i18next, which the session also sets (a user's own language wins after login).
  const { i18n: instance } = useTranslation();
  const locale: Locale = isLocale(instance.language) ? instance.language : currentLocale();

  async function choose(next: Locale) {
    rememberLocale(next);
    await i18n.changeLanguage(next);
    if (session?.authenticated && session.user) {
      try {
        const account = await api.patch<AccountView>('/api/account', { locale: next });
        setSession({ ...session, user: { ...session.user, locale: account.locale } });
      } catch {
        // The interface already speaks the new language; the account keeps the old one until the next try.
      }
    }
  }

  return (
    <ToggleButtonGroup
      className="language-switch"
      aria-label={t('language.label')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[locale]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (isLocale(next) && next !== locale) void choose(next);
      }}
    >
      {locales.map((l) => (
        <ToggleButton key={l} id={l} lang={l} className="language-option">
          {localeNames[l]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
