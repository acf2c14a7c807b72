import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import { readJson } from '../../db/json.js';
import type { Clock } from '../../lib/clock.js';
import type { Lang } from '../../lib/format.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import {
  certificatesRepository as repo,
  type CertificateView,
  type StoredDocument,
} from './certificates.repository.js';
import { addDays } from '../../lib/clock.js';
import {
  findCreditNoteDocument,
  findInvoiceOrder,
  findInvoicePurchase,
  findPurchaseInvoiceDocument,
  type InvoiceOrder,
  type InvoicePurchase,
  insertCreditNoteDocument,
  insertPurchaseInvoiceDocument,
} from './documents.repository.js';
import { type InvoiceAddress, type InvoicePdfData, renderInvoicePdf } from './invoice-pdf.js';

/**
 * The rendered documents of an order: certificate, invoice and credit note. Each is
 * rendered once, by the render job at fulfilment or refund (see document-jobs.ts) or, if
 * a download comes first, by that download; its bytes and SHA-256 are stored
 * (insert … on conflict do nothing), and whichever rendering was stored first is the
 * document every later download returns. A document is never rendered again: after a
 * refund the invoice stays as it was issued, and the credit note is the correction.
 * Access is checked by the caller (certificates.service.ts).
 */

export interface DocumentsDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  /** The kid printed on the certificate: the key that signs its JWS. */
  signingKeyId: string;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An invoice order's invoice is issued when it is placed; a Stripe order's when it is paid. */
function invoiceDate(order: InvoiceOrder): Date {
  return order.payment_method === 'stripe' && order.paid_at ? order.paid_at : order.created_at;
}

/** What the buyer quotes or sees: the transfer's reference, or the Stripe payment's id. */
function paymentReference(order: InvoiceOrder): string {
  if (order.payment_method === 'stripe')
    return order.stripe_payment_intent_id ?? order.paid_reference ?? order.payment_reference;
  return order.payment_reference;
}

function invoiceData(
  order: InvoiceOrder,
  config: Config,
): Omit<InvoicePdfData, 'kind' | 'number' | 'issuedAt' | 'payment'> {
  return {
    seller: config.seller,
    buyer: {
      name: order.billing_name,
      address: readJson<InvoiceAddress | null>(order.billing_address) ?? null,
      kvkNumber: order.billing_kvk_number,
      vatNumber: order.billing_vat_number,
    },
    line: {
      projectTitle: order.project_title,
      quantity: order.quantity,
      unitPriceCents: order.unit_price_cents,
      certificateNumber: order.certificate_number,
      serialStart: order.serial_start,
      serialEnd: order.serial_end,
    },
    vat: config.vat,
    currency: order.currency,
  };
}

export function createDocuments(deps: DocumentsDeps) {
  const { db, clock, config, signingKeyId } = deps;

  async function certificatePdf(view: CertificateView, lang: Lang): Promise<StoredDocument> {
    const stored = await repo.findDocument(db, view.id, lang);
    if (stored) return stored;
    const bytes = await renderCertificatePdf(
      {
        number: view.number,
        verificationCode: view.verification_code,
        publicUrl: config.publicUrl,
        issuer: config.seller.name,
        // The name as at issue, whenever the document is first rendered.
        supplier: {
          name: view.supplier_name_at_issue,
          kvkNumber: view.supplier_kvk_number_at_issue ?? '',
        },
        project: {
          title: view.project_title,
          summary: view.project_summary,
          expectedOutcomes: await repo.expectedOutcomes(db, view.project_id),
        },
        initiative: { name: view.initiative_name },
        credits: view.credits,
        serialStart: view.serial_start,
        serialEnd: view.serial_end,
        valueCents: Number(view.value_cents),
        currency: view.currency,
        issuedAt: view.issued_at,
        signingKeyId,
      },
      lang,
    );
    await repo.insertDocument(db, {
      certificateId: view.id,
      lang,
      sha256: sha256Hex(bytes),
      bytes,
      renderedAt: clock.now(),
    });
    // A concurrent first rendering may have been stored first: that one is the document.
    return (await repo.findDocument(db, view.id, lang))!;
  }

  /**
   * The invoice as it was issued, whatever happened after: a refund does not change it
   * (its credit note does), and neither does a payment. An invoice order's invoice is
   * issued when it is placed, to be paid: due date, IBAN, payment reference and the EPC QR
   * code, and nothing that only payment brings (no certificate, no "paid on"); the order
   * says whether it was paid. A Stripe order's invoice is issued when it is paid, and says so.
   * An order of a purchase has the purchase's one invoice.
   */
  async function invoicePdf(
    order: InvoiceOrder & { invoice_number: string },
    lang: Lang,
  ): Promise<StoredDocument> {
    if (order.purchase_id !== null) {
      const purchase = await findInvoicePurchase(db, order.purchase_id);
      if (!purchase || purchase.invoice_number === null)
        throw new Error(`purchase ${order.purchase_id} has no invoice`);
      return purchaseInvoicePdf({ ...purchase, invoice_number: purchase.invoice_number }, lang);
    }
    const stored = await repo.findInvoiceDocument(db, order.id, lang);
    if (stored) return stored;
    const due = order.payment_method === 'invoice';
    const data = invoiceData(order, config);
    const bytes = await renderInvoicePdf(
      {
        ...data,
        ...(due
          ? { line: { ...data.line, certificateNumber: null, serialStart: null, serialEnd: null } }
          : {}),
        kind: 'invoice',
        number: order.invoice_number,
        issuedAt: invoiceDate(order),
        dueAt: due ? invoiceDueDate(order.created_at) : null,
        payment: due
          ? { method: 'invoice', status: 'due', reference: order.payment_reference }
          : {
              method: order.payment_method,
              status: 'paid',
              reference: paymentReference(order),
              paidAt: order.paid_at,
            },
      },
      lang,
    );
    await repo.insertInvoiceDocument(db, {
      orderId: order.id,
      lang,
      sha256: sha256Hex(bytes),
      bytes,
      renderedAt: clock.now(),
    });
    return (await repo.findInvoiceDocument(db, order.id, lang))!;
  }

  /** When an invoice issued at placement is due: INVOICE_DUE_DAYS after it was placed. */
  function invoiceDueDate(placedAt: Date): Date {
    return addDays(placedAt, config.orders.invoiceDueDays);
  }

  /**
   * A purchase's one invoice: a line per project, one total, one payment reference. An
   * invoice purchase's is issued when it is placed, to be paid (with the EPC QR code for
   * the total); a Stripe purchase's when it is paid. Stored once, like every document.
   */
  async function purchaseInvoicePdf(
    purchase: InvoicePurchase & { invoice_number: string },
    lang: Lang,
  ): Promise<StoredDocument> {
    const stored = await findPurchaseInvoiceDocument(db, purchase.id, lang);
    if (stored) return stored;
    const lines = purchase.lines.map((line) => ({
      projectTitle: line.project_title,
      quantity: line.quantity,
      unitPriceCents: line.unit_price_cents,
    }));
    const due = purchase.payment_method === 'invoice';
    const bytes = await renderInvoicePdf(
      {
        kind: 'invoice',
        number: purchase.invoice_number,
        issuedAt: due ? purchase.created_at : (purchase.paid_at ?? purchase.created_at),
        dueAt: due ? invoiceDueDate(purchase.created_at) : null,
        seller: config.seller,
        buyer: {
          name: purchase.billing_name,
          address: readJson<InvoiceAddress | null>(purchase.billing_address) ?? null,
          kvkNumber: purchase.billing_kvk_number,
          vatNumber: purchase.billing_vat_number,
        },
        line: lines[0]!,
        lines,
        vat: config.vat,
        currency: purchase.currency,
        payment: due
          ? { method: 'invoice', status: 'due', reference: purchase.payment_reference }
          : {
              method: 'stripe',
              status: 'paid',
              reference:
                purchase.stripe_payment_intent_id ??
                purchase.paid_reference ??
                purchase.payment_reference,
              paidAt: purchase.paid_at,
            },
      },
      lang,
    );
    await insertPurchaseInvoiceDocument(db, {
      purchaseId: purchase.id,
      lang,
      sha256: sha256Hex(bytes),
      bytes,
      renderedAt: clock.now(),
    });
    return (await findPurchaseInvoiceDocument(db, purchase.id, lang))!;
  }

  /** The credit note of a refunded invoice: negative line and totals, the invoice it credits, the reason. */
  async function creditNotePdf(
    order: InvoiceOrder & {
      invoice_number: string;
      credit_note_id: string;
      credit_note_number: string;
      credit_note_issued_at: Date;
    },
    lang: Lang,
  ): Promise<StoredDocument> {
    const stored = await findCreditNoteDocument(db, order.credit_note_id, lang);
    if (stored) return stored;
    const bytes = await renderInvoicePdf(
      {
        ...invoiceData(order, config),
        kind: 'credit_note',
        number: order.credit_note_number,
        issuedAt: order.credit_note_issued_at,
        creditedInvoiceNumber: order.invoice_number,
        reason: order.credit_note_reason,
        payment: {
          method: order.payment_method,
          status: 'refunded',
          reference:
            order.payment_method === 'stripe'
              ? (order.refund_reference ?? paymentReference(order))
              : order.payment_reference,
          refundedAt: order.refunded_at ?? order.credit_note_issued_at,
        },
      },
      lang,
    );
    await insertCreditNoteDocument(db, {
      creditNoteId: order.credit_note_id,
      lang,
      sha256: sha256Hex(bytes),
      bytes,
      renderedAt: clock.now(),
    });
    return (await findCreditNoteDocument(db, order.credit_note_id, lang))!;
  }

  /**
   * The invoice of an order, for the e-mail that carries it: the one invoice the order has
   * (an invoice order's is issued at placement, a Stripe order's once paid). Undefined for
   * an order that has no invoice number yet or no longer exists.
   */
  async function currentInvoicePdf(
    orderId: string,
    lang: Lang,
  ): Promise<{ filename: string; bytes: Buffer } | undefined> {
    const order = await findInvoiceOrder(db, orderId);
    if (!order || order.invoice_number === null) return undefined;
    const document = await invoicePdf({ ...order, invoice_number: order.invoice_number }, lang);
    return { filename: `${order.invoice_number}-${lang}.pdf`, bytes: document.bytes };
  }

  return {
    certificatePdf,
    invoicePdf,
    purchaseInvoicePdf,
    creditNotePdf,
    currentInvoicePdf,

    /** A purchase's one invoice, for the e-mail that carries it (as currentInvoicePdf for an order). */
    async currentPurchaseInvoicePdf(
      purchaseId: string,
      lang: Lang,
    ): Promise<{ filename: string; bytes: Buffer } | undefined> {
      const purchase = await findInvoicePurchase(db, purchaseId);
      if (!purchase || purchase.invoice_number === null) return undefined;
      const document = await purchaseInvoicePdf(
        { ...purchase, invoice_number: purchase.invoice_number },
        lang,
      );
      return { filename: `${purchase.invoice_number}-${lang}.pdf`, bytes: document.bytes };
    },

    /** The invoice of a purchase, or undefined when it has none yet (a Stripe purchase not paid). */
    async purchaseInvoice(purchaseId: string, lang: Lang): Promise<StoredDocument | undefined> {
      const purchase = await findInvoicePurchase(db, purchaseId);
      if (!purchase || purchase.invoice_number === null) return undefined;
      return purchaseInvoicePdf({ ...purchase, invoice_number: purchase.invoice_number }, lang);
    },

    /**
     * The render job: every document the order has in `lang` that is not stored yet.
     * Safe to run twice, or beside a first download: the first stored rendering stands.
     */
    async renderOrderDocuments(
      orderId: string,
      lang: Lang = 'nl',
    ): Promise<{ rendered: string[] }> {
      const order = await findInvoiceOrder(db, orderId);
      if (!order || (order.status !== 'paid' && order.status !== 'refunded'))
        return { rendered: [] };
      const rendered: string[] = [];
      if (order.certificate_id) {
        const view = await repo.findView(db, order.certificate_id);
        if (view) {
          await certificatePdf(view, lang);
          rendered.push('certificate');
        }
      }
      const { invoice_number: invoiceNumber } = order;
      if (invoiceNumber !== null) {
        await invoicePdf({ ...order, invoice_number: invoiceNumber }, lang);
        rendered.push('invoice');
        const {
          credit_note_id: id,
          credit_note_number: number,
          credit_note_issued_at: issuedAt,
        } = order;
        if (id !== null && number !== null && issuedAt !== null) {
          await creditNotePdf(
            {
              ...order,
              invoice_number: invoiceNumber,
              credit_note_id: id,
              credit_note_number: number,
              credit_note_issued_at: issuedAt,
            },
            lang,
          );
          rendered.push('credit_note');
        }
      }
      return { rendered };
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
