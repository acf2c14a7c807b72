import './plans.css';
import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FundingProgress } from '../../components/FundingProgress';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros, formatNumber } from '../../lib/format';
import { MissingList } from './MissingList';
import { AFTER_LISTING, EDITABLE, type Plan } from './plan-steps';
import { StoriesSection } from './StoriesSection';

/**
 * One plan of the initiative (/plans/{id}): its status and history, the panel's questions,
 * what is still missing, the plan as submitted, and after listing its funding, payouts,
 * outcome reports and stories.
 */
export default function PlanPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const plan = useQuery({
    queryKey: [me.user.id, 'plan', id],
    queryFn: () => call(() => api.GET('/v1/plans/{id}', { params: { path: { id: id! } } })),
  });
  if (!plan.data)
    return (
      <>
        <PageHeading title={t('plans.title')} />
        {plan.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
        {plan.error && <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />}
      </>
    );
  const current = plan.data;
  const editable = EDITABLE.includes(current.status);
  const openQuestions =
    current.status === 'changes_requested'
      ? current.reviewRounds.findLast((round) => round.questions)
      : undefined;
  return (
    <>
      <PageHeading title={current.title} />
      {params.get('submitted') === '1' && current.status === 'submitted' && (
        <Alert type="ok" role="status">
          <Paragraph>{t('plans.page.submitted')}</Paragraph>
        </Alert>
      )}
      <Paragraph lead>
        {t('plans.page.status', { status: t(`planStatus.${current.status}`) })}
      </Paragraph>
      <Paragraph>{t(`plans.statusExplained.${current.status}`)}</Paragraph>
      {openQuestions && (
        <section aria-labelledby="plan-questions" className="ib-plan-questions">
          <Heading2 id="plan-questions">{t('plans.page.questions')}</Heading2>
          <Paragraph>
            {t('plans.page.questionsFrom', {
              date: formatDate(
                openQuestions.returnedAt ?? openQuestions.submittedAt,
                currentLanguage(),
              ),
            })}
          </Paragraph>
          <blockquote className="ib-quote" data-testid="plan-questions">
            {openQuestions.questions}
          </blockquote>
          <Paragraph>{t('plans.page.answerHow')}</Paragraph>
        </section>
      )}
      {editable && (
        <>
          <Paragraph>
            <AppButtonLink to={`/plans/${current.id}/edit/about`}>
              {current.status === 'changes_requested'
                ? t('plans.page.answer')
                : t('plans.page.edit')}
            </AppButtonLink>
          </Paragraph>
          <MissingList plan={current} />
          {current.completeness.length === 0 && (
            <Paragraph>
              <AppLink to={`/plans/${current.id}/edit/submit`}>{t('plans.page.toSubmit')}</AppLink>
            </Paragraph>
          )}
        </>
      )}
      {AFTER_LISTING.includes(current.status) && (
        <>
          <FundingSection plan={current} />
          <ReportsSection me={me} plan={current} />
          <StoriesSection me={me} plan={current} />
          <Paragraph>
            <AppLink to={`/projects/${current.id}`}>{t('plans.page.publicPage')}</AppLink>
          </Paragraph>
        </>
      )}
      <History plan={current} />
      <PlanFacts plan={current} />
    </>
  );
}

function History({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby="plan-history">
      <Heading2 id="plan-history">{t('plans.page.history')}</Heading2>
      <ScrollTable label={t('plans.page.history')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('plans.page.when')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plans.page.statusColumn')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.statusHistory.map((step, index) => (
              <TableRow key={index}>
                <TableCell>{formatDateTime(step.at, lang)}</TableCell>
                <TableCell>{t(`planStatus.${step.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      {plan.reviewRounds.some((round) => round.questions) && (
        <>
          <Heading3>{t('plans.page.rounds')}</Heading3>
          <ul className="ib-list">
            {plan.reviewRounds
              .filter((round) => round.questions)
              .map((round) => (
                <li key={round.roundNumber}>
                  {t('plans.page.round', {
                    n: round.roundNumber,
                    date: formatDate(round.returnedAt ?? round.submittedAt, lang),
                  })}
                  <br />
                  {round.questions}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The plan as the initiative wrote it, in words and euros. */
function PlanFacts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const none = t('plans.page.notYet');
  return (
    <section aria-labelledby="plan-facts">
      <Heading2 id="plan-facts">{t('plans.page.facts')}</Heading2>
      <dl className="ib-facts">
        <dt>{t('plans.fieldNames.summary')}</dt>
        <dd>{plan.summary || none}</dd>
        <dt>{t('plans.fieldNames.municipalities')}</dt>
        <dd>{plan.municipalities.map((m) => m.name).join(', ') || none}</dd>
        <dt>{t('plans.page.period')}</dt>
        <dd>
          {plan.startDate && plan.endDate
            ? t('plans.page.periodValue', {
                from: formatDate(plan.startDate, lang),
                to: formatDate(plan.endDate, lang),
              })
            : none}
        </dd>
        <dt>{t('plans.fieldNames.targetGroups')}</dt>
        <dd>
          {plan.targetGroups
            .map((g) =>
              t('plans.page.people', {
                count: g.expectedParticipants,
                n: formatNumber(g.expectedParticipants, lang),
                group: t(`targetGroup.${g.targetGroup}`),
              }),
            )
            .join('; ') || none}
        </dd>
        <dt>{t('plans.fieldNames.expectedOutcomes')}</dt>
        <dd>
          {plan.expectedOutcomes
            .map((o) =>
              t('plans.page.outcome', {
                count: o.expectedCount,
                n: formatNumber(o.expectedCount, lang),
                outcome: t(`outcomeType.${o.outcomeType}`),
              }),
            )
            .join('; ') || none}
        </dd>
        <dt>{t('plans.page.totalCost')}</dt>
        <dd>{plan.totalCostCents !== null ? formatEuros(plan.totalCostCents, lang) : none}</dd>
        <dt>{t('plans.fieldNames.minimumBudgetCents')}</dt>
        <dd>
          {plan.minimumBudgetCents !== null ? formatEuros(plan.minimumBudgetCents, lang) : none}
        </dd>
        <dt>{t('plans.page.contact')}</dt>
        <dd>
          {[plan.contact.name, plan.contact.email, plan.contact.phone].filter(Boolean).join(', ') ||
            none}
        </dd>
      </dl>
    </section>
  );
}

function FundingSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const funding = useQuery({
    queryKey: ['plan-funding', plan.id],
    queryFn: () =>
      call(() => api.GET('/v1/projects/{id}/funding', { params: { path: { id: plan.id } } })),
  });
  const data = funding.data;
  return (
    <section aria-labelledby="plan-funding">
      <Heading2 id="plan-funding">{t('plans.funding.title')}</Heading2>
      {funding.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {funding.error && <ErrorMessage error={funding.error} />}
      {data && (
        <>
          {data.threshold !== null && data.supply !== null && (
            <FundingProgress
              credits={{ sold: data.sold, threshold: data.threshold, supply: data.supply }}
              title={plan.title}
            />
          )}
          <dl className="ib-facts">
            {data.fundingDeadline && (
              <>
                <dt>{t('plans.funding.deadline')}</dt>
                <dd>{formatDate(data.fundingDeadline, lang)}</dd>
              </>
            )}
            {data.creditPriceCents !== null && (
              <>
                <dt>{t('plans.funding.price')}</dt>
                <dd>{formatEuros(data.creditPriceCents, lang)}</dd>
              </>
            )}
            {data.thresholdAmountCents !== null && (
              <>
                <dt>{t('plans.funding.thresholdAmount')}</dt>
                <dd>{formatEuros(data.thresholdAmountCents, lang)}</dd>
              </>
            )}
            {data.fundedAt && (
              <>
                <dt>{t('plans.funding.fundedAt')}</dt>
                <dd>{formatDate(data.fundedAt, lang)}</dd>
              </>
            )}
            {data.failedAt && (
              <>
                <dt>{t('plans.funding.failedAt')}</dt>
                <dd>{formatDate(data.failedAt, lang)}</dd>
              </>
            )}
            {data.escrow && (
              <>
                <dt>{t('plans.funding.escrow')}</dt>
                <dd>{formatEuros(data.escrow.escrowCents, lang)}</dd>
                <dt>{t('plans.funding.paidOut')}</dt>
                <dd>{formatEuros(data.escrow.paidOutCents, lang)}</dd>
              </>
            )}
          </dl>
          {data.waiting && (
            <Alert type="warning">
              <Paragraph>{t('plans.funding.waiting')}</Paragraph>
            </Alert>
          )}
          <Heading3 id="plan-payouts">{t('plans.funding.payouts')}</Heading3>
          {data.tranches.length === 0 ? (
            <Paragraph>{t('plans.funding.noPayouts')}</Paragraph>
          ) : (
            <ScrollTable label={t('plans.funding.payouts')}>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('plans.funding.tranche')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('plans.funding.amount')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('plans.funding.payoutStatus')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('plans.funding.due')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('plans.funding.paid')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.tranches.map((tranche) => (
                    <TableRow key={tranche.tranche}>
                      <TableHeaderCell scope="row">
                        {t(`plans.funding.trancheName.${tranche.tranche}`)}
                      </TableHeaderCell>
                      <TableCell>{formatEuros(tranche.amountCents, lang)}</TableCell>
                      <TableCell>{t(`payoutStatus.${tranche.status}`)}</TableCell>
                      <TableCell>{formatDate(tranche.dueAt, lang)}</TableCell>
                      <TableCell>
                        {tranche.paidAt
                          ? `${formatDate(tranche.paidAt, lang)}${tranche.bankReference ? ` (${tranche.bankReference})` : ''}`
                          : t('plans.funding.notPaid')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
    </section>
  );
}

function ReportsSection({ me, plan }: { me: Me; plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const reports = useQuery({
    queryKey: [me.user.id, 'plan', plan.id, 'reports'],
    queryFn: () =>
      call(() =>
        api.GET('/v1/projects/{id}/outcome-reports', { params: { path: { id: plan.id } } }),
      ),
  });
  const canReport = plan.status === 'listed' || plan.status === 'funded';
  return (
    <section aria-labelledby="plan-reports">
      <Heading2 id="plan-reports">{t('plans.reports.title')}</Heading2>
      <Paragraph>{t('plans.reports.lead')}</Paragraph>
      {reports.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {reports.error && <ErrorMessage error={reports.error} />}
      {reports.data && reports.data.items.length === 0 && (
        <Paragraph>{t('plans.reports.none')}</Paragraph>
      )}
      {reports.data && reports.data.items.length > 0 && (
        <ul className="ib-list">
          {reports.data.items.map((report) => (
            <li key={report.id}>
              <strong>
                {t('plans.reports.period', {
                  kind: t(`plans.reports.kind.${report.kind}`),
                  from: formatDate(report.periodStart, lang),
                  to: formatDate(report.periodEnd, lang),
                })}
              </strong>
              <br />
              {t(`plans.reports.status.${report.status}`)}
              {report.status === 'returned' && (
                <>
                  {' · '}
                  <AppLink to={`/plans/${plan.id}/reports/${report.id}`}>
                    {t('plans.reports.answer')}
                  </AppLink>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canReport && (
        <Paragraph>
          <AppButtonLink appearance="secondary" to={`/plans/${plan.id}/reports/new`}>
            {t('plans.reports.new')}
          </AppButtonLink>
        </Paragraph>
      )}
    </section>
  );
}
