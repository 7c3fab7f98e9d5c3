import { z } from 'zod';
import { INSTRUMENT_IDS } from '../modules/measurements/instruments/instrument.ts';

/** The views of the insights dashboard; also the `view` of the CSV export. */
export const INSIGHT_VIEWS = ['reach', 'change', 'what-works', 'directory-health'] as const;
export type InsightView = (typeof INSIGHT_VIEWS)[number];

const month = z
  .string()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'insights.month_format')
  .describe('A calendar month, YYYY-MM');

export const insightsQuery = z
  .object({
    municipality: z
      .string()
      .regex(/^[0-9]{5}$/, 'insights.municipality_format')
      .optional()
      .describe('NIS code of one of your municipalities; without it, all of yours (platform admins: all)'),
    from: month.optional().describe('First month counted (default: eleven months before `to`)'),
    to: month.optional().describe('Last month counted (default: this month)'),
    instrument: z
      .enum(INSTRUMENT_IDS)
      .optional()
      .describe('Only this instrument (change and what works); without it, every instrument'),
    period: z
      .enum(['year', 'quarter'])
      .default('year')
      .describe('Change: group baselines by calendar year or quarter'),
  })
  .strict();
export type InsightsQuery = z.infer<typeof insightsQuery>;

export const exportQuery = insightsQuery.extend({
  view: z.enum(INSIGHT_VIEWS).describe('Which view to export'),
});

/**
 * One figure. `suppressed`: it is about fewer than 10 people, or it would let
 * someone work out such a figure; its value is then null. A shown statistic
 * that does not exist (an effect size when every change is equal) is null too.
 */
export const cellSchema = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

const rowSchema = z.object({
  key: z.string().describe('A code (initiative type, NIS code, postcode, "all"); translate or label it'),
  label: z.string().nullable().describe('A display name where the key is not a code (a municipality)'),
  cells: z.array(cellSchema).describe('One per column, in the order of `columns`'),
  total: cellSchema.nullable().describe('The row total; null where the columns do not add up'),
});

/** A table ready for a chart (one series per row) and for a table view of the same numbers. */
export const countTableSchema = z.object({
  columns: z.array(z.string()).describe('Column keys: months YYYY-MM, or measures'),
  rows: z.array(rowSchema),
  columnTotals: z.array(cellSchema).nullable(),
  total: cellSchema.nullable(),
});

const municipalitySchema = z.object({ nis: z.string(), name: z.string() });

export const scopeSchema = z.object({
  municipalities: z.array(municipalitySchema).describe('The municipalities counted'),
  from: z.string().describe('First month, YYYY-MM'),
  to: z.string().describe('Last month, YYYY-MM'),
  months: z.array(z.string()),
  threshold: z.number().int().describe('No figure is shown from fewer people than this'),
});

export const reachView = z.object({
  scope: scopeSchema,
  signals: countTableSchema.describe('Signals received per month (one row, "all")'),
  clients: countTableSchema.describe('Client records opened per month (one row, "all")'),
  participants: countTableSchema.describe('People starting with an initiative: type × month'),
  municipalities: countTableSchema
    .nullable()
    .describe('Per municipality: signals, clients, participants (when more than one is counted)'),
  neighbourhoods: countTableSchema
    .nullable()
    .describe('Per postcode of one municipality: clients, participants ("" = no postcode)'),
});

export const changeStatSchema = z.object({
  key: z.string().describe('Initiative type, or "all"'),
  period: z.string().describe('Year (2025) or quarter (2025-Q3) of the baseline, or "all"'),
  n: cellSchema.describe('Pairs: a baseline and the latest follow-up of the same track'),
  mean: cellSchema.describe('Mean change, follow-up − baseline (negative: less lonely)'),
  sd: cellSchema,
  ciLow: cellSchema.describe('95% confidence interval, t distribution'),
  ciHigh: cellSchema,
  effectSize: cellSchema.describe("Cohen's dz: mean change ÷ SD of the changes"),
});

export const instrumentChangeSchema = z.object({
  instrument: z.enum(INSTRUMENT_IDS),
  periods: z.array(z.string()),
  /** Per type and period; per type over all periods (period "all"); per period over all types (key "all"). */
  cells: z.array(changeStatSchema),
});

export const changeView = z.object({
  scope: scopeSchema,
  period: z.enum(['year', 'quarter']),
  instruments: z.array(instrumentChangeSchema),
});

export const whatWorksView = z.object({
  scope: scopeSchema,
  instruments: z.array(
    z.object({
      instrument: z.enum(INSTRUMENT_IDS),
      types: z.array(
        changeStatSchema.extend({
          evidence: z
            .record(z.string(), cellSchema)
            .describe('Published directory entries of this type per evidence level (not about people)'),
        }),
      ),
      overall: changeStatSchema,
    }),
  ),
});

/** Directory counts are about initiatives, not people: never suppressed, in the same cell shape. */
export const directoryHealthView = z.object({
  scope: scopeSchema,
  staleBefore: z.string().describe('Entries assured before this date (or never) count as stale'),
  types: z.array(
    z.object({
      type: z.string(),
      published: cellSchema.describe('Published entries in the municipalities counted'),
      regionWide: cellSchema.describe('Published region-wide entries of their regions'),
      stale: cellSchema.describe('Of both, those not assured in the last 12 months'),
      municipalitiesWithout: z
        .array(z.string())
        .describe('NIS codes of the municipalities counted that have no entry of this type'),
    }),
  ),
});

export type CountTableView = z.infer<typeof countTableSchema>;
export type ReachView = z.infer<typeof reachView>;
export type ChangeView = z.infer<typeof changeView>;
export type ChangeStat = z.infer<typeof changeStatSchema>;
export type WhatWorksView = z.infer<typeof whatWorksView>;
export type DirectoryHealthView = z.infer<typeof directoryHealthView>;
export type Scope = z.infer<typeof scopeSchema>;
