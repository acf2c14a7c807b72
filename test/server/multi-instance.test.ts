import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import { PgBossJobQueue } from '../../src/jobs/pg-boss-queue.js';
import { MemoryTransport } from '../../src/modules/mail/mail.transport.js';
import { createStripeGateway } from '../../src/modules/payments/stripe-gateway.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import { ActorCache } from '../../src/modules/users/actor-cache.js';
import { withDatabase } from '../global-setup.js';
import { testConfig } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { createTestDatabase } from '../helpers/database.js';
import { type FakeStripe, signedWebhook, startFakeStripe } from '../helpers/fake-stripe.js';
import { type Person, sessionEvent, type SignedIn, TestContext } from '../factory/index.js';

/**
 * Three instances of the app on one PostgreSQL database, as an operator runs them behind a
 * load balancer: each with its own connection pool, pg-boss workers, signed-in users'
 * cache and notification listener, sharing rate limits through Redis when TEST_REDIS_URL
 * names one. A small round-robin proxy in front spreads the requests. What one instance
 * guarantees must still hold: no oversold credit, one fulfilment per payment, one run per
 * scheduled period, the configured limit (not three times it), and a lock-out heard by
 * every instance.
 */
const onServer = !!process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const VERIFY_LIMIT = 9;

interface Instance {
  app: FastifyInstance;
  base: string;
  actors: ActorCache;
  close(): Promise<void>;
}

interface Proxy {
  base: string;
  /** Requests forwarded to each instance, by index. */
  served: number[];
  close(): Promise<void>;
}

function startProxy(bases: string[]): Promise<Proxy> {
  const served = bases.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % bases.length;
    served[index]! += 1;
    const target = new URL(bases[index]!);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(onServer)('three instances on one database behind a round-robin proxy', () => {
  let fake: FakeStripe;
  let database: Database;
  let url: string;
  let t: TestContext;
  let supplier: Person;
  let admin: Person;
  let proxy: Proxy;
  const instances: Instance[] = [];
  const databases: Database[] = [];
  const jobErrors: unknown[] = [];
  // One key prefix per run, so runs sharing a Redis server never share counters.
  const redisEnv: Record<string, string> = redisUrl
    ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `test-${randomUUID()}:` }
    : {};

  async function startInstance(db: Database): Promise<Instance> {
    const config = testConfig({
      ...fake.env,
      ...redisEnv,
      MAX_RESERVED_SHARE_PERCENT: '100',
      VERIFY_RATE_LIMIT_PER_MINUTE: String(VERIFY_LIMIT),
    });
    const jobs = new PgBossJobQueue({
      connectionString: url,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 0,
      stopTimeoutMs: 5000,
      onError: (error) => jobErrors.push(error),
    });
    const actors = new ActorCache();
    const app = await buildApp({
      config,
      db: db.db,
      jobs,
      mailTransport: new MemoryTransport(),
      notifications: db.notifications,
      actorCache: actors,
      payments: createStripeGateway(config.stripe!, { maxNetworkRetries: 0 }),
      logger: false,
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    await jobs.start();
    return {
      app,
      base,
      actors,
      close: async () => {
        await app.close();
        await jobs.stop();
      },
    };
  }

  beforeAll(async () => {
    fake = await startFakeStripe();
    database = await createTestDatabase();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(
      database.db,
    );
    url = withDatabase(inject('pgTemplate')!.url, rows[0]!.name);
    databases.push(database, openPostgres(url), openPostgres(url));
    for (const db of databases) instances.push(await startInstance(db));
    // The market's people and projects are made through instance 0, as any client would.
    const first = instances[0]!;
    t = TestContext.around({
      app: first.app,
      db: database.db,
      database,
      clock: new TestClock(),
      config: testConfig({ ...fake.env, MAX_RESERVED_SHARE_PERCENT: '100' }),
      jobs: undefined as never,
      payments: undefined,
      mailer: new MemoryTransport(),
      close: async () => {},
    });
    supplier = await t.newSupplier();
    admin = await t.platformAdmin();
    proxy = await startProxy(instances.map((instance) => instance.base));
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    for (const instance of instances.splice(0)) await instance.close();
    for (const db of databases.splice(1)) await db.close();
    await database?.close();
    await fake?.close();
  });

  const call = (
    base: string,
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: unknown,
  ) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function newBuyer(): Promise<SignedIn> {
    return (await t.newSupplier()).as;
  }

  it('sells the last credits once when the orders for them are spread over all three', async () => {
    const projectId = (await t.newListedProject({ credits: 10 })).id;
    const buyers = await Promise.all(Array.from({ length: 24 }, () => newBuyer()));
    const before = [...proxy.served];
    const answers = await Promise.all(
      buyers.map((buyer) =>
        call(
          proxy.base,
          'POST',
          '/v1/orders',
          { ...buyer.headers, 'idempotency-key': randomUUID() },
          { projectId, quantity: 1, paymentMethod: 'invoice' },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409)).toBe(
      true,
    );
    for (const answer of answers.filter((a) => a.status === 409))
      expect(((await answer.json()) as { code: string }).code).toBe('ORDER.INSUFFICIENT_CREDITS');
    // Every instance took its share of the race.
    proxy.served.forEach((count, index) =>
      expect(count - before[index]!).toBeGreaterThanOrEqual(8),
    );
    const balance = await t.db
      .selectFrom('project_credit_balances')
      .select(['reserved', 'sold'])
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(Number(balance.reserved) + Number(balance.sold)).toBe(10);
    expect(await checkInvariants(t.db)).toEqual([]);
  });

  it('fulfils a paid Checkout Session once when its event reaches all three at once', async () => {
    const projectId = (await t.newListedProject({ credits: 20 })).id;
    const placed = await call(
      proxy.base,
      'POST',
      '/v1/orders',
      { ...supplier.as.headers, 'idempotency-key': randomUUID() },
      { projectId, quantity: 3, paymentMethod: 'stripe' },
    );
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as { id: string };
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === order.id)!;
    const event = sessionEvent('checkout.session.completed', fake.completeSession(session.id));
    // Twice to each instance, all at once: Stripe retries while the first is still in flight.
    const deliveries = await Promise.all(
      [...instances, ...instances].map((instance) => {
        const signed = signedWebhook(event);
        return fetch(`${instance.base}/v1/stripe/webhook`, {
          method: 'POST',
          headers: signed.headers,
          body: signed.payload,
        });
      }),
    );
    for (const delivery of deliveries) expect(delivery.status).toBe(200);
    const outcomes = await Promise.all(
      deliveries.map((d) => d.json() as Promise<{ duplicate: boolean }>),
    );
    expect(outcomes.filter((outcome) => !outcome.duplicate)).toHaveLength(1);
    const certificates = await t.db
      .selectFrom('certificates')
      .select('id')
      .where('order_id', '=', order.id)
      .execute();
    expect(certificates).toHaveLength(1);
    const sales = await t.db
      .selectFrom('credit_ledger')
      .select('quantity')
      .where('reference_type', '=', 'order')
      .where('reference_id', '=', order.id)
      .where('entry_type', '=', 'sell')
      .execute();
    expect(sales.map((row) => Number(row.quantity))).toEqual([3]);
    expect(await checkInvariants(t.db)).toEqual([]);
  });

  it('measures orders per second through three instances and through one (figures logged)', async () => {
    // The same work both ways, measured in this run: invoice orders of one credit by twelve
    // buyers at once (each under its open-orders limit), first straight to instance 0,
    // then through the round-robin proxy.
    const projectId = (await t.newListedProject({ credits: 400 })).id;
    const buyers = await Promise.all(Array.from({ length: 12 }, () => newBuyer()));
    const ORDERS = 96;
    const ordersPerSecond = async (base: string) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        buyers.map(async (buyer) => {
          while (next < ORDERS) {
            next += 1;
            const answer = await call(
              base,
              'POST',
              '/v1/orders',
              { ...buyer.headers, 'idempotency-key': randomUUID() },
              { projectId, quantity: 1, paymentMethod: 'invoice' },
            );
            expect(answer.status).toBe(201);
          }
        }),
      );
      return ORDERS / ((performance.now() - started) / 1000);
    };
    const one = await ordersPerSecond(instances[0]!.base);
    const three = await ordersPerSecond(proxy.base);
    console.info(
      JSON.stringify({
        orders: ORDERS,
        oneInstancePerSecond: Math.round(one * 10) / 10,
        threeInstancesPerSecond: Math.round(three * 10) / 10,
        ratio: Math.round((three / one) * 100) / 100,
        cores: os.availableParallelism(),
      }),
    );
    expect(await checkInvariants(t.db)).toEqual([]);
  });

  it('locks a disabled user out on every instance as soon as each hears of it', async () => {
    const user = await t.newUser({ organisation: supplier.organisation });
    const headers = (await t.signIn(user)).as.headers;
    // Each instance has checked the user once and remembers the answer.
    for (const instance of instances) {
      await waitFor(
        `instance ${instance.base} to remember the user`,
        async () => {
          expect((await call(instance.base, 'GET', '/v1/me', headers)).status).toBe(200);
          return instance.actors.get(user.id);
        },
        (entry) => entry !== undefined,
      );
    }
    const disabled = await call(instances[0]!.base, 'POST', `/v1/users/${user.id}/disable`, {
      ...admin.as.headers,
    });
    expect(disabled.status).toBe(200);
    for (const instance of instances.slice(1))
      await waitFor(
        `instance ${instance.base} to lock the user out`,
        async () => (await call(instance.base, 'GET', '/v1/me', headers)).status,
        (status) => status === 401,
        5_000,
      );
  });

  it.runIf(!!redisUrl)('holds a rate limit across the instances through Redis', async () => {
    // Unknown codes answer 404 and still count; three instances, one budget of VERIFY_LIMIT.
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT + 3; i++)
      statuses.push((await call(proxy.base, 'GET', `/v1/verify/IB-UNKNOWN-${i}`)).status);
    expect(statuses.slice(0, VERIFY_LIMIT).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(VERIFY_LIMIT)).toEqual([429, 429, 429]);
  });

  it('queues each scheduled job once per period, however many instances schedule it', async () => {
    const names = await sql<{ name: string; n: number }>`
        SELECT name, count(*)::int AS n FROM pgboss.schedule GROUP BY name`.execute(t.db);
    expect(names.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of names.rows) expect(row.n, row.name).toBe(1);
    // The once-a-minute expiry: wait for a tick, then count the jobs of each minute.
    const perMinute = () =>
      sql<{ minute: string; n: number }>`
          SELECT date_trunc('minute', created_on)::text AS minute, count(*)::int AS n
          FROM pgboss.job WHERE name = 'orders.expire-reservations' GROUP BY 1`.execute(t.db);
    const ticks = await waitFor(
      'a tick of the minutely schedule',
      perMinute,
      (result) => result.rows.length > 0,
      150_000,
    );
    for (const row of ticks.rows) expect(row.n, row.minute).toBe(1);
    expect(jobErrors).toEqual([]);
  }, 200_000);
});
