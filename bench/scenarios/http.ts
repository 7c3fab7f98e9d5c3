import { type LoadResult, measureLoad } from '../lib/load.ts';
import type { Bar, Scenario, Settings } from '../lib/report.ts';
import { formatPercent, formatRate, renderTable, verdict } from '../lib/stats.ts';
import { loginCookie, type RunningServer, startHelloWorld, startVerbonden } from '../lib/verbonden.ts';

const RATIO_BAR = 0.4;

interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : '—');
const failed = (r: LoadResult) => r.failures.errors + r.failures.timeouts + r.failures.non2xx;

function load(target: Target, settings: Settings) {
  return measureLoad({
    url: target.url,
    ...(target.headers ? { headers: target.headers } : {}),
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
    connections: settings.connections,
  });
}

/**
 * Requests/s and latency of /healthz and of authenticated JSON reads, beside a
 * bare Fastify hello-world measured in the same run. Targets are loaded one
 * after the other, never together, each server in its own process.
 */
export const http: Scenario = async ({ settings, workDir, backend }) => {
  const measured: { key: string; label: string; result: LoadResult }[] = [];
  const print = () => {
    const base = measured[0]?.result.requestsPerSecond ?? Number.NaN;
    const rows = measured.map(({ label, result: r }) => [
      label,
      formatRate(r.requestsPerSecond),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p99),
      formatPercent(r.requestsPerSecond / base),
      String(failed(r)),
    ]);
    const title = `HTTP, ${backend.label}, ${settings.connections} connections, ${settings.seconds} s each`;
    process.stdout.write(`${renderTable([title, 'req/s', 'p50', 'p99', 'of hello', 'failed'], rows)}\n`);
  };

  const servers: RunningServer[] = [];
  try {
    const hello = await startHelloWorld(workDir);
    servers.push(hello);
    const helloTarget = { label: 'baseline: bare Fastify hello-world, GET /', url: `${hello.baseUrl}/` };
    measured.push({ key: 'helloWorld', ...helloTarget, result: await load(helloTarget, settings) });

    const app = await startVerbonden(await backend.fresh(), {
      workDir,
      name: `http-${backend.kind}`,
      logLevel: settings.logLevel,
    });
    servers.push(app);
    const cookie = await loginCookie(app.baseUrl);
    const targets: Record<string, Target> = {
      healthz: { label: 'GET /healthz (select 1)', url: `${app.baseUrl}/healthz` },
      // No cookie: the same route and plugins without a database query, to tell framework cost from database cost.
      anonymous: { label: 'GET /api/session, anonymous (no query)', url: `${app.baseUrl}/api/session` },
      session: {
        label: 'GET /api/session, logged in',
        url: `${app.baseUrl}/api/session`,
        headers: { cookie },
      },
      account: {
        label: 'GET /api/account, logged in',
        url: `${app.baseUrl}/api/account`,
        headers: { cookie },
      },
    };
    for (const [key, target] of Object.entries(targets))
      measured.push({ key, label: target.label, result: await load(target, settings) });
  } catch (error) {
    print();
    throw error;
  } finally {
    for (const server of servers.reverse()) await server.child.stop();
  }
  print();

  const results = Object.fromEntries(measured.map((m) => [m.key, m.result]));
  const base = results.helloWorld as LoadResult;
  const account = results.account as LoadResult;
  const ratio = account.requestsPerSecond / base.requestsPerSecond;
  const failures = measured.reduce((n, m) => n + failed(m.result), 0);
  const bars: Bar[] = [
    {
      label: 'authenticated JSON read >= 40% of hello-world req/s',
      met: ratio >= RATIO_BAR && failures === 0,
      value: ratio,
      limit: RATIO_BAR,
      detail:
        `GET /api/account ${formatRate(account.requestsPerSecond)} req/s = ${formatPercent(ratio)} ` +
        `of ${formatRate(base.requestsPerSecond)}` +
        (failures > 0 ? `; ${failures} failed requests make the figures suspect` : ''),
    },
  ];
  for (const bar of bars) process.stdout.write(`${verdict(bar.label, bar.met, bar.detail)}\n`);
  return { scenario: 'http', backend: backend.kind, results, bars };
};
