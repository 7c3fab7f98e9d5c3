import type { CountTableView } from '../../contracts/insights.ts';
import type { Cell, CountTable, SuppressionPlan, TableKeys } from './insights.models.ts';

/** A plan's table as the API shows it: every figure as {value, suppressed}, margins where asked. */
export function presentTable(
  plan: SuppressionPlan,
  table: CountTable,
  keys: TableKeys,
  opts: { rowTotals: boolean; columnTotals: boolean; total: boolean; labels?: Map<string, string> },
): CountTableView {
  return {
    columns: table.columns,
    rows: table.rows.map((key, r) => ({
      key,
      label: opts.labels?.get(key) ?? null,
      cells: table.columns.map((_, c) => plan.cell(keys.cell(r, c))),
      total: opts.rowTotals ? plan.cell(keys.rowTotal(r)) : null,
    })),
    columnTotals: opts.columnTotals ? table.columns.map((_, c) => plan.cell(keys.columnTotal(c))) : null,
    total: opts.total ? plan.cell(keys.total) : null,
  };
}

/** A list of counts (rows × measures) whose columns add up to figures already in the plan. */
export function presentList(
  plan: SuppressionPlan,
  rows: { key: string; label: string | null }[],
  columns: string[],
  cellKey: (row: string, column: string) => string,
  columnTotalKeys: string[],
): CountTableView {
  return {
    columns,
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: columns.map((c) => plan.cell(cellKey(r.key, c))),
      total: null,
    })),
    columnTotals: columnTotalKeys.map((k) => plan.cell(k)),
    total: null,
  };
}

/** A figure that is not about people (directory entries): always shown. */
export const plain = (value: number): Cell => ({ value, suppressed: false });
