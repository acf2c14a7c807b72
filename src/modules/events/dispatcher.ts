import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { DomainEvent, DomainEventType, DomainObjectType } from './events.js';

/**
 * A subscriber hears of each committed event once, inside the dispatcher's transaction:
 * what it writes there (a webhook delivery, later a queued e-mail) commits together with
 * the event's dispatch, or neither does and the event is offered again.
 */
export interface EventSubscriber {
  name: string;
  handle(trx: Transaction<DB>, event: DomainEvent): Promise<void>;
}

export const DISPATCH_JOB = 'events.dispatch';
/** Events handed to the subscribers per transaction. */
const BATCH = 100;

export interface EventDispatcher {
  /** Hands every undispatched event to the subscribers, oldest first; answers how many. */
  dispatchPending(): Promise<number>;
}

export function createEventDispatcher(deps: {
  db: Kysely<DB>;
  clock: Clock;
  subscribers: readonly EventSubscriber[];
}): EventDispatcher {
  const { db, clock, subscribers } = deps;
  return {
    async dispatchPending() {
      let total = 0;
      for (;;) {
        const handled = await db.transaction().execute(async (trx) => {
          // One dispatcher at a time, so subscribers see events in seq order on every instance.
          await sql`SELECT pg_advisory_xact_lock(hashtextextended('domain_events.dispatch', 0))`.execute(
            trx,
          );
          const rows = await trx
            .selectFrom('domain_events')
            .selectAll()
            .where('dispatched_at', 'is', null)
            .orderBy('seq')
            .limit(BATCH)
            .execute();
          for (const row of rows) {
            const event: DomainEvent = {
              id: row.id,
              seq: Number(row.seq),
              type: row.type as DomainEventType,
              objectType: row.object_type as DomainObjectType,
              objectId: row.object_id,
              organisationIds: row.organisation_ids,
              occurredAt: row.occurred_at,
            };
            for (const subscriber of subscribers) await subscriber.handle(trx, event);
          }
          if (rows.length > 0)
            await trx
              .updateTable('domain_events')
              .set({ dispatched_at: clock.now() })
              .where(
                'id',
                'in',
                rows.map((row) => row.id),
              )
              .execute();
          return rows.length;
        });
        total += handled;
        if (handled < BATCH) return total;
      }
    },
  };
}

/**
 * The dispatch job, run every few seconds and after each batch of work that may have
 * recorded events. `afterDispatch` queues the subscribers' own jobs (webhook delivery).
 */
export async function registerEventJobs(
  jobs: JobQueue,
  dispatcher: EventDispatcher,
  options: { everySeconds: number; afterDispatch?: () => Promise<void> },
): Promise<void> {
  await jobs.work(DISPATCH_JOB, async () => {
    const handled = await dispatcher.dispatchPending();
    if (handled > 0) await options.afterDispatch?.();
  });
  await jobs.every(DISPATCH_JOB, options.everySeconds);
}
