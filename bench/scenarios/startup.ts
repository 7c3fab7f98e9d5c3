import { fileURLToPath } from 'node:url';
import type { Store } from '../lib/backends.ts';
import { cleanEnv, runNode } from '../lib/processes.ts';
import type { Bar, Scenario } from '../lib/report.ts';
import { formatMs, formatSpread, renderTable, type Spread, spread, verdict } from '../lib/stats.ts';
import { startVerbonden } from '../lib/verbonden.ts';

const COLD_BAR_MS = 8_000;
const WARM_BAR_MS = 1_500;
const dbOpen = fileURLToPath(new URL('../children/db-open.ts', import.meta.url));

const pgliteLabels = [
  ['coldStart', 'Verbonden cold start: spawn → /healthz 200, new folder'],
  ['baselineNewSpawnToExit', '  baseline: node + PGlite.create() on a new folder, spawn → exit'],
  ['baselineNewInProcess', '  baseline: PGlite.create() on a new folder (initdb), in process'],
  ['warmStart', 'Verbonden warm start: spawn → /healthz 200, same folder'],
  ['baselineReopenSpawnToExit', '  baseline: node + PGlite.create() reopening a folder, spawn → exit'],
  ['baselineReopenInProcess', '  baseline: PGlite.create() reopening a folder, in process'],
] as const;

const postgresLabels = [
  ['coldStart', 'Verbonden cold start: spawn → /healthz 200, new database'],
  ['baselineCreateDatabase', '  baseline: CREATE DATABASE on the server'],
  ['baselineNewSpawnToExit', '  baseline: node + connect to a new database + select 1, spawn → exit'],
  ['warmStart', 'Verbonden warm start: spawn → /healthz 200, same database'],
  ['baselineReopenSpawnToExit', '  baseline: node + connect to that database + select 1, spawn → exit'],
  ['baselineReopenInProcess', '  baseline: connect + select 1, in process'],
] as const;

/** The database alone in a fresh node process: time inside the process and from spawn to exit. */
async function openBaseline(kind: string, target: string) {
  const { ms, stdout } = await runNode(['--import', 'tsx', dbOpen, kind, target], cleanEnv({}));
  return { inProcessMs: (JSON.parse(stdout) as { openMs: number }).openMs, spawnToExitMs: ms };
}

/**
 * Cold start (new database: migrations, gazetteer, demo region) and warm start
 * (the same database again), from spawn until /healthz answers 200, beside the
 * database opening on its own.
 */
export const startup: Scenario = async ({ settings, workDir, backend }) => {
  // Baselines first: they are printed even when the server cannot start.
  const newOpen: { inProcessMs: number; spawnToExitMs: number }[] = [];
  const reopen: typeof newOpen = [];
  const createMs: number[] = [];
  let target = '';
  for (let i = 0; i < settings.reps; i++) {
    const fresh = await backend.fresh();
    if (fresh.createMs !== undefined) createMs.push(fresh.createMs);
    target = fresh.target;
    newOpen.push(await openBaseline(backend.kind, target));
  }
  for (let i = 0; i < settings.reps; i++) reopen.push(await openBaseline(backend.kind, target));
  const figures: Record<string, Spread> = {
    baselineNewSpawnToExit: spread(newOpen.map((o) => o.spawnToExitMs)),
    baselineNewInProcess: spread(newOpen.map((o) => o.inProcessMs)),
    baselineReopenSpawnToExit: spread(reopen.map((o) => o.spawnToExitMs)),
    baselineReopenInProcess: spread(reopen.map((o) => o.inProcessMs)),
  };
  if (createMs.length > 0) figures.baselineCreateDatabase = spread(createMs);

  const print = () => {
    const labels = backend.kind === 'pglite' ? pgliteLabels : postgresLabels;
    const rows = labels.flatMap(([key, label]) => {
      const s = figures[key];
      return s ? [[label, formatMs(s.median), formatMs(s.min), formatMs(s.max)]] : [];
    });
    const title = `Start-up, ${backend.label}, ${settings.reps} reps`;
    process.stdout.write(`${renderTable([title, 'median', 'min', 'max'], rows)}\n`);
  };

  const run = async (store: Store, name: string) => {
    const server = await startVerbonden(store, { workDir, name, logLevel: settings.logLevel });
    await server.child.stop();
    return server.readyMs;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    let store: Store | undefined;
    for (let i = 1; i <= settings.reps; i++) {
      store = await backend.fresh();
      cold.push(await run(store, `startup-${backend.kind}-cold-${i}`));
    }
    // Warm start reopens the database the last cold start made.
    for (let i = 1; i <= settings.reps && store; i++)
      warm.push(await run(store, `startup-${backend.kind}-warm-${i}`));
  } catch (error) {
    print();
    throw error;
  }
  const coldStart = spread(cold);
  const warmStart = spread(warm);
  figures.coldStart = coldStart;
  figures.warmStart = warmStart;
  print();

  const bars: Bar[] = [
    {
      label: 'cold start < 8 s',
      met: coldStart.median < COLD_BAR_MS,
      value: coldStart.median,
      limit: COLD_BAR_MS,
      detail: `median ${formatSpread(coldStart)}`,
    },
    {
      label: 'warm start < 1.5 s',
      met: warmStart.median < WARM_BAR_MS,
      value: warmStart.median,
      limit: WARM_BAR_MS,
      detail: `median ${formatSpread(warmStart)}`,
    },
  ];
  for (const bar of bars) process.stdout.write(`${verdict(bar.label, bar.met, bar.detail)}\n`);
  return { scenario: 'startup', backend: backend.kind, results: figures, bars };
};
