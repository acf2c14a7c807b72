import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import { expireReservations } from './expiry.js';
import { EXPIRE_CHECKOUT_SESSION_JOB, REFUND_PAYMENT_JOB } from '../settlement/fulfilment.js';
import {
  refundLatePayment,
  RESUME_REFUNDS_EVERY_SECONDS,
  RESUME_REFUNDS_JOB,
  resumeRefunds,
} from '../settlement/refunds.js';

export const EXPIRE_RESERVATIONS_JOB = 'orders.expire-reservations';
/** How often lapsed reservations are released. */
export const EXPIRE_RESERVATIONS_EVERY_SECONDS = 60;

export interface OrderJobsDeps {
  db: Kysely<DB>;
  clock: Clock;
  payments?: PaymentGateway | undefined;
}

const registered = new WeakSet<JobQueue>();

/**
 * Registers the orders module's job handlers on a queue and schedules the expiry run.
 * buildApp calls it with the app's own queue; a second call for the same queue does nothing.
 * Every handler is safe to run twice (the JobQueue contract).
 *
 *   orders.expire-reservations      {}                      release lapsed reservations (every minute)
 *   orders.refund-payment           { orderId }             refund a late Stripe payment whose credits were gone
 *   orders.expire-checkout-session  { orderId, sessionId }  close the Checkout Session of a released order
 *   orders.resume-refunds           {}                      finish Stripe refunds whose request was left behind (every 5 minutes, with Stripe)
 */
export async function registerOrderJobs(jobs: JobQueue, deps: OrderJobsDeps): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  const jobCtx = (name: string) => ({
    actor: null,
    requestId: `job:${name}:${randomUUID()}`,
    ip: '',
    now: deps.clock.now(),
  });

  await jobs.work(EXPIRE_RESERVATIONS_JOB, async () => {
    await expireReservations({ db: deps.db, jobs }, deps.clock.now());
  });
  await jobs.work(REFUND_PAYMENT_JOB, async (data) => {
    const orderId = typeof data['orderId'] === 'string' ? data['orderId'] : undefined;
    if (!orderId) return;
    await refundLatePayment(
      { db: deps.db, payments: deps.payments },
      jobCtx(REFUND_PAYMENT_JOB),
      orderId,
    );
  });
  await jobs.work(EXPIRE_CHECKOUT_SESSION_JOB, async (data) => {
    const sessionId = typeof data['sessionId'] === 'string' ? data['sessionId'] : undefined;
    if (!sessionId || !deps.payments) return;
    await deps.payments.expireCheckoutSession(sessionId);
  });
  await jobs.work(RESUME_REFUNDS_JOB, async () => {
    if (!deps.payments) return;
    await resumeRefunds({ db: deps.db, payments: deps.payments }, jobCtx(RESUME_REFUNDS_JOB));
  });
  await jobs.every(EXPIRE_RESERVATIONS_JOB, EXPIRE_RESERVATIONS_EVERY_SECONDS);
  if (deps.payments) await jobs.every(RESUME_REFUNDS_JOB, RESUME_REFUNDS_EVERY_SECONDS);
}
