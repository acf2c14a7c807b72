import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Lang } from '../../lib/format.js';

export interface EmailMessageRow {
  id: string;
  recipient: string;
  template: string;
  language: Lang;
  data: unknown;
  attempts: number;
}

export const mailRepository = {
  async insert(
    db: Kysely<DB>,
    values: { recipient: string; template: string; language: Lang; data: unknown; now: Date },
  ): Promise<string> {
    const row = await db
      .insertInto('email_messages')
      .values({
        recipient: values.recipient,
        template: values.template,
        language: values.language,
        data: JSON.stringify(values.data),
        status: 'queued',
        queued_at: values.now,
        next_attempt_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /**
   * A message written for a domain event: at most one of a template to one address per
   * event (a partial unique index), so a repeated dispatch of the event writes nothing.
   * Answers the new message's id, or undefined when it was written before.
   */
  async insertForEvent(
    db: Kysely<DB>,
    values: {
      eventId: string;
      recipient: string;
      template: string;
      language: Lang;
      data: unknown;
      now: Date;
    },
  ): Promise<string | undefined> {
    const row = await db
      .insertInto('email_messages')
      .values({
        domain_event_id: values.eventId,
        recipient: values.recipient,
        template: values.template,
        language: values.language,
        data: JSON.stringify(values.data),
        status: 'queued',
        queued_at: values.now,
        next_attempt_at: values.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['domain_event_id', 'recipient', 'template'])
          .where('domain_event_id', 'is not', null)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  /**
   * Takes a message for one attempt, in one statement: only a queued message that is due,
   * or one whose sender's lease ran out (its process died mid-send), so two workers never
   * send the same message at once. The attempt is counted as it starts.
   */
  async claim(
    db: Kysely<DB>,
    id: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<EmailMessageRow | undefined> {
    return db
      .updateTable('email_messages')
      .set((eb) => ({
        status: 'sending',
        lease_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .returning(['id', 'recipient', 'template', 'language', 'data', 'attempts'])
      .executeTakeFirst() as Promise<EmailMessageRow | undefined>;
  },

  /** Sent: the contents are dropped (a CHECK holds that a sent message has none). */
  async markSent(db: Kysely<DB>, id: string, now: Date, messageId: string): Promise<void> {
    await db
      .updateTable('email_messages')
      .set({
        status: 'sent',
        sent_at: now,
        data: null,
        lease_until: null,
        smtp_message_id: messageId,
        last_error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  },

  async markRetry(db: Kysely<DB>, id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await db
      .updateTable('email_messages')
      .set({
        status: 'queued',
        next_attempt_at: nextAttemptAt,
        lease_until: null,
        last_error: error.slice(0, 500),
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  },

  /** Given up: the contents are dropped too; who, what, when and the last error stay. */
  async markFailed(db: Kysely<DB>, id: string, error: string): Promise<void> {
    await db
      .updateTable('email_messages')
      .set({ status: 'failed', data: null, lease_until: null, last_error: error.slice(0, 500) })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .execute();
  },

  /** Messages whose job was lost: due for longer than `graceSeconds`, or sending with an expired lease. */
  async findStranded(
    db: Kysely<DB>,
    now: Date,
    graceSeconds: number,
    limit: number,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('email_messages')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', '=', 'queued'),
            eb(
              'next_attempt_at',
              '<=',
              sql<Date>`${now}::timestamptz - make_interval(secs => ${graceSeconds})`,
            ),
          ]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  },
};
