import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeEvent } from '../helpers/fake-stripe.js';
import {
  expectProblem,
  expectStatus,
  sessionEvent,
  type Person,
  TestContext,
} from '../factory/index.js';

const day = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** The admin's reconciliation report: Stripe payments and refunds recorded from Stripe against the ledger, per day. */
describe('reconciliation report', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
  });
  afterAll(async () => t?.close());

  const report = async () => {
    const now = Date.now();
    const response = await t.get(
      admin.as,
      `/v1/funding/reconciliation?from=${day(new Date(now - 86_400_000))}&to=${day(new Date(now + 86_400_000))}`,
    );
    expectStatus(response, 200);
    return response.json();
  };
  const differencesOf = (
    body: { days: { differences: { kind: string; orderId: string | null }[] }[] },
    orderId: string,
  ) =>
    body.days
      .flatMap((d) => d.differences)
      .filter((d) => d.orderId === orderId)
      .map((d) => d.kind);

  it('matches every Stripe payment and refund with the ledger, and flags each difference until it is resolved', async () => {
    const project = await t.newListedProject({ credits: 40, initiative });
    const matched = await t.newStripePaidOrder({
      buyer: supplier,
      project: project.id,
      credits: 2,
    });
    const refunded = await t.newStripePaidOrder({
      buyer: supplier,
      project: project.id,
      credits: 3,
    });
    await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 4 });

    let body = await report();
    expect(differencesOf(body, matched.id)).toEqual([]);
    expect(differencesOf(body, refunded.id)).toEqual([]);
    const today = body.days.find((d: { day: string }) => d.day === day(new Date()));
    expect(today.stripePaymentsCents).toBeGreaterThanOrEqual(
      matched.amountCents + refunded.amountCents,
    );
    expect(today.ledgerStripePaymentsCents).toBe(today.stripePaymentsCents);
    expect(today.invoicePaymentsCents).toBeGreaterThanOrEqual(4 * project.priceCents);

    // A refund the platform made: in the ledger at once, confirmed when Stripe's charge.refunded arrives.
    expectStatus(await t.orders.refund(admin.as, refunded.id), 200);
    body = await report();
    expect(differencesOf(body, refunded.id)).toEqual(['refund_not_reported_by_stripe']);
    expect(body.balanced).toBe(false);
    const paymentIntent = (await t.orderRow(refunded.id)).stripe_payment_intent_id!;
    expectStatus(
      await t.deliverWebhook(stripeEvent('charge.refunded', t.stripe.chargeFor(paymentIntent))),
      200,
    );
    body = await report();
    expect(differencesOf(body, refunded.id)).toEqual([]);

    // A paid session whose amount does not match the order: Stripe took money the ledger does not hold.
    const placed = await t.newStripeOrder({ buyer: supplier, project: project.id, credits: 1 });
    const session = t.stripe.completeSession(placed.session.id);
    expectStatus(
      await t.deliverWebhook(
        sessionEvent('checkout.session.completed', {
          ...session,
          amount_total: session.amount_total + 100,
        }),
      ),
      200,
    );
    body = await report();
    expect(body.days.flatMap((d: { differences: object[] }) => d.differences)).toContainEqual(
      expect.objectContaining({
        kind: 'payment_not_in_ledger',
        orderId: placed.id,
        stripeCents: session.amount_total + 100,
        ledgerCents: null,
      }),
    );

    // A payment booked without any event from Stripe (the webhook lost; fulfilled some other way).
    const unreported = await t.orders.place(otherSupplier.as, {
      projectId: project.id,
      quantity: 1,
      paymentMethod: 'stripe',
    });
    expect((await t.orders.stripePaid(unreported)).outcome).toBe('fulfilled');
    body = await report();
    expect(differencesOf(body, unreported.id)).toEqual(['payment_not_reported_by_stripe']);
    expect(body.differences).toBe(2);
    expect(body.balanced).toBe(false);
  });

  it('matches a payment whose Stripe event falls on another day than its ledger entry, from either day', async () => {
    const project = await t.newListedProject({ credits: 10, initiative });
    const placed = await t.newStripeOrder({ buyer: supplier, project: project.id, credits: 1 });
    const session = t.stripe.completeSession(placed.session.id);
    // Stripe stamps its event two days on (a payment just before midnight, the event just after, say).
    const later = Math.floor(Date.now() / 1000) + 2 * 86_400;
    const event = stripeEvent(
      'checkout.session.completed',
      session as unknown as Record<string, unknown>,
      { created: later },
    );
    expectStatus(await t.deliverWebhook(event), 200);
    expect((await t.orderRow(placed.id)).status).toBe('paid');

    const periodOf = async (at: Date) => {
      const response = await t.get(
        admin.as,
        `/v1/funding/reconciliation?from=${day(at)}&to=${day(at)}`,
      );
      expectStatus(response, 200);
      return response.json();
    };
    // The ledger's day alone: the event lies outside the period, and is found for the order.
    const ledgerDay = await periodOf(new Date());
    expect(differencesOf(ledgerDay, placed.id)).toEqual([]);
    // The event's day alone: the ledger entry lies outside, and is found too.
    const eventDay = await periodOf(new Date(later * 1000));
    expect(differencesOf(eventDay, placed.id)).toEqual([]);
    expect(
      eventDay.days.find((d: { day: string }) => d.day === day(new Date(later * 1000)))
        .stripePaymentsCents,
    ).toBe(placed.amountCents);
  });

  it('is for admins only, over a sensible period', async () => {
    expectStatus(
      await t.get(initiative.as, '/v1/funding/reconciliation?from=2026-01-01&to=2026-01-31'),
      403,
    );
    expectStatus(
      await t.get(supplier.as, '/v1/funding/reconciliation?from=2026-01-01&to=2026-01-31'),
      403,
    );
    expectProblem(
      await t.get(admin.as, '/v1/funding/reconciliation?from=2026-02-01&to=2026-01-31'),
      422,
      'FUNDING.INVALID_PERIOD',
    );
    expectProblem(
      await t.get(admin.as, '/v1/funding/reconciliation?from=2026-01-01&to=2026-12-31'),
      422,
      'FUNDING.INVALID_PERIOD',
    );
    expectStatus(
      await t.get(admin.as, '/v1/funding/reconciliation?from=2026-13-01&to=2026-12-31'),
      400,
    );
    const empty = await t.get(admin.as, '/v1/funding/reconciliation?from=2020-01-01&to=2020-01-31');
    expectStatus(empty, 200);
    expect(empty.json()).toMatchObject({ days: [], differences: 0 });
  });
});
