import { TableScroll } from '../../components/TableScroll.tsx';
import { useT } from '../../i18n.ts';
import { CellValue } from './CellValue.tsx';
import type { CountTableView } from './types.ts';

interface Props {
  caption: string;
  table: CountTableView;
  /** The heading of the first column (what a row is). */
  rowHeader: string;
  rowLabel: (key: string, label: string | null) => string;
  columnLabel: (column: string) => string;
}

/** A count table as the API sends it: rows, columns, row and column totals where they add up. */
export function CountTable({ caption, table, rowHeader, rowLabel, columnLabel }: Props) {
  const t = useT();
  const rowTotals = table.rows.some((r) => r.total !== null);
  return (
    <TableScroll label={caption}>
      <table className="table table-compact insights-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="num">
                {columnLabel(c)}
              </th>
            ))}
            {rowTotals ? (
              <th scope="col" className="num">
                {t('insights.total')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{rowLabel(row.key, row.label)}</th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]} className="num">
                  <CellValue cell={cell} />
                </td>
              ))}
              {rowTotals ? (
                <td className="num">
                  <CellValue cell={row.total} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {table.columnTotals ? (
          <tfoot>
            <tr>
              <th scope="row">{t('insights.total')}</th>
              {table.columnTotals.map((cell, i) => (
                <td key={table.columns[i]} className="num">
                  <CellValue cell={cell} />
                </td>
              ))}
              {rowTotals ? (
                <td className="num">
                  <CellValue cell={table.total} />
                </td>
              ) : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
