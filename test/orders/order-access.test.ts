import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createMarket,
  expectProblem,
  expectStatus,
  type Market,
} from '../helpers/listed-project.js';
import { type OrderJson, ordersApi, type OrdersApi } from '../helpers/orders.js';

describe('who sees and acts on orders', () => {
  let t: TestApp;
  let m: Market;
  let api: OrdersApi;
  let projectId: string;
  let ordersOfA: OrderJson[];
  let orderOfB: OrderJson;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    m = await createMarket(t);
    api = ordersApi(t);
    projectId = await m.listProject({ supply: 30 });
    ordersOfA = [];
    for (let i = 0; i < 5; i++) {
      ordersOfA.push(
        await api.place(m.supplier.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      );
      t.clock.advance(1000);
    }
    orderOfB = await api.place(m.otherSupplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'invoice',
    });
  });
  afterAll(async () => t?.close());

  it('shows a buyer its own order, and nobody else’s', async () => {
    const mine = await api.get(m.supplier.as, ordersOfA[0]!.id);
    expectStatus(mine, 200);
    expect(mine.json()).toEqual(ordersOfA[0]);
    for (const who of [m.otherSupplier, m.initiativeMember, m.coordinator, m.reviewers[0]!]) {
      expectProblem(await api.get(who.as, ordersOfA[0]!.id), 404, 'RESOURCE.NOT_FOUND');
    }
    expectProblem(await api.get(m.supplier.as, orderOfB.id), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.get(m.supplier.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    expectStatus(await api.get(m.admin.as, orderOfB.id), 200);
  });

  it('lists a buyer’s own orders only, newest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.list(
        m.supplier.as,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expectStatus(response, 200);
      const page = response.json<{ items: OrderJson[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((order) => order.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ordersOfA.map((order) => order.id).reverse());

    const ofB = await api.list(m.otherSupplier.as);
    expect(ofB.json().items.map((order: OrderJson) => order.id)).toEqual([orderOfB.id]);
    expectProblem(
      await api.list(m.supplier.as, `?organisationId=${m.world.otherSupplier.id}`),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await api.list(m.supplier.as, '?cursor=bm9uc2Vuc2U'),
      400,
      'VALIDATION.INVALID_CURSOR',
    );
  });

  it('lets platform admins list every order and filter by organisation', async () => {
    const all = await api.list(m.admin.as, '?limit=100');
    expect(all.json().items).toHaveLength(6);
    const ofB = await api.list(m.admin.as, `?organisationId=${m.world.otherSupplier.id}`);
    expect(ofB.json().items.map((order: OrderJson) => order.id)).toEqual([orderOfB.id]);
    const attention = await api.list(m.admin.as, '?needsAttention=true');
    expect(attention.json().items).toEqual([]);
  });

  it('refuses the list to organisations that do not buy', async () => {
    for (const who of [m.initiativeMember, m.coordinator, m.reviewers[0]!]) {
      expectProblem(await api.list(who.as), 403, 'AUTH.FORBIDDEN');
    }
  });

  it('lets no supplier act on an order: marking paid, cancelling and refunding are for admins', async () => {
    const target = ordersOfA[1]!;
    for (const who of [m.supplier, m.otherSupplier]) {
      expectProblem(
        await api.markPaid(who.as, target.id, target.amountCents),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await api.cancel(who.as, target.id), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.refund(who.as, target.id), 403, 'AUTH.FORBIDDEN');
    }
    const unchanged = await api.get(m.supplier.as, target.id);
    expect(unchanged.json()).toEqual(target);
    expect(await api.auditActions(target.id)).toEqual(['order.created']);
    expectProblem(await api.cancel(m.admin.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    await api.expectInvariants();
  });
});
