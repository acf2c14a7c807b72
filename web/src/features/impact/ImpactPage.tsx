import {
  Button,
  Heading2,
  Heading3,
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
import { useSearchParams } from 'react-router';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call, CLIENT_HEADER, getAccessToken } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { BarChart, type BarDatum } from '../../components/BarChart';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';
import { DownloadButton } from '../../components/DownloadButton';
import './impact.css';

type Report = components['schemas']['SupplierReport'];
type Attributed = components['schemas']['AttributedCount'];
type Period = { from?: string; to?: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The supplier's impact report (/impact, GET /v1/reports/supplier): per project funded where
 * the money went (amount, credits, budget lines pro rata), the outcomes attributed to the
 * supplier's share and the published stories; two charts, each with its table; a period
 * filter kept in the address; downloads as PDF (Dutch or English), XLSX and CSV.
 */
export default function ImpactPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [search, setSearch] = useSearchParams();
  const period: Period = {};
  const fromParam = search.get('from');
  const toParam = search.get('to');
  if (fromParam && ISO_DAY.test(fromParam)) period.from = fromParam;
  if (toParam && ISO_DAY.test(toParam)) period.to = toParam;
  const isSupplier = me.organisation.kind === 'supplier';
  const report = useQuery({
    queryKey: [me.user.id, 'impact', period.from ?? null, period.to ?? null],
    queryFn: () =>
      call(() => api.GET('/v1/reports/supplier', { params: { query: { ...period } } })),
    enabled: isSupplier,
  });
  if (!isSupplier)
    return (
      <>
        <PageHeading title={t('impact.title')} />
        <Paragraph>{t('impact.onlySuppliers')}</Paragraph>
      </>
    );
  return (
    <>
      <PageHeading title={t('impact.title')} />
      <Paragraph lead>{t('impact.lead')}</Paragraph>
      <PeriodForm
        period={period}
        onApply={(next) => {
          const params = new URLSearchParams();
          if (next.from) params.set('from', next.from);
          if (next.to) params.set('to', next.to);
          setSearch(params);
        }}
      />
      <Downloads period={period} />
      {report.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {report.error && <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && <ReportBody report={report.data} lang={lang} />}
      <Paragraph>
        <AppLink to="/certificates">{t('impact.toCertificates')}</AppLink>
      </Paragraph>
    </>
  );
}

function PeriodForm({ period, onApply }: { period: Period; onApply: (p: Period) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (from && to && from > to)
      found.push({ field: 'impact-from', message: t('impact.period.fromAfterTo') });
    setErrors(found);
    if (found.length > 0) return;
    onApply({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }
  const fromError = errors.find((e) => e.field === 'impact-from')?.message;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="impact-period">
      <Heading2 id="impact-period">{t('impact.period.title')}</Heading2>
      <ErrorSummary errors={errors} />
      <div className="ib-impact-period">
        <Field id="impact-from" label={t('impact.period.from')} error={fromError}>
          <Textbox
            id="impact-from"
            type="date"
            value={from}
            invalid={Boolean(fromError)}
            onChange={(event) => setFrom(event.target.value)}
          />
        </Field>
        <Field id="impact-to" label={t('impact.period.to')}>
          <Textbox
            id="impact-to"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </Field>
        <Button type="submit" appearance="secondary-action-button">
          {t('impact.period.apply')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The PDF route (GET /v1/reports/supplier.pdf?lang=) is not in this API document yet, so it
 * is fetched with the session's header here rather than through the typed client.
 */
async function fetchPdf(period: Period, lang: 'nl' | 'en'): Promise<Blob> {
  const query = new URLSearchParams({ ...period, lang });
  const token = getAccessToken();
  let response: Response;
  try {
    response = await fetch(`/v1/reports/supplier.pdf?${query.toString()}`, {
      headers: { [CLIENT_HEADER]: 'web', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK.UNAVAILABLE', undefined, undefined);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP.${response.status}`,
      response.headers.get('x-request-id') ?? undefined,
      undefined,
    );
  }
  return response.blob();
}

function Downloads({ period }: { period: Period }) {
  const { t } = useTranslation();
  const suffix = [period.from, period.to].filter(Boolean).join('_') || 'alles';
  return (
    <section aria-labelledby="impact-downloads">
      <Heading2 id="impact-downloads">{t('impact.downloads.title')}</Heading2>
      <Paragraph>{t('impact.downloads.explain')}</Paragraph>
      <div className="ib-impact-downloads">
        <DownloadButton
          label={t('impact.downloads.pdfNl')}
          fileName={`impactrapport-${suffix}.pdf`}
          fetchFile={() => fetchPdf(period, 'nl')}
        />
        <DownloadButton
          label={t('impact.downloads.pdfEn')}
          fileName={`impact-report-${suffix}-en.pdf`}
          fetchFile={() => fetchPdf(period, 'en')}
        />
        <DownloadButton
          label={t('impact.downloads.xlsx')}
          fileName={`impactrapport-${suffix}.xlsx`}
          fetchFile={() =>
            call(() =>
              api.GET('/v1/reports/supplier.xlsx', {
                params: { query: { ...period } },
                parseAs: 'blob',
              }),
            )
          }
        />
        <DownloadButton
          label={t('impact.downloads.csv')}
          fileName={`impactrapport-${suffix}.csv`}
          fetchFile={() =>
            call(() =>
              api.GET('/v1/reports/supplier.csv', {
                params: { query: { ...period } },
                parseAs: 'blob',
              }),
            )
          }
        />
      </div>
    </section>
  );
}

function ReportBody({ report, lang }: { report: Report; lang: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const attributedText = (a: Attributed) =>
    a.suppressed || a.value === null
      ? t('impact.suppressed')
      : `${formatNumber(a.value, lang, 1)}${a.complete ? '' : ` ${t('impact.incomplete')}`}`;
  const credits = report.certificates
    .filter((c) => c.status === 'active')
    .reduce((sum, c) => sum + c.credits, 0);
  const paid = report.projects.reduce((sum, p) => sum + p.amountCents, 0);
  const money: BarDatum[] = report.projects.map((p) => ({
    label: p.title,
    value: p.amountCents,
  }));
  const outcomes: BarDatum[] = report.attributed.outcomes.map((o) => ({
    label: t(`outcomeType.${o.outcomeType}`),
    value: o.attributed.suppressed ? null : o.attributed.value,
    ...(o.attributed.suppressed
      ? { note: t('impact.suppressed') }
      : !o.attributed.complete
        ? { note: t('impact.incomplete') }
        : {}),
  }));
  return (
    <>
      <section aria-labelledby="impact-summary">
        <Heading2 id="impact-summary">{t('impact.summary.title')}</Heading2>
        <Paragraph>
          {t('impact.summary.period', {
            from: report.period.from ? formatDate(report.period.from, lang) : t('impact.start'),
            to: formatDate(report.period.to, lang),
          })}
        </Paragraph>
        <dl className="ib-figures">
          <div>
            <dt>{t('impact.summary.paid')}</dt>
            <dd>{formatEuros(paid, lang)}</dd>
          </div>
          <div>
            <dt>{t('impact.summary.credits')}</dt>
            <dd>{formatNumber(credits, lang)}</dd>
          </div>
          <div>
            <dt>{t('impact.summary.projects')}</dt>
            <dd>{formatNumber(report.projects.length, lang)}</dd>
          </div>
          <div>
            <dt>{t('impact.summary.outcomes')}</dt>
            <dd>{attributedText(report.attributed.totals.outcomes)}</dd>
          </div>
        </dl>
        <Paragraph>{t('impact.method')}</Paragraph>
      </section>
      {report.projects.length === 0 ? (
        <Paragraph>{t('impact.none')}</Paragraph>
      ) : (
        <section aria-labelledby="impact-charts">
          <Heading2 id="impact-charts">{t('impact.charts.title')}</Heading2>
          <BarChart
            title={t('impact.charts.money')}
            data={money}
            format={(n) => formatEuros(n, lang)}
            columns={[t('impact.columns.project'), t('impact.columns.amount')]}
            tableSummary={t('impact.charts.asTable')}
            className="ib-impact-chart"
          />
          {outcomes.length > 0 && (
            <BarChart
              title={t('impact.charts.outcomes')}
              data={outcomes}
              format={(n) => formatNumber(n, lang, 1)}
              columns={[t('impact.columns.outcome'), t('impact.columns.attributed')]}
              tableSummary={t('impact.charts.asTable')}
              className="ib-impact-chart"
            />
          )}
        </section>
      )}
      {report.projects.map((p) => (
        <section
          key={p.projectId}
          aria-labelledby={`impact-${p.projectId}`}
          className="ib-impact-project"
        >
          <Heading2 id={`impact-${p.projectId}`}>{p.title}</Heading2>
          <Paragraph>
            {t('impact.project.line', {
              amount: formatEuros(p.amountCents, lang),
              credits: formatNumber(p.share.credits, lang),
              sold: formatNumber(p.share.soldCredits, lang),
              percent: formatNumber(p.share.percent, lang, 2),
            })}
          </Paragraph>
          <Heading3>{t('impact.project.moneyTitle')}</Heading3>
          {p.budgetLines.length === 0 ? (
            <Paragraph>{t('impact.project.noLines')}</Paragraph>
          ) : (
            <ScrollTable label={t('impact.project.moneyOf', { project: p.title })}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('impact.columns.line')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('impact.columns.category')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('impact.columns.yourShare')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('impact.columns.spent')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.budgetLines.map((line) => (
                    <TableRow key={line.budgetLineId}>
                      <TableHeaderCell scope="row">{line.description}</TableHeaderCell>
                      <TableCell>{t(`budgetCategory.${line.category}`)}</TableCell>
                      <TableCell>{formatEuros(line.plannedShareCents, lang)}</TableCell>
                      <TableCell>{formatEuros(line.attributedSpentCents, lang)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollTable>
          )}
          <Heading3>{t('impact.project.outcomesTitle')}</Heading3>
          {p.outcomes.length === 0 ? (
            <Paragraph>{t('impact.project.noOutcomes')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {p.outcomes.map((o) => (
                <li key={o.outcomeType} className="utrecht-unordered-list__item">
                  {t('impact.project.outcome', {
                    outcome: t(`outcomeType.${o.outcomeType}`),
                    attributed: attributedText(o.attributed),
                  })}
                </li>
              ))}
            </ul>
          )}
          <Heading3>{t('impact.project.storiesTitle')}</Heading3>
          {p.stories.length === 0 ? (
            <Paragraph>{t('impact.project.noStories')}</Paragraph>
          ) : (
            p.stories.map((story) => (
              <article key={story.id} aria-labelledby={`story-${story.id}`}>
                <Paragraph>
                  <strong id={`story-${story.id}`}>{story.title}</strong> (
                  {formatDate(story.publishedAt, lang)})
                </Paragraph>
                <Paragraph>{story.text}</Paragraph>
              </article>
            ))
          )}
          <Paragraph>
            <AppLink to={`/projects/${p.projectId}`}>
              {t('impact.project.publicPage', { project: p.title })}
            </AppLink>
          </Paragraph>
        </section>
      ))}
    </>
  );
}
