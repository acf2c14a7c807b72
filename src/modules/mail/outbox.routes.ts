import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOutbox } from './mail.transport.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Development only (never registered in production, nor with SMTP_URL): the messages in the
 * outbox folder, newest first, each readable as its raw .eml. Hidden from the API document.
 */
export const outboxRoutes: FastifyPluginAsyncZod<{ directory: string }> = async (
  app,
  { directory },
) => {
  app.get('/dev/outbox', { schema: { hide: true } }, async (_request, reply) => {
    const messages = await listOutbox(directory);
    const rows = messages
      .map(
        (m) =>
          `<li><a href="/dev/outbox/${encodeURIComponent(m.file)}">${escapeHtml(m.subject || m.file)}</a> — ${escapeHtml(m.to)}</li>`,
      )
      .join('\n');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox (development)</title></head><body><main><h1>Outbox (development)</h1><p>Messages written to ${escapeHtml(directory)} because SMTP_URL is not set.</p>${messages.length ? `<ul>${rows}</ul>` : '<p>No messages.</p>'}</main></body></html>`,
      );
  });

  app.get(
    '/dev/outbox/:file',
    { schema: { hide: true, params: z.object({ file: z.string().regex(/^[\w.-]+\.eml$/) }) } },
    async (request, reply) => {
      try {
        const raw = await readFile(path.join(directory, path.basename(request.params.file)));
        return reply.type('text/plain; charset=utf-8').send(raw);
      } catch {
        return reply.code(404).type('text/plain; charset=utf-8').send('No such message');
      }
    },
  );
};
