import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { OrderCtx } from '../settlement/fulfilment.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  applyDisputeToOrder,
  applyDisputeToPurchase,
  lockPurchaseForDispute,
} from '../settlement/purchase-disputes.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import {
  CLOSED_DISPUTE_STATUSES,
  type DisputeRecord,
  type Payer,
  stripeEventsRepository as repo,
} from './stripe-events.repository.js';

/**
 * Card disputes (chargebacks) reported by Stripe. They are recorded here; what a dispute
 * does to the order's certificate (DESIGN §4 Certificate: active → suspended while a
 * dispute is open → active again when won, revoked when lost) belongs to the
 * settlement module, which plugs its rule into `applyDisputeToCertificate` below.
 */

export const DISPUTE_EVENT_TYPES = [
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'charge.dispute.closed',
] as const;
export type DisputeEventType = (typeof DISPUTE_EVENT_TYPES)[number];

export interface DisputeSnapshot {
  id: string;
  chargeId: string;
  paymentIntentId: string | null;
  amountCents: number;
  status: string;
  reason: string | null;
  createdAt: Date;
  /**
   * What the dispute's balance transactions say: Stripe took the money (a negative one)
   * and gave it back (a positive one). Every dispute event carries them, so a late or
   * shuffled event still tells the whole story.
   */
  withdrawnInBalance: boolean;
  reinstatedInBalance: boolean;
}

const AUDIT_ACTIONS: Record<DisputeEventType, string> = {
  'charge.dispute.created': 'payment.dispute_opened',
  'charge.dispute.updated': 'payment.dispute_updated',
  'charge.dispute.funds_withdrawn': 'payment.dispute_funds_withdrawn',
  'charge.dispute.funds_reinstated': 'payment.dispute_funds_reinstated',
  'charge.dispute.closed': 'payment.dispute_closed',
};

/**
 * The settlement module's hook: called in the webhook's transaction after the dispute is
 * stored, with the dispute as it now stands (`closedAt` set once closed; `status` then
 * 'won', 'lost', 'warning_closed' …) and the order it concerns (null when the payment is
 * not known yet). The rule lives in settlement/certificate-status.ts.
 */
export async function applyDisputeToCertificate(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  dispute: DisputeRecord,
): Promise<void> {
  // A purchase's one payment: split over its lines, each line as an order of its own.
  if (dispute.purchaseId) {
    await applyDisputeToPurchase(trx, ctx, { ...dispute, purchaseId: dispute.purchaseId });
    return;
  }
  if (dispute.orderId === null) return;
  await applyDisputeToOrder(trx, ctx, { ...dispute, orderId: dispute.orderId });
}

/** Stores a dispute event (idempotent, any order of arrival) and audits it. */
export async function recordDispute(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  type: DisputeEventType,
  dispute: DisputeSnapshot,
  eventCreatedAt: Date,
): Promise<DisputeRecord> {
  // A single order's payment, or a purchase's one payment (issue 19), or not recorded yet.
  const payer = dispute.paymentIntentId
    ? await repo.findPayer(trx, dispute.paymentIntentId)
    : undefined;
  const orderId = payer?.kind === 'order' ? payer.id : null;
  const purchaseId = payer?.kind === 'purchase' ? payer.id : null;
  // The purchase's row and its lines' rows first, as its fulfilment takes them.
  if (purchaseId) await lockPurchaseForDispute(trx, purchaseId);
  // The order's row first, then (in applyDisputeToCertificate) its certificate's: the lock
  // order of docs/architecture.md, which every refund and fulfilment keeps. A lost dispute
  // refunds the order, and taken the other way round it deadlocked with an admin's refund.
  if (orderId) await settlementRepository.lockOrder(trx, orderId);
  const stored = await repo.upsertDispute(trx, {
    id: dispute.id,
    orderId,
    purchaseId,
    chargeId: dispute.chargeId,
    amountCents: dispute.amountCents,
    status: dispute.status,
    reason: dispute.reason,
    openedAt: dispute.createdAt,
    closedAt:
      type === 'charge.dispute.closed' || CLOSED_DISPUTE_STATUSES.has(dispute.status)
        ? eventCreatedAt
        : null,
    fundsWithdrawnAt:
      type === 'charge.dispute.funds_withdrawn' || dispute.withdrawnInBalance
        ? eventCreatedAt
        : null,
    fundsReinstatedAt:
      type === 'charge.dispute.funds_reinstated' || dispute.reinstatedInBalance
        ? eventCreatedAt
        : null,
  });
  await recordAudit(trx, ctx, {
    action: AUDIT_ACTIONS[type],
    subjectType: stored.orderId ? 'order' : stored.purchaseId ? 'purchase' : 'payment_dispute',
    subjectId: stored.orderId ?? stored.purchaseId ?? stored.id,
    summary: {
      disputeId: stored.id,
      chargeId: stored.chargeId,
      amountCents: stored.amountCents,
      status: stored.status,
      reason: stored.reason,
      fundsWithdrawn: stored.fundsWithdrawnAt !== null,
      fundsReinstated: stored.fundsReinstatedAt !== null,
      purchaseId: stored.purchaseId ?? null,
    },
  });
  await applyDisputeToCertificate(trx, ctx, stored);
  return stored;
}

/**
 * Disputes Stripe reported before the payment they dispute was recorded (webhooks arrive in
 * any order) are linked to the payer once it is paid, and take effect then as if they had
 * come after it: the certificate suspended or revoked, a lost dispute refunded, the escrow
 * held. The payer is an order, or a purchase's one payment (issue 19), whose disputes are
 * split over its lines then. Called in the transaction that fulfils the order or purchase,
 * which holds its row (and a purchase's lines' rows).
 */
export async function linkEarlyDisputes(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  payer: Payer,
  paymentIntentId: string,
): Promise<void> {
  for (const disputeId of await repo.findUnlinkedDisputeIds(trx, paymentIntentId)) {
    const linked = await repo.linkDispute(trx, disputeId, payer);
    if (!linked) continue;
    await recordAudit(trx, ctx, {
      action: 'payment.dispute_linked',
      subjectType: payer.kind,
      subjectId: payer.id,
      summary: { disputeId, status: linked.status, amountCents: linked.amountCents },
    });
    await applyDisputeToCertificate(trx, ctx, linked);
  }
}
