import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot } from './harness/browser.ts';
import { e2eSuite } from './harness/suite.ts';

const suite = e2eSuite();

describe('the finder map', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ]) {
    it(`shows every result of the page as a marker without loading anything from elsewhere (${viewport.width} px)`, async () => {
      const { page } = await suite.visitor(viewport);
      const origin = new URL(suite.server.url).origin;
      const elsewhere: string[] = [];
      const complaints: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.origin !== origin) elsewhere.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') complaints.push(message.text());
      });
      const answer = page.waitForResponse((r) => r.url().includes('/api/directory/search'));
      await page.goto('/vinden?q=koffie&near=8400');
      const { results } = (await (await answer).json()) as {
        results: { name: string; location: unknown }[];
      };
      const placed = results.filter((r) => r.location !== null);
      expect(placed.length).toBeGreaterThan(0);
      const markers = page.getByTestId('results-map').locator('.finder-marker');
      await markers.first().waitFor();
      // Results without a place (home visits, helplines) stay in the list only.
      expect(await markers.count()).toBe(placed.length);
      expect(await markers.first().getAttribute('title')).toBe(placed[0]?.name);
      await page
        .getByText('De rode punten op de kaart zijn de initiatieven uit de lijst.', { exact: false })
        .waitFor();
      await expectAccessible(page, `the finder map at ${viewport.width} px`);
      await screenshot(page, `finder-map-${viewport.width}`);
      expect(elsewhere).toEqual([]);
      expect(complaints).toEqual([]);
    });
  }
});
