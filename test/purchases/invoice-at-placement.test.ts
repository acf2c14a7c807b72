import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/lib/format.js';
import { isValidCreditorReference } from '../../src/modules/orders/order-view.js';
import { readPdf } from '../certificates/pdf-reader.js';
import { expectStatus, type ListedProject, TestContext } from '../factory/index.js';
import { decodeQrCodesWithPoppler } from './qr-reader.js';

const shown = (text: string) => text.replace(/\u00a0/g, ' ');
const spacedIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** The EPC069-12 payload, written out by hand from the guideline (not by the code under test). */
function expectedEpc(name: string, iban: string, cents: number, reference: string): string {
  const euros = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return `BCD\n002\n1\nSCT\n\n${name}\n${iban}\nEUR${euros}\n\n${reference}`;
}

describe('the invoice of an invoice order exists when it is placed', () => {
  let t: TestContext;
  let project: ListedProject;

  beforeAll(async () => {
    t = await TestContext.create();
    project = await t.newListedProject({ credits: 400 });
    // Listing projects goes through the review workflow: slow on a busy machine.
  }, 300_000);
  afterAll(async () => t?.close());

  it('answers the invoice PDF at once, with due date, IBAN, reference and an EPC QR code; payment does not change it', async () => {
    const buyer = await t.newSupplier();
    const order = await t.newOrder({ buyer, project, credits: 37 });
    expect(order.status).toBe('reserved');
    expect(isValidCreditorReference(order.paymentReference)).toBe(true);

    const response = await t.get(buyer, `/v1/orders/${order.id}/invoice.pdf`);
    expectStatus(response, 200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdf = response.rawPayload;
    const text = shown((await readPdf(pdf)).flat);
    expect(text).toContain(`Factuurnummer ${order.invoiceNumber}`);
    expect(text).toContain('Vervaldatum');
    expect(text).toContain(spacedIban(t.config.seller.iban));
    expect(text).toContain(`Betalingskenmerk: ${order.paymentReference}`);
    expect(text).toContain(shown(formatMoney(order.amountCents, 'nl')));
    expect(text).not.toContain('Betaald op');
    expect(text).not.toContain('Openstaand');
    // Due INVOICE_DUE_DAYS after placement, in Dutch.
    const due = new Date(Date.parse(order.createdAt) + t.config.orders.invoiceDueDays * 86_400_000);
    const dutchDate = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format(due);
    expect(text).toContain(`Vervaldatum ${dutchDate}`);

    const codes = await decodeQrCodesWithPoppler(pdf);
    expect(codes).toEqual([
      expectedEpc(
        t.config.seller.name,
        t.config.seller.iban,
        order.amountCents,
        order.paymentReference,
      ),
    ]);

    // Paid: the order says so; the invoice stays byte for byte what was issued.
    const admin = await t.platformAdmin();
    const paid = await t.orders.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    expect(paid.json().status).toBe('paid');
    await t.runJobs();
    const after = await t.get(buyer, `/v1/orders/${order.id}/invoice.pdf`);
    expectStatus(after, 200);
    expect(after.rawPayload.equals(pdf)).toBe(true);

    // The English invoice, first rendered after payment, still is the invoice as issued.
    const english = shown(
      (await readPdf((await t.get(buyer, `/v1/orders/${order.id}/invoice.pdf?lang=en`)).rawPayload))
        .flat,
    );
    expect(english).toContain('Due date');
    expect(english).not.toContain('Paid on');
    await t.expectInvariants();
  });

  it('keeps another organisation’s invoice out of reach', async () => {
    const buyer = await t.newSupplier();
    const order = await t.newOrder({ buyer, project, credits: 2 });
    const other = await t.newSupplier();
    expectStatus(await t.get(other, `/v1/orders/${order.id}/invoice.pdf`), 404);
    await t.expectInvariants();
  });
});
