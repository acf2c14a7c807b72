import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros } from '../../lib/format';
import './review.css';

type QueueStatus = 'submitted' | 'in_review' | 'approved';
const QUEUES: QueueStatus[] = ['submitted', 'in_review', 'approved'];

/**
 * "Plannen": the platform team's plan queue, from submitted to listed: plans waiting for a
 * panel, plans in review (scores, consensus, award), and approved plans to put up for sale.
 */
export default function PlanQueuePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (!(me.organisation.kind === 'platform' && me.user.role === 'admin'))
    return (
      <>
        <PageHeading title={t('planQueue.title')} />
        <Paragraph>{t('planQueue.onlyAdmins')}</Paragraph>
      </>
    );
  return (
    <>
      <PageHeading title={t('planQueue.title')} />
      <Paragraph lead>{t('planQueue.lead')}</Paragraph>
      {QUEUES.map((status) => (
        <Queue key={status} me={me} status={status} />
      ))}
    </>
  );
}

function Queue({ me, status }: { me: Me; status: QueueStatus }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const plans = useQuery({
    queryKey: [me.user.id, 'plan-queue', status],
    queryFn: async () =>
      (await call(() => api.GET('/v1/plans', { params: { query: { status, limit: 100 } } }))).items,
  });
  const id = `queue-${status}`;
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{t(`planQueue.queues.${status}`)}</Heading2>
      {plans.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {plans.error && <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data?.length === 0 && <Paragraph>{t('planQueue.empty')}</Paragraph>}
      {plans.data && plans.data.length > 0 && (
        <ul className="ib-list" aria-labelledby={id}>
          {plans.data.map((plan) => (
            <li key={plan.id}>
              <AppLink to={`/plan-queue/${plan.id}`}>
                <strong>{plan.title}</strong>
              </AppLink>
              <br />
              {t('planQueue.round', { round: plan.reviewRound })}
              {plan.submittedAt &&
                ` · ${t('planQueue.submittedOn', { date: formatDate(plan.submittedAt, lang) })}`}
              {plan.totalCostCents !== null &&
                ` · ${t('planQueue.cost', { amount: formatEuros(plan.totalCostCents, lang) })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
