import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/modules/signals/signals.calendar.ts';
import { expectAccessible, launchBrowser, newVisitor, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { type RunningServer, startVerbonden } from './harness/server.ts';

const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The job runner polls every second: after this long, a job that was due has run.
const A_FEW_POLLS_MS = 3_500;

// The shared e2eSuite starts a server with the real clock; these tests need one they can move.
let server: RunningServer;
let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startVerbonden({ movableClock: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [i, page] of contexts.flatMap((c) => c.pages()).entries()) {
      const path = await screenshot(page, `failed-${task.name}-${i + 1}`).catch(() => null);
      if (path) process.stderr.write(`e2e: screenshot of ${page.url()} after the failure: ${path}\n`);
    }
    process.stderr.write(`e2e: server output so far:\n${server?.output()}\n`);
  }
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function visitor(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newVisitor(browser, server.url, viewport);
  contexts.push(context);
  return context.newPage();
}

/** A citizen reports someone in Brugge on the public form; returns the reference. */
async function report(personName: string, description: string): Promise<string> {
  const form = await visitor({ width: 390, height: 844 });
  await form.goto('/melden');
  await form.getByRole('heading', { level: 1, name: 'Maak je je zorgen om iemand?' }).waitFor();
  await expectAccessible(form, 'the public report form');
  await form.getByLabel(/^Naam/).fill(personName);
  await form.getByLabel('Postcode', { exact: true }).fill('8000');
  await form.getByLabel('Vertel in je eigen woorden wat je ziet').fill(description);
  await form.getByText('Ik heb dit gelezen en ga akkoord').click();
  await form.getByRole('button', { name: 'Melding versturen' }).click();
  await form.getByRole('heading', { level: 1, name: 'Dank je wel voor je melding' }).waitFor();
  await expectAccessible(form, 'the report confirmation');
  return (await form.locator('.signals-reference').textContent()) ?? '';
}

/** A fresh browser in which the coordinator logged in: a jump of the clock ends earlier sessions. */
async function coordinatorPage(): Promise<Page> {
  const page = await visitor();
  await page.goto('/login');
  await expectAccessible(page, 'the login page');
  await logIn(page, coordinator);
  await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
  await expectAccessible(page, 'the home page');
  return page;
}

async function openFromQueue(page: Page, reference: string): Promise<void> {
  await page.goto('/signals');
  await page
    .getByRole('grid', { name: 'Wachtrij van het meldpunt' })
    .getByRole('link', { name: reference })
    .click();
  await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
}

async function closedAsNoConcern(page: Page): Promise<number> {
  await page.goto('/signals/numbers');
  await page.getByRole('heading', { level: 1, name: 'Cijfers van het meldpunt' }).waitFor();
  const row = page
    .getByRole('region', { name: 'Hoe ze afliepen' })
    .getByRole('row', { name: /Geen reden tot zorg/ });
  const count = Number(await row.getByRole('cell').textContent());
  await expectAccessible(page, 'the numbers page');
  return count;
}

describe('the meldpunt over time', () => {
  it('emails the coordinator once when nobody triages a report in time, and flags it overdue in the queue', async () => {
    const reference = await report('Mijnheer Tijdtest', 'Ik zie hem al weken niet meer buiten komen.');
    expect(reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Two working days by default: weekends and Belgian public holidays do not count.
    const triageDue = addWorkingDays(server.now(), 2);
    await server.advanceClock(triageDue.getTime() - server.now().getTime() + HOUR);

    const subject = `Melding ${reference} wacht nog op een eerste blik`;
    const escalations = () => server.sink.accepted.filter((m) => m.subject === subject);
    await server.sink.waitFor(() => escalations().length > 0, `the escalation of ${reference}`);
    await new Promise((resolve) => setTimeout(resolve, A_FEW_POLLS_MS));
    expect(escalations()).toHaveLength(1);
    const [mail] = escalations();
    expect(mail?.to).toMatchObject({ text: expect.stringContaining(coordinator.email) });
    expect(mail?.text).toContain(`${server.url}/signals/`);
    // The contact deadline (five working days) has not passed: that step has not escalated.
    expect(
      server.sink.accepted.filter((m) =>
        m.subject?.includes(`${reference} wacht nog op een eerste contactpoging`),
      ),
    ).toEqual([]);

    const page = await coordinatorPage();
    await page.goto('/signals');
    const row = page
      .getByRole('grid', { name: 'Wachtrij van het meldpunt' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: reference }) });
    await row.getByText('Te laat').waitFor();
    await expectAccessible(page, 'the queue with an overdue signal');
    await screenshot(page, 'signals-time-overdue');
  });

  it('anonymises a closed signal once its retention has run out, while the numbers still count it', async () => {
    const page = await coordinatorPage();
    // One month instead of the default twelve: the numbers look back twelve months from
    // the day they are asked, so after twelve months the signal would have dropped out anyway.
    await page.goto('/signals/service-levels');
    await page.getByRole('heading', { level: 1, name: 'Termijnen van het meldpunt' }).waitFor();
    const retention = page.getByLabel('Gegevens bewaren na afsluiten (maanden)');
    await expect.poll(() => retention.inputValue()).toBe('12');
    await retention.fill('1');
    await page.getByRole('button', { name: 'Termijnen bewaren' }).click();
    await page.getByRole('status').getByText('De termijnen zijn bewaard.', { exact: false }).waitFor();
    await expectAccessible(page, 'the service levels page');

    const reference = await report('Mevrouw Bewaartermijn', 'Haar rolluiken blijven al dagen dicht.');
    await openFromQueue(page, reference);
    await expectAccessible(page, 'the new signal');
    const signalUrl = page.url();
    const next = page.getByRole('region', { name: 'Volgende stap' });
    await next.getByRole('button', { name: /Hoe loopt het af\?$/ }).click();
    await page.getByRole('option', { name: 'Geen reden tot zorg' }).click();
    await next.getByRole('button', { name: 'Melding afsluiten' }).click();
    await page.getByText('Afgesloten: Geen reden tot zorg').waitFor();
    await page.getByText('Mevrouw Bewaartermijn').waitFor();
    await expectAccessible(page, 'the closed signal');
    const counted = await closedAsNoConcern(page);
    expect(counted).toBeGreaterThanOrEqual(1);

    // Past the month, and past the daily run of the retention job (03:00 UTC).
    await server.advanceClock(35 * DAY);
    await new Promise((resolve) => setTimeout(resolve, A_FEW_POLLS_MS));

    const later = await coordinatorPage();
    await later.goto(signalUrl);
    await later.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    const person = later.getByRole('region', { name: 'De persoon' });
    await expect
      .poll(
        async () => {
          await later.reload();
          await later.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
          return person.getByRole('definition').first().textContent();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe('–');
    expect(await later.getByText('Mevrouw Bewaartermijn').count()).toBe(0);
    expect(await later.getByText('Haar rolluiken', { exact: false }).count()).toBe(0);
    await later.getByText('Afgesloten: Geen reden tot zorg').waitFor();
    await expectAccessible(later, 'the anonymised signal');
    await screenshot(later, 'signals-time-anonymised');

    expect(await closedAsNoConcern(later)).toBe(counted);
  });
});
