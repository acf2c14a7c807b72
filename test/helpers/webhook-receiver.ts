import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import type { TestApp } from './app.js';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A monitoring system's webhook receiver on a loopback port: it records every request
 * and answers with the status `answer` gives (200 by default; a promise makes it slow).
 */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  let answer: (request: {
    headers: Record<string, string>;
    body: string;
  }) => number | Promise<number> = () => 200;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
      );
      const body = Buffer.concat(chunks).toString('utf8');
      const status = await answer({ headers, body });
      received.push({ headers, body, status });
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(status < 300 ? 'ok' : `failing on purpose (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** The requests answered 2xx, parsed. */
    accepted: () =>
      received
        .filter((r) => r.status < 300)
        .map((r) => ({ ...r, json: JSON.parse(r.body) as WebhookBody })),
    answerWith(fn: typeof answer) {
      answer = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: {
    eventId: string;
    objectType: string;
    objectId: string;
    object: Record<string, unknown>;
    links: Record<string, string>;
  };
}

/** Runs the event dispatch and the deliveries that are due now (by the app's clock). */
export async function runWebhookJobs(t: TestApp): Promise<void> {
  const queue = t.jobs as InProcessJobQueue;
  await queue.send('events.dispatch', {});
  await queue.drain();
  await queue.send('webhooks.deliver', {});
  await queue.drain();
}
