import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { certificateHasApprovedClaim } from '../obligations/certificate-claims.js';
import { isUuid } from '../../lib/ids.js';
import type {
  CertificateRow,
  DB,
  OrderRow,
  OrdersTable,
  RefundRequestSource,
} from '../../db/types.js';
import type { IdempotencyKeyRow } from '../../lib/idempotency.js';

/**
 * All SQL of the orders module. Functions that lock rows take a Transaction, so the
 * compiler keeps them inside one, except placeOrder, which is one statement and so its
 * own transaction. Lock order everywhere: buyer organisation → order → project credit
 * balance → document counter; never the other way round. The one exception, placeOrder's
 * yearly invoice counter before the balance, cannot meet it reversed: no one else takes
 * the invoice counter. A refund (its request and its booking) and a dispute
 * (payments/disputes.ts) lock the order's certificate right after the order; claims and
 * approvals lock the certificate (then the contract) but never an order, so they queue
 * with a refund on the certificate without a cycle.
 */

export type DocumentKind = 'invoice' | 'credit_note' | 'certificate';
export type CreditEntryType = 'reserve' | 'release' | 'sell' | 'refund';

// An id from outside (a Stripe event's metadata) that is no uuid would fail in the query: it is simply not found.
export { isUuid };

/** What a buyer's order list and detail show besides the order row. */
export interface OrderView extends OrderRow {
  project_title: string;
  certificate_id: string | null;
  certificate_number: string | null;
  certificate_status: CertificateRow['status'] | null;
  certificate_credits: number | null;
  certificate_serial_start: number | null;
  certificate_serial_end: number | null;
  certificate_value_cents: number | null;
  certificate_issued_at: Date | null;
}

export const ordersRepository = {
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

  async findOrder(db: Kysely<DB>, id: string): Promise<OrderRow | undefined> {
    if (!isUuid(id)) return undefined;
    return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findOrderView(db: Kysely<DB>, id: string): Promise<OrderView | undefined> {
    if (!isUuid(id)) return undefined;
    return orderViewQuery(db).where('o.id', '=', id).executeTakeFirst() as Promise<
      OrderView | undefined
    >;
  },

  /** Newest first, keyset-paginated on (created_at, id); fetches limit + 1 rows. */
  async listOrderViews(
    db: Kysely<DB>,
    filter: {
      organisationId?: string | undefined;
      status?: OrderRow['status'] | undefined;
      projectId?: string | undefined;
      needsAttention?: boolean | undefined;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<OrderView[]> {
    let query = orderViewQuery(db);
    if (filter.organisationId)
      query = query.where('o.buyer_organisation_id', '=', filter.organisationId);
    if (filter.status) query = query.where('o.status', '=', filter.status);
    if (filter.projectId) query = query.where('o.project_id', '=', filter.projectId);
    if (filter.needsAttention !== undefined) {
      query = query.where('o.needs_attention', filter.needsAttention ? 'is not' : 'is', null);
    }
    if (filter.before) {
      const { createdAt, id } = filter.before;
      // The cursor carries the timestamp as text with microseconds, so no row is skipped or repeated.
      query = query.where(
        sql<boolean>`(o.created_at, o.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
      );
    }
    return query
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(filter.limit + 1)
      .execute() as Promise<OrderView[]>;
  },

  /**
   * A new order in ONE statement (one round trip, one implicit transaction): the database
   * function `place_order` (migration 20261122095000), whose plan each connection prepares
   * once instead of planning it for every order. In order: `order_placement_state` locks
   * the buyer's organisation row (its orders queue there, no one else's) and reads, with a
   * fresh snapshot, its open reservations and an earlier request with the same
   * Idempotency-Key; the checks; then, only if nothing refused, the gapless invoice number,
   * the key with its stored answer, the order, its audit event and the reservation. The
   * reservation's trigger moves the project's balance at the end of the statement, so the
   * two rows every buyer shares (the balance, the yearly invoice counter) are locked only
   * for the rest of this one statement and its commit.
   *
   * A refusal found here writes nothing and is reported; a reservation the balance's CHECK
   * refuses fails the statement with 23514 (the invoice number rolls back with it: no gap).
   * Every Idempotency-Key of an organisation is written under its row lock (see
   * recordIdempotentResponse), so the key read above is the truth, and the key insert
   * cannot conflict; if it ever did, the statement fails whole (23505) rather than
   * skip a number.
   */
  async placeOrder(db: Kysely<DB>, input: PlaceOrderInput): Promise<PlacementResult | undefined> {
    // Not a Transaction: inside a caller's transaction the shared rows would stay locked until it commits.
    const { rows } = await sql<PlacementRow>`
      SELECT * FROM place_order(
        ${input.orderId}::uuid, ${input.organisationId}::uuid, ${input.userId}::uuid, ${input.projectId}::uuid, ${input.quantity}::int,
        ${input.paymentMethod}::text, ${input.reservedUntil}::timestamptz, ${input.reservedUntil.toISOString()}::text, ${input.paymentReference}::text,
        ${input.at}::timestamptz, ${input.invoiceYear}::int, ${input.limits.maxOpenOrders}::int, ${input.limits.maxReservedSharePercent}::int,
        ${input.idempotency.key}::text, ${input.idempotency.scope}::text, ${input.idempotency.requestHash}::text,
        ${JSON.stringify({ pending: input.idempotency.pending })}::jsonb, ${JSON.stringify(input.responseTemplate)}::jsonb, ${input.requestId}::text
      )
    `.execute(db);
    const row = rows[0];
    if (!row) return undefined;
    return {
      refusal: row.refusal,
      response: row.response,
      available: row.available === null ? null : Number(row.available),
      projectStatus: row.project_status,
      openOrders: Number(row.open_orders),
      reservedOnProject: Number(row.reserved_on_project),
      maxShare: row.max_share === null ? null : Number(row.max_share),
      existingKey:
        row.key_status === null
          ? null
          : {
              scope: row.key_scope!,
              request_hash: row.key_request_hash!,
              status: row.key_status,
              response_status: row.key_response_status,
              response_body: row.key_response_body,
              created_at: row.key_created_at!,
            },
    };
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
    return trx
      .updateTable('orders')
      .set({
        refund_requested_at: null,
        refund_requested_by: null,
        refund_request_source: null,
        refund_request_reason: null,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('refund_requested_at', 'is not', null)
      .returningAll()
      .executeTakeFirst();
  },

  /** Refund requests whose latest attempt began before `before`, oldest first: their process did not finish them. */
  async findStaleRefundRequests(db: Kysely<DB>, before: Date, limit: number): Promise<OrderRow[]> {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('refund_requested_at', '<', before)
      .orderBy('refund_requested_at')
      .limit(limit)
      .execute();
  },

  /** Reserved orders whose hold has lapsed, oldest first. */
  async findLapsedReservations(
    db: Kysely<DB>,
    now: Date,
    limit: number,
  ): Promise<{ id: string }[]> {
    return db
      .selectFrom('orders')
      .select('id')
      .where('status', '=', 'reserved')
      .where('reserved_until', '<=', now)
      .orderBy('reserved_until')
      .limit(limit)
      .execute();
  },

  // ---- buyer and project ----

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

  async findBalance(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirst();
  },

  async lockBalance(trx: Transaction<DB>, projectId: string) {
    return trx
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  // ---- ledgers ----

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

  async hasPayment(trx: Transaction<DB>, orderId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('money_ledger')
      .select('id')
      .where('order_id', '=', orderId)
      .where('entry_type', '=', 'payment_received')
      .executeTakeFirst();
    return row !== undefined;
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
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

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
    return certificateHasApprovedClaim(db, certificateId);
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
};

/** Why the order statement placed nothing (the service turns it into the answer). */
export type PlacementRefusal =
  | 'buyer_inactive'
  | 'key_exists'
  | 'project_not_found'
  | 'project_not_selling'
  | 'deadline_passed'
  | 'insufficient_credits'
  | 'open_orders_limit'
  | 'share_limit';

export interface PlaceOrderInput {
  orderId: string;
  organisationId: string;
  userId: string;
  projectId: string;
  quantity: number;
  paymentMethod: 'stripe' | 'invoice';
  reservedUntil: Date;
  paymentReference: string;
  at: Date;
  invoiceYear: number;
  limits: { maxOpenOrders: number; maxReservedSharePercent: number };
  idempotency: { key: string; scope: string; requestHash: string; pending: unknown };
  /** An invoice order's 201 body, less what the statement fills in: project, price, amount, billing, invoice number. */
  responseTemplate: Record<string, unknown>;
  requestId: string | null;
}

export interface PlacementResult {
  refusal: PlacementRefusal | null;
  /** What the key stores: an invoice order's 201 body; a Stripe order's pending marker. Null when nothing was placed. */
  response: unknown;
  /** supply − reserved − sold as the statement saw it (null: no credits issued, or no such project). */
  available: number | null;
  projectStatus: string | null;
  openOrders: number;
  reservedOnProject: number;
  maxShare: number | null;
  /** The earlier request with the same Idempotency-Key (refusal `key_exists`). */
  existingKey: IdempotencyKeyRow | null;
}

interface PlacementRow {
  refusal: PlacementRefusal | null;
  available: number | string | null;
  project_status: string | null;
  open_orders: number | string;
  reserved_on_project: number | string;
  max_share: number | string | null;
  key_scope: string | null;
  key_request_hash: string | null;
  key_status: 'in_progress' | 'completed' | null;
  key_response_status: number | null;
  key_response_body: unknown;
  key_created_at: Date | null;
  response: unknown;
}

function orderViewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('orders as o')
    .innerJoin('projects as p', 'p.id', 'o.project_id')
    .leftJoin('certificates as c', 'c.order_id', 'o.id')
    .selectAll('o')
    .select([
      'p.title as project_title',
      'c.id as certificate_id',
      'c.number as certificate_number',
      'c.status as certificate_status',
      'c.credits as certificate_credits',
      'c.serial_start as certificate_serial_start',
      'c.serial_end as certificate_serial_end',
      'c.value_cents as certificate_value_cents',
      'c.issued_at as certificate_issued_at',
    ]);
}
