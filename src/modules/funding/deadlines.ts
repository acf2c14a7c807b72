import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { settleClaimsForCertificateStatus } from '../settlement/certificate-claims.js';
import {
  EXPIRE_CHECKOUT_SESSION_JOB,
  type OrderCtx,
  releaseOrder,
} from '../settlement/fulfilment.js';
import { refundOrder } from '../settlement/refunds.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import { type ApprovedClaimRow, fundingRepository as repo } from './funding.repository.js';

/**
 * The end of a funding round that missed its deadline (DESIGN §4: listed → failed; Money:
 * a failed project is refunded automatically).
 *
 * 1. The decision, in one transaction per project: a listed project past its deadline below
 *    its threshold either waits (an approved claim stands on one of its certificates and no
 *    admin has decided: `failing_since` and the reason are set, visible to all parties) or
 *    fails: its open reservations are released and it becomes `failed`, with the reason.
 *    Locks are taken in the lock order of docs/architecture.md (orders → balance → project),
 *    so a payment being fulfilled at the same moment either lands before (and counts toward
 *    the threshold) or finds its reservation released (and is given back as a late payment).
 * 2. The refunds, one job per paid order, each through the settlement module's refundOrder
 *    (Stripe refund with the order's own idempotency key, or a credit note), which records
 *    it exactly once (recordRefund): credits back, certificate revoked with the reason,
 *    pending claims rejected. A refund that fails (Stripe unreachable) is retried by the
 *    next run of the deadline job, which queues every paid order of a failed project again.
 */

export const CHECK_DEADLINES_JOB = 'funding.check-deadlines';
export const REFUND_FAILED_ORDER_JOB = 'funding.refund-order';
/** How often deadlines are checked (and failed projects' remaining refunds retried). */
export const CHECK_DEADLINES_EVERY_SECONDS = 5 * 60;
const BATCH = 100;

export interface DeadlineDeps {
  db: Kysely<DB>;
  jobs: JobQueue;
  payments?: PaymentGateway | undefined;
}

export type ProjectDeadlineOutcome = 'failed' | 'waiting' | 'not_due';

export interface DeadlineRunReport {
  failed: string[];
  waiting: string[];
  refundsQueued: number;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function failureReason(
  project: { threshold: number | null; funding_deadline: Date | null },
  sold: number,
): string {
  const deadline = project.funding_deadline
    ? amsterdamDate.format(project.funding_deadline)
    : 'its deadline';
  return `the project did not reach its threshold of ${project.threshold} credits (${sold} sold) by its funding deadline of ${deadline}`;
}

function waitingReason(claims: ApprovedClaimRow[]): string {
  const certificates = [...new Set(claims.map((c) => c.certificate_number))];
  return (
    `the funding deadline passed below the threshold, but ${claims.length} approved claim(s) stand on certificate(s) ${certificates.join(', ')}: ` +
    'the project is refunded once the authority withdraws the approval, or when a platform admin decides'
  );
}

/** One run of the deadline job: decides every due project, and queues the refunds still owed. */
export async function checkDeadlines(deps: DeadlineDeps, now: Date): Promise<DeadlineRunReport> {
  const ctx: OrderCtx = {
    actor: null,
    requestId: `job:${CHECK_DEADLINES_JOB}:${randomUUID()}`,
    ip: '',
    now,
  };
  const report: DeadlineRunReport = { failed: [], waiting: [], refundsQueued: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await repo.findProjectsPastDeadline(deps.db, now, BATCH)).filter(
      (row) => !seen.has(row.id),
    );
    if (due.length === 0) break;
    for (const { id } of due) {
      seen.add(id);
      const outcome = await decideProject(deps, ctx, id);
      if (outcome === 'failed') report.failed.push(id);
      if (outcome === 'waiting') report.waiting.push(id);
    }
  }
  // Every failed project's payments still held: refunds that failed or waited are tried again.
  for (const { id } of await repo.findFailedProjectsWithPayments(deps.db, 1000)) {
    report.refundsQueued += await queueRefunds(deps, id);
  }
  return report;
}

/**
 * Decides one project whose deadline may have passed: fails it, or puts it in the waiting
 * state. `force` (an admin's refund decision, recorded before) fails it despite approved claims.
 */
export async function decideProject(
  deps: DeadlineDeps,
  ctx: OrderCtx,
  projectId: string,
): Promise<ProjectDeadlineOutcome> {
  const refundDecided = await repo.hasRefundDecision(deps.db, projectId);
  const result = await deps.db.transaction().execute(async (trx) => {
    const reserved = await repo.lockReservedOrders(trx, projectId);
    const balance = await settlementRepository.lockBalance(trx, projectId);
    const project = await settlementRepository.lockProject(trx, projectId);
    if (
      !project ||
      !balance ||
      project.status !== 'listed' ||
      !project.funding_deadline ||
      project.threshold === null
    )
      return { outcome: 'not_due' as const };
    if (project.funding_deadline.getTime() > ctx.now.getTime() || balance.sold >= project.threshold)
      return { outcome: 'not_due' as const };

    const approved = await repo.approvedClaimsOfProject(trx, projectId);
    if (approved.length > 0 && !refundDecided) {
      const reason = waitingReason(approved);
      await repo.setFailing(trx, projectId, reason, ctx.now);
      if (project.failing_since === null || project.failing_reason !== reason) {
        await recordAudit(trx, ctx, {
          action: 'project.failing',
          subjectType: 'project',
          subjectId: projectId,
          summary: {
            sold: balance.sold,
            threshold: project.threshold,
            approvedClaims: approved.map((c) => ({
              claimId: c.claim_id,
              certificateNumber: c.certificate_number,
              authorityId: c.authority_id,
            })),
          },
        });
      }
      return { outcome: 'waiting' as const };
    }

    const reason = failureReason(project, balance.sold);
    const released: OrderRow[] = [];
    for (const { id } of reserved) {
      const result = await releaseOrder(trx, ctx, id, 'cancelled', reason);
      if (result.outcome === 'released') released.push(result.order);
    }
    await repo.markFailed(trx, projectId, reason, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'project.failed',
      subjectType: 'project',
      subjectId: projectId,
      summary: {
        reason,
        sold: balance.sold,
        threshold: project.threshold,
        fundingDeadline: project.funding_deadline.toISOString(),
        reservationsReleased: released.length,
        adminDecision: refundDecided,
        approvedClaimsOverruled: approved.length,
      },
    });
    await recordEvent(trx, { type: 'project.failed', objectId: projectId, occurredAt: ctx.now });
    return { outcome: 'failed' as const, released };
  });
  if (result.outcome !== 'failed') return result.outcome;
  for (const order of result.released) {
    if (order.stripe_checkout_session_id) {
      await deps.jobs.send(
        EXPIRE_CHECKOUT_SESSION_JOB,
        { orderId: order.id, sessionId: order.stripe_checkout_session_id },
        { singletonKey: order.id },
      );
    }
  }
  await queueRefunds(deps, projectId);
  return 'failed';
}

async function queueRefunds(deps: DeadlineDeps, projectId: string): Promise<number> {
  const paid = await repo.paidOrders(deps.db, projectId);
  for (const order of paid)
    await deps.jobs.send(
      REFUND_FAILED_ORDER_JOB,
      { orderId: order.id },
      { singletonKey: order.id },
    );
  return paid.length;
}

export type FailedOrderRefund =
  | 'refunded'
  | 'not_applicable'
  | 'waiting_for_claim'
  | 'provider_unavailable'
  | 'stripe_not_configured';

/**
 * Job 'funding.refund-order': gives back one paid order of a failed project. Safe to run
 * twice or concurrently: refundOrder uses the order's one Stripe idempotency key and
 * recordRefund acts once. An approved claim on its certificate stops it (the order is
 * flagged), unless an admin decided to refund the project: then the approval is
 * invalidated first, in the transaction before the money moves.
 */
export async function refundFailedProjectOrder(
  deps: DeadlineDeps,
  ctx: OrderCtx,
  orderId: string,
): Promise<FailedOrderRefund> {
  const { db } = deps;
  const order = await settlementRepository.findOrder(db, orderId);
  if (!order || order.status !== 'paid') return 'not_applicable';
  const project = await repo.findFundingProject(db, order.project_id);
  if (!project || project.status !== 'failed') return 'not_applicable';
  const reason = project.failure_reason ?? 'the project failed to reach its threshold';

  const certificate = await settlementRepository.findCertificateByOrder(db, order.id);
  if (certificate && (await settlementRepository.certificateHasApprovedClaim(db, certificate.id))) {
    if (!(await repo.hasRefundDecision(db, project.id))) {
      await flagOnce(db, ctx, order, 'project_failed_refund_waits_for_approved_claim');
      return 'waiting_for_claim';
    }
    await db
      .transaction()
      .execute((trx) =>
        settleClaimsForCertificateStatus(
          trx,
          ctx,
          certificate.id,
          'revoked',
          `${reason}; a platform admin decided to refund the project`,
        ),
      );
  }
  if (order.payment_method === 'stripe' && !deps.payments) {
    await flagOnce(db, ctx, order, 'project_failed_refund_needs_stripe');
    return 'stripe_not_configured';
  }
  try {
    const result = await refundOrder({ db, payments: deps.payments }, ctx, order, {
      source: 'project_failed',
      reason,
    });
    if (result.outcome !== 'refunded' && result.outcome !== 'already_refunded')
      return 'not_applicable';
    // The refund settles the wait it was flagged for.
    if (order.needs_attention?.startsWith('project_failed_refund')) {
      await db
        .transaction()
        .execute((trx) =>
          settlementRepository.clearFlag(trx, order.id, order.needs_attention!, ctx.now),
        );
    }
    return 'refunded';
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORDER.CERTIFICATE_CLAIMED') {
      await flagOnce(db, ctx, order, 'project_failed_refund_waits_for_approved_claim');
      return 'waiting_for_claim';
    }
    // Refused or unreachable: nothing was refunded; the next run tries again.
    if (
      error instanceof AppError &&
      (error.code === 'PAYMENT.PROVIDER_UNAVAILABLE' || error.code === 'PAYMENT.PROVIDER_REFUSED')
    )
      return 'provider_unavailable';
    throw error;
  }
}

async function flagOnce(
  db: Kysely<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  attention: string,
): Promise<void> {
  if (order.needs_attention === attention) return;
  await db.transaction().execute(async (trx) => {
    await settlementRepository.flagOrder(trx, order.id, attention, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'order.refund_waiting',
      subjectType: 'order',
      subjectId: order.id,
      summary: { attention, projectId: order.project_id },
    });
  });
}
