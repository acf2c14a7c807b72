import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleInvoicePayment } from '../../src/modules/settlement/purchases.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';
import { sessionEvent } from '../factory/stripe.js';
import { decodeQrCodesWithPoppler } from './qr-reader.js';

interface PurchaseJson {
  id: string;
  status: string;
  paymentMethod: string;
  amountCents: number;
  invoiceNumber: string | null;
  paymentReference: string;
  checkoutUrl: string | null;
  payTo: { name: string; iban: string; dueAt: string } | null;
  createdAt: string;
  lines: {
    project: { id: string; title: string };
    credits: number;
    unitPriceCents: number;
    amountCents: number;
    order: {
      id: string;
      status: string;
      purchaseId: string;
      invoiceNumber: string | null;
      paymentReference: string;
      certificate: { id: string; serialStart: number; serialEnd: number } | null;
    };
  }[];
}

const epc = (name: string, iban: string, cents: number, reference: string) =>
  `BCD\n002\n1\nSCT\n\n${name}\n${iban}\nEUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n\n${reference}`;

describe('one purchase over several projects', () => {
  let t: TestContext;
  let admin: Person;
  let projects: ListedProject[];

  const buy = (
    who: Person,
    body: { lines: { projectId: string; credits: number }[]; paymentMethod: string },
    key: string = randomUUID(),
  ) => t.post(who, '/v1/purchases', body, { 'idempotency-key': key });

  async function balances() {
    return t.db
      .selectFrom('project_credit_balances')
      .select(['project_id', 'reserved', 'sold'])
      .where(
        'project_id',
        'in',
        projects.map((p) => p.id),
      )
      .orderBy('project_id')
      .execute();
  }

  beforeAll(async () => {
    t = await TestContext.create({ stripe: true });
    admin = await t.platformAdmin();
    projects = [];
    // Three projects of the demo's size, at its price (EUR 38 a credit).
    for (const title of ['Aan de slag in Gouda', 'Taalmaatjes Den Haag', 'Groen werk Rotterdam'])
      projects.push(await t.newListedProject({ credits: 2000, title }));
    // Listing projects goes through the review workflow: slow on a busy machine.
  }, 300_000);
  afterAll(async () => t?.close());

  it('meets a EUR 100,000 obligation over three projects with one invoice, paid once', async () => {
    const supplier = await t.newSupplier();
    const price = projects[0]!.priceCents;
    const credits = Math.ceil(10_000_000 / price);
    const split = [Math.ceil(credits / 3), Math.ceil(credits / 3)];
    split.push(credits - split[0]! - split[1]!);
    const response = await buy(supplier, {
      lines: projects.map((p, i) => ({ projectId: p.id, credits: split[i]! })),
      paymentMethod: 'invoice',
    });
    expectStatus(response, 201);
    const purchase = response.json<PurchaseJson>();
    expect(purchase.status).toBe('reserved');
    expect(purchase.amountCents).toBe(credits * price);
    expect(purchase.amountCents).toBeGreaterThanOrEqual(10_000_000);
    expect(purchase.invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);
    // Where to pay, as the invoice says: the seller's account, by the end of the payment term.
    expect(purchase.payTo).toEqual({
      name: t.config.seller.name,
      iban: t.config.seller.iban.replace(/\s+/g, ''),
      dueAt: new Date(
        Date.parse(purchase.createdAt) + t.config.orders.invoiceDueDays * 86_400_000,
      ).toISOString(),
    });
    expect(purchase.lines).toHaveLength(3);
    for (const line of purchase.lines) {
      expect(line.order).toMatchObject({
        status: 'reserved',
        purchaseId: purchase.id,
        invoiceNumber: purchase.invoiceNumber,
        paymentReference: purchase.paymentReference,
      });
    }

    // ONE invoice, there at once, with the EPC QR code for the total.
    const invoice = await t.get(supplier, `/v1/purchases/${purchase.id}/invoice.pdf`);
    expectStatus(invoice, 200);
    expect(await decodeQrCodesWithPoppler(invoice.rawPayload)).toEqual([
      epc(
        t.config.seller.name,
        t.config.seller.iban,
        purchase.amountCents,
        purchase.paymentReference,
      ),
    ]);
    // Each line's order answers with the same one invoice.
    const ofLine = await t.get(supplier, `/v1/orders/${purchase.lines[1]!.order.id}/invoice.pdf`);
    expect(ofLine.rawPayload.equals(invoice.rawPayload)).toBe(true);
    // A line is not paid on its own.
    expectProblem(
      await t.orders.markPaid(
        admin.as,
        purchase.lines[0]!.order.id,
        purchase.lines[0]!.amountCents,
      ),
      409,
      'ORDER.PART_OF_PURCHASE',
    );

    // Marked paid, twice: every line fulfilled exactly once.
    const pay = () =>
      t.post(admin, `/v1/purchases/${purchase.id}/mark-paid`, {
        amountCents: purchase.amountCents,
        bankReference: 'NL-BANK-1',
      });
    expectProblem(
      await t.post(admin, `/v1/purchases/${purchase.id}/mark-paid`, {
        amountCents: purchase.amountCents - 1,
        bankReference: 'NL-BANK-0',
      }),
      422,
      'ORDER.AMOUNT_MISMATCH',
    );
    const paid = await pay();
    expectStatus(paid, 200);
    expectStatus(await pay(), 200);
    const after = paid.json<PurchaseJson>();
    expect(after.status).toBe('paid');
    const certificates = new Set<string>();
    for (const line of after.lines) {
      expect(line.order.status).toBe('paid');
      expect(line.order.certificate).not.toBeNull();
      expect(line.order.certificate!.serialEnd - line.order.certificate!.serialStart + 1).toBe(
        line.credits,
      );
      certificates.add(line.order.certificate!.id);
    }
    expect(certificates.size).toBe(3);
    const sold = await t.db
      .selectFrom('credit_ledger')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('entry_type', '=', 'sell')
      .where(
        'reference_id',
        'in',
        after.lines.map((line) => line.order.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(3);
    // Payment does not change the invoice.
    await t.runJobs();
    const again = await t.get(supplier, `/v1/purchases/${purchase.id}/invoice.pdf`);
    expect(again.rawPayload.equals(invoice.rawPayload)).toBe(true);
    await t.expectInvariants();
  });

  it('reserves all lines or none: one line over the limit reserves nothing', async () => {
    const supplier = await t.newSupplier();
    const before = await balances();
    const counter = await t.db.selectFrom('document_counters').selectAll().execute();
    const response = await buy(supplier, {
      lines: [
        { projectId: projects[0]!.id, credits: 10 },
        { projectId: projects[1]!.id, credits: 1001 }, // more than half of 2000
        { projectId: projects[2]!.id, credits: 10 },
      ],
      paymentMethod: 'invoice',
    });
    expectProblem(response, 409, 'ORDER.RESERVATION_LIMIT');
    expect(response.json().errors[0].path).toBe('body.lines.1');
    expect(await balances()).toEqual(before);
    expect(await t.db.selectFrom('document_counters').selectAll().execute()).toEqual(counter);
    const orders = await t.db
      .selectFrom('orders')
      .select('id')
      .where('buyer_organisation_id', '=', supplier.organisation.id)
      .execute();
    expect(orders).toEqual([]);
    const unknown = await buy(supplier, {
      lines: [
        { projectId: projects[0]!.id, credits: 10 },
        { projectId: randomUUID(), credits: 1 },
      ],
      paymentMethod: 'invoice',
    });
    expectProblem(unknown, 404, 'RESOURCE.NOT_FOUND');
    expect(await balances()).toEqual(before);
    await t.expectInvariants();
  });

  it('makes one purchase of one Idempotency-Key, and refuses the key for another body', async () => {
    const supplier = await t.newSupplier();
    const key = randomUUID();
    const body = {
      lines: [
        { projectId: projects[0]!.id, credits: 3 },
        { projectId: projects[2]!.id, credits: 4 },
      ],
      paymentMethod: 'invoice',
    };
    const first = await buy(supplier, body, key);
    const second = await buy(supplier, body, key);
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const purchases = await t.db
      .selectFrom('purchases')
      .select('id')
      .where('buyer_organisation_id', '=', supplier.organisation.id)
      .execute();
    expect(purchases).toHaveLength(1);
    expectProblem(
      await buy(supplier, { ...body, lines: [body.lines[0]!] }, key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
    await t.expectInvariants();
  });

  it('answers another organisation’s purchase as if it did not exist', async () => {
    const owner = await t.newSupplier();
    const other = await t.newSupplier();
    const placed = await buy(owner, {
      lines: [{ projectId: projects[0]!.id, credits: 2 }],
      paymentMethod: 'invoice',
    });
    expectStatus(placed, 201);
    const id = placed.json<PurchaseJson>().id;
    expectStatus(await t.get(owner, `/v1/purchases/${id}`), 200);
    expectStatus(await t.get(admin, `/v1/purchases/${id}`), 200);
    expectProblem(await t.get(other, `/v1/purchases/${id}`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await t.get(other, `/v1/purchases/${id}/invoice.pdf`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await t.get(other, `/v1/purchases/${randomUUID()}`), 404, 'RESOURCE.NOT_FOUND');
    await t.expectInvariants();
  });

  it('books a bank transfer by its payment reference, for a purchase and a single order alike', async () => {
    const supplier = await t.newSupplier();
    const purchase = (
      await buy(supplier, {
        lines: [
          { projectId: projects[0]!.id, credits: 5 },
          { projectId: projects[1]!.id, credits: 6 },
        ],
        paymentMethod: 'invoice',
      })
    ).json<PurchaseJson>();
    const order = await t.newOrder({ buyer: supplier, project: projects[2]!, credits: 7 });
    const ctx = { actor: null, requestId: 'bank', ip: null, now: t.clock.now() } as never;

    const wrong = await t.db.transaction().execute((trx) =>
      settleInvoicePayment(trx, ctx, {
        paymentReference: purchase.paymentReference,
        amountCents: purchase.amountCents + 100,
        bankReference: 'CAMT-0',
      }),
    );
    expect(wrong).toMatchObject({ kind: 'purchase', result: { outcome: 'mismatch' } });

    const spaced = purchase.paymentReference.replace(/(.{4})/g, '$1 ').toLowerCase();
    for (let i = 0; i < 2; i++) {
      const booked = await t.db.transaction().execute((trx) =>
        settleInvoicePayment(trx, ctx, {
          paymentReference: spaced,
          amountCents: purchase.amountCents,
          bankReference: 'CAMT-1',
        }),
      );
      expect(booked).toMatchObject({
        kind: 'purchase',
        result: { outcome: i === 0 ? 'fulfilled' : 'already_paid' },
      });
    }
    const single = await t.db.transaction().execute((trx) =>
      settleInvoicePayment(trx, ctx, {
        paymentReference: order.paymentReference,
        amountCents: order.amountCents,
        bankReference: 'CAMT-2',
      }),
    );
    expect(single).toMatchObject({ kind: 'order', result: { outcome: 'fulfilled' } });
    const none = await t.db.transaction().execute((trx) =>
      settleInvoicePayment(trx, ctx, {
        paymentReference: 'RF18539007547034',
        amountCents: 100,
        bankReference: 'CAMT-3',
      }),
    );
    expect(none).toEqual({ kind: 'unknown_reference' });
    const view = await t.getJson<PurchaseJson>(supplier, `/v1/purchases/${purchase.id}`);
    expect(view.status).toBe('paid');
    expect(view.lines.every((line) => line.order.status === 'paid')).toBe(true);
    await t.expectInvariants();
  });

  it('pays a Stripe purchase with one Checkout Session, a line item per project; the webhook twice and out of order fulfils once', async () => {
    const supplier = await t.newSupplier();
    const placed = await buy(supplier, {
      lines: [
        { projectId: projects[0]!.id, credits: 2 },
        { projectId: projects[1]!.id, credits: 3 },
        { projectId: projects[2]!.id, credits: 4 },
      ],
      paymentMethod: 'stripe',
    });
    expectStatus(placed, 201);
    const purchase = placed.json<PurchaseJson>();
    expect(purchase.checkoutUrl).toBeTruthy();
    expect(purchase.invoiceNumber).toBeNull();
    expect(purchase.payTo).toBeNull();
    expectProblem(
      await t.get(supplier, `/v1/purchases/${purchase.id}/invoice.pdf`),
      409,
      'INVOICE.NOT_AVAILABLE',
    );
    const sessions = [...t.stripe.sessions.values()].filter(
      (s) => s.client_reference_id === purchase.id,
    );
    expect(sessions).toHaveLength(1);
    const session = sessions[0]!;
    expect(session.line_items_params).toHaveLength(3);
    expect(session.amount_total).toBe(purchase.amountCents);
    expect(session.metadata).toEqual({ purchase_id: purchase.id });

    const completed = t.stripe.completeSession(session.id);
    // The expiry of an older delivery arrives after the payment: it must not undo it.
    const paidEvent = sessionEvent('checkout.session.completed', completed);
    expectStatus(await t.deliverWebhook(paidEvent), 200);
    expectStatus(await t.deliverWebhook(paidEvent), 200);
    expectStatus(
      await t.deliverWebhook(sessionEvent('checkout.session.completed', completed)),
      200,
    );
    expectStatus(
      await t.deliverWebhook(
        sessionEvent('checkout.session.expired', { ...completed, status: 'expired' } as never),
      ),
      200,
    );
    const view = await t.getJson<PurchaseJson>(supplier, `/v1/purchases/${purchase.id}`);
    expect(view.status).toBe('paid');
    expect(view.invoiceNumber).toMatch(/^INV-\d{4}-\d{6}$/);
    for (const line of view.lines) {
      expect(line.order.status).toBe('paid');
      expect(line.order.invoiceNumber).toBe(view.invoiceNumber);
    }
    const certificates = await t.db
      .selectFrom('certificates')
      .select('id')
      .where(
        'order_id',
        'in',
        view.lines.map((line) => line.order.id),
      )
      .execute();
    expect(certificates).toHaveLength(3);
    expectStatus(await t.get(supplier, `/v1/purchases/${purchase.id}/invoice.pdf`), 200);
    await t.expectInvariants();
  });

  it('releases every line when a Stripe purchase’s session expires', async () => {
    const supplier = await t.newSupplier();
    const before = await balances();
    const placed = await buy(supplier, {
      lines: [
        { projectId: projects[1]!.id, credits: 5 },
        { projectId: projects[2]!.id, credits: 6 },
      ],
      paymentMethod: 'stripe',
    });
    expectStatus(placed, 201);
    const purchase = placed.json<PurchaseJson>();
    const session = [...t.stripe.sessions.values()].find(
      (s) => s.client_reference_id === purchase.id,
    )!;
    const expired = t.stripe.expireSession(session.id);
    expectStatus(await t.deliverWebhook(sessionEvent('checkout.session.expired', expired)), 200);
    expectStatus(await t.deliverWebhook(sessionEvent('checkout.session.expired', expired)), 200);
    const view = await t.getJson<PurchaseJson>(supplier, `/v1/purchases/${purchase.id}`);
    expect(view.status).toBe('expired');
    expect(view.lines.every((line) => line.order.status === 'expired')).toBe(true);
    expect(await balances()).toEqual(before);
    await t.expectInvariants();
  });

  it('lets a Stripe purchase lapse: the expiry job releases every line and closes its one session', async () => {
    const supplier = await t.newSupplier();
    const placed = await buy(supplier, {
      lines: [
        { projectId: projects[0]!.id, credits: 1 },
        { projectId: projects[2]!.id, credits: 2 },
      ],
      paymentMethod: 'stripe',
    });
    expectStatus(placed, 201);
    const purchase = placed.json<PurchaseJson & { reservedUntil: string }>();
    const session = [...t.stripe.sessions.values()].find(
      (s) => s.client_reference_id === purchase.id,
    )!;
    t.clock.advance(Date.parse(purchase.reservedUntil) - t.clock.now().getTime() + 1000);
    await t.runJob('orders.expire-reservations');
    const view = await t.getJson<PurchaseJson>(supplier, `/v1/purchases/${purchase.id}`);
    expect(view.status).toBe('expired');
    expect(view.lines.every((line) => line.order.status === 'expired')).toBe(true);
    expect(t.stripe.sessions.get(session.id)!.status).toBe('expired');
    await t.expectInvariants();
  });

  it('proposes listed projects that cover an obligation, and the proposal can be bought as it is', async () => {
    const supplier = await t.newSupplier();
    const proposal = await t.getJson<{
      lines: { project: { id: string }; credits: number; countsCents: number }[];
      countsCents: number;
      uncoveredCents: number;
      obligation: { amountCents: number };
    }>(supplier, `/v1/purchases/proposal?amountCents=5000000&theme=gouda`);
    expect(proposal.obligation.amountCents).toBe(5_000_000);
    expect(proposal.uncoveredCents).toBe(0);
    expect(proposal.countsCents).toBeGreaterThanOrEqual(5_000_000);
    expect(proposal.lines[0]!.project.id).toBe(projects[0]!.id);
    const bought = await buy(supplier, {
      lines: proposal.lines.map((line) => ({ projectId: line.project.id, credits: line.credits })),
      paymentMethod: 'invoice',
    });
    expectStatus(bought, 201);
    expectProblem(
      await t.get(supplier, `/v1/purchases/proposal?contractId=${randomUUID()}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    await t.expectInvariants();
  });
});
