import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import type { StripeRefundStatus } from '../../db/types.js';
import { conflict } from '../../lib/errors.js';
import { type ProviderRefundStatus, toRefundStatus } from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import { type OrderCtx, recordRefund } from './fulfilment.js';
import { lockLines, lockPurchase } from './purchases.js';
import {
  applyStripeRefund,
  nextStripeRefundStatus,
  type StripeRefundOutcome,
} from './refund-states.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * Refunds of a purchase's one Stripe payment (issue 19), per line (issue 17).
 *
 * The platform refunds a line (POST /v1/orders/{id}/refund) by a partial refund of the
 * purchase's payment intent for the line's amount, under the line's own idempotency key
 * and with the line's id in the refund's metadata (refunds.ts). Stripe's events name only
 * the payment intent, so a refund of a purchase's payment is attributed to a line by:
 *
 * 1. the refund already known (stripe_refunds: the API answer, or an earlier event, named it);
 * 2. else its metadata.order_id, when that is a line of this purchase (a refund the
 *    platform made whose answer has not arrived yet);
 * 3. else (a refund made in Stripe's dashboard): the one line still paid, with no refund
 *    of its own under way, whose amount is exactly the refund's amount;
 * 4. else it cannot be attributed (part of a line, several lines at once, two lines of the
 *    same amount): nothing is booked, and every line still paid is flagged
 *    `purchase_refund_unattributed` with the refund's id, for the platform team to decide:
 *    no split is guessed from the amounts; an admin names the lines the refund gave back
 *    (resolveUnattributedRefund, below), which books them under the refund's id.
 *
 * An attributed refund then moves its line exactly as a single order's refund moves the
 * order (refund-states.ts): pending, succeeded or failed, whichever report comes first,
 * once. charge.refunded says only the charge's cumulative refunded amount over all lines,
 * so for a purchase it books nothing: the refund objects decide.
 */

export interface PurchaseRefundReport {
  purchaseId: string;
  refundId: string;
  amountCents: number;
  status: ProviderRefundStatus;
  failureReason: string | null;
  /** metadata.order_id of the refund, as Stripe reports it. */
  metadataOrderId: string | null;
}

export type PurchaseRefundOutcome =
  | (StripeRefundOutcome & { lineId: string })
  /** A refund an admin booked on several lines: a later event changes nothing, or flags them. */
  | { outcome: 'unchanged' | 'refund_failed_after_booking'; lineId: null }
  | { outcome: 'refund_unattributed'; lineId: null }
  | { outcome: 'not_found'; lineId: null };

const UNATTRIBUTED = 'purchase_refund_unattributed';
const unattributedDetail = (refundId: string, amountCents: number) =>
  `${refundId} of ${amountCents} cents`;
const lineIds = (lines: OrderRow[]) => lines.map((line) => line.id);

/** The purchase's Stripe payment intent (recorded when it was paid), for a line's refund. */
export async function purchasePaymentIntent(
  db: Kysely<DB>,
  purchaseId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('purchases')
    .select('stripe_payment_intent_id')
    .where('id', '=', purchaseId)
    .executeTakeFirst();
  return row?.stripe_payment_intent_id ?? null;
}

/** Rules 1–3 above; null when the refund cannot be attributed. */
export function attributeRefund(
  lines: OrderRow[],
  known: { order_id: string } | undefined,
  refund: Pick<PurchaseRefundReport, 'amountCents' | 'metadataOrderId'>,
): OrderRow | null {
  if (known) return lines.find((line) => line.id === known.order_id) ?? null;
  const named = lines.find((line) => line.id === refund.metadataOrderId);
  if (named) return named;
  const candidates = lines.filter(
    (line) =>
      line.status === 'paid' &&
      line.refund_requested_at === null &&
      Number(line.amount_cents) === refund.amountCents,
  );
  return candidates.length === 1 ? candidates[0]! : null;
}

/** A refund event (refund.*, charge.refund.updated) of a purchase's payment. */
export async function applyPurchaseRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  report: PurchaseRefundReport,
): Promise<PurchaseRefundOutcome> {
  const purchase = await lockPurchase(trx, report.purchaseId);
  if (!purchase) return { outcome: 'not_found', lineId: null };
  const lines = await lockLines(trx, purchase.id);
  const known = await repo.lockStripeRefund(trx, report.refundId);
  // A refund an admin attributed to several lines (resolveUnattributedRefund) is booked on
  // them under its id: later events of it book nothing more, and one that fails flags them.
  const booked = known ? [] : await repo.ordersRefundedBy(trx, report.refundId, lineIds(lines));
  if (booked.length > 0) {
    const failed = report.status === 'failed' || report.status === 'canceled';
    if (failed)
      for (const orderId of booked)
        await repo.flagOrder(
          trx,
          orderId,
          `refund_failed_after_booking: ${report.refundId}${report.failureReason ? ` (${report.failureReason})` : ''}`,
          ctx.now,
        );
    // Over several lines, so the event names none (reconciliation counts the booked shares).
    return { outcome: failed ? 'refund_failed_after_booking' : 'unchanged', lineId: null };
  }
  const line = attributeRefund(lines, known, report);
  if (line) {
    const result = await applyStripeRefund(trx, ctx, {
      refundId: report.refundId,
      orderId: line.id,
      amountCents: report.amountCents,
      status: report.status,
      failureReason: report.failureReason,
      reportedBy: 'webhook',
      source: 'stripe_webhook',
      reason: 'refunded through Stripe',
    });
    return { ...result, lineId: line.id };
  }
  // A refund's later events add nothing to the list: a line flagged for it once (the flag
  // open, or resolved by an admin) is not flagged again; each event is in the audit trail.
  // A refund that failed gave nothing back: its flags are resolved, and none is raised.
  const detail = unattributedDetail(report.refundId, report.amountCents);
  const flagged: string[] = [];
  if (report.status === 'failed' || report.status === 'canceled') {
    for (const flag of await repo.lockOpenFlagsLike(trx, lineIds(lines), UNATTRIBUTED, detail)) {
      await repo.resolveFlagById(
        trx,
        flag.id,
        null,
        `refund ${report.refundId} ${report.status} at Stripe: nothing was given back`,
        ctx.now,
      );
      await repo.syncAttention(trx, flag.order_id, ctx.now);
    }
  } else
    for (const candidate of lines) {
      if (candidate.status !== 'paid') continue;
      if (await repo.wasFlagged(trx, candidate.id, UNATTRIBUTED, detail)) continue;
      await repo.flagOrder(trx, candidate.id, `${UNATTRIBUTED}: ${detail}`, ctx.now);
      flagged.push(candidate.id);
    }
  await recordAudit(trx, ctx, {
    action: 'purchase.refund_unattributed',
    subjectType: 'purchase',
    subjectId: purchase.id,
    summary: {
      refundId: report.refundId,
      amountCents: report.amountCents,
      status: report.status,
      failureReason: report.failureReason,
      flaggedLines: flagged,
    },
  });
  return { outcome: 'refund_unattributed', lineId: null };
}

const UNATTRIBUTED_DETAIL = /^(re_[A-Za-z0-9_]+) of (\d+) cents$/;

/** A flag as the repository reads it. */
interface FlagRow {
  id: string;
  order_id: string;
  code: string;
  detail: string | null;
}

/**
 * A platform admin settles a refund of a purchase's payment that no rule could attribute
 * (a `purchase_refund_unattributed` flag, raised on every line still paid), with a note:
 *
 * - naming the lines the refund gave back (`refundedOrderIds`, from Stripe's dashboard or
 *   the buyer's request): each must be a line of this purchase still paid without a refund
 *   under way, their amounts must add up to exactly the refund's, and Stripe's events must
 *   report the refund succeeded. Each named line is then booked refunded (recordRefund:
 *   credits back, certificate revoked, credit note, ledger) under the refund's id; nothing
 *   is asked of Stripe, since the money has left already;
 * - naming none: nothing is booked (e.g. the refund was settled outside the platform).
 *
 * Either way the refund's flag is resolved on every line (one problem), with the note and
 * the admin's id, and audited. The caller holds the purchase's row, then its lines'.
 */
export async function resolveUnattributedRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  actor: { userId: string },
  input: {
    purchase: { id: string; stripe_payment_intent_id: string | null };
    lines: OrderRow[];
    flag: FlagRow;
    refundedOrderIds: readonly string[];
    note: string;
  },
): Promise<void> {
  const { purchase, lines, flag, note } = input;
  const match = UNATTRIBUTED_DETAIL.exec(flag.detail ?? '');
  const refused = (detail: string) => conflict('ORDER.REFUND_NOT_ATTRIBUTABLE', detail);
  const named = [...new Set(input.refundedOrderIds)];
  if (named.length > 0) {
    if (!match || !purchase.stripe_payment_intent_id)
      throw refused('This flag names no refund of the purchase’s Stripe payment');
    const refundId = match[1]!;
    const reported = await repo.reportedRefund(trx, refundId, purchase.stripe_payment_intent_id);
    const status = (reported?.statuses ?? []).reduce<StripeRefundStatus | undefined>(
      (current, next) => nextStripeRefundStatus(current, toRefundStatus(next)),
      undefined,
    );
    if (!reported || status !== 'succeeded')
      throw refused(
        `Stripe reports refund ${refundId} as ${status ?? 'unknown'}: only a refund that succeeded is booked`,
      );
    if (
      (await repo.lockStripeRefund(trx, refundId)) ||
      (await repo.ordersRefundedBy(trx, refundId, lineIds(lines))).length > 0
    )
      throw refused(`Refund ${refundId} is booked on a line already`);
    const chosen: OrderRow[] = [];
    for (const id of named) {
      const line = lines.find((candidate) => candidate.id === id);
      if (!line || line.status !== 'paid' || line.refund_requested_at !== null)
        throw refused(
          `Order ${id} is not a line of this purchase that is paid without a refund under way`,
        );
      chosen.push(line);
    }
    const total = chosen.reduce((sum, line) => sum + Number(line.amount_cents), 0);
    if (total !== reported.amountCents)
      throw refused(
        `The lines named add up to ${total} cents; refund ${refundId} is ${reported.amountCents} cents`,
      );
    // Each line's certificate, then its project's row: in the order of the projects' ids.
    chosen.sort((a, b) => (a.project_id < b.project_id ? -1 : a.project_id > b.project_id ? 1 : 0));
    for (const line of chosen) {
      const booked = await recordRefund(trx, ctx, {
        orderId: line.id,
        amountCents: Number(line.amount_cents),
        externalReference: refundId,
        source: 'admin',
        reason: `refund ${refundId} made at Stripe, attributed by an admin: ${note}`.slice(0, 500),
      });
      // An approved claim on the line's certificate (or anything else): nothing is booked.
      if (booked.outcome !== 'refunded')
        throw refused(`Order ${line.id} cannot be refunded now (${booked.outcome})`);
    }
    await recordAudit(trx, ctx, {
      action: 'purchase.refund_attributed',
      subjectType: 'purchase',
      subjectId: purchase.id,
      summary: {
        refundId,
        amountCents: reported.amountCents,
        orderIds: chosen.map((line) => line.id),
        note,
      },
    });
  }
  for (const open of await repo.lockOpenFlagsLike(trx, lineIds(lines), flag.code, flag.detail)) {
    await repo.resolveFlagById(trx, open.id, actor.userId, note, ctx.now);
    await repo.syncAttention(trx, open.order_id, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'order.flag_resolved',
      subjectType: 'order',
      subjectId: open.order_id,
      summary: { flagId: open.id, code: open.code, detail: open.detail, note },
    });
  }
}
