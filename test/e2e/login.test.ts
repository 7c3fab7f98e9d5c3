import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

// Fresh: this file goes through a first start (migrations, gazetteer, demo region) as a new install does.
const suite = e2eSuite({ fresh: true });
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

describe('logging in', () => {
  it('greets the demo coordinator on the home page, and speaks French and then Dutch again on request', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await expectAccessible(page, 'the login page');
    await screenshot(page, 'login');

    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Jouw organisaties' }).waitFor();
    await page.getByRole('heading', { name: 'Sociaal Huis Brugge (demo)' }).waitFor();
    await expectAccessible(page, 'the home page');
    await screenshot(page, 'home-nl');

    const language = page.getByRole('radiogroup', { name: 'Taal' });
    await language.getByRole('radio', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: /^Bon(jour|soir), Cato$/ }).waitFor();
    await page.getByRole('heading', { name: 'Vos organisations' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Aperçu' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Français' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the home page in French');
    await screenshot(page, 'home-fr');

    // The choice is saved on the account, so it survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Vos organisations' }).waitFor();

    await page
      .getByRole('radiogroup', { name: /Langue|Taal/ })
      .getByRole('radio', { name: 'Nederlands' })
      .click();
    await page.getByRole('heading', { name: 'Jouw organisaties' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Nederlands' }).isChecked()).toBe(true);
  });

  it('keeps a person with a wrong password on the login page and tells them why, in their language', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login');
    await logIn(page, { email: coordinator.email, password: 'niet-het-juiste-wachtwoord' });
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('Dit e-mailadres en dit wachtwoord passen niet bij elkaar. Probeer het opnieuw.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    // The alert sits in the form, above the fields it is about.
    const alertBox = await alert.boundingBox();
    const emailBox = await page.getByLabel('E-mailadres').boundingBox();
    expect(alertBox && emailBox && alertBox.y < emailBox.y).toBe(true);
    await expectAccessible(page, 'the login page with an error');
    await screenshot(page, 'login-wrong-password');

    await page.getByRole('radio', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await logIn(page, { email: coordinator.email, password: 'niet-het-juiste-wachtwoord' }, 'fr');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Cette adresse e-mail et ce mot de passe ne correspondent pas. Réessayez.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectAccessible(page, 'the French login page with an error');
  });
});
