import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

describe('the public finder', () => {
  it('finds initiatives near a postcode without logging in, and opens one with its schedule', async () => {
    const { page } = await suite.visitor();
    await page.goto('/vinden');
    await page.getByRole('heading', { level: 1, name: 'Iets vinden in je buurt' }).waitFor();
    await page.getByLabel('Wat zoek je?').fill('koffie');
    await page.getByLabel('Waar?').fill('8400');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 2, name: /initiatie(f|ven) gevonden/ }).waitFor();
    const first = page.getByRole('main').getByRole('listitem').first();
    await first.getByText(/km van je/).waitFor();
    await first.getByText(/Volgende keer:/).waitFor();
    await expectAccessible(page, 'the finder with results');
    await screenshot(page, 'finder-results');

    const name = (await first.getByRole('link').textContent()) ?? '';
    expect(name).toMatch(/Koffiebabbel/);
    await first.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Wanneer?' }).waitFor();
    await page
      .getByText(/^Elke (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag), 14:00–16:00$/)
      .waitFor();
    await page.getByText(/Laatst nagekeken op|Nog niet nagekeken/).waitFor();
    await expectAccessible(page, 'the detail page');
    await screenshot(page, 'finder-detail');

    // Print: the sociale kaart of Oostende, as a home-care worker would hand it out.
    await page.goto('/sociale-kaart');
    await page.getByRole('link', { name: 'Oostende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart Oostende' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ontmoetingsplek' }).waitFor();
    await expectAccessible(page, 'the sociale kaart');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    await screenshot(page, 'sociale-kaart-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('shows the distance a shared link asks for, also one its list does not offer', async () => {
    const { page } = await suite.visitor();
    await page.goto('/vinden?q=soep&near=8400&radius_km=20');
    await page.getByRole('heading', { name: /gevonden/ }).waitFor();
    // The select's button shows the chosen option (its hidden native twin lists them all).
    const distance = page.getByRole('button', { name: /Hoe ver/ });
    await expect(distance.textContent()).resolves.toContain('20 km');
  });

  it('says which postcode it does not know', async () => {
    const { page } = await suite.visitor();
    await page.goto('/vinden?near=9999');
    await page.getByRole('alert').getByText('Postcode 9999 onbekend').waitFor();
    await expectAccessible(page, 'the finder with an unknown postcode');
  });
});

describe('good practices', () => {
  it('lets a professional browse good practices, open one, and see which kinds exist where', async () => {
    const { page } = await suite.visitor();
    await page.goto('/goede-praktijken');
    await page.getByRole('heading', { level: 1, name: 'Goede praktijken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /initiatieven gevonden/ }).waitFor();
    await expectAccessible(page, 'the good practices');
    await screenshot(page, 'practices');
    const first = page.getByRole('main').getByRole('listitem').first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Doel' }).waitFor();
    await page.getByText('Goed beschreven').waitFor();
    await expectAccessible(page, 'a good practice');

    await page.goto('/goede-praktijken/overzicht');
    await page.getByRole('rowheader', { name: 'Brugge' }).waitFor();
    await expectAccessible(page, 'the region matrix');
    await screenshot(page, 'region-matrix');
  });
});

describe('publishing', () => {
  it('lets a coordinator write an entry, preview it and publish it, after which the finder shows it', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login?next=/initiatieven/nieuw');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Nieuw initiatief' }).waitFor();
    const main = page.getByRole('main');
    await main.getByLabel('Naam', { exact: true }).fill('Breicafé De Wolbol');
    await main.getByLabel('Beschrijving').fill('Samen breien en babbelen, met koffie.');
    await main.getByLabel('Straat en nummer').fill('Voorbeeldplein 1');
    await main.getByLabel('Postcode', { exact: true }).fill('8000');
    await main.getByLabel('Gemeente of deelgemeente').fill('Brugge');
    await main.getByLabel('Van', { exact: true }).fill('10:00');
    await main.getByLabel('Tot', { exact: true }).fill('12:00');
    await expectAccessible(page, 'the new-entry form');
    await main.getByRole('button', { name: 'Bewaren als ontwerp' }).click();

    await page.getByRole('heading', { level: 1, name: 'Breicafé De Wolbol' }).waitFor();
    await page.getByText('Dit is een ontwerp').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Voorbeeld' }).waitFor();
    await page.getByText('Elke dinsdag, 10:00–12:00').waitFor();
    await expectAccessible(page, 'the entry editor with its preview');
    await screenshot(page, 'editor-draft');

    const visitor = (await suite.visitor()).page;
    await visitor.goto('/vinden?q=wolbol');
    await visitor.getByRole('heading', { level: 2, name: '0 initiatieven gevonden' }).waitFor();

    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Dit initiatief is gepubliceerd').waitFor();
    await visitor.reload();
    await visitor.getByRole('link', { name: 'Breicafé De Wolbol' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Breicafé De Wolbol' }).waitFor();
    await visitor.getByText('Elke dinsdag, 10:00–12:00').waitFor();
    await screenshot(visitor, 'finder-published');
  });
});
