import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import {
  fulfilOrder,
  type FulfilResult,
  type OrderCtx,
  type PaymentEvidence,
  recordRefund,
  type RefundEvidence,
  type RefundResult,
} from '../../src/modules/settlement/fulfilment.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import type { TestApp } from '../helpers/app.js';
import type { SignedIn } from '../helpers/fixtures.js';
import { expectStatus } from './expect.js';

export interface OrderBody {
  projectId: string;
  quantity: number;
  paymentMethod: 'stripe' | 'invoice';
}

export interface OrderJson {
  id: string;
  status: 'reserved' | 'paid' | 'expired' | 'cancelled' | 'refunded';
  buyerOrganisationId: string;
  project: { id: string; title: string };
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  currency: string;
  paymentMethod: 'stripe' | 'invoice';
  reservedUntil: string;
  invoiceNumber: string | null;
  paymentReference: string;
  checkoutUrl: string | null;
  billing: {
    name: string;
    kvkNumber: string | null;
    vatNumber: string | null;
    address: Record<string, string> | null;
  };
  payer: null | {
    name: string | null;
    country: string | null;
    taxIds: { type: string; value: string }[];
  };
  paidAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  refundedAt: string | null;
  needsAttention: string | null;
  certificate: null | {
    id: string;
    number: string;
    status: string;
    credits: number;
    serialStart: number;
    serialEnd: number;
    valueCents: number;
  };
  createdAt: string;
}

/** The orders API as one-liners, plus the webhook's entry points as the Stripe module calls them. */
export function ordersApi(t: Pick<TestApp, 'app' | 'db' | 'clock' | 'jobs'>) {
  const api = {
    create: (who: SignedIn, body: OrderBody, key: string | null = randomUUID()) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...who.headers, ...(key === null ? {} : { 'idempotency-key': key }) },
        payload: body,
      }),
    /** Creates and expects 201; answers the order. */
    async place(who: SignedIn, body: OrderBody): Promise<OrderJson> {
      const response = await api.create(who, body);
      expectStatus(response, 201);
      return response.json<OrderJson>();
    },
    get: (who: SignedIn, id: string) =>
      t.app.inject({ method: 'GET', url: `/v1/orders/${id}`, headers: who.headers }),
    list: (who: SignedIn, query = '') =>
      t.app.inject({ method: 'GET', url: `/v1/orders${query}`, headers: who.headers }),
    markPaid: (
      who: SignedIn,
      id: string,
      amountCents: number,
      bankReference = `NL${Math.floor(Math.random() * 1e9)}`,
    ) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/orders/${id}/mark-paid`,
        headers: who.headers,
        payload: { amountCents, bankReference },
      }),
    cancel: (who: SignedIn, id: string, reason = 'The buyer withdrew') =>
      t.app.inject({
        method: 'POST',
        url: `/v1/orders/${id}/cancel`,
        headers: who.headers,
        payload: { reason },
      }),
    refund: (who: SignedIn, id: string, reason = 'Ordered by mistake') =>
      t.app.inject({
        method: 'POST',
        url: `/v1/orders/${id}/refund`,
        headers: who.headers,
        payload: { reason },
      }),
    /** The public catalogue's view of a project's credits. */
    async credits(
      projectId: string,
    ): Promise<{ supply: number; sold: number; reserved: number; available: number }> {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects/${projectId}` });
      expectStatus(response, 200);
      return response.json().credits;
    },
    ctx: (): OrderCtx => ({
      actor: null,
      requestId: `test-${randomUUID()}`,
      ip: '127.0.0.1',
      now: t.clock.now(),
    }),
    /** What the Stripe webhook does on checkout.session.completed. */
    stripePaid: (
      order: { id: string; amountCents: number },
      overrides: Partial<PaymentEvidence> = {},
    ): Promise<FulfilResult> =>
      t.db.transaction().execute((trx) =>
        fulfilOrder(trx, api.ctx(), {
          orderId: order.id,
          amountCents: order.amountCents,
          currency: 'eur',
          method: 'stripe',
          externalReference: `cs_test_${order.id.slice(0, 8)}`,
          stripePaymentIntentId: `pi_test_${order.id.replace(/-/g, '')}`,
          ...overrides,
        }),
      ),
    /** What the Stripe webhook does on charge.refunded. */
    stripeRefunded: (
      order: { id: string; amountCents: number },
      overrides: Partial<RefundEvidence> = {},
    ): Promise<RefundResult> =>
      t.db.transaction().execute((trx) =>
        recordRefund(trx, api.ctx(), {
          orderId: order.id,
          amountCents: order.amountCents,
          externalReference: `ch_test_${order.id.slice(0, 8)}`,
          source: 'stripe_webhook',
          ...overrides,
        }),
      ),
    /** Ledger rows of one order, by ledger and entry type. */
    async ledgerOf(orderId: string): Promise<Record<string, number>> {
      const result = await sql<{ kind: string; n: string }>`
        SELECT 'credit.' || entry_type AS kind, count(*)::text AS n FROM credit_ledger WHERE reference_id = ${orderId} GROUP BY entry_type
        UNION ALL
        SELECT 'money.' || entry_type, count(*)::text FROM money_ledger WHERE order_id = ${orderId} GROUP BY entry_type
      `.execute(t.db);
      return Object.fromEntries(result.rows.map((row) => [row.kind, Number(row.n)]));
    },
    async auditActions(orderId: string): Promise<string[]> {
      const rows = await t.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', orderId)
        .orderBy('id')
        .execute();
      return rows.map((row) => row.action);
    },
    /** The app's in-process queue (the test app's default). */
    get queue(): InProcessJobQueue {
      if (!(t.jobs instanceof InProcessJobQueue))
        throw new Error('the test app was built with another job queue');
      return t.jobs;
    },
    /** Queues a job and runs everything queued (and what that queues) to completion. */
    async runJob(name: string, data: Record<string, unknown> = {}): Promise<void> {
      await api.queue.send(name, data);
      await api.queue.drain();
    },
    async expectInvariants(): Promise<void> {
      expect(await checkInvariants(t.db)).toEqual([]);
    },
  };
  return api;
}

export type OrdersApi = ReturnType<typeof ordersApi>;

export function expectJsonProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}
