import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type {
  CertificateRow,
  CertificateStatus,
  DB,
  OrderRow,
  OrdersTable,
  PayoutRow,
  StripeRefundRow,
  StripeRefundStatus,
  PayoutStatus,
  ProjectRow,
  RefundRequestSource,
} from '../../db/types.js';
import { isUuid } from '../../lib/ids.js';

/**
 * All SQL that moves credits and money (DESIGN §4 Order, Certificate, Money; §5), and the
 * order, certificate, claim, project and payout rows those moves change: the settlement
 * module is their one writer. Functions that lock rows take a Transaction, so the compiler
 * keeps them inside one. The order in which every path takes these locks is written down
 * once, in docs/architecture.md ("Lock order"); keep to it.
 */

export type DocumentKind = 'invoice' | 'credit_note' | 'certificate';
export type CreditEntryType = 'reserve' | 'release' | 'sell' | 'refund';

export interface LedgerTotals {
  receivedCents: number;
  refundedCents: number;
  paidOutCents: number;
  /** received − refunded − paid out: what the platform holds for the project. */
  escrowCents: number;
  /** Part of the escrow Stripe has withdrawn for open disputes: not available to pay out. */
  heldByDisputesCents?: number;
}

export interface EscrowHold {
  disputeId: string;
  orderId: string;
  projectId: string;
  amountCents: number;
  heldAt: Date;
  releasedAt: Date | null;
  releaseReason: string | null;
}

const n = (value: unknown): number => Number(value ?? 0);

/** "code: detail" (or a bare code) as stored in order_flags; anything else is code 'other'. */
export function parseAttention(attention: string): { code: string; detail: string | null } {
  const match = /^([a-z][a-z0-9_]{0,63})(?::\s*([\s\S]*))?$/.exec(attention);
  if (!match) return { code: 'other', detail: attention.slice(0, 500) };
  const detail = match[2]?.trim();
  return { code: match[1]!, detail: detail ? detail.slice(0, 500) : null };
}

export const settlementRepository = {
  // ---- orders ----

  /**
   * FOR NO KEY UPDATE: rows that reference the order (stripe_events, money_ledger, ...) take
   * FOR KEY SHARE on it through their foreign keys, so a caller may insert one and then lock
   * the order in the same transaction without a lock upgrade that would deadlock a twin.
   */
  async lockOrder(trx: Transaction<DB>, id: string): Promise<OrderRow | undefined> {
    if (!isUuid(id)) return undefined;
    return trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  /** Orders whose payment reference (the RF creditor reference of the invoice) is one of these. */
  async findOrdersByPaymentReference(
    db: Kysely<DB>,
    references: readonly string[],
  ): Promise<OrderRow[]> {
    if (references.length === 0) return [];
    return db
      .selectFrom('orders')
      .selectAll()
      .where('payment_reference', 'in', references)
      .orderBy('created_at')
      .execute();
  },

  async findOrder(db: Kysely<DB>, id: string): Promise<OrderRow | undefined> {
    if (!isUuid(id)) return undefined;
    return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateOrder(
    trx: Transaction<DB>,
    id: string,
    values: Updateable<OrdersTable>,
  ): Promise<OrderRow> {
    return trx
      .updateTable('orders')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /**
   * The one way out of `reserved` without payment: conditional on the status, so of two
   * concurrent releases (expiry job, webhook, admin) exactly one finds the row.
   */
  async closeIfReserved(
    trx: Transaction<DB>,
    id: string,
    values: { status: 'expired' | 'cancelled'; reason: string; at: Date },
  ): Promise<OrderRow | undefined> {
    return trx
      .updateTable('orders')
      .set({
        status: values.status,
        closed_at: values.at,
        close_reason: values.reason,
        updated_at: values.at,
      })
      .where('id', '=', id)
      .where('status', '=', 'reserved')
      .returningAll()
      .executeTakeFirst();
  },

  /**
   * Records that a refund through Stripe is under way, before the money moves (the caller
   * holds the order and certificate locks). A repeat (a retry, a second admin, the job that
   * resumes it) takes the request over: its time is when the latest attempt began.
   */
  async requestRefund(
    trx: Transaction<DB>,
    id: string,
    request: { at: Date; by: string | null; source: RefundRequestSource; reason: string },
  ): Promise<OrderRow> {
    return trx
      .updateTable('orders')
      .set({
        refund_state: 'requested',
        refund_requested_at: request.at,
        refund_requested_by: request.by,
        refund_request_source: request.source,
        refund_request_reason: request.reason.slice(0, 1000),
        updated_at: request.at,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Ends a refund request without a refund (the provider refused it); answers the order if there was one. */
  async clearRefundRequest(
    trx: Transaction<DB>,
    id: string,
    at: Date,
  ): Promise<OrderRow | undefined> {
    return (
      trx
        .updateTable('orders')
        .set({
          refund_state: null,
          refund_requested_at: null,
          refund_requested_by: null,
          refund_request_source: null,
          refund_request_reason: null,
          updated_at: at,
        })
        .where('id', '=', id)
        // A pending refund is Stripe's to finish: only its outcome ends it.
        .where('refund_state', '=', 'requested')
        .returningAll()
        .executeTakeFirst()
    );
  },

  /** Refund requests whose latest attempt began before `before`, oldest first: their process did not finish them. */
  async findStaleRefundRequests(db: Kysely<DB>, before: Date, limit: number): Promise<OrderRow[]> {
    return (
      db
        .selectFrom('orders')
        .selectAll()
        .where('refund_requested_at', '<', before)
        // Pending ones have reached Stripe: their outcome comes by Stripe's events.
        .where('refund_state', '=', 'requested')
        .orderBy('refund_requested_at')
        .limit(limit)
        .execute()
    );
  },

  // ---- Stripe refunds (refund-states.ts) ----

  /** The refund's row, locked (the caller holds its order's lock already). */
  async lockStripeRefund(
    trx: Transaction<DB>,
    refundId: string,
  ): Promise<StripeRefundRow | undefined> {
    return trx
      .selectFrom('stripe_refunds')
      .selectAll()
      .where('id', '=', refundId)
      .forUpdate()
      .executeTakeFirst();
  },

  async insertStripeRefund(
    trx: Transaction<DB>,
    refund: {
      id: string;
      orderId: string;
      amountCents: number;
      status: StripeRefundStatus;
      failureReason: string | null;
      at: Date;
    },
  ): Promise<void> {
    await trx
      .insertInto('stripe_refunds')
      .values({
        id: refund.id,
        order_id: refund.orderId,
        amount_cents: refund.amountCents,
        status: refund.status,
        failure_reason: refund.failureReason?.slice(0, 200) ?? null,
        created_at: refund.at,
        updated_at: refund.at,
      })
      .execute();
  },

  async updateStripeRefund(
    trx: Transaction<DB>,
    refundId: string,
    status: StripeRefundStatus,
    failureReason: string | null,
    at: Date,
  ): Promise<void> {
    await trx
      .updateTable('stripe_refunds')
      .set({ status, failure_reason: failureReason?.slice(0, 200) ?? null, updated_at: at })
      .where('id', '=', refundId)
      .execute();
  },

  async findStripeRefunds(db: Kysely<DB>, orderId: string): Promise<StripeRefundRow[]> {
    return db
      .selectFrom('stripe_refunds')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute();
  },

  /**
   * Whether a payment dispute of the order is still open and its money not given back (it
   * keeps the certificate suspended; see statusAfterDispute).
   */
  async hasOpenDispute(db: Kysely<DB>, orderId: string): Promise<boolean> {
    const row = await db
      .selectFrom('payment_disputes')
      .select('id')
      // The order's own dispute, or its share of a dispute of its purchase's payment.
      .where((eb) =>
        eb.or([
          eb('order_id', '=', orderId),
          eb(
            'id',
            'in',
            eb
              .selectFrom('payment_dispute_lines')
              .select('dispute_id')
              .where('order_id', '=', orderId),
          ),
        ]),
      )
      .where('closed_at', 'is', null)
      .where('funds_reinstated_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Raises a flag on the order (issue 17): one row per open problem, never overwritten; the
   * same problem raised again while open is the same row. `attention` is "code: detail" or
   * a bare code. Answers the order with its summary (`needs_attention`) brought up to date.
   */
  async flagOrder(
    trx: Transaction<DB>,
    orderId: string,
    attention: string,
    now: Date,
  ): Promise<OrderRow> {
    const { code, detail } = parseAttention(attention);
    await sql`
      INSERT INTO order_flags (order_id, code, detail, raised_at)
      VALUES (${orderId}, ${code}, ${detail}, ${now})
      ON CONFLICT (order_id, code, coalesce(detail, '')) WHERE resolved_at IS NULL DO NOTHING
    `.execute(trx);
    return settlementRepository.syncAttention(trx, orderId, now);
  },

  /**
   * Resolves the order's open flags with these codes (all details), as settled by an event
   * (no person); answers how many were resolved.
   */
  async resolveFlags(
    trx: Transaction<DB>,
    orderId: string,
    codes: readonly string[],
    note: string,
    now: Date,
  ): Promise<number> {
    if (codes.length === 0) return 0;
    const result = await trx
      .updateTable('order_flags')
      .set({ resolved_at: now, resolution_note: note.slice(0, 1000) })
      .where('order_id', '=', orderId)
      .where('code', 'in', [...codes])
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    const resolved = Number(result.numUpdatedRows);
    if (resolved > 0) await settlementRepository.syncAttention(trx, orderId, now);
    return resolved;
  },

  /** Clears a flag this module raised (the same code and detail), if it is still open. */
  async clearFlag(
    trx: Transaction<DB>,
    orderId: string,
    attention: string,
    now: Date,
    note = 'settled',
  ): Promise<void> {
    const { code, detail } = parseAttention(attention);
    await trx
      .updateTable('order_flags')
      .set({ resolved_at: now, resolution_note: note })
      .where('order_id', '=', orderId)
      .where('code', '=', code)
      .where(sql<boolean>`coalesce(detail, '') = ${detail ?? ''}`)
      .where('resolved_at', 'is', null)
      .execute();
    await settlementRepository.syncAttention(trx, orderId, now);
  },

  async lockFlag(trx: Transaction<DB>, flagId: string) {
    return trx
      .selectFrom('order_flags')
      .selectAll()
      .where('id', '=', flagId)
      .forUpdate()
      .executeTakeFirst();
  },

  async resolveFlagById(
    trx: Transaction<DB>,
    flagId: string,
    by: string | null,
    note: string,
    now: Date,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('order_flags')
      .set({ resolved_at: now, resolved_by: by, resolution_note: note })
      .where('id', '=', flagId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Whether the order was ever flagged with this problem (open or resolved). */
  async wasFlagged(
    trx: Transaction<DB>,
    orderId: string,
    code: string,
    detail: string,
  ): Promise<boolean> {
    const row = await trx
      .selectFrom('order_flags')
      .select('id')
      .where('order_id', '=', orderId)
      .where('code', '=', code)
      .where('detail', '=', detail)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Open flags with this code and detail on any of these orders (one problem raised on several lines). */
  async lockOpenFlagsLike(
    trx: Transaction<DB>,
    orderIds: readonly string[],
    code: string,
    detail: string | null,
  ) {
    if (orderIds.length === 0) return [];
    return trx
      .selectFrom('order_flags')
      .selectAll()
      .where('order_id', 'in', [...orderIds])
      .where('code', '=', code)
      .where(sql<boolean>`coalesce(detail, '') = ${detail ?? ''}`)
      .where('resolved_at', 'is', null)
      .orderBy('seq')
      .forUpdate()
      .execute();
  },

  /**
   * A refund of a payment as Stripe's events reported it, when no order took it
   * (stripe_refunds has only refunds applied to an order): its amount and every status
   * reported, oldest first, for the caller to fold with the forward-only rule.
   */
  async reportedRefund(
    trx: Transaction<DB>,
    refundId: string,
    paymentIntentId: string,
  ): Promise<{ amountCents: number; statuses: string[] } | undefined> {
    const result = await sql<{ amount: string | null; status: string | null }>`
      SELECT payload -> 'data' -> 'object' ->> 'amount' AS amount,
             payload -> 'data' -> 'object' ->> 'status' AS status
      FROM stripe_events
      WHERE type IN ('refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated')
        AND payload -> 'data' -> 'object' ->> 'id' = ${refundId}
        AND coalesce(payload -> 'data' -> 'object' -> 'payment_intent' ->> 'id',
                     payload -> 'data' -> 'object' ->> 'payment_intent') = ${paymentIntentId}
      ORDER BY created_at_stripe, received_at, id
    `.execute(trx);
    if (result.rows.length === 0) return undefined;
    return {
      amountCents: Number(result.rows[0]!.amount),
      statuses: result.rows.map((row) => row.status ?? 'pending'),
    };
  },

  /** The orders among these whose refund was booked under this external reference (a Stripe refund id). */
  async ordersRefundedBy(
    trx: Transaction<DB>,
    externalReference: string,
    orderIds: readonly string[],
  ): Promise<string[]> {
    if (orderIds.length === 0) return [];
    const rows = await trx
      .selectFrom('money_ledger')
      .select('order_id')
      .where('entry_type', '=', 'refund_paid')
      .where('external_reference', '=', externalReference)
      .where('order_id', 'in', [...orderIds])
      .orderBy('order_id')
      .execute();
    return rows.map((row) => row.order_id!).filter((id) => id !== null);
  },

  async findFlags(db: Kysely<DB>, orderIds: readonly string[], openOnly: boolean) {
    if (orderIds.length === 0) return [];
    let query = db
      .selectFrom('order_flags')
      .selectAll()
      .where('order_id', 'in', [...orderIds])
      .orderBy('seq');
    if (openOnly) query = query.where('resolved_at', 'is', null);
    return query.execute();
  },

  /** orders.needs_attention: the latest open flag as "code: detail", or null when none is open. */
  async syncAttention(trx: Transaction<DB>, orderId: string, now: Date): Promise<OrderRow> {
    const result = await sql<OrderRow>`
      UPDATE orders SET updated_at = ${now}, needs_attention = (
        SELECT left(f.code || coalesce(': ' || f.detail, ''), 500) FROM order_flags f
        WHERE f.order_id = orders.id AND f.resolved_at IS NULL
        ORDER BY f.seq DESC LIMIT 1)
      WHERE id = ${orderId}
      RETURNING *
    `.execute(trx);
    return result.rows[0]!;
  },

  // ---- projects ----

  async findProjectStatus(
    trx: Transaction<DB>,
    projectId: string,
  ): Promise<{ status: string; funding_deadline: Date | null }> {
    return trx
      .selectFrom('projects')
      .select(['status', 'funding_deadline'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
  },

  async lockBalance(trx: Transaction<DB>, projectId: string) {
    return trx
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  async lockProject(trx: Transaction<DB>, projectId: string): Promise<ProjectRow | undefined> {
    return trx
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', projectId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  /**
   * listed → funded when the balance's sold credits reach the threshold; answers the
   * figures if this call made the change, undefined otherwise (already funded, below).
   */
  async markFundedIfThresholdReached(
    trx: Transaction<DB>,
    projectId: string,
    now: Date,
  ): Promise<
    | {
        threshold: number;
        sold: number;
        creditPriceCents: number;
        initiativeId: string;
        failingSince: Date | null;
      }
    | undefined
  > {
    const result = await sql<{
      threshold: number;
      sold: number;
      credit_price_cents: number;
      initiative_id: string;
      failing_since: Date | null;
    }>`
      WITH before AS (SELECT failing_since FROM projects WHERE id = ${projectId})
      UPDATE projects p
      SET status = 'funded', funded_at = ${now}, updated_at = ${now}, failing_since = NULL, failing_reason = NULL
      FROM project_credit_balances b, awards a, before
      WHERE p.id = ${projectId} AND b.project_id = p.id AND a.project_id = p.id AND a.decision = 'approved'
        AND p.status = 'listed' AND b.sold >= p.threshold
      RETURNING p.threshold, b.sold, a.credit_price_cents, p.initiative_id, before.failing_since
    `.execute(trx);
    const row = result.rows[0];
    if (!row) return undefined;
    return {
      threshold: row.threshold,
      sold: row.sold,
      creditPriceCents: row.credit_price_cents,
      initiativeId: row.initiative_id,
      failingSince: row.failing_since,
    };
  },

  // ---- credit ledger ----

  /**
   * Issues a project's credits: one ledger row, from which the database trigger creates
   * the project's balance. The ledger allows one issue per project.
   */
  async issueCredits(
    trx: Transaction<DB>,
    values: { projectId: string; quantity: number; awardId: string; actorUserId: string; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('credit_ledger')
      .values({
        project_id: values.projectId,
        entry_type: 'issue',
        quantity: values.quantity,
        reference_type: 'award',
        reference_id: values.awardId,
        actor_user_id: values.actorUserId,
        created_at: values.at,
      })
      .execute();
  },

  /**
   * One credit-ledger row; the database trigger applies it to the project's balance in the
   * same statement, and the balance's CHECKs refuse it (23514) if it would oversell.
   */
  async insertCreditEntry(
    trx: Transaction<DB>,
    entry: {
      projectId: string;
      entryType: CreditEntryType;
      quantity: number;
      orderId: string;
      actorUserId: string | null;
      at: Date;
    },
  ): Promise<void> {
    await trx
      .insertInto('credit_ledger')
      .values({
        project_id: entry.projectId,
        entry_type: entry.entryType,
        quantity: entry.quantity,
        reference_type: 'order',
        reference_id: entry.orderId,
        actor_user_id: entry.actorUserId,
        created_at: entry.at,
      })
      .execute();
  },

  /** Takes the project's next contiguous serial range; serials only move forward. */
  async allocateSerials(
    trx: Transaction<DB>,
    projectId: string,
    quantity: number,
  ): Promise<{ start: number; end: number }> {
    const row = await trx
      .updateTable('project_credit_balances')
      .set((eb) => ({ next_serial: eb('next_serial', '+', quantity) }))
      .where('project_id', '=', projectId)
      .returning('next_serial')
      .executeTakeFirstOrThrow();
    return { start: row.next_serial - quantity, end: row.next_serial - 1 };
  },

  async insertAllocation(
    trx: Transaction<DB>,
    values: { orderId: string; projectId: string; start: number; end: number; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('credit_allocations')
      .values({
        order_id: values.orderId,
        project_id: values.projectId,
        serial_start: values.start,
        serial_end: values.end,
        created_at: values.at,
      })
      .execute();
  },

  // ---- money ledger ----

  /**
   * Books money once per order and entry type (the partial unique indexes): a second
   * booking of the same payment or refund changes nothing and answers false.
   */
  async insertMoneyEntry(
    trx: Transaction<DB>,
    entry: {
      projectId: string;
      orderId: string;
      entryType: 'payment_received' | 'refund_paid';
      amountCents: number;
      method: 'stripe' | 'invoice' | 'bank';
      externalReference: string | null;
      actorUserId: string | null;
      at: Date;
    },
  ): Promise<boolean> {
    const result = await sql<{ id: number }>`
      INSERT INTO money_ledger (project_id, order_id, entry_type, amount_cents, method, external_reference, actor_user_id, created_at)
      VALUES (${entry.projectId}, ${entry.orderId}, ${entry.entryType}, ${entry.amountCents}, ${entry.method},
        ${entry.externalReference}, ${entry.actorUserId}, ${entry.at})
      ON CONFLICT (order_id) WHERE entry_type = ${sql.lit(entry.entryType)} DO NOTHING
      RETURNING id
    `.execute(trx);
    return result.rows.length === 1;
  },

  async hasPayment(db: Kysely<DB>, orderId: string): Promise<boolean> {
    const row = await db
      .selectFrom('money_ledger')
      .select('id')
      .where('order_id', '=', orderId)
      .where('entry_type', '=', 'payment_received')
      .executeTakeFirst();
    return row !== undefined;
  },

  async ledgerTotals(db: Kysely<DB>, projectId: string): Promise<LedgerTotals> {
    const row = await db
      .selectFrom('money_ledger')
      .select([
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payment_received'), 0)`.as(
          'received',
        ),
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'refund_paid'), 0)`.as(
          'refunded',
        ),
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payout'), 0)`.as(
          'paid_out',
        ),
      ])
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    const receivedCents = n(row.received);
    const refundedCents = n(row.refunded);
    const paidOutCents = n(row.paid_out);
    return {
      receivedCents,
      refundedCents,
      paidOutCents,
      escrowCents: receivedCents - refundedCents - paidOutCents,
      heldByDisputesCents: await settlementRepository.openHoldsCents(db, projectId),
    };
  },

  // ---- escrow holds (disputes whose funds Stripe withdrew) ----

  async openHoldsCents(db: Kysely<DB>, projectId: string): Promise<number> {
    const row = await db
      .selectFrom('escrow_holds')
      .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('held'))
      .where('project_id', '=', projectId)
      .where('released_at', 'is', null)
      .executeTakeFirstOrThrow();
    return n(row.held);
  },

  async findEscrowHold(
    trx: Transaction<DB>,
    disputeId: string,
    orderId: string,
  ): Promise<EscrowHold | undefined> {
    const row = await trx
      .selectFrom('escrow_holds')
      .selectAll()
      .where('dispute_id', '=', disputeId)
      .where('order_id', '=', orderId)
      .forUpdate()
      .executeTakeFirst();
    return row
      ? {
          disputeId: row.dispute_id,
          orderId: row.order_id,
          projectId: row.project_id,
          amountCents: n(row.amount_cents),
          heldAt: row.held_at,
          releasedAt: row.released_at,
          releaseReason: row.release_reason,
        }
      : undefined;
  },

  /** Opens the dispute's hold; false when it has one already (held or released). */
  async insertEscrowHold(
    trx: Transaction<DB>,
    hold: { disputeId: string; orderId: string; projectId: string; amountCents: number; at: Date },
  ): Promise<boolean> {
    const result = await trx
      .insertInto('escrow_holds')
      .values({
        dispute_id: hold.disputeId,
        order_id: hold.orderId,
        project_id: hold.projectId,
        amount_cents: hold.amountCents,
        held_at: hold.at,
      })
      .onConflict((oc) => oc.columns(['dispute_id', 'order_id']).doNothing())
      .returning('dispute_id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async releaseEscrowHold(
    trx: Transaction<DB>,
    disputeId: string,
    orderId: string,
    reason: string,
    at: Date,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('escrow_holds')
      .set({ released_at: at, release_reason: reason })
      .where('dispute_id', '=', disputeId)
      .where('order_id', '=', orderId)
      .where('released_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** A purchase dispute's split over the purchase's lines (empty until it is made). */
  async findDisputeLines(
    trx: Transaction<DB>,
    disputeId: string,
  ): Promise<{ orderId: string; amountCents: number }[]> {
    const rows = await trx
      .selectFrom('payment_dispute_lines')
      .select(['order_id', 'amount_cents'])
      .where('dispute_id', '=', disputeId)
      .orderBy('order_id')
      .execute();
    return rows.map((row) => ({ orderId: row.order_id, amountCents: n(row.amount_cents) }));
  },

  async insertDisputeLines(
    trx: Transaction<DB>,
    disputeId: string,
    lines: { orderId: string; amountCents: number }[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await trx
      .insertInto('payment_dispute_lines')
      .values(
        lines.map((line) => ({
          dispute_id: disputeId,
          order_id: line.orderId,
          amount_cents: line.amountCents,
        })),
      )
      .execute();
  },

  async insertPayoutLedgerEntry(
    trx: Transaction<DB>,
    values: {
      projectId: string;
      payoutId: string;
      amountCents: number;
      bankReference: string;
      actorUserId: string;
      at: Date;
    },
  ): Promise<void> {
    await trx
      .insertInto('money_ledger')
      .values({
        project_id: values.projectId,
        order_id: null,
        entry_type: 'payout',
        amount_cents: values.amountCents,
        method: 'bank',
        external_reference: values.bankReference,
        actor_user_id: values.actorUserId,
        payout_id: values.payoutId,
        created_at: values.at,
      })
      .execute();
  },

  // ---- documents ----

  /**
   * The next gapless number of a kind and year. The counter row stays locked until the
   * transaction ends, so a rolled-back transaction gives its number back: no gaps.
   */
  async nextDocumentNumber(
    trx: Transaction<DB>,
    kind: DocumentKind,
    year: number,
  ): Promise<number> {
    const row = await trx
      .insertInto('document_counters')
      .values({ kind, year, last_value: 1 })
      .onConflict((oc) =>
        oc
          .columns(['kind', 'year'])
          .doUpdateSet((eb) => ({ last_value: eb('document_counters.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  },

  async insertCertificate(
    trx: Transaction<DB>,
    values: {
      number: string;
      verificationCode: string;
      orderId: string;
      projectId: string;
      buyerOrganisationId: string;
      credits: number;
      serialStart: number;
      serialEnd: number;
      valueCents: number;
      at: Date;
    },
  ): Promise<CertificateRow> {
    return trx
      .insertInto('certificates')
      .values({
        number: values.number,
        verification_code: values.verificationCode,
        order_id: values.orderId,
        project_id: values.projectId,
        buyer_organisation_id: values.buyerOrganisationId,
        credits: values.credits,
        serial_start: values.serialStart,
        serial_end: values.serialEnd,
        value_cents: values.valueCents,
        status: 'active',
        issued_at: values.at,
        // The supplier as registered at issue, read in this same statement; the
        // certificates_supplier_at_issue trigger fills it too, for any other insert.
        supplier_name_at_issue: (eb) =>
          eb
            .selectFrom('organisations')
            .select('name')
            .where('id', '=', values.buyerOrganisationId),
        supplier_kvk_number_at_issue: (eb) =>
          eb
            .selectFrom('organisations')
            .select('kvk_number')
            .where('id', '=', values.buyerOrganisationId),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async insertCreditNote(
    trx: Transaction<DB>,
    values: {
      number: string;
      orderId: string;
      amountCents: number;
      reason: string;
      issuedBy: string | null;
      at: Date;
    },
  ): Promise<{ id: string; number: string }> {
    return trx
      .insertInto('credit_notes')
      .values({
        number: values.number,
        order_id: values.orderId,
        amount_cents: values.amountCents,
        reason: values.reason,
        issued_by: values.issuedBy,
        issued_at: values.at,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
  },

  async findCreditNoteByOrder(db: Kysely<DB>, orderId: string) {
    return db
      .selectFrom('credit_notes')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
  },

  // ---- certificates and their claims ----

  async findCertificateByOrder(
    db: Kysely<DB>,
    orderId: string,
  ): Promise<CertificateRow | undefined> {
    return db
      .selectFrom('certificates')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
  },

  /** Locks the order's certificate (refunds and disputes, right after the order). */
  async findCertificateByOrderForUpdate(trx: Transaction<DB>, orderId: string) {
    return trx
      .selectFrom('certificates')
      .selectAll()
      .where('order_id', '=', orderId)
      .forUpdate()
      .executeTakeFirst();
  },

  async setCertificateStatus(
    trx: Transaction<DB>,
    certificateId: string,
    status: CertificateStatus,
    reason: string,
    at: Date,
  ): Promise<void> {
    await trx
      .updateTable('certificates')
      .set({ status, status_reason: reason, status_changed_at: at })
      .where('id', '=', certificateId)
      .execute();
  },

  async revokeCertificate(
    trx: Transaction<DB>,
    certificateId: string,
    reason: string,
    at: Date,
  ): Promise<void> {
    await trx
      .updateTable('certificates')
      .set({ status: 'revoked', status_reason: reason, status_changed_at: at })
      .where('id', '=', certificateId)
      .where('status', '<>', 'revoked')
      .execute();
  },

  /** Whether a certificate has an approved claim against an obligation (DESIGN §4 Claim); refunds wait for it. */
  async certificateHasApprovedClaim(db: Kysely<DB>, certificateId: string): Promise<boolean> {
    const row = await db
      .selectFrom('claims')
      .select('id')
      .where('certificate_id', '=', certificateId)
      .where('status', '=', 'approved')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** A certificate that is no longer active: its pending claims are rejected (answered for the audit trail). */
  async rejectPendingClaims(
    trx: Transaction<DB>,
    certificateId: string,
    decisionReason: string,
    at: Date,
  ) {
    return trx
      .updateTable('claims')
      .set({
        status: 'rejected',
        decided_at: at,
        decided_by: null,
        decision_reason: decisionReason,
      })
      .where('certificate_id', '=', certificateId)
      .where('status', '=', 'pending')
      .returning(['id', 'contract_id', 'authority_id', 'credits'])
      .execute();
  },

  /** A revoked certificate: its approved claims are invalidated (answered for the audit trail). */
  async invalidateApprovedClaims(
    trx: Transaction<DB>,
    certificateId: string,
    reason: string,
    at: Date,
  ) {
    return trx
      .updateTable('claims')
      .set({ status: 'invalidated', invalidated_at: at, invalidation_reason: reason })
      .where('certificate_id', '=', certificateId)
      .where('status', '=', 'approved')
      .returning(['id', 'contract_id', 'authority_id', 'credits', 'value_cents', 'counted_cents'])
      .execute();
  },

  // ---- payouts ----

  async insertPayout(
    trx: Transaction<DB>,
    values: {
      projectId: string;
      initiativeId: string;
      tranche: 1 | 2;
      amountCents: number;
      dueAt: Date;
      dueReason: string;
      reportAcceptedBy: string | null;
    },
  ): Promise<PayoutRow | undefined> {
    return trx
      .insertInto('payouts')
      .values({
        project_id: values.projectId,
        initiative_id: values.initiativeId,
        tranche: values.tranche,
        amount_cents: values.amountCents,
        due_at: values.dueAt,
        due_reason: values.dueReason,
        report_accepted_by: values.reportAcceptedBy,
      })
      .onConflict((oc) => oc.columns(['project_id', 'tranche']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  async findPayout(
    db: Kysely<DB>,
    projectId: string,
    tranche: 1 | 2,
  ): Promise<PayoutRow | undefined> {
    return db
      .selectFrom('payouts')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('tranche', '=', tranche)
      .executeTakeFirst();
  },

  /** The payout a transfer reference names (payoutTransferReference: the id's first 12 hex digits). */
  async findPayoutsByTransferReference(db: Kysely<DB>, reference: string): Promise<PayoutRow[]> {
    const hex = reference.replace(/^IBP-/, '').toLowerCase();
    if (!/^[0-9a-f]{12}$/.test(hex)) return [];
    return db
      .selectFrom('payouts')
      .selectAll()
      .where(sql<string>`id::text`, 'like', `${hex.slice(0, 8)}-${hex.slice(8)}%`)
      .execute();
  },

  async lockPayout(trx: Transaction<DB>, payoutId: string): Promise<PayoutRow | undefined> {
    return trx
      .selectFrom('payouts')
      .selectAll()
      .where('id', '=', payoutId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  async updatePayout(
    trx: Transaction<DB>,
    payoutId: string,
    values: {
      status: PayoutStatus;
      approved_by?: string;
      approved_at?: Date;
      paid_by?: string;
      paid_at?: Date;
      bank_reference?: string;
    },
  ): Promise<void> {
    await trx.updateTable('payouts').set(values).where('id', '=', payoutId).execute();
  },
};
