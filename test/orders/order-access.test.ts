import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

describe('who sees and acts on orders', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let reviewer: Person;
  let api: OrdersApi;
  let projectId: string;
  let ordersOfA: OrderJson[];
  let orderOfB: OrderJson;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    reviewer = await t.newReviewer();
    api = t.orders;
    projectId = (await t.newListedProject({ credits: 30, initiative })).id;
    ordersOfA = [];
    for (let i = 0; i < 5; i++) {
      ordersOfA.push(
        await api.place(supplier.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      );
      t.clock.advance(1000);
    }
    orderOfB = await api.place(otherSupplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'invoice',
    });
  });
  afterAll(async () => t?.close());

  it('shows a buyer its own order, and nobody else’s', async () => {
    const mine = await api.get(supplier.as, ordersOfA[0]!.id);
    expectStatus(mine, 200);
    expect(mine.json()).toEqual(ordersOfA[0]);
    for (const who of [otherSupplier, initiative, coordinator, reviewer]) {
      expectProblem(await api.get(who.as, ordersOfA[0]!.id), 404, 'RESOURCE.NOT_FOUND');
    }
    expectProblem(await api.get(supplier.as, orderOfB.id), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.get(supplier.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    expectStatus(await api.get(admin.as, orderOfB.id), 200);
  });

  it('lists a buyer’s own orders only, newest first, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.list(supplier.as, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expectStatus(response, 200);
      const page = response.json<{ items: OrderJson[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((order) => order.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ordersOfA.map((order) => order.id).reverse());

    const ofB = await api.list(otherSupplier.as);
    expect(ofB.json().items.map((order: OrderJson) => order.id)).toEqual([orderOfB.id]);
    expectProblem(
      await api.list(supplier.as, `?organisationId=${otherSupplier.organisation.id}`),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await api.list(supplier.as, '?cursor=bm9uc2Vuc2U'),
      400,
      'VALIDATION.INVALID_CURSOR',
    );
  });

  it('lets platform admins list every order and filter by organisation', async () => {
    const all = await api.list(admin.as, '?limit=100');
    expect(all.json().items).toHaveLength(6);
    const ofB = await api.list(admin.as, `?organisationId=${otherSupplier.organisation.id}`);
    expect(ofB.json().items.map((order: OrderJson) => order.id)).toEqual([orderOfB.id]);
    const attention = await api.list(admin.as, '?needsAttention=true');
    expect(attention.json().items).toEqual([]);
  });

  it('refuses the list to organisations that do not buy', async () => {
    for (const who of [initiative, coordinator, reviewer]) {
      expectProblem(await api.list(who.as), 403, 'AUTH.FORBIDDEN');
    }
  });

  it('lets no supplier act on an order: marking paid, cancelling and refunding are for admins', async () => {
    const target = ordersOfA[1]!;
    for (const who of [supplier, otherSupplier]) {
      expectProblem(
        await api.markPaid(who.as, target.id, target.amountCents),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await api.cancel(who.as, target.id), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.refund(who.as, target.id), 403, 'AUTH.FORBIDDEN');
    }
    const unchanged = await api.get(supplier.as, target.id);
    expect(unchanged.json()).toEqual(target);
    expect(await api.auditActions(target.id)).toEqual(['order.created']);
    expectProblem(await api.cancel(admin.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    await api.expectInvariants();
  });
});
