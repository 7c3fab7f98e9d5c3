import { z } from 'zod';
import {
  CATEGORIES,
  INSTRUMENT_IDS,
  SUBSCALE_CATEGORIES,
  SUBSCALE_IDS,
} from '../modules/measurements/instruments/instrument.ts';
import { SCORE_STATUSES } from '../modules/measurements/measurements.models.ts';
import { localeSchema } from './common.ts';

/** More answers than any instrument has items is a mistake, not a response. */
export const MAX_ANSWERS = 50;

export const instrumentParams = z.object({
  // Any text: an unknown instrument is a 404, not a validation error.
  id: z.string().max(100).describe('Instrument id: djg-11, djg-6, ucla-3 or direct'),
});

export const scoreQuery = z
  .object({
    threshold: z.coerce
      .number()
      .int()
      .optional()
      .describe(
        'ucla-3: the total from which a person counts as lonely (default 6, no official cut-off). ' +
          'djg-11: the number of unfavourable answers from which a subscale counts as lonely (default 3). ' +
          'Not accepted by djg-6 and direct.',
      ),
  })
  .strict();

export const scoreBody = z
  .object({
    answers: z
      .record(
        z.string().max(10),
        z.string().max(40).nullable().describe('An answer code of the instrument; null when not answered'),
      )
      .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, 'measurements.too_many_answers')
      .describe(
        'Answer codes keyed by item number as in INSTRUMENTS.md (the 6-item form keeps the 11-item numbers). ' +
          'An item left out is not answered.',
      ),
  })
  .strict();

const score = z.number().int().nullable();

export const scoreResultSchema = z.object({
  instrument: z.enum(INSTRUMENT_IDS),
  version: z.string().describe('The version of the instrument definition that produced this score'),
  status: z
    .enum(SCORE_STATUSES)
    .describe('one_item_missing only for djg-6: the total then sums the five answered items'),
  total: score,
  emotional: score.describe('De Jong Gierveld emotional subscale; null when one of its items is missing'),
  social: score.describe('De Jong Gierveld social subscale; null when one of its items is missing'),
  category: z.enum(CATEGORIES).nullable(),
  emotionalCategory: z.enum(SUBSCALE_CATEGORIES).nullable(),
  socialCategory: z.enum(SUBSCALE_CATEGORIES).nullable(),
  threshold: z
    .number()
    .int()
    .nullable()
    .describe('The adjustable threshold applied; null where there is none'),
  missingItems: z.array(z.number().int()).describe('Items not answered, in the order they are asked'),
});

export const instrumentSummarySchema = z.object({
  id: z.enum(INSTRUMENT_IDS),
  version: z.string(),
  name: z.string(),
  itemCount: z.number().int(),
});

export const instrumentListSchema = z.object({ instruments: z.array(instrumentSummarySchema) });

const range = z.object({ min: z.number().int(), max: z.number().int() });
const threePoint = z.enum(['no', 'more_or_less', 'yes']);

export const instrumentDefinitionSchema = instrumentSummarySchema.extend({
  wording: z.object({
    locale: localeSchema.describe('The language of the texts below'),
    status: z
      .enum(['original', 'translation', 'not_available'])
      .describe('not_available: no validated wording in the requested language; another one is served'),
    source: z.string(),
    notice: z
      .string()
      .nullable()
      .describe('What to tell the reader when the wording is not in their language'),
  }),
  introduction: z.string().nullable(),
  items: z.array(
    z.object({
      number: z.number().int(),
      text: z.string(),
      polarity: z.enum(['positive', 'negative']).nullable(),
      subscale: z.enum(SUBSCALE_IDS).nullable(),
    }),
  ),
  answerForms: z.array(
    z.object({
      id: z.string(),
      options: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          countsAs: threePoint.nullable().describe('De Jong Gierveld: the three-point answer this counts as'),
          points: z.number().int().nullable().describe('UCLA: the points of this answer'),
        }),
      ),
    }),
  ),
  scoring: z.object({
    method: z.enum(['dichotomous', 'sum', 'single_choice']),
    scoresOne: z
      .object({ positive: z.array(threePoint), negative: z.array(threePoint) })
      .nullable()
      .describe('De Jong Gierveld: per polarity, the answers that score 1'),
    total: range.nullable(),
    bands: z.array(range.extend({ category: z.enum(CATEGORIES) })),
    subscales: z.array(
      z.object({
        id: z.enum(SUBSCALE_IDS),
        items: z.array(z.number().int()),
        max: z.number().int(),
        lonelyFrom: z.number().int().nullable().describe('Fixed; null when the threshold below applies'),
      }),
    ),
    threshold: z
      .object({
        appliesTo: z.enum(['total', 'subscales']),
        default: z.number().int(),
        min: z.number().int(),
        max: z.number().int(),
        official: z.boolean().describe('False: a convention, not a cut-off from the literature'),
      })
      .nullable(),
    missingAnswers: z.enum(['all_items', 'one_item_may_be_missing']),
    chronicAnswers: z.array(z.string()),
  }),
  sources: z.array(z.string()),
});

export type ScoreBody = z.infer<typeof scoreBody>;
export type InstrumentDefinitionView = z.infer<typeof instrumentDefinitionSchema>;

// Stored measurements of clients (interviewer, paper and self-fill) and self-fill links.

export const MEASUREMENT_MODES = ['interviewer', 'self_fill', 'paper'] as const;
const isoDate = z.iso.date().describe('YYYY-MM-DD');

export const clientParams = z.object({ id: z.uuid().describe('Client id') }).strict();

export const recordMeasurementBody = z
  .object({
    instrumentId: z.enum(INSTRUMENT_IDS),
    mode: z
      .enum(['interviewer', 'paper'])
      .describe('interviewer: the worker read the questions aloud; paper: typed over from a paper form'),
    takenOn: isoDate.describe('The day the person answered'),
    answers: scoreBody.shape.answers,
    threshold: z.number().int().optional().describe('As in the scoring endpoint; the default otherwise'),
    trackId: z.uuid().optional().describe('The follow-up track this measurement belongs to'),
    occasionMonths: z
      .number()
      .int()
      .min(0)
      .max(120)
      .optional()
      .describe('0 for the baseline, or the months of the follow-up; required with trackId'),
  })
  .strict();

export const measurementView = z.object({
  id: z.uuid(),
  instrumentId: z.enum(INSTRUMENT_IDS),
  instrumentName: z.string(),
  mode: z.enum(MEASUREMENT_MODES),
  takenOn: z.string(),
  score: scoreResultSchema,
  meaning: z
    .string()
    .describe('What the score means on the scale, in plain words (not a label for the person)'),
  trackId: z.uuid().nullable(),
  occasionMonths: z.number().int().nullable(),
  recordedBy: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('Null: the person filled it in'),
  createdAt: z.date(),
});

export const measurementListView = z.object({ items: z.array(measurementView) });

export const createSelfFillLinkBody = z
  .object({
    instrumentId: z.enum(INSTRUMENT_IDS),
    locale: localeSchema.optional().describe('The language the person reads; Dutch by default'),
    trackId: z.uuid().optional(),
    occasionMonths: z.number().int().min(0).max(120).optional(),
    validDays: z.number().int().min(1).max(60).default(14).describe('How long the link works'),
  })
  .strict();

export const selfFillLinkView = z.object({
  id: z.uuid(),
  url: z.string().describe('Open once; the token is in the fragment so it never reaches a server log'),
  expiresAt: z.date(),
});

export const selfFillTokenBody = z
  .object({
    token: z
      .string()
      .min(20)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, 'measurements.link_unknown'),
  })
  .strict();

export const selfFillOpenBody = selfFillTokenBody
  .extend({
    locale: localeSchema
      .optional()
      .describe(
        'The language the reader switched to; without it, the language chosen when the link was made',
      ),
  })
  .strict();

export const selfFillSubmitBody = selfFillTokenBody.extend({ answers: scoreBody.shape.answers }).strict();

export const selfFillOpenView = z.object({
  locale: localeSchema.describe('The language to show the page in'),
  instrument: instrumentDefinitionSchema,
  expiresAt: z.date(),
});

export const selfFillDoneView = z.object({ done: z.literal(true) });

export const TRACK_CONTEXTS = ['initiative', 'buddy', 'circle', 'other'] as const;

export const createTrackBody = z
  .object({
    instrumentId: z.enum(INSTRUMENT_IDS),
    context: z.enum(TRACK_CONTEXTS).describe('What the person starts with'),
    serviceId: z.uuid().optional().describe('The published initiative, for context "initiative"'),
    startedOn: isoDate.describe('The day the person started; the baseline belongs here'),
    followUpMonths: z
      .array(z.number().int().min(1).max(60))
      .max(12)
      .default([3, 6, 12])
      .describe('Months after the start when a follow-up is due'),
    selfFill: z
      .boolean()
      .default(false)
      .describe('Email the person a self-fill link when a follow-up is due (needs their self_fill consent)'),
  })
  .strict();

export const trackParams = z.object({ id: z.uuid(), trackId: z.uuid() }).strict();

export const trackListView = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      instrumentId: z.enum(INSTRUMENT_IDS),
      context: z.enum(TRACK_CONTEXTS),
      serviceType: z.string().nullable(),
      serviceId: z.uuid().nullable(),
      serviceName: z.string().nullable().describe("The initiative's name when the track started"),
      startedOn: z.string(),
      selfFill: z.boolean(),
      status: z.enum(['active', 'stopped']),
      occasions: z.array(
        z.object({
          months: z.number().int().describe('0: the baseline'),
          dueOn: z.string(),
          measurementId: z.uuid().nullable(),
          takenOn: z.string().nullable(),
        }),
      ),
    }),
  ),
});
