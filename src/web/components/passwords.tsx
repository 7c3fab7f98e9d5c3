import { useEffect, useState } from 'react';
import { type T, useT } from '../i18n.ts';
import { MIN_PASSWORD_LENGTH } from '../types.ts';
import { Field } from './fields.tsx';
import type { FormError } from './forms.tsx';

/** "Choose a password" and "repeat it", with the length rule as a hint. */
export function NewPasswordFields({ name = 'password', repeatName = 'passwordRepeat' }) {
  const t = useT();
  return (
    <>
      <Field
        name={name}
        type="password"
        label={t('password.new')}
        description={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        isRequired
      />
      <Field
        name={repeatName}
        type="password"
        label={t('password.repeat')}
        autoComplete="new-password"
        isRequired
      />
    </>
  );
}

/**
 * Checks what the browser can check before sending: the length and that both are the same.
 * The server still judges the password itself (too common, too weak).
 */
export function checkNewPassword(
  t: T,
  password: string,
  repeat: string,
  names = { password: 'password', repeat: 'passwordRepeat' },
): FormError | null {
  const fields: Record<string, string> = {};
  if (password.length < MIN_PASSWORD_LENGTH)
    fields[names.password] = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (password !== repeat) fields[names.repeat] = t('password.mismatch');
  return Object.keys(fields).length > 0 ? { title: t('form.checkFields'), fields } : null;
}

/** The token after # in an e-mailed link (kept out of server logs and Referer headers). */
function tokenFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
}

/** The link's token; follows the hash when a new link is pasted into the same tab. */
export function useHashToken(): string {
  const [token, setToken] = useState(tokenFromHash);
  useEffect(() => {
    const onHashChange = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return token;
}
