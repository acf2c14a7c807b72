import { sql } from 'kysely';
import { expect } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { REFRESH_SUMMARIES_JOB } from '../../src/modules/reports/report-jobs.js';
import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type SignedIn } from '../helpers/fixtures.js';
import { createMarket, expectStatus, type Market, type Person } from '../helpers/listed-project.js';
import { type OrderJson, ordersApi } from '../helpers/orders.js';

/**
 * A marketplace with sales, contracts and claims for the reports tests. Contracts and
 * claims are written with SQL that goes through the claims table's own triggers (a claim
 * is inserted pending, then approved), as the claims service would.
 */
export async function createReportsWorld(t: TestApp) {
  const m: Market = await createMarket(t);
  const orders = ordersApi(t);

  async function buy(buyer: Person, projectId: string, quantity: number): Promise<OrderJson> {
    const order = await orders.place(buyer.as, { projectId, quantity, paymentMethod: 'invoice' });
    const paid = await orders.markPaid(m.admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    return paid.json<OrderJson>();
  }

  async function newAuthority(): Promise<{ organisation: OrganisationRow; person: Person }> {
    const organisation = await createOrganisation(t.db, 'authority');
    const person = await m.person(await createUser(t.db, organisation, 'viewer'));
    return { organisation, person };
  }

  let contractSequence = 0;
  async function contract(authorityId: string, supplierId: string): Promise<string> {
    const row = await t.db
      .insertInto('contracts')
      .values({
        authority_id: authorityId,
        supplier_id: supplierId,
        reference: `C-${++contractSequence}-${Math.random().toString(36).slice(2, 7)}`,
        title: `Onderhoud openbare ruimte ${contractSequence}`,
        value_cents: 100_000_000,
        starts_on: '2025-01-01',
        ends_on: '2027-12-31',
        obligation_basis: 'contract_value',
        percentage_bp: 500,
        obligation_cents: 5_000_000,
        created_by: m.admin.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function claim(
    contractId: string,
    certificateId: string,
    credits: number,
    status: 'approved' | 'pending' = 'approved',
  ): Promise<string> {
    const contractRow = await t.db
      .selectFrom('contracts')
      .select(['authority_id', 'supplier_id'])
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    const row = await t.db
      .insertInto('claims')
      .values({
        certificate_id: certificateId,
        contract_id: contractId,
        authority_id: contractRow.authority_id,
        supplier_id: contractRow.supplier_id,
        credits,
        unit_price_cents: t.config.creditPriceCents,
        credit_factor_bp: 10_000,
        value_cents: credits * t.config.creditPriceCents,
        created_by: m.admin.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'approved') {
      await t.db
        .updateTable('claims')
        .set({ status: 'approved', decided_at: t.clock.now(), decided_by: m.admin.user.id })
        .where('id', '=', row.id)
        .execute();
    }
    return row.id;
  }

  /** The funding module moves a project to funded when its threshold sells; if it has not (yet), do it here. */
  async function ensureFunded(projectId: string): Promise<void> {
    await sql`UPDATE projects SET status = 'funded' WHERE id = ${projectId} AND status = 'listed'`.execute(
      t.db,
    );
    const row = await t.db
      .selectFrom('projects')
      .select('status')
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('funded');
  }

  async function refreshSummaries(): Promise<void> {
    await orders.runJob(REFRESH_SUMMARIES_JOB);
  }

  const get = (who: SignedIn | null, url: string) =>
    t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });
  const post = (who: SignedIn, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const put = (who: SignedIn, url: string, payload: object = {}) =>
    t.app.inject({ method: 'PUT', url, headers: who.headers, payload });

  return {
    m,
    orders,
    buy,
    newAuthority,
    contract,
    claim,
    ensureFunded,
    refreshSummaries,
    get,
    post,
    put,
  };
}

export type ReportsWorld = Awaited<ReturnType<typeof createReportsWorld>>;

/** A report body with the given counts; everything else valid. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'interim',
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    participants: [
      { targetGroup: 'participatiewet', participants: 12 },
      { targetGroup: 'banenafspraak', participants: 3 },
      { targetGroup: 'ww', participants: 8 },
    ],
    outcomes: [
      { outcomeType: 'paid_work', achieved: 14, banenafspraak: 2 },
      { outcomeType: 'diploma', achieved: 4, banenafspraak: 0 },
      { outcomeType: 'driving_licence', achieved: 10, banenafspraak: 0 },
    ],
    spending: [],
    narrative:
      'In het eerste kwartaal startten 23 deelnemers; 14 vonden betaald werk, vooral in de logistiek. Twee groepen volgden theorieles.',
    stories: [],
    ...overrides,
  };
}
