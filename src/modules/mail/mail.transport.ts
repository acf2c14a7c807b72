import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Lang } from '../../lib/format.js';

/** One rendered message, ready for the wire. */
export interface OutgoingMail {
  /** `<id@host>`: the same for every attempt, so a receiver can tell a repeat. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Lang;
  /** Documents rendered for this attempt (an invoice PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Where messages go: an SMTP server, the outbox folder, or (tests) memory. */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox' | 'memory';
  /** Resolves once the message is accepted (by the SMTP server: `250`); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

function nodemailerMessage(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language },
    attachments: mail.attachments?.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
  };
}

/**
 * Sends through the SMTP server of `SMTP_URL` (smtp:// with STARTTLS when offered, smtps://
 * for implicit TLS; credentials in the URL). Short timeouts: a hanging server fails the
 * attempt, which is retried later, instead of holding the job.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter;

  constructor(url: string) {
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(nodemailerMessage(mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Development without SMTP: each message is written, complete (MIME, both parts), as an
 * `.eml` file into the outbox folder, where any mail program opens it and `/dev/outbox`
 * lists it.
 */
export class OutboxTransport implements MailTransport {
  readonly kind = 'outbox' as const;
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });

  constructor(readonly directory: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.composer.sendMail(nodemailerMessage(mail));
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const id = mail.messageId.replace(/^<|@.*$/g, '');
    await writeFile(path.join(this.directory, `${stamp}-${id}.eml`), info.message as Buffer, {
      mode: 0o600,
    });
  }
}

/** The outbox's messages, newest first: file name, recipient, subject (for /dev/outbox). */
export async function listOutbox(
  directory: string,
): Promise<{ file: string; to: string; subject: string }[]> {
  let files: string[];
  try {
    files = (await readdir(directory)).filter((file) => file.endsWith('.eml'));
  } catch {
    return [];
  }
  files.sort().reverse();
  return Promise.all(
    files.map(async (file) => {
      const head = (await readFile(path.join(directory, file), 'utf8')).split('\r\n\r\n')[0] ?? '';
      const header = (name: string) =>
        decodeHeader(new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head)?.[1] ?? '');
      return { file, to: header('To'), subject: header('Subject') };
    }),
  );
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) as nodemailer writes them. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** Tests and the demo seed: messages kept in memory. */
export class MemoryTransport implements MailTransport {
  readonly kind = 'memory' as const;
  readonly sent: OutgoingMail[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}
