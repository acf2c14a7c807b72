import { z } from 'zod';
import { pageSchema, PageQuerySchema } from '../../lib/pagination.js';

/** PostgreSQL text cannot hold a NUL byte; refuse it here rather than fail in the query. */
// eslint-disable-next-line no-control-regex -- the NUL byte is what this refuses
const NO_NUL = /^[^\u0000]*$/;

export const BankStatementIdParamsSchema = z.object({ id: z.uuid() });
export const BankEntryIdParamsSchema = z.object({ id: z.uuid() });

export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

export const BankMatchStatusSchema = z
  .enum(['pending', 'matched_order', 'matched_payout', 'exception', 'unmatched', 'duplicate'])
  .describe(
    'pending: not matched yet (an upload that was cut off; uploading the file again finishes it); matched_order: an invoice order paid by this credit; matched_payout: a payout paid by this debit; exception: queued for a person (see exception.reason); unmatched: a debit without a payout reference (bank costs, other transfers), listed only; duplicate: the same bank entry was booked from an earlier statement (duplicateOf)',
  )
  .meta({ id: 'BankMatchStatus' });

export const BankExceptionReasonSchema = z
  .string()
  .describe(
    'partial, excess (the amount is not the order’s), unknown_reference (no order has the payment reference), several_orders, already_paid, order_refunded, not_invoice_order, other_currency, mismatch, reversal (the bank took back a booking), unknown_payout_reference, several_payouts, payout_not_approved, payout_already_paid, payout_amount_mismatch, four_eyes (the uploader approved the payout: another admin books it), funds_held_by_dispute, insufficient_escrow, project_failed, payout_refused',
  );

export const BankResolutionSchema = z
  .enum(['booked_as_paid', 'ignored', 'refunded_by_hand'])
  .meta({ id: 'BankExceptionResolution' });

export const BankEntrySchema = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    entryIndex: z.number().int().describe('The entry’s place in its statement (0-based)'),
    transactionIndex: z
      .number()
      .int()
      .describe('Its place in a batch entry split per transaction (0 for a single entry)'),
    batchSize: z.number().int().describe('Transactions in the bank entry: more than 1 for a batch'),
    bookingDate: z.iso.date(),
    valueDate: z.iso.date().nullable(),
    amountCents: z.number().int().describe('Always positive; see direction'),
    currency: z.string(),
    direction: z.enum(['credit', 'debit']).describe('credit: money in; debit: money out'),
    reversal: z.boolean().describe('The bank took back an earlier booking'),
    counterparty: z.object({ name: z.string().nullable(), iban: z.string().nullable() }),
    remittance: z.object({
      structured: z
        .string()
        .nullable()
        .describe('The structured creditor reference (RF…), as the payer’s bank sent it'),
      unstructured: z.string().nullable().describe('The free text the payer wrote'),
    }),
    endToEndId: z.string().nullable(),
    accountServicerReference: z.string().nullable().describe('The bank’s own reference'),
    duplicateOf: z.uuid().nullable().describe('The earlier entry that booked this one'),
    match: z.object({
      status: BankMatchStatusSchema,
      detail: z.string().nullable(),
      orderId: z.uuid().nullable(),
      payoutId: z.uuid().nullable(),
      matchedAt: z.iso.datetime().nullable(),
    }),
    exception: z
      .object({
        reason: BankExceptionReasonSchema,
        resolution: BankResolutionSchema.nullable().describe('null while open'),
        note: z.string().nullable(),
        resolvedBy: z.uuid().nullable(),
        resolvedAt: z.iso.datetime().nullable(),
      })
      .nullable()
      .describe('Only for match status exception'),
  })
  .meta({ id: 'BankStatementEntry' });
export type BankEntry = z.infer<typeof BankEntrySchema>;

export const BankStatementSchema = z
  .object({
    id: z.uuid(),
    messageType: z.string().describe('e.g. camt.053.001.02'),
    accountIban: z.string(),
    statementId: z.string().describe('The bank’s id of the statement'),
    createdAtBank: z.iso.datetime().nullable(),
    periodFrom: z.iso.datetime().nullable(),
    periodTo: z.iso.datetime().nullable(),
    currency: z.string(),
    openingBalanceCents: z.number().int().nullable(),
    closingBalanceCents: z.number().int().nullable(),
    fileSha256: z.string(),
    uploadedBy: z.uuid(),
    uploadedAt: z.iso.datetime(),
    counts: z
      .object({
        entries: z.number().int(),
        matched: z.number().int(),
        exceptions: z.number().int(),
        openExceptions: z.number().int(),
        unmatched: z.number().int(),
        duplicates: z.number().int(),
        pending: z.number().int(),
      })
      .describe('Its entries by match result'),
  })
  .meta({ id: 'BankStatement' });
export type BankStatement = z.infer<typeof BankStatementSchema>;

export const BankStatementDetailSchema = BankStatementSchema.extend({
  entries: z.array(BankEntrySchema).describe('Every transaction, in file order'),
}).meta({ id: 'BankStatementDetail' });
export type BankStatementDetail = z.infer<typeof BankStatementDetailSchema>;

export const BankUploadResultSchema = z
  .object({
    duplicate: z
      .boolean()
      .describe('The file was uploaded before: nothing new was stored or booked'),
    fileSha256: z.string(),
    statements: z.array(BankStatementSchema).describe('The file’s statements (one per Stmt)'),
  })
  .meta({ id: 'BankStatementUpload' });
export type BankUploadResult = z.infer<typeof BankUploadResultSchema>;

export const BankStatementPageSchema = pageSchema(BankStatementSchema).meta({
  id: 'BankStatementPage',
});
export type BankStatementPage = z.infer<typeof BankStatementPageSchema>;

export const BankEntryPageSchema = pageSchema(BankEntrySchema).meta({
  id: 'BankStatementEntryPage',
});
export type BankEntryPage = z.infer<typeof BankEntryPageSchema>;

export const ListStatementsQuerySchema = PageQuerySchema;
export type ListStatementsQuery = z.infer<typeof ListStatementsQuerySchema>;

export const ListExceptionsQuerySchema = PageQuerySchema.extend({
  status: z
    .enum(['open', 'resolved', 'all'])
    .default('open')
    .describe('open (the default): waiting for a decision'),
});
export type ListExceptionsQuery = z.infer<typeof ListExceptionsQuerySchema>;

export const ResolveExceptionSchema = z
  .strictObject({
    decision: z
      .enum(['book_as_paid', 'ignore', 'refunded_by_hand'])
      .describe(
        'book_as_paid: the order (credit) or payout (debit) is booked as paid on this transfer through the same path as mark-paid; ignore: nothing is booked; refunded_by_hand: the money was (or will be) returned outside the platform, noted',
      ),
    note: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .regex(NO_NUL, 'must not contain NUL characters')
      .describe('Why (kept with the entry and in the audit trail)'),
    orderId: z
      .uuid()
      .optional()
      .describe('For book_as_paid of a credit that names no order (unknown reference)'),
    payoutId: z.uuid().optional().describe('For book_as_paid of a debit that names no payout'),
  })
  .meta({ id: 'ResolveBankException' });
export type ResolveExceptionInput = z.infer<typeof ResolveExceptionSchema>;
