import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { termId } from '../../src/modules/directory/directory.terms.ts';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

/** An HSDS 3.0 service as another tool might write it: its id is not ours. */
const service = (id: string, name: string, latitude: number | string = 51.2) => ({
  id,
  name,
  description: 'Elke week samen zingen, met koffie achteraf.',
  status: 'active',
  attributes: [
    { taxonomy_term_id: termId('type', 'meeting_place') },
    { taxonomy_term_id: termId('how_to_join', 'walk_in') },
    { taxonomy_term_id: termId('cost', 'free') },
    { taxonomy_term_id: termId('evidence_level', 'none') },
  ],
  service_at_locations: [
    {
      id: `${id}-sal`,
      location: {
        id: `${id}-loc`,
        name: 'Zaal De Linde',
        latitude,
        longitude: 3.22,
        addresses: [
          {
            id: `${id}-addr`,
            address_1: 'Lindestraat 4',
            city: 'Brugge',
            state_province: 'West-Vlaanderen',
            postal_code: '8000',
            country: 'BE',
            address_type: 'physical',
          },
        ],
      },
    },
  ],
});

async function choose(page: Page, name: string, data: unknown) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await page.getByText(`Gekozen: ${name}`).waitFor();
}

describe('importing initiatives in the web app', () => {
  it('lets a coordinator check an HSDS file, see its problems, fix it and import it into the finder', async () => {
    const { page } = await suite.visitor();
    await page.goto('/login?next=/initiatieven');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Initiatieven beheren' }).waitFor();
    await page.getByRole('link', { name: 'Initiatieven importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiatieven importeren' }).waitFor();
    await page.getByText('verbonden import hsds').waitFor();
    await expectAccessible(page, 'the import page');
    await screenshot(page, 'directory-import');

    await choose(page, 'koor-fout.json', [service('koor-1', 'Zangkoor Wielewaal', 'noord')]);
    await page.getByRole('button', { name: 'Nakijken' }).click();
    const problems = page.getByRole('alert');
    await problems.getByRole('heading', { name: 'Wat er niet klopt' }).waitFor();
    await problems.getByText("'noord' is geen getal.").waitFor();
    await expectAccessible(page, 'the import page with problems');
    await screenshot(page, 'directory-import-problems');

    await choose(page, 'koor.json', [service('koor-1', 'Zangkoor Wielewaal')]);
    await page.getByRole('button', { name: 'Nakijken' }).click();
    await page
      .getByText('Alles in orde. Nieuwe initiatieven: 1. Bestaande initiatieven die we bijwerken: 0.')
      .waitFor();
    await expectAccessible(page, 'the import page with its dry-run report');
    await screenshot(page, 'directory-import-report');

    const visitor = (await suite.visitor()).page;
    await visitor.goto('/vinden?q=wielewaal');
    await visitor.getByRole('heading', { level: 2, name: '0 initiatieven gevonden' }).waitFor();

    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('Klaar! Nieuwe initiatieven: 1. Bijgewerkte initiatieven: 0.').waitFor();
    await expectAccessible(page, 'the import page after the import');

    await visitor.reload();
    await visitor.getByRole('link', { name: 'Zangkoor Wielewaal' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Zangkoor Wielewaal' }).waitFor();
    await expectAccessible(visitor, 'the detail page of an imported initiative');
  });

  it('fits a small screen', async () => {
    const { page } = await suite.visitor({ width: 375, height: 800 });
    await page.goto('/login?next=/initiatieven/importeren');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Initiatieven importeren' }).waitFor();
    await page.getByRole('button', { name: 'Nakijken' }).waitFor();
    await expectAccessible(page, 'the import page on a phone');
    await screenshot(page, 'directory-import-375');
  });
});
