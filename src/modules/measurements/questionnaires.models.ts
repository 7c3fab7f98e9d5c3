// Rules of custom questionnaires, as pure functions: what a definition must hold
// beyond its shape, which answers fit which scale, and the words and CSV cells
// an answer becomes. No scoring lives here, on purpose.
import { stringify } from 'csv-stringify/sync';
import type { Definition, Item, LocalizedText } from '../../contracts/questionnaires.ts';
import type { Locale } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';

export type AnswerValue = string | number | boolean | null;
export type Answers = Record<string, AnswerValue>;

/** A text in the reader's language, Dutch when it was not translated. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text['nl-BE'];
}

/** What a definition must hold beyond its shape: unique codes, a range that is a range. */
export function definitionProblems(definition: Definition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  definition.items.forEach((item, i) => {
    if (seen.has(item.code))
      problems.push({
        field: `items.${i}.code`,
        code: 'questionnaires.duplicate_item_code',
        params: { code: item.code },
      });
    seen.add(item.code);
    const scale = item.scale;
    if (scale.type === 'number' && scale.min >= scale.max)
      problems.push({
        field: `items.${i}.scale.max`,
        code: 'questionnaires.range_empty',
        params: { min: scale.min },
      });
    if (scale.type === 'choice') {
      const options = new Set<string>();
      scale.options.forEach((option, o) => {
        if (options.has(option.code))
          problems.push({
            field: `items.${i}.scale.options.${o}.code`,
            code: 'questionnaires.duplicate_option_code',
            params: { code: option.code },
          });
        options.add(option.code);
      });
    }
  });
  return problems;
}

function answerProblem(item: Item, value: Exclude<AnswerValue, null>): FieldProblem | null {
  const field = `answers.${item.code}`;
  const scale = item.scale;
  switch (scale.type) {
    case 'choice': {
      const codes = scale.options.map((o) => o.code);
      return typeof value === 'string' && codes.includes(value)
        ? null
        : { field, code: 'questionnaires.answer_not_an_option', params: { values: codes.join(', ') } };
    }
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max
        ? null
        : { field, code: 'questionnaires.answer_out_of_range', params: { min: scale.min, max: scale.max } };
    case 'yes_no':
      return typeof value === 'boolean' ? null : { field, code: 'questionnaires.answer_not_yes_no' };
    case 'text':
      if (typeof value !== 'string') return { field, code: 'questionnaires.answer_not_text' };
      return value.trim().length > scale.maxLength
        ? { field, code: 'questionnaires.answer_too_long', params: { max: scale.maxLength } }
        : null;
  }
}

/**
 * Checks answers against one version's items: every code known, every answer
 * on its item's scale, every required item answered. Returns every problem
 * (each naming its field) and, when there are none, the answers as stored:
 * every item present, texts trimmed, an empty text counted as not answered.
 */
export function checkAnswers(
  items: readonly Item[],
  answers: Answers,
): { problems: FieldProblem[]; answers: Answers } {
  const problems: FieldProblem[] = [];
  const byCode = new Map(items.map((item) => [item.code, item]));
  for (const key of Object.keys(answers))
    if (!byCode.has(key))
      problems.push({
        field: `answers.${key}`,
        code: 'questionnaires.unknown_item',
        params: { items: items.map((i) => i.code).join(', ') },
      });
  const stored: Answers = {};
  for (const item of items) {
    let value = answers[item.code] ?? null;
    if (typeof value === 'string' && item.scale.type === 'text') value = value.trim() || null;
    if (value === null) {
      if (item.required)
        problems.push({ field: `answers.${item.code}`, code: 'questionnaires.answer_required' });
      stored[item.code] = null;
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem) problems.push(problem);
    stored[item.code] = value;
  }
  return { problems, answers: problems.length === 0 ? stored : {} };
}

/** An answer in words for the reader: a choice by its label, yes/no in their language. */
export function answerInWords(
  item: Item,
  value: AnswerValue | undefined,
  locale: Locale,
  yesNo: { yes: string; no: string },
): string | null {
  if (value === null || value === undefined) return null;
  const scale = item.scale;
  if (scale.type === 'choice') {
    const option = scale.options.find((o) => o.code === value);
    return option ? localize(option.label, locale) : String(value);
  }
  if (scale.type === 'yes_no') return value === true ? yesNo.yes : yesNo.no;
  return String(value);
}

/**
 * A free-text cell that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, the OWASP advice against
 * CSV injection. Only answers a person typed; codes and numbers are safe.
 */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(item: Item, value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (item.scale.type === 'yes_no') return value === true ? 'yes' : 'no';
  if (item.scale.type === 'text') return safeText(String(value));
  return String(value);
}

/**
 * All answers to one version as CSV: a header of response_id, answered_on,
 * recorded_at and one column per item code, then one row per response. A
 * choice is its option code, yes/no is "yes" or "no", an open item is empty.
 */
export function responsesCsv(
  items: readonly Item[],
  responses: readonly { id: string; answeredOn: string; createdAt: Date; answers: Answers }[],
): string {
  const header = ['response_id', 'answered_on', 'recorded_at', ...items.map((i) => i.code)];
  const rows = responses.map((r) => [
    r.id,
    r.answeredOn,
    r.createdAt.toISOString(),
    ...items.map((item) => csvCell(item, r.answers[item.code])),
  ]);
  return stringify([header, ...rows], { record_delimiter: '\r\n' });
}
