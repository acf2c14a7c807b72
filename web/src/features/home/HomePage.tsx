import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useStats } from '../../api/queries';
import { AppButtonLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatEuros, formatNumber } from '../../lib/format';

const AUDIENCES = ['supplier', 'authority', 'initiative', 'reviewer'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stats = useStats();
  return (
    <>
      <PageHeading title={t('home.title')} />
      <Paragraph lead>{t('home.lead')}</Paragraph>
      <div className="ib-actions">
        <AppButtonLink to="/projects">{t('home.toProjects')}</AppButtonLink>
        <AppButtonLink to="/verify" appearance="secondary">
          {t('home.toVerify')}
        </AppButtonLink>
      </div>

      <section aria-labelledby="figures">
        <Heading2 id="figures">{t('home.figuresTitle')}</Heading2>
        {stats.isPending && <Paragraph>{t('home.figuresLoading')}</Paragraph>}
        {stats.isError && <ErrorMessage error={stats.error} onRetry={() => void stats.refetch()} />}
        {stats.data && (
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
        )}
      </section>

      <section aria-labelledby="for-whom">
        <Heading2 id="for-whom">{t('home.forWhom')}</Heading2>
        <ul className="ib-cards">
          {AUDIENCES.map((who) => (
            <li key={who} className="ib-card">
              <Heading3>{t(`home.${who}Title`)}</Heading3>
              <Paragraph>{t(`home.${who}Text`)}</Paragraph>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
