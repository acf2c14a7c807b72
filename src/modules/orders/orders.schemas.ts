import { z } from 'zod';
import { IDEMPOTENCY_KEY_PATTERN } from '../../lib/idempotency.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

/** Far above any project's supply, low enough that quantity × price stays a safe integer. */
export const MAX_ORDER_QUANTITY = 1_000_000;

/** PostgreSQL text cannot hold a NUL byte; refuse it here rather than fail in the query. */
// eslint-disable-next-line no-control-regex -- the NUL byte is what this refuses
const NO_NUL = /^[^\u0000]*$/;

export const PaymentMethodSchema = z
  .enum(['stripe', 'invoice'])
  .describe(
    'stripe: pay now by card or iDEAL through Stripe Checkout (only when Stripe is configured); invoice: bank transfer within the invoice term',
  )
  .meta({ id: 'PaymentMethod' });

export const OrderStatusSchema = z
  .enum(['reserved', 'paid', 'expired', 'cancelled', 'refunded'])
  .describe(
    'reserved: credits held until reservedUntil, awaiting payment; paid: certificate issued; expired/cancelled: the hold ended, credits released; refunded: the payment went back, certificate revoked',
  )
  .meta({ id: 'OrderStatus' });

export const CreateOrderSchema = z
  .object({
    projectId: z.uuid().describe('A listed (or funded) project before its funding deadline'),
    quantity: z.number().int().min(1).max(MAX_ORDER_QUANTITY).describe('Number of credits'),
    paymentMethod: PaymentMethodSchema,
  })
  .meta({ id: 'CreateOrder' });

export type CreateOrderInput = z.infer<typeof CreateOrderSchema>;

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, 'must be 1–255 visible ASCII characters')
    .describe(
      'Required. A unique key per intended order (a UUID will do). Repeating a request with the same key returns the first response (status and body); the same key with another body answers 422. Keys are scoped to the organisation.',
    ),
});

export const BillingSchema = z
  .object({
    name: z.string(),
    kvkNumber: z.string().nullable(),
    vatNumber: z.string().nullable(),
    address: z
      .object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() })
      .nullable(),
  })
  .describe('The buyer organisation’s billing details as they were when the order was placed')
  .meta({ id: 'OrderBilling' });

const OrderCertificateSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe('e.g. IB-2026-000123'),
    status: z.enum(['active', 'suspended', 'revoked']),
    credits: z.number().int(),
    serialStart: z.number().int().describe('First serial number of the credits (inclusive)'),
    serialEnd: z.number().int().describe('Last serial number (inclusive)'),
    valueCents: z.number().int(),
    issuedAt: z.iso.datetime(),
  })
  .describe('The certificate issued when the order was paid')
  .meta({ id: 'OrderCertificate' });

export const OrderFlagSchema = z
  .object({
    id: z.uuid(),
    code: z
      .string()
      .describe(
        'What the problem is: payment_mismatch, refund_required, refund_amount_mismatch, refund_failed, refund_failed_after_booking, project_failed_refund_waits_for_approved_claim, duplicate_payment, …',
      ),
    detail: z.string().nullable(),
    raisedAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedBy: z
      .uuid()
      .nullable()
      .describe('The admin who resolved it; null when the event that settles it did'),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'OrderFlag' });

export const OrderSchema = z
  .object({
    id: z.uuid(),
    status: OrderStatusSchema,
    buyerOrganisationId: z.uuid(),
    project: z.object({ id: z.uuid(), title: z.string() }),
    quantity: z.number().int(),
    unitPriceCents: z.number().int().describe('Price of one credit, in cents'),
    amountCents: z.number().int().describe('quantity × unitPriceCents'),
    currency: z.literal('EUR'),
    paymentMethod: PaymentMethodSchema,
    reservedUntil: z.iso
      .datetime()
      .describe('The credits are held until then; an unpaid order then expires'),
    invoiceNumber: z
      .string()
      .nullable()
      .describe('Invoice orders: gapless yearly number, e.g. INV-2026-000001'),
    paymentReference: z
      .string()
      .describe('Structured creditor reference (ISO 11649) to quote with a bank transfer'),
    checkoutUrl: z.string().nullable().describe('Stripe orders: where the buyer pays'),
    billing: BillingSchema,
    payer: z
      .object({
        name: z.string().nullable(),
        country: z.string().nullable().describe('ISO 3166-1 alpha-2, of the billing address'),
        taxIds: z.array(z.object({ type: z.string(), value: z.string() })),
      })
      .nullable()
      .describe(
        'Stripe orders: who paid, as Stripe reported it at Checkout, kept only as far as bookkeeping needs (name, billing country, VAT ids); null otherwise',
      ),
    paidAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable().describe('When the order expired or was cancelled'),
    closeReason: z.string().nullable(),
    refundedAt: z.iso.datetime().nullable(),
    refundState: z
      .enum(['requested', 'pending', 'failed'])
      .nullable()
      .describe(
        'Where a refund through Stripe stands: requested (asked, outcome unknown), pending (Stripe holds it; the certificate is suspended until the outcome), failed (nothing went back: the order stays paid). Null when none is under way; a refund that succeeded makes the order refunded.',
      ),
    needsAttention: z
      .string()
      .nullable()
      .describe(
        'Set when an admin must look at the order (e.g. a payment that did not match): the latest open flag as `code: detail`; every open flag is in `attentionFlags`',
      ),
    attentionFlags: z
      .array(z.lazy(() => OrderFlagSchema))
      .optional()
      .describe(
        'Platform admins: every open problem of the order, oldest first, each resolved on its own',
      ),
    certificate: OrderCertificateSchema.nullable(),
    purchaseId: z
      .uuid()
      .nullable()
      .describe(
        'The purchase this order is a line of (one invoice or Checkout Session for several projects), or null',
      ),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Order' });

export type Order = z.infer<typeof OrderSchema>;

export const ListOrdersQuerySchema = PageQuerySchema.extend({
  status: OrderStatusSchema.optional(),
  projectId: z.uuid().optional(),
  organisationId: z
    .uuid()
    .optional()
    .describe('Platform admins: only this buyer organisation’s orders'),
  needsAttention: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Platform admins: only orders that do (true) or do not (false) need attention'),
});

export type ListOrdersQuery = z.infer<typeof ListOrdersQuerySchema>;

export const OrderPageSchema = pageSchema(OrderSchema).meta({ id: 'OrderPage' });
export type OrderPage = z.infer<typeof OrderPageSchema>;

const Reason = z.string().trim().min(1).max(1000).regex(NO_NUL, 'must not contain NUL characters');

export const MarkPaidSchema = z
  .object({
    amountCents: z
      .number()
      .int()
      .min(1)
      .describe('The amount received; must equal the order’s amount'),
    bankReference: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(NO_NUL, 'must not contain NUL characters')
      .describe('The bank’s reference of the transfer'),
  })
  .meta({ id: 'MarkOrderPaid' });

export type MarkPaidInput = z.infer<typeof MarkPaidSchema>;

export const CancelOrderSchema = z.object({ reason: Reason }).meta({ id: 'CancelOrder' });
export type CancelOrderInput = z.infer<typeof CancelOrderSchema>;

export const OrderFlagListSchema = z
  .object({
    items: z.array(OrderFlagSchema),
    // The list shape every list has; an order's flags are few and come in one page.
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'OrderFlagList' });

export const OrderFlagParamsSchema = z.object({ id: z.uuid(), flagId: z.uuid() });

export const ResolveFlagSchema = z
  .strictObject({
    note: Reason.describe('Why the problem is settled (kept with the flag)'),
    refundedOrderIds: z
      .array(z.uuid())
      .min(1)
      .max(10)
      .optional()
      .describe(
        'Only for `purchase_refund_unattributed`: the lines of the purchase that the Stripe refund gave back. Each must be still paid without a refund under way, their amounts must add up to the refund’s, and Stripe must report it succeeded; they are then booked refunded (credit notes, credits back, certificates revoked), nothing is asked of Stripe. Left out: nothing is booked.',
      ),
  })
  .meta({ id: 'ResolveOrderFlag' });
export type ResolveFlagInput = z.infer<typeof ResolveFlagSchema>;

export const RefundOrderSchema = z.object({ reason: Reason }).meta({ id: 'RefundOrder' });
export type RefundOrderInput = z.infer<typeof RefundOrderSchema>;
