import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types.js';

/** All SQL of the Stripe side of payments: the event log, disputes, order look-ups by payment. */

export interface NewStripeEvent {
  id: string;
  type: string;
  livemode: boolean;
  createdAtStripe: Date;
  receivedAt: Date;
  orderId: string | null;
  outcome: string;
  payload: unknown;
}

/** What a Stripe payment paid: a single order, or a purchase's lines (issue 19). */
export interface Payer {
  kind: 'order' | 'purchase';
  id: string;
}

export interface DisputeRecord {
  id: string;
  orderId: string | null;
  /** A dispute of a purchase's one payment (issue 19): it names the purchase, not an order. */
  purchaseId?: string | null;
  chargeId: string;
  amountCents: number;
  status: string;
  reason: string | null;
  openedAt: Date;
  /** Set by charge.dispute.closed; a closed dispute never reopens from an older event. */
  closedAt: Date | null;
  /** When Stripe took the disputed money from the balance, and when it gave it back. */
  fundsWithdrawnAt?: Date | null;
  fundsReinstatedAt?: Date | null;
}

/**
 * How far a dispute's status has come: a later status is never overwritten by an earlier
 * one (events arrive in any order), and a closing status (won, lost) is final.
 */
const rankOf = (column: 'payment_disputes.status' | 'excluded.status') =>
  sql.raw(`CASE ${column}
    WHEN 'won' THEN 3 WHEN 'lost' THEN 3 WHEN 'warning_closed' THEN 3
    WHEN 'under_review' THEN 2 WHEN 'warning_under_review' THEN 2
    WHEN 'needs_response' THEN 1 WHEN 'warning_needs_response' THEN 1
    ELSE 0 END`);

export const CLOSED_DISPUTE_STATUSES = new Set(['won', 'lost', 'warning_closed']);

export const stripeEventsRepository = {
  /**
   * Serialises the handling of one event id across connections and instances until the
   * transaction ends: a concurrent redelivery waits here, then finds the row recorded.
   */
  async lockEventId(trx: Transaction<DB>, eventId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe_event:${eventId}`}, 0))`.execute(
      trx,
    );
  },

  /**
   * Serialises everything that links a Stripe payment intent to an order: a charge.refunded
   * looking for its order and a checkout.session.completed recording the payment intent
   * cannot pass each other unseen. Taken after the event lock and before any order lock.
   */
  async lockPaymentIntent(trx: Transaction<DB>, paymentIntentId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe_payment_intent:${paymentIntentId}`}, 0))`.execute(
      trx,
    );
  },

  async eventExists(trx: Transaction<DB>, eventId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('stripe_events')
      .select('id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Records an event once; false when its id is already recorded (nothing written). */
  async insertEvent(trx: Transaction<DB>, event: NewStripeEvent): Promise<boolean> {
    const result = await sql<{ id: string }>`
      INSERT INTO stripe_events (id, type, livemode, created_at_stripe, received_at, order_id, outcome, payload)
      VALUES (${event.id}, ${event.type}, ${event.livemode}, ${event.createdAtStripe}, ${event.receivedAt},
        ${event.orderId}, ${event.outcome}, ${JSON.stringify(event.payload)}::jsonb)
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    `.execute(trx);
    return result.rows.length === 1;
  },

  /**
   * charge.refunded events recorded before their payment was (no order then), for one
   * payment intent, largest refunded amount first (amount_refunded is cumulative).
   */
  async findUnmatchedRefunds(
    trx: Transaction<DB>,
    paymentIntentId: string,
  ): Promise<{ id: string; chargeId: string; amountRefunded: number }[]> {
    const result = await sql<{
      id: string;
      charge_id: string | null;
      amount_refunded: string | number | null;
    }>`
      SELECT id,
        payload -> 'data' -> 'object' ->> 'id' AS charge_id,
        (payload -> 'data' -> 'object' ->> 'amount_refunded')::bigint AS amount_refunded
      FROM stripe_events
      WHERE type = 'charge.refunded' AND order_id IS NULL
        AND payload -> 'data' -> 'object' ->> 'payment_intent' = ${paymentIntentId}
      ORDER BY amount_refunded DESC, created_at_stripe DESC
    `.execute(trx);
    return result.rows.map((row) => ({
      id: row.id,
      chargeId: row.charge_id ?? '',
      amountRefunded: Number(row.amount_refunded ?? 0),
    }));
  },

  /**
   * Refund events (refund.*, charge.refund.updated) recorded before their payment was (no
   * order then, outcome refund_unmatched), for one payment intent, in the order Stripe sent
   * them: applied to the purchase's lines once the payment is recorded.
   */
  async findUnlinkedRefundEvents(
    trx: Transaction<DB>,
    paymentIntentId: string,
  ): Promise<{ id: string; object: Record<string, unknown> }[]> {
    const result = await sql<{ id: string; object: Record<string, unknown> }>`
      SELECT id, payload -> 'data' -> 'object' AS object
      FROM stripe_events
      WHERE type IN ('refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated')
        AND order_id IS NULL AND outcome = 'refund_unmatched'
        AND coalesce(payload -> 'data' -> 'object' -> 'payment_intent' ->> 'id',
                     payload -> 'data' -> 'object' ->> 'payment_intent') = ${paymentIntentId}
      ORDER BY created_at_stripe, received_at, id
    `.execute(trx);
    return result.rows;
  },

  /**
   * Disputes recorded before their payment was (no order then) whose events name this
   * payment intent: linked to the order once the payment is known.
   */
  async findUnlinkedDisputeIds(trx: Transaction<DB>, paymentIntentId: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      SELECT d.id FROM payment_disputes d
      WHERE d.order_id IS NULL AND d.purchase_id IS NULL AND EXISTS (
        SELECT 1 FROM stripe_events e
        WHERE e.type LIKE 'charge.dispute.%'
          AND e.payload -> 'data' -> 'object' ->> 'id' = d.id
          AND coalesce(e.payload -> 'data' -> 'object' -> 'payment_intent' ->> 'id',
                       e.payload -> 'data' -> 'object' ->> 'payment_intent') = ${paymentIntentId})
      ORDER BY d.opened_at, d.id
      FOR UPDATE OF d
    `.execute(trx);
    return result.rows.map((row) => row.id);
  },

  /**
   * Who a Stripe payment intent paid: a single order, or a purchase (issue 19; its lines do
   * not carry it), as recorded when the payment was; undefined while it is not recorded.
   * One query for both, so every event type looks its payer up the same way.
   */
  async findPayer(db: Kysely<DB>, paymentIntentId: string): Promise<Payer | undefined> {
    const result = await sql<{ kind: Payer['kind']; id: string }>`
      SELECT 'order' AS kind, id FROM orders WHERE stripe_payment_intent_id = ${paymentIntentId}
      UNION ALL
      SELECT 'purchase' AS kind, id FROM purchases WHERE stripe_payment_intent_id = ${paymentIntentId}
      ORDER BY kind
      LIMIT 1
    `.execute(db);
    const row = result.rows[0];
    return row ? { kind: row.kind, id: row.id } : undefined;
  },

  /**
   * Names the payer (an order, or a purchase) of a dispute recorded before its payment;
   * undefined if the dispute has one already.
   */
  async linkDispute(
    trx: Transaction<DB>,
    disputeId: string,
    payer: Payer,
  ): Promise<DisputeRecord | undefined> {
    const row = await trx
      .updateTable('payment_disputes')
      .set(payer.kind === 'order' ? { order_id: payer.id } : { purchase_id: payer.id })
      .where('id', '=', disputeId)
      .where('order_id', 'is', null)
      .where('purchase_id', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toDisputeRecord(row) : undefined;
  },

  /**
   * Inserts or updates a dispute from a charge.dispute.* event. Events may come in any
   * order and repeat: the status only moves forward (a closed dispute keeps its closing
   * status against an older event), and closed, funds withdrawn and funds reinstated, once
   * set, stay set. So every order of a dispute's events ends in the same row.
   */
  async upsertDispute(trx: Transaction<DB>, dispute: DisputeRecord): Promise<DisputeRecord> {
    const result = await sql<DisputeRow>`
      INSERT INTO payment_disputes (id, order_id, purchase_id, charge_id, amount_cents, status, reason, opened_at, closed_at,
        funds_withdrawn_at, funds_reinstated_at)
      VALUES (${dispute.id}, ${dispute.orderId}, ${dispute.purchaseId ?? null}, ${dispute.chargeId}, ${dispute.amountCents},
        ${dispute.status}, ${dispute.reason}, ${dispute.openedAt}, ${dispute.closedAt}, ${dispute.fundsWithdrawnAt ?? null},
        ${dispute.fundsReinstatedAt ?? null})
      ON CONFLICT (id) DO UPDATE SET
        order_id = coalesce(payment_disputes.order_id,
          CASE WHEN payment_disputes.purchase_id IS NULL THEN excluded.order_id END),
        purchase_id = coalesce(payment_disputes.purchase_id,
          CASE WHEN payment_disputes.order_id IS NULL THEN excluded.purchase_id END),
        amount_cents = excluded.amount_cents,
        status = CASE WHEN ${rankOf('excluded.status')} > ${rankOf('payment_disputes.status')}
                      THEN excluded.status ELSE payment_disputes.status END,
        reason = coalesce(excluded.reason, payment_disputes.reason),
        opened_at = least(payment_disputes.opened_at, excluded.opened_at),
        closed_at = coalesce(payment_disputes.closed_at, excluded.closed_at),
        funds_withdrawn_at = coalesce(payment_disputes.funds_withdrawn_at, excluded.funds_withdrawn_at),
        funds_reinstated_at = coalesce(payment_disputes.funds_reinstated_at, excluded.funds_reinstated_at)
      RETURNING *
    `.execute(trx);
    return toDisputeRecord(result.rows[0]!);
  },
};

interface DisputeRow {
  id: string;
  order_id: string | null;
  purchase_id: string | null;
  charge_id: string;
  amount_cents: string | number;
  status: string;
  reason: string | null;
  opened_at: Date;
  closed_at: Date | null;
  funds_withdrawn_at: Date | null;
  funds_reinstated_at: Date | null;
}

function toDisputeRecord(row: DisputeRow): DisputeRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    purchaseId: row.purchase_id,
    chargeId: row.charge_id,
    amountCents: Number(row.amount_cents),
    status: row.status,
    reason: row.reason,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    fundsWithdrawnAt: row.funds_withdrawn_at,
    fundsReinstatedAt: row.funds_reinstated_at,
  };
}
