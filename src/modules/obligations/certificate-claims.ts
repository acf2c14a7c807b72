import type { Kysely, Transaction } from 'kysely';
import type { CertificateStatus, DB } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';

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
  const rejected = await trx
    .updateTable('claims')
    .set({
      status: 'rejected',
      decided_at: ctx.now,
      decided_by: null,
      decision_reason: `certificate ${status}: ${reason}`,
    })
    .where('certificate_id', '=', certificateId)
    .where('status', '=', 'pending')
    .returning(['id', 'contract_id', 'authority_id', 'credits'])
    .execute();
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
  }
  if (status !== 'revoked') return;
  const invalidated = await trx
    .updateTable('claims')
    .set({ status: 'invalidated', invalidated_at: ctx.now, invalidation_reason: reason })
    .where('certificate_id', '=', certificateId)
    .where('status', '=', 'approved')
    .returning(['id', 'contract_id', 'authority_id', 'credits', 'value_cents'])
    .execute();
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
        reason,
      },
    });
  }
}

/** Whether any approved claim stands on the certificate: refunds and project failure must wait for it. */
export async function certificateHasApprovedClaim(
  db: Kysely<DB>,
  certificateId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('claims')
    .select('id')
    .where('certificate_id', '=', certificateId)
    .where('status', '=', 'approved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
