import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB, PurchaseRow } from '../../db/types.js';
import { isUuid } from '../../lib/ids.js';
import { ordersRepository, type OrderView } from './orders.repository.js';

/**
 * The SQL of placing and reading purchases (a purchase groups one order per project).
 * Every change after placement is the settlement module's (settlement/purchases.ts).
 */

export interface PurchaseView extends PurchaseRow {
  orders: OrderView[];
}

export interface ProjectForSale {
  id: string;
  title: string;
  status: string;
  funding_deadline: Date | null;
  credit_price_cents: number | null;
  supply: number | null;
  reserved: number | null;
  sold: number | null;
}

export const purchasesRepository = {
  /**
   * The buyer's row, locked: one organisation's orders and purchases queue here (and its
   * Idempotency-Keys are written under it), no one else's.
   */
  async lockBuyer(trx: Transaction<DB>, organisationId: string) {
    return trx
      .selectFrom('organisations')
      .select([
        'id',
        'status',
        'name',
        'kvk_number',
        'vat_number',
        'address_street',
        'address_postal_code',
        'address_city',
        'address_country',
      ])
      .where('id', '=', organisationId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  /** The projects of the lines with their price and (locked before: the caller holds the balances) credits. */
  async projectsForSale(trx: Transaction<DB>, projectIds: string[]): Promise<ProjectForSale[]> {
    if (projectIds.length === 0) return [];
    return trx
      .selectFrom('projects as p')
      .leftJoin('project_credit_balances as b', 'b.project_id', 'p.id')
      .leftJoin('awards as a', (join) =>
        join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'),
      )
      .select([
        'p.id',
        'p.title',
        'p.status',
        'p.funding_deadline',
        'a.credit_price_cents',
        'b.supply',
        'b.reserved',
        'b.sold',
      ])
      .where('p.id', 'in', projectIds)
      .execute() as Promise<ProjectForSale[]>;
  },

  /**
   * The buyer's unpaid holds: how many (a purchase counts once, however many lines it
   * has) and how many credits per project.
   */
  async openReservations(
    trx: Transaction<DB>,
    organisationId: string,
  ): Promise<{ holds: number; perProject: Map<string, number> }> {
    const rows = await trx
      .selectFrom('orders')
      .select([
        'project_id',
        sql<string>`sum(quantity)`.as('credits'),
        sql<string[]>`array_agg(coalesce(purchase_id, id)::text)`.as('holds'),
      ])
      .where('buyer_organisation_id', '=', organisationId)
      .where('status', '=', 'reserved')
      .groupBy('project_id')
      .execute();
    const holds = new Set<string>();
    const perProject = new Map<string, number>();
    for (const row of rows) {
      perProject.set(row.project_id, Number(row.credits));
      for (const hold of row.holds) holds.add(hold);
    }
    return { holds: holds.size, perProject };
  },

  async insertPurchase(trx: Transaction<DB>, values: Insertable<DB['purchases']>): Promise<void> {
    await trx.insertInto('purchases').values(values).execute();
  },

  async insertOrder(trx: Transaction<DB>, values: Insertable<DB['orders']>): Promise<void> {
    await trx.insertInto('orders').values(values).execute();
  },

  async updatePurchase(
    trx: Transaction<DB>,
    id: string,
    values: Updateable<DB['purchases']>,
  ): Promise<void> {
    await trx.updateTable('purchases').set(values).where('id', '=', id).execute();
  },

  /** Holds the orders of a Stripe purchase as long as its Checkout Session can be paid. */
  async extendLines(trx: Transaction<DB>, purchaseId: string, until: Date, at: Date) {
    await trx
      .updateTable('orders')
      .set({ reserved_until: until, updated_at: at })
      .where('purchase_id', '=', purchaseId)
      .where('status', '=', 'reserved')
      .where('reserved_until', '<', until)
      .execute();
  },

  async findPurchase(db: Kysely<DB>, id: string): Promise<PurchaseRow | undefined> {
    if (!isUuid(id)) return undefined;
    return db.selectFrom('purchases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findPurchaseView(db: Kysely<DB>, id: string): Promise<PurchaseView | undefined> {
    const purchase = await this.findPurchase(db, id);
    if (!purchase) return undefined;
    const ids = await db
      .selectFrom('orders')
      .select('id')
      .where('purchase_id', '=', purchase.id)
      .execute();
    const orders: OrderView[] = [];
    for (const { id: orderId } of ids) {
      const view = await ordersRepository.findOrderView(db, orderId);
      if (view) orders.push(view);
    }
    orders.sort((a, b) =>
      a.project_title === b.project_title
        ? a.id.localeCompare(b.id)
        : a.project_title.localeCompare(b.project_title, 'nl'),
    );
    return { ...purchase, orders };
  },

  /** The supplier's purchases, newest first. */
  async listPurchaseIds(db: Kysely<DB>, organisationId: string | undefined, limit: number) {
    let query = db.selectFrom('purchases').select('id');
    if (organisationId) query = query.where('buyer_organisation_id', '=', organisationId);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },
};
