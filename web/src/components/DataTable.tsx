import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';

export interface DataColumn {
  header: ReactNode;
  /** Amounts and counts: aligned to the end, in figures of one width. */
  numeric?: boolean;
}

export interface DataRow {
  key: string;
  /** One cell per column; the first is the row's header (it names the row). */
  cells: ReactNode[];
}

/**
 * A table of rows that each name one thing, in a region that scrolls sideways on a small
 * screen: column headers, the first cell of every row as its header, and an optional
 * footer row (a total) in the same shape.
 */
export function DataTable({
  label,
  columns,
  rows,
  footer,
}: {
  label: string;
  columns: DataColumn[];
  rows: DataRow[];
  footer?: ReactNode[];
}) {
  const numeric = (index: number) => (columns[index]?.numeric ? 'ib-num' : undefined);
  const cells = (row: ReactNode[]) =>
    row.map((cell, index) =>
      index === 0 ? (
        <TableHeaderCell key={index} scope="row">
          {cell}
        </TableHeaderCell>
      ) : (
        <TableCell key={index} className={numeric(index)}>
          {cell}
        </TableCell>
      ),
    );
  return (
    <ScrollTable label={label}>
      <Table>
        <TableHeader>
          <TableRow>
            {columns.map((column, index) => (
              <TableHeaderCell key={index} scope="col" className={numeric(index)}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>{cells(row.cells)}</TableRow>
          ))}
        </TableBody>
        {footer && (
          <TableFooter>
            <TableRow>{cells(footer)}</TableRow>
          </TableFooter>
        )}
      </Table>
    </ScrollTable>
  );
}
