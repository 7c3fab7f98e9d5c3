import type { ReactElement } from 'react';
import { Column, Table, TableBody, TableHeader } from 'react-aria-components';
import { useT } from '../i18n.ts';
import { Empty } from './Status.tsx';
import { TableScroll } from './TableScroll.tsx';

interface DataTableProps<T> {
  /** The table's name, also the name of its scroll area. */
  label: string;
  /** Column headings; the first column names the row. */
  columns: readonly string[];
  /** Adds a last column for buttons, its heading only for screen readers. */
  actions?: boolean;
  items: readonly T[];
  /** Said instead of the table when there are no items. */
  empty: string;
  /** Anything besides the items that the rows show (they re-render when it changes). */
  dependencies?: readonly unknown[];
  compact?: boolean;
  children: (item: T) => ReactElement;
}

/** A read-mostly list as a table: headings, one row per item, scrolling sideways on a small screen. */
export function DataTable<T extends object>({
  label,
  columns,
  actions,
  items,
  empty,
  dependencies = [],
  compact,
  children,
}: DataTableProps<T>) {
  const t = useT();
  // An empty table is all headings and no answer: say it in a sentence instead.
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <TableScroll label={label}>
      <Table aria-label={label} className={compact ? 'table table-compact' : 'table'}>
        <TableHeader>
          {columns.map((column, i) => (
            <Column key={column} isRowHeader={i === 0}>
              {column}
            </Column>
          ))}
          {actions ? (
            <Column>
              <span className="visually-hidden">{t('form.actions')}</span>
            </Column>
          ) : null}
        </TableHeader>
        <TableBody dependencies={[t, ...dependencies]} items={items}>
          {(item) => children(item)}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
