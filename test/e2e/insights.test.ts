import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const worker = { email: 'hulpverlener@demo.verbonden.invalid', password: DEMO_PASSWORD };
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

async function screenshots(page: Page, name: string) {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize(DESKTOP);
}

/**
 * As the Demo-CAW worker, through the API: clients in Brugge, each with a follow-up track measured at
 * the start (four months ago) and after three months. `buddy` of them start with a buddy, `circle`
 * with a telephone circle; the answers differ per person so the changes differ too.
 */
async function seedPairs(page: Page, counts: { buddy: number; circle: number }) {
  await page.evaluate(async ({ buddy, circle }) => {
    const session = await (await fetch('/api/session')).json();
    const membership = session.memberships.find((m: { role: string }) => m.role === 'worker');
    const post = async (path: string, body: unknown) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path} failed: ${await response.text()}`);
      return response.json();
    };
    const day = (monthsAgo: number, daysAgo = 0) => {
      const d = new Date();
      d.setMonth(d.getMonth() - monthsAgo);
      d.setDate(d.getDate() - daysAgo);
      return d.toISOString().slice(0, 10);
    };
    const items = ['3', '4', '7', '8', '9', '10'];
    // The first `yes` items answered yes, the others no: scores, and so changes, differ per person.
    const answers = (yes: number) =>
      Object.fromEntries(items.map((item, i) => [item, i < yes ? 'yes' : 'no']));
    const contexts = [...Array(buddy).fill('buddy'), ...Array(circle).fill('circle')];
    for (const [i, context] of contexts.entries()) {
      const { id } = await post('/api/clients', {
        organisationId: membership.organisationId,
        givenName: `Proef${i}`,
        familyName: 'Inzicht',
        postcode: '8000',
        consent: { method: 'in_person' },
      });
      const startedOn = day(4);
      const track = await post(`/api/clients/${id}/measurement-tracks`, {
        instrumentId: 'djg-6',
        context,
        startedOn,
        followUpMonths: [3],
      });
      const measure = (takenOn: string, occasionMonths: number, yes: number) =>
        post(`/api/clients/${id}/measurements`, {
          instrumentId: 'djg-6',
          mode: 'interviewer',
          takenOn,
          answers: answers(yes),
          trackId: track.id,
          occasionMonths,
        });
      await measure(startedOn, 0, 3 + (i % 3));
      await measure(day(0, 2), 3, (i * 5) % 7);
    }
  }, counts);
}

/** The texts drawn in a chart's SVG (labels on bars, hidden marks). */
function chartTexts(page: Page, section: string): Promise<string[]> {
  return page.getByRole('region', { name: section }).locator('.insights-chart svg text').allTextContents();
}

describe('insights for coordinators', () => {
  it('shows reach, change, what works and the social map with hidden figures marked, and downloads the files', async () => {
    const seeding = await suite.visitor(DESKTOP);
    await seeding.page.goto('/login');
    await logIn(seeding.page, worker);
    await seeding.page
      .getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ })
      .waitFor();
    await seedPairs(seeding.page, { buddy: 12, circle: 3 });

    const { page } = await suite.visitor(DESKTOP);
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
    });
    await page.goto('/login');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Inzichten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inzichten' }).waitFor();

    // Reach.
    const perMonth = page.getByRole('region', { name: 'Signalen en nieuwe cliënten per maand' });
    await perMonth.getByRole('table', { name: 'Signalen en nieuwe cliënten per maand' }).waitFor();
    await perMonth.locator('.insights-chart svg').waitFor();
    await page.getByText('verborgen om niemand herkenbaar te maken', { exact: false }).first().waitFor();
    await expectAccessible(page, 'the reach tab');
    await screenshots(page, 'insights-reach');

    // Change: fifteen pairs together; twelve with a buddy and three in a circle are hidden, both,
    // since twelve would give away the three.
    await page.getByRole('tab', { name: 'Verandering' }).click();
    const djg6 = page.getByRole('region', { name: 'De Jong Gierveld-schaal (6 vragen)' });
    const table = djg6.getByRole('table', { name: /^Verandering per soort initiatief en periode/ });
    await table.waitFor();
    const overall = table.getByRole('row', { name: /^Alle initiatieven samen Hele periode/ });
    const cells = await overall.getByRole('cell').allTextContents();
    // Fifteen, give or take the cell-key noise of at most two (ADR 0011), never below ten.
    expect(Math.abs(Number(cells[1]) - 15)).toBeLessThanOrEqual(2);
    const buddy = table.getByRole('row', { name: /^Buddyproject Hele periode/ });
    await expect(buddy.getByRole('cell').nth(1).textContent()).resolves.toBe('verborgen');
    await expect(
      table
        .getByRole('row', { name: /^Telefooncirkel Hele periode/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).resolves.toBe('verborgen');
    // The chart draws the same mean as the table, and a mark (no bar) for each hidden one.
    const drawn = await chartTexts(page, 'De Jong Gierveld-schaal (6 vragen)');
    expect(drawn).toContain(cells[2]);
    expect(drawn.filter((text) => text === 'verborgen').length).toBeGreaterThanOrEqual(2);
    await page.getByText('met grote zekerheid ligt de echte verandering', { exact: false }).first().waitFor();
    await expectAccessible(page, 'the change tab');
    await screenshots(page, 'insights-change');

    await page.getByRole('tab', { name: 'Wat werkt' }).click();
    const works = page.getByRole('table', {
      name: /^Soorten initiatieven naast elkaar, De Jong Gierveld-schaal \(6/,
    });
    await works.waitFor();
    await expect(
      works
        .getByRole('row', { name: /^Buddyproject/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).resolves.toBe('verborgen');
    await expectAccessible(page, 'the what-works tab');
    await screenshots(page, 'insights-what-works');

    await page.getByRole('tab', { name: 'Sociale kaart' }).click();
    await page.getByRole('table', { name: 'Initiatieven per soort' }).waitFor();
    await expectAccessible(page, 'the social map tab');
    await screenshots(page, 'insights-directory');

    // Downloads: the links carry the filters; the files come with the right types.
    const csvLink = page.getByRole('link', { name: 'Sociale kaart als CSV-bestand' });
    const download = page.waitForEvent('download');
    await csvLink.click();
    expect((await download).suggestedFilename()).toBe('insights-directory-health.csv');
    const files = await page.evaluate(async () => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.insights-downloads a')];
      return Promise.all(
        links.map(async (a) => {
          const response = await fetch(a.href);
          const body = await response.text();
          return {
            href: a.getAttribute('href'),
            status: response.status,
            type: response.headers.get('content-type'),
            head: body.slice(0, 5),
          };
        }),
      );
    });
    expect(files.map((f) => f.status)).toEqual([200, 200, 200, 200]);
    expect(files[0]?.type).toMatch(/^text\/csv/);
    expect(files[1]?.type).toBe('application/pdf');
    expect(files[1]?.head).toBe('%PDF-');
    expect(files[2]?.href).toContain('municipality=31005');
    expect(files[2]?.type).toMatch(/^text\/csv/);
    expect(files[3]?.type).toMatch(/^text\/csv/);

    expect(cspViolations).toEqual([]);
  });
});
