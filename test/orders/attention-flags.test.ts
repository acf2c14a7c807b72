import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
  sessionEvent,
} from '../factory/index.js';

/**
 * An order's attention flags are a list (issue 17): each problem its own row, none
 * overwritten, each resolved on its own, by the event that settles it or by an admin with
 * a note; the admin attention list shows every open flag.
 */
describe('attention flags', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
      env: { MAX_RESERVED_SHARE_PERCENT: '100' },
      jobAttempts: 1,
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
  }, 120_000);
  afterAll(async () => t?.close());

  interface Flag {
    id: string;
    code: string;
    detail: string | null;
    resolvedAt: string | null;
    resolvedBy: string | null;
    resolutionNote: string | null;
  }

  async function paidOrder(quantity: number) {
    const projectId = (await t.newListedProject({ credits: 40 })).id;
    const order = await t.newStripeOrder({
      buyer: supplier,
      project: projectId,
      credits: quantity,
    });
    const paid = t.stripe.completeSession(order.session.id);
    expectStatus(await t.deliverWebhook(sessionEvent('checkout.session.completed', paid)), 200);
    return { ...order, paymentIntentId: paid.payment_intent! };
  }

  const refunded = (paymentIntentId: string, amount: number, amountRefunded: number) =>
    t.deliverWebhook(
      stripeEvent('charge.refunded', chargeSnapshot({ paymentIntentId, amount, amountRefunded })),
    );

  const flagsOf = async (orderId: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${orderId}/flags`,
      headers: admin.as.headers,
    });
    expectStatus(response, 200);
    return response.json<{ items: Flag[] }>().items;
  };
  const resolve = (
    who: { headers: Record<string, string> },
    orderId: string,
    flagId: string,
    note: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/flags/${flagId}/resolve`,
      headers: who.headers,
      payload: { note },
    });

  it('two partial refunds raise two flags; an admin resolves one with a note; the full refund resolves the other', async () => {
    const order = await paidOrder(2);
    const amount = order.amountCents;
    expect((await refunded(order.paymentIntentId, amount, 1000)).json()).toMatchObject({
      outcome: 'partial',
    });
    expect((await refunded(order.paymentIntentId, amount, 2500)).json()).toMatchObject({
      outcome: 'partial',
    });
    // A redelivery of the same problem is the same flag, not a third one.
    await refunded(order.paymentIntentId, amount, 2500);

    let flags = await flagsOf(order.id);
    expect(flags).toMatchObject([
      { code: 'refund_amount_mismatch', detail: `1000 of ${amount}`, resolvedAt: null },
      { code: 'refund_amount_mismatch', detail: `2500 of ${amount}`, resolvedAt: null },
    ]);
    expect((await t.orderRow(order.id)).needs_attention).toBe(
      `refund_amount_mismatch: 2500 of ${amount}`,
    );

    // The admin attention list shows both open flags; the buyer sees none of them.
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/orders?needsAttention=true&limit=100',
      headers: admin.as.headers,
    });
    expectStatus(list, 200);
    const listed = list
      .json<{ items: Array<{ id: string; attentionFlags: Flag[] }> }>()
      .items.find((o) => o.id === order.id);
    expect(listed?.attentionFlags.map((f) => f.detail)).toEqual([
      `1000 of ${amount}`,
      `2500 of ${amount}`,
    ]);
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: supplier.as.headers,
    });
    expectStatus(own, 200);
    expect(own.json()).not.toHaveProperty('attentionFlags');

    // Only platform admins resolve; another order's id or an unknown flag is 404.
    const [first, second] = flags;
    expectStatus(await resolve(supplier.as, order.id, first!.id, 'done'), 403);
    const other = await paidOrder(1);
    expectProblem(
      await resolve(admin.as, other.id, first!.id, 'wrong order'),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectStatus(
      await t.app.inject({
        method: 'GET',
        url: `/v1/orders/${order.id}/flags`,
        headers: supplier.as.headers,
      }),
      403,
    );

    const resolved = await resolve(
      admin.as,
      order.id,
      first!.id,
      'Stripe-dashboard refund of a shipping error; agreed with the buyer',
    );
    expectStatus(resolved, 200);
    expect(resolved.json()).toMatchObject({
      id: first!.id,
      resolvedBy: admin.user.id,
      resolutionNote: 'Stripe-dashboard refund of a shipping error; agreed with the buyer',
    });
    expectProblem(
      await resolve(admin.as, order.id, first!.id, 'again'),
      409,
      'ORDER.FLAG_RESOLVED',
    );
    flags = await flagsOf(order.id);
    expect(flags[1]).toMatchObject({ id: second!.id, resolvedAt: null });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', order.id)
      .where('action', '=', 'order.flag_resolved')
      .execute();
    expect(audit).toHaveLength(1);

    // The full refund settles the flag still open and leaves the admin's resolution as it was.
    expect((await refunded(order.paymentIntentId, amount, amount)).json()).toMatchObject({
      outcome: 'refunded',
    });
    flags = await flagsOf(order.id);
    expect(flags).toMatchObject([
      {
        id: first!.id,
        resolvedBy: admin.user.id,
        resolutionNote: 'Stripe-dashboard refund of a shipping error; agreed with the buyer',
      },
      {
        id: second!.id,
        resolvedBy: null,
        resolutionNote: expect.stringMatching(/^settled by the refund/),
      },
    ]);
    expect(flags.every((f) => f.resolvedAt !== null)).toBe(true);
    const row = await t.orderRow(order.id);
    expect(row).toMatchObject({ status: 'refunded', needs_attention: null });
    const attention = await t.app.inject({
      method: 'GET',
      url: '/v1/orders?needsAttention=true&limit=100',
      headers: admin.as.headers,
    });
    expect(attention.json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    await t.expectInvariants();
  }, 60_000);

  it('the database keeps flags: never deleted, a resolution written once', async () => {
    const order = await paidOrder(1);
    await refunded(order.paymentIntentId, order.amountCents, 100);
    const [flag] = await flagsOf(order.id);
    await expect(sql`DELETE FROM order_flags WHERE id = ${flag!.id}`.execute(t.db)).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      sql`UPDATE order_flags SET detail = 'other' WHERE id = ${flag!.id}`.execute(t.db),
    ).rejects.toThrow(/resolved, once/);
    await sql`UPDATE order_flags SET resolved_at = now(), resolution_note = 'first' WHERE id = ${flag!.id}`.execute(
      t.db,
    );
    await expect(
      sql`UPDATE order_flags SET resolved_at = now(), resolution_note = 'second' WHERE id = ${flag!.id}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/resolved, once/);
    // Two open rows of one problem are refused: the same problem is one flag.
    await sql`INSERT INTO order_flags (order_id, code, detail, raised_at) VALUES (${order.id}, 'payment_mismatch', 'x', now())`.execute(
      t.db,
    );
    await expect(
      sql`INSERT INTO order_flags (order_id, code, detail, raised_at) VALUES (${order.id}, 'payment_mismatch', 'x', now())`.execute(
        t.db,
      ),
    ).rejects.toThrow(/order_flags_one_open_idx/);
  }, 60_000);
});
