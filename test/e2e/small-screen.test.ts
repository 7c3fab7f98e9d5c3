import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { DEMO_PASSWORD, logIn } from './harness/people.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();
const phone = { width: 375, height: 740 };

/** True when nothing sticks out sideways, so the page never scrolls horizontally on a phone. */
function fitsTheWidth() {
  return document.documentElement.scrollWidth <= document.documentElement.clientWidth;
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
