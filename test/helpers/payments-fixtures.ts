import type { FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import { createStripeGateway } from '../../src/modules/payments/stripe-gateway.js';
import { createTestApp, type TestApp } from './app.js';
import {
  type FakeSession,
  type FakeStripe,
  signedWebhook,
  startFakeStripe,
  stripeEvent,
  type StripeEventPayload,
} from './fake-stripe.js';
import { createMarket, expectStatus, type Market, type Person } from './listed-project.js';

/**
 * The Stripe path end to end: the real app with the real Stripe gateway (official SDK)
 * pointed at the local fake Stripe, a marketplace with signed-in people, listed projects
 * and orders made through the HTTP API, and signed webhook deliveries.
 */

export interface StripeWorld {
  t: TestApp;
  fake: FakeStripe;
  jobs: InProcessJobQueue;
  market: Market;
  close(): Promise<void>;
}

export async function createStripeWorld(
  options: { env?: Record<string, string>; logger?: FastifyServerOptions['logger'] } = {},
): Promise<StripeWorld> {
  const fake = await startFakeStripe();
  const jobs = new InProcessJobQueue({ autoRun: false, maxAttempts: 1 });
  const t = await createTestApp({
    // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
    env: { MAX_RESERVED_SHARE_PERCENT: '100', ...fake.env, ...options.env },
    jobs,
    // No SDK retries: a test that makes the fake fail sees the failure.
    payments: (config) => createStripeGateway(config.stripe!, { maxNetworkRetries: 0 }),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const market = await createMarket(t);
  return {
    t,
    fake,
    jobs,
    market,
    close: async () => {
      await t.close();
      await fake.close();
    },
  };
}

export interface PlacedOrder {
  id: string;
  status: string;
  amountCents: number;
  checkoutUrl: string | null;
  session: FakeSession;
}

let keySequence = 0;

/** POST /v1/orders with payment by Stripe; answers the order and the Checkout Session the fake holds for it. */
export async function placeStripeOrder(
  w: StripeWorld,
  buyer: Person,
  projectId: string,
  quantity: number,
): Promise<PlacedOrder> {
  const response = await w.t.app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: {
      ...buyer.as.headers,
      'idempotency-key': `payments-test-${process.pid}-${++keySequence}`,
    },
    payload: { projectId, quantity, paymentMethod: 'stripe' },
  });
  expectStatus(response, 201);
  const order = response.json<{
    id: string;
    status: string;
    amountCents: number;
    checkoutUrl: string | null;
  }>();
  const session = [...w.fake.sessions.values()].find((s) => s.client_reference_id === order.id);
  expect(session, `Checkout Session for order ${order.id}`).toBeDefined();
  return { ...order, session: structuredClone(session!) };
}

/** Delivers an event to the webhook, signed like Stripe signs it (or as the options spoil it). */
export function deliver(
  w: StripeWorld,
  event: StripeEventPayload | string,
  options: {
    secret?: string;
    timestamp?: number;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<LightMyRequestResponse> {
  const signed = signedWebhook(event, {
    ...(options.secret ? { secret: options.secret } : {}),
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  });
  return w.t.app.inject({
    method: 'POST',
    url: '/v1/stripe/webhook',
    headers: { ...signed.headers, ...options.headers },
    payload: options.body ?? signed.payload,
  });
}

/** The fake's session for an event: paid (or as given), then wrapped as Stripe would send it. */
export function sessionEvent(
  type: string,
  session: FakeSession,
  options: { id?: string } = {},
): StripeEventPayload {
  return stripeEvent(type, session as unknown as Record<string, unknown>, options);
}

export const COUNTED_TABLES = [
  'stripe_events',
  'orders',
  'money_ledger',
  'credit_ledger',
  'audit_events',
  'certificates',
  'credit_allocations',
  'payment_disputes',
  'idempotency_keys',
] as const;

/** Row counts of every table a webhook could write, to prove a refused one wrote nothing. */
export async function countRows(w: StripeWorld): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const result = await sql<{
      n: string | number;
    }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(w.t.db);
    counts[table] = Number(result.rows[0]!.n);
  }
  // Any change to an order (status, flags) moves its updated_at.
  const latest = await sql<{ at: Date | null }>`SELECT max(updated_at) AS at FROM orders`.execute(
    w.t.db,
  );
  counts['orders.max_updated_at'] = latest.rows[0]!.at ? new Date(latest.rows[0]!.at).getTime() : 0;
  return counts;
}

export async function orderRow(w: StripeWorld, orderId: string) {
  return w.t.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

export async function certificatesOf(w: StripeWorld, orderId: string) {
  return w.t.db.selectFrom('certificates').selectAll().where('order_id', '=', orderId).execute();
}

export async function eventRows(w: StripeWorld, eventId: string) {
  return w.t.db.selectFrom('stripe_events').selectAll().where('id', '=', eventId).execute();
}

export async function balanceOf(w: StripeWorld, projectId: string) {
  return w.t.db
    .selectFrom('project_credit_balances')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
}

export async function creditEntries(w: StripeWorld, orderId: string) {
  return w.t.db
    .selectFrom('credit_ledger')
    .select(['entry_type', 'quantity'])
    .where('reference_type', '=', 'order')
    .where('reference_id', '=', orderId)
    .orderBy('id')
    .execute();
}

export async function moneyEntries(w: StripeWorld, orderId: string) {
  const rows = await w.t.db
    .selectFrom('money_ledger')
    .select(['entry_type', 'amount_cents'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    entry_type: row.entry_type,
    amount_cents: Number(row.amount_cents),
  }));
}

export async function expectInvariants(w: StripeWorld): Promise<void> {
  expect(await checkInvariants(w.t.db)).toEqual([]);
}
