import { Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros } from '../../lib/format';

/** The initiative's plans (/plans): each with its status, newest first; a new plan starts here. */
export default function PlansPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const plans = useQuery({
    queryKey: [me.user.id, 'plans', 'all'],
    queryFn: () => call(() => api.GET('/v1/plans', { params: { query: { limit: 100 } } })),
    enabled: me.organisation.kind === 'initiative',
  });
  if (me.organisation.kind !== 'initiative')
    return (
      <>
        <PageHeading title={t('plans.title')} />
        <Paragraph>{t('plans.onlyInitiatives')}</Paragraph>
      </>
    );
  return (
    <>
      <PageHeading title={t('plans.title')} />
      <Paragraph lead>{t('plans.lead')}</Paragraph>
      <Paragraph>
        <AppButtonLink to="/plans/new">{t('plans.new')}</AppButtonLink>
      </Paragraph>
      {plans.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {plans.error && <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && plans.data.items.length === 0 && <Paragraph>{t('plans.none')}</Paragraph>}
      {plans.data && plans.data.items.length > 0 && (
        <ul className="ib-list" aria-label={t('plans.title')}>
          {plans.data.items.map((plan) => (
            <li key={plan.id}>
              <AppLink to={`/plans/${plan.id}`}>
                <strong>{plan.title}</strong>
              </AppLink>
              <br />
              {t('plans.statusIs', { status: t(`planStatus.${plan.status}`) })}
              {plan.totalCostCents !== null &&
                ` · ${t('plans.costs', { amount: formatEuros(plan.totalCostCents, lang) })}`}
              {` · ${t('plans.changedOn', { date: formatDate(plan.updatedAt, lang) })}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
