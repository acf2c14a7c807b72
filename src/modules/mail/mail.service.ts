import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { addSeconds, type Clock } from '../../lib/clock.js';
import type { Lang } from '../../lib/format.js';
import { mailRepository } from './mail.repository.js';
import type { MailTransport } from './mail.transport.js';
import {
  type AttachmentRef,
  attachmentRefs,
  isTemplateName,
  type MailAttachment,
  renderTemplate,
  type TemplateData,
  type TemplateName,
} from './templates.js';

export const MAIL_DELIVER_JOB = 'mail.deliver';
export const MAIL_SWEEP_JOB = 'mail.sweep';

/** Attempts per message before it is given up (about 2 hours of retries with the backoff below). */
export const MAIL_MAX_ATTEMPTS = 8;
/** First retry after this; each later one waits twice as long, up to an hour. */
export const MAIL_RETRY_BASE_SECONDS = 30;
const MAIL_RETRY_MAX_SECONDS = 3600;
/** A send that has not finished after this is presumed dead and may be taken again. */
export const MAIL_LEASE_SECONDS = 300;
/** The sweep resends messages due for longer than this (their job was lost). */
export const MAIL_SWEEP_GRACE_SECONDS = 60;
export const MAIL_SWEEP_EVERY_SECONDS = 60;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(MAIL_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAIL_RETRY_MAX_SECONDS);
}

export interface QueuedMail<K extends TemplateName = TemplateName> {
  to: string;
  template: K;
  language: Lang;
  data: TemplateData[K];
}

export interface MailServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  jobs: JobQueue;
  /** Undefined when mail is switched off (MAIL_DISABLED): messages are recorded, never sent. */
  transport: MailTransport | undefined;
  from: string;
  publicUrl: string;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /**
   * Renders a document a message carries (the invoice of an order-placed mail) when the
   * message is sent: the queue holds only the reference, never the bytes. Without it, a
   * message that needs an attachment fails its attempt and is retried.
   */
  renderAttachment?: (ref: AttachmentRef, lang: Lang) => Promise<MailAttachment | undefined>;
}

/**
 * The one owner of `email_messages`. A message is recorded with `queue(trx, …)` in the
 * transaction of the action that causes it, so it exists exactly when the action
 * committed; `dispatch(ids)` after the commit asks a job to send it, and a periodic sweep
 * sends whatever a lost job left behind. Delivery is at least once: a message whose SMTP
 * server accepted it but whose row could not be marked sent (the process died in between)
 * is sent again; every attempt carries the same Message-ID.
 */
export function createMailService(deps: MailServiceDeps) {
  const { db, clock, jobs } = deps;
  const messageHost = new URL(deps.publicUrl).hostname || 'impactbeurs.invalid';

  async function deliver(id: string): Promise<void> {
    const now = clock.now();
    const message = await mailRepository.claim(db, id, now, addSeconds(now, MAIL_LEASE_SECONDS));
    if (!message) return; // sent already, given up, not yet due, or another worker has it
    const messageId = `<${message.id}@${messageHost}>`;
    if (!deps.transport) {
      await mailRepository.markFailed(db, id, 'mail is switched off (MAIL_DISABLED)');
      return;
    }
    try {
      if (!isTemplateName(message.template))
        throw new Error(`unknown template ${message.template}`);
      const data = message.data as TemplateData[TemplateName];
      const rendered = renderTemplate(message.template, data, message.language, deps.publicUrl);
      const refs = attachmentRefs(message.template, data);
      const attachments: MailAttachment[] = [];
      for (const ref of refs) {
        if (!deps.renderAttachment) throw new Error(`cannot render attachment ${ref.kind}`);
        // A document that no longer exists (the order is gone) is left out, not waited for.
        const attachment = await deps.renderAttachment(ref, message.language);
        if (attachment) attachments.push(attachment);
      }
      await deps.transport.send({
        messageId,
        from: deps.from,
        to: message.recipient,
        language: message.language,
        ...rendered,
        ...(attachments.length > 0 ? { attachments } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (message.attempts >= MAIL_MAX_ATTEMPTS) {
        await mailRepository.markFailed(db, id, reason);
        deps.log?.error({ emailMessageId: id, attempts: message.attempts }, 'e-mail given up');
        return;
      }
      const delay = retryDelaySeconds(message.attempts);
      await mailRepository.markRetry(db, id, addSeconds(clock.now(), delay), reason);
      deps.log?.warn(
        { emailMessageId: id, attempts: message.attempts, retryInSeconds: delay },
        'e-mail not sent; will retry',
      );
      await jobs.send(MAIL_DELIVER_JOB, { id }, { startAfterSeconds: delay });
      return;
    }
    await mailRepository.markSent(db, id, clock.now(), messageId);
  }

  return {
    /**
     * Records a message in the caller's transaction. Call `dispatch` with the id after
     * the transaction commits (or leave it to the sweep, within about a minute).
     */
    async queue<K extends TemplateName>(trx: Kysely<DB>, mail: QueuedMail<K>): Promise<string> {
      return mailRepository.insert(trx, {
        recipient: mail.to,
        template: mail.template,
        language: mail.language,
        data: mail.data,
        now: clock.now(),
      });
    },

    /**
     * Records a message for a domain event, in the dispatcher's transaction: once per
     * event, template and address however often the event is dispatched. Answers the id,
     * or undefined when it was recorded before.
     */
    async queueForEvent<K extends TemplateName>(
      trx: Kysely<DB>,
      eventId: string,
      mail: QueuedMail<K>,
    ): Promise<string | undefined> {
      return mailRepository.insertForEvent(trx, {
        eventId,
        recipient: mail.to,
        template: mail.template,
        language: mail.language,
        data: mail.data,
        now: clock.now(),
      });
    },

    /** After commit: asks for the messages to be sent now. A failure here is left to the sweep. */
    async dispatch(ids: string | string[]): Promise<void> {
      for (const id of Array.isArray(ids) ? ids : [ids]) {
        try {
          await jobs.send(MAIL_DELIVER_JOB, { id }, { singletonKey: id });
        } catch (error) {
          deps.log?.warn(
            { err: error, emailMessageId: id },
            'could not queue e-mail; the sweep sends it',
          );
        }
      }
    },

    deliver,

    /** Queues a send for every message a lost job left behind. */
    async sweep(): Promise<number> {
      const ids = await mailRepository.findStranded(db, clock.now(), MAIL_SWEEP_GRACE_SECONDS, 200);
      for (const id of ids) await jobs.send(MAIL_DELIVER_JOB, { id }, { singletonKey: id });
      return ids.length;
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;

export async function registerMailJobs(jobs: JobQueue, mail: MailService): Promise<void> {
  await jobs.work(MAIL_DELIVER_JOB, async (data) => {
    if (typeof data.id === 'string') await mail.deliver(data.id);
  });
  await jobs.work(MAIL_SWEEP_JOB, async () => {
    await mail.sweep();
  });
  await jobs.every(MAIL_SWEEP_JOB, MAIL_SWEEP_EVERY_SECONDS);
}
