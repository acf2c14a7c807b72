import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { ClaimsTable, ClaimStatus, DB } from '../../db/types.js';

export type ClaimRow = Selectable<ClaimsTable>;

/** A claim with its evidence and parties, as the supplier and the coordinator see it. */
export interface ClaimView extends ClaimRow {
  certificate_number: string;
  certificate_status: 'active' | 'suspended' | 'revoked';
  certificate_status_reason: string | null;
  certificate_credits: number;
  certificate_serial_start: number;
  certificate_serial_end: number;
  certificate_value_cents: number;
  certificate_verification_code: string;
  project_id: string;
  project_title: string;
  initiative_name: string;
  contract_reference: string;
  contract_title: string;
  authority_name: string;
  supplier_name: string;
  supplier_kvk_number: string | null;
}

/** The certificate as a claim needs it, locked: claims and approvals of one certificate queue here. */
export interface LockedCertificate {
  id: string;
  status: 'active' | 'suspended' | 'revoked';
  buyer_organisation_id: string;
  credits: number;
  claimed_credits: number;
  unit_price_cents: number;
}

function viewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('claims as c')
    .innerJoin('certificates as cert', 'cert.id', 'c.certificate_id')
    .innerJoin('projects as p', 'p.id', 'cert.project_id')
    .innerJoin('organisations as i', 'i.id', 'p.initiative_id')
    .innerJoin('contracts as k', 'k.id', 'c.contract_id')
    .innerJoin('organisations as a', 'a.id', 'c.authority_id')
    .innerJoin('organisations as s', 's.id', 'c.supplier_id')
    .selectAll('c')
    .select([
      'cert.number as certificate_number',
      'cert.status as certificate_status',
      'cert.status_reason as certificate_status_reason',
      'cert.credits as certificate_credits',
      'cert.serial_start as certificate_serial_start',
      'cert.serial_end as certificate_serial_end',
      'cert.value_cents as certificate_value_cents',
      'cert.verification_code as certificate_verification_code',
      'p.id as project_id',
      'p.title as project_title',
      'i.name as initiative_name',
      'k.reference as contract_reference',
      'k.title as contract_title',
      'a.name as authority_name',
      's.name as supplier_name',
      's.kvk_number as supplier_kvk_number',
    ]);
}

export interface ClaimFilter {
  authorityId?: string | undefined;
  supplierId?: string | undefined;
  contractId?: string | undefined;
  certificateId?: string | undefined;
  status?: ClaimStatus | undefined;
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export const claimsRepository = {
  async findView(db: Kysely<DB>, id: string): Promise<ClaimView | undefined> {
    return viewQuery(db).where('c.id', '=', id).executeTakeFirst() as Promise<
      ClaimView | undefined
    >;
  },

  /** Newest first; `before` is the last row of the previous page. `limit: 0` means all (exports). */
  async list(db: Kysely<DB>, filter: ClaimFilter): Promise<ClaimView[]> {
    let query = viewQuery(db);
    if (filter.authorityId !== undefined)
      query = query.where('c.authority_id', '=', filter.authorityId);
    if (filter.supplierId !== undefined)
      query = query.where('c.supplier_id', '=', filter.supplierId);
    if (filter.contractId !== undefined)
      query = query.where('c.contract_id', '=', filter.contractId);
    if (filter.certificateId !== undefined)
      query = query.where('c.certificate_id', '=', filter.certificateId);
    if (filter.status !== undefined) query = query.where('c.status', '=', filter.status);
    if (filter.before !== undefined) {
      query = query.where(
        sql<boolean>`(c.created_at, c.id) < (${new Date(filter.before.createdAt)}, ${filter.before.id})`,
      );
    }
    query = query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
    if (filter.limit > 0) query = query.limit(filter.limit + 1);
    return query.execute() as Promise<ClaimView[]>;
  },

  async lockCertificate(trx: Transaction<DB>, id: string): Promise<LockedCertificate | undefined> {
    const row = await trx
      .selectFrom('certificates')
      .select(['id', 'status', 'buyer_organisation_id', 'credits', 'claimed_credits'])
      .select(
        sql<number>`(SELECT unit_price_cents FROM orders WHERE orders.id = certificates.order_id)`.as(
          'unit_price_cents',
        ),
      )
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row && { ...row, unit_price_cents: Number(row.unit_price_cents) };
  },

  /**
   * Whether a refund through Stripe of the certificate's order is under way (the order's
   * refund request, see settlement/refunds.ts). Call it after lockCertificate, as a statement
   * of its own: the request is written under that lock, and a statement that started
   * before the lock was granted would read the order as it was then.
   */
  async refundRequested(trx: Transaction<DB>, certificateId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('certificates as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .select('o.refund_requested_at')
      .where('c.id', '=', certificateId)
      .executeTakeFirst();
    return row?.refund_requested_at != null;
  },

  async lockClaim(trx: Transaction<DB>, id: string): Promise<ClaimRow | undefined> {
    return trx.selectFrom('claims').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** What the claims on a contract in the given statuses count, optionally leaving one out. */
  async sumCounted(
    db: Kysely<DB>,
    contractId: string,
    statuses: ClaimStatus[],
    exceptClaimId?: string,
  ): Promise<number> {
    let query = db
      .selectFrom('claims')
      .select(sql<string>`coalesce(sum(counted_cents), 0)`.as('total'))
      .where('contract_id', '=', contractId)
      .where('status', 'in', statuses);
    if (exceptClaimId !== undefined) query = query.where('id', '<>', exceptClaimId);
    return Number((await query.executeTakeFirstOrThrow()).total);
  },

  async insert(
    trx: Transaction<DB>,
    values: Pick<
      ClaimRow,
      | 'certificate_id'
      | 'contract_id'
      | 'authority_id'
      | 'supplier_id'
      | 'credits'
      | 'unit_price_cents'
      | 'credit_factor_bp'
      | 'value_cents'
      | 'counted_cents'
      | 'note'
      | 'created_by'
      | 'created_at'
    >,
  ): Promise<ClaimRow> {
    return trx.insertInto('claims').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(trx: Transaction<DB>, id: string, values: Updateable<ClaimsTable>): Promise<void> {
    await trx.updateTable('claims').set(values).where('id', '=', id).execute();
  },

  /** Approved claims on a certificate, for public verification ("counted toward"). */
  async approvedForCertificate(db: Kysely<DB>, certificateId: string) {
    return db
      .selectFrom('claims as c')
      .innerJoin('contracts as k', 'k.id', 'c.contract_id')
      .innerJoin('organisations as a', 'a.id', 'c.authority_id')
      .select([
        'a.name as authority_name',
        'k.reference as contract_reference',
        'c.credits',
        'c.decided_at',
      ])
      .where('c.certificate_id', '=', certificateId)
      .where('c.status', '=', 'approved')
      .orderBy('c.decided_at')
      .orderBy('c.id')
      .execute();
  },
};
