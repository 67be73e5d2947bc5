import type { ReactNode, TableHTMLAttributes } from 'react';
import { type ColumnKit, columnKit } from './columns.ts';

// The one table of the web UI. A table is its columns (header, cell, alignment) and its rows;
// the markup is the plain <table> the CSS and the browser tests know: `table-cards` tables turn
// into one card per row on a phone, reading each cell's label from `data-label`; `data-table`
// tables scroll sideways instead.

type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

export interface Column<Row> {
  /** Stable React key of the column. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** `num`: figures, right-aligned in the header and the cells. */
  align?: 'num';
  /** Extra classes of the body cells (`mono`, `strong`), fixed or per row. */
  className?: string | ((row: Row) => string | undefined);
  /** The row's own header cell: rendered as `<th scope="row">`. */
  rowHeader?: boolean;
  /** The cell's label on a phone card (cards layout); the header when it is text, null for none. */
  label?: string | null;
  /** More attributes of each body cell (`data-column`…). */
  cellData?: (row: Row) => DataAttributes;
}

export interface DataTableProps<Row> extends Omit<TableHTMLAttributes<HTMLTableElement>, 'className'> {
  /** `cards` (the default): table-cards, a card per row on a phone; `grid`: data-table (scrolls sideways). */
  layout?: 'cards' | 'grid';
  /** Classes after the layout's own (`employer-table`). */
  className?: string;
  caption?: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  /** The columns, or a function making them with the short column helpers. */
  columns: readonly Column<Row>[] | ((c: ColumnKit<Row>) => readonly Column<Row>[]);
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Class and data attributes of a body row. */
  rowProps?: (row: Row) => { className?: string } & DataAttributes;
  /** Header rows above the column headers (column groups). */
  headGroups?: ReactNode;
  /** Rendered inside `<tfoot>` (totals). */
  footer?: ReactNode;
  /** Header row omitted (a two-column list of figures). */
  noHeader?: boolean;
}

function classes(...names: (string | undefined | false)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined || undefined;
}

export function DataTable<Row>({
  layout = 'cards',
  className,
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  rowProps,
  headGroups,
  footer,
  noHeader,
  ...tableProps
}: DataTableProps<Row>) {
  const cards = layout === 'cards';
  const shown = typeof columns === 'function' ? columns(columnKit<Row>()) : columns;
  const label = (column: Column<Row>) =>
    !cards || column.label === null
      ? undefined
      : (column.label ?? (typeof column.header === 'string' ? column.header : undefined));
  return (
    <table className={classes(cards ? 'table-cards' : 'data-table', className)} {...tableProps}>
      {caption !== undefined ? (
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      ) : null}
      {noHeader ? null : (
        <thead>
          {headGroups}
          <tr>
            {shown.map((column) => (
              <th key={column.key} scope="col" className={column.align}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowProps?.(row)}>
            {shown.map((column) => {
              const extra = typeof column.className === 'function' ? column.className(row) : column.className;
              const props = {
                className: classes(column.align, extra),
                'data-label': label(column),
                ...column.cellData?.(row),
              };
              const content = column.cell(row, index);
              return column.rowHeader ? (
                <th key={column.key} scope="row" {...props}>
                  {content}
                </th>
              ) : (
                <td key={column.key} {...props}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}
