import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { EXPIRE_CHECKOUT_SESSION_JOB, releaseOrder } from '../settlement/fulfilment.js';
import { purchasesRepository } from './purchases.repository.js';
import { ordersRepository as repo } from './orders.repository.js';

const BATCH = 200;

export interface ExpiryResult {
  /** Reservations this run released (another run may have released others at the same time). */
  released: number;
}

/**
 * Releases every reservation whose hold has lapsed (reserved_until ≤ now), each exactly
 * once: the release is conditional on the order still being reserved, so runs that
 * overlap (two instances, a retried job) or race a late payment each find a row only
 * once. One short transaction per order keeps the project balance rows free for buyers.
 * Stripe orders then have their Checkout Session closed, so nobody pays a lapsed hold.
 */
export async function expireReservations(
  deps: { db: Kysely<DB>; jobs: JobQueue },
  now: Date,
): Promise<ExpiryResult> {
  const { db, jobs } = deps;
  const ctx = {
    actor: null,
    requestId: `job:orders.expire-reservations:${randomUUID()}`,
    ip: '',
    now,
  };
  let released = 0;
  const seen = new Set<string>();
  for (;;) {
    const candidates = (await repo.findLapsedReservations(db, now, BATCH)).filter(
      (row) => !seen.has(row.id),
    );
    if (candidates.length === 0) break;
    for (const { id } of candidates) {
      seen.add(id);
      const result = await db.transaction().execute((trx) => releaseOrder(trx, ctx, id, 'expired'));
      if (result.outcome !== 'released') continue;
      released += 1;
      // A line of a Stripe purchase: the purchase's one session is closed (once per purchase).
      const purchaseSession = result.order.purchase_id
        ? await purchasesRepository.findPurchase(db, result.order.purchase_id)
        : undefined;
      const sessionId =
        result.order.stripe_checkout_session_id ??
        purchaseSession?.stripe_checkout_session_id ??
        null;
      if (sessionId)
        await jobs.send(
          EXPIRE_CHECKOUT_SESSION_JOB,
          { orderId: id, sessionId },
          { singletonKey: result.order.purchase_id ?? id },
        );
    }
  }
  return { released };
}
