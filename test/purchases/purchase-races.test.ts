import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type ListedProject, type Person, TestContext } from '../factory/index.js';

/**
 * Purchases racing for the last credits. On the PostgreSQL server (TEST_DATABASE_URL) the
 * requests truly run at once; on the embedded database they queue on its one connection,
 * and the same assertions hold.
 */
describe('purchases for the last credits, at once', () => {
  let t: TestContext;
  let projects: ListedProject[];

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_OPEN_ORDERS_PER_ORGANISATION: '50' } });
    projects = [];
    for (let i = 0; i < 3; i++) projects.push(await t.newListedProject({ credits: 20 }));
    // Listing projects goes through the review workflow: slow on a busy machine.
  }, 300_000);
  afterAll(async () => t?.close());

  it('never oversells, and each overlapping basket is reserved whole or not at all', async () => {
    const [a, b, c] = projects.map((project) => project.id) as [string, string, string];
    // Twelve suppliers, overlapping baskets in both orders of the same projects: 4 credits a
    // line, 20 a project, so at most five lines of each project can be reserved.
    const baskets = [
      [a, b],
      [b, a],
      [b, c],
      [c, b],
      [a, c],
      [c, a],
      [a, b, c],
      [c, b, a],
      [b, a, c],
      [a, b],
      [b, c],
      [c, a],
    ];
    const suppliers: Person[] = [];
    for (let i = 0; i < baskets.length; i++) suppliers.push(await t.newSupplier());
    const responses = await Promise.all(
      baskets.map((basket, i) =>
        t.post(
          suppliers[i]!,
          '/v1/purchases',
          {
            lines: basket.map((projectId) => ({ projectId, credits: 4 })),
            paymentMethod: i % 2 === 0 ? 'invoice' : 'stripe',
          },
          { 'idempotency-key': randomUUID() },
        ),
      ),
    );
    // No deadlock, no fault: every answer is a purchase or a refusal for credits.
    for (const response of responses) expect([201, 409, 422]).toContain(response.statusCode);

    const reservedBy = new Map<string, number>();
    for (let i = 0; i < baskets.length; i++) {
      const response = responses[i]!;
      const orders = await t.db
        .selectFrom('orders')
        .select(['project_id', 'quantity', 'status'])
        .where('buyer_organisation_id', '=', suppliers[i]!.organisation.id)
        .execute();
      if (response.statusCode === 201) {
        expect(orders.map((o) => o.project_id).sort()).toEqual([...baskets[i]!].sort());
        expect(orders.every((o) => o.status === 'reserved' && o.quantity === 4)).toBe(true);
        for (const o of orders)
          reservedBy.set(o.project_id, (reservedBy.get(o.project_id) ?? 0) + o.quantity);
      } else {
        // Stripe is not configured here: those are refused whole (422) before any lock.
        expect(orders).toEqual([]);
      }
    }
    const balances = await t.db
      .selectFrom('project_credit_balances')
      .select(['project_id', 'supply', 'reserved', 'sold'])
      .where('project_id', 'in', [a, b, c])
      .execute();
    for (const balance of balances) {
      expect(balance.reserved + balance.sold).toBeLessThanOrEqual(balance.supply);
      expect(balance.reserved).toBe(reservedBy.get(balance.project_id) ?? 0);
    }
    await t.expectInvariants();
  });

  it('the same baskets by invoice only: the last credits go to whole baskets, never to parts', async () => {
    const fresh: ListedProject[] = [];
    for (let i = 0; i < 2; i++) fresh.push(await t.newListedProject({ credits: 20 }));
    const [a, b] = fresh.map((project) => project.id) as [string, string];
    const suppliers: Person[] = [];
    for (let i = 0; i < 10; i++) suppliers.push(await t.newSupplier());
    const responses = await Promise.all(
      suppliers.map((supplier, i) =>
        t.post(
          supplier,
          '/v1/purchases',
          {
            lines: (i % 2 === 0 ? [a, b] : [b, a]).map((projectId) => ({
              projectId,
              credits: i % 3 === 0 ? 3 : 4,
            })),
            paymentMethod: 'invoice',
          },
          { 'idempotency-key': randomUUID() },
        ),
      ),
    );
    const placed = responses.filter((response) => response.statusCode === 201);
    for (const response of responses) expect([201, 409]).toContain(response.statusCode);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(responses.length);
    const totals = placed.map((response) =>
      response.json<{ lines: { credits: number }[] }>().lines.map((line) => line.credits),
    );
    const reserved = totals.reduce((sum, lines) => sum + lines[0]!, 0);
    const balances = await t.db
      .selectFrom('project_credit_balances')
      .select(['reserved', 'supply'])
      .where('project_id', 'in', [a, b])
      .execute();
    for (const balance of balances) {
      expect(balance.reserved).toBe(reserved);
      expect(balance.reserved).toBeLessThanOrEqual(balance.supply);
    }
    for (const response of placed) expectStatus(response, 201);
    await t.expectInvariants();
  });
});
