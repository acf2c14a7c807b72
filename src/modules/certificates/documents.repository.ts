import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { StoredDocument } from './certificates.repository.js';

/**
 * The SQL of the rendered documents besides the certificate's own (certificates.repository):
 * what an invoice and a credit note print, their stored bytes, and the documents the
 * render job has yet to make.
 */

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An order with what its invoice and credit note print. */
export async function findInvoiceOrder(db: Kysely<DB>, orderId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('projects as p', 'p.id', 'o.project_id')
    .leftJoin('certificates as c', 'c.order_id', 'o.id')
    .leftJoin('credit_notes as n', 'n.order_id', 'o.id')
    .select([
      'o.id',
      'o.buyer_organisation_id',
      'o.status',
      'o.quantity',
      'o.unit_price_cents',
      'o.amount_cents',
      'o.currency',
      'o.payment_method',
      'o.invoice_number',
      'o.payment_reference',
      'o.paid_at',
      'o.paid_reference',
      'o.stripe_payment_intent_id',
      'o.refunded_at',
      'o.billing_name',
      'o.billing_address',
      'o.billing_kvk_number',
      'o.billing_vat_number',
      'o.created_at',
      'o.purchase_id',
      'p.title as project_title',
      'c.id as certificate_id',
      'c.number as certificate_number',
      'c.serial_start',
      'c.serial_end',
      'n.id as credit_note_id',
      'n.number as credit_note_number',
      'n.reason as credit_note_reason',
      'n.issued_at as credit_note_issued_at',
      // What the money went back through: a Stripe refund's id (an invoice order's refund
      // is booked under its credit note number).
      sql<
        string | null
      >`(SELECT m.external_reference FROM money_ledger m WHERE m.order_id = o.id AND m.entry_type = 'refund_paid' ORDER BY m.id LIMIT 1)`.as(
        'refund_reference',
      ),
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

export type InvoiceOrder = NonNullable<Awaited<ReturnType<typeof findInvoiceOrder>>>;

export async function findCreditNoteDocument(
  db: Kysely<DB>,
  creditNoteId: string,
  lang: 'nl' | 'en',
): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('credit_note_documents')
    .select(['sha256', 'bytes'])
    .where('credit_note_id', '=', creditNoteId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  return row && { sha256: row.sha256, bytes: toBuffer(row.bytes) };
}

/** Stores a first rendering; when another request or job stored one first, that one stands. */
export async function insertCreditNoteDocument(
  db: Kysely<DB>,
  row: { creditNoteId: string; lang: 'nl' | 'en'; sha256: string; bytes: Buffer; renderedAt: Date },
): Promise<void> {
  await db
    .insertInto('credit_note_documents')
    .values({
      credit_note_id: row.creditNoteId,
      lang: row.lang,
      sha256: row.sha256,
      bytes: row.bytes,
      rendered_at: row.renderedAt,
    })
    .onConflict((oc) => oc.columns(['credit_note_id', 'lang']).doNothing())
    .execute();
}

/**
 * Orders paid (or refunded) since `since` of which a document in `lang` is still missing:
 * the certificate, the invoice or the credit note. The render job's sweep, for documents
 * whose job was lost (the embedded queue is not durable) or never sent.
 */
export async function findOrdersMissingDocuments(
  db: Kysely<DB>,
  since: Date,
  lang: 'nl' | 'en',
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('orders as o')
    .leftJoin('certificates as c', 'c.order_id', 'o.id')
    .leftJoin('credit_notes as n', 'n.order_id', 'o.id')
    .select('o.id')
    .where('o.paid_at', '>=', since)
    .where('o.status', 'in', ['paid', 'refunded'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.id', 'is not', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('certificate_documents as cd')
                .select('cd.lang')
                .whereRef('cd.certificate_id', '=', 'c.id')
                .where('cd.lang', '=', lang),
            ),
          ),
        ]),
        eb.and([
          eb('o.invoice_number', 'is not', null),
          eb('o.purchase_id', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('invoice_documents as id')
                .select('id.lang')
                .whereRef('id.order_id', '=', 'o.id')
                .where('id.lang', '=', lang),
            ),
          ),
        ]),
        // An order of a purchase: its invoice is the purchase's one document.
        eb.and([
          eb('o.invoice_number', 'is not', null),
          eb('o.purchase_id', 'is not', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('purchase_invoice_documents as pd')
                .select('pd.lang')
                .whereRef('pd.purchase_id', '=', 'o.purchase_id')
                .where('pd.lang', '=', lang),
            ),
          ),
        ]),
        eb.and([
          eb('n.id', 'is not', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('credit_note_documents as nd')
                .select('nd.lang')
                .whereRef('nd.credit_note_id', '=', 'n.id')
                .where('nd.lang', '=', lang),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('o.paid_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** A purchase with what its one invoice prints: the purchase's billing details and a line per project. */
export async function findInvoicePurchase(db: Kysely<DB>, purchaseId: string) {
  const purchase = await db
    .selectFrom('purchases')
    .selectAll()
    .where('id', '=', purchaseId)
    .executeTakeFirst();
  if (!purchase) return undefined;
  const lines = await db
    .selectFrom('orders as o')
    .innerJoin('projects as p', 'p.id', 'o.project_id')
    .select(['o.id', 'o.quantity', 'o.unit_price_cents', 'p.title as project_title'])
    .where('o.purchase_id', '=', purchaseId)
    .orderBy('p.title')
    .orderBy('o.id')
    .execute();
  return { ...purchase, lines };
}

export type InvoicePurchase = NonNullable<Awaited<ReturnType<typeof findInvoicePurchase>>>;

export async function findPurchaseInvoiceDocument(
  db: Kysely<DB>,
  purchaseId: string,
  lang: 'nl' | 'en',
): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('purchase_invoice_documents')
    .select(['sha256', 'bytes'])
    .where('purchase_id', '=', purchaseId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  return row && { sha256: row.sha256, bytes: toBuffer(row.bytes) };
}

/** Stores a first rendering; when another request or job stored one first, that one stands. */
export async function insertPurchaseInvoiceDocument(
  db: Kysely<DB>,
  row: { purchaseId: string; lang: 'nl' | 'en'; sha256: string; bytes: Buffer; renderedAt: Date },
): Promise<void> {
  await db
    .insertInto('purchase_invoice_documents')
    .values({
      purchase_id: row.purchaseId,
      lang: row.lang,
      sha256: row.sha256,
      bytes: row.bytes,
      rendered_at: row.renderedAt,
    })
    .onConflict((oc) => oc.columns(['purchase_id', 'lang']).doNothing())
    .execute();
}
