import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Child, cleanEnv, freePort, startNode, waitForOk } from '../lib/processes.ts';
import type { Bar, Scenario } from '../lib/report.ts';
import { formatRate, percentile, renderTable, verdict } from '../lib/stats.ts';

const SUBMISSIONS = 500;

// Each submission from its own forwarded address: the per-address limit (10 an hour) is the
// point of that limit, not a figure of the intake.
const forwardedFor = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function startServer(env: Record<string, string>, workDir: string, name: string, logLevel: string) {
  const port = await freePort();
  const child = startNode(
    name,
    ['bin/verbonden.mjs', 'serve'],
    cleanEnv({
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: logLevel,
      VERBONDEN_DEMO: 'auto',
      TRUST_PROXY: 'true',
    }),
    join(workDir, `${name}.log`),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForOk(child, `${baseUrl}/healthz`);
  return { child, baseUrl };
}

/**
 * The meldpunt's public intake: 500 anonymous reports sent all at once (to one
 * server on PGlite, spread over two servers on one PostgreSQL database), then
 * every acknowledged reference looked up again.
 */
export const intake: Scenario = async ({ settings, workDir, backend }) => {
  const store = await backend.fresh();
  const children: Child[] = [];
  try {
    const first = await startServer(store.env, workDir, `intake-${backend.kind}-1`, settings.logLevel);
    children.push(first.child);
    const servers = [first.baseUrl];
    if (backend.kind === 'postgres') {
      const second = await startServer(store.env, workDir, `intake-${backend.kind}-2`, settings.logLevel);
      children.push(second.child);
      servers.push(second.baseUrl);
    }
    const latencies: number[] = [];
    const acknowledged: { reference: string; server: string }[] = [];
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SUBMISSIONS }, async (_, n) => {
        const server = servers[n % servers.length] as string;
        const t0 = performance.now();
        const res = await fetch(`${server}/api/signals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(n) },
          body: JSON.stringify({
            postcode: '8000',
            description: `Benchmelding ${n}: de buurman komt niet meer buiten.`,
            reporter: { anonymous: true },
            privacyNoticeAccepted: true,
          }),
        }).catch(() => null);
        latencies.push(performance.now() - t0);
        if (res?.status === 201)
          acknowledged.push({ ...((await res.json()) as { reference: string }), server });
        else refused += 1;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    let missing = 0;
    for (const [i, a] of acknowledged.entries()) {
      // Looked up on the other server where there are two: stored means stored for every instance.
      const other = servers[(servers.indexOf(a.server) + 1) % servers.length] as string;
      const res = await fetch(`${other}/api/signals/status/${a.reference}`, {
        headers: { 'x-forwarded-for': forwardedFor(SUBMISSIONS + i) },
      });
      if (res.status !== 200) missing += 1;
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const results = {
      submissions: SUBMISSIONS,
      servers: servers.length,
      acknowledged: acknowledged.length,
      refused,
      missing,
      acceptedPerSecond: acknowledged.length / seconds,
      latencyMs: {
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? Number.NaN,
      },
    };
    const title = `Intake, ${backend.label}, ${SUBMISSIONS} at once on ${servers.length} server(s)`;
    process.stdout.write(
      `${renderTable(
        [title, 'accepted/s', 'p50', 'p99', 'acknowledged', 'refused', 'missing'],
        [
          [
            'POST /api/signals',
            formatRate(results.acceptedPerSecond),
            `${results.latencyMs.p50.toFixed(0)} ms`,
            `${results.latencyMs.p99.toFixed(0)} ms`,
            String(results.acknowledged),
            String(refused),
            String(missing),
          ],
        ],
      )}\n`,
    );
    const bars: Bar[] = [
      {
        label: 'every acknowledged report is there afterwards',
        met: missing === 0 && acknowledged.length > 0,
        value: missing,
        limit: 0,
        detail: `${acknowledged.length} acknowledged, ${missing} missing, ${refused} not acknowledged`,
      },
    ];
    for (const bar of bars) process.stdout.write(`${verdict(bar.label, bar.met, bar.detail)}\n`);
    return { scenario: 'intake', backend: backend.kind, results, bars };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
};
