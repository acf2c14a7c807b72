import {
  Heading3,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { ScrollTable } from '../../components/ScrollTable';

export interface ImpactDatum {
  label: string;
  value: number | null;
  /** Shown beside (or instead of) the number, e.g. withheld for privacy. */
  note?: string;
}

/**
 * A horizontal bar chart from plain HTML, as the figures page draws it (the bars are
 * decoration, aria-hidden), followed by the same data as a table with named columns: the
 * text alternative that screen readers and keyboard users read.
 */
export function ImpactChart({
  title,
  data,
  format,
  columns,
  tableSummary,
}: {
  title: string;
  data: ImpactDatum[];
  format: (n: number) => string;
  columns: [string, string];
  tableSummary: string;
}) {
  const headingId = useId();
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  return (
    <section aria-labelledby={headingId} className="ib-impact-chart">
      <Heading3 id={headingId}>{title}</Heading3>
      <ul className="ib-bar-chart" aria-hidden="true">
        {data.map((d) => (
          <li key={d.label}>
            <span>{d.label}</span>
            <span className="ib-impact-chart__row">
              <span
                className="ib-bar-chart__bar"
                style={{ inlineSize: `${((d.value ?? 0) / max) * 80}%` }}
              />
              <span>{d.value === null ? '–' : format(d.value)}</span>
            </span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{tableSummary}</summary>
        <ScrollTable label={title}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{columns[0]}</TableHeaderCell>
                <TableHeaderCell scope="col">{columns[1]}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((d) => (
                <TableRow key={d.label}>
                  <TableHeaderCell scope="row">{d.label}</TableHeaderCell>
                  <TableCell>
                    {d.value === null ? '' : format(d.value)} {d.note ?? ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      </details>
    </section>
  );
}
