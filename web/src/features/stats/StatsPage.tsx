import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useStats } from '../../api/queries';
import { BarChart, type BarDatum } from '../../components/BarChart';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';

interface Published {
  value: number | null;
  suppressed: boolean;
  complete: boolean;
}

/** Platform figures from /v1/stats; small counts are withheld by the API and said so here. */
export default function StatsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stats = useStats();
  const datum = (label: string, count: Published): BarDatum => ({
    label,
    value: count.value,
    ...(count.suppressed
      ? { note: t('stats.suppressed') }
      : !count.complete
        ? { note: t('stats.incomplete') }
        : {}),
  });
  return (
    <>
      <PageHeading title={t('stats.title')} />
      <Paragraph lead>{t('stats.lead')}</Paragraph>
      {stats.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {stats.isError && <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <>
          <section aria-labelledby="totals">
            <Heading2 id="totals">{t('home.figuresTitle')}</Heading2>
            <dl className="ib-figures">
              <div>
                <dt>{t('home.creditsSold')}</dt>
                <dd>{formatNumber(stats.data.creditsSold, lang)}</dd>
              </div>
              <div>
                <dt>{t('home.amountPaid')}</dt>
                <dd>{formatEuros(stats.data.amountCents, lang, { whole: true })}</dd>
              </div>
              <div>
                <dt>{t('home.projectsListed')}</dt>
                <dd>{formatNumber(stats.data.projects.listed, lang)}</dd>
              </div>
              <div>
                <dt>{t('home.projectsFunded')}</dt>
                <dd>{formatNumber(stats.data.projects.funded, lang)}</dd>
              </div>
            </dl>
            {stats.data.dataAsOf && (
              <Paragraph>
                {t('stats.dataAsOf', { date: formatDate(stats.data.dataAsOf, lang) })}
              </Paragraph>
            )}
          </section>
          <section aria-labelledby="charts">
            <Heading2 id="charts">{t('stats.resultsTitle')}</Heading2>
            {stats.data.outcomes.length === 0 ? (
              <Paragraph>{t('stats.none')}</Paragraph>
            ) : (
              <BarChart
                title={t('stats.outcomesChart')}
                data={stats.data.outcomes.map((o) =>
                  datum(t(`outcomeType.${o.outcomeType}`), o.realised),
                )}
                format={(n) => formatNumber(n, lang)}
              />
            )}
            {stats.data.participants.length > 0 && (
              <BarChart
                title={t('stats.participantsChart')}
                data={stats.data.participants.map((p) =>
                  datum(t(`targetGroup.${p.targetGroup}`), p.realised),
                )}
                format={(n) => formatNumber(n, lang)}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
