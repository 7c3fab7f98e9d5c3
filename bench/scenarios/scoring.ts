import { performance } from 'node:perf_hooks';
import { INSTRUMENTS } from '../../src/modules/measurements/instruments/index.ts';
import type {
  InstrumentDefinition,
  InstrumentId,
} from '../../src/modules/measurements/instruments/instrument.ts';
import { acceptedCodes, checkAnswers, score } from '../../src/modules/measurements/measurements.models.ts';
import { seededRandom } from '../../src/platform/random.ts';
import type { Scenario } from '../lib/report.ts';
import { formatMs, formatRate, median, renderTable } from '../lib/stats.ts';

const RESPONSES = 1_000_000;
/** Share of items left open, so the missing-answer rules are exercised too. */
const MISSING = 0.03;

type Raw = Record<string, string | null>;

/** Responses as the API receives them, spread evenly over the four instruments. */
function generate(count: number) {
  const random = seededRandom(20261129);
  const definitions = Object.values(INSTRUMENTS);
  return Array.from({ length: count }, (_, n) => {
    const definition = definitions[n % definitions.length] as InstrumentDefinition;
    const codes = acceptedCodes(definition);
    const answers: Raw = {};
    for (const item of definition.items)
      if (random() >= MISSING)
        answers[String(item.number)] = codes[Math.floor(random() * codes.length)] as string;
    return { definition, answers };
  });
}

/**
 * Scores a million generated responses in this process (answers checked, then
 * scored: the work of POST /api/instruments/:id/score without HTTP), beside a
 * loop that only sums the raw codes. No database is involved, so the figures
 * do not depend on the backend.
 */
export const scoring: Scenario = async ({ settings, backend }) => {
  const responses = generate(RESPONSES);
  // The cheapest thing that still touches every answer: a lookup of each code in one table.
  const rawValue: Record<string, number> = {};
  for (const definition of Object.values(INSTRUMENTS))
    for (const [i, code] of acceptedCodes(definition).entries()) rawValue[code] = i;

  const baseline = () => {
    let sum = 0;
    for (const { answers } of responses)
      for (const key in answers) sum += rawValue[answers[key] as string] ?? 0;
    return sum;
  };
  const perInstrument = new Map<InstrumentId, number>();
  const scoreAll = () => {
    let sum = 0;
    for (const { definition, answers } of responses) {
      const checked = checkAnswers(definition, answers);
      if (!checked.ok) throw new Error(`generated response refused: ${JSON.stringify(checked.problems)}`);
      const result = score(definition, checked.sheet);
      sum += (result.total ?? 0) + result.missingItems.length;
    }
    return sum;
  };
  const byInstrument = new Map<InstrumentId, typeof responses>();
  for (const response of responses) {
    const list = byInstrument.get(response.definition.id) ?? [];
    list.push(response);
    byInstrument.set(response.definition.id, list);
  }
  const scoreOne = (id: InstrumentId) => {
    const definition = INSTRUMENTS[id];
    let sum = 0;
    for (const { answers } of byInstrument.get(id) ?? []) {
      const checked = checkAnswers(definition, answers);
      if (checked.ok) sum += score(definition, checked.sheet).total ?? 0;
    }
    return sum;
  };

  const reps = Math.min(settings.reps, 3);
  const time = (run: () => number) => {
    run(); // warm-up: let the JIT settle before measuring
    const samples: number[] = [];
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      run();
      samples.push(performance.now() - started);
    }
    return median(samples);
  };

  const baselineMs = time(baseline);
  const scoringMs = time(scoreAll);
  for (const id of Object.keys(INSTRUMENTS) as InstrumentId[])
    perInstrument.set(
      id,
      time(() => scoreOne(id)),
    );

  const perSecond = (ms: number, count: number) => (count / ms) * 1000;
  const share = RESPONSES / perInstrument.size;
  const rows = [
    [
      'baseline: sum the raw codes of every response',
      formatMs(baselineMs),
      formatRate(perSecond(baselineMs, RESPONSES)),
    ],
    ['check + score, all four instruments', formatMs(scoringMs), formatRate(perSecond(scoringMs, RESPONSES))],
    ...[...perInstrument].map(([id, ms]) => [
      `  of which ${id} (${formatRate(share)})`,
      formatMs(ms),
      formatRate(perSecond(ms, share)),
    ]),
  ];
  const title = `Scoring ${formatRate(RESPONSES)} responses in process (${backend.label} unused), median of ${reps}`;
  process.stdout.write(`${renderTable([title, 'time', 'responses/s'], rows)}\n`);

  return {
    scenario: 'scoring',
    backend: backend.kind,
    results: {
      responses: RESPONSES,
      missingShare: MISSING,
      baselineMs,
      baselinePerSecond: perSecond(baselineMs, RESPONSES),
      scoringMs,
      scoringPerSecond: perSecond(scoringMs, RESPONSES),
      perInstrument: Object.fromEntries(
        [...perInstrument].map(([id, ms]) => [id, { responses: share, ms, perSecond: perSecond(ms, share) }]),
      ),
    },
    bars: [],
  };
};
