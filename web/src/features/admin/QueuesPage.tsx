import { Checkbox, FormLabel, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { combineQueries, QueryState } from '../../components/QueryState';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros, formatNumber } from '../../lib/format';
import {
  ActionForm,
  AdminPage,
  CountedSection,
  isAdmin,
  RuleNotice,
  usePlatformNames,
} from './admin-ui';

type Report = components['schemas']['OutcomeReport'];
type Story = components['schemas']['Story'];
type Payout = components['schemas']['Payout'];
type Order = components['schemas']['Order'];
type Purchase = components['schemas']['Purchase'];

const SECTIONS = ['reports', 'stories', 'payouts', 'attention', 'payments', 'refunds'] as const;
/** Flags that mean money has to go back to the buyer. */
const REFUND_FLAGS = ['refund_required', 'refund_amount_mismatch', 'refund_failed'];

/**
 * "Werkvoorraad": everything waiting for the platform team in one place. Each queue is its
 * own section with a count; every decision is the API's, the page only shows it.
 */
export default function QueuesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AdminPage me={me} title={t('adminQueues.title')} lead={t('adminQueues.lead')}>
      {isAdmin(me) && <Queues me={me} />}
    </AdminPage>
  );
}

function Queues({ me }: { me: Me }) {
  const { t } = useTranslation();
  const key = (name: string) => [me.user.id, 'admin-queues', name];
  const reports = useQuery({
    queryKey: key('reports'),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/outcome-reports', {
            params: { query: { status: 'submitted', limit: 100 } },
          }),
        )
      ).items,
  });
  const stories = useQuery({
    queryKey: key('stories'),
    queryFn: async () => (await call(() => api.GET('/v1/stories/submitted'))).items,
  });
  const payouts = useQuery({
    queryKey: key('payouts'),
    queryFn: async () =>
      (await call(() => api.GET('/v1/payouts', { params: { query: { status: 'open' } } }))).items,
  });
  const attention = useQuery({
    queryKey: key('attention'),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/orders', { params: { query: { needsAttention: 'true', limit: 100 } } }),
        )
      ).items,
  });
  // Invoice orders on their own (an order in a purchase is paid with its purchase).
  const reserved = useQuery({
    queryKey: key('reserved'),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/orders', { params: { query: { status: 'reserved', limit: 100 } } }),
        )
      ).items.filter((o) => o.paymentMethod === 'invoice' && !o.purchaseId),
  });
  const purchases = useQuery({
    queryKey: key('purchases'),
    queryFn: async () =>
      (await call(() => api.GET('/v1/purchases'))).items.filter(
        (p) => p.status === 'reserved' && p.paymentMethod === 'invoice',
      ),
  });
  const paid = useQuery({
    queryKey: key('paid'),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/orders', { params: { query: { status: 'paid', limit: 100 } } }),
        )
      ).items,
  });
  // An open refund flag: a Stripe refund that went wrong, or a payment that arrived after
  // the order was cancelled or expired and found its credits gone (still paid, to return).
  const mustRefund = (o: Order) =>
    o.status !== 'refunded' &&
    (o.attentionFlags ?? []).some((f) => f.resolvedAt === null && REFUND_FLAGS.includes(f.code));
  const toRefund = [
    ...(attention.data ?? []).filter(mustRefund),
    ...(paid.data ?? []).filter((o) => o.refundState !== null && !mustRefund(o)),
  ];
  const counts: Record<(typeof SECTIONS)[number], number | undefined> = {
    reports: reports.data?.length,
    stories: stories.data?.length,
    payouts: payouts.data?.length,
    attention: attention.data?.length,
    payments:
      reserved.data && purchases.data ? reserved.data.length + purchases.data.length : undefined,
    refunds: attention.data && paid.data ? toRefund.length : undefined,
  };

  return (
    <>
      <nav aria-label={t('adminQueues.contents')}>
        <ul className="ib-list ib-admin-contents">
          {SECTIONS.map((section) => (
            <li key={section}>
              <a className="utrecht-link" href={`#queue-${section}`}>
                {t(`adminQueues.sections.${section}`)}
                {counts[section] !== undefined && ` (${counts[section]})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <CountedSection
        id="queue-reports"
        title={t('adminQueues.sections.reports')}
        count={counts.reports}
        query={reports}
      >
        {reports.data?.map((report) => (
          <ReportItem key={report.id} report={report} />
        ))}
      </CountedSection>

      <CountedSection
        id="queue-stories"
        title={t('adminQueues.sections.stories')}
        count={counts.stories}
        query={stories}
      >
        {stories.data?.map((story) => (
          <StoryItem key={story.id} story={story} />
        ))}
      </CountedSection>

      <CountedSection
        id="queue-payouts"
        title={t('adminQueues.sections.payouts')}
        count={counts.payouts}
        query={payouts}
      >
        <Paragraph>{t('adminQueues.payouts.rule')}</Paragraph>
        {payouts.data?.map((payout) => (
          <PayoutItem key={payout.id} me={me} payout={payout} />
        ))}
      </CountedSection>

      <CountedSection
        id="queue-attention"
        title={t('adminQueues.sections.attention')}
        count={counts.attention}
        query={attention}
      >
        {attention.data?.map((order) => (
          <AttentionItem key={order.id} order={order} />
        ))}
      </CountedSection>

      <CountedSection
        id="queue-payments"
        title={t('adminQueues.sections.payments')}
        count={counts.payments}
        query={combineQueries(reserved, purchases)}
      >
        {purchases.data?.map((purchase) => (
          <PaymentItem key={purchase.id} kind="purchase" item={purchase} />
        ))}
        {reserved.data?.map((order) => (
          <PaymentItem key={order.id} kind="order" item={order} />
        ))}
      </CountedSection>

      <CountedSection
        id="queue-refunds"
        title={t('adminQueues.sections.refunds')}
        count={counts.refunds}
        query={combineQueries(attention, paid)}
      >
        {toRefund.map((order) => (
          <RefundItem key={order.id} order={order} />
        ))}
      </CountedSection>
    </>
  );
}

function Item({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  return (
    <article className="ib-admin-item">
      <Heading3>{title}</Heading3>
      {children}
    </article>
  );
}

/**
 * A queue item's decision: accept it as it is (the primary button), or send it back with a
 * text that says why (the reason the submitter reads).
 */
function Decision({
  accept,
  refuse,
}: {
  accept: { label: string; button: string; onSubmit: () => Promise<unknown> };
  refuse: {
    label: string;
    textLabel: string;
    hint?: string;
    button: string;
    onSubmit: (text: string) => Promise<unknown>;
  };
}) {
  return (
    <div className="ib-admin-actions">
      <ActionForm {...accept} appearance="primary-action-button" />
      <ActionForm {...refuse} />
    </div>
  );
}

function ReportItem({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Item title={`${report.projectTitle}: ${t(`start.admin.reportKind.${report.kind}`)}`}>
      <Paragraph>
        {t('adminQueues.reports.period', {
          from: formatDate(report.periodStart, lang),
          to: formatDate(report.periodEnd, lang),
        })}{' '}
        · {t('adminQueues.reports.submitted', { date: formatDate(report.submittedAt, lang) })}
        {report.revision > 1 && ` · ${t('adminQueues.reports.revision', { n: report.revision })}`}
      </Paragraph>
      <ul className="utrecht-unordered-list">
        {report.participants.map((p) => (
          <li key={p.targetGroup} className="utrecht-unordered-list__item">
            {t(`targetGroup.${p.targetGroup}`)}:{' '}
            {t('adminQueues.reports.participants', {
              count: p.participants,
              n: formatNumber(p.participants, lang),
            })}
          </li>
        ))}
        {report.outcomes.map((o) => (
          <li key={o.outcomeType} className="utrecht-unordered-list__item">
            {t(`outcomeType.${o.outcomeType}`)}: {formatNumber(o.achieved, lang)}
          </li>
        ))}
      </ul>
      {report.narrative && <Paragraph>{report.narrative}</Paragraph>}
      {report.stories.length > 0 && (
        <Paragraph>
          {t('adminQueues.reports.stories', {
            titles: report.stories.map((s) => s.title).join(', '),
          })}
        </Paragraph>
      )}
      <Decision
        accept={{
          label: t('adminQueues.reports.acceptLabel', { title: report.projectTitle }),
          button: t('adminQueues.reports.accept'),
          onSubmit: () =>
            call(() =>
              api.POST('/v1/outcome-reports/{id}/accept', {
                params: { path: { id: report.id } },
                body: {},
              }),
            ),
        }}
        refuse={{
          label: t('adminQueues.reports.returnLabel', { title: report.projectTitle }),
          textLabel: t('adminQueues.reports.questions'),
          hint: t('adminQueues.reports.questionsHint'),
          button: t('adminQueues.reports.return'),
          onSubmit: (questions) =>
            call(() =>
              api.POST('/v1/outcome-reports/{id}/return', {
                params: { path: { id: report.id } },
                body: { questions },
              }),
            ),
        }}
      />
    </Item>
  );
}

function StoryItem({ story }: { story: Story }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Item title={story.title}>
      <Paragraph>
        {story.projectTitle} ·{' '}
        {t('adminQueues.reports.submitted', { date: formatDate(story.submittedAt, lang) })}
      </Paragraph>
      <blockquote className="ib-admin-quote">
        <Paragraph>{story.text}</Paragraph>
      </blockquote>
      {story.personalDataFlags.length > 0 && (
        <RuleNotice>
          {t('adminQueues.stories.flags', {
            found: story.personalDataFlags.map((f) => f.masked).join(', '),
          })}
        </RuleNotice>
      )}
      <Decision
        accept={{
          label: t('adminQueues.stories.publishLabel', { title: story.title }),
          button: t('adminQueues.stories.publish'),
          onSubmit: () =>
            call(() =>
              api.POST('/v1/stories/{id}/publish', {
                params: { path: { id: story.id } },
                body: {},
              }),
            ),
        }}
        refuse={{
          label: t('adminQueues.stories.rejectLabel', { title: story.title }),
          textLabel: t('adminQueues.stories.reason'),
          button: t('adminQueues.stories.reject'),
          onSubmit: (reason) =>
            call(() =>
              api.POST('/v1/stories/{id}/reject', {
                params: { path: { id: story.id } },
                body: { reason },
              }),
            ),
        }}
      />
    </Item>
  );
}

function PayoutItem({ me, payout }: { me: Me; payout: Payout }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const nameOf = usePlatformNames(me);
  const title = `${payout.project.title}: ${t('adminQueues.payouts.tranche', { n: payout.tranche })}`;
  const acceptedReport = payout.reportAcceptedBy === me.user.id;
  return (
    <Item title={title}>
      <Paragraph data-testid="payout-facts">
        {t('adminQueues.payouts.facts', {
          amount: formatEuros(payout.amountCents, lang),
          initiative: payout.initiative.name,
          date: formatDate(payout.dueAt, lang),
          status: t(`payoutStatus.${payout.status}`),
        })}
        <br />
        {t(`adminQueues.payouts.reason${payout.tranche}`)} ·{' '}
        {t('adminQueues.payouts.transfer', { reference: payout.transferReference })}
      </Paragraph>
      {payout.reportAcceptedBy && (
        <Paragraph>
          {t('adminQueues.payouts.reportAcceptedBy', { name: nameOf(payout.reportAcceptedBy) })}
        </Paragraph>
      )}
      {payout.status === 'due' && (
        <>
          {acceptedReport && <RuleNotice>{t('adminQueues.payouts.youAcceptedReport')}</RuleNotice>}
          <ActionForm
            label={t('adminQueues.payouts.approveLabel', { title })}
            button={t('adminQueues.payouts.approve')}
            appearance="primary-action-button"
            testId="payout-approve"
            onSubmit={() =>
              call(() =>
                api.POST('/v1/payouts/{id}/approve', {
                  params: { path: { id: payout.id } },
                  body: {},
                }),
              )
            }
          />
        </>
      )}
      {payout.status === 'approved' && (
        <>
          <Paragraph data-testid="payout-first">
            {t('adminQueues.payouts.approvedBy', {
              name: nameOf(payout.approvedBy),
              date: payout.approvedAt ? formatDateTime(payout.approvedAt, lang) : '',
            })}
          </Paragraph>
          {(payout.approvedBy === me.user.id || acceptedReport) && (
            <RuleNotice>{t('adminQueues.payouts.youMayNotPay')}</RuleNotice>
          )}
          <ActionForm
            label={t('adminQueues.payouts.payLabel', { title })}
            textLabel={t('adminQueues.payouts.bankReference')}
            hint={t('adminQueues.payouts.bankReferenceHint')}
            button={t('adminQueues.payouts.pay')}
            appearance="primary-action-button"
            testId="payout-pay"
            onSubmit={(bankReference) =>
              call(() =>
                api.POST('/v1/payouts/{id}/mark-paid', {
                  params: { path: { id: payout.id } },
                  body: { bankReference },
                }),
              )
            }
          />
        </>
      )}
    </Item>
  );
}

function orderFacts(order: Order, t: TFunction, lang: 'nl' | 'en') {
  return t('adminQueues.orders.facts', {
    buyer: order.billing.name,
    count: order.quantity,
    credits: formatNumber(order.quantity, lang),
    amount: formatEuros(order.amountCents, lang),
    status: t(`orderStatus.${order.status}`),
    date: formatDate(order.createdAt, lang),
  });
}

function AttentionItem({ order }: { order: Order }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const open = (order.attentionFlags ?? []).filter((f) => f.resolvedAt === null);
  return (
    <Item title={order.project.title}>
      <Paragraph>
        {orderFacts(order, t, lang)}
        {order.invoiceNumber &&
          ` · ${t('adminQueues.orders.invoice', { number: order.invoiceNumber })}`}
      </Paragraph>
      <AppLink to={`/audit?subjectType=order&subjectId=${order.id}`}>
        {t('adminQueues.orders.history')}
      </AppLink>
      {open.map((flag) => (
        <div key={flag.id} className="ib-admin-flag">
          <Paragraph>
            <strong>
              {t(`start.admin.attentionReason.${flag.code}`, {
                defaultValue: t('start.admin.attentionOther'),
              })}
            </strong>{' '}
            ({t('adminQueues.orders.raised', { date: formatDateTime(flag.raisedAt, lang) })})
          </Paragraph>
          {flag.code === UNATTRIBUTED && order.purchaseId ? (
            <UnattributedRefund order={order} purchaseId={order.purchaseId} flag={flag} />
          ) : (
            <ActionForm
              label={t('adminQueues.orders.resolveLabel', { title: order.project.title })}
              textLabel={t('adminQueues.orders.note')}
              hint={t('adminQueues.orders.noteHint')}
              button={t('adminQueues.orders.resolve')}
              onSubmit={(note) =>
                call(() =>
                  api.POST('/v1/orders/{id}/flags/{flagId}/resolve', {
                    params: { path: { id: order.id, flagId: flag.id } },
                    body: { note },
                  }),
                )
              }
            />
          )}
        </div>
      ))}
    </Item>
  );
}

/** A refund of a purchase's payment that Stripe reported and no rule could put on a line. */
const UNATTRIBUTED = 'purchase_refund_unattributed';
type Flag = components['schemas']['OrderFlag'];

/**
 * The platform team says which lines a refund made in Stripe's dashboard gave back: the
 * purchase's paid lines as checkboxes, with the refund's amount beside them. The API books
 * them refunded only when they add up to the refund (else it refuses and nothing changes);
 * with none chosen the flag is closed with the note alone and nothing is booked.
 */
function UnattributedRefund({
  order,
  purchaseId,
  flag,
}: {
  order: Order;
  purchaseId: string;
  flag: Flag;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [chosen, setChosen] = useState<string[]>([]);
  const purchase = useQuery({
    queryKey: ['admin-purchase', purchaseId],
    queryFn: () =>
      call(() => api.GET('/v1/purchases/{id}', { params: { path: { id: purchaseId } } })),
  });
  // "re_… of 12345 cents", as the settlement writes it.
  const refundCents = Number(/ of (\d+) cents$/.exec(flag.detail ?? '')?.[1] ?? Number.NaN);
  const lines = (purchase.data?.lines ?? []).filter((line) => line.order.status === 'paid');
  const chosenCents = lines
    .filter((line) => chosen.includes(line.order.id))
    .reduce((sum, line) => sum + line.amountCents, 0);
  const groupId = `refund-lines-${flag.id}`;
  return (
    <>
      <QueryState query={purchase} />
      {purchase.data && (
        <ActionForm
          label={t('adminQueues.orders.unattributed.label', { title: order.project.title })}
          textLabel={t('adminQueues.orders.note')}
          hint={t('adminQueues.orders.noteHint')}
          button={t('adminQueues.orders.unattributed.button')}
          onSubmit={(note) =>
            call(() =>
              api.POST('/v1/orders/{id}/flags/{flagId}/resolve', {
                params: { path: { id: order.id, flagId: flag.id } },
                body: { note, ...(chosen.length > 0 ? { refundedOrderIds: chosen } : {}) },
              }),
            )
          }
        >
          <fieldset
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
            aria-describedby={`${groupId}-hint`}
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('adminQueues.orders.unattributed.legend')}
            </legend>
            <Paragraph id={`${groupId}-hint`}>
              {Number.isFinite(refundCents)
                ? t('adminQueues.orders.unattributed.hint', {
                    amount: formatEuros(refundCents, lang),
                  })
                : t('adminQueues.orders.unattributed.hintNoAmount')}
            </Paragraph>
            {lines.map((line) => {
              const id = `${groupId}-${line.order.id}`;
              return (
                <div
                  key={line.order.id}
                  className="utrecht-form-field utrecht-form-field--checkbox"
                >
                  <Checkbox
                    id={id}
                    checked={chosen.includes(line.order.id)}
                    onChange={(event) =>
                      setChosen((now) =>
                        event.target.checked
                          ? [...now, line.order.id]
                          : now.filter((orderId) => orderId !== line.order.id),
                      )
                    }
                  />{' '}
                  <FormLabel htmlFor={id} type="checkbox">
                    {t('adminQueues.orders.unattributed.line', {
                      title: line.project.title,
                      amount: formatEuros(line.amountCents, lang),
                    })}
                  </FormLabel>
                </div>
              );
            })}
            <Paragraph role="status">
              {t('adminQueues.orders.unattributed.chosen', {
                amount: formatEuros(chosenCents, lang),
              })}
            </Paragraph>
          </fieldset>
        </ActionForm>
      )}
    </>
  );
}

function PaymentItem(props: { kind: 'order'; item: Order } | { kind: 'purchase'; item: Purchase }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { item } = props;
  const title =
    props.kind === 'order'
      ? props.item.project.title
      : t('adminQueues.payments.purchase', {
          projects: props.item.lines.map((l) => l.project.title).join(', '),
        });
  const path = { params: { path: { id: item.id } } };
  return (
    <Item title={title}>
      <Paragraph>
        {t('adminQueues.payments.facts', {
          buyer: item.billing.name,
          amount: formatEuros(item.amountCents, lang),
          invoice: item.invoiceNumber ?? '—',
          reference: item.paymentReference,
          date: formatDate(item.reservedUntil, lang),
        })}
      </Paragraph>
      <div className="ib-admin-actions">
        <MarkPaid
          title={title}
          amountCents={item.amountCents}
          onSubmit={(body) =>
            props.kind === 'order'
              ? call(() => api.POST('/v1/orders/{id}/mark-paid', { ...path, body }))
              : call(() => api.POST('/v1/purchases/{id}/mark-paid', { ...path, body }))
          }
        />
        <ActionForm
          label={t('adminQueues.payments.cancelLabel', { title })}
          textLabel={t('adminQueues.payments.reason')}
          button={t('adminQueues.payments.cancel')}
          onSubmit={(reason) =>
            props.kind === 'order'
              ? call(() => api.POST('/v1/orders/{id}/cancel', { ...path, body: { reason } }))
              : call(() => api.POST('/v1/purchases/{id}/cancel', { ...path, body: { reason } }))
          }
        />
      </div>
    </Item>
  );
}

/** Mark paid: the bank's reference, with the amount received (the order's, unless changed). */
function MarkPaid({
  title,
  amountCents,
  onSubmit,
}: {
  title: string;
  amountCents: number;
  onSubmit: (body: { amountCents: number; bankReference: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <ActionForm
      label={t('adminQueues.payments.paidLabel', { title })}
      textLabel={t('adminQueues.payments.bankReference')}
      hint={t('adminQueues.payments.bankReferenceHint', {
        amount: formatEuros(amountCents, lang),
      })}
      button={t('adminQueues.payments.paid')}
      appearance="primary-action-button"
      onSubmit={(bankReference) => onSubmit({ amountCents, bankReference })}
    />
  );
}

function RefundItem({ order }: { order: Order }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Item title={order.project.title}>
      <Paragraph>
        {orderFacts(order, t, lang)}
        {order.invoiceNumber &&
          ` · ${t('adminQueues.orders.invoice', { number: order.invoiceNumber })}`}
      </Paragraph>
      {order.refundState && (
        <Paragraph>{t(`adminQueues.refunds.state.${order.refundState}`)}</Paragraph>
      )}
      {order.refundState !== 'pending' && (
        <ActionForm
          label={t('adminQueues.refunds.refundLabel', { title: order.project.title })}
          textLabel={t('adminQueues.refunds.reason')}
          hint={t(
            order.paymentMethod === 'invoice'
              ? 'adminQueues.refunds.invoiceHint'
              : 'adminQueues.refunds.stripeHint',
          )}
          button={t('adminQueues.refunds.refund')}
          onSubmit={(reason) =>
            call(() =>
              api.POST('/v1/orders/{id}/refund', {
                params: { path: { id: order.id } },
                body: { reason },
              }),
            )
          }
        />
      )}
    </Item>
  );
}
