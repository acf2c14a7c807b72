import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, TestContext } from '../factory/index.js';

/**
 * The order.placed event of an invoice order (the buyer's e-mail with the invoice, their
 * webhooks) is written by the placement statement itself: the order and the news of it
 * commit together, so no crash between two transactions can leave a placed order that
 * nobody is told about, and no retry tells anyone twice.
 */
describe('the order.placed event of a placement', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ stripe: true });
  });
  afterAll(() => ctx.close());

  const placedEvents = (orderId: string) =>
    ctx.db
      .selectFrom('domain_events')
      .select(['type', 'object_type', 'organisation_ids', 'occurred_at'])
      .where('object_id', '=', orderId)
      .where('type', '=', 'order.placed')
      .execute();

  it('is written once with the order of an invoice placement, to the buyer, and not again on a retry', async () => {
    const project = await ctx.newListedProject({ credits: 20 });
    const buyer = await ctx.newSupplier();
    const key = randomUUID();
    const body = { projectId: project.id, quantity: 2, paymentMethod: 'invoice' as const };

    const first = await ctx.orders.create(buyer.as, body, key);
    expectStatus(first, 201);
    const order = first.json<{ id: string; createdAt: string }>();

    const events = await placedEvents(order.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      object_type: 'order',
      organisation_ids: [buyer.organisation.id],
    });
    expect(events[0]!.occurred_at.toISOString()).toBe(order.createdAt);

    const replay = await ctx.orders.create(buyer.as, body, key);
    expectStatus(replay, 201);
    expect(replay.json<{ id: string }>().id).toBe(order.id);
    expect(await placedEvents(order.id)).toHaveLength(1);
  });

  it('is not written for a refused placement, nor for a Stripe order before it is paid', async () => {
    const project = await ctx.newListedProject({ credits: 4 });
    const buyer = await ctx.newSupplier();
    const before = await ctx.db
      .selectFrom('domain_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('type', '=', 'order.placed')
      .executeTakeFirstOrThrow();

    const refused = await ctx.orders.create(buyer.as, {
      projectId: project.id,
      quantity: 5,
      paymentMethod: 'invoice',
    });
    expect(refused.statusCode).toBe(409);

    const stripe = await ctx.newStripeOrder({ buyer, credits: 1 });
    expect(await placedEvents(stripe.id)).toHaveLength(0);

    const after = await ctx.db
      .selectFrom('domain_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('type', '=', 'order.placed')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
