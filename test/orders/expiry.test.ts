import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireReservations } from '../../src/modules/orders/expiry.js';
import type { MemoryPaymentGateway } from '../helpers/memory-payments.js';
import { type OrderJson, type OrdersApi, type Person, TestContext } from '../factory/index.js';

const DAY_MS = 86_400_000;

/** Runs concurrently on the PostgreSQL server; on the embedded database the runs queue, which must give the same result. */
describe('reservation expiry', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;
  let gateway: MemoryPaymentGateway;

  beforeAll(async () => {
    t = await TestContext.create({
      memoryPayments: true,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    gateway = t.memoryPayments;
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
  });
  afterAll(async () => t?.close());

  async function releaseRows(orderIds: string[]): Promise<number> {
    const rows = await t.db
      .selectFrom('credit_ledger')
      .select('id')
      .where('entry_type', '=', 'release')
      .where('reference_id', 'in', orderIds)
      .execute();
    return rows.length;
  }

  it('releases every lapsed reservation exactly once, however often it runs', async () => {
    const projectId = (await t.newListedProject({ credits: 30, initiative })).id;
    const lapsing: OrderJson[] = [];
    for (let i = 0; i < 4; i++)
      lapsing.push(
        await api.place(supplier.as, { projectId, quantity: 2, paymentMethod: 'stripe' }),
      );
    t.clock.advance(3 * DAY_MS);
    // Placed later: its hold has not lapsed.
    const fresh = await api.place(otherSupplier.as, {
      projectId,
      quantity: 5,
      paymentMethod: 'invoice',
    });
    expect(await api.credits(projectId)).toMatchObject({ reserved: 13, available: 17 });

    const first = await expireReservations({ db: t.db, jobs: t.jobs }, t.clock.now());
    const second = await expireReservations({ db: t.db, jobs: t.jobs }, t.clock.now());
    expect(first.released).toBe(4);
    expect(second.released).toBe(0);
    expect(await api.credits(projectId)).toMatchObject({ reserved: 5, available: 25 });
    expect(await releaseRows(lapsing.map((o) => o.id))).toBe(4);
    for (const order of lapsing) {
      const body = (await api.get(supplier.as, order.id)).json<OrderJson>();
      expect(body).toMatchObject({ status: 'expired', closeReason: 'expired' });
      expect(await api.auditActions(order.id)).toEqual([
        'order.created',
        'order.checkout_session_created',
        'order.expired',
      ]);
    }
    expect((await api.get(otherSupplier.as, fresh.id)).json().status).toBe('reserved');
    // Each released Stripe order's Checkout Session is closed (once queued per order).
    await api.queue.drain();
    const sessionIds = lapsing.map((o) => o.checkoutUrl!.split('/').at(-1)!);
    for (const id of sessionIds) expect(gateway.sessions.get(id)!.status).toBe('expired');
    await api.expectInvariants();
  });

  it('releases once when several runs overlap', async () => {
    const projectId = (await t.newListedProject({ credits: 60, initiative })).id;
    const orders: OrderJson[] = [];
    for (let i = 0; i < 12; i++)
      orders.push(
        await api.place(i % 2 ? supplier.as : otherSupplier.as, {
          projectId,
          quantity: 3,
          paymentMethod: 'invoice',
        }),
      );
    t.clock.advance(15 * DAY_MS);
    const reserved = (await api.list(admin.as, '?status=reserved&limit=100')).json()
      .items as OrderJson[];
    const lapsed = reserved.filter((o) => Date.parse(o.reservedUntil) <= t.clock.now().getTime());
    expect(lapsed.length).toBeGreaterThanOrEqual(12);
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => expireReservations({ db: t.db, jobs: t.jobs }, t.clock.now())),
    );
    expect(runs.reduce((sum, run) => sum + run.released, 0)).toBe(lapsed.length);
    expect(await releaseRows(orders.map((o) => o.id))).toBe(12);
    expect(await api.credits(projectId)).toMatchObject({
      supply: 60,
      reserved: 0,
      sold: 0,
      available: 60,
    });
    await api.expectInvariants();
  });

  it('never releases an order that is paid while expiry runs', async () => {
    const projectId = (await t.newListedProject({ credits: 20, initiative })).id;
    const orders: OrderJson[] = [];
    for (let i = 0; i < 6; i++)
      orders.push(
        await api.place(supplier.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      );
    t.clock.advance(15 * DAY_MS);
    const [expiry, ...payments] = await Promise.all([
      expireReservations({ db: t.db, jobs: t.jobs }, t.clock.now()),
      ...orders.slice(0, 3).map((order) => api.markPaid(admin.as, order.id, order.amountCents)),
    ]);
    for (const payment of payments) expect(payment.statusCode).toBe(200);
    // Paid either before expiry reached it, or after (re-reserved): never both released and lost.
    const statuses = await Promise.all(
      orders.map(async (o) => (await api.get(admin.as, o.id)).json<OrderJson>()),
    );
    expect(statuses.slice(0, 3).map((o) => o.status)).toEqual(['paid', 'paid', 'paid']);
    expect(statuses.slice(3).map((o) => o.status)).toEqual(['expired', 'expired', 'expired']);
    expect(expiry!.released).toBeGreaterThanOrEqual(3);
    expect(await api.credits(projectId)).toMatchObject({ sold: 3, reserved: 0, available: 17 });
    await api.expectInvariants();
  });
});
