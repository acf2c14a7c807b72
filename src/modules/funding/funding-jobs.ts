import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import {
  CHECK_DEADLINES_EVERY_SECONDS,
  CHECK_DEADLINES_JOB,
  checkDeadlines,
  REFUND_FAILED_ORDER_JOB,
  refundFailedProjectOrder,
} from './deadlines.js';

export interface FundingJobsDeps {
  db: Kysely<DB>;
  clock: Clock;
  payments?: PaymentGateway | undefined;
}

const registered = new WeakSet<JobQueue>();

/**
 * Registers the funding module's job handlers and schedules the deadline check. Every
 * handler is safe to run twice (the JobQueue contract).
 *
 *   funding.check-deadlines  {}           fail (or hold) projects past their deadline below the threshold;
 *                                         queue the refunds still owed by failed projects (every 5 minutes)
 *   funding.refund-order     { orderId }  refund one paid order of a failed project
 */
export async function registerFundingJobs(jobs: JobQueue, deps: FundingJobsDeps): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  await jobs.work(CHECK_DEADLINES_JOB, async () => {
    await checkDeadlines({ db: deps.db, jobs, payments: deps.payments }, deps.clock.now());
  });
  await jobs.work(REFUND_FAILED_ORDER_JOB, async (data) => {
    const orderId = typeof data['orderId'] === 'string' ? data['orderId'] : undefined;
    if (!orderId) return;
    const ctx = {
      actor: null,
      requestId: `job:${REFUND_FAILED_ORDER_JOB}:${randomUUID()}`,
      ip: '',
      now: deps.clock.now(),
    };
    await refundFailedProjectOrder({ db: deps.db, jobs, payments: deps.payments }, ctx, orderId);
  });
  await jobs.every(CHECK_DEADLINES_JOB, CHECK_DEADLINES_EVERY_SECONDS);
}
