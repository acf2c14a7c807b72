import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryPaymentGateway } from '../helpers/memory-payments.js';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

const onServer = !!process.env.TEST_DATABASE_URL;

/**
 * The last credits, the same Idempotency-Key and payments, at once. The truly concurrent
 * cases need the PostgreSQL server (the embedded database has one connection: its
 * transactions queue); each has a sequential twin that runs on both engines.
 */
describe('orders under contention', () => {
  let t: TestContext;
  let admin: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;
  let gateway: MemoryPaymentGateway;
  let buyers: Person['as'][];

  beforeAll(async () => {
    t = await TestContext.create({
      memoryPayments: true,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    gateway = t.memoryPayments;
    admin = await t.platformAdmin();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
    // Ten buyer organisations, so the orders race on the project's credits, not on one buyer's row.
    buyers = [];
    for (let i = 0; i < 10; i++) {
      buyers.push((await t.newSupplier()).as);
    }
  });
  afterAll(async () => t?.close());

  /** A project of `supply` credits of which only `available` are left (a big order holds the rest). */
  async function projectWithAvailable(supply: number, available: number): Promise<string> {
    const projectId = (await t.newListedProject({ credits: supply, initiative })).id;
    if (supply > available)
      await api.place(otherSupplier.as, {
        projectId,
        quantity: supply - available,
        paymentMethod: 'invoice',
      });
    expect(await api.credits(projectId)).toMatchObject({ available });
    return projectId;
  }

  async function expectFiftySoldApart(projectId: string, orders: OrderJson[]) {
    const paid = await Promise.all(
      orders.map((order) => api.markPaid(admin.as, order.id, order.amountCents)),
    );
    for (const response of paid) expectStatus(response, 200);
    const certificates = paid.map((response) => response.json<OrderJson>().certificate!);
    const ranges = certificates
      .map((c) => [c.serialStart, c.serialEnd] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(new Set(certificates.map((c) => c.number)).size).toBe(50);
    for (const [index, [start, end]] of ranges.entries()) {
      expect(end).toBe(start);
      if (index > 0) expect(start).toBeGreaterThan(ranges[index - 1]![1]);
    }
    expect(await api.credits(projectId)).toMatchObject({ sold: 50, available: 0 });
    await api.expectInvariants();
  }

  function tally(responses: LightMyRequestResponse[]) {
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json<OrderJson>());
    const refused = responses.filter((r) => r.statusCode === 409);
    for (const response of refused) {
      expectProblem(response, 409, 'ORDER.INSUFFICIENT_CREDITS');
      expect(response.json().available).toBe(0);
    }
    expect(created.length + refused.length, responses.map((r) => r.statusCode).join()).toBe(
      responses.length,
    );
    return { created, refused };
  }

  describe.runIf(onServer)('truly concurrent (PostgreSQL server)', () => {
    it('200 orders of 1 credit for the last 50: exactly 50 reserved, 150 refused with available 0; paying all sells 50 apart', async () => {
      const projectId = await projectWithAvailable(120, 50);
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          api.create(buyers[i % buyers.length]!, {
            projectId,
            quantity: 1,
            paymentMethod: 'invoice',
          }),
        ),
      );
      const { created, refused } = tally(responses);
      expect(created).toHaveLength(50);
      expect(refused).toHaveLength(150);
      expect(await api.credits(projectId)).toMatchObject({
        supply: 120,
        reserved: 120,
        sold: 0,
        available: 0,
      });
      await api.expectInvariants();
      await expectFiftySoldApart(projectId, created);
    });

    it('the same Idempotency-Key 20 times at once: one order, one Checkout Session, identical answers', async () => {
      const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
      const key = randomUUID();
      const sessionsBefore = gateway.sessions.size;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          api.create(buyers[0]!, { projectId, quantity: 2, paymentMethod: 'stripe' }, key),
        ),
      );
      for (const response of responses) expectStatus(response, 201);
      expect(new Set(responses.map((r) => r.body)).size).toBe(1);
      expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(gateway.sessions.size).toBe(sessionsBefore + 1);
      const orders = await t.db
        .selectFrom('orders')
        .select('id')
        .where('project_id', '=', projectId)
        .execute();
      expect(orders).toHaveLength(1);
      expect(await api.credits(projectId)).toMatchObject({ reserved: 2, available: 8 });
      await api.expectInvariants();
    });

    it('one payment reported 10 times at once is fulfilled once: one sale, one certificate', async () => {
      const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
      const order = await api.place(buyers[5]!, {
        projectId,
        quantity: 3,
        paymentMethod: 'stripe',
      });
      const results = await Promise.all(Array.from({ length: 10 }, () => api.stripePaid(order)));
      expect(results.filter((r) => r.outcome === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'already_paid')).toHaveLength(9);
      expect(await api.ledgerOf(order.id)).toEqual({
        'credit.reserve': 1,
        'credit.sell': 1,
        'money.payment_received': 1,
      });
      const certificates = await t.db
        .selectFrom('certificates')
        .select('id')
        .where('order_id', '=', order.id)
        .execute();
      expect(certificates).toHaveLength(1);
      await api.expectInvariants();
    });

    it('a refund and its payment reported at the same moment end refunded, with no live certificate', async () => {
      const projectId = (await t.newListedProject({ credits: 20, initiative })).id;
      const orders: OrderJson[] = [];
      for (let i = 0; i < 5; i++)
        orders.push(
          await api.place(buyers[6]!, { projectId, quantity: 2, paymentMethod: 'stripe' }),
        );
      await Promise.all(
        orders.flatMap((order) => [
          api.stripeRefunded(order),
          api.stripePaid(order),
          api.stripeRefunded(order),
        ]),
      );
      for (const order of orders) {
        const final = (await api.get(admin.as, order.id)).json<OrderJson>();
        expect(final.status).toBe('refunded');
        expect(final.certificate === null || final.certificate.status === 'revoked').toBe(true);
      }
      expect(await api.credits(projectId)).toMatchObject({
        supply: 20,
        reserved: 0,
        sold: 0,
        available: 20,
      });
      await api.expectInvariants();
    });

    it('a reservation refused by the database’s CHECK (past the fast path) answers 409 with available, and replays it', async () => {
      const projectId = await projectWithAvailable(10, 4);
      // Hold the project's balance row, so both orders read 4 available and then queue on it.
      const blocker = new pg.Client({ connectionString: await databaseUrl(t) });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query(
          'SELECT * FROM project_credit_balances WHERE project_id = $1 FOR UPDATE',
          [projectId],
        );
        const keys = [randomUUID(), randomUUID()];
        const pending = [
          api.create(buyers[1]!, { projectId, quantity: 4, paymentMethod: 'invoice' }, keys[0]),
          api.create(buyers[2]!, { projectId, quantity: 4, paymentMethod: 'invoice' }, keys[1]),
        ];
        await waitForLockWaiters(blocker, 2);
        await blocker.query('COMMIT');
        const responses = await Promise.all(pending);
        const loser = responses.findIndex((r) => r.statusCode === 409);
        expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
        expectProblem(responses[loser]!, 409, 'ORDER.INSUFFICIENT_CREDITS');
        expect(responses[loser]!.json().available).toBe(0);
        const replay = await api.create(
          buyers[loser + 1]!,
          { projectId, quantity: 4, paymentMethod: 'invoice' },
          keys[loser],
        );
        expect(replay.statusCode).toBe(409);
        expect(replay.body).toBe(responses[loser]!.body);
      } finally {
        await blocker.end();
      }
      await api.expectInvariants();
    });
  });

  describe('one after another (both engines)', () => {
    it('60 orders of 1 credit for the last 50: 50 reserved, 10 refused; paying all sells 50 apart', async () => {
      const projectId = await projectWithAvailable(70, 50);
      const responses: LightMyRequestResponse[] = [];
      for (let i = 0; i < 60; i++)
        responses.push(
          await api.create(buyers[i % buyers.length]!, {
            projectId,
            quantity: 1,
            paymentMethod: 'invoice',
          }),
        );
      const { created, refused } = tally(responses);
      expect(created).toHaveLength(50);
      expect(refused).toHaveLength(10);
      expect(responses.slice(0, 50).every((r) => r.statusCode === 201)).toBe(true);
      await api.expectInvariants();
      await expectFiftySoldApart(projectId, created);
    });

    it('the same Idempotency-Key 20 times: one order, one Checkout Session, identical answers', async () => {
      const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
      const key = randomUUID();
      const sessionsBefore = gateway.sessions.size;
      const responses: LightMyRequestResponse[] = [];
      for (let i = 0; i < 20; i++)
        responses.push(
          await api.create(buyers[3]!, { projectId, quantity: 2, paymentMethod: 'stripe' }, key),
        );
      for (const response of responses) expectStatus(response, 201);
      expect(new Set(responses.map((r) => r.body)).size).toBe(1);
      expect(gateway.sessions.size).toBe(sessionsBefore + 1);
      const orders = await t.db
        .selectFrom('orders')
        .select('id')
        .where('project_id', '=', projectId)
        .execute();
      expect(orders).toHaveLength(1);
      expectProblem(
        await api.create(buyers[3]!, { projectId, quantity: 3, paymentMethod: 'stripe' }, key),
        422,
        'IDEMPOTENCY.KEY_REUSED',
      );
      await api.expectInvariants();
    });

    it('duplicates sent together queue on the embedded database and still make one order', async () => {
      const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.create(buyers[4]!, { projectId, quantity: 1, paymentMethod: 'stripe' }, key),
        ),
      );
      for (const response of responses) expectStatus(response, 201);
      expect(new Set(responses.map((r) => r.body)).size).toBe(1);
      const orders = await t.db
        .selectFrom('orders')
        .select('id')
        .where('project_id', '=', projectId)
        .execute();
      expect(orders).toHaveLength(1);
    });
  });
});

async function databaseUrl(t: TestContext): Promise<string> {
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(t.db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.db}`;
  return url.toString();
}

/** Waits until `count` other sessions wait for a lock (the orders queued behind the blocker). */
async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (Number(rows[0]!.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions came to wait for the lock`);
}
