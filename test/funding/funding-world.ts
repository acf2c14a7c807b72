import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { CHECK_DEADLINES_JOB } from '../../src/modules/funding/deadlines.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import { createOrganisation, createUser, type SignedIn } from '../helpers/fixtures.js';
import { expectStatus, type Person } from '../helpers/listed-project.js';
import { type OrderJson, ordersApi } from '../helpers/orders.js';
import {
  createStripeWorld,
  deliver,
  placeStripeOrder,
  sessionEvent,
  type StripeWorld,
} from '../helpers/payments-fixtures.js';

/**
 * A marketplace on the real Stripe gateway (official SDK) against the local fake Stripe,
 * with the funding, payouts, contracts and claims APIs as one-liners: the funding tests'
 * world. Every purchase goes through the HTTP API and the signed webhook.
 */
export async function createFundingWorld() {
  const w: StripeWorld = await createStripeWorld({
    env: { MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
  });
  const { t, market: m, fake, jobs } = w;
  const orders = ordersApi(t);
  const secondAdmin: Person = await m.person(await createUser(t.db, m.world.platform, 'admin'));
  const thirdAdmin: Person = await m.person(await createUser(t.db, m.world.platform, 'admin'));
  const otherInitiative = await createOrganisation(t.db, 'initiative');
  const otherInitiativeMember: Person = await m.person(
    await createUser(t.db, otherInitiative, 'member'),
  );

  const post = (
    who: SignedIn | null,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...(who?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const get = (who: SignedIn | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  let referenceCounter = 0;

  const api = {
    w,
    t,
    m,
    fake,
    jobs,
    orders,
    secondAdmin,
    thirdAdmin,
    otherInitiative,
    otherInitiativeMember,
    post,
    get,
    /** A listed project; its threshold is read back from the funding view. */
    async listProject(
      supply: number,
      title?: string,
    ): Promise<{ id: string; threshold: number; priceCents: number }> {
      const id = await m.listProject({ supply, ...(title ? { title } : {}) });
      const funding = await api.funding(null, id);
      return { id, threshold: funding.threshold, priceCents: funding.creditPriceCents };
    },
    async funding(who: SignedIn | null, projectId: string) {
      const response = await get(who, `/v1/projects/${projectId}/funding`);
      expectStatus(response, 200);
      return response.json();
    },
    /** An invoice order marked paid by an admin: the order as answered by mark-paid. */
    async buyByInvoice(buyer: Person, projectId: string, quantity: number): Promise<OrderJson> {
      const order = await orders.place(buyer.as, { projectId, quantity, paymentMethod: 'invoice' });
      const paid = await orders.markPaid(m.admin.as, order.id, order.amountCents);
      expectStatus(paid, 200);
      return paid.json<OrderJson>();
    },
    /** A Stripe order paid at Checkout and reported by the signed webhook. */
    async buyByStripe(buyer: Person, projectId: string, quantity: number): Promise<OrderJson> {
      const placed = await placeStripeOrder(w, buyer, projectId, quantity);
      const session = fake.completeSession(placed.session.id);
      expectStatus(await deliver(w, sessionEvent('checkout.session.completed', session)), 200);
      const order = await orders.get(buyer.as, placed.id);
      expectStatus(order, 200);
      expect(order.json().status).toBe('paid');
      return order.json<OrderJson>();
    },
    /** Moves the clock past the default funding period (and past every reservation). */
    passDeadline(days = 91) {
      t.clock.advanceDays(days);
    },
    /** One run of the deadline job, and every job it queues (refunds, session expiry). */
    async runDeadlines(): Promise<void> {
      await jobs.send(CHECK_DEADLINES_JOB, {});
      await jobs.drain();
    },
    async contract(coordinator: SignedIn = m.coordinator.as) {
      const response = await post(coordinator, '/v1/contracts', {
        supplier: { kvkNumber: m.world.supplier.kvk_number },
        reference: `SR-F-${++referenceCounter}-${randomUUID().slice(0, 6)}`,
        title: 'Onderhoud openbare ruimte',
        valueCents: 1_000_000_00,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        obligation: { basis: 'contract_value', percentageBp: 500 },
      });
      expectStatus(response, 201);
      return response.json<{ id: string }>();
    },
    async claim(
      certificateId: string,
      contractId: string,
      credits: number,
      supplier: SignedIn = m.supplier.as,
    ) {
      const response = await post(
        supplier,
        '/v1/claims',
        { certificateId, contractId, credits },
        { 'idempotency-key': randomUUID() },
      );
      expectStatus(response, 201);
      return response.json<{ id: string; status: string }>();
    },
    async certificateRow(certificateId: string) {
      return t.db
        .selectFrom('certificates')
        .selectAll()
        .where('id', '=', certificateId)
        .executeTakeFirstOrThrow();
    },
    async verify(certificateId: string) {
      const row = await api.certificateRow(certificateId);
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/verify/${row.verification_code}`,
      });
      expectStatus(response, 200);
      return response.json();
    },
    /** Money-ledger totals of a project straight from the table. */
    async ledger(projectId: string) {
      const result = await sql<{ entry_type: string; total: string; n: string }>`
        SELECT entry_type, sum(amount_cents)::text AS total, count(*)::text AS n FROM money_ledger WHERE project_id = ${projectId} GROUP BY entry_type
      `.execute(t.db);
      const by = Object.fromEntries(
        result.rows.map((r) => [r.entry_type, { total: Number(r.total), n: Number(r.n) }]),
      );
      return {
        received: by['payment_received']?.total ?? 0,
        refunded: by['refund_paid']?.total ?? 0,
        paidOut: by['payout']?.total ?? 0,
        rows: result.rows.reduce((sum, r) => sum + Number(r.n), 0),
      };
    },
    async auditCount(action: string, subjectId?: string): Promise<number> {
      let query = t.db
        .selectFrom('audit_events')
        .select(sql<string>`count(*)`.as('n'))
        .where('action', '=', action);
      if (subjectId) query = query.where('subject_id', '=', subjectId);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async expectInvariants(): Promise<void> {
      expect(await checkInvariants(t.db)).toEqual([]);
    },
    close: () => w.close(),
  };
  return api;
}

export type FundingWorld = Awaited<ReturnType<typeof createFundingWorld>>;
