import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  DB,
  FundingDecisionKind,
  FundingDecisionRow,
  OrderRow,
  PayoutRow,
  PayoutStatus,
  ProjectRow,
} from '../../db/types.js';
import type { LedgerTotals } from '../settlement/settlement.repository.js';

/**
 * The funding module's SQL: funding views, deadlines and decisions, the escrow report and
 * reconciliation. Functions that lock rows take a Transaction. What moves money or credits
 * (the funded transition, payouts, the ledgers) is the settlement module's
 * (settlement.repository.ts); the lock order every path keeps is in docs/architecture.md.
 */

export interface FundingProjectRow {
  id: string;
  title: string;
  status: ProjectRow['status'];
  initiative_id: string;
  initiative_name: string;
  threshold: number | null;
  supply: number | null;
  funding_deadline: Date | null;
  listed_at: Date | null;
  funded_at: Date | null;
  failed_at: Date | null;
  failure_reason: string | null;
  failing_since: Date | null;
  failing_reason: string | null;
  sold: number | null;
  reserved: number | null;
  credit_price_cents: number | null;
}

export interface ApprovedClaimRow {
  claim_id: string;
  certificate_id: string;
  certificate_number: string;
  order_id: string;
  authority_id: string;
  authority_name: string;
  supplier_id: string;
  credits: number;
}

export interface PayoutView extends PayoutRow {
  project_title: string;
  initiative_name: string;
}

const n = (value: unknown): number => Number(value ?? 0);

export const fundingRepository = {
  // ---- projects ----

  async findFundingProject(
    db: Kysely<DB>,
    projectId: string,
  ): Promise<FundingProjectRow | undefined> {
    return db
      .selectFrom('projects as p')
      .innerJoin('organisations as i', 'i.id', 'p.initiative_id')
      .leftJoin('project_credit_balances as b', 'b.project_id', 'p.id')
      .leftJoin('awards as a', (join) =>
        join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'),
      )
      .select([
        'p.id',
        'p.title',
        'p.status',
        'p.initiative_id',
        'i.name as initiative_name',
        'p.threshold',
        'p.supply',
        'p.funding_deadline',
        'p.listed_at',
        'p.funded_at',
        'p.failed_at',
        'p.failure_reason',
        'p.failing_since',
        'p.failing_reason',
        'b.sold',
        'b.reserved',
        'a.credit_price_cents',
      ])
      .where('p.id', '=', projectId)
      .executeTakeFirst();
  },

  /** Listed projects whose deadline has passed below their threshold: the deadline job's work list. */
  async findProjectsPastDeadline(
    db: Kysely<DB>,
    now: Date,
    limit: number,
  ): Promise<{ id: string }[]> {
    return db
      .selectFrom('projects as p')
      .innerJoin('project_credit_balances as b', 'b.project_id', 'p.id')
      .select('p.id')
      .where('p.status', '=', 'listed')
      .where('p.funding_deadline', '<=', now)
      .whereRef('b.sold', '<', 'p.threshold')
      .orderBy('p.funding_deadline')
      .limit(limit)
      .execute();
  },

  /** Failed projects that still hold a payment to give back (a refund that failed, or waits). */
  async findFailedProjectsWithPayments(db: Kysely<DB>, limit: number): Promise<{ id: string }[]> {
    return db
      .selectFrom('projects as p')
      .select('p.id')
      .where('p.status', '=', 'failed')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('orders as o')
            .select('o.id')
            .whereRef('o.project_id', '=', 'p.id')
            .where('o.status', '=', 'paid'),
        ),
      )
      .limit(limit)
      .execute();
  },

  async setFailing(
    trx: Transaction<DB>,
    projectId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await trx
      .updateTable('projects')
      .set((eb) => ({
        failing_since: eb.fn.coalesce('failing_since', sql<Date>`${now}::timestamptz`),
        failing_reason: reason.slice(0, 2000),
        updated_at: now,
      }))
      .where('id', '=', projectId)
      .execute();
  },

  async markFailed(
    trx: Transaction<DB>,
    projectId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await trx
      .updateTable('projects')
      .set({
        status: 'failed',
        failed_at: now,
        failure_reason: reason.slice(0, 2000),
        failing_since: null,
        failing_reason: null,
        updated_at: now,
      })
      .where('id', '=', projectId)
      .where('status', '=', 'listed')
      .execute();
  },

  async setDeadline(
    trx: Transaction<DB>,
    projectId: string,
    deadline: Date,
    now: Date,
  ): Promise<void> {
    await trx
      .updateTable('projects')
      .set({
        funding_deadline: deadline,
        failing_since: null,
        failing_reason: null,
        updated_at: now,
      })
      .where('id', '=', projectId)
      .execute();
  },

  // ---- claims and orders of a project ----

  /** Approved claims on the project's certificates: while one stands, the project cannot silently fail. */
  async approvedClaimsOfProject(db: Kysely<DB>, projectId: string): Promise<ApprovedClaimRow[]> {
    return db
      .selectFrom('claims as c')
      .innerJoin('certificates as cert', 'cert.id', 'c.certificate_id')
      .innerJoin('organisations as au', 'au.id', 'c.authority_id')
      .select([
        'c.id as claim_id',
        'c.certificate_id',
        'cert.number as certificate_number',
        'cert.order_id',
        'c.authority_id',
        'au.name as authority_name',
        'c.supplier_id',
        'c.credits',
      ])
      .where('cert.project_id', '=', projectId)
      .where('c.status', '=', 'approved')
      .orderBy('cert.number')
      .execute();
  },

  /**
   * Locks the project's open reservations (order rows first: docs/architecture.md, Lock order).
   * A reservation paid meanwhile is no longer reserved when the lock is granted and drops out.
   */
  async lockReservedOrders(trx: Transaction<DB>, projectId: string): Promise<{ id: string }[]> {
    return trx
      .selectFrom('orders')
      .select('id')
      .where('project_id', '=', projectId)
      .where('status', '=', 'reserved')
      .orderBy('id')
      .forNoKeyUpdate()
      .execute();
  },

  /** Orders of the project whose payment is (still) held: paid ones, oldest first. */
  async paidOrders(db: Kysely<DB>, projectId: string): Promise<OrderRow[]> {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('status', '=', 'paid')
      .orderBy('paid_at')
      .orderBy('id')
      .execute();
  },

  // ---- decisions ----

  async insertDecision(
    trx: Transaction<DB>,
    values: {
      projectId: string;
      kind: FundingDecisionKind;
      previousDeadline: Date;
      newDeadline: Date | null;
      reason: string;
      decidedBy: string;
      at: Date;
    },
  ): Promise<FundingDecisionRow> {
    return trx
      .insertInto('funding_decisions')
      .values({
        project_id: values.projectId,
        kind: values.kind,
        previous_deadline: values.previousDeadline,
        new_deadline: values.newDeadline,
        reason: values.reason,
        decided_by: values.decidedBy,
        decided_at: values.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async listDecisions(db: Kysely<DB>, projectId: string): Promise<FundingDecisionRow[]> {
    return db
      .selectFrom('funding_decisions')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
  },

  async hasRefundDecision(db: Kysely<DB>, projectId: string): Promise<boolean> {
    const row = await db
      .selectFrom('funding_decisions')
      .select('id')
      .where('project_id', '=', projectId)
      .where('kind', '=', 'refund_all')
      .executeTakeFirst();
    return row !== undefined;
  },

  // ---- money ----

  /** The ledger per project, for the platform-wide escrow report. */
  async ledgerTotalsByProject(
    db: Kysely<DB>,
  ): Promise<
    Array<LedgerTotals & { projectId: string; title: string; status: ProjectRow['status'] }>
  > {
    const rows = await db
      .selectFrom('money_ledger as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select([
        'm.project_id',
        'p.title',
        'p.status',
        sql<string>`coalesce(sum(m.amount_cents) FILTER (WHERE m.entry_type = 'payment_received'), 0)`.as(
          'received',
        ),
        sql<string>`coalesce(sum(m.amount_cents) FILTER (WHERE m.entry_type = 'refund_paid'), 0)`.as(
          'refunded',
        ),
        sql<string>`coalesce(sum(m.amount_cents) FILTER (WHERE m.entry_type = 'payout'), 0)`.as(
          'paid_out',
        ),
        sql<string>`(SELECT coalesce(sum(h.amount_cents), 0) FROM escrow_holds h
          WHERE h.project_id = m.project_id AND h.released_at IS NULL)`.as('held'),
      ])
      .groupBy(['m.project_id', 'p.title', 'p.status'])
      .orderBy('p.title')
      .execute();
    return rows.map((row) => {
      const receivedCents = n(row.received);
      const refundedCents = n(row.refunded);
      const paidOutCents = n(row.paid_out);
      return {
        projectId: row.project_id,
        title: row.title,
        status: row.status,
        receivedCents,
        refundedCents,
        paidOutCents,
        escrowCents: receivedCents - refundedCents - paidOutCents,
        heldByDisputesCents: n(row.held),
      };
    });
  },

  // ---- payouts ----

  async findPayoutView(db: Kysely<DB>, payoutId: string): Promise<PayoutView | undefined> {
    return payoutViewQuery(db).where('po.id', '=', payoutId).executeTakeFirst() as Promise<
      PayoutView | undefined
    >;
  },

  async listPayoutViews(
    db: Kysely<DB>,
    filter: { projectId?: string; initiativeId?: string; statuses?: readonly PayoutStatus[] },
  ): Promise<PayoutView[]> {
    let query = payoutViewQuery(db);
    if (filter.projectId) query = query.where('po.project_id', '=', filter.projectId);
    if (filter.initiativeId) query = query.where('po.initiative_id', '=', filter.initiativeId);
    if (filter.statuses) query = query.where('po.status', 'in', [...filter.statuses]);
    return query.orderBy('po.due_at').orderBy('po.id').execute() as Promise<PayoutView[]>;
  },

  // ---- reconciliation ----

  /** Ledger money per day (Amsterdam calendar day) and method: payments and refunds as booked. */
  async ledgerByDay(db: Kysely<DB>, from: Date, to: Date) {
    return db
      .selectFrom('money_ledger')
      .select([
        sql<string>`to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('day'),
        'method',
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payment_received'), 0)`.as(
          'received',
        ),
        sql<string>`count(*) FILTER (WHERE entry_type = 'payment_received')`.as('received_count'),
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'refund_paid'), 0)`.as(
          'refunded',
        ),
        sql<string>`count(*) FILTER (WHERE entry_type = 'refund_paid')`.as('refunded_count'),
        sql<string>`coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payout'), 0)`.as(
          'paid_out',
        ),
      ])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy(['day', 'method'])
      .execute();
  },

  /**
   * Stripe's side as the platform recorded it: payment and refund events received from
   * Stripe, and disputes it closed as lost (the card network took the money back), in a
   * period (by Stripe's timestamp) or for the given orders whenever they came. An event
   * that came before its payment was recorded has no order in the append-only event log;
   * it is linked here, through its payment intent, to the order that payment later named.
   */
  async stripeEvents(db: Kysely<DB>, scope: ReconciliationScope) {
    // The payment names its order on the order row, or (a payment refunded before it was
    // recorded, which leaves the row without it) in its own recorded event.
    const linked = sql<string | null>`coalesce(e.order_id, (
      SELECT o.id FROM orders o
      WHERE o.stripe_payment_intent_id = e.payload -> 'data' -> 'object' ->> 'payment_intent'), (
      SELECT p.order_id FROM stripe_events p
      WHERE p.order_id IS NOT NULL AND p.type LIKE 'checkout.session.%'
        AND p.payload -> 'data' -> 'object' ->> 'payment_intent' = e.payload -> 'data' -> 'object' ->> 'payment_intent'
      ORDER BY p.created_at_stripe LIMIT 1))`;
    // A purchase's one payment (issue 19): its session names the purchase; its refunds,
    // charge and disputes name the payment intent the purchase recorded.
    const purchase = sql<string | null>`coalesce(
      CASE WHEN e.type LIKE 'checkout.session.%'
        THEN e.payload -> 'data' -> 'object' -> 'metadata' ->> 'purchase_id' END, (
      SELECT pu.id::text FROM purchases pu
      WHERE pu.stripe_payment_intent_id = e.payload -> 'data' -> 'object' ->> 'payment_intent'))`;
    let query = db
      .selectFrom('stripe_events as e')
      .select([
        sql<string>`to_char(e.created_at_stripe AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as(
          'day',
        ),
        'e.id',
        'e.type',
        linked.as('order_id'),
        purchase.as('purchase_id'),
        // The order the webhook itself named (a purchase line's refund attributed to it), or
        // for a refund reported before its payment (no order then), the line it was applied
        // to once the payment came (stripe_refunds keeps each refund's order).
        sql<string | null>`coalesce(e.order_id, CASE WHEN e.type IN
            ('refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated')
          THEN (SELECT sr.order_id FROM stripe_refunds sr
                WHERE sr.id = e.payload -> 'data' -> 'object' ->> 'id') END)`.as('event_order_id'),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'id'`.as('object_id'),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'amount_total'`.as('amount_total'),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'amount_refunded'`.as(
          'amount_refunded',
        ),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'payment_status'`.as(
          'payment_status',
        ),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'amount'`.as('amount'),
        sql<string | null>`e.payload -> 'data' -> 'object' ->> 'status'`.as('status'),
      ])
      .where((eb) =>
        eb.or([
          eb('e.type', 'in', [
            'checkout.session.completed',
            'checkout.session.async_payment_succeeded',
            'charge.refunded',
          ]),
          // A purchase line's refunds are counted refund by refund (the charge's total is over all lines).
          eb.and([
            eb('e.type', 'in', [
              'refund.created',
              'refund.updated',
              'refund.failed',
              'charge.refund.updated',
            ]),
            eb(sql`e.payload -> 'data' -> 'object' ->> 'status'`, '=', 'succeeded'),
          ]),
          eb.and([
            eb('e.type', 'like', 'charge.dispute.%'),
            eb(sql`e.payload -> 'data' -> 'object' ->> 'status'`, '=', 'lost'),
          ]),
        ]),
      );
    query =
      'orderIds' in scope
        ? query.where((eb) =>
            eb.or([
              eb(linked, 'in', scope.orderIds),
              eb(
                purchase,
                'in',
                eb
                  .selectFrom('orders as lo')
                  .select(sql<string>`lo.purchase_id::text`.as('purchase_id'))
                  .where('lo.id', 'in', scope.orderIds)
                  .where('lo.purchase_id', 'is not', null),
              ),
            ]),
          )
        : query
            .where('e.created_at_stripe', '>=', scope.from)
            .where('e.created_at_stripe', '<', scope.to);
    return query.execute();
  },

  /** The lines (orders) of these purchases with their amounts, in the order of their ids. */
  async purchaseLines(db: Kysely<DB>, purchaseIds: string[]) {
    if (purchaseIds.length === 0) return [];
    return db
      .selectFrom('orders')
      .select(['id', 'purchase_id', 'amount_cents'])
      .where('purchase_id', 'in', purchaseIds)
      .orderBy('id')
      .execute();
  },

  /** How disputes of purchases' payments were split over the lines. */
  async disputeShares(db: Kysely<DB>, disputeIds: string[]) {
    if (disputeIds.length === 0) return [];
    return db
      .selectFrom('payment_dispute_lines')
      .select(['dispute_id', 'order_id', 'amount_cents'])
      .where('dispute_id', 'in', disputeIds)
      .execute();
  },

  /**
   * How refunds of purchases' payments that an admin attributed to several lines were
   * booked: the lines' refund entries under the refund's id.
   */
  async refundShares(db: Kysely<DB>, refundIds: string[]) {
    if (refundIds.length === 0) return [];
    return db
      .selectFrom('money_ledger as m')
      .innerJoin('orders as o', 'o.id', 'm.order_id')
      .select(['m.external_reference as refund_id', 'm.order_id', 'm.amount_cents'])
      .where('m.entry_type', '=', 'refund_paid')
      .where('m.external_reference', 'in', refundIds)
      .where('o.purchase_id', 'is not', null)
      .execute();
  },

  /** Stripe ledger entries, each with its order, in a period or for the given orders: compared one by one against what Stripe reported. */
  async stripeLedgerEntries(db: Kysely<DB>, scope: ReconciliationScope) {
    let query = db
      .selectFrom('money_ledger as m')
      .select([
        sql<string>`to_char(m.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('day'),
        'm.id',
        'm.order_id',
        'm.entry_type',
        'm.amount_cents',
        'm.external_reference',
      ])
      .where('m.method', '=', 'stripe');
    query =
      'orderIds' in scope
        ? query.where('m.order_id', 'in', scope.orderIds)
        : query.where('m.created_at', '>=', scope.from).where('m.created_at', '<', scope.to);
    return query.execute();
  },
};

/** What a reconciliation read covers: a period, or some orders whenever their rows came. */
export type ReconciliationScope = { from: Date; to: Date } | { orderIds: string[] };

function payoutViewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('payouts as po')
    .innerJoin('projects as p', 'p.id', 'po.project_id')
    .innerJoin('organisations as i', 'i.id', 'po.initiative_id')
    .selectAll('po')
    .select(['p.title as project_title', 'i.name as initiative_name']);
}
