import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * The funding side of money, hooked into other modules' transactions (DESIGN §4 Project
 * lifecycle and Money): fulfilment's sales and the outcomes module's final report. Each
 * runs inside the caller's transaction, so its effect commits or rolls back with the
 * change that caused it, and each acts once however often it is called.
 */

type HookCtx = Ctx & { now: Date };

/**
 * Called by fulfilOrder right after it sold an order's credits (the project's balance row
 * is locked by then, until commit). When the sold credits reach the threshold the project
 * becomes `funded`, and the first payout tranche (the threshold amount) becomes due.
 *
 * Exactly once under concurrent fulfilments: every sale of a project updates its balance
 * row first, so the sales are serialised there, and the status change is conditional on
 * `listed`; the transaction that finds the row still listed is the one that funds it.
 * Answers whether this sale funded the project: the caller then records `project.funded`
 * after the sale's certificate, so that buyer hears of it too.
 * A project waiting after a missed deadline (failing_since) that is funded after all by a
 * reservation paid late leaves its waiting state.
 */
export async function onCreditsSold(
  trx: Transaction<DB>,
  ctx: HookCtx,
  projectId: string,
): Promise<boolean> {
  const funded = await repo.markFundedIfThresholdReached(trx, projectId, ctx.now);
  if (!funded) return false;
  const amountCents = funded.threshold * funded.creditPriceCents;
  await repo.insertPayout(trx, {
    projectId,
    initiativeId: funded.initiativeId,
    tranche: 1,
    amountCents,
    dueAt: ctx.now,
    dueReason: `threshold of ${funded.threshold} credits reached`,
    reportAcceptedBy: null,
  });
  await recordAudit(trx, ctx, {
    action: 'project.funded',
    subjectType: 'project',
    subjectId: projectId,
    summary: {
      sold: funded.sold,
      threshold: funded.threshold,
      firstTrancheCents: amountCents,
      wasFailingSince: funded.failingSince?.toISOString() ?? null,
    },
  });
  // The project.funded event is recorded by the caller once the sale's certificate exists,
  // so the buyer whose order reached the threshold is among the event's audience.
  return true;
}

/**
 * Called by the outcomes module, in the transaction that accepts a project's final outcome
 * report, so the rest of the escrow becomes due to the initiative as the second tranche
 * (DESIGN §4 Money). The admin who accepted the report (ctx.actor) may neither approve nor
 * pay that tranche (four eyes; the database refuses it too). Once per project: a repeat,
 * or a project that never reached its threshold, changes nothing.
 */
export async function onFinalOutcomeReportAccepted(
  trx: Transaction<DB>,
  ctx: HookCtx,
  projectId: string,
): Promise<void> {
  const project = await repo.lockProject(trx, projectId);
  if (!project || project.funded_at === null) return;
  if (await repo.findPayout(trx, projectId, 2)) return;
  const firstTranche = await repo.findPayout(trx, projectId, 1);
  const totals = await repo.ledgerTotals(trx, projectId);
  // The rest: what is left in escrow once the first tranche (paid or still due) is counted out.
  const firstStillHeld =
    firstTranche && firstTranche.status !== 'paid' ? Number(firstTranche.amount_cents) : 0;
  const restCents = totals.escrowCents - firstStillHeld;
  if (restCents <= 0) {
    await recordAudit(trx, ctx, {
      action: 'funding.final_tranche_nothing_due',
      subjectType: 'project',
      subjectId: projectId,
      summary: { escrowCents: totals.escrowCents },
    });
    return;
  }
  await repo.insertPayout(trx, {
    projectId,
    initiativeId: project.initiative_id,
    tranche: 2,
    amountCents: restCents,
    dueAt: ctx.now,
    dueReason: 'final outcome report accepted',
    reportAcceptedBy: ctx.actor?.userId ?? null,
  });
  await recordAudit(trx, ctx, {
    action: 'payout.due',
    subjectType: 'project',
    subjectId: projectId,
    summary: { tranche: 2, amountCents: restCents, escrowCents: totals.escrowCents },
  });
}
