// `npm run bench [-- startup http] [--seconds=5] [--reps=3] ...`: runs the named
// scenarios (all by default) on PGlite, and on PostgreSQL too when
// BENCH_DATABASE_URL is set. Bars are reported, never enforced: the exit code
// is non-zero only when the bench itself could not measure.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Backend, pgliteBackend, postgresBackend } from './lib/backends.ts';
import type { Bar, Scenario, ScenarioReport, Settings } from './lib/report.ts';
import { verdict } from './lib/stats.ts';
import { type DirectoryOptions, directory } from './scenarios/directory.ts';
import { http } from './scenarios/http.ts';
import { intake } from './scenarios/intake.ts';
import { network } from './scenarios/network.ts';
import { scoring } from './scenarios/scoring.ts';
import { startup } from './scenarios/startup.ts';

const scenarios: Record<string, Scenario> = {
  startup,
  http,
  scoring,
  intake,
  network,
  directory: (ctx) => directory(ctx, directoryOptions),
  'network-page': (ctx) => import('./scenarios/network-page.ts').then((m) => m.networkPage(ctx)),
  insights: (ctx) => import('./scenarios/insights.ts').then((m) => m.insights(ctx)),
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    reps: { type: 'string', default: '5' },
    initiatives: { type: 'string', default: '100000' },
    'import-initiatives': { type: 'string', default: '20000' },
    'query-seconds': { type: 'string', default: '300' },
    'log-level': { type: 'string', default: 'info' },
    keep: { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'usage: npm run bench -- [startup|http|scoring|intake|network|network-page|directory|insights] [--seconds=8] [--warmup=2]\n' +
      '                        [--connections=10] [--reps=5] [--log-level=info] [--keep] [--postgres-only]\n' +
      '                        [--initiatives=100000] [--import-initiatives=20000] [--query-seconds=300]\n' +
      'BENCH_DATABASE_URL=postgres://… also runs every scenario on fresh databases on that server\n' +
      '(--postgres-only: there alone). --keep keeps the data folders and those databases.\n',
  );
  process.exit(0);
}

const unknown = positionals.filter((name) => !(name in scenarios));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown scenario: ${unknown.join(', ')} (known: ${Object.keys(scenarios).join(', ')})\n`,
  );
  process.exit(2);
}

function positive(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`--${name} must be a number >= ${min}\n`);
    process.exit(2);
  }
  return n;
}

const settings: Settings = {
  seconds: positive('seconds', values.seconds, 1),
  warmupSeconds: positive('warmup', values.warmup, 0),
  connections: positive('connections', values.connections, 1),
  reps: positive('reps', values.reps, 1),
  logLevel: values['log-level'] ?? 'info',
};
const directoryOptions: DirectoryOptions = {
  initiatives: positive('initiatives', values.initiatives, 100),
  importInitiatives: positive('import-initiatives', values['import-initiatives'], 4),
  querySeconds: positive('query-seconds', values['query-seconds'], 1),
};
const names = positionals.length > 0 ? positionals : Object.keys(scenarios);
const workDir = mkdtempSync(join(tmpdir(), 'verbonden-bench-'));
const adminUrl = process.env.BENCH_DATABASE_URL;
if (values['postgres-only'] && !adminUrl) {
  process.stderr.write('--postgres-only needs BENCH_DATABASE_URL\n');
  process.exit(2);
}
const backends: Backend[] = values['postgres-only'] ? [] : [pgliteBackend(workDir)];
if (adminUrl) backends.push(postgresBackend(adminUrl));

// Measure what `npm start` runs: the server bundle, built from the sources as they are now.
const build = spawnSync('npm', ['run', '-s', 'build:server'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build:server failed');

const startedAt = new Date();
const machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
process.stdout.write(
  `Verbonden bench: ${names.join(', ')} on ${backends.map((b) => b.label).join(' and ')}\n` +
    `node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverageAtStart.join(' ')}` +
    ' (others on this machine skew the figures: compare rows of one run, not runs)\n' +
    `settings: ${JSON.stringify(settings)}\n`,
);

const reports: ScenarioReport[] = [];
const failures: { scenario: string; backend: string; error: string }[] = [];
for (const name of names) {
  for (const backend of backends) {
    process.stdout.write('\n');
    try {
      reports.push(await (scenarios[name] as Scenario)({ settings, workDir, backend }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ scenario: name, backend: backend.kind, error: message });
      process.stdout.write(`${name} on ${backend.label} could not be measured:\n${message}\n`);
    }
  }
}
for (const backend of values.keep ? [] : backends) {
  await backend.cleanup().catch((error: unknown) => {
    process.stdout.write(`could not drop the bench databases: ${String(error)}\n`);
  });
}

const bars: (Bar & { scenario: string; backend: string })[] = reports.flatMap((r) =>
  r.bars.map((b) => ({ ...b, scenario: r.scenario, backend: r.backend })),
);
process.stdout.write('\nBars (reported, not enforced):\n');
for (const bar of bars)
  process.stdout.write(`${verdict(`${bar.backend}: ${bar.label}`, bar.met, bar.detail)}\n`);
for (const f of failures) process.stdout.write(`  ? not measured  ${f.backend}: ${f.scenario}\n`);

const resultsDir = join(tmpdir(), 'verbonden-bench');
mkdirSync(resultsDir, { recursive: true });
const resultsPath = join(resultsDir, 'latest.json');
const summary = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
  settings,
  scenarios: reports,
  bars,
  failures,
};
writeFileSync(resultsPath, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`\nJSON summary: ${resultsPath}\n`);

if (failures.length > 0 || values.keep) process.stdout.write(`Logs and data folders kept in ${workDir}\n`);
else rmSync(workDir, { recursive: true, force: true });
process.exit(failures.length > 0 ? 1 : 0);
