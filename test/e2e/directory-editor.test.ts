import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

describe('the entry editor', () => {
  it('lets a coordinator describe a good practice with two meeting times, which the public pages then show', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login?next=/initiatieven/nieuw');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Nieuw initiatief' }).waitFor();
    const main = page.getByRole('main');
    await main.getByLabel('Naam', { exact: true }).fill('Wandelclub De Stapper');
    await main.getByLabel('Straat en nummer').fill('Markt 1');
    const postcode = main.getByLabel('Postcode', { exact: true });
    await postcode.fill('80');
    await main.getByRole('button', { name: 'Bewaren als ontwerp' }).click();
    await page.getByRole('alert').waitFor();
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    await postcode.fill('8000');
    await main.getByLabel('Gemeente of deelgemeente').fill('Brugge');
    await main.getByLabel('Van', { exact: true }).fill('10:00');
    await main.getByLabel('Tot', { exact: true }).fill('12:00');
    await main.getByRole('button', { name: 'Nog een moment toevoegen' }).click();
    const second = main.getByRole('group', { name: 'Moment 2' });
    await second.getByLabel('Van', { exact: true }).fill('14:00');
    await second.getByLabel('Tot', { exact: true }).fill('16:00');
    await main.getByLabel('Doel', { exact: true }).fill('Samen wandelen en elkaar leren kennen.');
    await main.getByLabel('Aanpak', { exact: true }).fill('Twee vrijwilligers wachten op je aan de markt.');
    await main.getByText('Ontmoeting', { exact: true }).click();
    expect(await main.getByRole('checkbox', { name: 'Ontmoeting' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the editor form with its good-practice section');
    await screenshot(page, 'editor-form-desktop');
    await main.getByRole('button', { name: 'Bewaren als ontwerp' }).click();

    await page.getByRole('heading', { level: 1, name: 'Wandelclub De Stapper' }).waitFor();
    await page.getByRole('group', { name: 'Moment 2' }).waitFor();
    await expectAccessible(page, 'the entry editor with two times');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Dit initiatief is gepubliceerd').waitFor();
    const id = page.url().split('/').at(-1);

    const visitor = (await suite.visitor()).page;
    await visitor.goto(`/vinden/${id}`);
    await visitor.getByRole('heading', { level: 1, name: 'Wandelclub De Stapper' }).waitFor();
    await visitor.getByText('Elke dinsdag, 10:00–12:00').waitFor();
    await visitor.getByText('Elke dinsdag, 14:00–16:00').waitFor();
    await expectAccessible(visitor, 'the detail page with two times');
    await visitor.goto(`/goede-praktijken/${id}`);
    await visitor.getByRole('heading', { level: 2, name: 'Doel' }).waitFor();
    await visitor.getByText('Samen wandelen en elkaar leren kennen.').waitFor();
    await visitor.getByText('Twee vrijwilligers wachten op je aan de markt.').waitFor();
    await visitor.getByRole('listitem').getByText('Ontmoeting', { exact: true }).waitFor();
    await expectAccessible(visitor, 'the good-practice page');
  });

  it('fits a small screen', async () => {
    const { page } = await suite.visitor({ width: 375, height: 740 });
    await page.goto('/login?next=/initiatieven/nieuw');
    await logIn(page, coordinator);
    await page.getByText('Goede praktijk', { exact: true }).waitFor();
    await expectAccessible(page, 'the editor form on a phone');
    await screenshot(page, 'editor-form-phone');
  });
});
