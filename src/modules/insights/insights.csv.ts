// The views as long CSV: one figure per line, the same figures the API shows,
// hidden ones written empty with `suppressed` = 1 (never their value).
import { stringify } from 'csv-stringify/sync';
import type {
  ChangeStat,
  ChangeView,
  CountTableView,
  DirectoryHealthView,
  ReachView,
  WhatWorksView,
} from '../../contracts/insights.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { Cell } from './insights.models.ts';

export interface FigureLine {
  table: string;
  instrument: string;
  row: string;
  column: string;
  measure: string;
  cell: Cell;
}

const TOTAL = '*';

export function tableLines(table: string, t: CountTableView | null): FigureLine[] {
  if (!t) return [];
  const line = (row: string, column: string, cell: Cell): FigureLine => ({
    table,
    instrument: '',
    row,
    column,
    measure: 'count',
    cell,
  });
  return [
    ...t.rows.flatMap((r) => [
      ...r.cells.map((cell, c) => line(r.key, t.columns[c] as string, cell)),
      ...(r.total ? [line(r.key, TOTAL, r.total)] : []),
    ]),
    ...(t.columnTotals ?? []).map((cell, c) => line(TOTAL, t.columns[c] as string, cell)),
    ...(t.total ? [line(TOTAL, TOTAL, t.total)] : []),
  ];
}

const STATS = ['n', 'mean', 'sd', 'ciLow', 'ciHigh', 'effectSize'] as const;
const MEASURE = {
  n: 'pairs',
  mean: 'mean_change',
  sd: 'sd',
  ciLow: 'ci95_low',
  ciHigh: 'ci95_high',
  effectSize: 'cohens_dz',
};

const statLines = (table: string, instrument: string, s: ChangeStat): FigureLine[] =>
  STATS.map((k) => ({
    table,
    instrument,
    row: s.key === 'all' ? TOTAL : s.key,
    column: s.period === 'all' ? TOTAL : s.period,
    measure: MEASURE[k],
    cell: s[k],
  }));

export const reachLines = (v: ReachView) => [
  ...tableLines('signals', v.signals),
  ...tableLines('clients', v.clients),
  ...tableLines('participants', v.participants),
  ...tableLines('municipalities', v.municipalities),
  ...tableLines('neighbourhoods', v.neighbourhoods),
];

export const changeLines = (v: ChangeView) =>
  v.instruments.flatMap((i) => i.cells.flatMap((s) => statLines('change', i.instrument, s)));

export const whatWorksLines = (v: WhatWorksView) =>
  v.instruments.flatMap((i) => [
    ...[...i.types, i.overall].flatMap((s) => statLines('what_works', i.instrument, s)),
    ...i.types.flatMap((t) =>
      Object.entries(t.evidence).map(([level, cell]) => ({
        table: 'evidence',
        instrument: i.instrument,
        row: t.key,
        column: level,
        measure: 'entries',
        cell,
      })),
    ),
  ]);

export const directoryLines = (v: DirectoryHealthView): FigureLine[] =>
  v.types.flatMap((t) => [
    {
      table: 'directory',
      instrument: '',
      row: t.type,
      column: 'published',
      measure: 'entries',
      cell: t.published,
    },
    {
      table: 'directory',
      instrument: '',
      row: t.type,
      column: 'region_wide',
      measure: 'entries',
      cell: t.regionWide,
    },
    { table: 'directory', instrument: '', row: t.type, column: 'stale', measure: 'entries', cell: t.stale },
    {
      table: 'directory',
      instrument: '',
      row: t.type,
      column: 'municipalities_without',
      measure: 'municipalities',
      cell: { value: t.municipalitiesWithout.length, suppressed: false },
    },
  ]);

const HEADER = ['table', 'instrument', 'row', 'column', 'measure', 'value', 'suppressed'];
const fields = (l: FigureLine) => [
  l.table,
  l.instrument,
  l.row,
  l.column,
  l.measure,
  l.cell.suppressed || l.cell.value === null ? '' : String(l.cell.value),
  l.cell.suppressed ? '1' : '0',
];

/** A view's figures as CSV. */
export const figuresCsv = (lines: FigureLine[]) => stringify([HEADER, ...lines.map(fields)]);

/** Open data: the same lines, each with the municipality and period, so files can be stacked. */
export function openDataCsv(
  lines: FigureLine[],
  where: { nis: string; name: string; from: string; to: string },
) {
  return stringify([
    ['municipality_nis', 'municipality_name', 'period_from', 'period_to', ...HEADER],
    ...lines.map((l) => [where.nis, where.name, where.from, where.to, ...fields(l)]),
  ]);
}

const DICTIONARY_FIELDS = [
  ['municipality_nis', 'text'],
  ['municipality_name', 'text'],
  ['period_from', 'YYYY-MM'],
  ['period_to', 'YYYY-MM'],
  ['table', 'code'],
  ['instrument', 'code'],
  ['row', 'code'],
  ['column', 'code'],
  ['measure', 'code'],
  ['value', 'number'],
  ['suppressed', '0/1'],
] as const;

/** The data dictionary of the open data file, in the reader's language. */
export function dictionaryCsv(locale: Locale) {
  const t = translator(locale);
  const head = ['field', 'type', 'description'].map((k) => t(`insights.dictionary.header.${k}`));
  return stringify([
    head,
    ...DICTIONARY_FIELDS.map(([field, type]) => [field, type, t(`insights.dictionary.fields.${field}`)]),
  ]);
}
