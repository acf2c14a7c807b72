import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { isUuid } from '../../lib/ids.js';
import { type OrderCtx, queueFulfilFollowUps } from '../settlement/fulfilment.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import {
  type CheckoutSessionFacts,
  orderReference,
  settleClosedSession,
  settlePaidSession,
} from './checkout-settlement.js';
import type { PaymentGateway, ProviderCheckoutSession } from '../../lib/payment-gateway.js';

export const RECONCILE_STRIPE_JOB = 'stripe.reconcile';
/** How often reconciliation runs (a pg-boss cron of every 15 minutes). */
export const RECONCILE_EVERY_SECONDS = 15 * 60;
/**
 * How far back each run looks. A session lives at most 24 hours, and Stripe retries a
 * failed webhook for up to three days; two days catches every session whose events were
 * lost while it could still be paid, at a few list pages per run.
 */
export const RECONCILE_LOOKBACK_HOURS = 48;

export interface ReconcileDeps {
  db: Kysely<DB>;
  clock: Clock;
  payments: PaymentGateway;
  jobs: JobQueue;
  log?: FastifyBaseLogger;
}

export interface ReconcileReport {
  /** Sessions read from the provider. */
  seen: number;
  /** Sessions that changed something here, by what they did (fulfilled, released, refund_required …). */
  applied: Record<string, number>;
  /** Sessions that needed nothing (already in step, still open, not ours). */
  unchanged: number;
  /** Sessions that failed; the next run tries them again. */
  failed: number;
}

function factsOf(session: ProviderCheckoutSession): CheckoutSessionFacts {
  return {
    sessionId: session.id,
    // A gateway that does not report both carriers reports the one it has for both.
    metadataOrderId:
      session.metadataOrderId !== undefined ? session.metadataOrderId : session.orderId,
    clientReferenceId:
      session.clientReferenceId !== undefined ? session.clientReferenceId : session.orderId,
    amountTotalCents: session.amountTotalCents,
    currency: session.currency,
    paymentIntentId: session.paymentIntentId,
    metadataPurchaseId: session.metadataPurchaseId ?? null,
    payer: session.payer ?? null,
  };
}

/**
 * Whether a session's state is already reflected by its order, read without locks so
 * that a run over sessions that are in step writes nothing at all.
 */
function inStep(session: ProviderCheckoutSession, order: OrderRow): boolean {
  if (session.status === 'complete' && session.paymentStatus === 'paid') {
    if (order.status === 'refunded') return true;
    if (order.status === 'paid') {
      return (
        session.paymentIntentId === null ||
        order.stripe_payment_intent_id === session.paymentIntentId ||
        (order.needs_attention ?? '').startsWith('duplicate_payment')
      );
    }
    return false; // reserved, or lapsed with a payment to honour or give back
  }
  if (session.status === 'expired') {
    // A session the order has moved on from says nothing about it (see settleClosedSession).
    return (
      order.status !== 'reserved' ||
      (order.stripe_checkout_session_id !== null && order.stripe_checkout_session_id !== session.id)
    );
  }
  return true; // open, or complete and still settling: nothing to do yet
}

/**
 * Brings orders in step with Stripe for the sessions created since `since`: fulfils paid
 * sessions whose webhook never arrived (through the same fulfilOrder as the webhook),
 * releases expired ones, and queues the refund of late payments that found the credits
 * gone. Safe to run twice, or on two instances at once: every step is idempotent, and a
 * second run over sessions already in step writes nothing.
 */
export async function reconcileStripe(deps: ReconcileDeps, since: Date): Promise<ReconcileReport> {
  const { db, clock, payments, jobs } = deps;
  const requestId = `job:${RECONCILE_STRIPE_JOB}:${randomUUID()}`;
  const report: ReconcileReport = { seen: 0, applied: {}, unchanged: 0, failed: 0 };

  for await (const session of payments.listCheckoutSessions(since)) {
    report.seen += 1;
    const facts = factsOf(session);
    const reference = orderReference(facts);
    const paid = session.status === 'complete' && session.paymentStatus === 'paid';
    const actionable = paid || session.status === 'expired';
    if (!actionable || reference.kind === 'none') {
      report.unchanged += 1;
      continue;
    }
    if (reference.kind === 'order') {
      const order = isUuid(reference.orderId)
        ? await settlementRepository.findOrder(db, reference.orderId)
        : undefined;
      // Not an order of this platform (the Stripe account may serve other systems too).
      if (!order || inStep(session, order)) {
        report.unchanged += 1;
        continue;
      }
    }
    try {
      const ctx: OrderCtx = { actor: null, requestId, ip: '', now: clock.now() };
      const settled = await db
        .transaction()
        .execute((trx) =>
          paid
            ? settlePaidSession(trx, ctx, facts)
            : settleClosedSession(trx, ctx, facts, 'expired'),
        );
      if (settled.fulfilment) await queueFulfilFollowUps(jobs, settled.fulfilment);
      // A purchase's session: each line's follow-up (a late line's refund).
      for (const line of settled.fulfilments ?? []) await queueFulfilFollowUps(jobs, line);
      report.applied[settled.outcome] = (report.applied[settled.outcome] ?? 0) + 1;
    } catch (error) {
      report.failed += 1;
      deps.log?.error(
        { err: error, sessionId: session.id },
        'Stripe reconciliation could not settle a session',
      );
    }
  }
  return report;
}

const registered = new WeakSet<JobQueue>();

/**
 * Registers the payments module's jobs on a queue and schedules reconciliation. buildApp
 * calls it when a payment gateway is configured; calling it again for the same queue
 * (e.g. from server.ts) does nothing.
 *
 *   stripe.reconcile   { sinceHours? }   fulfil or release what the webhook missed (every 15 minutes)
 *
 * The refund of a late payment ('orders.refund-payment') belongs to the orders module.
 */
export async function registerPaymentJobs(
  jobs: JobQueue,
  deps: Omit<ReconcileDeps, 'jobs'>,
): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  await jobs.work(RECONCILE_STRIPE_JOB, async (data) => {
    const hours =
      typeof data['sinceHours'] === 'number' && data['sinceHours'] > 0
        ? data['sinceHours']
        : RECONCILE_LOOKBACK_HOURS;
    const report = await reconcileStripe(
      { ...deps, jobs },
      new Date(deps.clock.now().getTime() - hours * 3600_000),
    );
    deps.log?.info({ report }, 'Stripe reconciliation finished');
    // Failed sessions stay failed for this run; throwing makes the queue retry the whole run.
    if (report.failed > 0)
      throw new Error(`Stripe reconciliation: ${report.failed} session(s) could not be settled`);
  });
  await jobs.every(RECONCILE_STRIPE_JOB, RECONCILE_EVERY_SECONDS);
}
