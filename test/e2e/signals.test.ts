import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };
const worker = { email: 'hulpverlener@demo.verbonden.invalid', password: DEMO_PASSWORD };
const platformAdmin = { email: 'platformbeheer@demo.verbonden.invalid', password: DEMO_PASSWORD };

describe('the meldpunt', () => {
  it('takes an anonymous report, which the coordinator assigns, the worker follows up and closes, while the reporter follows the status', async () => {
    const citizen = await suite.visitor({ width: 390, height: 844 });
    const form = citizen.page;
    await form.goto('/melden');
    await form.getByRole('heading', { level: 1, name: 'Maak je je zorgen om iemand?' }).waitFor();
    await form.getByText('Bel dan meteen 112', { exact: false }).waitFor();
    await expectAccessible(form, 'the public report form');
    await screenshot(form, 'signals-report-form');

    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await form.getByText('Lees de uitleg over je privacy', { exact: false }).first().waitFor();
    await expectAccessible(form, 'the report form with errors');

    await form.getByLabel('Straat en huisnummer').fill('Dorpsstraat 1');
    await form.getByLabel('Postcode', { exact: true }).fill('8000');
    await form.getByText('De brievenbus raakt vol').click();
    await form
      .getByLabel('Vertel in je eigen woorden wat je ziet')
      .fill('Ik zie mijn buurman niet meer buiten. <b>Echt niet.</b>');
    await form.getByText('Ik maak me grote zorgen').click();
    await form.getByText('Ik heb dit gelezen en ga akkoord').click();
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await form.getByRole('heading', { level: 1, name: 'Dank je wel voor je melding' }).waitFor();
    const reference = (await form.locator('.signals-reference').textContent()) ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectAccessible(form, 'the report confirmation');
    await screenshot(form, 'signals-report-done');

    const { page } = await suite.visitor();
    await page.goto('/login');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await page.goto('/signals');
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const queue = page.getByRole('grid', { name: 'Wachtrij van het meldpunt' });
    await queue.getByRole('link', { name: reference }).waitFor();
    await expectAccessible(page, 'the triage queue');
    await screenshot(page, 'signals-queue');

    await queue.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await page
      .getByRole('region', { name: 'Uitleg van de melder' })
      .getByText('Ik zie mijn buurman niet meer buiten. <b>Echt niet.</b>')
      .waitFor();
    await expectAccessible(page, 'the signal page');

    // The demo already holds a signal about Dorpsstraat 1: the coordinator compares and merges.
    const duplicates = page.getByRole('region', { name: 'Mogelijk dubbele meldingen' });
    await duplicates.getByText('Zelfde adres').waitFor();
    const target = (await duplicates.locator('thead a').first().textContent()) ?? '';
    expect(target).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(page, 'signals-duplicates');
    await duplicates.getByRole('button', { name: `Samenvoegen met ${target}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Meldingen samenvoegen?' });
    // Checked once the fade-in is over: halfway, the text is lighter than it will be.
    await page.locator('.modal-overlay:not([data-entering])').waitFor();
    await expectAccessible(page, 'the merge confirmation');
    await dialog.getByRole('button', { name: 'Samenvoegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${target}` }).waitFor();
    await page.getByRole('region', { name: 'Samengevoegde meldingen' }).getByText(reference).waitFor();
    await expectAccessible(page, 'the signal with a merged duplicate');

    const assign = page.getByRole('region', { name: 'Toewijzen' });
    await assign.getByRole('button', { name: /Organisatie$/ }).click();
    await page.getByRole('option', { name: 'Demo-CAW Westhoek en Kust' }).click();
    await assign.getByRole('button', { name: /Persoon$/ }).click();
    await page.getByRole('option', { name: 'Hanne Hulp' }).click();
    await assign.getByRole('button', { name: 'Toewijzen' }).click();
    await assign.getByRole('status').getByText('De melding is toegewezen.').waitFor();
    await page.getByRole('region', { name: 'Verloop' }).getByText('Toegewezen').waitFor();
    await expectAccessible(page, 'the signal page after assigning');
    await screenshot(page, 'signals-assigned');

    await form.getByRole('link', { name: 'Status van je melding bekijken' }).click();
    await form.getByRole('heading', { level: 1, name: 'Hoe staat het met je melding?' }).waitFor();
    await form.getByRole('button', { name: 'Status bekijken' }).click();
    await form.getByText('In behandeling. Het meldpunt volgt je melding op.').waitFor();
    await expectAccessible(form, 'the status page');
    await screenshot(form, 'signals-status');

    const hanne = (await suite.visitor()).page;
    await hanne.goto('/login');
    await logIn(hanne, worker);
    await hanne.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();
    await hanne.goto('/signals');
    const mine = hanne.getByRole('grid', { name: 'Aan jou of je organisatie toegewezen' });
    await mine.getByRole('link', { name: target }).click();
    await hanne.getByRole('heading', { level: 1, name: `Melding ${target}` }).waitFor();
    const outreach = hanne.getByRole('region', { name: 'Contactpogingen' });
    await outreach.getByText('Telefoon', { exact: true }).click();
    await outreach.getByText('Bereikt', { exact: true }).click();
    await outreach
      .getByLabel('Wat gebeurde er?')
      .fill('Hij is blij dat iemand belt. Volgende week op bezoek.');
    await outreach.getByRole('button', { name: 'Poging noteren' }).click();
    await outreach.getByRole('status').getByText('De contactpoging is genoteerd.').waitFor();
    await hanne.getByRole('region', { name: 'Verloop' }).getByText('In contact').waitFor();
    await expectAccessible(hanne, 'the signal page with the outreach log');
    await screenshot(hanne, 'signals-outreach');

    const informed = hanne.getByRole('region', { name: 'Weet de persoon het? (AVG artikel 14)' });
    await informed.getByText('Persoonlijk verteld').click();
    await informed.getByRole('button', { name: 'Bewaren' }).click();
    await informed.getByText(/^Genoteerd: Persoonlijk verteld \(Hanne Hulp/).waitFor();
    await expectAccessible(hanne, 'the signal page with the art. 14 record');

    const next = hanne.getByRole('region', { name: 'Volgende stap' });
    await next.getByRole('button', { name: /Hoe loopt het af\?$/ }).click();
    await hanne.getByRole('option', { name: 'Aanbod van hulp aanvaard' }).click();
    await next.getByRole('button', { name: 'Melding afsluiten' }).click();
    await hanne.getByText('Afgesloten: Aanbod van hulp aanvaard').waitFor();
    await expectAccessible(hanne, 'the closed signal');

    await form.getByRole('button', { name: 'Status bekijken' }).click();
    await form.getByText('Afgesloten. Dank je wel dat je om iemand geeft.').waitFor();

    await page.goto('/signals');
    await page.getByRole('link', { name: 'Cijfers van het meldpunt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cijfers van het meldpunt' }).waitFor();
    await page
      .getByRole('region', { name: 'Hoe ze afliepen' })
      .getByText('Aanbod van hulp aanvaard')
      .waitFor();
    await expectAccessible(page, 'the numbers page');
    await screenshot(page, 'signals-numbers');
  });
  it('lets a coordinator change a service level and answer an access request, an admin name who runs the meldpunt, and a citizen report by municipality', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await page.goto('/signals');
    await page.getByRole('link', { name: 'Termijnen van het meldpunt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen van het meldpunt' }).waitFor();
    const triage = page.getByLabel('Melding bekijken binnen (werkdagen)');
    await expect.poll(() => triage.inputValue()).toBe('2');
    await expectAccessible(page, 'the service levels page');
    await triage.fill('0');
    await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'the service levels page with an error');
    await triage.fill('3');
    await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
    await page.getByRole('status').getByText('De termijnen zijn bewaard.', { exact: false }).waitFor();
    await screenshot(page, 'signals-service-levels');
    await page.reload();
    await expect.poll(() => page.getByLabel('Melding bekijken binnen (werkdagen)').inputValue()).toBe('3');

    await page.goto('/signals');
    await page.getByRole('link', { name: 'Inzageverzoek beantwoorden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inzageverzoek (AVG artikel 15)' }).waitFor();
    await expectAccessible(page, 'the access request page');
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'the access request page with an error');
    await page.getByLabel('Naam van de persoon').fill('mevrouw testpersoon');
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await page.getByText('We bewaren 1 melding.').waitFor();
    const record = page.getByRole('article');
    await record.getByText('Proefstraat 12').waitFor();
    await record.getByText('Ze zei aan de bakker', { exact: false }).waitFor();
    await record.getByText('Buur Verzonnen').waitFor();
    await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
    await expectAccessible(page, 'the answer to an access request');
    await screenshot(page, 'signals-access-request');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Opzoeken' }).isVisible()).toBe(false);
    await screenshot(page, 'signals-access-request-print');
    await page.emulateMedia({ media: 'screen' });

    const admin = (await suite.visitor()).page;
    await admin.goto('/login');
    await logIn(admin, platformAdmin);
    await admin.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Fien$/ }).waitFor();
    await admin.goto('/admin/meldpunts');
    await admin.getByRole('heading', { level: 1, name: 'Wie runt het meldpunt?' }).waitFor();
    await expectAccessible(admin, 'the meldpunt admin page');
    await admin.getByRole('button', { name: /Gemeente$/ }).click();
    await admin.getByRole('option', { name: 'Brugge', exact: true }).click();
    await admin.getByRole('button', { name: /Organisatie die het meldpunt runt$/ }).click();
    await admin.getByRole('option', { name: 'Sociaal Huis Brugge (demo)' }).click();
    await admin.getByRole('button', { name: 'Bewaren' }).click();
    await admin
      .getByRole('status')
      .getByText('Sociaal Huis Brugge (demo) runt nu het meldpunt van Brugge.')
      .waitFor();
    await expectAccessible(admin, 'the meldpunt admin page after saving');
    await screenshot(admin, 'signals-admin-meldpunts');

    const citizen = (await suite.visitor({ width: 375, height: 812 })).page;
    await citizen.goto('/melden');
    await citizen.getByText('Ik ken alleen de gemeente').click();
    await citizen.getByText('Ik heb dit gelezen en ga akkoord').click();
    await citizen
      .getByLabel('Vertel in je eigen woorden wat je ziet')
      .fill('Een oudere man zit elke dag alleen op de bank.');
    await citizen.getByRole('button', { name: 'Melding versturen' }).click();
    await citizen.getByText('Vul de postcode in, of kies de gemeente', { exact: false }).first().waitFor();
    await expectAccessible(citizen, 'the report form without a municipality');
    await citizen.getByRole('combobox', { name: 'Gemeente' }).fill('Zeebr');
    await citizen.getByRole('option', { name: /^Brugge/ }).click();
    // While the suggestions close, React Aria hides the rest of the page from screen readers: scan after.
    await citizen.getByRole('listbox').waitFor({ state: 'detached' });
    await expectAccessible(citizen, 'the report form with a municipality');
    await screenshot(citizen, 'signals-report-municipality');
    await citizen.getByRole('button', { name: 'Melding versturen' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Dank je wel voor je melding' }).waitFor();
  });
});
