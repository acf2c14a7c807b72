import { z } from 'zod';
import { boundedDate, boundedDateTime } from '../../lib/dates.js';
import { pageSchema } from '../../lib/pagination.js';

/** PostgreSQL text cannot hold a NUL byte; refuse it here rather than fail in the query. */
// eslint-disable-next-line no-control-regex -- the NUL byte is what this refuses
const NO_NUL = /^[^\u0000]*$/;
const text = (min: number, max: number) =>
  z.string().trim().min(min).max(max).regex(NO_NUL, 'must not contain NUL characters');

export const ProjectIdParamsSchema = z.object({ id: z.uuid() });
export const PayoutIdParamsSchema = z.object({ id: z.uuid() });

export const PayoutStatusSchema = z
  .enum(['due', 'approved', 'paid'])
  .describe(
    'due: owed to the initiative, awaiting approval; approved: approved by one admin, awaiting payment by a second; paid: transferred, booked in the ledger with the bank reference',
  )
  .meta({ id: 'PayoutStatus' });

export const TrancheSchema = z
  .object({
    id: z.uuid().nullable().describe('null in the public view'),
    tranche: z
      .union([z.literal(1), z.literal(2)])
      .describe(
        '1: the threshold amount, due when the project is funded; 2: the rest, due when the final outcome report is accepted',
      ),
    amountCents: z.number().int(),
    status: PayoutStatusSchema,
    dueAt: z.iso.datetime(),
    dueReason: z.string(),
    approvedAt: z.iso.datetime().nullable(),
    paidAt: z.iso.datetime().nullable(),
    bankReference: z.string().nullable().describe('null in the public view'),
  })
  .meta({ id: 'FundingTranche' });

export const EscrowSchema = z
  .object({
    receivedCents: z.number().int().describe('Every payment received for the project'),
    refundedCents: z.number().int(),
    paidOutCents: z.number().int(),
    escrowCents: z.number().int().describe('received − refunded − paid out: held by the platform'),
    heldByDisputesCents: z
      .number()
      .int()
      .describe(
        'Part of the escrow Stripe holds for open payment disputes (funds withdrawn, not yet reinstated): not available for payouts',
      ),
    balanced: z
      .boolean()
      .describe('received = escrow + paid out + refunded, and escrow is not negative'),
  })
  .meta({ id: 'Escrow' });

export const FundingDecisionSchema = z
  .object({
    kind: z.enum(['deadline_extended', 'refund_all', 'extend_after_deadline']),
    previousDeadline: z.iso.datetime(),
    newDeadline: z.iso.datetime().nullable(),
    reason: z.string(),
    decidedBy: z.uuid(),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'FundingDecision' });

export const BuyerOrderOutcomeSchema = z
  .object({
    orderId: z.uuid(),
    status: z.enum(['reserved', 'paid', 'expired', 'cancelled', 'refunded']),
    quantity: z.number().int(),
    amountCents: z.number().int(),
    refundedAt: z.iso.datetime().nullable(),
    certificateNumber: z.string().nullable(),
    certificateStatus: z.enum(['active', 'suspended', 'revoked']).nullable(),
    why: z
      .string()
      .nullable()
      .describe(
        'Why the order was refunded or its reservation ended (e.g. the project failed to reach its threshold)',
      ),
    waitingFor: z
      .string()
      .nullable()
      .describe('Set when its refund waits (an approved claim on its certificate)'),
  })
  .meta({ id: 'BuyerOrderOutcome' });

export const BlockingClaimSchema = z
  .object({
    claimId: z.uuid(),
    certificateNumber: z.string(),
    authorityId: z.uuid(),
    authorityName: z.string(),
    credits: z.number().int(),
  })
  .meta({ id: 'BlockingClaim' });

export const FundingSchema = z
  .object({
    projectId: z.uuid(),
    title: z.string(),
    status: z.enum([
      'draft',
      'submitted',
      'in_review',
      'changes_requested',
      'approved',
      'rejected',
      'listed',
      'funded',
      'completed',
      'failed',
    ]),
    view: z
      .enum(['full', 'public'])
      .describe(
        'full: platform admins and the project’s initiative; public: everyone else (with their own orders and claims)',
      ),
    initiative: z.object({ id: z.uuid(), name: z.string() }),
    threshold: z.number().int().nullable(),
    supply: z.number().int().nullable(),
    sold: z.number().int(),
    reserved: z.number().int(),
    creditPriceCents: z.number().int().nullable(),
    thresholdAmountCents: z
      .number()
      .int()
      .nullable()
      .describe('threshold × price: the first tranche'),
    fundingDeadline: z.iso.datetime().nullable(),
    fundedAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
    failureReason: z.string().nullable(),
    waiting: z
      .object({
        since: z.iso.datetime(),
        reason: z.string(),
        blockingClaims: z
          .array(BlockingClaimSchema)
          .describe(
            'Full view: every approved claim in the way; authorities: their own; others: none',
          ),
      })
      .nullable()
      .describe(
        'Past the deadline below the threshold while an approved claim stands: the project waits for the authority to withdraw the approval or for an admin’s decision',
      ),
    refundsWaiting: z
      .number()
      .int()
      .describe('Paid orders of a failed project whose refund is still to be made'),
    escrow: EscrowSchema.nullable().describe('null in the public view'),
    tranches: z.array(TrancheSchema),
    decisions: z
      .array(FundingDecisionSchema)
      .describe('Deadline extensions and admin decisions; empty in the public view'),
    yourOrders: z
      .array(BuyerOrderOutcomeSchema)
      .describe('Supplier members: their own organisation’s orders of this project'),
  })
  .meta({ id: 'Funding' });

export type Funding = z.infer<typeof FundingSchema>;

export const ExtendDeadlineSchema = z.object({
  fundingDeadline: boundedDateTime().describe(
    'The new deadline: later than the current one and in the future',
  ),
  reason: text(3, 2000),
});

export const FundingDecisionInputSchema = z.object({
  decision: z
    .enum(['refund_all', 'extend_deadline'])
    .describe(
      'refund_all: the project fails now; approved claims on its certificates are invalidated and every buyer is refunded. extend_deadline: a new deadline, the project sells again until then',
    ),
  reason: text(3, 2000),
  fundingDeadline: boundedDateTime().optional().describe('Required with extend_deadline'),
});

export const PayoutSchema = z
  .object({
    id: z.uuid(),
    project: z.object({ id: z.uuid(), title: z.string() }),
    initiative: z.object({ id: z.uuid(), name: z.string() }),
    tranche: z.union([z.literal(1), z.literal(2)]),
    amountCents: z.number().int(),
    currency: z.literal('EUR'),
    status: PayoutStatusSchema,
    dueAt: z.iso.datetime(),
    dueReason: z.string(),
    reportAcceptedBy: z
      .uuid()
      .nullable()
      .describe(
        'Tranche 2: the admin who accepted the final report; may neither approve nor pay it',
      ),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    paidBy: z.uuid().nullable(),
    paidAt: z.iso.datetime().nullable(),
    bankReference: z.string().nullable(),
    transferReference: z
      .string()
      .describe(
        'Put this in the description of the bank transfer to the initiative (IBP-…): the uploaded bank statement then finds the payout and marks it paid',
      ),
  })
  .meta({ id: 'Payout' });

export type Payout = z.infer<typeof PayoutSchema>;

export const PayoutListSchema = pageSchema(PayoutSchema).meta({ id: 'PayoutList' });

export const ListPayoutsQuerySchema = z.object({
  status: z
    .enum(['due', 'approved', 'paid', 'open'])
    .optional()
    .describe('open: due or approved (not yet paid)'),
  projectId: z.uuid().optional(),
});

export const ExportPayoutsQuerySchema = z.object({
  status: z.enum(['due', 'approved', 'paid', 'open']).default('open'),
});

export const MarkPayoutPaidSchema = z.object({
  bankReference: text(1, 140).describe('The reference of the bank transfer to the initiative'),
});

export const LedgerReportSchema = z
  .object({
    projects: z.array(
      EscrowSchema.extend({ projectId: z.uuid(), title: z.string(), status: z.string() }),
    ),
    total: EscrowSchema,
  })
  .meta({ id: 'LedgerReport' });

export const ReconciliationQuerySchema = z.object({
  from: boundedDate('YYYY-MM-DD').describe('First day (Amsterdam time), inclusive'),
  to: boundedDate('YYYY-MM-DD').describe(
    'Last day (Amsterdam time), inclusive; at most 92 days after from',
  ),
});

export const ReconciliationDifferenceSchema = z
  .object({
    kind: z.enum([
      'payment_not_in_ledger',
      'payment_not_reported_by_stripe',
      'payment_amount_differs',
      'refund_not_in_ledger',
      'refund_not_reported_by_stripe',
      'refund_amount_differs',
    ]),
    orderId: z.uuid().nullable(),
    stripeCents: z.number().int().nullable(),
    ledgerCents: z.number().int().nullable(),
    reference: z.string().nullable(),
  })
  .meta({ id: 'ReconciliationDifference' });

export const ReconciliationDaySchema = z
  .object({
    day: z.string(),
    stripePaymentsCents: z.number().int(),
    ledgerStripePaymentsCents: z.number().int(),
    stripeRefundsCents: z.number().int(),
    ledgerStripeRefundsCents: z.number().int(),
    invoicePaymentsCents: z.number().int(),
    invoiceRefundsCents: z.number().int(),
    payoutsCents: z.number().int(),
    differences: z.array(ReconciliationDifferenceSchema),
  })
  .meta({ id: 'ReconciliationDay' });

export const ReconciliationReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z
      .array(ReconciliationDaySchema)
      .describe('Days with any money movement or difference, oldest first'),
    differences: z.number().int(),
    balanced: z.boolean().describe('No differences, and every project’s ledger balances'),
  })
  .meta({ id: 'ReconciliationReport' });

export type ReconciliationReport = z.infer<typeof ReconciliationReportSchema>;
