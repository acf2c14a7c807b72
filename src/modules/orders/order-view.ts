import { randomInt } from 'node:crypto';
import type { OrderView } from './orders.repository.js';
import type { Order } from './orders.schemas.js';

/** The API's view of an order: a plain JSON value (it is also what an Idempotency-Key replays). */
export function toOrder(row: OrderView): Order {
  const address = row.billing_address as Order['billing']['address'];
  return {
    id: row.id,
    status: row.status,
    buyerOrganisationId: row.buyer_organisation_id,
    project: { id: row.project_id, title: row.project_title },
    quantity: row.quantity,
    unitPriceCents: row.unit_price_cents,
    amountCents: Number(row.amount_cents),
    currency: 'EUR',
    paymentMethod: row.payment_method,
    reservedUntil: row.reserved_until.toISOString(),
    invoiceNumber: row.invoice_number,
    paymentReference: row.payment_reference,
    checkoutUrl: row.status === 'reserved' ? row.stripe_checkout_url : null,
    billing: {
      name: row.billing_name,
      kvkNumber: row.billing_kvk_number,
      vatNumber: row.billing_vat_number,
      address: address ?? null,
    },
    payer:
      row.payer_name === null && row.payer_country === null && row.payer_tax_ids === null
        ? null
        : {
            name: row.payer_name,
            country: row.payer_country,
            taxIds: (row.payer_tax_ids ?? []) as { type: string; value: string }[],
          },
    paidAt: row.paid_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    refundedAt: row.refunded_at?.toISOString() ?? null,
    refundState: row.refund_state,
    needsAttention: row.needs_attention,
    certificate:
      row.certificate_id === null
        ? null
        : {
            id: row.certificate_id,
            number: row.certificate_number!,
            status: row.certificate_status!,
            credits: row.certificate_credits!,
            serialStart: row.certificate_serial_start!,
            serialEnd: row.certificate_serial_end!,
            valueCents: Number(row.certificate_value_cents),
            issuedAt: row.certificate_issued_at!.toISOString(),
          },
    purchaseId: row.purchase_id,
    createdAt: row.created_at.toISOString(),
  };
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A structured creditor reference (ISO 11649, "RF" + two check digits + 16 characters):
 * banks validate its check digits, so a mistyped reference is caught at the buyer's bank.
 * 16 characters of a 34-letter alphabet are ~81 random bits: collisions do not happen.
 */
export function newPaymentReference(): string {
  let body = '';
  for (let i = 0; i < 16; i++) body += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  const numeric = `${body}RF00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** ISO 11649 check (shared with the bank statement matching, which finds these references again). */
export { isValidCreditorReference } from '../../lib/creditor-reference.js';
