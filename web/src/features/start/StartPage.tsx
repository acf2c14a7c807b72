import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';

/**
 * The start page after sign-in: each role sees its own work with real data from the API.
 * The full workspaces are later pages; here every list is what the API answers, nothing more.
 */
export default function StartPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeading title={t('start.title', { name: me.user.name })} />
      {params.get('welcome') === '1' && (
        <Alert type="ok" role="status">
          <Paragraph>{t('start.welcome', { organisation: me.organisation.name })}</Paragraph>
        </Alert>
      )}
      <Paragraph lead>
        {t('start.lead', {
          organisation: me.organisation.name,
          role: t(`roles.${me.user.role}`),
        })}
      </Paragraph>
      <RoleStart me={me} />
    </>
  );
}

function RoleStart({ me }: { me: Me }) {
  switch (me.organisation.kind) {
    case 'initiative':
      return <InitiativeStart me={me} />;
    case 'supplier':
      return <SupplierStart me={me} />;
    case 'authority':
      return <AuthorityStart me={me} />;
    case 'platform':
      return me.user.role === 'admin' ? <AdminStart me={me} /> : <ReviewerStart me={me} />;
  }
}

/** A titled list from one API call: loading, its error, "nothing here", or its items. */
function Section<T>({
  id,
  title,
  query,
  empty,
  render,
}: {
  id: string;
  title: string;
  query: UseQueryResult<T[]>;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {query.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {query.error && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.length === 0 && <Paragraph>{empty}</Paragraph>}
      {query.data && query.data.length > 0 && (
        <ul className="ib-list" aria-labelledby={id}>
          {query.data.map((item, index) => (
            <li key={index}>{render(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const LIMIT = 10;

function InitiativeStart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const plans = useQuery({
    queryKey: [me.user.id, 'plans'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/plans', { params: { query: { limit: LIMIT } } }))).items,
  });
  return (
    <>
      <Paragraph>
        <AppLink to="/plans">{t('plans.startLink')}</AppLink> ·{' '}
        <AppLink to="/plans/new">{t('plans.new')}</AppLink>
      </Paragraph>
      <Section
        id="start-plans"
        title={t('start.initiative.plans')}
        query={plans}
        empty={t('start.initiative.noPlans')}
        render={(plan) => (
          <>
            <AppLink to={`/plans/${plan.id}`}>
              <strong>{plan.title}</strong>
            </AppLink>
            <br />
            {t('start.statusIs', { status: t(`planStatus.${plan.status}`) })}
            {plan.submittedAt &&
              ` · ${t('start.submittedOn', { date: formatDate(plan.submittedAt, lang) })}`}
            {['listed', 'funded', 'completed', 'failed'].includes(plan.status) && (
              <>
                {' · '}
                <AppLink to={`/projects/${plan.id}`}>{t('start.publicPage')}</AppLink>
              </>
            )}
          </>
        )}
      />
    </>
  );
}

function ReviewerStart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const assignments = useQuery({
    queryKey: [me.user.id, 'assignments'],
    queryFn: async () =>
      (
        await call(() => api.GET('/v1/reviews/assignments', { params: { query: { limit: 50 } } }))
      ).items.filter((a) => a.roundStatus === 'open' && !a.scored && a.declaration !== 'conflict'),
  });
  return (
    <>
      <Section
        id="start-assignments"
        title={t('start.reviewer.open')}
        query={assignments}
        empty={t('start.reviewer.none')}
        render={(a) => (
          <>
            <AppLink to={`/reviews/${a.id}`}>
              <strong>{a.title}</strong>
            </AppLink>{' '}
            ({a.initiative.name})
            <br />
            {t('start.reviewer.round', { round: a.roundNumber })} ·{' '}
            {t('start.reviewer.assignedOn', { date: formatDate(a.assignedAt, lang) })} ·{' '}
            {a.declaration === null ? t('start.reviewer.declare') : t('start.reviewer.score')}
          </>
        )}
      />
      <Paragraph>
        <AppLink to="/reviews">{t('reviews.startLink')}</AppLink>
      </Paragraph>
    </>
  );
}

function SupplierStart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const obligations = useQuery({
    queryKey: [me.user.id, 'obligations'],
    queryFn: async () => (await call(() => api.GET('/v1/obligations'))).items,
  });
  const orders = useQuery({
    queryKey: [me.user.id, 'orders'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/orders', { params: { query: { limit: LIMIT } } }))).items,
  });
  const certificates = useQuery({
    queryKey: [me.user.id, 'certificates'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/certificates', { params: { query: { limit: LIMIT } } })))
        .items,
  });
  return (
    <>
      <Paragraph>
        <AppLink to="/wallet">{t('supplier.wallet.title')}</AppLink> ·{' '}
        <AppLink to="/orders">{t('supplier.orders.title')}</AppLink>
      </Paragraph>
      <Section
        id="start-obligations"
        title={t('start.supplier.obligations')}
        query={obligations}
        empty={t('start.supplier.noObligations')}
        render={(o) => (
          <>
            <strong>{o.title}</strong> ({o.authority.name}, {o.reference})
            <br />
            {t('start.supplier.progress', {
              approved: formatEuros(o.progress.approvedCents, lang),
              required: formatEuros(o.progress.requiredCents, lang),
              share: formatBasisPoints(o.progress.filledShareBp, lang),
            })}
            <br />
            {t('start.supplier.endsOn', { date: formatDate(o.endsOn, lang) })}
            {o.progress.overdue && ` · ${t('start.supplier.overdue')}`}
          </>
        )}
      />
      <Section
        id="start-orders"
        title={t('start.supplier.orders')}
        query={orders}
        empty={t('start.supplier.noOrders')}
        render={(o) => (
          <>
            <strong>{o.project.title}</strong>
            <br />
            {t('start.supplier.order', {
              count: o.quantity,
              credits: formatNumber(o.quantity, lang),
              amount: formatEuros(o.amountCents, lang),
              status: t(`orderStatus.${o.status}`),
              date: formatDate(o.createdAt, lang),
            })}
          </>
        )}
      />
      <Section
        id="start-certificates"
        title={t('start.supplier.certificates')}
        query={certificates}
        empty={t('start.supplier.noCertificates')}
        render={(c) => (
          <>
            <strong>{c.number}</strong> · {c.project.title}
            <br />
            {t('start.supplier.certificate', {
              count: c.credits,
              credits: formatNumber(c.credits, lang),
              value: formatEuros(c.valueCents, lang),
              status: t(`certificateStatus.${c.status}`),
            })}{' '}
            {/* The result page is served by the server (it works without scripts). */}·{' '}
            <a className="utrecht-link" href={`/verify/${encodeURIComponent(c.verificationCode)}`}>
              {t('start.supplier.check')}
            </a>
          </>
        )}
      />
    </>
  );
}

function AuthorityStart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const claims = useQuery({
    queryKey: [me.user.id, 'claims', 'pending'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/claims', { params: { query: { status: 'pending', limit: LIMIT } } }),
        )
      ).items,
  });
  const contracts = useQuery({
    queryKey: [me.user.id, 'contracts', 'open'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/contracts', { params: { query: { status: 'open', limit: LIMIT } } }),
        )
      ).items,
  });
  return (
    <>
      <Section
        id="start-claims"
        title={t('start.authority.claims')}
        query={claims}
        empty={t('start.authority.noClaims')}
        render={(c) => (
          <>
            <strong>{c.supplier.name}</strong> · {c.contract.title} ({c.contract.reference})
            <br />
            {t('start.authority.claim', {
              count: c.credits,
              credits: formatNumber(c.credits, lang),
              value: formatEuros(c.valueCents, lang),
              project: c.certificate.projectTitle,
              date: formatDate(c.createdAt, lang),
            })}
          </>
        )}
      />
      <Section
        id="start-contracts"
        title={t('start.authority.contracts')}
        query={contracts}
        empty={t('start.authority.noContracts')}
        render={(c) => (
          <>
            <strong>{c.title}</strong> ({c.reference}) · {c.supplier.name}
            <br />
            {t('start.supplier.progress', {
              approved: formatEuros(c.progress.approvedCents, lang),
              required: formatEuros(c.progress.requiredCents, lang),
              share: formatBasisPoints(c.progress.filledShareBp, lang),
            })}
            {c.progress.pendingCents > 0 &&
              ` · ${t('start.authority.pending', { amount: formatEuros(c.progress.pendingCents, lang) })}`}
            <br />
            {t('start.supplier.endsOn', { date: formatDate(c.endsOn, lang) })}
            {c.progress.overdue && ` · ${t('start.supplier.overdue')}`}
          </>
        )}
      />
    </>
  );
}

/** The platform team's workspaces (web/src/features/admin). */
const ADMIN_PAGES = [
  ['/queues', 'admin.nav.queues'],
  ['/organisations', 'admin.nav.organisations'],
  ['/audit', 'admin.nav.audit'],
  ['/money', 'admin.nav.money'],
] as const;

function AdminStart({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const plans = (status: 'submitted' | 'in_review') => async () =>
    (await call(() => api.GET('/v1/plans', { params: { query: { status, limit: LIMIT } } }))).items;
  const toAssign = useQuery({
    queryKey: [me.user.id, 'plans', 'submitted'],
    queryFn: plans('submitted'),
  });
  const inReview = useQuery({
    queryKey: [me.user.id, 'plans', 'in_review'],
    queryFn: plans('in_review'),
  });
  const payouts = useQuery({
    queryKey: [me.user.id, 'payouts', 'open'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/payouts', { params: { query: { status: 'open' } } }))).items,
  });
  const reports = useQuery({
    queryKey: [me.user.id, 'outcome-reports', 'submitted'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/outcome-reports', {
            params: { query: { status: 'submitted', limit: LIMIT } },
          }),
        )
      ).items,
  });
  const attention = useQuery({
    queryKey: [me.user.id, 'orders', 'attention'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/orders', { params: { query: { needsAttention: 'true', limit: LIMIT } } }),
        )
      ).items,
  });
  const plan = (p: {
    id: string;
    title: string;
    submittedAt: string | null;
    reviewRound: number;
  }) => (
    <>
      <AppLink to={`/plan-queue/${p.id}`}>
        <strong>{p.title}</strong>
      </AppLink>
      <br />
      {p.submittedAt && t('start.submittedOn', { date: formatDate(p.submittedAt, lang) })} ·{' '}
      {t('start.reviewer.round', { round: p.reviewRound })}
    </>
  );
  return (
    <>
      <nav aria-label={t('start.admin.pages')}>
        <ul className="ib-list">
          <li>
            <AppLink to="/plan-queue">{t('planQueue.startLink')}</AppLink>
          </li>
          {ADMIN_PAGES.map(([path, label]) => (
            <li key={path}>
              <AppLink to={path}>{t(label)}</AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <Section
        id="start-assign"
        title={t('start.admin.toAssign')}
        query={toAssign}
        empty={t('start.admin.none')}
        render={plan}
      />
      <Section
        id="start-award"
        title={t('start.admin.inReview')}
        query={inReview}
        empty={t('start.admin.none')}
        render={plan}
      />
      <Section
        id="start-payouts"
        title={t('start.admin.payouts')}
        query={payouts}
        empty={t('start.admin.none')}
        render={(p) => (
          <>
            <strong>{p.project.title}</strong> ({p.initiative.name})
            <br />
            {t('start.admin.payout', {
              amount: formatEuros(p.amountCents, lang),
              status: t(`payoutStatus.${p.status}`),
              date: formatDate(p.dueAt, lang),
            })}
          </>
        )}
      />
      <Section
        id="start-reports"
        title={t('start.admin.reports')}
        query={reports}
        empty={t('start.admin.none')}
        render={(r) => (
          <>
            <strong>{r.projectTitle}</strong>
            <br />
            {t(`start.admin.reportKind.${r.kind}`)} ·{' '}
            {t('start.submittedOn', { date: formatDate(r.submittedAt, lang) })}
          </>
        )}
      />
      <Section
        id="start-attention"
        title={t('start.admin.attention')}
        query={attention}
        empty={t('start.admin.none')}
        render={(o) => (
          <>
            <strong>{o.billing.name}</strong> · {o.project.title}
            <br />
            {t('start.supplier.order', {
              count: o.quantity,
              credits: formatNumber(o.quantity, lang),
              amount: formatEuros(o.amountCents, lang),
              status: t(`orderStatus.${o.status}`),
              date: formatDate(o.createdAt, lang),
            })}
            {(o.attentionFlags ?? (o.needsAttention ? [{ code: o.needsAttention }] : [])).map(
              (flag, index) => (
                <span key={index}>
                  <br />
                  {t(`start.admin.attentionReason.${flag.code}`, {
                    defaultValue: t('start.admin.attentionOther'),
                  })}
                </span>
              ),
            )}
          </>
        )}
      />
    </>
  );
}
