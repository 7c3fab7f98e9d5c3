import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium (CI sets CHROMIUM_PATH); never a browser downloaded by Playwright. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile of a Flemish user: Dutch (Belgium), Brussels time. */
export async function newVisitor(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
  // Every step here answers in well under a second; waiting longer only delays the failure report.
  context.setDefaultTimeout(15_000);
  return context;
}

let screenshotDir: string | undefined;

/** Saves a full-page screenshot into this test file's temp folder and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  screenshotDir ??= mkdtempSync(join(tmpdir(), 'vb-e2e-shots-'));
  const path = join(screenshotDir, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The folder the screenshots of this test file went to, if any were taken. */
export function screenshotFolder(): string | undefined {
  return screenshotDir;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Runs axe-core on the page as it is now and throws when it finds a violation with impact
 * serious or critical, listing rule, elements and help.
 *
 * Why evaluate and not addScriptTag: the app's CSP is script-src 'self', which blocks the
 * inline <script> that addScriptTag({ content }) inserts, and bypassCSP would test the page
 * without the very policy it ships with. page.evaluate runs through the DevTools protocol,
 * which CSP does not govern, so axe lands in the page while the page keeps its real CSP.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: object, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    // React Aria's live announcer (visually hidden) keeps an announcement for 7 s, e.g. a pending
    // button's <div role="img" aria-labelledby=…>, whose label is gone once the page has changed.
    // Screen readers read it when it is added, so the stale reference is not a barrier.
    const result = await axe.run({ exclude: [['[data-live-announcer]']] }, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 200)}`).join('\n    ')}`,
  );
  throw new Error(`Accessibility problems on ${what} (${page.url()}):\n${lines.join('\n')}`);
}
