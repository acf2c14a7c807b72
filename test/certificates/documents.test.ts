import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentYear,
  type FulfilResult,
  queueFulfilFollowUps,
} from '../../src/modules/settlement/fulfilment.js';
import {
  RENDER_DOCUMENTS_JOB,
  RENDER_MISSING_DOCUMENTS_JOB,
} from '../../src/modules/certificates/document-jobs.js';
import { createDocuments } from '../../src/modules/certificates/documents.js';
import { formatMoney } from '../../src/lib/format.js';
import { TEST_SIGNING_JWK } from '../helpers/app.js';
import { MemoryPaymentGateway } from '../helpers/memory-payments.js';
import { readPdf } from './pdf-reader.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
  type OrderJson,
  type OrdersApi,
} from '../factory/index.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Amounts as the text layer shows them: the non-breaking space after € becomes a plain one. */
const shown = (text: string) => text.replace(/\u00a0/g, ' ');

/**
 * Invoices for every paid order (Stripe ones numbered when paid), credit notes for every
 * refund of an invoiced order, and the render job that makes the documents off the
 * request path. Runs on both engines; on the PostgreSQL server (TEST_DATABASE_URL) the
 * concurrent cases truly race.
 */
describe('invoices, credit notes and their rendering', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let api: OrdersApi;
  let gateway: MemoryPaymentGateway;
  let projectId: string;

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    let clock: () => Date = () => new Date();
    gateway = new MemoryPaymentGateway(() => clock());
    t = await TestContext.create({
      payments: gateway,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    clock = () => t.clock.now();
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    api = t.orders;
    projectId = (await t.newListedProject({ credits: 500, title: 'Groen Doet Goed' })).id;
  }, 120_000);
  afterAll(async () => t?.close());

  async function paidStripeOrder(quantity = 2): Promise<OrderJson> {
    const order = await api.place(supplier.as, { projectId, quantity, paymentMethod: 'stripe' });
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'fulfilled' });
    return (await api.get(supplier.as, order.id)).json<OrderJson>();
  }

  async function paidInvoiceOrder(quantity = 1, who = supplier): Promise<OrderJson> {
    const order = await api.place(who.as, { projectId, quantity, paymentMethod: 'invoice' });
    const paid = await api.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    return paid.json<OrderJson>();
  }

  /** Every number of a yearly series handed out so far, as integers, in order. */
  async function series(
    kind: 'invoice' | 'credit_note',
  ): Promise<{ values: number[]; last: number }> {
    const year = documentYear(t.clock.now());
    const prefix = kind === 'invoice' ? 'INV' : 'CN';
    const numbers =
      kind === 'invoice'
        ? (
            await t.db
              .selectFrom('orders')
              .select('invoice_number as number')
              .where('invoice_number', 'is not', null)
              .execute()
          ).map((r) => r.number!)
        : (await t.db.selectFrom('credit_notes').select('number').execute()).map((r) => r.number);
    const values = numbers
      .filter((n) => n.startsWith(`${prefix}-${year}-`))
      .map((n) => Number(n.slice(`${prefix}-${year}-`.length)))
      .sort((a, b) => a - b);
    const counter = await t.db
      .selectFrom('document_counters')
      .select('last_value')
      .where('kind', '=', kind)
      .where('year', '=', year)
      .executeTakeFirst();
    return { values, last: counter?.last_value ?? 0 };
  }

  async function expectGapless(kind: 'invoice' | 'credit_note') {
    const { values, last } = await series(kind);
    expect(values).toEqual(Array.from({ length: values.length }, (_, i) => i + 1));
    expect(last).toBe(values.length);
  }

  it('numbers a Stripe order’s invoice when it is paid, in the same gapless series as invoice orders, and shows it paid by Stripe', async () => {
    const first = await paidInvoiceOrder();
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'stripe',
    });
    expect(order.invoiceNumber).toBeNull();
    expectProblem(
      await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers),
      409,
      'INVOICE.NOT_AVAILABLE',
    );
    const result = await api.stripePaid(order);
    expect(result).toMatchObject({ outcome: 'fulfilled' });
    const paid = (await api.get(supplier.as, order.id)).json<OrderJson>();
    const year = documentYear(t.clock.now());
    expect(paid.invoiceNumber).toMatch(new RegExp(`^INV-${year}-\\d{6}$`));
    expect(Number(paid.invoiceNumber!.slice(-6))).toBe(Number(first.invoiceNumber!.slice(-6)) + 1);
    expect((result as Extract<FulfilResult, { outcome: 'fulfilled' }>).invoiceNumber).toBe(
      paid.invoiceNumber,
    );
    // A repeat of the payment changes nothing, the number included.
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'already_paid' });
    expect((await api.get(supplier.as, order.id)).json<OrderJson>().invoiceNumber).toBe(
      paid.invoiceNumber,
    );

    const response = await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers);
    expectStatus(response, 200);
    expect(response.headers['content-disposition']).toContain(`${paid.invoiceNumber}-nl.pdf`);
    const dutch = (await readPdf(response.rawPayload)).flat;
    expect(dutch).toContain('Factuur');
    expect(dutch).toContain(`Factuurnummer ${paid.invoiceNumber}`);
    expect(dutch).toContain(supplier.organisation.name);
    expect(dutch).toContain(t.config.seller.name);
    expect(dutch).toContain('online (Stripe)');
    expect(dutch).toContain(`Betalingskenmerk: pi_test_${order.id.replace(/-/g, '')}`);
    expect(dutch).toMatch(/Betaald op \d+ \w+ \d{4}/);
    expect(dutch).toContain(shown(formatMoney(order.amountCents, 'nl')));
    const english = (
      await readPdf(
        (await get(`/v1/orders/${order.id}/invoice.pdf?lang=en`, supplier.as.headers)).rawPayload,
      )
    ).flat;
    expect(english).toContain(`Invoice number ${paid.invoiceNumber}`);
    expect(english).toMatch(/Paid on \d+ \w+ \d{4} – online \(Stripe\)/);
    await expectGapless('invoice');
    await api.expectInvariants();
  });

  it('gives a late payment’s number back when it cannot be honoured, and numbers one that re-reserves', async () => {
    const small = (await t.newListedProject({ credits: 2 })).id;
    const late = await api.place(supplier.as, {
      projectId: small,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    const lateButFine = await api.place(otherSupplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'stripe',
    });
    t.clock.advance(Date.parse(late.reservedUntil) - t.clock.now().getTime() + 1000);
    await api.runJob('orders.expire-reservations');
    const sold = await api.place(otherSupplier.as, {
      projectId: small,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.markPaid(admin.as, sold.id, sold.amountCents), 200);

    const before = await series('invoice');
    expect(await api.stripePaid(late)).toMatchObject({ outcome: 'refund_required' });
    expect((await api.get(supplier.as, late.id)).json<OrderJson>().invoiceNumber).toBeNull();
    expect(await series('invoice')).toEqual(before);

    expect(await api.stripePaid(lateButFine)).toMatchObject({
      outcome: 'fulfilled',
      reReserved: true,
    });
    const numbered = (await api.get(otherSupplier.as, lateButFine.id)).json<OrderJson>();
    expect(numbered.invoiceNumber).toBe(
      `INV-${documentYear(t.clock.now())}-${String(before.last + 1).padStart(6, '0')}`,
    );
    await expectGapless('invoice');
    await api.expectInvariants();
  });

  it('issues a downloadable credit note for a Stripe refund, and leaves the invoice exactly as it was issued', async () => {
    const order = await paidStripeOrder(4);
    const invoiceBefore = await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers);
    expectStatus(invoiceBefore, 200);
    expectProblem(
      await get(`/v1/orders/${order.id}/credit-note.pdf`, supplier.as.headers),
      409,
      'CREDIT_NOTE.NOT_AVAILABLE',
    );

    t.clock.advance(3 * 24 * 3600 * 1000);
    expect(await api.stripeRefunded(order, { reason: 'Dubbel besteld' })).toMatchObject({
      outcome: 'refunded',
    });
    // A repeat of the refund issues nothing more.
    expect(await api.stripeRefunded(order)).toMatchObject({ outcome: 'already_refunded' });
    const notes = await t.db
      .selectFrom('credit_notes')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note).toMatchObject({ amount_cents: order.amountCents, reason: 'Dubbel besteld' });
    expect(note.number).toMatch(new RegExp(`^CN-${documentYear(t.clock.now())}-\\d{6}$`));

    // The invoice is never re-rendered: after the refund it is byte for byte the one issued, still showing it paid.
    const invoiceAfter = await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers);
    expect(invoiceAfter.rawPayload.equals(invoiceBefore.rawPayload)).toBe(true);
    expect(invoiceAfter.headers['x-content-sha256']).toBe(
      invoiceBefore.headers['x-content-sha256'],
    );
    const invoiceText = (await readPdf(invoiceAfter.rawPayload)).flat;
    expect(invoiceText).toContain('Betaald op');
    expect(invoiceText).not.toContain('Terugbetaald');
    // Even a first rendering after the refund (English) shows the invoice as issued: paid.
    const englishInvoice = (
      await readPdf(
        (await get(`/v1/orders/${order.id}/invoice.pdf?lang=en`, supplier.as.headers)).rawPayload,
      )
    ).flat;
    expect(englishInvoice).toContain('Paid on');
    expect(englishInvoice).not.toContain('Refunded');
    expect(englishInvoice).not.toContain(note.number);

    const response = await get(`/v1/orders/${order.id}/credit-note.pdf`, supplier.as.headers);
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`${note.number}-nl.pdf`);
    const bytes = response.rawPayload;
    expect(response.headers['x-content-sha256']).toBe(sha256(bytes));
    const stored = await t.db
      .selectFrom('credit_note_documents')
      .select(['sha256', 'lang'])
      .where('credit_note_id', '=', note.id)
      .execute();
    expect(stored).toEqual([{ sha256: sha256(bytes), lang: 'nl' }]);
    const again = await get(`/v1/orders/${order.id}/credit-note.pdf`, supplier.as.headers);
    expect(again.rawPayload.equals(bytes)).toBe(true);

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    const dutch = pdf.flat;
    expect(dutch).toContain('Creditnota');
    expect(dutch).toContain(`Creditnotanummer ${note.number}`);
    expect(dutch).toContain(`Betreft factuur ${order.invoiceNumber}`);
    expect(dutch).toContain(`Deze creditnota crediteert factuur ${order.invoiceNumber}.`);
    expect(dutch).toContain('Reden: Dubbel besteld');
    expect(dutch).toContain(supplier.organisation.name);
    expect(dutch).toContain(t.config.seller.name);
    expect(dutch).toContain(t.config.seller.kvkNumber);
    expect(dutch).toContain('Groen Doet Goed');
    expect(dutch).toContain(' -4 ');
    expect(dutch).toContain(shown(formatMoney(-order.amountCents, 'nl')));
    expect(dutch).toContain(`Totaal ${shown(formatMoney(-order.amountCents, 'nl'))}`);
    expect(dutch).toMatch(/Terugbetaald op \d+ \w+ \d{4}/);
    expect(dutch).toContain(`Betalingskenmerk: ch_test_${order.id.slice(0, 8)}`);

    const english = await get(
      `/v1/orders/${order.id}/credit-note.pdf?lang=en`,
      supplier.as.headers,
    );
    expectStatus(english, 200);
    expect(english.rawPayload.equals(bytes)).toBe(false);
    const englishText = (await readPdf(english.rawPayload)).flat;
    expect(englishText).toContain(`Credit note number ${note.number}`);
    expect(englishText).toContain(`Credited invoice ${order.invoiceNumber}`);
    expect(englishText).toContain('Reason: Dubbel besteld');
    expect(englishText).toContain(shown(formatMoney(-order.amountCents, 'en')));
    await expectGapless('credit_note');
    await api.expectInvariants();
  });

  it('issues credit notes for admin refunds of Stripe and invoice orders in one gapless series', async () => {
    const stripe = await paidStripeOrder(1);
    const invoice = await paidInvoiceOrder(1);
    expectStatus(await api.refund(admin.as, stripe.id, 'Project niet passend'), 200);
    expectStatus(await api.refund(admin.as, invoice.id, 'Verkeerde afdeling'), 200);
    for (const [order, reason] of [
      [stripe, 'Project niet passend'],
      [invoice, 'Verkeerde afdeling'],
    ] as const) {
      const response = await get(`/v1/orders/${order.id}/credit-note.pdf`, supplier.as.headers);
      expectStatus(response, 200);
      const text = (await readPdf(response.rawPayload)).flat;
      expect(text).toContain(`Betreft factuur ${order.invoiceNumber}`);
      expect(text).toContain(`Reden: ${reason}`);
    }
    // The Stripe refund's id is the credit note's reference; a bank transfer back quotes the order's payment reference.
    const stripeText = (
      await readPdf(
        (await get(`/v1/orders/${stripe.id}/credit-note.pdf`, admin.as.headers)).rawPayload,
      )
    ).flat;
    const refundId = [...gateway.refunds.keys()].at(-1)!;
    expect(stripeText).toContain(`Betalingskenmerk: ${refundId}`);
    const invoiceText = (
      await readPdf(
        (await get(`/v1/orders/${invoice.id}/credit-note.pdf`, admin.as.headers)).rawPayload,
      )
    ).flat;
    expect(invoiceText).toContain(`Betalingskenmerk: ${invoice.paymentReference}`);
    await expectGapless('credit_note');
    await api.expectInvariants();
  });

  it('has no invoice or credit note for an order refunded before its payment was recorded', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'stripe',
    });
    expect(await api.stripeRefunded(order)).toMatchObject({ outcome: 'refunded' });
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'ignored' });
    expectProblem(
      await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers),
      409,
      'INVOICE.NOT_AVAILABLE',
    );
    expectProblem(
      await get(`/v1/orders/${order.id}/credit-note.pdf`, supplier.as.headers),
      409,
      'CREDIT_NOTE.NOT_AVAILABLE',
    );
    expect(
      await t.db.selectFrom('credit_notes').select('id').where('order_id', '=', order.id).execute(),
    ).toEqual([]);
  });

  it('shows invoices and credit notes to the buyer and admins only (404 for anyone else)', async () => {
    const order = await paidStripeOrder(1);
    expectStatus(await api.refund(admin.as, order.id, 'Toegangstest'), 200);
    for (const kind of ['invoice.pdf', 'credit-note.pdf']) {
      const url = `/v1/orders/${order.id}/${kind}`;
      expectStatus(await get(url, supplier.as.headers), 200);
      expectStatus(await get(url, admin.as.headers), 200);
      expectProblem(await get(url, otherSupplier.as.headers), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await get(url, coordinator.as.headers), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await get(url), 401, 'AUTH.REQUIRED');
      expectProblem(
        await get(`/v1/orders/${randomUUID()}/${kind}`, supplier.as.headers),
        404,
        'RESOURCE.NOT_FOUND',
      );
    }
  });

  it('renders the certificate and invoice once by a job at fulfilment; running the job again changes nothing', async () => {
    await api.queue.drain(); // earlier tests' render jobs
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    const result = await api.stripePaid(order);
    const paid = (await api.get(supplier.as, order.id)).json<OrderJson>();
    const certificateId = paid.certificate!.id;
    await queueFulfilFollowUps(t.jobs, result);
    await queueFulfilFollowUps(t.jobs, result);
    expect(api.queue.queued(RENDER_DOCUMENTS_JOB)).toEqual([{ orderId: order.id }]);
    expect(
      await t.db
        .selectFrom('certificate_documents')
        .select('lang')
        .where('certificate_id', '=', certificateId)
        .execute(),
    ).toEqual([]);
    await api.queue.drain();

    const storedCertificate = async () =>
      t.db
        .selectFrom('certificate_documents')
        .selectAll()
        .where('certificate_id', '=', certificateId)
        .execute();
    const storedInvoice = async () =>
      t.db.selectFrom('invoice_documents').selectAll().where('order_id', '=', order.id).execute();
    const certificates = await storedCertificate();
    const invoices = await storedInvoice();
    expect(certificates.map((d) => d.lang)).toEqual(['nl']);
    expect(invoices.map((d) => d.lang)).toEqual(['nl']);

    // Twice more, later: the stored documents stand.
    t.clock.advance(3_600_000);
    await api.runJob(RENDER_DOCUMENTS_JOB, { orderId: order.id });
    await api.runJob(RENDER_DOCUMENTS_JOB, { orderId: order.id });
    expect(await storedCertificate()).toEqual(certificates);
    expect(await storedInvoice()).toEqual(invoices);

    // Downloads return what the job stored.
    const certificate = await get(`/v1/certificates/${certificateId}/pdf`, supplier.as.headers);
    expect(certificate.headers['x-content-sha256']).toBe(certificates[0]!.sha256);
    expect(certificate.rawPayload.equals(Buffer.from(certificates[0]!.bytes))).toBe(true);
    const invoice = await get(`/v1/orders/${order.id}/invoice.pdf`, supplier.as.headers);
    expect(invoice.headers['x-content-sha256']).toBe(invoices[0]!.sha256);
    expect((await readPdf(certificate.rawPayload)).flat).toContain(paid.certificate!.number);
    // The uploaded certificate verifies as genuine: the job's rendering is the issued document.
    const verified = await t.app.inject({
      method: 'POST',
      url: '/v1/verify/pdf',
      headers: { 'content-type': 'application/pdf' },
      payload: certificate.rawPayload,
    });
    expect(verified.json()).toMatchObject({ genuine: true, number: paid.certificate!.number });
  });

  it('keeps the first stored rendering when the job and a download, or two jobs, race', async () => {
    const order = await paidStripeOrder(1);
    const certificateId = order.certificate!.id;
    const documents = createDocuments({
      db: t.db,
      clock: t.clock,
      config: t.config,
      signingKeyId: TEST_SIGNING_JWK.kid,
    });
    const [, , download] = await Promise.all([
      documents.renderOrderDocuments(order.id),
      documents.renderOrderDocuments(order.id),
      get(`/v1/certificates/${certificateId}/pdf`, supplier.as.headers),
    ]);
    expectStatus(download, 200);
    const stored = await t.db
      .selectFrom('certificate_documents')
      .select(['sha256', 'bytes'])
      .where('certificate_id', '=', certificateId)
      .where('lang', '=', 'nl')
      .execute();
    expect(stored).toHaveLength(1);
    expect(download.headers['x-content-sha256']).toBe(stored[0]!.sha256);
    expect(download.rawPayload.equals(Buffer.from(stored[0]!.bytes))).toBe(true);
    expect(
      await t.db
        .selectFrom('invoice_documents')
        .select('lang')
        .where('order_id', '=', order.id)
        .execute(),
    ).toEqual([{ lang: 'nl' }]);
  });

  it('queues the rendering when an invoice order is marked paid', async () => {
    await api.queue.drain();
    const order = await paidInvoiceOrder(1);
    expect(api.queue.queued(RENDER_DOCUMENTS_JOB)).toEqual([{ orderId: order.id }]);
    await api.queue.drain();
    expect(
      await t.db
        .selectFrom('certificate_documents')
        .select('lang')
        .where('certificate_id', '=', order.certificate!.id)
        .execute(),
    ).toEqual([{ lang: 'nl' }]);
  });

  it('sweeps up what a lost job did not render: an order paid, then its credit note', async () => {
    await api.queue.drain();
    const order = await paidInvoiceOrder(1);
    // The process stops before its queue runs: the in-process queue loses the job.
    expect(api.queue.discard(RENDER_DOCUMENTS_JOB)).toBe(1);
    await api.runJob(RENDER_MISSING_DOCUMENTS_JOB);
    expect(
      await t.db
        .selectFrom('certificate_documents')
        .select('lang')
        .where('certificate_id', '=', order.certificate!.id)
        .execute(),
    ).toEqual([{ lang: 'nl' }]);
    expect(
      await t.db
        .selectFrom('invoice_documents')
        .select('lang')
        .where('order_id', '=', order.id)
        .execute(),
    ).toEqual([{ lang: 'nl' }]);
    expectStatus(await api.refund(admin.as, order.id, 'Sweep'), 200);
    await api.runJob(RENDER_MISSING_DOCUMENTS_JOB);
    const note = await t.db
      .selectFrom('credit_notes')
      .select('id')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(
      await t.db
        .selectFrom('credit_note_documents')
        .select('lang')
        .where('credit_note_id', '=', note.id)
        .execute(),
    ).toEqual([{ lang: 'nl' }]);
    // A second sweep finds nothing left to do.
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('credit_note_documents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await api.runJob(RENDER_MISSING_DOCUMENTS_JOB);
    expect(await count()).toBe(before);
  });

  it('keeps invoice and credit-note numbers gapless under concurrent fulfilment, order placement and refunds', async () => {
    const stripeOrders: OrderJson[] = [];
    for (let i = 0; i < 24; i++)
      stripeOrders.push(
        await api.place(i % 2 ? supplier.as : otherSupplier.as, {
          projectId,
          quantity: 1,
          paymentMethod: 'stripe',
        }),
      );
    const before = await series('invoice');
    // Stripe payments (numbered as they are paid) race with invoice orders being placed (numbered as they are placed) on the same project.
    const [results, placed] = await Promise.all([
      Promise.all(stripeOrders.map((order) => api.stripePaid(order))),
      Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api.create(i % 2 ? supplier.as : otherSupplier.as, {
            projectId,
            quantity: 1,
            paymentMethod: 'invoice',
          }),
        ),
      ),
    ]);
    for (const result of results) expect(result.outcome).toBe('fulfilled');
    for (const response of placed) expectStatus(response, 201);
    const after = await series('invoice');
    expect(after.values.length).toBe(before.values.length + 36);
    await expectGapless('invoice');

    // Refunds at once, through Stripe's webhook and through admins: one credit note each, gapless.
    const notesBefore = (await series('credit_note')).values.length;
    const refunds = await Promise.all([
      ...stripeOrders.slice(0, 10).map((order) => api.stripeRefunded(order)),
      ...stripeOrders
        .slice(10, 16)
        .map((order) => api.refund(admin.as, order.id, 'Concurrent refund')),
    ]);
    for (const refund of refunds) {
      if ('outcome' in refund) expect(refund.outcome).toBe('refunded');
      else expectStatus(refund, 200);
    }
    expect((await series('credit_note')).values.length).toBe(notesBefore + 16);
    await expectGapless('credit_note');
    await api.expectInvariants();
  });
});
