import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB, PayoutRow } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { type Actor, type Ctx, requirePlatformAdmin } from '../../lib/context.js';
import { creditorReferencesIn } from '../../lib/creditor-reference.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type FulfilResult,
  fulfilOrder,
  type OrderCtx,
  queueFulfilFollowUps,
} from '../settlement/fulfilment.js';
import { payoutReferencesIn, payPayout } from '../settlement/payouts.js';
import { fulfilPurchase, lockPurchase } from '../settlement/purchases.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import { type BankEntryRow, bankingRepository as repo } from './banking.repository.js';
import type {
  BankEntry,
  BankStatement,
  BankStatementDetail,
  BankStatementPage,
  BankEntryPage,
  BankUploadResult,
  ListExceptionsQuery,
  ListStatementsQuery,
  ResolveExceptionInput,
} from './banking.schemas.js';
import { CamtError, parseCamt053 } from './camt053.js';
import { toBankEntry, toBankStatement } from './banking-view.js';

export interface BankingDeps {
  db: Kysely<DB>;
  clock: Clock;
  jobs: JobQueue;
  log?: FastifyBaseLogger | undefined;
}

/** What matching decided for one entry (written on the entry, audited). */
type Outcome =
  | {
      status: 'matched_order';
      orderId: string;
      detail: string;
      /** One per order paid: one, or each line of a purchase. */
      fulfilments: FulfilResult[];
    }
  | { status: 'matched_payout'; payoutId: string; detail: string }
  | { status: 'unmatched'; detail: string }
  | {
      status: 'exception';
      reason: string;
      detail: string;
      orderId?: string | undefined;
      payoutId?: string | undefined;
    };

/** The payout path refused the transfer: rolled back, then queued as an exception. */
class PayoutRefused extends Error {
  constructor(
    readonly payoutId: string,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

const PAYOUT_REFUSALS: Partial<Record<string, string>> = {
  'PAYOUT.FOUR_EYES': 'four_eyes',
  'PAYOUT.FUNDS_HELD_BY_DISPUTE': 'funds_held_by_dispute',
  'PAYOUT.INSUFFICIENT_ESCROW': 'insufficient_escrow',
  'PAYOUT.PROJECT_FAILED': 'project_failed',
  'PAYOUT.NOT_APPROVED': 'payout_not_approved',
};

/** The reference a booking from a bank entry carries: the bank's own, else the payer's, else the entry. */
function bankReferenceOf(entry: BankEntryRow): string {
  return (
    entry.account_servicer_reference ??
    entry.end_to_end_id ??
    `bank-entry-${entry.id}`
  ).slice(0, 140);
}

const euros = (cents: number) => `€ ${(cents / 100).toFixed(2)}`;

/** What a credit pays: an invoice order, or a purchase (every line at once). */
type Payee = 'order' | 'purchase';

const vanished = (payee: Payee): Outcome => ({
  status: 'exception',
  reason: 'unknown_reference',
  detail: `the ${payee} vanished`,
});

/** Why a credit cannot pay the order or purchase it names (undefined: it can). */
function creditRefusal(
  entry: BankEntryRow,
  payee: Payee,
  on: { orderId: string },
  owed: {
    payment_method: string;
    currency: string;
    amount_cents: number | string | bigint;
    paid: boolean;
    refunded: boolean;
  },
): Outcome | undefined {
  const exception = (reason: string, detail: string): Outcome => ({
    status: 'exception',
    reason,
    detail,
    ...on,
  });
  if (owed.payment_method !== 'invoice')
    return exception(
      'not_invoice_order',
      `the ${payee} is paid through Stripe, not by bank transfer`,
    );
  if (owed.paid) return exception('already_paid', `the ${payee} was paid before`);
  if (owed.refunded) return exception('order_refunded', `the ${payee} is refunded`);
  if (entry.currency !== owed.currency)
    return exception(
      'other_currency',
      `paid in ${entry.currency}, the ${payee} is in ${owed.currency}`,
    );
  const amountCents = Number(entry.amount_cents);
  const expected = Number(owed.amount_cents);
  if (amountCents !== expected)
    return exception(
      amountCents < expected ? 'partial' : 'excess',
      `${euros(amountCents)} received, the ${payee} is ${euros(expected)}`,
    );
  return undefined;
}

/** A booking that paid nothing now: why, for the platform team. */
function outcomeOfBooking(
  payee: Payee,
  on: { orderId: string },
  result:
    { outcome: 'already_paid' | 'not_found' } | { outcome: 'mismatch' | 'ignored'; reason: string },
): Outcome {
  switch (result.outcome) {
    case 'already_paid':
      return {
        status: 'exception',
        reason: 'already_paid',
        detail: `the ${payee} was paid before`,
        ...on,
      };
    case 'ignored':
      return { status: 'exception', reason: 'order_refunded', detail: result.reason, ...on };
    case 'mismatch':
      return { status: 'exception', reason: 'mismatch', detail: result.reason, ...on };
    case 'not_found':
      return vanished(payee);
  }
}

/**
 * Bank statements (CAMT.053, issue 17): the platform team uploads the bank's statement; each
 * credit is matched to an open invoice order by its payment reference and amount, each debit
 * to an approved payout by its transfer reference and amount, and booked through the same
 * settlement paths as the admin's "mark paid"; what cannot be decided is queued for a person.
 */
export function createBankingService(deps: BankingDeps) {
  const { db, clock, jobs } = deps;
  const orderCtx = (ctx: Ctx): OrderCtx => ({ ...ctx, now: clock.now() });

  /**
   * A credit: matched by the payment reference(s) in its remittance information to an
   * invoice order, or to a purchase (its lines share its one reference: the transfer must
   * be the purchase's total, and then pays every line once, as the admin's mark-paid of the
   * purchase does; the entry is recorded against the purchase's first order).
   */
  async function matchCredit(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    entry: BankEntryRow,
  ): Promise<Outcome> {
    const amountCents = Number(entry.amount_cents);
    const text = [entry.remittance_structured, entry.remittance_unstructured]
      .filter(Boolean)
      .join(' ');
    const references = creditorReferencesIn(text);
    const orders = await settlementRepository.findOrdersByPaymentReference(trx, references);
    if (orders.length === 0)
      return {
        status: 'exception',
        reason: 'unknown_reference',
        detail:
          references.length === 0
            ? 'no payment reference in the remittance information'
            : `no order has the payment reference ${references.join(', ')}`,
      };
    const on = { orderId: orders[0]!.id };
    const booking = {
      amountCents,
      currency: entry.currency,
      method: 'invoice' as const,
      externalReference: bankReferenceOf(entry),
      cause: { type: 'bank_statement_entry' as const, id: entry.id, amountCents },
    };
    // A purchase's orders share its one payment reference: the transfer pays the purchase.
    const purchaseId = orders[0]!.purchase_id;
    if (purchaseId !== null && orders.every((order) => order.purchase_id === purchaseId)) {
      const purchase = await lockPurchase(trx, purchaseId);
      if (!purchase) return vanished('purchase');
      const refused = creditRefusal(entry, 'purchase', on, {
        ...purchase,
        paid: purchase.paid_at !== null,
        refunded: false,
      });
      if (refused) return refused;
      const result = await fulfilPurchase(trx, ctx, { purchaseId, ...booking });
      if (result.outcome !== 'fulfilled') return outcomeOfBooking('purchase', on, result);
      return {
        status: 'matched_order',
        detail: `paid: purchase ${purchase.invoice_number ?? purchaseId}, ${result.lines.length} orders`,
        fulfilments: result.lines,
        ...on,
      };
    }
    if (orders.length > 1)
      return {
        status: 'exception',
        reason: 'several_orders',
        detail: `one transfer names ${orders.length} orders: ${orders.map((o) => o.payment_reference).join(', ')}`,
      };
    const order = orders[0]!;
    const refused = creditRefusal(entry, 'order', on, {
      ...order,
      paid: order.status === 'paid',
      refunded: order.status === 'refunded',
    });
    if (refused) return refused;
    const fulfilment = await fulfilOrder(trx, ctx, {
      orderId: order.id,
      ...booking,
    });
    switch (fulfilment.outcome) {
      case 'fulfilled':
        return {
          status: 'matched_order',
          detail: `paid: invoice ${fulfilment.invoiceNumber}, certificate ${fulfilment.certificateNumber}`,
          fulfilments: [fulfilment],
          ...on,
        };
      case 'refund_required':
        // Booked as received; the reservation had lapsed and its credits are gone. The order
        // carries the refund_required flag for the platform team, who returns the money.
        return {
          status: 'matched_order',
          detail:
            'booked, but the reservation had lapsed and its credits are gone: refund required',
          fulfilments: [fulfilment],
          ...on,
        };
      default:
        return outcomeOfBooking('order', on, fulfilment);
    }
  }

  async function matchDebit(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    actor: Actor,
    entry: BankEntryRow,
  ): Promise<Outcome> {
    const text = [entry.remittance_unstructured, entry.remittance_structured, entry.end_to_end_id]
      .filter(Boolean)
      .join(' ');
    const references = payoutReferencesIn(text);
    // Bank costs, other outgoing transfers: not the platform's to match, listed as they are.
    if (references.length === 0)
      return { status: 'unmatched', detail: 'no payout reference: not a payout' };
    const payouts: PayoutRow[] = [];
    for (const reference of references)
      payouts.push(...(await settlementRepository.findPayoutsByTransferReference(trx, reference)));
    if (payouts.length === 0)
      return {
        status: 'exception',
        reason: 'unknown_payout_reference',
        detail: `no payout has the reference ${references.join(', ')}`,
      };
    if (payouts.length > 1)
      return {
        status: 'exception',
        reason: 'several_payouts',
        detail: `one transfer names ${payouts.length} payouts`,
      };
    const payout = payouts[0]!;
    const on = { payoutId: payout.id };
    const amountCents = Number(entry.amount_cents);
    if (payout.status === 'paid')
      return {
        status: 'exception',
        reason: 'payout_already_paid',
        detail: `the payout was recorded as paid before (${payout.bank_reference ?? ''})`,
        ...on,
      };
    if (payout.status !== 'approved')
      return {
        status: 'exception',
        reason: 'payout_not_approved',
        detail: 'money went out for a payout no admin approved',
        ...on,
      };
    if (amountCents !== Number(payout.amount_cents) || entry.currency !== payout.currency)
      return {
        status: 'exception',
        reason: 'payout_amount_mismatch',
        detail: `${euros(amountCents)} transferred, the payout is ${euros(Number(payout.amount_cents))}`,
        ...on,
      };
    try {
      await payPayout(trx, ctx, actor, {
        payoutId: payout.id,
        bankReference: bankReferenceOf(entry),
        now: ctx.now,
        bankEntry: { id: entry.id, amountCents },
      });
    } catch (error) {
      if (error instanceof AppError) throw new PayoutRefused(payout.id, error);
      throw error;
    }
    return {
      status: 'matched_payout',
      detail: `payout (tranche ${payout.tranche}) paid`,
      ...on,
    };
  }

  async function writeOutcome(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    entry: BankEntryRow,
    outcome: Outcome,
  ): Promise<void> {
    await repo.updateEntry(trx, entry.id, {
      match_status: outcome.status,
      match_detail: outcome.detail.slice(0, 500),
      order_id: 'orderId' in outcome ? (outcome.orderId ?? null) : null,
      payout_id: 'payoutId' in outcome ? (outcome.payoutId ?? null) : null,
      exception_reason: outcome.status === 'exception' ? outcome.reason : null,
      matched_at: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action:
        outcome.status === 'exception'
          ? 'bank_statement_entry.exception'
          : `bank_statement_entry.${outcome.status}`,
      subjectType: 'bank_statement_entry',
      subjectId: entry.id,
      summary: {
        statementId: entry.statement_id,
        direction: entry.direction,
        amountCents: Number(entry.amount_cents),
        bankReference: entry.account_servicer_reference,
        reason: outcome.status === 'exception' ? outcome.reason : null,
        detail: outcome.detail,
        orderId: 'orderId' in outcome ? (outcome.orderId ?? null) : null,
        payoutId: 'payoutId' in outcome ? (outcome.payoutId ?? null) : null,
      },
    });
  }

  /**
   * Matches one pending entry, in a transaction of its own: the entry row is locked first,
   * so of two uploads of the same file at once exactly one matches it, and a crash half-way
   * leaves the rest pending for the next upload of the file to finish.
   */
  async function matchEntry(ctx: Ctx, actor: Actor, entryId: string): Promise<void> {
    const octx = orderCtx(ctx);
    let fulfilments: FulfilResult[] = [];
    try {
      fulfilments = await db.transaction().execute(async (trx) => {
        const entry = await repo.lockEntry(trx, entryId);
        if (!entry || entry.match_status !== 'pending') return [];
        let outcome: Outcome;
        if (entry.reversal)
          outcome = {
            status: 'exception',
            reason: 'reversal',
            detail: 'the bank reversed an earlier booking (a returned transfer)',
          };
        else if (entry.direction === 'credit') outcome = await matchCredit(trx, octx, entry);
        else outcome = await matchDebit(trx, octx, actor, entry);
        await writeOutcome(trx, octx, entry, outcome);
        return outcome.status === 'matched_order' ? outcome.fulfilments : [];
      });
    } catch (error) {
      if (!(error instanceof PayoutRefused)) throw error;
      // The payout path refused (four eyes, escrow): nothing was booked; a person decides.
      await db.transaction().execute(async (trx) => {
        const entry = await repo.lockEntry(trx, entryId);
        if (!entry || entry.match_status !== 'pending') return;
        await writeOutcome(trx, octx, entry, {
          status: 'exception',
          reason: PAYOUT_REFUSALS[error.error.code] ?? 'payout_refused',
          detail: `${error.error.code}: ${error.error.message}`,
          payoutId: error.payoutId,
        });
      });
    }
    for (const fulfilment of fulfilments) await queueFulfilFollowUps(jobs, fulfilment);
  }

  async function statementView(id: string): Promise<BankStatement> {
    const row = await repo.findStatement(db, id);
    if (!row) throw notFound('Bank statement');
    return toBankStatement(row);
  }

  return {
    /** POST /v1/bank-statements: stores the file's statements once and matches their entries. */
    async upload(ctx: Ctx, file: Buffer): Promise<BankUploadResult> {
      const actor = requirePlatformAdmin(ctx);
      const sha256 = createHash('sha256').update(file).digest('hex');
      let statements;
      try {
        statements = parseCamt053(file.toString('utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        if (!(error instanceof CamtError)) throw error;
        throw new AppError(
          422,
          error.kind === 'not_camt053' ? 'BANK_STATEMENT.NOT_CAMT' : 'BANK_STATEMENT.INVALID',
          error.message,
        );
      }
      const octx = orderCtx(ctx);
      const stored = await db.transaction().execute(async (trx) => {
        const result: { id: string; created: boolean }[] = [];
        for (const statement of statements) {
          const row = await repo.insertStatement(trx, {
            sha256,
            size: file.length,
            statement,
            uploadedBy: actor.userId,
            at: octx.now,
          });
          if (!row) {
            // The same file was uploaded before (or is being, and committed first).
            const existing = await repo.findStatementOfFile(trx, sha256, statement.index);
            result.push({ id: existing!.id, created: false });
            continue;
          }
          let duplicates = 0;
          for (const tx of statement.transactions) {
            const entry = await repo.insertEntry(trx, row.id, tx);
            if (entry.match_status === 'duplicate') duplicates++;
          }
          await recordAudit(trx, octx, {
            action: 'bank_statement.uploaded',
            subjectType: 'bank_statement',
            subjectId: row.id,
            summary: {
              fileSha256: sha256,
              messageType: statement.messageType,
              accountIban: statement.accountIban,
              statementId: statement.statementId,
              transactions: statement.transactions.length,
              duplicates,
            },
          });
          result.push({ id: row.id, created: true });
        }
        return result;
      });
      // Pending entries of this file, also those a crashed earlier upload left behind.
      for (const entryId of await repo.pendingEntryIds(
        db,
        stored.map((s) => s.id),
      ))
        await matchEntry(ctx, actor, entryId);
      return {
        duplicate: stored.every((s) => !s.created),
        fileSha256: sha256,
        statements: await Promise.all(stored.map((s) => statementView(s.id))),
      };
    },

    async list(ctx: Ctx, query: ListStatementsQuery): Promise<BankStatementPage> {
      requirePlatformAdmin(ctx);
      const cursor = decodeCursor(query.cursor, ['seq'] as const, (v) => /^\d{1,18}$/.test(v.seq));
      const rows = await repo.listStatements(db, {
        before: cursor ? Number(cursor.seq) : undefined,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toBankStatement, (row) => ({ seq: String(row.seq) }));
    },

    async get(ctx: Ctx, id: string): Promise<BankStatementDetail> {
      requirePlatformAdmin(ctx);
      if (!isUuid(id)) throw notFound('Bank statement');
      const statement = await statementView(id);
      const entries = await repo.entriesOf(db, id);
      return { ...statement, entries: entries.map(toBankEntry) };
    },

    async exceptions(ctx: Ctx, query: ListExceptionsQuery): Promise<BankEntryPage> {
      requirePlatformAdmin(ctx);
      const cursor = decodeCursor(query.cursor, ['seq'] as const, (v) => /^\d{1,18}$/.test(v.seq));
      const rows = await repo.listExceptions(db, {
        status: query.status,
        after: cursor ? Number(cursor.seq) : undefined,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toBankEntry, (row) => ({ seq: String(row.seq) }));
    },

    /**
     * A platform admin decides an exception, once, with a note: book it as paid anyway (the
     * order or payout through the same settlement path), ignore it, or record that the
     * money was returned by hand. Audited with the entry as the cause.
     */
    async resolve(ctx: Ctx, entryId: string, input: ResolveExceptionInput): Promise<BankEntry> {
      const actor = requirePlatformAdmin(ctx);
      if (!isUuid(entryId)) throw notFound('Bank statement entry');
      const octx = orderCtx(ctx);
      const resolution =
        input.decision === 'book_as_paid'
          ? 'booked_as_paid'
          : input.decision === 'ignore'
            ? 'ignored'
            : 'refunded_by_hand';
      const { entry, fulfilments } = await db.transaction().execute(async (trx) => {
        const entry = await repo.lockEntry(trx, entryId);
        if (!entry) throw notFound('Bank statement entry');
        if (entry.match_status !== 'exception')
          throw conflict(
            'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION',
            `This entry is not an exception (${entry.match_status})`,
          );
        if (entry.resolved_at) {
          // A repeat of the same decision by the same admin answers as the first did.
          if (
            entry.resolution === resolution &&
            entry.resolved_by === actor.userId &&
            entry.resolution_note === input.note
          )
            return { entry, fulfilments: [] };
          throw conflict(
            'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION',
            `This exception was resolved before (${entry.resolution})`,
          );
        }
        let orderId = entry.order_id;
        let payoutId = entry.payout_id;
        let fulfilments: FulfilResult[] = [];
        const impossible = (why: string) => conflict('BANK_STATEMENT.DECISION_NOT_POSSIBLE', why);
        if (input.orderId && orderId && input.orderId !== orderId)
          throw impossible('The entry was matched to another order');
        if (input.payoutId && payoutId && input.payoutId !== payoutId)
          throw impossible('The entry was matched to another payout');
        if (input.decision === 'book_as_paid') {
          if (entry.direction === 'credit') {
            orderId ??= input.orderId ?? null;
            if (!orderId) throw impossible('Name the order (orderId) this transfer pays');
            const order = await settlementRepository.findOrder(trx, orderId);
            if (!order) throw notFound('Order');
            if (order.payment_method !== 'invoice')
              throw impossible('Only an invoice order is paid by bank transfer');
            const cause = {
              type: 'bank_statement_entry' as const,
              id: entry.id,
              amountCents: Number(entry.amount_cents),
            };
            if (order.purchase_id !== null) {
              // A line of a purchase is never paid on its own: the transfer pays the
              // purchase, every line once, at the purchase's total (as its mark-paid).
              const purchase = await lockPurchase(trx, order.purchase_id);
              if (!purchase) throw notFound('Purchase');
              const paid = await fulfilPurchase(trx, octx, {
                purchaseId: purchase.id,
                amountCents: Number(purchase.amount_cents),
                currency: purchase.currency,
                method: 'invoice',
                externalReference: bankReferenceOf(entry),
                cause,
              });
              if (paid.outcome !== 'fulfilled')
                throw impossible(
                  `The purchase cannot be booked as paid: ${'reason' in paid ? paid.reason : paid.outcome.replace('_', ' ')}`,
                );
              fulfilments = paid.lines;
            } else {
              // The person decided: the order counts as paid in full (a fee deducted, a
              // rounding); the amount the bank reported stays in the audit event.
              const fulfilment = await fulfilOrder(trx, octx, {
                orderId,
                amountCents: Number(order.amount_cents),
                currency: order.currency,
                method: 'invoice',
                externalReference: bankReferenceOf(entry),
                cause,
              });
              if (fulfilment.outcome !== 'fulfilled' && fulfilment.outcome !== 'refund_required')
                throw impossible(
                  `The order cannot be booked as paid: ${'reason' in fulfilment ? fulfilment.reason : fulfilment.outcome.replace('_', ' ')}`,
                );
              fulfilments = [fulfilment];
            }
          } else {
            payoutId ??= input.payoutId ?? null;
            if (!payoutId) throw impossible('Name the payout (payoutId) this transfer pays');
            await payPayout(trx, octx, actor, {
              payoutId,
              bankReference: bankReferenceOf(entry),
              now: octx.now,
              bankEntry: { id: entry.id },
            });
          }
        }
        const updated = await repo.updateEntry(trx, entry.id, {
          resolution,
          resolution_note: input.note,
          resolved_by: actor.userId,
          resolved_at: octx.now,
          order_id: orderId,
          payout_id: payoutId,
        });
        await recordAudit(trx, octx, {
          action: 'bank_statement_entry.resolved',
          subjectType: 'bank_statement_entry',
          subjectId: entry.id,
          summary: {
            reason: entry.exception_reason,
            decision: resolution,
            note: input.note,
            amountCents: Number(entry.amount_cents),
            orderId,
            payoutId,
          },
        });
        return { entry: updated, fulfilments };
      });
      for (const fulfilment of fulfilments) await queueFulfilFollowUps(jobs, fulfilment);
      return toBankEntry(entry);
    },
  };
}

export type BankingService = ReturnType<typeof createBankingService>;
