import type { FieldProblem } from '../../platform/errors.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import type {
  AdjustableThreshold,
  Category,
  InstrumentDefinition,
  InstrumentId,
  SubscaleCategory,
} from './instruments/instrument.ts';

export const SCORE_STATUSES = ['complete', 'incomplete', 'one_item_missing'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/** Answer codes in the order of the instrument's items; null where the item was not answered. */
export interface AnswerSheet {
  instrument: InstrumentId;
  codes: readonly (string | null)[];
}

export interface ScoreResult {
  instrument: InstrumentId;
  version: string;
  status: ScoreStatus;
  total: number | null;
  emotional: number | null;
  social: number | null;
  category: Category | null;
  emotionalCategory: SubscaleCategory | null;
  socialCategory: SubscaleCategory | null;
  /** The adjustable threshold that was applied, so the score can be reproduced; null where there is none. */
  threshold: number | null;
  missingItems: number[];
}

/** A score as the columns of client_measurements store it, so every writer stores the same. */
export function scoreColumns(result: ScoreResult) {
  return {
    instrument_id: result.instrument,
    instrument_version: result.version,
    threshold: result.threshold,
    status: result.status,
    total: result.total,
    emotional: result.emotional,
    social: result.social,
    category: result.category,
    emotional_category: result.emotionalCategory,
    social_category: result.socialCategory,
  };
}

export type AnswersCheck = { ok: true; sheet: AnswerSheet } | { ok: false; problems: FieldProblem[] };

const list = (values: readonly (string | number)[]) => values.join(', ');

/** Every answer code the instrument accepts, over all its answer forms. */
export function acceptedCodes(definition: InstrumentDefinition): string[] {
  return [...new Set(definition.answerForms.flatMap((form) => form.codes))];
}

/** The lowest and highest total an instrument gives; null for the single question, which has no total. */
export function totalRange(definition: InstrumentDefinition): { min: number; max: number } | null {
  const { scoring } = definition;
  if (scoring.kind === 'dichotomous') return { min: 0, max: definition.items.length };
  if (scoring.kind === 'single_choice') return null;
  const points = acceptedCodes(definition).map((c) => scoring.points[c] ?? 0);
  return {
    min: Math.min(...points) * definition.items.length,
    max: Math.max(...points) * definition.items.length,
  };
}

/** The adjustable threshold of an instrument, if it has one. */
export function adjustableThreshold(definition: InstrumentDefinition): AdjustableThreshold | null {
  const { scoring } = definition;
  if (scoring.kind === 'sum') return scoring.lonelyFrom;
  if (scoring.kind === 'dichotomous' && scoring.subscaleLonely.kind === 'adjustable')
    return scoring.subscaleLonely.threshold;
  return null;
}

/**
 * Checks answers keyed by item number (`{"3": "yes"}`) against an instrument:
 * every problem is named by its field (`answers.3`). A null answer is an item
 * left open, the same as leaving it out.
 */
export function checkAnswers(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, string | null>>,
): AnswersCheck {
  const { position, codes, longFormKeys, itemList, codeList } = lookups(definition);
  const problems: FieldProblem[] = [];
  const sheet: (string | null)[] = definition.items.map(() => null);
  for (const key in answers) {
    if (!Object.hasOwn(answers, key)) continue;
    const code = answers[key] ?? null;
    const index = position.get(key);
    let problem: FieldProblem | null = null;
    if (index === undefined) {
      const reason = longFormKeys.has(key) ? 'measurements.item_not_in_form' : 'measurements.unknown_item';
      problem = { field: `answers.${key}`, code: reason, params: { items: itemList } };
    } else if (code !== null && !codes.has(code)) {
      problem = {
        field: `answers.${key}`,
        code: 'measurements.answer_not_on_scale',
        params: { values: codeList },
      };
    } else {
      sheet[index] = code;
    }
    if (problem) problems.push(problem);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, sheet: { instrument: definition.id, codes: sheet } };
}

interface Lookups {
  position: ReadonlyMap<string, number>;
  codes: ReadonlySet<string>;
  longFormKeys: ReadonlySet<string>;
  itemList: string;
  codeList: string;
}

// Checking and scoring run a million times in the benchmark: each instrument's data is turned
// into lookup tables once.
const lookupCache = new WeakMap<InstrumentDefinition, Lookups>();

function lookups(definition: InstrumentDefinition): Lookups {
  const cached = lookupCache.get(definition);
  if (cached) return cached;
  const codes = acceptedCodes(definition);
  const longForm = definition.shortFormOf ? INSTRUMENTS[definition.shortFormOf] : null;
  const built: Lookups = {
    position: new Map(definition.items.map((item, i) => [String(item.number), i])),
    codes: new Set(codes),
    longFormKeys: new Set(longForm?.items.map((item) => String(item.number)) ?? []),
    itemList: list(definition.items.map((item) => item.number).sort((a, b) => a - b)),
    codeList: list(codes),
  };
  lookupCache.set(definition, built);
  return built;
}

/** Checks a threshold asked for against the instrument's range; null when it is fine. */
export function checkThreshold(definition: InstrumentDefinition, threshold: number): FieldProblem | null {
  const range = adjustableThreshold(definition);
  if (!range) return { field: 'querystring.threshold', code: 'measurements.threshold_not_adjustable' };
  if (!Number.isInteger(threshold) || threshold < range.min || threshold > range.max)
    return {
      field: 'querystring.threshold',
      code: 'measurements.threshold_out_of_range',
      params: { min: range.min, max: range.max },
    };
  return null;
}

interface CompiledItem {
  number: number;
  /** 0 emotional, 1 social, -1 none. */
  subscale: number;
  value: ReadonlyMap<string, number>;
}

const compiled = new WeakMap<InstrumentDefinition, CompiledItem[]>();

function compile(definition: InstrumentDefinition): CompiledItem[] {
  const cached = compiled.get(definition);
  if (cached) return cached;
  const { scoring } = definition;
  const codes = acceptedCodes(definition);
  const items = definition.items.map((item) => {
    const value = new Map<string, number>();
    for (const code of codes) {
      if (scoring.kind === 'dichotomous') {
        const polarity = item.polarity;
        if (!polarity) throw new Error(`${definition.id}: item ${item.number} has no polarity`);
        const counted = scoring.countsAs[code];
        value.set(code, counted !== undefined && scoring.scoresOne[polarity].includes(counted) ? 1 : 0);
      } else if (scoring.kind === 'sum') {
        value.set(code, scoring.points[code] ?? 0);
      } else {
        value.set(code, scoring.chronic.includes(code) ? 1 : 0);
      }
    }
    const subscale = item.subscale === 'emotional' ? 0 : item.subscale === 'social' ? 1 : -1;
    return { number: item.number, subscale, value };
  });
  compiled.set(definition, items);
  return items;
}

function band(definition: InstrumentDefinition, total: number): Category {
  const { scoring } = definition;
  if (scoring.kind !== 'dichotomous') throw new Error(`${definition.id} has no bands`);
  const found = scoring.totalBands.find((b) => total >= b.min && total <= b.max);
  if (!found) throw new Error(`${definition.id}: no band for a total of ${total}`);
  return found.category;
}

const lonelyOrNot = (value: number | null, from: number): SubscaleCategory | null =>
  value === null ? null : value >= from ? 'lonely' : 'not_lonely';

/**
 * Scores a checked answer sheet exactly as INSTRUMENTS.md prescribes, including
 * its missing-answer rules. `threshold` overrides the instrument's default
 * adjustable threshold (check it first with checkThreshold).
 */
export function score(
  definition: InstrumentDefinition,
  sheet: AnswerSheet,
  options: { threshold?: number } = {},
): ScoreResult {
  if (sheet.instrument !== definition.id)
    throw new Error(`a ${sheet.instrument} sheet scored as ${definition.id}`);
  const items = compile(definition);
  const sums = [0, 0];
  const subscaleMissing = [false, false];
  const missingItems: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as CompiledItem;
    const code = sheet.codes[i];
    if (code === null || code === undefined) {
      missingItems.push(item.number);
      if (item.subscale >= 0) subscaleMissing[item.subscale] = true;
      continue;
    }
    const value = item.value.get(code);
    if (value === undefined) throw new Error(`${definition.id}: ${code} was not checked`);
    total += value;
    if (item.subscale >= 0) sums[item.subscale] = (sums[item.subscale] as number) + value;
  }
  const { scoring } = definition;
  const adjustable = adjustableThreshold(definition);
  const threshold = adjustable ? (options.threshold ?? adjustable.default) : null;
  const result: ScoreResult = {
    instrument: definition.id,
    version: definition.version,
    status: missingItems.length === 0 ? 'complete' : 'incomplete',
    total: null,
    emotional: null,
    social: null,
    category: null,
    emotionalCategory: null,
    socialCategory: null,
    threshold,
    missingItems,
  };
  if (scoring.kind === 'dichotomous') {
    const tolerated = scoring.missing === 'one_item_may_be_missing' ? 1 : 0;
    if (missingItems.length === 1 && tolerated === 1) result.status = 'one_item_missing';
    if (missingItems.length <= tolerated) {
      result.total = total;
      result.category = band(definition, total);
    }
    result.emotional = subscaleMissing[0] ? null : (sums[0] as number);
    result.social = subscaleMissing[1] ? null : (sums[1] as number);
    const from =
      scoring.subscaleLonely.kind === 'fixed' ? scoring.subscaleLonely.from : (threshold as number);
    result.emotionalCategory = lonelyOrNot(result.emotional, from);
    result.socialCategory = lonelyOrNot(result.social, from);
  } else if (missingItems.length === 0) {
    if (scoring.kind === 'sum') {
      result.total = total;
      result.category = total >= (threshold as number) ? 'lonely' : 'not_lonely';
    } else {
      result.category = total > 0 ? 'chronic' : 'not_chronic';
    }
  }
  return result;
}

/** The calendar date `months` after a 'YYYY-MM-DD' date; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** When a follow-up reminder goes out: the morning of its due day (09:00 or 10:00 in Brussels). */
export function followUpDue(startedOn: string, months: number): Date {
  return new Date(`${addMonths(startedOn, months)}T08:00:00Z`);
}
