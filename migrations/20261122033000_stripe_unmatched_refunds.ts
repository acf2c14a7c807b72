import { type Kysely, sql } from 'kysely';

// A charge.refunded event can arrive before the checkout.session.completed that tells
// which order its payment intent belongs to. Such an event is recorded without an order;
// when the payment is recorded later, its refund is found through this index and applied.
// Partial: only unmatched refunds are indexed, a handful of rows.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX stripe_events_unmatched_refunds_idx
      ON stripe_events ((payload -> 'data' -> 'object' ->> 'payment_intent'))
      WHERE type = 'charge.refunded' AND order_id IS NULL
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS stripe_events_unmatched_refunds_idx`.execute(db);
}
