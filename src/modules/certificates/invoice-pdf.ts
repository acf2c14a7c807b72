import type { Config } from '../../config.js';
import {
  formatDate,
  formatInteger,
  formatMoney,
  formatPercentFromBasisPoints,
  type Lang,
} from '../../lib/format.js';
import { serialRange } from './certificate-pdf.js';
import { epcPayload } from './epc-qr.js';
import { A4, clip, COLOR, createDocument, drawQrCode, FONT, pdfText } from './pdf-common.js';
import { INVOICE_TEXTS } from './texts.js';

/**
 * The invoice for an order (and the credit note for its refund): gapless number, seller
 * from configuration, the buyer's billing details as they were on the order, one line
 * (credits × price), VAT by configuration, totals, and how and whether it was paid.
 * Dutch by default, English on request. Deterministic like the certificate.
 */

export interface InvoiceAddress {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface InvoicePdfData {
  kind: 'invoice' | 'credit_note';
  /** The gapless document number (invoice or credit-note series). */
  number: string;
  issuedAt: Date;
  /** Open invoices: pay before this date. */
  dueAt?: Date | null;
  /** Credit notes: the invoice they credit, and why. */
  creditedInvoiceNumber?: string | null;
  reason?: string | null;
  /** The order's own reference, if the buyer should see one besides the payment reference. */
  orderReference?: string | null;
  seller: Config['seller'];
  buyer: {
    name: string;
    address?: InvoiceAddress | null;
    kvkNumber?: string | null;
    vatNumber?: string | null;
  };
  line: InvoiceLine;
  /** A purchase over several projects: one line per project (replaces `line`). */
  lines?: InvoiceLine[] | undefined;
  vat: Config['vat'];
  currency: string;
  payment: {
    method: 'stripe' | 'invoice';
    /**
     * 'due': an invoice issued when the order was placed, to be paid by bank transfer: it
     * says how to pay (due date, IBAN, reference, EPC QR code) and never whether it was;
     * the order says that. 'open', 'paid', 'refunded': as the words say.
     */
    status: 'due' | 'open' | 'paid' | 'refunded';
    /** What the buyer quotes with a bank transfer, or the Stripe payment's id. */
    reference: string;
    paidAt?: Date | null;
    refundedAt?: Date | null;
  };
}

export interface InvoiceLine {
  projectTitle: string;
  quantity: number;
  unitPriceCents: number;
  certificateNumber?: string | null;
  serialStart?: number | null;
  serialEnd?: number | null;
}

export interface InvoiceTotals {
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** 0: the exemption text is printed instead of a VAT line. */
  rateBasisPoints: number;
}

/**
 * Credits × price is the net amount; VAT is the configured rate on it, rounded half up
 * to the cent once for the whole invoice; the total is their sum. With a zero rate the
 * total is the net amount and the invoice carries the exemption text.
 */
export function computeInvoiceTotals(
  quantity: number,
  unitPriceCents: number,
  rateBasisPoints: number,
): InvoiceTotals {
  for (const [name, value] of Object.entries({ quantity, unitPriceCents, rateBasisPoints })) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${name} must be a non-negative integer`);
  }
  const net = BigInt(quantity) * BigInt(unitPriceCents);
  const vat = (net * BigInt(rateBasisPoints) + 5_000n) / 10_000n;
  const total = net + vat;
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('invoice total out of range');
  return {
    netCents: Number(net),
    vatCents: Number(vat),
    totalCents: Number(total),
    rateBasisPoints,
  };
}

/** The totals of several lines: the net amounts add up, VAT is rounded once on their sum. */
export function computeLinesTotals(
  lines: readonly Pick<InvoiceLine, 'quantity' | 'unitPriceCents'>[],
  rateBasisPoints: number,
): InvoiceTotals {
  let net = 0;
  for (const line of lines) {
    net += computeInvoiceTotals(line.quantity, line.unitPriceCents, 0).netCents;
    if (!Number.isSafeInteger(net)) throw new RangeError('invoice total out of range');
  }
  return computeInvoiceTotals(1, net, rateBasisPoints);
}

const LEFT = 50;
const WIDTH = A4.width - 2 * LEFT;
const RIGHT = LEFT + WIDTH;
// Table columns: description | quantity | unit price | amount (right-aligned numbers)
const COL_QTY_RIGHT = 340;
const COL_PRICE_RIGHT = 440;
/** Banking apps read the EPC QR code from about 2.5 cm; this is 3.9 cm. */
const EPC_QR_SIZE = 110;

export async function renderInvoicePdf(data: InvoicePdfData, lang: Lang = 'nl'): Promise<Buffer> {
  const t = INVOICE_TEXTS[lang];
  const creditNote = data.kind === 'credit_note';
  const sign = creditNote ? -1 : 1;
  const lines = data.lines && data.lines.length > 0 ? data.lines : [data.line];
  const totals = computeLinesTotals(lines, data.vat.rateBasisPoints);
  const money = (cents: number) => formatMoney(sign * cents, lang, data.currency);
  const title = creditNote ? t.creditNoteTitle : t.invoiceTitle;
  const seller = data.seller;

  const { doc, tag, bytes } = createDocument({
    title: `${title} ${data.number}`,
    author: seller.name,
    subject: `${title} ${data.number} \u2013 ${pdfText(data.buyer.name)}`,
    date: data.issuedAt,
    lang,
  });

  tag.artifact(() => doc.rect(0, 0, A4.width, 8).fill(COLOR.accent));
  tag.add('P', () =>
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(COLOR.accent)
      .text('IMPACTBEURS', LEFT, 36, { lineBreak: false }),
  );

  // Seller, top right
  const sellerLines = [
    ...pdfText(seller.address).split(/,\s*|\n/),
    `${t.kvkLabel} ${seller.kvkNumber}`,
    `${t.vatNumberLabel} ${seller.vatNumber}`,
    `${t.ibanLabel} ${formatIban(seller.iban)}`,
    seller.email,
  ];
  tag.add('P', () => {
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(pdfText(seller.name), 330, 36, { width: RIGHT - 330, align: 'right' });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(sellerLines.join('\n'), 330, doc.y + 2, {
        width: RIGHT - 330,
        align: 'right',
        lineGap: 1,
      });
  });

  tag.add('H1', () =>
    doc
      .font(FONT.bold)
      .fontSize(24)
      .fillColor(COLOR.text)
      .text(title, LEFT, 160, { lineBreak: false }),
  );

  // Buyer, left
  let y = 205;
  const buyerTop = y;
  tag.add('H2', () =>
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(t.billedToLabel, LEFT, buyerTop, { lineBreak: false }),
  );
  tag.add('P', () =>
    doc
      .font(FONT.bold)
      .fontSize(11)
      .fillColor(COLOR.text)
      .text(pdfText(clip(data.buyer.name, 100)), LEFT, buyerTop + 13, {
        width: 260,
        height: 28,
        ellipsis: true,
      }),
  );
  const buyerLines = [
    ...addressLines(data.buyer.address),
    data.buyer.kvkNumber ? `${t.kvkLabel} ${data.buyer.kvkNumber}` : undefined,
    data.buyer.vatNumber ? `${t.vatNumberLabel} ${data.buyer.vatNumber}` : undefined,
  ].filter((line): line is string => line !== undefined);
  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(10)
      .text(pdfText(buyerLines.join('\n')), LEFT, doc.y + 1, {
        width: 260,
        height: 70,
        ellipsis: true,
        lineGap: 1,
      }),
  );
  const buyerBottom = doc.y;

  // Document facts, right
  const facts: [string, string][] = [
    [creditNote ? t.creditNoteNumberLabel : t.invoiceNumberLabel, data.number],
    [t.dateLabel, formatDate(data.issuedAt, lang)],
  ];
  if (creditNote && data.creditedInvoiceNumber)
    facts.push([t.creditsInvoiceLabel, data.creditedInvoiceNumber]);
  if (
    !creditNote &&
    (data.payment.status === 'open' || data.payment.status === 'due') &&
    data.dueAt
  )
    facts.push([t.dueDateLabel, formatDate(data.dueAt, lang)]);
  if (data.orderReference) facts.push([t.orderLabel, data.orderReference]);
  let factY = y;
  tag.group('Table', (table) => {
    for (const [label, value] of facts) {
      const at = factY;
      table.group('TR', (tr) => {
        tr.add(
          'TH',
          () =>
            doc
              .font(FONT.bold)
              .fontSize(9)
              .fillColor(COLOR.muted)
              .text(label, 330, at + 1, { width: 100, lineBreak: false }),
          { scope: 'Row' },
        );
        tr.add('TD', () =>
          doc
            .font(FONT.regular)
            .fontSize(10)
            .fillColor(COLOR.text)
            .text(pdfText(value), 430, at, {
              width: RIGHT - 430,
              align: 'right',
              lineBreak: false,
            }),
        );
      });
      factY += 16;
    }
  });

  // The lines: a table with a header row and one row per project
  y = Math.max(buyerBottom, factY) + 30;
  const headerY = y;
  const compact = lines.length > 1;
  let lineBottom = 0;
  tag.group('Table', (table) => {
    table.group('TR', (tr) => {
      const header = (text: string, x: number, width: number, align: 'left' | 'right') =>
        tr.add(
          'TH',
          () =>
            doc
              .font(FONT.bold)
              .fontSize(9)
              .fillColor(COLOR.muted)
              .text(text, x, headerY, { width, align, lineBreak: false }),
          { scope: 'Column' },
        );
      header(t.descriptionLabel, LEFT, COL_QTY_RIGHT - 70 - LEFT, 'left');
      header(t.quantityLabel, COL_QTY_RIGHT - 60, 60, 'right');
      header(t.unitPriceLabel, COL_PRICE_RIGHT - 95, 95, 'right');
      header(t.amountLabel, RIGHT - 100, 100, 'right');
    });
    y += 14;
    tag.artifact(() => rule(doc, y));
    y += 8;
    for (const line of lines) {
      const serials =
        line.serialStart != null && line.serialEnd != null
          ? serialRange(line.serialStart, line.serialEnd)
          : undefined;
      const detail = t.lineDetail({
        ...(line.certificateNumber ? { certificate: line.certificateNumber } : {}),
        ...(serials ? { serials } : {}),
      });
      const rowY = y;
      const net = computeInvoiceTotals(line.quantity, line.unitPriceCents, 0).netCents;
      table.group('TR', (tr) => {
        tr.add('TD', () => {
          doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
          doc.text(pdfText(t.lineDescription(clip(line.projectTitle, 160))), LEFT, rowY, {
            width: COL_QTY_RIGHT - 70 - LEFT,
            height: compact ? 26 : 40,
            ellipsis: true,
          });
          const descriptionBottom = doc.y;
          if (detail)
            doc
              .font(FONT.regular)
              .fontSize(8)
              .fillColor(COLOR.muted)
              .text(detail, LEFT, descriptionBottom + 2, {
                width: COL_QTY_RIGHT - 70 - LEFT,
                height: 22,
                ellipsis: true,
              });
          lineBottom = doc.y;
        });
        const cell = (text: string, x: number, width: number) =>
          tr.add('TD', () =>
            doc
              .font(FONT.regular)
              .fontSize(10)
              .fillColor(COLOR.text)
              .text(text, x, rowY, { width, align: 'right', lineBreak: false }),
          );
        cell(formatInteger(sign * line.quantity, lang), COL_QTY_RIGHT - 60, 60);
        cell(formatMoney(line.unitPriceCents, lang, data.currency), COL_PRICE_RIGHT - 95, 95);
        cell(money(net), RIGHT - 100, 100);
      });
      y = Math.max(lineBottom, y + 14) + (compact ? 6 : 0);
    }
  });
  y += 8;
  tag.artifact(() => rule(doc, y));
  y += 10;

  // Totals
  const totalRows: [string, string, boolean][] = [[t.subtotalLabel, money(totals.netCents), false]];
  if (totals.rateBasisPoints > 0)
    totalRows.push([
      t.vatLabel(formatPercentFromBasisPoints(totals.rateBasisPoints, lang)),
      money(totals.vatCents),
      false,
    ]);
  totalRows.push([t.totalLabel, money(totals.totalCents), true]);
  tag.group('Table', (table) => {
    for (const [label, value, bold] of totalRows) {
      const at = y;
      table.group('TR', (tr) => {
        const font = () =>
          doc
            .font(bold ? FONT.bold : FONT.regular)
            .fontSize(bold ? 11 : 10)
            .fillColor(COLOR.text);
        tr.add('TH', () => font().text(label, 300, at, { width: 140, lineBreak: false }), {
          scope: 'Row',
        });
        tr.add('TD', () =>
          font().text(value, RIGHT - 120, at, { width: 120, align: 'right', lineBreak: false }),
        );
      });
      y += bold ? 18 : 15;
    }
  });
  if (totals.rateBasisPoints === 0) {
    tag.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(9)
        .fillColor(COLOR.muted)
        .text(pdfText(data.vat.exemptionText[lang]), 300, y + 2, {
          width: RIGHT - 300,
          height: 36,
          ellipsis: true,
        }),
    );
    y = doc.y;
  }

  // Payment, or what the credit note is about
  y += 24;
  const paymentHeadingY = y;
  tag.add('H2', () =>
    doc
      .font(FONT.bold)
      .fontSize(12)
      .fillColor(COLOR.accent)
      .text(t.paymentHeading, LEFT, paymentHeadingY, { lineBreak: false }),
  );
  y += 18;
  const paymentLines: string[] = [];
  if (creditNote) {
    if (data.creditedInvoiceNumber)
      paymentLines.push(t.creditNoteStatement(data.creditedInvoiceNumber));
    if (data.reason) paymentLines.push(`${t.reasonLabel}: ${clip(data.reason, 300)}`);
  }
  const status = data.payment;
  if (status.status === 'paid' && status.paidAt)
    paymentLines.push(
      `${t.paidOn(formatDate(status.paidAt, lang))} \u2013 ${t.paymentMethod[status.method]}`,
    );
  else if (status.status === 'refunded' && status.refundedAt)
    paymentLines.push(t.refundedOn(formatDate(status.refundedAt, lang)));
  else if (status.status === 'open' || status.status === 'due') {
    if (status.status === 'open') paymentLines.push(t.open);
    if (data.dueAt) {
      paymentLines.push(
        t.payBefore({
          date: formatDate(data.dueAt, lang),
          iban: formatIban(seller.iban),
          seller: seller.name,
          reference: status.reference,
        }),
      );
    }
  }
  paymentLines.push(`${t.referenceLabel}: ${status.reference}`);
  // An invoice to pay by bank transfer carries the EPC QR code that banking apps read.
  const epc =
    !creditNote && status.method === 'invoice' && status.status === 'due'
      ? epcPayload({
          name: seller.name,
          iban: seller.iban,
          amountCents: totals.totalCents,
          reference: status.reference,
        })
      : undefined;
  if (y > (epc ? 600 : 660)) {
    doc.addPage();
    y = 60;
  }
  const paymentY = y;
  const textWidth = epc ? WIDTH - EPC_QR_SIZE - 20 : WIDTH;
  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(pdfText(paymentLines.join('\n')), LEFT, paymentY, {
        width: textWidth,
        height: 110,
        ellipsis: true,
        lineGap: 2,
      }),
  );
  if (epc) {
    const qrX = RIGHT - EPC_QR_SIZE;
    tag.add('Figure', () => drawQrCode(doc, epc, { x: qrX, y: paymentY, size: EPC_QR_SIZE }), {
      alt: t.epcQrAlt,
      bbox: [qrX, paymentY, qrX + EPC_QR_SIZE, paymentY + EPC_QR_SIZE],
      placement: 'Block',
    });
    tag.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(8)
        .fillColor(COLOR.muted)
        .text(t.epcQrCaption, qrX - 20, paymentY + EPC_QR_SIZE + 4, {
          width: EPC_QR_SIZE + 20,
          align: 'center',
          lineBreak: false,
        }),
    );
  }

  // Footer
  tag.artifact(() => rule(doc, 770));
  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(pdfText(t.contactLine(seller.email)), LEFT, 778, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      }),
  );
  tag.add('P', () =>
    doc.text(
      pdfText(
        `${seller.name} \u00b7 ${t.kvkLabel} ${seller.kvkNumber} \u00b7 ${t.vatNumberLabel} ${seller.vatNumber} \u00b7 ${t.ibanLabel} ${formatIban(seller.iban)}`,
      ),
      LEFT,
      790,
      { width: WIDTH, align: 'center', lineBreak: false },
    ),
  );

  doc.end();
  return bytes;
}

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
}

/** NL91 ABNA 0417 1643 00: the way people read an IBAN. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function addressLines(address: InvoiceAddress | null | undefined): string[] {
  if (!address) return [];
  return [
    address.street,
    `${address.postalCode} ${address.city}`,
    ...(address.country && address.country !== 'NL' ? [address.country] : []),
  ];
}
