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
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable';

export interface BarDatum {
  label: string;
  value: number | null;
  /** Shown instead of the number (e.g. withheld for privacy). */
  note?: string;
}

/**
 * A horizontal bar chart from plain HTML (no canvas): each bar is a list item with its label
 * and number as text, and the same data follows as a table (the text alternative that screen
 * readers and keyboard users read). The bars themselves are decoration (aria-hidden); the text
 * carries the facts. The table's column headings and its summary's text are the figures
 * page's unless given.
 */
export function BarChart({
  title,
  data,
  format,
  columns,
  tableSummary,
  className,
}: {
  title: string;
  data: BarDatum[];
  format: (n: number) => string;
  /** The table's headings: what a row is, and its number. */
  columns?: [string, string];
  tableSummary?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const [kind, count] = columns ?? [t('stats.kind'), t('stats.count')];
  return (
    <section aria-labelledby={headingId} className={className}>
      <Heading3 id={headingId}>{title}</Heading3>
      <ul className="ib-bar-chart" aria-hidden="true">
        {data.map((d) => (
          <li key={d.label}>
            <span>{d.label}</span>
            <span className="ib-bar-chart__row">
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
        <summary>{tableSummary ?? t('stats.asTable')}</summary>
        <ScrollTable label={title}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{kind}</TableHeaderCell>
                <TableHeaderCell scope="col">{count}</TableHeaderCell>
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
