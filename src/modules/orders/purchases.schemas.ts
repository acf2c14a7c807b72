import { z } from 'zod';
import {
  BillingSchema,
  MAX_ORDER_QUANTITY,
  OrderSchema,
  PaymentMethodSchema,
} from './orders.schemas.js';

/** A purchase meets one obligation; more lines than this is not one purchase but a list. */
export const MAX_PURCHASE_LINES = 10;

export const CreatePurchaseSchema = z
  .object({
    lines: z
      .array(
        z.object({
          projectId: z.uuid().describe('A listed (or funded) project before its funding deadline'),
          credits: z.number().int().min(1).max(MAX_ORDER_QUANTITY).describe('Number of credits'),
        }),
      )
      .min(1)
      .max(MAX_PURCHASE_LINES)
      .refine((lines) => new Set(lines.map((line) => line.projectId)).size === lines.length, {
        message: 'each project may appear on one line only',
      })
      .describe('One line per project: each becomes an order with its own certificate'),
    paymentMethod: PaymentMethodSchema,
  })
  .meta({ id: 'CreatePurchase' });

export type CreatePurchaseInput = z.infer<typeof CreatePurchaseSchema>;

export const PurchaseStatusSchema = z
  .enum(['reserved', 'paid', 'expired', 'cancelled'])
  .describe(
    'reserved: every line’s credits held until reservedUntil, awaiting the one payment; paid: every line fulfilled (each order says what became of it); expired/cancelled: the holds ended unpaid',
  )
  .meta({ id: 'PurchaseStatus' });

export const PurchaseSchema = z
  .object({
    id: z.uuid(),
    status: PurchaseStatusSchema,
    buyerOrganisationId: z.uuid(),
    paymentMethod: PaymentMethodSchema,
    amountCents: z.number().int().describe('The total of the lines, to pay at once'),
    currency: z.literal('EUR'),
    reservedUntil: z.iso.datetime(),
    invoiceNumber: z
      .string()
      .nullable()
      .describe(
        'The one invoice of the purchase (INV- series): an invoice purchase has it from placement, a Stripe purchase once paid',
      ),
    paymentReference: z
      .string()
      .describe('Structured creditor reference (ISO 11649) to quote with the one bank transfer'),
    checkoutUrl: z
      .string()
      .nullable()
      .describe('Stripe purchases: the one Checkout Session, a line per project'),
    billing: BillingSchema,
    payTo: z
      .object({
        name: z.string().describe('The account holder: the platform foundation'),
        iban: z.string().describe('The account to transfer the total to'),
        dueAt: z.iso.datetime().describe('Pay before this moment (the invoice’s due date)'),
      })
      .nullable()
      .describe(
        'Invoice purchases: where and by when to transfer the total, quoting `paymentReference` (as on the invoice); null for Stripe purchases',
      ),
    paidAt: z.iso.datetime().nullable(),
    lines: z.array(
      z.object({
        project: z.object({ id: z.uuid(), title: z.string() }),
        credits: z.number().int(),
        unitPriceCents: z.number().int(),
        amountCents: z.number().int(),
        order: OrderSchema,
      }),
    ),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Purchase' });

export type Purchase = z.infer<typeof PurchaseSchema>;

export const MarkPurchasePaidSchema = z
  .object({
    amountCents: z.number().int().min(1).describe('What the bank transfer brought in, in cents'),
    bankReference: z.string().min(1).max(200).describe('The bank’s reference of the transfer'),
  })
  .meta({ id: 'MarkPurchasePaid' });

export type MarkPurchasePaidInput = z.infer<typeof MarkPurchasePaidSchema>;

export const CancelPurchaseSchema = z
  .object({ reason: z.string().min(1).max(500) })
  .meta({ id: 'CancelPurchase' });

export const ProposalQuerySchema = z
  .object({
    amountCents: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000_000_000)
      .optional()
      .describe('The obligation to cover, in cents (or give contractId to use what remains of it)'),
    contractId: z
      .uuid()
      .optional()
      .describe(
        'A contract of the supplier: its remaining obligation and valuation (credit factor) are used',
      ),
    municipality: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Prefer projects in this municipality'),
    targetGroup: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Prefer projects for this target group'),
    theme: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Prefer projects whose title or summary mention this'),
  })
  .refine((query) => query.amountCents !== undefined || query.contractId !== undefined, {
    message: 'give amountCents or contractId',
  });

export type ProposalQuery = z.infer<typeof ProposalQuerySchema>;

export const ProposalSchema = z
  .object({
    obligation: z.object({
      amountCents: z.number().int().describe('What is to be covered, in euros (cents)'),
      creditFactorBp: z
        .number()
        .int()
        .describe('The contract’s valuation: a credit counts for price × factor (10000 = 100%)'),
      contractId: z.uuid().nullable(),
    }),
    lines: z.array(
      z.object({
        project: z.object({ id: z.uuid(), title: z.string() }),
        credits: z.number().int(),
        unitPriceCents: z.number().int(),
        amountCents: z.number().int().describe('What the line costs'),
        countsCents: z.number().int().describe('What the line counts toward the obligation'),
        reasons: z.array(z.string()).describe('The preferences it meets'),
      }),
    ),
    credits: z.number().int(),
    amountCents: z.number().int().describe('What the proposal costs'),
    countsCents: z.number().int().describe('What it counts toward the obligation'),
    uncoveredCents: z
      .number()
      .int()
      .describe(
        'What it leaves uncovered (0 when covered; more when too few credits are for sale)',
      ),
  })
  .meta({ id: 'PurchaseProposal' });

export type Proposal = z.infer<typeof ProposalSchema>;
