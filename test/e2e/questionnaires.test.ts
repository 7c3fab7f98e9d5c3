import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };
const orgAdmin = { email: 'beheerder@demo.verbonden.invalid', password: DEMO_PASSWORD };
const worker = {
  name: 'Wies Werker',
  email: 'wies.werker@example.org',
  password: 'wandelen langs de reien in juni',
};

const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 360, height: 800 };

/** The page as it is now, on a desktop and 360 px wide, then back to the desktop. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, name);
  await page.setViewportSize(NARROW);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize(DESKTOP);
}

/** A JSON call with the page's session (and its CSRF token on writes); throws unless it succeeds. */
function callApi(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    { method, path, body },
  );
}

/**
 * A worker in the coordinator's organisation (the demo's worker works elsewhere): the
 * organisation admin invites them by email and they accept the link, as in real life.
 */
async function inviteWorker(organisationId: string) {
  const { page } = await suite.visitor(DESKTOP);
  await page.goto('/login');
  await logIn(page, orgAdmin);
  await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Bram$/ }).waitFor();
  await callApi(page, 'POST', `/api/admin/organisations/${organisationId}/invitations`, {
    email: worker.email,
    name: worker.name,
    role: 'worker',
  });
  const { sink, url } = suite.server;
  const mail = () => sink.accepted.find((m) => JSON.stringify(m.to).includes(worker.email));
  await sink.waitFor(() => mail() !== undefined, `the invitation to ${worker.email}`, 60_000);
  const token = (mail()?.text ?? '').match(
    new RegExp(`${url.replace(/\./g, '\\.')}/invitation#([A-Za-z0-9_-]+)`),
  )?.[1];
  expect(token, 'an invitation link').toBeDefined();
  await callApi(page, 'POST', '/api/account/invitations/accept', { token, password: worker.password });
}

describe('own questionnaires', () => {
  it('lets a coordinator build one, a worker fill it in for a person, and the coordinator export the answers', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Vragenlijsten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Eigen vragenlijsten' }).waitFor();
    await page.getByText('Er zijn nog geen eigen vragenlijsten.').waitFor();
    await expectAccessible(page, 'the empty questionnaire list');
    await screenshots(page, 'questionnaires-empty');

    await page.getByRole('link', { name: 'Nieuwe vragenlijst maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe vragenlijst' }).waitFor();
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Buurtgevoel');
    await page
      .getByRole('textbox', { name: 'Inleiding', exact: true })
      .fill('Een paar vragen over je buurt.');
    const q1 = page.getByRole('group', { name: 'Vraag 1' });
    await q1.getByRole('textbox', { name: 'De vraag', exact: true }).fill('Hoe vaak spreek je een buur?');
    await q1.getByRole('textbox', { name: 'Antwoord 1', exact: true }).fill('Elke dag');
    await q1.getByRole('textbox', { name: 'Antwoord 2', exact: true }).fill('Elke week');
    await q1.getByRole('button', { name: 'Nog een antwoord toevoegen' }).click();
    await q1.getByRole('textbox', { name: 'Antwoord 3', exact: true }).fill('Bijna nooit');
    expect(await q1.getByRole('textbox', { name: 'Code van antwoord 3' }).inputValue()).toBe('bijna_nooit');

    await page.getByRole('button', { name: 'Nog een vraag toevoegen' }).click();
    const q2 = page.getByRole('group', { name: 'Vraag 2' });
    await q2.getByRole('textbox', { name: 'De vraag', exact: true }).fill('Hoeveel buren ken je bij naam?');
    await q2.getByText('Een getal', { exact: true }).click();
    await q2.getByRole('spinbutton', { name: 'Hoogste getal' }).fill('50');
    await page.getByRole('button', { name: 'Nog een vraag toevoegen' }).click();
    const q3 = page.getByRole('group', { name: 'Vraag 3' });
    await q3
      .getByRole('textbox', { name: 'De vraag', exact: true })
      .fill('Zou een buur je helpen als het nodig is?');
    await q3.getByText('Ja of nee', { exact: true }).click();
    await page.getByRole('button', { name: 'Nog een vraag toevoegen' }).click();
    const q4 = page.getByRole('group', { name: 'Vraag 4' });
    await q4
      .getByRole('textbox', { name: 'De vraag', exact: true })
      .fill('Wat zou je graag samen doen in de buurt?');
    await q4.getByText('Een kort antwoord in eigen woorden', { exact: true }).click();
    await q4.getByText('Deze vraag moet beantwoord worden').click();
    // A code used twice: the server names the field, nothing is stored.
    await q4.getByRole('textbox', { name: /^Code voor de export/ }).fill('vraag_1');
    await page.getByRole('button', { name: 'Vragenlijst bewaren' }).click();
    await q4.getByText('De code ‘vraag_1’ staat al bij een andere vraag.', { exact: false }).waitFor();
    await expectAccessible(page, 'the builder with an error');
    await screenshots(page, 'questionnaires-builder-error');
    await q4.getByRole('textbox', { name: /^Code voor de export/ }).fill('wens');
    await page.getByRole('button', { name: 'Vragenlijst bewaren' }).click();

    await page.getByRole('heading', { level: 1, name: 'Buurtgevoel' }).waitFor();
    await page.getByText('De vragenlijst is bewaard.', { exact: false }).waitFor();
    await page.getByText('Nog niemand vulde deze versie in.', { exact: false }).waitFor();
    await expectAccessible(page, 'the new questionnaire');
    await screenshots(page, 'questionnaires-saved');
    const questionnaireUrl = page.url();

    const session = (await callApi(page, 'GET', '/api/session')) as {
      memberships: { organisationId: string; role: string }[];
    };
    const organisationId = session.memberships.find((m) => m.role === 'coordinator')?.organisationId ?? '';
    await inviteWorker(organisationId);

    // The worker, with a person of their own organisation.
    const w = (await suite.visitor(DESKTOP)).page;
    await w.goto('/login');
    await logIn(w, worker);
    await w.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Wies$/ }).waitFor();
    const client = (await callApi(w, 'POST', '/api/clients', {
      organisationId,
      givenName: 'Rosa',
      familyName: 'Proef',
      postcode: '8000',
      consent: { method: 'in_person' },
    })) as { id: string };
    await w.goto(`/clients/${client.id}/measurements`);
    await w.getByRole('heading', { level: 1, name: 'Metingen van Rosa Proef' }).waitFor();
    const own = w.getByRole('region', { name: 'Eigen vragenlijsten — geen gevalideerde meting, geen score' });
    await own.getByText('Nog geen antwoorden op eigen vragenlijsten.').waitFor();
    await own.locator('summary', { hasText: 'Invullen: Buurtgevoel' }).click();
    await own.getByText('Een paar vragen over je buurt.').waitFor();
    await own.getByRole('button', { name: 'Antwoorden bewaren' }).click();
    await own.getByText('Deze vraag moet beantwoord worden.').first().waitFor();
    await expectAccessible(w, 'the fill-in form with errors');
    await screenshots(w, 'questionnaires-fill-errors');
    await own
      .getByRole('radiogroup', { name: '1. Hoe vaak spreek je een buur?' })
      .getByText('Elke week')
      .click();
    await own.getByRole('spinbutton', { name: '2. Hoeveel buren ken je bij naam?' }).fill('51');
    await own
      .getByRole('radiogroup', { name: '3. Zou een buur je helpen als het nodig is?' })
      .getByText('ja')
      .click();
    await own
      .getByRole('textbox', { name: '4. Wat zou je graag samen doen in de buurt?' })
      .fill('samen koken');
    await own.getByRole('button', { name: 'Antwoorden bewaren' }).click();
    await own.getByText('Vul een heel getal in van 0 tot en met 50.').waitFor();
    await own.getByRole('spinbutton', { name: '2. Hoeveel buren ken je bij naam?' }).fill('4');
    await own.getByRole('button', { name: 'Antwoorden bewaren' }).click();
    await w.getByText('De antwoorden op ‘Buurtgevoel’ zijn bewaard.').waitFor();
    const answers = own.getByRole('listitem').filter({ hasText: 'Buurtgevoel' });
    await answers.getByText('Elke week', { exact: true }).waitFor();
    await answers.getByText('samen koken', { exact: true }).waitFor();
    // Never a score: not on this section, and the validated list stays empty.
    expect(await own.getByText(/score \d/i).count()).toBe(0);
    await w
      .getByRole('region', { name: 'Metingen', exact: true })
      .getByText('Nog geen metingen.', { exact: false })
      .waitFor();
    await expectAccessible(w, 'the measurements page with own questionnaire answers');
    await screenshots(w, 'questionnaires-answered');

    // Back with the coordinator: answered, so a change is a new version; the answers as CSV.
    await page.goto(questionnaireUrl);
    await page.getByRole('heading', { level: 2, name: 'Nieuwe versie maken' }).waitFor();
    await page.getByText('1 keer ingevuld').waitFor();
    await expectAccessible(page, 'the answered questionnaire');
    await screenshots(page, 'questionnaires-answered-coordinator');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Antwoorden van versie 1 (CSV)' }).click(),
    ]);
    const rows = parse(readFileSync((await download.path()) ?? '', 'utf8')) as string[][];
    expect(rows[0]).toEqual([
      'response_id',
      'answered_on',
      'recorded_at',
      'vraag_1',
      'vraag_2',
      'vraag_3',
      'wens',
    ]);
    expect(rows.slice(1).map((r) => r.slice(3))).toEqual([['elke_week', '4', 'yes', 'samen koken']]);
    expect(readFileSync((await download.path()) ?? '', 'utf8')).not.toContain('Rosa');
  });
});
