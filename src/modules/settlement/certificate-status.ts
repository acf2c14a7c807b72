import type { Transaction } from 'kysely';
import type { CertificateStatus, DB } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { settleClaimsForCertificateStatus } from './certificate-claims.js';
import { settlementRepository as repo } from './settlement.repository.js';

export interface DisputeState {
  id: string;
  orderId: string | null;
  status: string;
  closedAt: Date | null;
  /** Stripe gave the withdrawn money back (the dispute is as good as won). */
  fundsReinstatedAt?: Date | null;
}

/**
 * What a payment dispute does to the order's certificate (DESIGN §4 Certificate): open →
 * suspended; funds reinstated, or closed and won (or closed with a warning only) → active
 * again; lost → revoked. A revoked certificate stays revoked. It reads only facts that stay
 * set once set, so a dispute's events in any order end in the same status. Called in the
 * webhook's transaction; audited there.
 */
export function statusAfterDispute(
  current: CertificateStatus,
  dispute: Pick<DisputeState, 'status' | 'closedAt' | 'fundsReinstatedAt'>,
): CertificateStatus {
  if (current === 'revoked') return 'revoked';
  if (dispute.closedAt !== null && dispute.status === 'lost') return 'revoked';
  if (dispute.closedAt !== null || (dispute.fundsReinstatedAt ?? null) !== null) return 'active';
  return 'suspended';
}

export async function applyDisputeToCertificateStatus(
  trx: Transaction<DB>,
  ctx: Ctx & { now: Date },
  dispute: DisputeState,
): Promise<void> {
  if (dispute.orderId === null) return;
  const certificate = await repo.findCertificateByOrderForUpdate(trx, dispute.orderId);
  if (!certificate) return;
  let next = statusAfterDispute(certificate.status, dispute);
  // A refund pending at Stripe keeps it suspended too, until its outcome (refund-states.ts).
  if (next === 'active' && (await repo.findOrder(trx, dispute.orderId))?.refund_state === 'pending')
    next = 'suspended';
  if (next === certificate.status) return;
  const reason =
    dispute.closedAt !== null
      ? `dispute ${dispute.status}: ${dispute.id}`
      : next === 'active'
        ? `dispute funds reinstated: ${dispute.id}`
        : `dispute opened: ${dispute.id}`;
  await repo.setCertificateStatus(trx, certificate.id, next, reason, ctx.now);
  await settleClaimsForCertificateStatus(trx, ctx, certificate.id, next, reason);
  await recordAudit(trx, ctx, {
    action: `certificate.${next === 'active' ? 'reinstated' : next}`,
    subjectType: 'certificate',
    subjectId: certificate.id,
    summary: {
      orderId: dispute.orderId,
      disputeId: dispute.id,
      disputeStatus: dispute.status,
      from: certificate.status,
      to: next,
    },
  });
  await recordEvent(trx, {
    type: next === 'active' ? 'certificate.reinstated' : `certificate.${next}`,
    objectId: certificate.id,
    occurredAt: ctx.now,
  });
}
