import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newVisitor, screenshot, screenshotFolder } from './browser.ts';
import { type RunningServer, type StartOptions, startVerbonden } from './server.ts';

export interface E2eSuite {
  readonly server: RunningServer;
  /** A new, empty browser profile (no cookies): one person on one device. Closed after the test. */
  visitor(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One server, one SMTP sink and one browser for the test file. When a test fails, every
 * page it opened is screenshotted into the temp folder and the path is printed.
 */
export function e2eSuite(options: Pick<StartOptions, 'fresh'> = {}): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startVerbonden(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    const folder = screenshotFolder();
    // The screenshots along the way are for people reviewing the interface.
    if (folder) process.stdout.write(`e2e: screenshots in ${folder}\n`);
  });
  // afterEach sees the test's result already (onTestFailed would run after the pages are closed).
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const pages = contexts.flatMap((c) => c.pages());
      for (const [i, page] of pages.entries()) {
        const path = await screenshot(page, `failed-${task.name}-${i + 1}`).catch(() => null);
        if (path) process.stderr.write(`e2e: screenshot of ${page.url()} after the failure: ${path}\n`);
      }
      if (server) process.stderr.write(`e2e: server output so far:\n${server.output()}\n`);
    }
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  return {
    get server() {
      if (!server) throw new Error('the server is not running (did beforeAll fail?)');
      return server;
    },
    async visitor(viewport) {
      if (!browser || !server) throw new Error('the browser is not running (did beforeAll fail?)');
      const context = await newVisitor(browser, server.url, viewport);
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}
