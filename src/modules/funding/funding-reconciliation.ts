import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { unprocessable } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { fundingRepository as repo } from './funding.repository.js';
import type { ReconciliationReport } from './funding.schemas.js';

/**
 * The admin's reconciliation report (issue 8): per Amsterdam calendar day, the Stripe
 * payments and refunds the platform recorded from Stripe (the signed webhook events it
 * stored) beside the money ledger, matched order by order, with every difference flagged:
 * a payment or refund in one and not the other, or with another amount. A refund Stripe
 * reported before the payment is counted for the order the payment names, and a lost
 * dispute counts as the refund it is (issue 17). A Stripe refund
 * the platform made shows as "not reported by Stripe" until Stripe's charge.refunded
 * event arrives; a payment fulfilled through reconciliation (its webhook lost) shows as
 * "not reported by Stripe" too, which is exactly what an admin should look at.
 */

type Diff = ReconciliationReport['days'][number]['differences'][number];
type Day = ReconciliationReport['days'][number];

const MAX_DAYS = 92;
const n = (value: unknown): number => Number(value ?? 0);

export async function reconciliationReport(
  db: Kysely<DB>,
  from: string,
  to: string,
): Promise<ReconciliationReport> {
  const bounds = await sql<{ start: Date; end: Date; days: number }>`
    SELECT (${from}::date::timestamp AT TIME ZONE 'Europe/Amsterdam') AS start,
           ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS end,
           (${to}::date - ${from}::date) AS days
  `
    .execute(db)
    .catch(() => {
      throw unprocessable(
        'FUNDING.INVALID_PERIOD',
        'from and to must be calendar days (YYYY-MM-DD)',
      );
    });
  const { start, end, days: span } = bounds.rows[0]!;
  if (n(span) < 0 || n(span) > MAX_DAYS)
    throw unprocessable(
      'FUNDING.INVALID_PERIOD',
      `to must be on or after from, at most ${MAX_DAYS} days later`,
    );

  const days = new Map<string, Day>();
  const dayOf = (day: string): Day => {
    let entry = days.get(day);
    if (!entry) {
      entry = {
        day,
        stripePaymentsCents: 0,
        ledgerStripePaymentsCents: 0,
        stripeRefundsCents: 0,
        ledgerStripeRefundsCents: 0,
        invoicePaymentsCents: 0,
        invoiceRefundsCents: 0,
        payoutsCents: 0,
        differences: [],
      };
      days.set(day, entry);
    }
    return entry;
  };

  for (const row of await repo.ledgerByDay(db, start, end)) {
    const day = dayOf(row.day);
    if (row.method === 'stripe') {
      day.ledgerStripePaymentsCents += n(row.received);
      day.ledgerStripeRefundsCents += n(row.refunded);
    } else if (row.method === 'invoice') {
      day.invoicePaymentsCents += n(row.received);
      day.invoiceRefundsCents += n(row.refunded);
    }
    day.payoutsCents += n(row.paid_out);
  }

  // Stripe's side, per order: the paid session's amount, and the charge's refunded amount (cumulative: the highest wins).
  const stripePaid: StripeAmounts = new Map();
  const stripeRefunded: StripeAmounts = new Map();
  const lineRefunds: LineRefunds = new Map();
  const periodEvents = await repo.stripeEvents(db, { from: start, to: end });
  const lines = await purchaseContext(db, periodEvents);
  for (const event of periodEvents)
    addStripeEvent(event, stripePaid, stripeRefunded, lines, lineRefunds);
  mergeLineRefunds(lineRefunds, stripeRefunded);
  for (const [, paid] of stripePaid) dayOf(paid.day).stripePaymentsCents += paid.cents;
  for (const [, refunded] of stripeRefunded)
    dayOf(refunded.day).stripeRefundsCents += refunded.cents;

  const ledgerPaid: LedgerAmounts = new Map();
  const ledgerRefunded: LedgerAmounts = new Map();
  for (const entry of await repo.stripeLedgerEntries(db, { from: start, to: end }))
    addLedgerEntry(entry, ledgerPaid, ledgerRefunded);

  const compare = (
    stripe: StripeAmounts,
    ledger: LedgerAmounts,
    kinds: { missingInLedger: Diff['kind']; missingAtStripe: Diff['kind']; differs: Diff['kind'] },
  ) => {
    for (const orderId of new Set([...stripe.keys(), ...ledger.keys()])) {
      const s = stripe.get(orderId);
      const l = ledger.get(orderId);
      let kind: Diff['kind'] | undefined;
      if (s && !l) kind = kinds.missingInLedger;
      else if (!s && l) kind = kinds.missingAtStripe;
      else if (s && l && s.cents !== l.cents) kind = kinds.differs;
      if (!kind) continue;
      dayOf((l ?? s)!.day).differences.push({
        kind,
        orderId,
        stripeCents: s?.cents ?? null,
        ledgerCents: l?.cents ?? null,
        reference: s?.reference ?? l?.reference ?? null,
      });
    }
  };
  // An order's event and ledger row may fall on either side of the period's edge: look both up whole.
  await widen(db, stripePaid, stripeRefunded, ledgerPaid, ledgerRefunded, lineRefunds);
  compare(stripePaid, ledgerPaid, {
    missingInLedger: 'payment_not_in_ledger',
    missingAtStripe: 'payment_not_reported_by_stripe',
    differs: 'payment_amount_differs',
  });
  compare(stripeRefunded, ledgerRefunded, {
    missingInLedger: 'refund_not_in_ledger',
    missingAtStripe: 'refund_not_reported_by_stripe',
    differs: 'refund_amount_differs',
  });

  const sorted = [...days.values()]
    .filter((d) => d.day >= from && d.day <= to)
    .sort((a, b) => a.day.localeCompare(b.day));
  const differences = sorted.reduce((sum, d) => sum + d.differences.length, 0);
  const unbalanced = (await repo.ledgerTotalsByProject(db)).some((p) => p.escrowCents < 0);
  return { from, to, days: sorted, differences, balanced: differences === 0 && !unbalanced };
}

/**
 * Completes each side for the orders the period touched: an order paid at 23:59 whose
 * event is stamped 00:00 the next day (or the other way round) is matched, not flagged.
 * Only fills gaps; amounts counted per day above stay those of the period.
 */
async function widen(
  db: Kysely<DB>,
  stripePaid: StripeAmounts,
  stripeRefunded: StripeAmounts,
  ledgerPaid: LedgerAmounts,
  ledgerRefunded: LedgerAmounts,
  lineRefunds: LineRefunds,
): Promise<void> {
  const orderIds = [
    ...new Set([
      ...stripePaid.keys(),
      ...stripeRefunded.keys(),
      ...ledgerPaid.keys(),
      ...ledgerRefunded.keys(),
    ]),
  ];
  if (orderIds.length === 0) return;
  for (const entry of await repo.stripeLedgerEntries(db, { orderIds }))
    addLedgerEntry(entry, ledgerPaid, ledgerRefunded, { gapsOnly: true });
  const events = await repo.stripeEvents(db, { orderIds });
  const lines = await purchaseContext(db, events);
  for (const event of events) addStripeEvent(event, stripePaid, stripeRefunded, lines, lineRefunds);
  mergeLineRefunds(lineRefunds, stripeRefunded);
}

/**
 * A purchase (issue 19) is one Stripe payment over several lines, each its own order in the
 * ledger, so Stripe's side is split per line as the platform books it
 * (docs/domain.md, "A purchase's payment, refunds and disputes"):
 * - its paid session counts each line's amount when the session's total is the lines' sum
 *   (otherwise the whole total on its first line, so the difference shows);
 * - its refunds count refund by refund on the line each was attributed to (the event's
 *   order); charge.refunded (the charge's total over all lines) is not counted;
 * - a lost dispute counts each line's share of it (payment_dispute_lines).
 */
interface PurchaseContext {
  linesOf: Map<string, { id: string; cents: number }[]>;
  sharesOf: Map<string, { orderId: string; cents: number }[]>;
  /** A refund no rule attributed, booked by an admin on the lines it gave back (by refund id). */
  refundSharesOf: Map<string, { orderId: string; cents: number }[]>;
}
/** Per line, the refunds Stripe reports as succeeded (by refund id) and its lost dispute shares. */
type LineRefunds = Map<string, Map<string, { cents: number; day: string; reference: string }>>;

async function purchaseContext(
  db: Kysely<DB>,
  events: {
    purchase_id: string | null;
    type: string;
    object_id: string | null;
    event_order_id?: string | null;
  }[],
): Promise<PurchaseContext> {
  const purchaseIds = [
    ...new Set(
      events.map((e) => e.purchase_id).filter((id): id is string => id !== null && isUuid(id)),
    ),
  ];
  const disputeIds = [
    ...new Set(
      events
        .filter((e) => e.purchase_id !== null && e.type.startsWith('charge.dispute.'))
        .map((e) => e.object_id)
        .filter((id): id is string => id !== null),
    ),
  ];
  const linesOf: PurchaseContext['linesOf'] = new Map();
  for (const line of await repo.purchaseLines(db, purchaseIds)) {
    const list = linesOf.get(line.purchase_id!) ?? [];
    list.push({ id: line.id, cents: n(line.amount_cents) });
    linesOf.set(line.purchase_id!, list);
  }
  const sharesOf: PurchaseContext['sharesOf'] = new Map();
  for (const share of await repo.disputeShares(db, disputeIds)) {
    const list = sharesOf.get(share.dispute_id) ?? [];
    list.push({ orderId: share.order_id, cents: n(share.amount_cents) });
    sharesOf.set(share.dispute_id, list);
  }
  const unattributed = [
    ...new Set(
      events
        .filter((e) => e.purchase_id !== null && REFUND_EVENTS.has(e.type) && !e.event_order_id)
        .map((e) => e.object_id)
        .filter((id): id is string => id !== null),
    ),
  ];
  const refundSharesOf: PurchaseContext['refundSharesOf'] = new Map();
  for (const share of await repo.refundShares(db, unattributed)) {
    const list = refundSharesOf.get(share.refund_id!) ?? [];
    list.push({ orderId: share.order_id!, cents: n(share.amount_cents) });
    refundSharesOf.set(share.refund_id!, list);
  }
  return { linesOf, sharesOf, refundSharesOf };
}

function mergeLineRefunds(lineRefunds: LineRefunds, refunded: StripeAmounts): void {
  for (const [orderId, refunds] of lineRefunds) {
    const all = [...refunds.values()].sort((a, b) => a.day.localeCompare(b.day));
    refunded.set(orderId, {
      cents: all.reduce((sum, r) => sum + r.cents, 0),
      day: all[0]!.day,
      reference: all[0]!.reference,
    });
  }
}

const REFUND_EVENTS = new Set([
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.refund.updated',
]);

type StripeAmounts = Map<string, { cents: number; day: string; reference: string }>;
type LedgerAmounts = Map<string, { cents: number; day: string; reference: string | null }>;

/** A paid session counts once (the first); a charge's refunded amount is cumulative, so the highest wins (dated by the first seen). */
function addStripeEvent(
  event: {
    id: string;
    type: string;
    order_id: string | null;
    day: string;
    amount_total: string | null;
    amount_refunded: string | null;
    payment_status: string | null;
    amount: string | null;
    status: string | null;
    purchase_id?: string | null;
    object_id?: string | null;
  },
  paid: StripeAmounts,
  refunded: StripeAmounts,
  purchases?: PurchaseContext,
  lineRefunds?: LineRefunds,
): void {
  if (event.purchase_id && purchases && lineRefunds) {
    addPurchaseEvent(event, paid, purchases, lineRefunds);
    return;
  }
  // A refund object's event counts for a purchase's line only (a single order counts charge.refunded).
  if (
    !event.type.startsWith('charge.dispute.') &&
    event.type !== 'charge.refunded' &&
    !event.type.startsWith('checkout.session.')
  )
    return;
  if (!event.order_id) return;
  // A lost dispute is money Stripe gave back to the card holder: a refund, as the ledger books it.
  const lostDispute = event.type.startsWith('charge.dispute.') && event.status === 'lost';
  if (event.type === 'charge.refunded' || lostDispute) {
    const cents = n(lostDispute ? event.amount : event.amount_refunded);
    const seen = refunded.get(event.order_id);
    if (!seen || cents > seen.cents)
      refunded.set(event.order_id, { cents, day: seen?.day ?? event.day, reference: event.id });
  } else if (event.payment_status === 'paid' && !paid.has(event.order_id)) {
    paid.set(event.order_id, { cents: n(event.amount_total), day: event.day, reference: event.id });
  }
}

function addLedgerEntry(
  entry: {
    order_id: string | null;
    entry_type: string;
    amount_cents: unknown;
    day: string;
    external_reference: string | null;
  },
  paid: LedgerAmounts,
  refunded: LedgerAmounts,
  options: { gapsOnly?: boolean } = {},
): void {
  const target =
    entry.entry_type === 'payment_received'
      ? paid
      : entry.entry_type === 'refund_paid'
        ? refunded
        : undefined;
  if (!target || !entry.order_id || (options.gapsOnly && target.has(entry.order_id))) return;
  target.set(entry.order_id, {
    cents: n(entry.amount_cents),
    day: entry.day,
    reference: entry.external_reference,
  });
}

function addPurchaseEvent(
  event: {
    id: string;
    type: string;
    order_id: string | null;
    day: string;
    amount_total: string | null;
    payment_status: string | null;
    amount: string | null;
    status: string | null;
    purchase_id?: string | null;
    object_id?: string | null;
    event_order_id?: string | null;
  },
  paid: StripeAmounts,
  purchases: PurchaseContext,
  lineRefunds: LineRefunds,
): void {
  const lines = purchases.linesOf.get(event.purchase_id!) ?? [];
  const addRefund = (orderId: string, key: string, cents: number) => {
    const refunds = lineRefunds.get(orderId) ?? new Map();
    if (!refunds.has(key)) refunds.set(key, { cents, day: event.day, reference: event.id });
    lineRefunds.set(orderId, refunds);
  };
  if (event.type.startsWith('checkout.session.')) {
    if (event.payment_status !== 'paid' || lines.length === 0) return;
    const total = n(event.amount_total);
    const sum = lines.reduce((acc, line) => acc + line.cents, 0);
    lines.forEach((line, index) => {
      if (paid.has(line.id)) return;
      const cents = total === sum ? line.cents : index === 0 ? total : 0;
      paid.set(line.id, { cents, day: event.day, reference: event.id });
    });
  } else if (event.type.startsWith('charge.dispute.')) {
    if (event.status !== 'lost' || !event.object_id) return;
    for (const share of purchases.sharesOf.get(event.object_id) ?? [])
      addRefund(share.orderId, `dispute:${event.object_id}`, share.cents);
  } else if (event.type !== 'charge.refunded' && event.event_order_id && event.object_id) {
    // A refund the webhook attributed to a line (the event's order).
    addRefund(event.event_order_id, `refund:${event.object_id}`, n(event.amount));
  } else if (event.type !== 'charge.refunded' && event.object_id) {
    // One no rule attributed: on the attention list (purchase_refund_unattributed) until an
    // admin books it on the lines it gave back; then each line's booked share counts.
    for (const share of purchases.refundSharesOf.get(event.object_id) ?? [])
      addRefund(share.orderId, `refund:${event.object_id}`, share.cents);
  }
}
