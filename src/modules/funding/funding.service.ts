import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import {
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { toCsv } from '../../lib/tabular.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrderCtx } from '../settlement/fulfilment.js';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import { decideProject } from './deadlines.js';
import { reconciliationReport } from './funding-reconciliation.js';
import { type FundingProjectRow, fundingRepository as repo } from './funding.repository.js';
import type { Funding, Payout, ReconciliationReport } from './funding.schemas.js';
import { approvePayout, markPayoutPaid } from '../settlement/payouts.js';
import { type LedgerTotals, settlementRepository } from '../settlement/settlement.repository.js';
import { PAYOUT_COLUMNS, statusesOf, toPayout } from './payout-view.js';

export interface FundingDeps {
  db: Kysely<DB>;
  clock: Clock;
  jobs: JobQueue;
  payments?: PaymentGateway | undefined;
}

const PUBLIC_STATUSES = new Set(['listed', 'funded', 'completed', 'failed']);

const escrowOf = (totals: LedgerTotals) => ({
  ...totals,
  heldByDisputesCents: totals.heldByDisputesCents ?? 0,
  balanced:
    totals.escrowCents >= 0 &&
    totals.receivedCents === totals.escrowCents + totals.paidOutCents + totals.refundedCents,
});

export function createFundingService(deps: FundingDeps) {
  const { db, clock } = deps;
  const orderCtx = (ctx: Ctx): OrderCtx => ({ ...ctx, now: clock.now() });

  async function findVisibleProject(
    ctx: Ctx,
    projectId: string,
  ): Promise<{ project: FundingProjectRow; full: boolean }> {
    if (!isUuid(projectId)) throw notFound('Project');
    const project = await repo.findFundingProject(db, projectId);
    if (!project) throw notFound('Project');
    const actor = ctx.actor;
    const full =
      actor !== null &&
      (isPlatformAdmin(actor) ||
        (actor.organisationKind === 'initiative' &&
          actor.organisationId === project.initiative_id));
    if (!full && !PUBLIC_STATUSES.has(project.status)) throw notFound('Project');
    return { project, full };
  }

  async function fundingView(ctx: Ctx, projectId: string): Promise<Funding> {
    const { project, full } = await findVisibleProject(ctx, projectId);
    const actor = ctx.actor;
    const payouts = await repo.listPayoutViews(db, { projectId });
    const approved = project.failing_since ? await repo.approvedClaimsOfProject(db, projectId) : [];
    const visibleClaims = full
      ? approved
      : actor?.organisationKind === 'authority'
        ? approved.filter((c) => c.authority_id === actor.organisationId)
        : [];
    const refundsWaiting =
      project.status === 'failed' ? (await repo.paidOrders(db, projectId)).length : 0;
    const yourOrders =
      actor?.organisationKind === 'supplier'
        ? await buyerOrders(db, projectId, actor.organisationId, project)
        : [];
    const price = project.credit_price_cents;
    return {
      projectId: project.id,
      title: project.title,
      status: project.status,
      view: full ? 'full' : 'public',
      initiative: { id: project.initiative_id, name: project.initiative_name },
      threshold: project.threshold,
      supply: project.supply,
      sold: project.sold ?? 0,
      reserved: project.reserved ?? 0,
      creditPriceCents: price,
      thresholdAmountCents:
        price !== null && project.threshold !== null ? price * project.threshold : null,
      fundingDeadline: project.funding_deadline?.toISOString() ?? null,
      fundedAt: project.funded_at?.toISOString() ?? null,
      failedAt: project.failed_at?.toISOString() ?? null,
      failureReason: project.failure_reason,
      waiting: project.failing_since
        ? {
            since: project.failing_since.toISOString(),
            reason: project.failing_reason!,
            blockingClaims: visibleClaims.map((c) => ({
              claimId: c.claim_id,
              certificateNumber: c.certificate_number,
              authorityId: c.authority_id,
              authorityName: c.authority_name,
              credits: c.credits,
            })),
          }
        : null,
      refundsWaiting,
      escrow: full ? escrowOf(await settlementRepository.ledgerTotals(db, projectId)) : null,
      tranches: payouts.map((p) => ({
        id: full ? p.id : null,
        tranche: p.tranche,
        amountCents: Number(p.amount_cents),
        status: p.status,
        dueAt: p.due_at.toISOString(),
        dueReason: p.due_reason,
        approvedAt: p.approved_at?.toISOString() ?? null,
        paidAt: p.paid_at?.toISOString() ?? null,
        bankReference: full ? p.bank_reference : null,
      })),
      decisions: full
        ? (await repo.listDecisions(db, projectId)).map((d) => ({
            kind: d.kind,
            previousDeadline: d.previous_deadline.toISOString(),
            newDeadline: d.new_deadline?.toISOString() ?? null,
            reason: d.reason,
            decidedBy: d.decided_by,
            decidedAt: d.decided_at.toISOString(),
          }))
        : [],
      yourOrders,
    };
  }

  async function listPayoutsFor(
    ctx: Ctx,
    query: {
      status?: 'due' | 'approved' | 'paid' | 'open' | undefined;
      projectId?: string | undefined;
    },
  ): Promise<Payout[]> {
    const actor = requireActor(ctx);
    const statuses = statusesOf(query.status);
    if (isPlatformAdmin(actor)) {
      return (
        await repo.listPayoutViews(db, {
          ...(query.projectId ? { projectId: query.projectId } : {}),
          ...(statuses ? { statuses } : {}),
        })
      ).map(toPayout);
    }
    if (actor.organisationKind !== 'initiative') throw notFound('Payouts');
    return (
      await repo.listPayoutViews(db, {
        initiativeId: actor.organisationId,
        ...(query.projectId ? { projectId: query.projectId } : {}),
        ...(statuses ? { statuses } : {}),
      })
    ).map(toPayout);
  }

  async function getPayout(ctx: Ctx, payoutId: string): Promise<Payout> {
    const actor = requireActor(ctx);
    if (!isUuid(payoutId)) throw notFound('Payout');
    const row = await repo.findPayoutView(db, payoutId);
    if (!row) throw notFound('Payout');
    const visible =
      isPlatformAdmin(actor) ||
      (actor.organisationKind === 'initiative' && actor.organisationId === row.initiative_id);
    if (!visible) throw notFound('Payout');
    return toPayout(row);
  }

  return {
    /** GET /v1/projects/{id}/funding: full for admins and the initiative, summarised for everyone else. */
    get: fundingView,

    /** POST /v1/projects/{id}/funding/deadline (admin): a later deadline, before the current one passes. */
    async extendDeadline(
      ctx: Ctx,
      projectId: string,
      input: { fundingDeadline: string; reason: string },
    ): Promise<Funding> {
      const actor = requirePlatformAdmin(ctx);
      if (!isUuid(projectId)) throw notFound('Project');
      const now = clock.now();
      const deadline = new Date(input.fundingDeadline);
      await db.transaction().execute(async (trx) => {
        const project = await settlementRepository.lockProject(trx, projectId);
        if (!project) throw notFound('Project');
        if (project.status !== 'listed' && project.status !== 'funded')
          throw conflict(
            'FUNDING.INVALID_STATE',
            `Only a listed or funded project’s deadline can be extended; this one is ${project.status}`,
          );
        const current = project.funding_deadline!;
        if (current.getTime() <= now.getTime()) {
          throw conflict(
            'FUNDING.DEADLINE_PASSED',
            'The deadline has passed; a waiting project is decided through POST /v1/projects/{id}/funding/decision',
          );
        }
        if (deadline.getTime() <= current.getTime())
          throw unprocessable(
            'FUNDING.DEADLINE_NOT_LATER',
            'The new deadline must be later than the current one',
          );
        await repo.insertDecision(trx, {
          projectId,
          kind: 'deadline_extended',
          previousDeadline: current,
          newDeadline: deadline,
          reason: input.reason,
          decidedBy: actor.userId,
          at: now,
        });
        await repo.setDeadline(trx, projectId, deadline, now);
        await recordAudit(trx, ctx, {
          action: 'project.deadline_extended',
          subjectType: 'project',
          subjectId: projectId,
          summary: {
            previousDeadline: current.toISOString(),
            newDeadline: deadline.toISOString(),
            reason: input.reason,
          },
        });
      });
      return fundingView(ctx, projectId);
    },

    /**
     * POST /v1/projects/{id}/funding/decision (admin): ends the waiting state of a project
     * that missed its deadline while an approved claim stands, by refunding everything now
     * (approvals invalidated) or by giving it a new deadline.
     */
    async decide(
      ctx: Ctx,
      projectId: string,
      input: {
        decision: 'refund_all' | 'extend_deadline';
        reason: string;
        fundingDeadline?: string | undefined;
      },
    ): Promise<Funding> {
      const actor = requirePlatformAdmin(ctx);
      if (!isUuid(projectId)) throw notFound('Project');
      const now = clock.now();
      if (input.decision === 'extend_deadline' && !input.fundingDeadline)
        throw unprocessable('FUNDING.DEADLINE_REQUIRED', 'extend_deadline needs a fundingDeadline');
      const deadline = input.fundingDeadline ? new Date(input.fundingDeadline) : null;
      if (deadline && deadline.getTime() <= now.getTime())
        throw unprocessable('FUNDING.DEADLINE_NOT_LATER', 'The new deadline must be in the future');
      await db.transaction().execute(async (trx) => {
        const project = await settlementRepository.lockProject(trx, projectId);
        if (!project) throw notFound('Project');
        if (project.status !== 'listed' || project.failing_since === null) {
          throw conflict(
            'FUNDING.NOT_WAITING',
            'Only a project waiting after its deadline (approved claims standing) needs a decision',
          );
        }
        await repo.insertDecision(trx, {
          projectId,
          kind: input.decision === 'refund_all' ? 'refund_all' : 'extend_after_deadline',
          previousDeadline: project.funding_deadline!,
          newDeadline: deadline,
          reason: input.reason,
          decidedBy: actor.userId,
          at: now,
        });
        if (deadline) await repo.setDeadline(trx, projectId, deadline, now);
        await recordAudit(trx, ctx, {
          action:
            input.decision === 'refund_all'
              ? 'project.refund_decided'
              : 'project.deadline_extended',
          subjectType: 'project',
          subjectId: projectId,
          summary: {
            decision: input.decision,
            reason: input.reason,
            previousDeadline: project.funding_deadline!.toISOString(),
            newDeadline: deadline?.toISOString() ?? null,
          },
        });
      });
      // The refund decision takes effect at once: the project fails and its refunds are queued.
      if (input.decision === 'refund_all') await decideProject(deps, orderCtx(ctx), projectId);
      return fundingView(ctx, projectId);
    },

    listPayouts: listPayoutsFor,
    getPayout,

    async exportPayouts(ctx: Ctx, status: 'due' | 'approved' | 'paid' | 'open'): Promise<Buffer> {
      requirePlatformAdmin(ctx);
      const payouts = await listPayoutsFor(ctx, { status });
      return toCsv({ sheetName: 'Payouts', columns: PAYOUT_COLUMNS, rows: payouts });
    },

    async approvePayout(ctx: Ctx, payoutId: string): Promise<Payout> {
      const actor = requirePlatformAdmin(ctx);
      await approvePayout(db, ctx, actor, payoutId, clock.now());
      return getPayout(ctx, payoutId);
    },

    async markPayoutPaid(ctx: Ctx, payoutId: string, bankReference: string): Promise<Payout> {
      const actor = requirePlatformAdmin(ctx);
      await markPayoutPaid(db, ctx, actor, payoutId, bankReference, clock.now());
      return getPayout(ctx, payoutId);
    },

    /** GET /v1/funding/ledger (admin): escrow, paid out and refunded per project and in total. */
    async ledger(ctx: Ctx) {
      requirePlatformAdmin(ctx);
      const projects = await repo.ledgerTotalsByProject(db);
      const total = projects.reduce(
        (sum, p) => ({
          receivedCents: sum.receivedCents + p.receivedCents,
          refundedCents: sum.refundedCents + p.refundedCents,
          paidOutCents: sum.paidOutCents + p.paidOutCents,
          escrowCents: sum.escrowCents + p.escrowCents,
          heldByDisputesCents: sum.heldByDisputesCents + (p.heldByDisputesCents ?? 0),
        }),
        {
          receivedCents: 0,
          refundedCents: 0,
          paidOutCents: 0,
          escrowCents: 0,
          heldByDisputesCents: 0,
        },
      );
      return {
        projects: projects.map((p) => ({
          ...escrowOf(p),
          projectId: p.projectId,
          title: p.title,
          status: p.status,
        })),
        total: escrowOf(total),
      };
    },

    async reconciliation(
      ctx: Ctx,
      query: { from: string; to: string },
    ): Promise<ReconciliationReport> {
      requirePlatformAdmin(ctx);
      return reconciliationReport(db, query.from, query.to);
    },

    /** For tests and operators: one deadline decision now, as the job makes it. */
    jobCtx: (): OrderCtx => ({
      actor: null,
      requestId: `job:funding:${randomUUID()}`,
      ip: '',
      now: clock.now(),
    }),
  };
}

export type FundingService = ReturnType<typeof createFundingService>;

/** A supplier's own orders of the project, with why each ended as it did. */
async function buyerOrders(
  db: Kysely<DB>,
  projectId: string,
  organisationId: string,
  project: FundingProjectRow,
): Promise<Funding['yourOrders']> {
  const rows = await db
    .selectFrom('orders as o')
    .leftJoin('certificates as c', 'c.order_id', 'o.id')
    .select([
      'o.id',
      'o.status',
      'o.quantity',
      'o.amount_cents',
      'o.refunded_at',
      'o.close_reason',
      'o.needs_attention',
      'c.number',
      'c.status as certificate_status',
      'c.status_reason',
    ])
    .where('o.project_id', '=', projectId)
    .where('o.buyer_organisation_id', '=', organisationId)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
  return rows.map((row) => {
    let why: string | null = null;
    if (row.status === 'refunded')
      why =
        row.status_reason ??
        (project.status === 'failed' ? `refunded: ${project.failure_reason}` : 'refunded');
    else if (row.status === 'expired' || row.status === 'cancelled') why = row.close_reason;
    const waitingFor =
      row.status === 'paid' && row.needs_attention?.startsWith('project_failed_refund')
        ? row.needs_attention
        : row.status === 'paid' && project.failing_since
          ? project.failing_reason
          : null;
    return {
      orderId: row.id,
      status: row.status,
      quantity: row.quantity,
      amountCents: Number(row.amount_cents),
      refundedAt: row.refunded_at?.toISOString() ?? null,
      certificateNumber: row.number,
      certificateStatus: row.certificate_status,
      why,
      waitingFor,
    };
  });
}
