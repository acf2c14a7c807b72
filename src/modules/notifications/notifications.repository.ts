import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Lang } from '../../lib/format.js';

type UserRole = Selectable<DB['users']>['role'];

/** A person a notification can go to: address, name, language and what they switched off. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Lang;
  optOuts: string[];
}

/**
 * Whether an order is a line of a purchase that its purchase's one payment fulfilled (the
 * same moment): the buyer hears of it in the purchase's one mail, not in a mail per line.
 */
const paidWithItsPurchase = sql<boolean>`coalesce(pu.paid_at = o.paid_at, false)`.as(
  'paid_with_its_purchase',
);

const recipientColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.language',
  'u.notification_opt_outs',
] as const;

type RecipientRow = {
  id: string;
  email: string;
  name: string;
  language: string;
  notification_opt_outs: string[];
};

const toRecipient = (row: RecipientRow): Recipient => ({
  id: row.id,
  email: row.email,
  name: row.name,
  language: row.language === 'en' ? 'en' : 'nl',
  optOuts: row.notification_opt_outs,
});

/**
 * What the notifications read when an event is dispatched: who should hear of it and the
 * names and amounts its message says. Only active users of active organisations.
 */
export const notificationsRepository = {
  /** The active members of an organisation, optionally only those with one of `roles`. */
  async members(db: Kysely<DB>, organisationId: string, roles?: UserRole[]): Promise<Recipient[]> {
    let query = db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(recipientColumns)
      .where('u.organisation_id', '=', organisationId)
      .where('u.status', '=', 'active')
      .where('o.status', '=', 'active');
    if (roles) query = query.where('u.role', 'in', roles);
    return (await query.orderBy('u.email').execute()).map(toRecipient);
  },

  /** The platform team's admins (of every platform organisation). */
  async platformAdmins(db: Kysely<DB>): Promise<Recipient[]> {
    const rows = await db
      .selectFrom('users as u')
      .select(recipientColumns)
      .where('u.organisation_kind', '=', 'platform')
      .where('u.role', '=', 'admin')
      .where('u.status', '=', 'active')
      .orderBy('u.email')
      .execute();
    return rows.map(toRecipient);
  },

  /** Active users by id (an order's buyer, the reviewers just assigned). */
  async users(db: Kysely<DB>, ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('users as u')
      .select(recipientColumns)
      .where('u.id', 'in', ids)
      .where('u.status', '=', 'active')
      .orderBy('u.email')
      .execute();
    return rows.map(toRecipient);
  },

  async project(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.initiative_id')
      .select([
        'p.id',
        'p.title',
        'p.initiative_id',
        'p.supply',
        'p.threshold',
        sql<string | null>`p.end_date::text`.as('end_date'),
        'o.name as initiative_name',
      ])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  /** The reviewers assigned to the project's latest round at that moment. */
  async reviewersAssignedAt(db: Kysely<DB>, projectId: string, at: Date): Promise<string[]> {
    const rows = await db
      .selectFrom('panel_assignments as a')
      .innerJoin('review_rounds as r', 'r.id', 'a.round_id')
      .select('a.reviewer_id')
      .where('r.project_id', '=', projectId)
      .where('a.assigned_at', '=', at)
      .execute();
    return rows.map((row) => row.reviewer_id);
  },

  async order(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('orders as o')
      .innerJoin('projects as p', 'p.id', 'o.project_id')
      .leftJoin('purchases as pu', 'pu.id', 'o.purchase_id')
      .select([
        paidWithItsPurchase,
        'o.id',
        'o.created_by',
        'o.quantity',
        'o.amount_cents',
        'o.payment_method',
        'o.payment_reference',
        'o.invoice_number',
        'o.reserved_until',
        'p.title as project_title',
      ])
      .where('o.id', '=', id)
      .executeTakeFirst();
  },

  /** A purchase with its lines (one order per project), for the mail its placement sends. */
  async purchase(db: Kysely<DB>, id: string) {
    const purchase = await db
      .selectFrom('purchases')
      .select([
        'id',
        'created_by',
        'amount_cents',
        'payment_method',
        'payment_reference',
        'invoice_number',
        'reserved_until',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!purchase) return undefined;
    const lines = await db
      .selectFrom('orders as o')
      .innerJoin('projects as p', 'p.id', 'o.project_id')
      .select(['p.title as project_title', 'o.quantity'])
      .where('o.purchase_id', '=', id)
      .orderBy('p.title')
      .execute();
    return { ...purchase, lines };
  },

  /**
   * A paid purchase with the lines its one payment fulfilled, each with its certificate,
   * for the one mail that tells the buyer about the payment.
   */
  async paidPurchase(db: Kysely<DB>, id: string) {
    const purchase = await db
      .selectFrom('purchases')
      .select(['id', 'created_by', 'amount_cents', 'paid_at'])
      .where('id', '=', id)
      .where('paid_at', 'is not', null)
      .executeTakeFirst();
    if (!purchase) return undefined;
    const lines = await db
      .selectFrom('orders as o')
      .innerJoin('purchases as pu', 'pu.id', 'o.purchase_id')
      .innerJoin('projects as p', 'p.id', 'o.project_id')
      .innerJoin('certificates as c', 'c.order_id', 'o.id')
      .select([
        'p.title as project_title',
        'c.id as certificate_id',
        'c.number as certificate_number',
        'c.verification_code',
        'c.credits',
      ])
      .where('o.purchase_id', '=', id)
      .whereRef('o.paid_at', '=', 'pu.paid_at')
      .orderBy('p.title')
      .execute();
    return { ...purchase, lines };
  },

  async certificate(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('certificates as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .leftJoin('purchases as pu', 'pu.id', 'o.purchase_id')
      .select([
        paidWithItsPurchase,
        'c.number',
        'c.verification_code',
        'c.credits',
        'o.created_by',
        'p.title as project_title',
      ])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },

  async contract(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('contracts as c')
      .innerJoin('organisations as a', 'a.id', 'c.authority_id')
      .select(['c.reference', 'c.supplier_id', 'a.name as authority_name'])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },

  async claim(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('claims as c')
      .innerJoin('contracts as k', 'k.id', 'c.contract_id')
      .innerJoin('organisations as a', 'a.id', 'c.authority_id')
      .innerJoin('organisations as s', 's.id', 'c.supplier_id')
      .select([
        'c.authority_id',
        'c.supplier_id',
        'c.certificate_id',
        'c.contract_id',
        'c.credits',
        'c.decision_reason',
        'c.withdrawal_reason',
        'k.reference as contract_reference',
        'a.name as authority_name',
        's.name as supplier_name',
      ])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },

  /** Every buyer (the user who placed the order) of a project's paid orders, with what they paid. */
  async paidBuyers(db: Kysely<DB>, projectId: string) {
    const rows = await sql<{ created_by: string; paid_cents: string }>`
      SELECT created_by, sum(amount_cents)::text AS paid_cents FROM orders
        WHERE project_id = ${projectId} AND paid_at IS NOT NULL
        GROUP BY created_by ORDER BY created_by`.execute(db);
    return rows.rows.map((row) => ({ userId: row.created_by, paidCents: Number(row.paid_cents) }));
  },

  async outcomeReport(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('outcome_reports')
      .select(['project_id', 'kind'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async payout(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('payouts')
      .select(['project_id', 'tranche', 'amount_cents', 'bank_reference'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async webhookEndpoint(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('webhook_endpoints as e')
      .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
      .select(['e.url', 'e.description', 'e.organisation_id', 'o.kind'])
      .where('e.id', '=', id)
      .executeTakeFirst();
  },

  async optOuts(db: Kysely<DB>, userId: string): Promise<string[]> {
    const row = await db
      .selectFrom('users')
      .select('notification_opt_outs')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.notification_opt_outs ?? [];
  },

  async setOptOuts(db: Kysely<DB>, userId: string, optOuts: string[], at: Date): Promise<void> {
    await db
      .updateTable('users')
      .set({ notification_opt_outs: optOuts, updated_at: at })
      .where('id', '=', userId)
      .execute();
  },
};
