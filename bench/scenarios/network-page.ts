import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { NetworkMapDocument } from '../../src/contracts/networks.ts';
import type { Scenario } from '../lib/report.ts';
import { renderTable } from '../lib/stats.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, type RunningServer, startVerbonden } from '../lib/verbonden.ts';

const MEMBERS = 150;
const READY = '[data-network-ready]';
const root = new URL('../../', import.meta.url).pathname;

/** The server serves dist/web: build it when it is missing or older than the web sources. */
function ensureWebBuilt() {
  const newest = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
  };
  const index = join(root, 'dist/web/index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changedAt = Math.max(
    ...['src/web', 'src/contracts', 'src/locales'].map((s) => newest(join(root, s))),
  );
  if (builtAt > changedAt) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
}

interface Session {
  cookie: string;
  csrf: string;
  organisationId: string;
}

async function login(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string; memberships?: { organisationId: string }[] };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => /^(__Host-)?vb_session=./.test(c));
  const organisationId = body.memberships?.[0]?.organisationId;
  if (res.status !== 200 || !cookie || !body.csrfToken || !organisationId)
    throw new Error(`login as ${DEMO_EMAIL} answered ${res.status}: ${JSON.stringify(body)}`);
  return { cookie, csrf: body.csrfToken, organisationId };
}

async function api(baseUrl: string, session: Session, method: string, path: string, body: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** 150 members over every sector and ring, each tied to the person, some to each other. */
export function benchMap(members = MEMBERS): NetworkMapDocument {
  const sectors = ['family', 'friends', 'neighbours', 'school_work_associations', 'professionals'] as const;
  const ids = Array.from({ length: members }, (_, i) => `m${i}`);
  return {
    ecogram: {
      members: ids.map((id, i) => ({
        id,
        label: `Persoon ${i + 1}`,
        relation: i % 4 === 0 ? 'buur' : undefined,
        sector: sectors[i % sectors.length] as (typeof sectors)[number],
        ring: ((i % 3) + 1) as 1 | 2 | 3,
        formal: i % 9 === 0,
      })),
      ties: ids.map((id, i) => ({
        id: `t${i}`,
        from: i % 5 === 4 ? `m${i - 1}` : 'client',
        to: id,
        frequency: (['daily', 'weekly', 'monthly', 'few_times_a_year', 'rarely'] as const)[i % 5] ?? 'weekly',
        modes: ['visit'],
        supportGiven: i % 3 === 0 ? ['company'] : [],
        supportReceived: i % 2 === 0 ? ['emotional', 'practical'] : ['company'],
        quality: (['positive', 'mixed', 'strained'] as const)[i % 3] ?? 'positive',
        load: i % 11 === 0 ? 'overloaded' : 'ok',
        wish: 'keep',
      })),
    },
    genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
    strengths: { cards: [{ cardId: 'gardening', rank: 1 }] },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Opens the page in a fresh browser context and answers ms from navigation start until the map says it is ready. */
async function timeToReady(browser: Browser, baseUrl: string, cookie: string, path: string): Promise<number> {
  const [name = '', value = ''] = cookie.split('=');
  const context = await browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  await context.addCookies([{ name, value, url: baseUrl }]);
  // Stamp the moment the marker appears, in the page itself: no round trip in the figure.
  await context.addInitScript((selector: string) => {
    const w = window as unknown as { __readyAt?: number };
    const observer = new MutationObserver(() => {
      if (w.__readyAt === undefined && document.querySelector(selector)) {
        w.__readyAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, READY);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
    await page.waitForSelector(READY, { timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  } finally {
    await context.close();
  }
}

/**
 * Time to interactive of a client's network page in headless Chromium: a map
 * of 150 members beside an empty map, measured in the same run, on the built
 * server and web app. "Interactive" is when the page puts `data-network-ready`
 * on the map (its editors are then usable); each visit starts with a cold
 * browser context.
 */
export const networkPage: Scenario = async ({ settings, workDir, backend }) => {
  ensureWebBuilt();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startVerbonden(await backend.fresh(), {
      workDir,
      name: `network-page-${backend.kind}`,
      logLevel: settings.logLevel,
    });
    const { baseUrl } = server;
    const session = await login(baseUrl);
    const newClient = async (givenName: string) =>
      (
        await api(baseUrl, session, 'POST', '/api/clients', {
          organisationId: session.organisationId,
          givenName,
          familyName: 'Bench',
          postcode: '8000',
          consent: { method: 'in_person' },
        })
      ).id as string;
    const empty = await newClient('Leeg');
    const full = await newClient('Groot');
    await api(baseUrl, session, 'PUT', `/api/clients/${full}/network`, { document: benchMap(), version: 0 });

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const targets = [
      { key: 'empty', label: 'baseline: empty map', path: `/clients/${empty}/network` },
      { key: 'members150', label: `${MEMBERS} members`, path: `/clients/${full}/network` },
    ];
    // One visit each first, thrown away: the first load also warms the server's caches.
    for (const t of targets) await timeToReady(browser, baseUrl, session.cookie, t.path);
    const samples: Record<string, number[]> = { empty: [], members150: [] };
    for (let i = 0; i < settings.reps; i++)
      for (const t of targets)
        samples[t.key]?.push(await timeToReady(browser, baseUrl, session.cookie, t.path));

    const base = median(samples.empty ?? []);
    const rows = targets.map((t) => {
      const xs = samples[t.key] ?? [];
      return [
        t.label,
        `${median(xs).toFixed(0)} ms`,
        `${Math.min(...xs).toFixed(0)} ms`,
        `${Math.max(...xs).toFixed(0)} ms`,
        `${(median(xs) / base).toFixed(2)}×`,
      ];
    });
    const title = `Network page, time to interactive, ${backend.label}, ${settings.reps} visits each`;
    process.stdout.write(`${renderTable([title, 'median', 'min', 'max', 'of empty'], rows)}\n`);
    return {
      scenario: 'network-page',
      backend: backend.kind,
      results: Object.fromEntries(
        targets.map((t) => {
          const xs = samples[t.key] ?? [];
          return [
            t.key,
            { medianMs: median(xs), minMs: Math.min(...xs), maxMs: Math.max(...xs), samples: xs },
          ];
        }),
      ),
      // The issue asks for the figure beside the empty page, not for a limit.
      bars: [],
    };
  } finally {
    await browser?.close();
    await server?.child.stop();
  }
};
