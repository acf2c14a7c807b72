import {
  Alert,
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { BarChart, type BarDatum } from '../../components/BarChart';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';
import './outcomes.css';

interface Attributed {
  value: number | null;
  suppressed: boolean;
  complete: boolean;
}

interface Period {
  from?: string;
  to?: string;
}

type Download = 'xlsx' | 'csv' | 'csv-nl';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Resultaten" (/outcomes): the authority's outcome report for its coordinators and
 * viewers: the social-return value it approved, what the projects behind it achieved and
 * its share of that, per period, with the same figures as files (XLSX, CSV, CSV for Dutch
 * Excel). Charts are plain HTML bars, each with the same figures as a table.
 */
export default function OutcomesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (me.organisation.kind !== 'authority')
    return (
      <>
        <PageHeading title={t('outcomes.title')} />
        <Alert type="info">
          <Paragraph>{t('outcomes.onlyAuthorities')}</Paragraph>
        </Alert>
      </>
    );
  return <AuthorityOutcomes me={me} />;
}

function AuthorityOutcomes({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [period, setPeriod] = useState<Period>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const report = useQuery({
    queryKey: [me.user.id, 'authority-report', period.from ?? '', period.to ?? ''],
    queryFn: () =>
      call(() => api.GET('/v1/reports/authority', { params: { query: { ...period } } })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (from !== '' && !DAY.test(from))
      found.push({ field: 'outcomes-from', message: t('outcomes.filter.invalidDate') });
    if (to !== '' && !DAY.test(to))
      found.push({ field: 'outcomes-to', message: t('outcomes.filter.invalidDate') });
    if (found.length === 0 && from !== '' && to !== '' && from > to)
      found.push({ field: 'outcomes-from', message: t('outcomes.filter.fromAfterTo') });
    setErrors(found);
    if (found.length > 0) return;
    setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  const count = (n: number) => formatNumber(n, lang, Number.isInteger(n) ? 0 : 1);
  const datum = (label: string, a: Attributed): BarDatum => ({
    label,
    value: a.value,
    ...(a.suppressed
      ? { note: t('outcomes.withheld') }
      : !a.complete
        ? { note: t('outcomes.incomplete') }
        : {}),
  });
  const data = report.data;
  return (
    <>
      <PageHeading title={t('outcomes.title')} />
      <Paragraph lead>{t('outcomes.lead', { authority: me.organisation.name })}</Paragraph>

      <section aria-labelledby="outcomes-filter">
        <Heading2 id="outcomes-filter">{t('outcomes.filter.title')}</Heading2>
        <ErrorSummary errors={errors} />
        <form className="ib-outcomes-filters" noValidate onSubmit={submit}>
          <Field
            id="outcomes-from"
            label={t('outcomes.filter.from')}
            hint={t('outcomes.filter.hint')}
            error={errorOf('outcomes-from')}
          >
            <Textbox
              id="outcomes-from"
              type="date"
              value={from}
              invalid={Boolean(errorOf('outcomes-from'))}
              aria-describedby={describedBy(
                'outcomes-from',
                true,
                Boolean(errorOf('outcomes-from')),
              )}
              onChange={(event) => setFrom(event.target.value)}
            />
          </Field>
          <Field
            id="outcomes-to"
            label={t('outcomes.filter.to')}
            hint={t('outcomes.filter.hint')}
            error={errorOf('outcomes-to')}
          >
            <Textbox
              id="outcomes-to"
              type="date"
              value={to}
              invalid={Boolean(errorOf('outcomes-to'))}
              aria-describedby={describedBy('outcomes-to', true, Boolean(errorOf('outcomes-to')))}
              onChange={(event) => setTo(event.target.value)}
            />
          </Field>
          <div className="ib-outcomes-actions">
            <Button type="submit" appearance="primary-action-button">
              {t('outcomes.filter.show')}
            </Button>
          </div>
        </form>
      </section>

      {report.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {report.error && <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />}
      {data && (
        <>
          <Paragraph role="status" data-testid="outcomes-period">
            {data.period.from
              ? t('outcomes.period', {
                  from: formatDate(data.period.from, lang),
                  to: formatDate(data.period.to, lang),
                })
              : t('outcomes.periodToDate', { to: formatDate(data.period.to, lang) })}
          </Paragraph>

          <section aria-labelledby="outcomes-value">
            <Heading2 id="outcomes-value">{t('outcomes.value.title')}</Heading2>
            <dl className="ib-figures">
              <div>
                <dt>{t('outcomes.value.amount')}</dt>
                <dd>{formatEuros(data.srValue.valueCents, lang)}</dd>
              </div>
              <div>
                <dt>{t('outcomes.value.credits')}</dt>
                <dd>{formatNumber(data.srValue.credits, lang)}</dd>
              </div>
              <div>
                <dt>{t('outcomes.value.claims')}</dt>
                <dd>{formatNumber(data.srValue.claims, lang)}</dd>
              </div>
            </dl>
            {data.srValue.contracts.length === 0 ? (
              <Paragraph>{t('outcomes.value.none')}</Paragraph>
            ) : (
              <BarChart
                title={t('outcomes.value.chart')}
                data={data.srValue.contracts.map((c) => ({
                  label: `${c.title} (${c.supplierName})`,
                  value: c.valueCents,
                }))}
                format={(cents) => formatEuros(cents, lang)}
              />
            )}
          </section>

          <section aria-labelledby="outcomes-results">
            <Heading2 id="outcomes-results">{t('outcomes.results.title')}</Heading2>
            <Paragraph>{t('outcomes.results.explain')}</Paragraph>
            {data.attributed.outcomes.length === 0 ? (
              <Paragraph>{t('outcomes.results.none')}</Paragraph>
            ) : (
              <BarChart
                title={t('outcomes.results.outcomesChart')}
                data={data.attributed.outcomes.map((o) =>
                  datum(t(`outcomeType.${o.outcomeType}`), o.attributed),
                )}
                format={count}
              />
            )}
            {data.attributed.participants.length > 0 && (
              <BarChart
                title={t('outcomes.results.participantsChart')}
                data={data.attributed.participants.map((p) =>
                  datum(t(`targetGroup.${p.targetGroup}`), p.attributed),
                )}
                format={count}
              />
            )}
          </section>

          <section aria-labelledby="outcomes-projects">
            <Heading2 id="outcomes-projects">{t('outcomes.projects.title')}</Heading2>
            {data.projects.length === 0 ? (
              <Paragraph>{t('outcomes.projects.none')}</Paragraph>
            ) : (
              <ScrollTable label={t('outcomes.projects.title')}>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">
                        {t('outcomes.projects.project')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col">{t('outcomes.projects.share')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('outcomes.projects.value')}</TableHeaderCell>
                      <TableHeaderCell scope="col">
                        {t('outcomes.projects.outcomes')}
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.projects.map((p) => (
                      <TableRow key={p.projectId}>
                        <TableHeaderCell scope="row">{p.title}</TableHeaderCell>
                        <TableCell className="ib-outcomes-num">
                          {formatBasisPoints(Math.round(p.share.percent * 100), lang)}
                        </TableCell>
                        <TableCell className="ib-outcomes-num">
                          {formatEuros(p.srValueCents, lang)}
                        </TableCell>
                        <TableCell className="ib-outcomes-num">
                          {p.totals.outcomes.attributed.value === null
                            ? t('outcomes.withheld')
                            : count(p.totals.outcomes.attributed.value)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollTable>
            )}
          </section>

          <Downloads period={period} />

          <section aria-labelledby="outcomes-privacy">
            <Heading2 id="outcomes-privacy">{t('outcomes.privacy.title')}</Heading2>
            <Paragraph>
              {t('outcomes.privacy.text', { base: data.disclosureControl.base })}
            </Paragraph>
            {data.dataAsOf && (
              <Paragraph>
                {t('outcomes.dataAsOf', { date: formatDate(data.dataAsOf, lang) })}
              </Paragraph>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** The report as files: fetched with the sign-in header, then saved. */
function Downloads({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [busy, setBusy] = useState<Download>();
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string>();

  async function download(kind: Download) {
    setFailure(undefined);
    setSaved(undefined);
    setBusy(kind);
    try {
      const blob =
        kind === 'xlsx'
          ? await call(() =>
              api.GET('/v1/reports/authority.xlsx', {
                params: { query: { ...period, lang } },
                parseAs: 'blob',
              }),
            )
          : await call(() =>
              api.GET('/v1/reports/authority.csv', {
                params: { query: { ...period, lang, format: kind } },
                parseAs: 'blob',
              }),
            );
      const name = `${t('outcomes.downloads.fileName')}-${period.from ?? t('outcomes.downloads.start')}-${period.to ?? t('outcomes.downloads.today')}${kind === 'csv-nl' ? '-excel-nl' : ''}.${kind === 'xlsx' ? 'xlsx' : 'csv'}`;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaved(name);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="outcomes-downloads">
      <Heading2 id="outcomes-downloads">{t('outcomes.downloads.title')}</Heading2>
      <Paragraph>{t('outcomes.downloads.explain')}</Paragraph>
      <div className="ib-outcomes-buttons">
        {(['xlsx', 'csv', 'csv-nl'] as const).map((kind) => (
          <Button
            key={kind}
            appearance="secondary-action-button"
            busy={busy === kind}
            disabled={busy !== undefined}
            onClick={() => void download(kind)}
          >
            {t(`outcomes.downloads.${kind === 'csv-nl' ? 'csvNl' : kind}`)}
          </Button>
        ))}
      </div>
      <div role="status">
        {saved && <Paragraph>{t('outcomes.downloads.saved', { name: saved })}</Paragraph>}
      </div>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </section>
  );
}
