import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const platformAdmin = { email: 'platformbeheer@demo.verbonden.invalid', password: DEMO_PASSWORD };
const organisation = 'Buurthuis De Mandel (e2e)';
const worker = {
  name: 'Wout Werker',
  email: 'wout.werker@example.org',
  password: 'fietsen langs de Leie in mei',
};

describe('inviting a worker into a new organisation', () => {
  it('lets the platform admin create an organisation and invite a worker, who accepts by email and logs in', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login');
    await logIn(page, platformAdmin);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Fien$/ }).waitFor();
    await expectAccessible(page, 'the platform admin home page');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByRole('link', { name: 'Sociaal Huis Brugge (demo)' }).waitFor();
    await expectAccessible(page, 'the organisations page');

    const newOrganisation = page.getByRole('region', { name: 'Nieuwe organisatie' });
    await newOrganisation.getByLabel('Naam', { exact: true }).fill(organisation);
    await newOrganisation.getByRole('button', { name: /Regio$/ }).click();
    await page.getByRole('option', { name: 'West-Vlaanderen (demo)' }).click();
    await newOrganisation.getByRole('button', { name: /Gemeenten waar ze werkt$/ }).click();
    await page.getByRole('option', { name: 'Roeselare' }).click();
    await expectAccessible(page, 'the organisations page with the municipality list open');
    await screenshot(page, 'admin-organisation-municipalities-open');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => newOrganisation.getByRole('button', { name: /Gemeenten waar ze werkt$/ }).textContent())
      .toContain('Roeselare');
    await newOrganisation.getByRole('button', { name: 'Organisatie maken' }).click();
    await newOrganisation
      .getByRole('status')
      .getByText(`${organisation} is gemaakt.`, { exact: false })
      .waitFor();
    await expectAccessible(page, 'the organisations page after creating one');
    await screenshot(page, 'admin-organisation-created');

    await page.getByRole('link', { name: organisation }).click();
    await page.getByRole('heading', { level: 1, name: organisation }).waitFor();
    await expectAccessible(page, 'the organisation edit page');
    await page.getByRole('link', { name: 'Leden en uitnodigingen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Leden en uitnodigingen' }).waitFor();
    await page.getByText('Er zijn nog geen leden.').waitFor();
    await expectAccessible(page, 'the members page of the new organisation');

    const invite = page.getByRole('region', { name: 'Iemand uitnodigen' });
    await invite.getByLabel('Naam', { exact: true }).fill(worker.name);
    await invite.getByLabel('E-mailadres', { exact: true }).fill(worker.email);
    await expect
      .poll(() => invite.getByRole('button', { name: /Rol$/ }).textContent())
      .toContain('Medewerker');
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await invite
      .getByRole('status')
      .getByText(`De uitnodiging is verstuurd naar ${worker.email}.`, { exact: false })
      .waitFor();
    await expectAccessible(page, 'the members page after inviting');
    await screenshot(page, 'members-invited');

    // The email travels over real SMTP (the outbox worker) to the sink on loopback.
    const { sink, url } = suite.server;
    const toWorker = () => sink.accepted.find((m) => m.to && JSON.stringify(m.to).includes(worker.email));
    await sink.waitFor(() => toWorker() !== undefined, `the invitation email to ${worker.email}`, 60_000);
    expect(toWorker()?.subject).toContain(organisation);
    const body = toWorker()?.text ?? '';
    const link = body.match(new RegExp(`${url.replace(/\./g, '\\.')}/invitation#[A-Za-z0-9_-]+`))?.[0];
    expect(link, `an invitation link in:\n${body}`).toBeDefined();

    const invited = await suite.visitor();
    await invited.page.goto(link ?? '');
    await invited.page.getByRole('heading', { level: 1, name: 'Welkom bij Verbonden' }).waitFor();
    await invited.page.getByText(`${organisation} nodigt je uit als medewerker.`).waitFor();
    await expectAccessible(invited.page, 'the invitation page');
    await screenshot(invited.page, 'invitation');
    const name = invited.page.getByLabel('Je naam');
    expect(await name.inputValue()).toBe(worker.name);
    await invited.page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(worker.password);
    await invited.page.getByLabel('Typ je nieuwe wachtwoord nog eens').fill(worker.password);
    await invited.page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();

    await invited.page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await invited.page.getByText('Welkom! Je account is klaar. Meld je nu aan.').waitFor();
    expect(await invited.page.getByLabel('E-mailadres').inputValue()).toBe(worker.email);
    await expectAccessible(invited.page, 'the login page after accepting');
    await logIn(invited.page, worker);
    await invited.page
      .getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Wout$/ })
      .waitFor();
    const card = invited.page
      .getByRole('listitem')
      .filter({ has: invited.page.getByRole('heading', { name: organisation }) });
    await card.getByText('Je bent medewerker').waitFor();
    await expectAccessible(invited.page, 'the new worker home page');
    await screenshot(invited.page, 'worker-home');
  });
});
