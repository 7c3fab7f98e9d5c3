import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const worker = { email: 'hulpverlener@demo.verbonden.invalid', password: DEMO_PASSWORD };
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };
const volunteer = { email: 'vrijwilliger@demo.verbonden.invalid', password: DEMO_PASSWORD };

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

/** The page as it is now, on a desktop and on a 360 px phone, then back to the desktop. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize(DESKTOP);
}

/** Waits until a dialog has faded in: halfway, its text is lighter than it will be. */
async function dialogShown(page: Page) {
  await page.locator('.modal-overlay:not([data-entering])').waitFor();
}

describe('client records', () => {
  it('lets a worker register a person with consent, write down a contact, refer them, and stop when the person withdraws', async () => {
    const { context, page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, worker);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    // The demo region's fictional clients of Hanne's organisation.
    await page
      .getByRole('grid', { name: 'Cliënten' })
      .getByRole('link', { name: 'Maria Peeters (demo)' })
      .waitFor();
    await expectAccessible(page, 'the client list with the demo clients');
    await screenshots(page, 'clients-list-demo');
    // Her timeline names what other modules did, in words (her network map and its snapshots).
    await page
      .getByRole('grid', { name: 'Cliënten' })
      .getByRole('link', { name: 'Maria Peeters (demo)' })
      .click();
    const demoTimeline = page.getByRole('region', { name: 'Tijdlijn' });
    await demoTimeline.getByText('Netwerkkaart aangepast', { exact: true }).first().waitFor();
    await demoTimeline.getByText('Momentopname van het netwerk bewaard', { exact: true }).first().waitFor();
    expect(await demoTimeline.getByText('Iets anders genoteerd').count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();

    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await expectAccessible(page, 'the new client form');
    await screenshots(page, 'clients-new');

    // Bad input first: a birth date in the future and a postcode that does not exist.
    await page.getByLabel('Voornaam').fill('Mariette');
    await page.getByLabel('Familienaam').fill('Verzonnen');
    await page.getByRole('textbox', { name: /^Telefoon/ }).fill('059 12 34 56');
    await page.getByLabel('Straat en huisnummer').fill('Proefstraat 3');
    await page.getByLabel('Postcode', { exact: true }).fill('9999');
    await page.getByLabel('Geboortedatum', { exact: true }).fill('2099-05-01');
    await page.getByRole('button', { name: 'Dossier maken' }).click();
    await page.getByText('Zonder toestemming maken we geen dossier.', { exact: false }).waitFor();
    await expectAccessible(page, 'the new client form without consent');

    await page.getByText('De persoon vindt het goed dat we een dossier bijhouden').click();
    await page.getByText('Mondeling, in een gesprek').click();
    await page.getByRole('button', { name: 'Dossier maken' }).click();
    // Both problems come back at once, each beside its field.
    const birthDate = page.getByLabel('Geboortedatum', { exact: true });
    const postcode = page.getByLabel('Postcode', { exact: true });
    await page.getByText('Een geboortedatum kan niet in de toekomst liggen.').waitFor();
    await page.getByText('Postcode 9999 kennen we niet.', { exact: false }).waitFor();
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(
      page,
      'the new client form with a birth date in the future and an unknown postcode',
    );
    await screenshots(page, 'clients-new-errors');

    await birthDate.fill('1948-03-12');
    await postcode.fill('8400');
    await page.getByRole('button', { name: /Met wie woont de persoon\?$/ }).click();
    await page.getByRole('option', { name: 'Woont alleen' }).click();
    await page
      .getByLabel('Wat heb je uitgelegd?', { exact: false })
      .fill('Uitgelegd bij het eerste huisbezoek.');
    await page.getByRole('button', { name: 'Dossier maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mariette Verzonnen' }).waitFor();
    const facts = page.getByRole('region', { name: 'Gegevens' });
    await facts.getByText('Proefstraat 3, 8400 Oostende').waitFor();
    await facts.getByText('Woont alleen').waitFor();
    await page.getByRole('link', { name: 'Netwerkkaart' }).waitFor();
    await expectAccessible(page, 'the new record');

    // Two tabs edit the record at once: the second save is refused until the other change is read.
    const recordUrl = page.url();
    const other = await context.newPage();
    await other.goto(`${recordUrl}/edit`);
    await other
      .getByRole('heading', { level: 1, name: 'Gegevens van Mariette Verzonnen aanpassen' })
      .waitFor();
    await page.getByRole('link', { name: 'Gegevens aanpassen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Gegevens van Mariette Verzonnen aanpassen' })
      .waitFor();
    await page.getByRole('textbox', { name: /^E-mailadres/ }).fill('mariette@demo.verbonden.invalid');
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await facts.getByText('mariette@demo.verbonden.invalid').waitFor();
    await other.getByLabel('Straat en huisnummer').fill('Proefstraat 5');
    await other.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await other
      .getByRole('alert')
      .getByText('heeft dit dossier intussen aangepast', { exact: false })
      .waitFor();
    await expectAccessible(other, 'the edit form after a conflict');
    await screenshots(other, 'clients-edit-conflict');
    await other.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect
      .poll(() => other.getByRole('textbox', { name: /^E-mailadres/ }).inputValue())
      .toBe('mariette@demo.verbonden.invalid');
    await other.getByLabel('Straat en huisnummer').fill('Proefstraat 5');
    await other.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await other.getByRole('region', { name: 'Gegevens' }).getByText('Proefstraat 5, 8400 Oostende').waitFor();
    await other.close();
    await page.reload();
    await facts.getByText('Proefstraat 5, 8400 Oostende').waitFor();

    // One contact on the timeline, newest first.
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByText('Telefoon', { exact: true }).click();
    await timeline
      .getByLabel('Wat hebben jullie besproken?')
      .fill('Ze zingt graag en mist het koor van vroeger. <b>Echt.</b>');
    await timeline.getByRole('button', { name: 'Contact noteren' }).click();
    await timeline.getByRole('status').getByText('Het contact staat op de tijdlijn.').waitFor();
    const newest = timeline.getByRole('listitem').first();
    await newest.getByText('Contact: Telefoon').waitFor();
    await newest.getByText('Ze zingt graag en mist het koor van vroeger. <b>Echt.</b>').waitFor();
    await expectAccessible(page, 'the record with a contact');

    // A referral to an initiative of another organisation (Sociaal Huis Brugge): the person first agrees to share.
    const service = 'Koffiebabbel Den Appelaar';
    const referrals = page.getByRole('region', { name: 'Doorverwijzing' });
    await referrals.getByRole('combobox', { name: 'Initiatief' }).fill('koffiebabbel appelaar');
    await page.getByRole('option', { name: new RegExp(`^${service}`) }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    const share = referrals.getByRole('group', { name: 'Dit initiatief is van een andere organisatie' });
    await share.waitFor();
    await referrals
      .getByLabel('Waarom dit initiatief?', { exact: false })
      .fill('Zingt graag, zoekt gezelschap.');
    await referrals.getByText('De persoon wil het, ik stuur het door').click();
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    await share.getByText('Zonder toestemming delen we niets met een andere organisatie.').waitFor();
    await expectAccessible(page, 'the referral form asking to share');
    await screenshots(page, 'clients-referral-share');
    await share.getByText('De persoon vindt het goed dat we dit delen', { exact: false }).click();
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    await referrals
      .getByRole('status')
      .getByText(`De doorverwijzing naar ${service} is genoteerd.`)
      .waitFor();
    const referral = referrals.getByRole('listitem').filter({ hasText: service });
    await referral.locator('.clients-item-title').getByText('Doorgestuurd').waitFor();
    await referral.getByText('Zingt graag, zoekt gezelschap.').waitFor();
    await timeline.getByText(`Doorverwezen naar ${service}`).waitFor();
    await timeline
      .getByText('Toestemming genoteerd: Gegevens delen met Sociaal Huis Brugge (demo)', { exact: true })
      .waitFor();
    await page
      .getByRole('region', { name: 'Toestemming' })
      .getByText('Gegevens delen met Sociaal Huis Brugge (demo)')
      .waitFor();
    await expectAccessible(page, 'the record with a referral');

    // The coordinator of that organisation sees the person, with only what was shared.
    const cato = (await suite.visitor(DESKTOP)).page;
    await cato.goto('/login');
    await logIn(cato, coordinator);
    await cato.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await cato.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await cato.getByRole('link', { name: 'Doorverwijzingen naar ons' }).click();
    await cato.getByRole('heading', { level: 1, name: 'Doorverwijzingen naar ons' }).waitFor();
    const incoming = cato.getByRole('grid', { name: 'Doorverwijzingen naar ons' });
    const row = incoming.getByRole('row').filter({ hasText: 'Mariette Verzonnen' });
    await row.getByText(service).waitFor();
    await row.getByText('Demo-CAW Westhoek en Kust').waitFor();
    await row.getByText('Zingt graag, zoekt gezelschap.').waitFor();
    await row.getByText('059 12 34 56').waitFor();
    await row.getByText('Wacht op jullie antwoord').waitFor();
    await expectAccessible(cato, 'the incoming referrals');
    await screenshots(cato, 'clients-incoming');

    // Cato looks at declining (with a word why), then welcomes Mariette after all.
    await row.getByRole('button', { name: /^Afwijzen ?: Mariette Verzonnen$/ }).click();
    const decline = cato.getByRole('alertdialog', {
      name: `Kan Mariette Verzonnen niet terecht bij ${service}?`,
    });
    await decline.getByLabel('Waarom niet?', { exact: false }).fill('Onze groep is volzet tot september.');
    await dialogShown(cato);
    await expectAccessible(cato, 'the decline dialog');
    await screenshots(cato, 'clients-incoming-decline');
    await decline.getByRole('button', { name: 'Annuleren' }).click();
    await row.getByRole('button', { name: /^Aanvaarden ?: Mariette Verzonnen$/ }).click();
    const accept = cato.getByRole('alertdialog', { name: `Mariette Verzonnen welkom heten bij ${service}?` });
    await accept.getByRole('button', { name: 'Aanvaarden' }).click();
    await cato
      .getByRole('status')
      .getByText('Je liet Demo-CAW Westhoek en Kust weten dat Mariette Verzonnen welkom is.', {
        exact: false,
      })
      .waitFor();
    await row.getByText('Aanvaard', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /^Aanvaarden/ }).count()).toBe(0);
    await expectAccessible(cato, 'the incoming referrals after an answer');
    await screenshots(cato, 'clients-incoming-answered');

    // Hanne reads the answer in the record, and moves the referral on from there.
    await page.reload();
    await referral.locator('.clients-item-title').getByText('Gestart').waitFor();
    await timeline
      .getByText(`Sociaal Huis Brugge (demo) aanvaardde de doorverwijzing naar ${service}`)
      .waitFor();
    await referral.getByText(`Hoe loopt het met ${service}?`).click();
    await referral.getByRole('button', { name: /Volgende stap$/ }).click();
    await page.getByRole('option', { name: 'Afgerond' }).click();
    await referral.getByLabel('Hoe ging het?', { exact: false }).fill('Eerste keer was fijn.');
    await referral.getByRole('button', { name: 'Bewaren' }).click();
    await referral.locator('.clients-item-title').getByText('Afgerond').waitFor();
    await referral.getByText('Eerste keer was fijn.').waitFor();
    await timeline.getByText(`Doorverwijzing naar ${service}: Afgerond`).waitFor();
    await screenshots(page, 'clients-record');

    // The person changes their mind: withdrawing the registration closes the record for new work.
    const consents = page.getByRole('region', { name: 'Toestemming' });
    const registration = consents.getByRole('listitem').filter({ hasText: 'Een dossier bijhouden' });
    await registration.getByRole('button', { name: 'Intrekken' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Toestemming intrekken: Een dossier bijhouden?' });
    await dialog.getByText('Dan sluit het dossier voor nieuw werk', { exact: false }).waitFor();
    await dialogShown(page);
    await expectAccessible(page, 'the withdrawal confirmation');
    await screenshots(page, 'clients-withdraw-dialog');
    await dialog.getByText('Aan de telefoon').click();
    await dialog.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await page.getByText('De persoon trok de toestemming in.').waitFor();
    await registration.getByText('Ingetrokken', { exact: true }).waitFor();
    await timeline.getByText('Toestemming ingetrokken: Een dossier bijhouden').waitFor();
    expect(await page.getByRole('button', { name: 'Contact noteren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Doorverwijzen' }).count()).toBe(0);
    await expectAccessible(page, 'the record after the withdrawal');
    await screenshots(page, 'clients-record-withdrawn');

    // Large text (an account setting): the record still reads well on a phone.
    await page.evaluate(() => document.documentElement.classList.add('large-text'));
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'the record in large text on a phone');
    await screenshot(page, 'clients-record-large-text-360');
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => document.documentElement.classList.remove('large-text'));

    // Exactly one record was made: the refused attempts left nothing behind.
    await page.getByRole('link', { name: 'Terug naar de cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    const list = page.getByRole('grid', { name: 'Cliënten' });
    await list.getByRole('link', { name: 'Mariette Verzonnen' }).waitFor();
    await list.getByText('Toestemming ingetrokken').waitFor();
    expect(await list.getByRole('row').filter({ hasText: 'Mariette Verzonnen' }).count()).toBe(1);
    await page.getByLabel('Zoek op naam').fill('zzz');
    await page.getByText('Niemand gevonden met die naam.').waitFor();
    await expectAccessible(page, 'the client list');
    await page.getByLabel('Zoek op naam').fill('Mariette');
    await list.getByRole('link', { name: 'Mariette Verzonnen' }).waitFor();
    await screenshots(page, 'clients-list');
  });

  it('lets a coordinator register someone by municipality and age group, answer an access request, close, reopen and erase the record', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await page.goto('/clients/new');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe cliënt' }).waitFor();
    await page.getByLabel('Voornaam').fill('Jozef');
    await page.getByText('Ik ken alleen de gemeente').click();
    await page.getByRole('combobox', { name: 'Gemeente' }).fill('Zeebr');
    await page.getByRole('option', { name: /^Brugge/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByText('Alleen de leeftijdsgroep').click();
    await page.getByRole('button', { name: /Leeftijdsgroep$/ }).click();
    await page.getByRole('option', { name: '85 jaar of ouder' }).click();
    await page.getByRole('button', { name: /^Kies… Talen$/ }).click();
    await page.getByRole('option', { name: 'Nederlands' }).click();
    await page.getByRole('option', { name: 'Frans' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('De persoon vindt het goed dat we een dossier bijhouden').click();
    await page.getByText('Op papier, ondertekend').click();
    await expectAccessible(page, 'the new client form by municipality and age group');
    await page.getByRole('button', { name: 'Dossier maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jozef' }).waitFor();
    const facts = page.getByRole('region', { name: 'Gegevens' });
    await facts.getByText('85 jaar of ouder').waitFor();
    await facts.getByText('Nederlands, Frans').waitFor();
    await facts.getByText('Brugge', { exact: true }).waitFor();

    const record = page.getByRole('region', { name: 'Het dossier' });
    const json = await page.request.get(
      (await record.getByRole('link', { name: /^Inzage als JSON/ }).getAttribute('href')) ?? '',
    );
    expect(json.status()).toBe(200);
    expect((await json.json()).record.givenName).toBe('Jozef');
    const pdf = await page.request.get(
      (await record.getByRole('link', { name: 'Inzage als PDF' }).getAttribute('href')) ?? '',
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await record.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await page
      .getByRole('alertdialog', { name: 'Het dossier van Jozef afsluiten?' })
      .getByRole('button', { name: 'Dossier afsluiten' })
      .click();
    await page.getByText('Dit dossier is afgesloten.').waitFor();
    expect(await page.getByRole('button', { name: 'Contact noteren' }).count()).toBe(0);
    await expectAccessible(page, 'the closed record');
    await record.getByRole('button', { name: 'Dossier heropenen' }).click();
    await page
      .getByRole('alertdialog', { name: 'Het dossier van Jozef heropenen?' })
      .getByRole('button', { name: 'Dossier heropenen' })
      .click();
    await page.getByRole('button', { name: 'Contact noteren' }).waitFor();
    await page.getByRole('region', { name: 'Tijdlijn' }).getByText('Dossier heropend').waitFor();

    await record.getByRole('button', { name: 'Dossier wissen' }).click();
    const erase = page.getByRole('alertdialog', { name: 'Alles over Jozef voorgoed wissen?' });
    await erase.getByText('de gegevens: naam, contactgegevens, adres', { exact: false }).waitFor();
    await erase.getByRole('button', { name: 'Voorgoed wissen' }).click();
    await erase.getByRole('alert').getByText('Kies eerst waarom je het dossier wist.').waitFor();
    await dialogShown(page);
    await expectAccessible(page, 'the erasure confirmation');
    await screenshots(page, 'clients-erase-dialog');
    await erase.getByRole('button', { name: /Waarom wis je het dossier\?$/ }).click();
    await page.getByRole('option', { name: 'De persoon vraagt het' }).click();
    await erase.getByRole('button', { name: 'Voorgoed wissen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByText('Hier staat nog niemand.', { exact: false }).waitFor();
  });

  it('tells a volunteer with nobody assigned yet, kindly, that the list fills once someone is', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, volunteer);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Victor$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByText('Nog niemand aan jou toegewezen.', { exact: false }).waitFor();
    await page.getByText('Je ziet alleen wie aan jou is toegewezen.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Nieuwe cliënt' }).count()).toBe(0);
    await expectAccessible(page, 'the client list of a volunteer with nobody assigned');
    await screenshots(page, 'clients-list-volunteer-empty');
  });
});
