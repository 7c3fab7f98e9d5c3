import { z } from 'zod';

// An organisation's own questionnaires: written by its coordinators, answered for its clients.
// Never scored, never categorised, never in insights (docs/adr/0014-custom-questionnaires.md).

/** More items than this is a survey, not a questionnaire for a conversation. */
export const MAX_ITEMS = 50;
export const MAX_OPTIONS = 20;
/** The longest short free-text answer a coordinator may allow. */
export const MAX_TEXT_ANSWER = 1000;
export const SCALE_TYPES = ['choice', 'number', 'yes_no', 'text'] as const;
export const QUESTIONNAIRE_STATUSES = ['active', 'retired'] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u0009\u000b-\u001f\u007f]*$/;

/** A coordinator's text: trimmed, no control characters (line breaks allowed). */
const plainText = (max: number) =>
  z.string().trim().min(1).max(max).regex(NO_CONTROL, 'validation.control_characters');

/** A text in Dutch, and optionally in French and English; a missing language falls back to Dutch. */
export const localizedText = (max: number) =>
  z
    .object({
      'nl-BE': plainText(max).describe('Dutch (required)'),
      'fr-BE': plainText(max).optional().describe('French (optional)'),
      en: plainText(max).optional().describe('English (optional)'),
    })
    .strict();

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'questionnaires.code_format')
  .describe('Lower-case letters, digits and _, starting with a letter; the column name in the CSV');

export const scaleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('choice'),
      options: z
        .array(z.object({ code, label: localizedText(120) }).strict())
        .min(2)
        .max(MAX_OPTIONS)
        .describe('The answers to choose from, in order; the code is what the CSV holds'),
    })
    .strict(),
  z
    .object({
      type: z.literal('number'),
      min: z.number().int().min(-1_000_000).max(1_000_000),
      max: z.number().int().min(-1_000_000).max(1_000_000),
    })
    .strict()
    .describe('A whole number from min to max (both included)'),
  z.object({ type: z.literal('yes_no') }).strict(),
  z
    .object({ type: z.literal('text'), maxLength: z.number().int().min(1).max(MAX_TEXT_ANSWER) })
    .strict()
    .describe('A short free-text answer of at most maxLength characters'),
]);

export const itemSchema = z
  .object({
    code,
    text: localizedText(500).describe('The question as it is read or shown'),
    required: z.boolean().default(true).describe('False: the question may be left open'),
    scale: scaleSchema,
  })
  .strict();

export const definitionBody = z
  .object({
    title: localizedText(120),
    intro: localizedText(2000).nullable().default(null).describe('Read or shown before the first question'),
    items: z.array(itemSchema).min(1).max(MAX_ITEMS),
  })
  .strict();

export const createQuestionnaireBody = definitionBody
  .extend({ organisationId: z.uuid().describe('The organisation that owns the questionnaire') })
  .strict();

export const questionnaireParams = z.object({ id: z.uuid().describe('Questionnaire id') }).strict();
export const versionParams = z
  .object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) })
  .strict();
export const listQuery = z
  .object({
    organisationId: z
      .uuid()
      .optional()
      .describe('One of your organisations; without it, every organisation where you are coordinator'),
  })
  .strict();

export type Definition = z.infer<typeof definitionBody>;
export type Item = z.infer<typeof itemSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

const versionSummary = z.object({
  version: z.number().int(),
  createdAt: z.date(),
  responses: z.number().int().describe('How many answers point at this version'),
});

export const questionnaireSummaryView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(QUESTIONNAIRE_STATUSES),
  currentVersion: z.number().int(),
  title: z.string().describe("The current version's title in the request's language (Dutch when missing)"),
  itemCount: z.number().int(),
  responses: z.number().int().describe('Answers over all versions'),
});
export const questionnaireListView = z.object({ items: z.array(questionnaireSummaryView) });

export const questionnaireView = questionnaireSummaryView.extend({
  definition: definitionBody.describe('The current version, every language as written'),
  editable: z
    .boolean()
    .describe('The current version can still be changed in place: active and nobody answered it'),
  versions: z.array(versionSummary),
});

/** The JSON export of one version: the definition as written, with where it comes from. */
export const definitionExportView = definitionBody.extend({
  questionnaireId: z.uuid(),
  organisationId: z.uuid(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date().nullable(),
  scored: z.literal(false).describe('Custom questionnaires are never scored'),
});

// A questionnaire as a worker fills it in, in one language.

const localizedScale = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('choice'),
    options: z.array(z.object({ code: z.string(), label: z.string() })),
  }),
  z.object({ type: z.literal('number'), min: z.number().int(), max: z.number().int() }),
  z.object({ type: z.literal('yes_no') }),
  z.object({ type: z.literal('text'), maxLength: z.number().int() }),
]);

export const fillableQuestionnaireView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  intro: z.string().nullable(),
  items: z.array(
    z.object({ code: z.string(), text: z.string(), required: z.boolean(), scale: localizedScale }),
  ),
});

export const answerValue = z
  .union([z.string().max(10_000), z.number(), z.boolean(), z.null()])
  .describe(
    'choice: the option code; number: a whole number; yes_no: true or false; text: the text; null: open',
  );

const isoDate = z.iso.date().describe('YYYY-MM-DD');

export const recordResponseBody = z
  .object({
    questionnaireId: z.uuid(),
    version: z.number().int().min(1).describe('The version the questions were asked from: the current one'),
    answeredOn: isoDate.describe('The day the person answered'),
    answers: z
      .record(z.string().max(40), answerValue)
      .refine((answers) => Object.keys(answers).length <= MAX_ITEMS, 'questionnaires.too_many_answers')
      .describe('Answers keyed by item code; an item left out is not answered'),
  })
  .strict();

export const responseView = z.object({
  id: z.uuid(),
  questionnaireId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  answeredOn: z.string(),
  answers: z.array(
    z.object({
      code: z.string(),
      question: z.string(),
      answer: z.string().nullable().describe('The answer in words (a choice by its label); null: left open'),
    }),
  ),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.date(),
});

export const clientQuestionnairesView = z.object({
  available: z
    .array(fillableQuestionnaireView)
    .describe("The organisation's active questionnaires, each in its current version"),
  responses: z.array(responseView).describe('Answers recorded for this person, newest first'),
});
