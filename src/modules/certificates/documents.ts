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
import {
  findCreditNoteDocument,
  findInvoiceOrder,
  type InvoiceOrder,
  insertCreditNoteDocument,
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
   * The invoice as it was issued: paid (every invoice is handed out once its order is
   * paid), whatever happened after. A refund does not change it; its credit note does.
   */
  async function invoicePdf(
    order: InvoiceOrder & { invoice_number: string },
    lang: Lang,
  ): Promise<StoredDocument> {
    const stored = await repo.findInvoiceDocument(db, order.id, lang);
    if (stored) return stored;
    const bytes = await renderInvoicePdf(
      {
        ...invoiceData(order, config),
        kind: 'invoice',
        number: order.invoice_number,
        issuedAt: invoiceDate(order),
        dueAt: null,
        payment: {
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
   * The invoice of an order as it stands, for the e-mail that carries it: while the order
   * waits for its transfer an open invoice (pay before the reservation ends), rendered on
   * the spot and not stored; once paid, the stored invoice. Undefined for an order that has
   * no invoice number (a Stripe order before payment) or no longer exists.
   */
  async function currentInvoicePdf(
    orderId: string,
    lang: Lang,
  ): Promise<{ filename: string; bytes: Buffer } | undefined> {
    const order = await findInvoiceOrder(db, orderId);
    if (!order || order.invoice_number === null) return undefined;
    const number = order.invoice_number;
    const filename = `${number}-${lang}.pdf`;
    if (order.status === 'paid' || order.status === 'refunded')
      return {
        filename,
        bytes: (await invoicePdf({ ...order, invoice_number: number }, lang)).bytes,
      };
    const bytes = await renderInvoicePdf(
      {
        ...invoiceData(order, config),
        kind: 'invoice',
        number,
        issuedAt: invoiceDate(order),
        dueAt: order.reserved_until,
        payment: {
          method: order.payment_method,
          status: 'open',
          reference: paymentReference(order),
        },
      },
      lang,
    );
    return { filename, bytes };
  }

  return {
    certificatePdf,
    invoicePdf,
    creditNotePdf,
    currentInvoicePdf,

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
