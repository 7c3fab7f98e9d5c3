import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const worker = { email: 'hulpverlener@demo.verbonden.invalid', password: DEMO_PASSWORD };

async function logInAsWorker(page: Page) {
  await page.goto('/login');
  await logIn(page, worker);
  await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();
}

/** A client with consent to be registered, made through the API as the logged-in worker. */
async function createClient(page: Page, givenName: string, familyName: string): Promise<string> {
  return page.evaluate(
    async ({ givenName, familyName }) => {
      const session = await (await fetch('/api/session')).json();
      const membership = session.memberships.find((m: { role: string }) => m.role === 'worker');
      const response = await fetch('/api/clients', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({
          organisationId: membership.organisationId,
          givenName,
          familyName,
          postcode: '8400',
          consent: { method: 'in_person' },
        }),
      });
      if (!response.ok) throw new Error(`creating the client failed: ${await response.text()}`);
      return (await response.json()).id as string;
    },
    { givenName, familyName },
  );
}

async function openNetwork(page: Page, clientId: string, name: string) {
  await page.goto(`/clients/${clientId}/network`);
  await page.locator('[data-network-ready]').waitFor();
  await page.getByRole('heading', { level: 1, name: `Netwerk van ${name}` }).waitFor();
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tabpanel', { name }).waitFor();
}

/** Picks an option of a React Aria select with the keyboard only. */
async function chooseByKeyboard(page: Page, select: Locator, option: string) {
  await select.focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  const options = await listbox.getByRole('option').allTextContents();
  const index = options.findIndex((o) => o.trim() === option);
  expect(index, `option ${option} in ${options.join(', ')}`).toBeGreaterThanOrEqual(0);
  // The list opens with the chosen (or first) option focused.
  const focused = await listbox.locator('[data-focused]').textContent();
  const from = Math.max(
    0,
    options.findIndex((o) => o.trim() === focused?.trim()),
  );
  for (let i = from; i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > index; i--) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await listbox.waitFor({ state: 'detached' });
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Kaart bewaren' }).click();
  await page
    .getByRole('status')
    .getByText(/Alles is bewaard/)
    .waitFor();
}

/**
 * The middle of a ring in a sector of the ecogram drawing, in page pixels, from the rings as
 * drawn (their radii in the drawing's own units, scaled to its size on the page).
 */
async function pointIn(page: Page, ring: 1 | 2 | 3, sectorIndex: number) {
  const svg = page.locator('.eco-svg');
  const box = await svg.boundingBox();
  if (!box) throw new Error('no ecogram drawing');
  const units = await svg.evaluate((el) => {
    const radius = (selector: string, attribute: string) =>
      Number(el.querySelector(selector)?.getAttribute(attribute));
    return {
      width: (el as SVGSVGElement).viewBox.baseVal.width,
      client: radius('[data-client-radius]', 'data-client-radius'),
      rings: [1, 2, 3].map((r) => radius(`[data-ring="${r}"]`, 'r')),
    };
  });
  const scale = box.width / units.width;
  const inner = ring === 1 ? units.client : (units.rings[ring - 2] as number);
  const outer = units.rings[ring - 1] as number;
  expect(inner, 'the drawn rings').toBeGreaterThan(0);
  const r = ((inner + outer) / 2) * scale;
  const angle = -Math.PI / 2 + (sectorIndex + 0.5) * ((2 * Math.PI) / 5);
  return { x: box.x + box.width / 2 + r * Math.cos(angle), y: box.y + box.height / 2 + r * Math.sin(angle) };
}

async function tabShots(page: Page, prefix: string) {
  for (const tab of [
    'Ecogram',
    'Genogram',
    'Sterktes',
    'Momentopnames',
    'Analyse & suggesties',
    'Afdrukken',
  ]) {
    await openTab(page, tab);
    // Images and lists from the server (compare, analysis) settle before the picture.
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await screenshot(page, `${prefix}-${tab}`);
  }
}

describe('the network map', () => {
  it('lets a worker draw an ecogram and a genogram with mouse and keyboard, pick strengths, keep two snapshots, compare them, read the analysis and print', async () => {
    const { page } = await suite.visitor();
    await logInAsWorker(page);
    const clientId = await createClient(page, 'Maria', 'Peeters');
    await openNetwork(page, clientId, 'Maria Peeters');
    await page.getByText('Deze kaart is nog leeg.').waitFor();
    await expectAccessible(page, 'the empty network map');

    // Ecogram with the mouse: two members through the form, then one dragged to the outer ring.
    const add = page.getByRole('region', { name: 'Iemand toevoegen' });
    await add.getByLabel('Naam of rol').fill('Els');
    await add.getByLabel('Wie is dit voor Maria?').fill('dochter');
    await add.getByRole('button', { name: 'Op de kaart zetten' }).click();
    await page.getByRole('button', { name: /^Els \(dochter\), informeel, Familie, heel dichtbij/ }).waitFor();

    // Keyboard only: a neighbour added in her sector, moved one ring out and one step around.
    await add.getByLabel('Naam of rol').focus();
    await page.keyboard.type('Rita');
    await page.keyboard.press('Tab');
    await page.keyboard.type('buurvrouw');
    await chooseByKeyboard(page, add.getByRole('button', { name: /Waar hoort deze persoon bij\?/ }), 'Buren');
    await add.getByLabel('Naam of rol').focus();
    await page.keyboard.press('Enter');
    const rita = page.locator('[data-member-id="m2"]');
    await rita.waitFor();
    await rita.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: /^Rita \(buurvrouw\), informeel, Buren, dichtbij/ }).waitFor();

    await add.getByLabel('Naam of rol').fill('Thuisverpleging');
    await add.getByRole('button', { name: /Waar hoort deze persoon bij\?/ }).click();
    await page.getByRole('option', { name: 'Hulpverleners en diensten' }).click();
    await add.getByText('Betaalde of professionele hulp (formeel)').click();
    await add.getByRole('button', { name: 'Op de kaart zetten' }).click();
    await page.getByRole('button', { name: /^Thuisverpleging, formeel/ }).waitFor();
    const els = page.locator('[data-member-id="m1"]');
    const from = await els.boundingBox();
    if (!from) throw new Error('Els is not drawn');
    const to = await pointIn(page, 3, 0);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await page
      .getByRole('button', { name: /^Els \(dochter\), informeel, Familie, wat verder weg/ })
      .waitFor();
    await page.getByText('Je hebt wijzigingen die nog niet bewaard zijn.').waitFor();

    // Els gives emotional support and it weighs on her: set with the mouse in her details.
    await page.getByRole('button', { name: /^Els \(dochter\), informeel/ }).click();
    const details = page.getByRole('region', { name: 'Over Els' });
    await details.getByText('Steun: luisteren, troosten').first().click();
    await details.getByText('Te zwaar').click();
    await details.getByRole('button', { name: 'Sluiten' }).click();
    await expectAccessible(page, 'the ecogram with three members');
    await screenshot(page, 'networks-ecogram-edited');

    // Genogram by keyboard: Maria, her parents and her brother.
    await page.getByRole('tab', { name: 'Ecogram' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tabpanel', { name: 'Genogram' }).waitFor();
    const genogram = page.getByRole('tabpanel', { name: 'Genogram' });
    const addPanel = genogram.getByRole('region', { name: 'Toevoegen' });
    const addPerson = async (name: string, sexKey: 'ArrowLeft' | null, born: string, household = false) => {
      await addPanel.getByLabel('Naam of rol').focus();
      await page.keyboard.type(name);
      await page.keyboard.press('Tab'); // to the sex radio group (woman by default)
      if (sexKey) await page.keyboard.press(sexKey);
      await page.keyboard.press('Tab');
      await page.keyboard.type(born);
      if (household) {
        await addPanel.getByText('Woont in hetzelfde huis als de persoon').focus();
        await page.keyboard.press('Space');
      }
      await addPanel.getByLabel('Naam of rol').focus();
      await page.keyboard.press('Enter');
      await genogram.getByRole('status').getByText(`${name} staat in het genogram.`).waitFor();
    };
    await addPerson('Maria', null, '1948');
    await addPerson('Jan', 'ArrowLeft', '1920');
    await addPerson('Rosa', null, '1922');
    await addPanel.getByRole('button', { name: 'Relatie', exact: true }).focus();
    await page.keyboard.press('Enter');
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /Eerste partner$/ }), 'Jan');
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /Tweede partner$/ }), 'Rosa');
    await addPanel.getByRole('button', { name: 'Relatie toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await genogram.getByRole('status').getByText('De relatie staat in het genogram.').waitFor();
    await addPanel.getByRole('button', { name: 'Kind', exact: true }).focus();
    await page.keyboard.press('Enter');
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /Ouders$/ }), 'Jan en Rosa');
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /.+ Kind$/ }), 'Maria');
    await addPanel.getByRole('button', { name: 'Kind toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await genogram.getByRole('status').getByText('Maria hangt nu onder de ouders.').waitFor();
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /Ouders$/ }), 'Jan en Rosa');
    await chooseByKeyboard(page, addPanel.getByRole('button', { name: /.+ Kind$/ }), 'Iemand nieuw');
    await addPanel.getByLabel('Naam van het kind').focus();
    await page.keyboard.type('Piet');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    await addPanel.getByLabel('Naam van het kind').focus();
    await page.keyboard.press('Enter');
    await genogram.getByRole('status').getByText('Piet hangt nu onder de ouders.').waitFor();

    const words = genogram.getByRole('region', { name: 'Het genogram in woorden' });
    await words
      .getByText(
        /Maria, vrouw, de persoon zelf, geboren in 1948\.\s*Kind van Jan, Rosa\. .*Broers en zussen: Piet/,
      )
      .waitFor();
    await words
      .getByText(/Jan, man, geboren in 1920\.\s*Getrouwd met Rosa\. Kinderen: Maria, Piet/)
      .waitFor();
    // Every person in the drawing is reachable and selectable with the keyboard.
    await genogram.getByRole('button', { name: /^Maria, vrouw, de persoon zelf/ }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await genogram.getByRole('heading', { name: /^(Jan|Rosa) aanpassen$/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^(Jan|Rosa) aanpassen$/);
    await genogram.getByRole('button', { name: 'Sluiten' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^(Jan|Rosa), /);
    await expectAccessible(page, 'the genogram');
    await screenshot(page, 'networks-genogram-edited');

    // Strengths, picked with the keyboard.
    await openTab(page, 'Sterktes');
    await page.getByRole('button', { name: /^Tuinieren/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Koken/ }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('region', { name: 'Gekozen kaarten, in volgorde' })
      .getByText('Koken', { exact: true })
      .waitFor();
    await save(page);
    await expectAccessible(page, 'the strengths after saving');

    // The first snapshot, a change, and a second snapshot.
    await openTab(page, 'Momentopnames');
    await page.getByLabel('Naam').fill('Bij de start');
    await page.getByRole('button', { name: 'Momentopname bewaren' }).click();
    await page.getByText(/De momentopname ‘.* – Bij de start’ is bewaard\./).waitFor();
    await openTab(page, 'Ecogram');
    await add.getByLabel('Naam of rol').fill('Buurman Jef');
    await add.getByRole('button', { name: /Waar hoort deze persoon bij\?/ }).click();
    await page.getByRole('option', { name: 'Buren' }).click();
    await add.getByRole('button', { name: 'Op de kaart zetten' }).click();
    await page.getByRole('button', { name: /^Buurman Jef, informeel, Buren/ }).waitFor();
    await save(page);
    await openTab(page, 'Momentopnames');
    await page.getByLabel('Naam').fill('Na drie maanden');
    await page.getByRole('button', { name: 'Momentopname bewaren' }).click();
    await page.getByText(/De momentopname ‘.* – Na drie maanden’ is bewaard\./).waitFor();
    const compare = page.getByRole('region', { name: 'Vergelijken' });
    await compare
      .getByRole('heading', { name: /^Wat veranderde er tussen .*Bij de start en .*Na drie maanden\?$/ })
      .waitFor();
    const changes = compare.locator('.networks-changes li');
    await changes.first().waitFor();
    expect((await changes.allTextContents()).join(' ')).toContain('Jef');
    await expect
      .poll(() =>
        compare
          .locator('img')
          .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    await expectAccessible(page, 'the snapshots and their comparison');
    await screenshot(page, 'networks-snapshots-compare');

    // Analysis and suggestions.
    await openTab(page, 'Analyse & suggesties');
    const figures = page.getByRole('region', { name: 'In cijfers' });
    await figures.getByText('4 mensen (3 informeel, 1 professioneel)').waitFor();
    await figures.getByText('1 persoon: Els').waitFor();
    await figures.getByText('Overbelast: Els.').waitFor();
    await page.getByRole('region', { name: 'Wat opvalt' }).locator('li').first().waitFor();
    const suggestions = page.getByRole('region', { name: 'Initiatieven die kunnen passen' });
    await suggestions.locator('.networks-suggestion').first().waitFor();
    const first = suggestions.locator('.networks-suggestion').first();
    expect(await first.getByRole('link').getAttribute('href')).toMatch(/^\/vinden\/[0-9a-f-]{36}$/);
    expect(await first.locator('.networks-reasons li').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the analysis and suggestions');
    await screenshot(page, 'networks-analysis');

    // Print: the drawings as SVG, and the page's own print style.
    await openTab(page, 'Afdrukken');
    const svg = await page.request.get(
      (await page.getByRole('link', { name: 'Genogram als afbeelding (SVG)' }).getAttribute('href')) ?? '',
    );
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    await expectAccessible(page, 'the print tab');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'networks-print-media');
    await page.emulateMedia({ media: 'screen' });

    await tabShots(page, 'networks-desktop');
    const phone = (await suite.visitor({ width: 360, height: 800 })).page;
    await logInAsWorker(phone);
    await openNetwork(phone, clientId, 'Maria Peeters');
    await expectAccessible(phone, 'the network map on a 360 px screen');
    await tabShots(phone, 'networks-360');

    // The PDF for the file: a real PDF, offered as a download.
    await openTab(page, 'Afdrukken');
    const pdfLink = page.getByRole('link', { name: 'Netwerkkaart als pdf' });
    const href = await pdfLink.getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('shows the conflict when two workers save the same map, and keeps the choice with the worker', async () => {
    const a = (await suite.visitor()).page;
    await logInAsWorker(a);
    const clientId = await createClient(a, 'Georges', 'Dubois');
    await openNetwork(a, clientId, 'Georges Dubois');
    const b = (await suite.visitor()).page;
    await logInAsWorker(b);
    await openNetwork(b, clientId, 'Georges Dubois');

    const addIn = async (page: Page, name: string) => {
      const add = page.getByRole('region', { name: 'Iemand toevoegen' });
      await add.getByLabel('Naam of rol').fill(name);
      await add.getByRole('button', { name: 'Op de kaart zetten' }).click();
      await page.getByRole('button', { name: new RegExp(`^${name}, informeel`) }).waitFor();
    };
    await addIn(a, 'Els');
    await save(a);
    await addIn(b, 'Bram');

    // Leaving with unsaved changes asks first; staying keeps the work.
    b.once('dialog', (dialog) => void dialog.dismiss());
    await b.getByRole('link', { name: 'Overzicht' }).first().click();
    expect(new URL(b.url()).pathname).toBe(`/clients/${clientId}/network`);

    await b.getByRole('button', { name: 'Kaart bewaren' }).click();
    const conflict = b.getByRole('region', { name: 'Iemand anders heeft deze kaart intussen bewaard' });
    await conflict.waitFor();
    await conflict.getByText('Els toegevoegd aan het ecogram').waitFor();
    await conflict.getByText('Bram toegevoegd aan het ecogram').waitFor();
    await b.getByText('Je hebt wijzigingen die nog niet bewaard zijn.').waitFor();
    await expectAccessible(b, 'the conflict view');
    await screenshot(b, 'networks-conflict');

    await conflict.getByRole('button', { name: 'Mijn versie bewaren' }).click();
    await b
      .getByRole('status')
      .getByText(/Alles is bewaard/)
      .waitFor();
    await expect(conflict.count()).resolves.toBe(0);
    await a.reload();
    await a.locator('[data-network-ready]').waitFor();
    await a.getByRole('button', { name: /^Bram, informeel/ }).waitFor();
  });
});
