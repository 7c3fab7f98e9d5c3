import type { Locale } from '../../../platform/db/schema.ts';

/** The validated instruments, by the ids the API uses. */
export const INSTRUMENT_IDS = ['djg-11', 'djg-6', 'ucla-3', 'direct'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const CATEGORIES = [
  'not_lonely',
  'moderately_lonely',
  'severely_lonely',
  'very_severely_lonely',
  'lonely',
  'chronic',
  'not_chronic',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SUBSCALE_IDS = ['emotional', 'social'] as const;
export type SubscaleId = (typeof SUBSCALE_IDS)[number];
export const SUBSCALE_CATEGORIES = ['lonely', 'not_lonely'] as const;
export type SubscaleCategory = (typeof SUBSCALE_CATEGORIES)[number];

export type Polarity = 'positive' | 'negative';
/** The three answers of the De Jong Gierveld scale that every answer form collapses to. */
export type ThreePoint = 'no' | 'more_or_less' | 'yes';

export interface ItemDefinition {
  /** The number of INSTRUMENTS.md; the short De Jong Gierveld form keeps the 11-item numbers. */
  number: number;
  polarity: Polarity | null;
  subscale: SubscaleId | null;
}

export interface AnswerForm {
  id: string;
  codes: readonly string[];
}

/** A total from `min` to `max` (both included) falls into `category`. */
export interface Band {
  min: number;
  max: number;
  category: Category;
}

/** A threshold a municipality or a study may set, within a range. */
export interface AdjustableThreshold {
  default: number;
  min: number;
  max: number;
  /** False where the literature gives no cut-off and the number is only a convention. */
  official: boolean;
}

export type MissingAnswersRule = 'all_items' | 'one_item_may_be_missing';

export type Scoring =
  | {
      kind: 'dichotomous';
      /** Every accepted answer code and the three-point answer it counts as. */
      countsAs: Readonly<Record<string, ThreePoint>>;
      /** Per polarity, the answers that score 1 (unfavourable); every other answer scores 0. */
      scoresOne: Readonly<Record<Polarity, readonly ThreePoint[]>>;
      totalBands: readonly Band[];
      /** When a subscale counts as lonely: from an adjustable number of unfavourable answers, or a fixed one. */
      subscaleLonely:
        | { kind: 'adjustable'; threshold: AdjustableThreshold }
        | { kind: 'fixed'; from: number };
      missing: MissingAnswersRule;
    }
  | {
      kind: 'sum';
      points: Readonly<Record<string, number>>;
      /** A total at or above this counts as lonely. */
      lonelyFrom: AdjustableThreshold;
      missing: 'all_items';
    }
  | {
      kind: 'single_choice';
      /** The answers that mean chronic loneliness; every other answer means not chronic. */
      chronic: readonly string[];
    };

/** The words of an instrument in one language, and where they come from. */
export interface Wording {
  source: string;
  /** Null when no validated introduction in this language is known: the UI then adds none of its own. */
  introduction: string | null;
  items: Readonly<Record<number, string>>;
  answers: Readonly<Record<string, string>>;
}

/**
 * One validated instrument as data. Any change to it, wording included, needs a
 * new `version`: every score names the id and version that produced it.
 */
export interface InstrumentDefinition {
  id: InstrumentId;
  version: string;
  name: Readonly<Record<Locale, string>>;
  sources: readonly string[];
  /** The longer form whose item numbers this form borrows (an item of it sent here is "not in this form"). */
  shortFormOf: InstrumentId | null;
  /** In the order they are asked. */
  items: readonly ItemDefinition[];
  answerForms: readonly AnswerForm[];
  scoring: Scoring;
  originalLocale: Locale;
  wordings: Readonly<Partial<Record<Locale, Wording>>>;
  /** Served when the requested language has no validated wording: we never translate items ourselves. */
  fallbackLocale: Locale;
}
