import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../../src/db/types.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import type { TestApp } from '../helpers/app.js';
import { type FakeStripe, signedWebhook } from '../helpers/fake-stripe.js';
import { sessionEvent, type SignedIn, TestContext } from '../factory/index.js';

/**
 * The order, payment, claim and refund load the fault tests run while they break things,
 * driven over HTTP against a base URL (an app in this process, or a child process), and
 * the checks that must hold afterwards. Every request is retried with its own
 * Idempotency-Key (where the route takes one) until it gets an answer that is not a
 * server fault (nor "in progress"), as a careful client does: a fault may have struck
 * after the commit.
 */

export const LOAD_ENV = {
  MAX_RESERVED_SHARE_PERCENT: '100',
  MAX_OPEN_ORDERS_PER_ORGANISATION: '1000',
};

export interface LoadWorld {
  admin: SignedIn;
  coordinator: SignedIn;
  buyers: { as: SignedIn; contractId: string }[];
  projectIds: string[];
}

/** People, projects and contracts, made through the app before anything breaks. */
export async function createLoadWorld(t: TestApp, buyerCount = 6): Promise<LoadWorld> {
  const factory = TestContext.around(t);
  const projectIds: string[] = [];
  for (let i = 0; i < 3; i++)
    projectIds.push((await factory.newListedProject({ credits: 4000 })).id);
  const coordinator = await factory.newAuthority();
  const buyers: LoadWorld['buyers'] = [];
  for (let i = 0; i < buyerCount; i++) {
    const buyer = await factory.newSupplier();
    const contract = await factory.newContract({
      coordinator,
      supplier: buyer,
      body: { reference: `SR-FAULT-${i}-${randomUUID().slice(0, 6)}` },
    });
    buyers.push({ as: buyer.as, contractId: contract.id });
  }
  const admin = await factory.platformAdmin();
  return { admin: admin.as, coordinator: coordinator.as, buyers, projectIds };
}

export interface LoadStats {
  operations: number;
  /** Orders the app acknowledged (201), by id. */
  acknowledged: Set<string>;
  /** Answers that were server faults or no answer at all, before a retry got through. */
  faults: number;
  statuses: Record<string, number>;
}

type Body = Record<string, unknown>;

export function orderLoad(options: {
  base: () => string;
  world: LoadWorld;
  fake: FakeStripe;
  /** Asked before each operation: true stops the load (operations in flight finish). */
  done: () => boolean;
  /** Give up retrying one request after this long. */
  retryForMs?: number;
}) {
  const { world, fake } = options;
  const stats: LoadStats = { operations: 0, acknowledged: new Set(), faults: 0, statuses: {} };
  let lastFault = '';
  const retryForMs = options.retryForMs ?? 90_000;

  async function send(
    method: string,
    path: string,
    who: SignedIn | null,
    body?: Body | string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: Body }> {
    const deadline = Date.now() + retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(`${options.base()}${path}`, {
          method,
          headers: {
            ...(who ? who.headers : {}),
            ...headers,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          // A string is sent as it is (a signed webhook's exact bytes).
          ...(body ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status >= 409) lastFault = `${response.status} ${text.slice(0, 300)}`;
        const retryLater = response.status === 409 && text.includes('"IDEMPOTENCY.IN_PROGRESS"');
        if (response.status < 500 && !retryLater) {
          const json = text ? (JSON.parse(text) as Body) : {};
          const key = `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} ${response.status} ${typeof json.code === 'string' ? json.code : ''}`;
          stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
          return { status: response.status, json };
        }
      } catch (error) {
        // No answer (the process died, the connection was reset): try again.
        lastFault = String(error);
      }
      stats.faults += 1;
      if (Date.now() > deadline)
        throw new Error(`${method} ${path}: no answer after retries; last: ${lastFault}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    }
  }

  const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

  async function invoicePurchase(buyer: LoadWorld['buyers'][number]) {
    const placed = await send(
      'POST',
      '/v1/orders',
      buyer.as,
      {
        projectId: pick(world.projectIds),
        quantity: 1 + Math.floor(Math.random() * 3),
        paymentMethod: 'invoice',
      },
      { 'idempotency-key': randomUUID() },
    );
    if (placed.status !== 201) return;
    const order = placed.json as { id: string; amountCents: number };
    stats.acknowledged.add(order.id);
    const paid = await send('POST', `/v1/orders/${order.id}/mark-paid`, world.admin, {
      amountCents: order.amountCents,
      bankReference: `NL${Math.floor(Math.random() * 1e9)}`,
    });
    if (paid.status !== 200 && paid.status !== 409)
      throw new Error(`mark-paid answered ${paid.status}`);
    const roll = Math.random();
    if (roll < 0.3) {
      const refunded = await send('POST', `/v1/orders/${order.id}/refund`, world.admin, {
        reason: 'Besteld bij vergissing',
      });
      if (refunded.status !== 200 && refunded.status !== 409)
        throw new Error(`refund answered ${refunded.status}`);
    } else if (roll < 0.7) {
      const read = await send('GET', `/v1/orders/${order.id}`, buyer.as);
      const certificate = (read.json as { certificate?: { id: string; credits: number } | null })
        .certificate;
      if (!certificate) return;
      const claim = await send(
        'POST',
        '/v1/claims',
        buyer.as,
        {
          certificateId: certificate.id,
          contractId: buyer.contractId,
          credits: certificate.credits,
        },
        { 'idempotency-key': randomUUID() },
      );
      if (claim.status !== 201) return;
      await send(
        'POST',
        `/v1/claims/${(claim.json as { id: string }).id}/approve`,
        world.coordinator,
        {},
      );
    }
  }

  async function stripePurchase(buyer: LoadWorld['buyers'][number]) {
    const placed = await send(
      'POST',
      '/v1/orders',
      buyer.as,
      {
        projectId: pick(world.projectIds),
        quantity: 1 + Math.floor(Math.random() * 3),
        paymentMethod: 'stripe',
      },
      { 'idempotency-key': randomUUID() },
    );
    if (placed.status !== 201) return;
    const order = placed.json as { id: string };
    stats.acknowledged.add(order.id);
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id);
    if (!session) throw new Error(`no Checkout Session for acknowledged order ${order.id}`);
    const event = sessionEvent('checkout.session.completed', fake.completeSession(session.id));
    const signed = signedWebhook(event);
    const delivered = await send(
      'POST',
      '/v1/stripe/webhook',
      null,
      signed.payload,
      signed.headers,
    );
    if (delivered.status !== 200) throw new Error(`webhook answered ${delivered.status}`);
  }

  /** Runs `workers` loops of purchases until done(); answers the stats. */
  async function run(workers: number): Promise<LoadStats> {
    await Promise.all(
      Array.from({ length: workers }, async (_, index) => {
        while (!options.done()) {
          const buyer = world.buyers[index % world.buyers.length]!;
          stats.operations += 1;
          if (Math.random() < 0.35) await stripePurchase(buyer);
          else await invoicePurchase(buyer);
        }
      }),
    );
    return stats;
  }

  return { run, send, stats };
}

/**
 * What must hold after the faults: every invariant; every acknowledged order exists and no
 * other order was made (no duplicate from a retried request); no Idempotency-Key left in
 * progress; every order in a final state or one a job resumes (a reservation that lapses).
 */
export async function expectConsistentAfterFaults(db: Kysely<DB>, stats: LoadStats) {
  expect(await checkInvariants(db)).toEqual([]);
  const orders = await db.selectFrom('orders').select(['id', 'status', 'refund_state']).execute();
  const loadOrders = orders.filter((order) => stats.acknowledged.has(order.id));
  expect(loadOrders).toHaveLength(stats.acknowledged.size);
  // The world's own set-up made no orders: every row is one the load had acknowledged.
  expect(orders.map((order) => order.id).sort()).toEqual([...stats.acknowledged].sort());
  const inProgress = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM idempotency_keys WHERE status = 'in_progress'`.execute(db);
  expect(inProgress.rows[0]!.n).toBe(0);
  for (const order of orders) {
    expect(['reserved', 'paid', 'refunded', 'expired', 'cancelled']).toContain(order.status);
    expect(order.refund_state ?? 'none').not.toBe('requested');
  }
}
