import { performance } from 'node:perf_hooks';
import { SECTORS, type Sector } from '../../src/contracts/networks.ts';
import { generateNetwork } from '../../src/modules/networks/networks.analysis.fixtures.ts';
import { analyseNetwork } from '../../src/modules/networks/networks.analysis.ts';
import { drawingLabels, ecogramSvg } from '../../src/modules/networks/networks.drawing.ts';
import { layoutEcogram, layoutGenogram } from '../../src/modules/networks/networks.layout.ts';
import { validateNetworkMap } from '../../src/modules/networks/networks.validate.ts';
import type { Bar, Scenario } from '../lib/report.ts';
import { percentile, renderTable, verdict } from '../lib/stats.ts';

const MEMBERS = 150;
/** Six generations of three children per couple: a genogram of 125 people. */
const GENERATIONS = 6;
const RUNS = 500;
const BAR_MS = 50;

const fine = (ms: number) => `${ms.toFixed(3)} ms`;

/** p50 and p95 of `runs` timed calls, after a warm-up that lets the JIT settle. */
function measure(runs: number, work: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 50; i++) work();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples[i] = performance.now() - started;
  }
  samples.sort();
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * What the server does with a network map on every save and every view:
 * validate it, analyse it and lay out both drawings, for a generated map of
 * 150 members with a six-generation genogram of 125 people. Pure functions in this
 * process, so the backend does not matter. Beside it, the cheapest loop that
 * still touches every member (counting members per sector).
 */
export const network: Scenario = async ({ backend }) => {
  const doc = generateNetwork(MEMBERS, 20260501, GENERATIONS);
  const labels = drawingLabels((key) => key);
  let sink = 0;

  const baseline = measure(RUNS, () => {
    const perSector: Record<Sector, number> = {
      family: 0,
      friends: 0,
      neighbours: 0,
      school_work_associations: 0,
      professionals: 0,
    };
    for (const m of doc.ecogram.members) perSector[m.sector]++;
    for (const s of SECTORS) sink += perSector[s];
  });
  const validate = measure(RUNS, () => (sink += validateNetworkMap(doc).length));
  const analyse = measure(RUNS, () => (sink += analyseNetwork(doc).findings.length));
  const ecogram = measure(RUNS, () => (sink += layoutEcogram(doc.ecogram).ties.length));
  const genogram = measure(RUNS, () => (sink += layoutGenogram(doc.genogram).childLines.length));
  const all = measure(RUNS, () => {
    sink += validateNetworkMap(doc).length;
    sink += analyseNetwork(doc).findings.length;
    sink += layoutEcogram(doc.ecogram).ties.length;
    sink += layoutGenogram(doc.genogram).childLines.length;
  });
  const layout = layoutEcogram(doc.ecogram);
  const svg = measure(Math.min(RUNS, 200), () => (sink += ecogramSvg(doc, layout, labels).length));

  const rows = [
    ['baseline: count members per sector', fine(baseline.p50), fine(baseline.p95)],
    ['validateNetworkMap', fine(validate.p50), fine(validate.p95)],
    ['analyseNetwork', fine(analyse.p50), fine(analyse.p95)],
    ['layoutEcogram', fine(ecogram.p50), fine(ecogram.p95)],
    ['layoutGenogram', fine(genogram.p50), fine(genogram.p95)],
    ['all four together', fine(all.p50), fine(all.p95)],
    ['  (not in the bar) ecogramSvg', fine(svg.p50), fine(svg.p95)],
  ];
  const title = `Network map of ${MEMBERS} members, ${doc.ecogram.ties.length} ties, ${doc.genogram.people.length} genogram people (${RUNS} runs, ${backend.label} unused)`;
  process.stdout.write(`${renderTable([title, 'p50', 'p95'], rows)}\n`);

  const bars: Bar[] = [
    {
      label: `validate + analyse + both layouts of ${MEMBERS} members under ${BAR_MS} ms (p95)`,
      met: all.p95 < BAR_MS,
      value: all.p95,
      limit: BAR_MS,
      detail: `p95 ${fine(all.p95)}, p50 ${fine(all.p50)}; baseline p50 ${fine(baseline.p50)}`,
    },
  ];
  for (const bar of bars) process.stdout.write(`${verdict(bar.label, bar.met, bar.detail)}\n`);
  return {
    scenario: 'network',
    backend: backend.kind,
    results: {
      members: MEMBERS,
      ties: doc.ecogram.ties.length,
      genogramPeople: doc.genogram.people.length,
      runs: RUNS,
      baseline,
      validate,
      analyse,
      layoutEcogram: ecogram,
      layoutGenogram: genogram,
      all,
      ecogramSvg: svg,
      // Keeps the work from being optimised away.
      checksum: sink,
    },
    bars,
  };
};
