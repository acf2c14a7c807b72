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
 * and number as text, and the same data follows as a table. The bars themselves are
 * decoration (aria-hidden); the text carries the facts.
 */
export function BarChart({
  title,
  data,
  format,
}: {
  title: string;
  data: BarDatum[];
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  return (
    <section aria-labelledby={headingId}>
      <Heading3 id={headingId}>{title}</Heading3>
      <ul className="ib-bar-chart" aria-hidden="true">
        {data.map((d) => (
          <li key={d.label}>
            <span>{d.label}</span>
            <span style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
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
        <summary>{t('stats.asTable')}</summary>
        <ScrollTable label={title}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('stats.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('stats.count')}</TableHeaderCell>
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
