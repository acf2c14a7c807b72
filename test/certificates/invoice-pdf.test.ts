import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  computeInvoiceTotals,
  formatIban,
  renderInvoicePdf,
} from '../../src/modules/certificates/invoice-pdf.js';
import { readPdf, mappedCodePoints } from './pdf-reader.js';
import { INVOICE_TEXTS } from '../../src/modules/certificates/texts.js';
import { EXEMPTION, EXEMPTION_EN, invoiceData } from './sample-data.js';

describe('invoice totals', () => {
  it('adds VAT at the configured rate to credits × price', () => {
    expect(computeInvoiceTotals(100, 3800, 2100)).toEqual({
      netCents: 380_000,
      vatCents: 79_800,
      totalCents: 459_800,
      rateBasisPoints: 2100,
    });
    expect(computeInvoiceTotals(7, 3800, 900)).toEqual({
      netCents: 26_600,
      vatCents: 2_394,
      totalCents: 28_994,
      rateBasisPoints: 900,
    });
  });

  it('rounds VAT half up to the cent, once per invoice', () => {
    expect(computeInvoiceTotals(1, 50, 2100).vatCents).toBe(11); // 10.5 → 11
    expect(computeInvoiceTotals(1, 1234, 2100).vatCents).toBe(259); // 259.14 → 259
    expect(computeInvoiceTotals(3, 1, 2100).vatCents).toBe(1); // 0.63 → 1
    expect(computeInvoiceTotals(1, 2, 2100).vatCents).toBe(0); // 0.42 → 0
  });

  it('is net = total without VAT when the rate is zero', () => {
    expect(computeInvoiceTotals(250, 3800, 0)).toEqual({
      netCents: 950_000,
      vatCents: 0,
      totalCents: 950_000,
      rateBasisPoints: 0,
    });
  });

  it('stays exact for amounts beyond what a float adds up exactly', () => {
    const totals = computeInvoiceTotals(100_000, 99_999_999, 2100);
    expect(totals.netCents).toBe(9_999_999_900_000);
    expect(totals.vatCents).toBe(2_099_999_979_000);
    expect(totals.totalCents).toBe(totals.netCents + totals.vatCents);
    expect(() => computeInvoiceTotals(-1, 3800, 2100)).toThrow(RangeError);
    expect(() => computeInvoiceTotals(1, 38.5, 2100)).toThrow(RangeError);
  });
});

describe('invoice PDF', () => {
  it('invoices a paid order in Dutch with 21% VAT', async () => {
    const pdf = await renderInvoicePdf(invoiceData());
    const { text, flat, pages } = await readPdf(pdf);
    expect(pages).toBe(1);

    expect(text).toContain('Factuur');
    expect(text).toContain('Factuurnummer F-2026-000042');
    expect(text).toContain('Datum 22 november 2026');
    // Seller from configuration
    expect(text).toContain('Stichting Impactbeurs');
    expect(text).toContain('Coolsingel 40');
    expect(text).toContain('3011 AD Rotterdam');
    expect(text).toContain('KvK-nummer 90000001');
    expect(text).toContain('Btw-nummer NL009000001B01');
    expect(text).toContain('IBAN NL91 ABNA 0417 1643 00');
    // Buyer as on the order
    expect(text).toContain('Bouwbedrijf De Vries & Zoën B.V.');
    expect(text).toContain('Havenstraat 12');
    expect(text).toContain('3024 AB Rotterdam');
    expect(text).toContain('KvK-nummer 12345678');
    expect(text).toContain('Btw-nummer NL123456789B01');
    // The line: credits × price
    expect(flat).toContain('Impactcredits in het project „Werkervaringsplekken Groen Doet Goed”');
    expect(text).toContain('certificaat IB-2026-000123, serienummers 1001–1100');
    expect(text).toContain('100 € 38,00 € 3.800,00');
    // VAT and totals
    expect(text).toContain('Subtotaal € 3.800,00');
    expect(text).toContain('Btw 21% € 798,00');
    expect(text).toContain('Totaal € 4.598,00');
    expect(text).not.toContain(EXEMPTION);
    // Payment
    expect(text).toContain('Betaald op 22 november 2026 – online (Stripe)');
    expect(text).toContain('Betalingskenmerk: IB-7F3K2-9QX');
    expect(mappedCodePoints(pdf)).toContain('00a0');
  });

  it('prints the exemption text instead of a VAT line when the rate is zero, and asks an open invoice to be paid', async () => {
    const pdf = await renderInvoicePdf(
      invoiceData({
        vat: { rateBasisPoints: 0, exemptionText: { nl: EXEMPTION, en: EXEMPTION_EN } },
        dueAt: new Date('2026-12-06T09:30:00Z'),
        orderReference: 'IBO-7F3K2',
        payment: { method: 'invoice', status: 'open', reference: 'IB-7F3K2-9QX' },
      }),
    );
    const { text, flat } = await readPdf(pdf);
    expect(text).toContain('Subtotaal € 3.800,00');
    expect(text).toContain('Totaal € 3.800,00');
    expect(text).not.toMatch(/Btw \d/);
    expect(flat).toContain(EXEMPTION);
    expect(text).toContain('Vervaldatum 6 december 2026');
    expect(text).toContain('Bestelling IBO-7F3K2');
    expect(text).toContain('Openstaand');
    expect(flat).toContain(
      'Graag het totaalbedrag vóór 6 december 2026 overmaken op NL91 ABNA 0417 1643 00 ten name van Stichting Impactbeurs, onder vermelding van IB-7F3K2-9QX.',
    );
    expect(text).not.toContain('Betaald op');
  });

  it('writes a credit note for a refund, in English on request, with negated amounts', async () => {
    const pdf = await renderInvoicePdf(
      invoiceData({
        kind: 'credit_note',
        number: 'C-2026-000003',
        issuedAt: new Date('2026-12-01T10:00:00Z'),
        creditedInvoiceNumber: 'F-2026-000042',
        reason: 'Order cancelled – project did not go ahead',
        payment: {
          method: 'stripe',
          status: 'refunded',
          reference: 'IB-7F3K2-9QX',
          refundedAt: new Date('2026-12-01T10:00:00Z'),
        },
      }),
      'en',
    );
    const { text, flat, pages } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Credit note');
    expect(text).toContain('Credit note number C-2026-000003');
    expect(text).toContain('Date 1 December 2026');
    expect(text).toContain('Credited invoice F-2026-000042');
    expect(text).toContain('VAT number NL009000001B01');
    expect(text).toContain('-100 €38.00 -€3,800.00');
    expect(text).toContain('Subtotal -€3,800.00');
    expect(text).toContain('VAT 21% -€798.00');
    expect(text).toContain('Total -€4,598.00');
    expect(flat).toContain('This credit note credits invoice F-2026-000042.');
    expect(text).toContain('Reason: Order cancelled – project did not go ahead');
    expect(text).toContain('Refunded on 1 December 2026');
    expect(text).toContain('Payment reference: IB-7F3K2-9QX');
    expect(text).not.toMatch(/Factuur|Totaal/);
  });

  it('prints no Dutch on an English invoice or credit note, the VAT exemption included', async () => {
    const nl = INVOICE_TEXTS.nl;
    const en = INVOICE_TEXTS.en;
    // Every fixed Dutch text that differs from its English one, and the sentences built from them.
    const dutch = [
      ...Object.entries(nl)
        .filter(([key, value]) => typeof value === 'string' && value !== en[key as keyof typeof en])
        .map(([, value]) => value as string),
      ...Object.values(nl.paymentMethod).filter(
        (value) => !Object.values(en.paymentMethod).includes(value),
      ),
      nl.creditNoteStatement('F-2026-000042'),
      nl.paidOn('22 november 2026'),
      nl.refundedOn('1 december 2026'),
      nl.lineDescription('Werkervaringsplekken Groen Doet Goed'),
      'certificaat IB-2026-000123',
      EXEMPTION,
      'Vrijgesteld',
      'btw',
    ];
    expect(dutch.length).toBeGreaterThan(20);
    const zeroRate = { rateBasisPoints: 0, exemptionText: { nl: EXEMPTION, en: EXEMPTION_EN } };
    const invoice = await readPdf(await renderInvoicePdf(invoiceData({ vat: zeroRate }), 'en'));
    const creditNote = await readPdf(
      await renderInvoicePdf(
        invoiceData({
          kind: 'credit_note',
          number: 'C-2026-000003',
          creditedInvoiceNumber: 'F-2026-000042',
          vat: zeroRate,
          payment: {
            method: 'stripe',
            status: 'refunded',
            reference: 'IB-7F3K2-9QX',
            refundedAt: new Date('2026-12-01T10:00:00Z'),
          },
        }),
        'en',
      ),
    );
    for (const { flat } of [invoice, creditNote]) {
      expect(flat).toContain(EXEMPTION_EN);
      for (const sentence of dutch) expect(flat).not.toContain(sentence);
    }
    // And the Dutch invoice has the Dutch exemption, not the English one.
    const dutchInvoice = await readPdf(await renderInvoicePdf(invoiceData({ vat: zeroRate })));
    expect(dutchInvoice.flat).toContain(EXEMPTION);
    expect(dutchInvoice.flat).not.toContain(EXEMPTION_EN);
  });

  it('leaves out what the buyer did not give', async () => {
    const { text } = await readPdf(
      await renderInvoicePdf(
        invoiceData({
          buyer: {
            name: 'Gemeentelijk Bouwbedrijf',
            address: null,
            kvkNumber: null,
            vatNumber: null,
          },
        }),
      ),
    );
    expect(text).toContain('Aan\nGemeentelijk Bouwbedrijf');
    expect(text).not.toContain('Btw-nummer NL123456789B01');
    expect(text).not.toContain('KvK-nummer 12345678');
  });

  it('renders the same invoice to the same bytes', async () => {
    const first = await renderInvoicePdf(invoiceData());
    await sleep(15);
    expect((await renderInvoicePdf(invoiceData())).equals(first)).toBe(true);
    expect((await renderInvoicePdf(invoiceData({ number: 'F-2026-000043' }))).equals(first)).toBe(
      false,
    );
  });

  it('groups an IBAN in fours', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
