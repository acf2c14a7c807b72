import { type Kysely, sql } from 'kysely';
import { isUuid } from '../../lib/ids.js';
import type { CertificateRow, DB, OrderRow } from '../../db/types.js';
import type { IdempotencyKeyRow } from '../../lib/idempotency.js';

/**
 * The orders module's SQL: placing an order and reading orders. Every change to an order
 * after it is placed (paid, released, refunded, flagged) and the row locks those changes
 * take are the settlement module's (settlement.repository.ts). placeOrder is one
 * statement and so its own transaction. The lock order of every path that moves an
 * order's money, this one included, is in docs/architecture.md.
 */

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

  /** Who placed an order, for the Checkout Session: e-mail (prefilled) and language (the page's). */
  async findBuyerContact(
    db: Kysely<DB>,
    userId: string,
  ): Promise<{ email: string; language: 'nl' | 'en' } | undefined> {
    if (!isUuid(userId)) return undefined;
    return db
      .selectFrom('users')
      .select(['email', 'language'])
      .where('id', '=', userId)
      .executeTakeFirst();
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

  async findBalance(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
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
