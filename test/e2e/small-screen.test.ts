import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const phone = { width: 375, height: 740 };
const coordinator = { email: 'coordinator@demo.verbonden.invalid', password: DEMO_PASSWORD };

/** True when nothing sticks out sideways, so the page never scrolls horizontally on a phone. */
function fitsTheWidth() {
  return document.documentElement.scrollWidth <= document.documentElement.clientWidth;
}

/** Logs the coordinator in (the role with the longest main menu) and waits for the home page. */
async function logInCoordinator(page: Page) {
  await page.goto('/login');
  await logIn(page, coordinator);
  await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Cato$/ }).waitFor();
}

/**
 * Sets "Grote tekst" on the profile page as a person would, and waits until the page follows.
 * The setting is saved on the account, so every test sets the size it needs.
 */
async function setLargeText(page: Page, on: boolean) {
  await page.goto('/account');
  const largeText = page.getByRole('switch', { name: 'Grote tekst' });
  // The input itself is visually hidden behind its track: a person presses the label.
  if ((await largeText.isChecked()) !== on) await page.getByText('Grote tekst', { exact: true }).click();
  expect(await largeText.isChecked()).toBe(on);
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await page.getByText('Je profiel is bewaard.').waitFor();
  await page.locator(on ? 'html.large-text' : 'html:not(.large-text)').waitFor({ state: 'attached' });
}

/** The top edges of the main menu's links: one value when the menu is on one row. */
function menuRows(page: Page) {
  return page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link')
    .evaluateAll((links) => [...new Set(links.map((l) => Math.round(l.getBoundingClientRect().top)))]);
}

describe('on a phone', () => {
  it('logs a volunteer in and shows the home page without sideways scrolling', async () => {
    const { page } = await suite.visitor(phone);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await expectAccessible(page, 'the login page on a phone');
    await screenshot(page, 'phone-login');

    await logIn(page, { email: 'vrijwilliger@demo.verbonden.invalid', password: DEMO_PASSWORD });
    await page.getByRole('heading', { level: 1, name: /^Goei(emorgen|emiddag|eavond), Victor$/ }).waitFor();
    await page.getByRole('heading', { name: 'Buurtwerking De Lindeboom (demo)' }).waitFor();
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await expectAccessible(page, 'the home page on a phone');
    await screenshot(page, 'phone-home');

    // The main menu folds behind a button on a narrow screen.
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn account' })
      .waitFor();
    await expectAccessible(page, 'the home page on a phone with the menu open');
    await screenshot(page, 'phone-home-menu');
  });

  it('explains a page that does not exist and offers the way back', async () => {
    const { page } = await suite.visitor(phone);
    await page.goto('/dit-bestaat-niet');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    expect(await page.title()).toBe('Deze pagina bestaat niet · Verbonden');
    await page.getByRole('link', { name: 'Naar het overzicht' }).waitFor();
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await expectAccessible(page, 'the 404 page on a phone');
    await screenshot(page, 'phone-404');
  });

  it('has an accessibility check that does fail on a serious problem', async () => {
    const { page } = await suite.visitor(phone);
    await page.goto('/dit-bestaat-niet');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }).waitFor();
    await page.evaluate(() => {
      const unlabelled = document.createElement('input');
      unlabelled.type = 'text';
      document.querySelector('main')?.append(unlabelled);
    });
    await expect(expectAccessible(page, 'a page with an unlabelled field')).rejects.toThrow(
      /\[critical\] label:/,
    );
  });
});

describe('the header at any width and text size', () => {
  it('never makes a page scroll sideways at 360 px with large text', async () => {
    const { page } = await suite.visitor({ width: 360, height: 740 });
    await logInCoordinator(page);
    await setLargeText(page, true);
    for (const [path, title] of [
      ['/', /^Goei(emorgen|emiddag|eavond), Cato$/],
      ['/clients', 'Cliënten'],
      ['/signals', 'Meldingen'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.evaluate(fitsTheWidth), `${path} fits 360 px`).toBe(true);
    }
    await screenshot(page, 'phone-large-text-signals');

    // Opened, the menu (with the account and the three languages) still fits the width.
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Meldingen' }).getAttribute('aria-current')).toBe('page');
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await expectAccessible(page, 'the open menu at 360 px with large text');
    await screenshot(page, 'phone-large-text-menu');
  });

  it('shows the whole main menu at 1280 px, on two rows at most, and folds it behind Menu when it no longer fits', async () => {
    const { page } = await suite.visitor({ width: 1280, height: 800 });
    await logInCoordinator(page);
    await setLargeText(page, false);
    await page.goto('/clients');
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Cliënten' }).getAttribute('aria-current')).toBe('page');
    expect((await menuRows(page)).length).toBeLessThanOrEqual(2);
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    await screenshot(page, 'desktop-coordinator-menu');

    // Large text on a wide screen: the menu wraps onto a second row, nothing scrolls sideways.
    await setLargeText(page, true);
    await nav.getByRole('link', { name: 'Mijn account' }).waitFor();
    expect((await menuRows(page)).length).toBeLessThanOrEqual(2);
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await screenshot(page, 'desktop-large-text-menu');

    // A narrower window in large text folds it behind Menu; it comes back when there is room again.
    await page.setViewportSize({ width: 820, height: 800 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(await nav.count()).toBe(0);
    await menu.click();
    expect(await nav.getByRole('link', { name: 'Mijn account' }).getAttribute('aria-current')).toBe('page');
    expect(await page.evaluate(fitsTheWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await setLargeText(page, false);
    await nav.getByRole('link', { name: 'Cliënten' }).waitFor();
    expect(await menu.count()).toBe(0);
  });
});
