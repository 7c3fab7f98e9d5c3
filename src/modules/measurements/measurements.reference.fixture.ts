// A deliberately plain re-implementation of INSTRUMENTS.md, written from the document and not
// from the instrument data, so the exhaustive tests compare two independent readings of it.

export type Raw = Record<string, string | null>;

const EMOTIONAL_11 = [2, 3, 5, 6, 9, 10];
const SOCIAL_11 = [1, 4, 7, 8, 11];
const ORDER_6 = [3, 4, 7, 9, 8, 10];
const EMOTIONAL_6 = [3, 9, 10];
const SOCIAL_6 = [4, 7, 8];

export interface Expected {
  status: string;
  total: number | null;
  emotional: number | null;
  social: number | null;
  category: string | null;
  emotionalCategory: string | null;
  socialCategory: string | null;
  threshold: number | null;
  missingItems: number[];
}

const answerOf = (raw: Raw, item: number) => raw[String(item)] ?? null;

/** nee!/nee count as nee, ja/ja! as ja; min of meer always counts as lonely. */
function djgItem(item: number, code: string): number {
  const three = code === 'no!' ? 'no' : code === 'yes!' ? 'yes' : code;
  if (three === 'more_or_less') return 1;
  const negative = EMOTIONAL_11.includes(item); // every emotional item is worded negatively
  if (negative) return three === 'yes' ? 1 : 0;
  return three === 'no' ? 1 : 0;
}

function sumOrNull(raw: Raw, items: number[]): number | null {
  let sum = 0;
  for (const item of items) {
    const code = answerOf(raw, item);
    if (code === null) return null;
    sum += djgItem(item, code);
  }
  return sum;
}

export function referenceDjg11(raw: Raw, threshold = 3): Expected {
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const missingItems = all.filter((i) => answerOf(raw, i) === null);
  const total = sumOrNull(raw, all);
  const emotional = sumOrNull(raw, EMOTIONAL_11);
  const social = sumOrNull(raw, SOCIAL_11);
  let category: string | null = null;
  if (total !== null) {
    if (total <= 2) category = 'not_lonely';
    else if (total <= 8) category = 'moderately_lonely';
    else if (total <= 10) category = 'severely_lonely';
    else category = 'very_severely_lonely';
  }
  const sub = (v: number | null) => (v === null ? null : v >= threshold ? 'lonely' : 'not_lonely');
  return {
    status: missingItems.length === 0 ? 'complete' : 'incomplete',
    total,
    emotional,
    social,
    category,
    emotionalCategory: sub(emotional),
    socialCategory: sub(social),
    threshold,
    missingItems,
  };
}

export function referenceDjg6(raw: Raw): Expected {
  const missingItems = ORDER_6.filter((i) => answerOf(raw, i) === null);
  let answeredSum = 0;
  for (const item of ORDER_6) {
    const code = answerOf(raw, item);
    if (code !== null) answeredSum += djgItem(item, code);
  }
  const total = missingItems.length <= 1 ? answeredSum : null;
  let category: string | null = null;
  if (total !== null)
    category = total <= 1 ? 'not_lonely' : total <= 4 ? 'moderately_lonely' : 'severely_lonely';
  const emotional = sumOrNull(raw, EMOTIONAL_6);
  const social = sumOrNull(raw, SOCIAL_6);
  const sub = (v: number | null) => (v === null ? null : v === 0 ? 'not_lonely' : 'lonely');
  return {
    status:
      missingItems.length === 0 ? 'complete' : missingItems.length === 1 ? 'one_item_missing' : 'incomplete',
    total,
    emotional,
    social,
    category,
    emotionalCategory: sub(emotional),
    socialCategory: sub(social),
    threshold: null,
    missingItems,
  };
}

export function referenceUcla(raw: Raw, threshold = 6): Expected {
  const points: Record<string, number> = { hardly_ever: 1, some_of_the_time: 2, often: 3 };
  const missingItems = [1, 2, 3].filter((i) => answerOf(raw, i) === null);
  const total =
    missingItems.length === 0
      ? [1, 2, 3].reduce((s, i) => s + (points[answerOf(raw, i) ?? ''] ?? 0), 0)
      : null;
  return {
    status: missingItems.length === 0 ? 'complete' : 'incomplete',
    total,
    emotional: null,
    social: null,
    category: total === null ? null : total >= threshold ? 'lonely' : 'not_lonely',
    emotionalCategory: null,
    socialCategory: null,
    threshold,
    missingItems,
  };
}

export function referenceDirect(raw: Raw): Expected {
  const answer = answerOf(raw, 1);
  return {
    status: answer === null ? 'incomplete' : 'complete',
    total: null,
    emotional: null,
    social: null,
    category: answer === null ? null : answer === 'often_always' ? 'chronic' : 'not_chronic',
    emotionalCategory: null,
    socialCategory: null,
    threshold: null,
    missingItems: answer === null ? [1] : [],
  };
}

/** The first field where a score differs from the reference, or null. */
export function difference(actual: Expected, expected: Expected): string | null {
  for (const key of Object.keys(expected) as (keyof Expected)[]) {
    const a = JSON.stringify(actual[key]);
    const e = JSON.stringify(expected[key]);
    if (a !== e) return `${key}: got ${a}, expected ${e}`;
  }
  return null;
}
