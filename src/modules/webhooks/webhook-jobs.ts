import type { JobQueue } from '../../jobs/job-queue.js';
import { DISPATCH_JOB, type EventDispatcher, registerEventJobs } from '../events/dispatcher.js';
import type { WebhooksService } from './webhooks.service.js';

export const DELIVER_JOB = 'webhooks.deliver';
export const DISPATCH_EVERY_SECONDS = 5;
export const DELIVER_EVERY_SECONDS = 10;
export const RESEAL_JOB = 'webhooks.reseal-secrets';
export const RESEAL_EVERY_SECONDS = 3600;

const registered = new WeakSet<JobQueue>();

/**
 * The jobs that turn committed domain events into webhook deliveries. Both are safe to run
 * twice and pick up whatever is left, so a lost job only delays:
 *
 *   events.dispatch   {}  hand new domain events to the subscribers (every 5 s), then queue delivery
 *   webhooks.deliver  {}  send the deliveries that are due, in order per object (every 10 s)
 *   webhooks.reseal-secrets {}  encrypt signing secrets under the current WEBHOOK_SECRET_KEY
 *                           (at start and hourly: after a key rotation, and rows from before encryption)
 */
export async function registerWebhookJobs(
  jobs: JobQueue,
  deps: {
    dispatcher: EventDispatcher;
    webhooks: WebhooksService;
    /** The other subscribers' follow-up after a dispatch (e-mail notifications: send what was written). */
    afterDispatch?: () => Promise<void>;
  },
): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  await registerEventJobs(jobs, deps.dispatcher, {
    everySeconds: DISPATCH_EVERY_SECONDS,
    afterDispatch: async () => {
      await jobs.send(DELIVER_JOB, {}, { singletonKey: 'after-dispatch' });
      await deps.afterDispatch?.();
    },
  });
  await jobs.work(DELIVER_JOB, async () => {
    await deps.webhooks.deliverDue();
  });
  await jobs.every(DELIVER_JOB, DELIVER_EVERY_SECONDS);
  await jobs.work(RESEAL_JOB, async () => {
    await deps.webhooks.resealSecrets();
  });
  await jobs.every(RESEAL_JOB, RESEAL_EVERY_SECONDS);
  await jobs.send(RESEAL_JOB, {}, { singletonKey: 'at-start' });
}

export { DISPATCH_JOB };
