import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const worker = { email: 'hulpverlener@demo.verbonden.invalid', password: DEMO_PASSWORD };

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The page as it is now, on a desktop and on a 390 px phone, then back to the desktop. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
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

/**
 * Marks that the client started with one of the worker's own organisation's
 * initiatives (the one a demo client was already referred to), as the team
 * would after hearing the person went: a referral, sent, then started.
 */
async function startWithOwnInitiative(page: Page, clientId: string): Promise<string> {
  return page.evaluate(async (clientId) => {
    const session = await (await fetch('/api/session')).json();
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken };
    const membership = session.memberships.find((m: { role: string }) => m.role === 'worker');
    const list = await (
      await fetch(`/api/clients?organisationId=${membership.organisationId}&q=Amina`)
    ).json();
    const amina = await (await fetch(`/api/clients/${list.items[0].id}`)).json();
    const service = amina.referrals[0];
    const created = await fetch(`/api/clients/${clientId}/referrals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ serviceId: service.serviceId, status: 'sent' }),
    });
    if (!created.ok) throw new Error(`the referral failed: ${await created.text()}`);
    const { id } = await created.json();
    const started = await fetch(`/api/clients/${clientId}/referrals/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'started' }),
    });
    if (!started.ok) throw new Error(`starting the referral failed: ${await started.text()}`);
    return service.serviceName as string;
  }, clientId);
}

/** Answers the question on screen and moves on. */
async function answer(page: Page, progress: string, label: string, next = 'Volgende vraag') {
  await page.getByText(progress, { exact: true }).waitFor();
  // A tap on the answer's tile, as a person would (the radio itself is visually hidden inside it).
  await page.getByRole('radiogroup').getByText(label, { exact: true }).click();
  await page.getByRole('button', { name: next, exact: true }).click();
}

describe('loneliness measurements', () => {
  it('lets a worker measure in a conversation, and the person fill in a single-use link on a phone', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, worker);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();
    const clientId = await createClient(page, 'Marcel', 'Proef');

    await page.goto(`/clients/${clientId}/measurements`);
    await page.getByRole('heading', { level: 1, name: 'Metingen van Marcel Proef' }).waitFor();
    await page.getByText('Nog geen metingen.', { exact: false }).waitFor();
    await expectAccessible(page, 'the empty measurements page');
    await screenshots(page, 'measurements-empty');

    // A follow-up: the person starts with a buddy; the baseline is measured right away.
    const tracks = page.getByRole('region', { name: 'Opvolging' });
    await tracks.locator('summary', { hasText: 'Opvolging starten' }).click();
    await tracks.getByText('Een buddy', { exact: true }).click();
    await tracks.getByLabel('Opnieuw meten na (maanden)').fill('3, 0');
    await tracks.getByRole('button', { name: 'Start de opvolging' }).click();
    await tracks.getByText('Schrijf een of meer getallen van 1 tot 60', { exact: false }).first().waitFor();
    await expectAccessible(page, 'the follow-up form with an error');
    await tracks.getByLabel('Opnieuw meten na (maanden)').fill('3, 6, 12');
    await tracks.getByRole('button', { name: 'Start de opvolging' }).click();
    await tracks.getByText('De opvolging is gestart.', { exact: false }).waitFor();
    await tracks.getByText('Na 12 maanden', { exact: true }).waitFor();
    await expectAccessible(page, 'the measurements page with a follow-up');
    await screenshots(page, 'measurements-track');

    await tracks.getByRole('link', { name: 'Nu meten: Bij de start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meten in gesprek met Marcel Proef' }).waitFor();
    await page.getByText('Vragenlijst van deze opvolging: De Jong Gierveld', { exact: false }).waitFor();
    await page.getByText('Lees eerst deze inleiding voor:').waitFor();
    await expectAccessible(page, 'the interview set-up');
    await screenshots(page, 'measurements-interview-setup');

    await page.getByRole('button', { name: 'Beginnen met vraag 1' }).click();
    await page.getByText('Vraag 1 van 6', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ik ervaar een leegte om me heen.' }).waitFor();
    await expectAccessible(page, 'the first interview question');
    await screenshots(page, 'measurements-interview-question');
    await answer(page, 'Vraag 1 van 6', 'ja');
    // Skipped, then back to it: skipping leaves the question open, back shows it again.
    await page.getByText('Vraag 2 van 6', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sla over', exact: true }).click();
    await page.getByText('Vraag 3 van 6', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Vorige vraag' }).click();
    await answer(page, 'Vraag 2 van 6', 'ja');
    await page.getByText('Vraag 3 van 6', { exact: true }).waitFor();
    await page.getByRole('radiogroup').getByText('min of meer', { exact: true }).click();
    await expectAccessible(page, 'an answered interview question');
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await answer(page, 'Vraag 4 van 6', 'nee');
    await answer(page, 'Vraag 5 van 6', 'ja');
    await answer(page, 'Vraag 6 van 6', 'ja', 'Naar het overzicht');

    await page.getByRole('heading', { level: 2, name: 'Overzicht van de antwoorden' }).waitFor();
    await page.getByText('6 van de 6 vragen beantwoord.').waitFor();
    await expectAccessible(page, 'the interview summary');
    await screenshots(page, 'measurements-interview-summary');
    await page.getByRole('button', { name: 'Meting bewaren' }).click();
    await page.getByRole('heading', { level: 2, name: 'De meting is bewaard' }).waitFor();
    // 3, 4, 7, 9, 8, 10: ja (1), ja (0), min of meer (1), nee (0), ja (0), ja (1).
    await page
      .getByText('Score 3 van 6. Op deze schaal wijst dat op gevoelens van eenzaamheid', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the saved interview result');
    await screenshots(page, 'measurements-interview-result');

    await page.getByRole('link', { name: 'Naar alle metingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metingen van Marcel Proef' }).waitFor();
    await page.getByRole('link', { name: 'Link om zelf in te vullen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Link om zelf in te vullen voor Marcel Proef' })
      .waitFor();
    await expectAccessible(page, 'the self-fill link form');
    await screenshots(page, 'measurements-link-form');
    await page.getByRole('button', { name: 'Link maken' }).click();
    await page.getByRole('heading', { level: 2, name: 'De link is klaar' }).waitFor();
    await page.getByText('Deze link werkt één keer, tot', { exact: false }).waitFor();
    await page.getByRole('img', { name: 'QR-code met de link om zelf in te vullen' }).waitFor();
    const url = await page.getByLabel('Link', { exact: true }).inputValue();
    expect(url).toMatch(/\/invullen#[A-Za-z0-9_-]{20,}$/);
    await expectAccessible(page, 'the self-fill link with its QR code');
    await screenshots(page, 'measurements-link-ready');

    // The person, on their own phone, without an account.
    const phone = (await suite.visitor(PHONE)).page;
    await phone.goto(url);
    await phone.getByRole('heading', { level: 1, name: 'Hoe gaat het met je?' }).waitFor();
    await phone.getByText('We stellen je 6 korte vragen', { exact: false }).waitFor();
    expect(phone.url(), 'the token leaves the address bar').not.toContain('#');
    expect(await phone.getByText('Marcel').count(), 'nothing about the person').toBe(0);
    const bodySize = await phone
      .locator('.mq-self p')
      .first()
      .evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(24);
    await expectAccessible(phone, 'the self-fill start');
    await screenshot(phone, 'measurements-self-start');

    await phone.getByRole('button', { name: 'Beginnen' }).click();
    await phone.getByText('Vraag 1 van 6', { exact: true }).waitFor();
    await expectAccessible(phone, 'a self-fill question');
    await screenshot(phone, 'measurements-self-question');
    // With the keyboard: the first answer, then Space to choose it.
    await phone.getByRole('radio', { name: 'nee', exact: true }).focus();
    await phone.keyboard.press('Space');
    expect(await phone.getByRole('radio', { name: 'nee', exact: true }).isChecked()).toBe(true);
    await screenshot(phone, 'measurements-self-answered');
    await phone.getByRole('button', { name: 'Volgende vraag' }).click();
    await answer(phone, 'Vraag 2 van 6', 'ja');
    await answer(phone, 'Vraag 3 van 6', 'ja');
    await answer(phone, 'Vraag 4 van 6', 'nee');
    await phone.getByText('Vraag 5 van 6', { exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Sla over' }).click();
    await answer(phone, 'Vraag 6 van 6', 'nee', 'Verder');
    await phone.getByRole('heading', { level: 2, name: 'Klaar om te versturen?' }).waitFor();
    await phone.getByText('Je liet 1 vraag open. Dat mag.').waitFor();
    await expectAccessible(phone, 'the self-fill send step');
    await screenshot(phone, 'measurements-self-send');
    await phone.getByRole('button', { name: 'Versturen' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();
    await phone.getByText('Je antwoorden zijn goed aangekomen.').waitFor();
    await expectAccessible(phone, 'the self-fill thanks');
    await screenshot(phone, 'measurements-self-done');

    await phone.goto(url);
    await phone.getByRole('heading', { level: 1, name: 'Deze link is al gebruikt' }).waitFor();
    await expectAccessible(phone, 'a used self-fill link');
    await screenshot(phone, 'measurements-self-used');
    await phone.goto('/invullen#dit-is-geen-bestaande-link-1234567890');
    await phone.getByRole('heading', { level: 1, name: 'Deze link kennen we niet' }).waitFor();
    await expectAccessible(phone, 'an unknown self-fill link');
    await phone.goto('/invullen');
    await phone.getByRole('heading', { level: 1, name: 'Hier vul je een vragenlijst in' }).waitFor();
    await expectAccessible(phone, 'the self-fill page without a link');

    // Back with the worker: both measurements, each with its meaning in plain words.
    await page.goto(`/clients/${clientId}/measurements`);
    const list = page.getByRole('region', { name: 'Metingen', exact: true });
    await list.getByText('In gesprek · Hanne Hulp', { exact: false }).waitFor();
    await list.getByText('Zelf ingevuld · door de persoon zelf').waitFor();
    // 3, 4, 7, 9, (8 open), 10: nee (0), ja (0), ja (0), nee (0), nee (0): one item missing, total 0.
    await list.getByText('Score 0 van 6. Op deze schaal wijst dat niet op eenzaamheid.').waitFor();
    await list.getByText('Eén vraag bleef open (vraag 8).', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Opvolging' }).getByText('gemeten op', { exact: false }).waitFor();
    await expectAccessible(page, 'the measurements page with both measurements');
    await screenshots(page, 'measurements-list');
  });

  it('takes a paper questionnaire over, with the day it was filled in', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, worker);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();
    const clientId = await createClient(page, 'Rosa', 'Papier');
    await page.goto(`/clients/${clientId}/measurements`);
    await page.getByRole('link', { name: 'Papieren vragenlijst invoeren' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Papieren vragenlijst van Rosa Papier invoeren' })
      .waitFor();
    const choice = page.getByRole('radiogroup', { name: 'Welke vragenlijst?' });
    // No validated Dutch wording of the UCLA scale exists: the page says so instead of inventing one.
    await choice.getByText('UCLA', { exact: false }).click();
    await page
      .getByText('Van deze vragenlijst bestaat nog geen geteste Nederlandse versie.', { exact: false })
      .waitFor();
    await page
      .getByRole('radiogroup', { name: /^1\. How often do you feel that you lack companionship\?/ })
      .waitFor();
    await expectAccessible(page, 'the paper form with a wording notice');
    await choice.getByText('Rechtstreekse vraag naar eenzaamheid (ONS)').click();
    const question = page.getByRole('radiogroup', { name: /^1\. Hoe vaak voelt u zich eenzaam\?/ });
    await question.getByText('soms', { exact: true }).click();
    await page.getByLabel('Wanneer vulde de persoon het papier in?').fill('2026-01-15');
    await expectAccessible(page, 'the paper form');
    await screenshots(page, 'measurements-paper');
    await page.getByRole('button', { name: 'Meting bewaren' }).click();
    await page.getByRole('heading', { level: 2, name: 'De meting is bewaard' }).waitFor();
    await page.getByText('Het antwoord wijst niet op eenzaamheid die blijft duren.').waitFor();
    await page.getByRole('link', { name: 'Naar alle metingen' }).click();
    await page.getByText('Op papier · Hanne Hulp', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 3, name: '15 januari 2026' }).waitFor();
  });
  it('proposes a follow-up when the person started with an initiative, filled in for it', async () => {
    const { page } = await suite.visitor(DESKTOP);
    await page.goto('/login');
    await logIn(page, worker);
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Hanne$/ }).waitFor();
    const clientId = await createClient(page, 'Lode', 'Start');
    const serviceName = await startWithOwnInitiative(page, clientId);
    await page.goto(`/clients/${clientId}/measurements`);
    const tracks = page.getByRole('region', { name: 'Opvolging' });
    await tracks.getByText('Gestart, maar nog zonder opvolging').waitFor();
    await tracks.getByText(`${serviceName}, gestart op`, { exact: false }).waitFor();
    await expectAccessible(page, 'a started initiative without follow-up');
    await screenshots(page, 'measurements-waiting');
    await tracks.getByRole('button', { name: 'Opvolging plannen' }).click();
    await tracks.getByText(`Initiatief: ${serviceName}`, { exact: true }).waitFor();
    await expectAccessible(page, 'the follow-up form filled in for the initiative');
    await screenshots(page, 'measurements-waiting-form');
    await tracks.getByRole('button', { name: 'Start de opvolging' }).click();
    await tracks.getByText('De opvolging is gestart.', { exact: false }).waitFor();
    await tracks
      .getByRole('heading', { level: 3, name: new RegExp(`^Initiatief: ${serviceName}`) })
      .waitFor();
    expect(await tracks.getByText('Gestart, maar nog zonder opvolging').count()).toBe(0);
  });
});
