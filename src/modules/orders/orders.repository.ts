import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { certificateHasApprovedClaim } from '../obligations/certificate-claims.js';
import type { CertificateRow, DB, OrderRow, OrdersTable } from '../../db/types.js';

/**
 * All SQL of the orders module. Functions that lock rows take a Transaction, so the
 * compiler keeps them inside one. Lock order everywhere: buyer organisation → order →
 * project credit balance → document counter; never the other way round.
 */

export type DocumentKind = 'invoice' | 'credit_note' | 'certificate';
export type CreditEntryType = 'reserve' | 'release' | 'sell' | 'refund';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from outside (a Stripe event's metadata) that is no uuid would fail in the query: it is simply not found. */
export const isUuid = (value: string): boolean => UUID.test(value);

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

export interface SellableProject {
  id: string;
  title: string;
  status: string;
  funding_deadline: Date | null;
  supply: number | null;
  reserved: number | null;
  sold: number | null;
  credit_price_cents: number | null;
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
    return trx.selectFrom('orders').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
  },

  async findOrder(db: Kysely<DB>, id: string): Promise<OrderRow | undefined> {
    if (!isUuid(id)) return undefined;
    return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findOrderView(db: Kysely<DB>, id: string): Promise<OrderView | undefined> {
    if (!isUuid(id)) return undefined;
    return orderViewQuery(db).where('o.id', '=', id).executeTakeFirst() as Promise<OrderView | undefined>;
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
    if (filter.organisationId) query = query.where('o.buyer_organisation_id', '=', filter.organisationId);
    if (filter.status) query = query.where('o.status', '=', filter.status);
    if (filter.projectId) query = query.where('o.project_id', '=', filter.projectId);
    if (filter.needsAttention !== undefined) {
      query = query.where('o.needs_attention', filter.needsAttention ? 'is not' : 'is', null);
    }
    if (filter.before) {
      const { createdAt, id } = filter.before;
      // The cursor carries the timestamp as text with microseconds, so no row is skipped or repeated.
      query = query.where(sql<boolean>`(o.created_at, o.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    return query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(filter.limit + 1).execute() as Promise<OrderView[]>;
  },

  async insertOrder(trx: Transaction<DB>, values: NewOrderValues): Promise<OrderRow> {
    return trx.insertInto('orders').values(orderValues(values)).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * Inserts an invoice order and takes its gapless invoice number in one statement, so the
   * yearly counter row (shared by every buyer) is held from here to commit, not longer.
   */
  async insertInvoiceOrder(trx: Transaction<DB>, values: NewOrderValues, year: number): Promise<OrderRow> {
    const v = orderValues(values);
    const result = await sql<OrderRow>`
      WITH n AS (
        INSERT INTO document_counters (kind, year, last_value) VALUES ('invoice', ${year}, 1)
        ON CONFLICT (kind, year) DO UPDATE SET last_value = document_counters.last_value + 1
        RETURNING last_value
      )
      INSERT INTO orders (
        id, buyer_organisation_id, created_by, project_id, quantity, unit_price_cents, amount_cents,
        payment_method, reserved_until, billing_name, billing_kvk_number, billing_vat_number,
        billing_address, payment_reference, invoice_number, created_at, updated_at
      )
      SELECT ${v.id}, ${v.buyer_organisation_id}, ${v.created_by}, ${v.project_id}, ${v.quantity},
        ${v.unit_price_cents}, ${v.amount_cents}, 'invoice', ${v.reserved_until}, ${v.billing_name},
        ${v.billing_kvk_number}, ${v.billing_vat_number}, ${v.billing_address}::jsonb, ${v.payment_reference},
        ${`INV-${year}-`} || lpad(n.last_value::text, 6, '0'), ${v.created_at}, ${v.updated_at}
      FROM n
      RETURNING *
    `.execute(trx);
    return result.rows[0]!;
  },

  async updateOrder(trx: Transaction<DB>, id: string, values: Updateable<OrdersTable>): Promise<OrderRow> {
    return trx.updateTable('orders').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
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
      .set({ status: values.status, closed_at: values.at, close_reason: values.reason, updated_at: values.at })
      .where('id', '=', id)
      .where('status', '=', 'reserved')
      .returningAll()
      .executeTakeFirst();
  },

  /** Reserved orders whose hold has lapsed, oldest first. */
  async findLapsedReservations(db: Kysely<DB>, now: Date, limit: number): Promise<{ id: string }[]> {
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

  /**
   * Serialises one buyer's orders (anti-hoarding counts, its Idempotency-Keys), never
   * anyone else's. FOR NO KEY UPDATE, not FOR UPDATE: the foreign keys of the rows this
   * transaction and others insert take FOR KEY SHARE on the same row, which FOR UPDATE
   * would conflict with (a lock upgrade that deadlocks two orders of one buyer).
   */
  async lockBuyer(trx: Transaction<DB>, organisationId: string) {
    return trx.selectFrom('organisations').selectAll().where('id', '=', organisationId).forNoKeyUpdate().executeTakeFirst();
  },

  async findSellableProject(trx: Transaction<DB>, projectId: string): Promise<SellableProject | undefined> {
    if (!isUuid(projectId)) return undefined;
    return trx
      .selectFrom('projects as p')
      .leftJoin('project_credit_balances as b', 'b.project_id', 'p.id')
      .leftJoin('awards as a', (join) => join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'))
      .select(['p.id', 'p.title', 'p.status', 'p.funding_deadline', 'b.supply', 'b.reserved', 'b.sold', 'a.credit_price_cents'])
      .where('p.id', '=', projectId)
      .executeTakeFirst();
  },

  async findProjectStatus(trx: Transaction<DB>, projectId: string): Promise<{ status: string; funding_deadline: Date | null }> {
    return trx.selectFrom('projects').select(['status', 'funding_deadline']).where('id', '=', projectId).executeTakeFirstOrThrow();
  },

  /** The buyer's open (reserved) orders overall, and the credits they hold on one project. */
  async openReservations(trx: Transaction<DB>, organisationId: string, projectId: string): Promise<{ openOrders: number; reservedOnProject: number }> {
    const row = await trx
      .selectFrom('orders')
      .select([
        sql<string>`count(*)`.as('open_orders'),
        sql<string>`coalesce(sum(quantity) FILTER (WHERE project_id = ${projectId}), 0)`.as('reserved_on_project'),
      ])
      .where('buyer_organisation_id', '=', organisationId)
      .where('status', '=', 'reserved')
      .executeTakeFirstOrThrow();
    return { openOrders: Number(row.open_orders), reservedOnProject: Number(row.reserved_on_project) };
  },

  async findBalance(db: Kysely<DB>, projectId: string) {
    return db.selectFrom('project_credit_balances').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  },

  async lockBalance(trx: Transaction<DB>, projectId: string) {
    return trx.selectFrom('project_credit_balances').selectAll().where('project_id', '=', projectId).forNoKeyUpdate().executeTakeFirst();
  },

  // ---- ledgers ----

  /**
   * One credit-ledger row; the database trigger applies it to the project's balance in the
   * same statement, and the balance's CHECKs refuse it (23514) if it would oversell.
   */
  async insertCreditEntry(
    trx: Transaction<DB>,
    entry: { projectId: string; entryType: CreditEntryType; quantity: number; orderId: string; actorUserId: string | null; at: Date },
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
  async allocateSerials(trx: Transaction<DB>, projectId: string, quantity: number): Promise<{ start: number; end: number }> {
    const row = await trx
      .updateTable('project_credit_balances')
      .set((eb) => ({ next_serial: eb('next_serial', '+', quantity) }))
      .where('project_id', '=', projectId)
      .returning('next_serial')
      .executeTakeFirstOrThrow();
    return { start: row.next_serial - quantity, end: row.next_serial - 1 };
  },

  async insertAllocation(trx: Transaction<DB>, values: { orderId: string; projectId: string; start: number; end: number; at: Date }): Promise<void> {
    await trx
      .insertInto('credit_allocations')
      .values({ order_id: values.orderId, project_id: values.projectId, serial_start: values.start, serial_end: values.end, created_at: values.at })
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
  async nextDocumentNumber(trx: Transaction<DB>, kind: DocumentKind, year: number): Promise<number> {
    const row = await trx
      .insertInto('document_counters')
      .values({ kind, year, last_value: 1 })
      .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last_value: eb('document_counters.last_value', '+', 1) })))
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

  async findCertificateByOrder(db: Kysely<DB>, orderId: string): Promise<CertificateRow | undefined> {
    return db.selectFrom('certificates').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  },

  async revokeCertificate(trx: Transaction<DB>, certificateId: string, reason: string, at: Date): Promise<void> {
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
    values: { number: string; orderId: string; amountCents: number; reason: string; issuedBy: string | null; at: Date },
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
    return db.selectFrom('credit_notes').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  },
};

export interface NewOrderValues {
  id: string;
  buyerOrganisationId: string;
  createdBy: string;
  projectId: string;
  quantity: number;
  unitPriceCents: number;
  paymentMethod: 'stripe' | 'invoice';
  reservedUntil: Date;
  billing: { name: string; kvkNumber: string | null; vatNumber: string | null; address: Record<string, string> | null };
  paymentReference: string;
  at: Date;
}

function orderValues(values: NewOrderValues) {
  return {
    id: values.id,
    buyer_organisation_id: values.buyerOrganisationId,
    created_by: values.createdBy,
    project_id: values.projectId,
    quantity: values.quantity,
    unit_price_cents: values.unitPriceCents,
    amount_cents: values.quantity * values.unitPriceCents,
    payment_method: values.paymentMethod,
    reserved_until: values.reservedUntil,
    billing_name: values.billing.name,
    billing_kvk_number: values.billing.kvkNumber,
    billing_vat_number: values.billing.vatNumber,
    billing_address: values.billing.address === null ? null : JSON.stringify(values.billing.address),
    payment_reference: values.paymentReference,
    created_at: values.at,
    updated_at: values.at,
  };
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
