import type { ReactNode } from 'react';
import type { Column } from './DataTable.tsx';

// Short ways to write a DataTable column, handed to `columns={(c) => [...]}`: `c.text` for words,
// `c.num` for figures (right-aligned). `more` sets the rest (className, rowHeader, label…).

type Cell<Row> = (row: Row, index: number) => ReactNode;

export interface ColumnKit<Row> {
  text: (key: string, header: ReactNode, cell: Cell<Row>, more?: Partial<Column<Row>>) => Column<Row>;
  num: (key: string, header: ReactNode, cell: Cell<Row>, more?: Partial<Column<Row>>) => Column<Row>;
}

export function columnKit<Row>(): ColumnKit<Row> {
  return {
    text: (key, header, cell, more) => ({ key, header, cell, ...more }),
    num: (key, header, cell, more) => ({ key, header, cell, align: 'num', ...more }),
  };
}
