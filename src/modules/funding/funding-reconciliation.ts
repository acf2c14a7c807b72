import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { unprocessable } from '../../lib/errors.js';
import { fundingRepository as repo } from './funding.repository.js';
import type { ReconciliationReport } from './funding.schemas.js';

/**
 * The admin's reconciliation report (issue 8): per Amsterdam calendar day, the Stripe
 * payments and refunds the platform recorded from Stripe (the signed webhook events it
 * stored) beside the money ledger, matched order by order, with every difference flagged:
 * a payment or refund in one and not the other, or with another amount. A Stripe refund
 * the platform made shows as "not reported by Stripe" until Stripe's charge.refunded
 * event arrives; a payment fulfilled through reconciliation (its webhook lost) shows as
 * "not reported by Stripe" too, which is exactly what an admin should look at.
 */

type Diff = ReconciliationReport['days'][number]['differences'][number];
type Day = ReconciliationReport['days'][number];

const MAX_DAYS = 92;
const n = (value: unknown): number => Number(value ?? 0);

export async function reconciliationReport(db: Kysely<DB>, from: string, to: string): Promise<ReconciliationReport> {
  const bounds = await sql<{ start: Date; end: Date; days: number }>`
    SELECT (${from}::date::timestamp AT TIME ZONE 'Europe/Amsterdam') AS start,
           ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS end,
           (${to}::date - ${from}::date) AS days
  `
    .execute(db)
    .catch(() => {
      throw unprocessable('FUNDING.INVALID_PERIOD', 'from and to must be calendar days (YYYY-MM-DD)');
    });
  const { start, end, days: span } = bounds.rows[0]!;
  if (n(span) < 0 || n(span) > MAX_DAYS) throw unprocessable('FUNDING.INVALID_PERIOD', `to must be on or after from, at most ${MAX_DAYS} days later`);

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
  const stripePaid = new Map<string, { cents: number; day: string; reference: string }>();
  const stripeRefunded = new Map<string, { cents: number; day: string; reference: string }>();
  for (const event of await repo.stripeEventsByDay(db, start, end)) {
    if (!event.order_id) continue;
    if (event.type === 'charge.refunded') {
      const cents = n(event.amount_refunded);
      const seen = stripeRefunded.get(event.order_id);
      if (!seen || cents > seen.cents) stripeRefunded.set(event.order_id, { cents, day: seen?.day ?? event.day, reference: event.id });
    } else if (event.payment_status === 'paid' && !stripePaid.has(event.order_id)) {
      stripePaid.set(event.order_id, { cents: n(event.amount_total), day: event.day, reference: event.id });
    }
  }
  for (const [, paid] of stripePaid) dayOf(paid.day).stripePaymentsCents += paid.cents;
  for (const [, refunded] of stripeRefunded) dayOf(refunded.day).stripeRefundsCents += refunded.cents;

  const ledgerPaid = new Map<string, { cents: number; day: string; reference: string | null }>();
  const ledgerRefunded = new Map<string, { cents: number; day: string; reference: string | null }>();
  for (const entry of await repo.stripeLedgerEntries(db, start, end)) {
    if (!entry.order_id) continue;
    const target = entry.entry_type === 'payment_received' ? ledgerPaid : entry.entry_type === 'refund_paid' ? ledgerRefunded : undefined;
    target?.set(entry.order_id, { cents: n(entry.amount_cents), day: entry.day, reference: entry.external_reference });
  }

  const compare = (
    stripe: Map<string, { cents: number; day: string; reference: string }>,
    ledger: Map<string, { cents: number; day: string; reference: string | null }>,
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
      dayOf((l ?? s)!.day).differences.push({ kind, orderId, stripeCents: s?.cents ?? null, ledgerCents: l?.cents ?? null, reference: s?.reference ?? l?.reference ?? null });
    }
  };
  // An order's event and ledger row may fall on either side of the period's edge: look both up whole.
  await widen(db, stripePaid, stripeRefunded, ledgerPaid, ledgerRefunded);
  compare(stripePaid, ledgerPaid, { missingInLedger: 'payment_not_in_ledger', missingAtStripe: 'payment_not_reported_by_stripe', differs: 'payment_amount_differs' });
  compare(stripeRefunded, ledgerRefunded, { missingInLedger: 'refund_not_in_ledger', missingAtStripe: 'refund_not_reported_by_stripe', differs: 'refund_amount_differs' });

  const sorted = [...days.values()].filter((d) => d.day >= from && d.day <= to).sort((a, b) => a.day.localeCompare(b.day));
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
  stripePaid: Map<string, { cents: number; day: string; reference: string }>,
  stripeRefunded: Map<string, { cents: number; day: string; reference: string }>,
  ledgerPaid: Map<string, { cents: number; day: string; reference: string | null }>,
  ledgerRefunded: Map<string, { cents: number; day: string; reference: string | null }>,
): Promise<void> {
  const orderIds = [...new Set([...stripePaid.keys(), ...stripeRefunded.keys(), ...ledgerPaid.keys(), ...ledgerRefunded.keys()])];
  if (orderIds.length === 0) return;
  const ledgerRows = await db
    .selectFrom('money_ledger')
    .select(['order_id', 'entry_type', 'amount_cents', 'external_reference', sql<string>`to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('day')])
    .where('order_id', 'in', orderIds)
    .where('method', '=', 'stripe')
    .execute();
  for (const row of ledgerRows) {
    const target = row.entry_type === 'payment_received' ? ledgerPaid : row.entry_type === 'refund_paid' ? ledgerRefunded : undefined;
    if (target && row.order_id && !target.has(row.order_id)) target.set(row.order_id, { cents: n(row.amount_cents), day: row.day, reference: row.external_reference });
  }
  const events = await db
    .selectFrom('stripe_events')
    .select([
      'id',
      'type',
      'order_id',
      sql<string>`to_char(created_at_stripe AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('day'),
      sql<string | null>`payload -> 'data' -> 'object' ->> 'amount_total'`.as('amount_total'),
      sql<string | null>`payload -> 'data' -> 'object' ->> 'amount_refunded'`.as('amount_refunded'),
      sql<string | null>`payload -> 'data' -> 'object' ->> 'payment_status'`.as('payment_status'),
    ])
    .where('order_id', 'in', orderIds)
    .where('type', 'in', ['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'charge.refunded'])
    .execute();
  for (const event of events) {
    if (!event.order_id) continue;
    if (event.type === 'charge.refunded') {
      const cents = n(event.amount_refunded);
      const seen = stripeRefunded.get(event.order_id);
      if (!seen || cents > seen.cents) stripeRefunded.set(event.order_id, { cents, day: seen?.day ?? event.day, reference: event.id });
    } else if (event.payment_status === 'paid' && !stripePaid.has(event.order_id)) {
      stripePaid.set(event.order_id, { cents: n(event.amount_total), day: event.day, reference: event.id });
    }
  }
}
