import { type Kysely, sql, type Transaction } from 'kysely';
import type { ContractsTable, DB, OrganisationStatus } from '../../db/types.js';
import type { Insertable, Selectable, Updateable } from 'kysely';

export type ContractRow = Selectable<ContractsTable>;

/** A contract with its parties' names, as every view of it shows them. */
export interface ContractView extends ContractRow {
  authority_name: string;
  authority_kvk_number: string | null;
  supplier_name: string;
  supplier_kvk_number: string | null;
  supplier_status: OrganisationStatus;
}

/** What the claims on a contract count, by whether they count already (approved) or wait (pending). */
export interface ClaimTotals {
  approvedCents: number;
  pendingCents: number;
}

function viewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('organisations as a', 'a.id', 'k.authority_id')
    .innerJoin('organisations as s', 's.id', 'k.supplier_id')
    .selectAll('k')
    .select([
      'a.name as authority_name',
      'a.kvk_number as authority_kvk_number',
      's.name as supplier_name',
      's.kvk_number as supplier_kvk_number',
      's.status as supplier_status',
    ]);
}

export const contractsRepository = {
  async insert(trx: Transaction<DB>, values: Insertable<ContractsTable>): Promise<ContractRow> {
    return trx.insertInto('contracts').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async update(
    trx: Transaction<DB>,
    id: string,
    values: Updateable<ContractsTable>,
  ): Promise<void> {
    await trx.updateTable('contracts').set(values).where('id', '=', id).execute();
  },

  async findView(db: Kysely<DB>, id: string): Promise<ContractView | undefined> {
    return viewQuery(db).where('k.id', '=', id).executeTakeFirst();
  },

  /** Claims and approvals of one contract are serialised on its row (the share cap is a sum over them). */
  async lock(trx: Transaction<DB>, id: string): Promise<ContractRow | undefined> {
    return trx
      .selectFrom('contracts')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  /** Newest first; `before` is the last row of the previous page. */
  async list(
    db: Kysely<DB>,
    filter: {
      authorityId?: string | undefined;
      supplierId?: string | undefined;
      status?: 'open' | 'closed' | undefined;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<ContractView[]> {
    let query = viewQuery(db);
    if (filter.authorityId !== undefined)
      query = query.where('k.authority_id', '=', filter.authorityId);
    if (filter.supplierId !== undefined)
      query = query.where('k.supplier_id', '=', filter.supplierId);
    if (filter.status !== undefined) query = query.where('k.status', '=', filter.status);
    if (filter.before !== undefined) {
      query = query.where(
        sql<boolean>`(k.created_at, k.id) < (${new Date(filter.before.createdAt)}, ${filter.before.id})`,
      );
    }
    return query
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Every contract of a supplier (its obligation wallet), soonest ending first. */
  async listForSupplier(db: Kysely<DB>, supplierId: string): Promise<ContractView[]> {
    return viewQuery(db)
      .where('k.supplier_id', '=', supplierId)
      .orderBy('k.ends_on')
      .orderBy('k.reference')
      .orderBy('k.id')
      .execute();
  },

  /** Every contract of an authority, for its export. */
  async listForAuthority(db: Kysely<DB>, authorityId: string): Promise<ContractView[]> {
    return viewQuery(db)
      .where('k.authority_id', '=', authorityId)
      .orderBy('k.reference')
      .orderBy('k.id')
      .execute();
  },

  async claimTotals(db: Kysely<DB>, contractIds: string[]): Promise<Map<string, ClaimTotals>> {
    const totals = new Map<string, ClaimTotals>();
    if (contractIds.length === 0) return totals;
    const rows = await db
      .selectFrom('claims')
      .select([
        'contract_id',
        sql<string>`coalesce(sum(counted_cents) FILTER (WHERE status = 'approved'), 0)`.as(
          'approved',
        ),
        sql<string>`coalesce(sum(counted_cents) FILTER (WHERE status = 'pending'), 0)`.as(
          'pending',
        ),
      ])
      .where('contract_id', 'in', contractIds)
      .where('status', 'in', ['pending', 'approved'])
      .groupBy('contract_id')
      .execute();
    for (const row of rows)
      totals.set(row.contract_id, {
        approvedCents: Number(row.approved),
        pendingCents: Number(row.pending),
      });
    return totals;
  },

  async countPendingClaims(db: Kysely<DB>, contractId: string): Promise<number> {
    const row = await db
      .selectFrom('claims')
      .select(sql<string>`count(*)`.as('n'))
      .where('contract_id', '=', contractId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async findOrganisationByKvk(db: Kysely<DB>, kvkNumber: string) {
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('kvk_number', '=', kvkNumber)
      .executeTakeFirst();
  },
};
