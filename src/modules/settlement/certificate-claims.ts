import type { Transaction } from 'kysely';
import type { CertificateStatus, DB } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * What a certificate's status does to the claims made with it (DESIGN §4 Claim, §5.4).
 * Every code path that suspends or revokes a certificate (refund, lost dispute, a failed
 * project) calls this in the same transaction; a deferred constraint trigger in the
 * database refuses the commit if one forgets.
 *
 * - not active (suspended or revoked): pending claims are rejected, the authority can no
 *   longer approve evidence that does not hold;
 * - revoked: approved claims are invalidated, and show so to the authority.
 */
export async function settleClaimsForCertificateStatus(
  trx: Transaction<DB>,
  ctx: Ctx & { now: Date },
  certificateId: string,
  status: CertificateStatus,
  reason: string,
): Promise<void> {
  if (status === 'active') return;
  const rejected = await repo.rejectPendingClaims(
    trx,
    certificateId,
    `certificate ${status}: ${reason}`,
    ctx.now,
  );
  for (const claim of rejected) {
    await recordAudit(trx, ctx, {
      action: 'claim.rejected_automatically',
      subjectType: 'claim',
      subjectId: claim.id,
      summary: {
        certificateId,
        contractId: claim.contract_id,
        authorityId: claim.authority_id,
        credits: claim.credits,
        certificateStatus: status,
        reason,
      },
    });
    await recordEvent(trx, { type: 'claim.rejected', objectId: claim.id, occurredAt: ctx.now });
  }
  if (status !== 'revoked') return;
  const invalidated = await repo.invalidateApprovedClaims(trx, certificateId, reason, ctx.now);
  for (const claim of invalidated) {
    await recordAudit(trx, ctx, {
      action: 'claim.invalidated',
      subjectType: 'claim',
      subjectId: claim.id,
      summary: {
        certificateId,
        contractId: claim.contract_id,
        authorityId: claim.authority_id,
        credits: claim.credits,
        valueCents: Number(claim.value_cents),
        countedCents: Number(claim.counted_cents),
        reason,
      },
    });
    await recordEvent(trx, { type: 'claim.invalidated', objectId: claim.id, occurredAt: ctx.now });
  }
}
