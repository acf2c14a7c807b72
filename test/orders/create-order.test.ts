import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditorReference } from '../../src/modules/orders/order-view.js';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

const DAY_MS = 86_400_000;

describe('POST /v1/orders', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let reviewer: Person;
  let api: OrdersApi;
  let projectId: string;

  beforeAll(async () => {
    // The hoarding limits have their own tests below.
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    reviewer = await t.newReviewer();
    api = t.orders;
    projectId = (
      await t.newListedProject({ credits: 40, title: 'Rijbewijs voor werkzoekenden', initiative })
    ).id;
    await t.db
      .updateTable('organisations')
      .set({
        name: 'Bouwbedrijf De Vries BV',
        vat_number: 'NL123456789B01',
        address_street: 'Havenweg 12',
        address_postal_code: '3011 AA',
        address_city: 'Rotterdam',
      })
      .where('id', '=', supplier.organisation.id)
      .execute();
  });
  afterAll(async () => t?.close());

  it('reserves the credits of an invoice order, numbers the invoice and copies the billing details', async () => {
    const before = await api.credits(projectId);
    const response = await api.create(supplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    expectStatus(response, 201);
    const order = response.json<OrderJson>();
    expect(order).toMatchObject({
      status: 'reserved',
      buyerOrganisationId: supplier.organisation.id,
      project: { id: projectId, title: 'Rijbewijs voor werkzoekenden' },
      quantity: 3,
      unitPriceCents: 3800,
      amountCents: 11_400,
      currency: 'EUR',
      paymentMethod: 'invoice',
      checkoutUrl: null,
      certificate: null,
      billing: {
        name: 'Bouwbedrijf De Vries BV',
        kvkNumber: supplier.organisation.kvk_number,
        vatNumber: 'NL123456789B01',
        address: { street: 'Havenweg 12', postalCode: '3011 AA', city: 'Rotterdam', country: 'NL' },
      },
    });
    const year = new Date().getUTCFullYear();
    expect(order.invoiceNumber).toMatch(new RegExp(`^INV-(${year}|${year + 1})-[0-9]{6}$`));
    expect(isValidCreditorReference(order.paymentReference)).toBe(true);
    expect(Date.parse(order.reservedUntil) - t.clock.now().getTime()).toBe(14 * DAY_MS);
    expect(await api.credits(projectId)).toMatchObject({
      reserved: before.reserved + 3,
      available: before.available - 3,
      sold: before.sold,
    });
    expect(await api.auditActions(order.id)).toEqual(['order.created']);
    await api.expectInvariants();
  });

  it('numbers invoices without gaps, also across refused orders', async () => {
    const first = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    expectProblem(
      await api.create(supplier.as, { projectId, quantity: 1000, paymentMethod: 'invoice' }),
      409,
      'ORDER.INSUFFICIENT_CREDITS',
    );
    const second = await api.place(otherSupplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    const number = (order: OrderJson) => Number(order.invoiceNumber!.slice(-6));
    expect(number(second)).toBe(number(first) + 1);
    expect(second.paymentReference).not.toBe(first.paymentReference);
  });

  it('answers 409 with the credits still available when there are not enough', async () => {
    const { available } = await api.credits(projectId);
    const response = await api.create(otherSupplier.as, {
      projectId,
      quantity: available + 1,
      paymentMethod: 'invoice',
    });
    expectProblem(response, 409, 'ORDER.INSUFFICIENT_CREDITS');
    expect(response.json().available).toBe(available);
    expect((await api.credits(projectId)).available).toBe(available);
    await api.expectInvariants();
  });

  it('requires an Idempotency-Key of 1–255 visible characters', async () => {
    const body = { projectId, quantity: 1, paymentMethod: 'invoice' as const };
    const count = async () =>
      (
        await t.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expectProblem(await api.create(supplier.as, body, null), 400, 'VALIDATION.FAILED');
    expectProblem(await api.create(supplier.as, body, 'x'.repeat(256)), 400, 'VALIDATION.FAILED');
    expectProblem(await api.create(supplier.as, body, 'has space'), 400, 'VALIDATION.FAILED');
    expect(await count()).toBe(before);
    expectStatus(await api.create(supplier.as, body, 'k'.repeat(255)), 201);
  });

  it('replays the first response to the same key and body, and refuses the key for another body', async () => {
    const key = randomUUID();
    const body = { projectId, quantity: 2, paymentMethod: 'invoice' as const };
    const first = await api.create(supplier.as, body, key);
    expectStatus(first, 201);
    const again = await api.create(
      supplier.as,
      { paymentMethod: 'invoice', quantity: 2, projectId },
      key,
    );
    expectStatus(again, 201);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const orders = await t.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', first.json().id)
      .execute();
    expect(orders).toHaveLength(1);

    expectProblem(
      await api.create(supplier.as, { ...body, quantity: 3 }, key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
    // The key belongs to the organisation: another buyer's same key is its own request.
    const other = await api.create(otherSupplier.as, body, key);
    expectStatus(other, 201);
    expect(other.json().id).not.toBe(first.json().id);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays a refusal as it was first answered, even when the request would now succeed', async () => {
    const key = randomUUID();
    const { available } = await api.credits(projectId);
    const body = { projectId, quantity: available + 1, paymentMethod: 'invoice' as const };
    const first = await api.create(supplier.as, body, key);
    expectProblem(first, 409, 'ORDER.INSUFFICIENT_CREDITS');
    // Free a credit so the same order would now fit.
    const someOrder = await api.place(otherSupplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.cancel(admin.as, someOrder.id), 200);
    const again = await api.create(supplier.as, body, key);
    expectStatus(again, 409);
    expect(again.body).toBe(first.body);
  });

  it('is for supplier members only', async () => {
    for (const who of [admin, initiative, coordinator, reviewer]) {
      expectProblem(
        await api.create(who.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
        403,
        'AUTH.FORBIDDEN',
      );
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { 'idempotency-key': 'x' },
      payload: { projectId, quantity: 1, paymentMethod: 'invoice' },
    });
    expectProblem(anonymous, 401, 'AUTH.REQUIRED');
  });

  it('validates the body', async () => {
    for (const body of [
      { projectId, quantity: 0, paymentMethod: 'invoice' },
      { projectId, quantity: 1.5, paymentMethod: 'invoice' },
      { projectId, quantity: 1_000_001, paymentMethod: 'invoice' },
      { projectId, quantity: 1, paymentMethod: 'cash' },
      { projectId: 'not-a-uuid', quantity: 1, paymentMethod: 'invoice' },
      { quantity: 1, paymentMethod: 'invoice' },
    ]) {
      expectProblem(await api.create(supplier.as, body as never), 400, 'VALIDATION.FAILED');
    }
  });

  it('sells only listed projects before their deadline', async () => {
    expectProblem(
      await api.create(supplier.as, {
        projectId: randomUUID(),
        quantity: 1,
        paymentMethod: 'invoice',
      }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    const approved = (await t.newApprovedProject({ credits: 10, initiative })).id;
    expectProblem(
      await api.create(supplier.as, {
        projectId: approved,
        quantity: 1,
        paymentMethod: 'invoice',
      }),
      409,
      'ORDER.PROJECT_NOT_SELLING',
    );

    const soon = (
      await t.newListedProject({
        credits: 10,
        fundingDeadline: new Date(t.clock.now().getTime() + 2 * DAY_MS).toISOString(),
        initiative,
      })
    ).id;
    expectStatus(
      await api.create(supplier.as, { projectId: soon, quantity: 1, paymentMethod: 'invoice' }),
      201,
    );
    t.clock.advance(2 * DAY_MS + 1000);
    try {
      expectProblem(
        await api.create(supplier.as, { projectId: soon, quantity: 1, paymentMethod: 'invoice' }),
        409,
        'ORDER.PROJECT_NOT_SELLING',
      );
    } finally {
      t.clock.advance(-(2 * DAY_MS + 1000));
    }
  });

  it('offers Stripe only when it is configured', async () => {
    expectProblem(
      await api.create(supplier.as, { projectId, quantity: 1, paymentMethod: 'stripe' }),
      422,
      'ORDER.PAYMENT_METHOD_UNAVAILABLE',
    );
  });
});

describe('anti-hoarding limits', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_OPEN_ORDERS_PER_ORGANISATION: '3', MAX_RESERVED_SHARE_PERCENT: '50' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
  });
  afterAll(async () => t?.close());

  it('caps the share of a project one organisation holds unpaid', async () => {
    const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
    expectProblem(
      await api.create(supplier.as, { projectId, quantity: 6, paymentMethod: 'invoice' }),
      409,
      'ORDER.RESERVATION_LIMIT',
    );
    const first = await api.place(supplier.as, {
      projectId,
      quantity: 4,
      paymentMethod: 'invoice',
    });
    expectProblem(
      await api.create(supplier.as, { projectId, quantity: 2, paymentMethod: 'invoice' }),
      409,
      'ORDER.RESERVATION_LIMIT',
    );
    expectStatus(
      await api.create(supplier.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      201,
    );
    // Another buyer is not held back by the first.
    expectStatus(
      await api.create(otherSupplier.as, { projectId, quantity: 3, paymentMethod: 'invoice' }),
      201,
    );
    expectProblem(
      await api.create(supplier.as, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      409,
      'ORDER.RESERVATION_LIMIT',
    );
    // Paid credits are no longer held unpaid: paying frees the share.
    expectStatus(await api.markPaid(admin.as, first.id, first.amountCents), 200);
    expectStatus(
      await api.create(supplier.as, { projectId, quantity: 2, paymentMethod: 'invoice' }),
      201,
    );
    expect(await api.credits(projectId)).toMatchObject({
      supply: 10,
      sold: 4,
      reserved: 6,
      available: 0,
    });
    await api.expectInvariants();
  });

  it('caps the number of unpaid orders per organisation', async () => {
    const buyer = (await t.newSupplier()).as;
    const projectId = (await t.newListedProject({ credits: 20, initiative })).id;
    const orders: OrderJson[] = [];
    for (let i = 0; i < 3; i++)
      orders.push(await api.place(buyer, { projectId, quantity: 1, paymentMethod: 'invoice' }));
    const refused = await api.create(buyer, { projectId, quantity: 1, paymentMethod: 'invoice' });
    expectProblem(refused, 409, 'ORDER.RESERVATION_LIMIT');
    expectStatus(await api.cancel(admin.as, orders[0]!.id), 200);
    expectStatus(
      await api.create(buyer, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      201,
    );
    await api.expectInvariants();
  });
});
