import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'verbonden-demo-2026';

const loginLabels = {
  nl: { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' },
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
};

/** Fills in the login form as a person would and presses the button (the page must be /login). */
export async function logIn(
  page: Page,
  who: { email: string; password: string },
  language: keyof typeof loginLabels = 'nl',
): Promise<void> {
  const labels = loginLabels[language];
  const form = page.getByRole('main');
  await form.getByLabel(labels.email, { exact: true }).fill(who.email);
  await form.getByLabel(labels.password, { exact: true }).fill(who.password);
  await form.getByRole('button', { name: labels.submit, exact: true }).click();
}
