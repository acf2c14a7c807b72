import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SafeTarget } from './safe-target.js';

export interface SendLimits {
  /** Time to open the connection (and TLS), in ms. */
  connectTimeoutMs: number;
  /** Time for the whole exchange, in ms. */
  totalTimeoutMs: number;
  /** Bytes of the answer read at most; the rest is not read. */
  maxResponseBytes: number;
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  connectTimeoutMs: 3_000,
  totalTimeoutMs: 10_000,
  maxResponseBytes: 4_096,
};

/** Characters of the answer kept in the delivery log. */
export const RESPONSE_PREFIX_CHARS = 256;

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  responsePrefix: string | null;
  error: string | null;
  /** A 2xx answer; anything else (3xx included: redirects are not followed) is a failure. */
  succeeded: boolean;
}

/**
 * POSTs the body to the checked target. The connection goes to `target.address`, the
 * address that was checked, whatever DNS says now; TLS still verifies the certificate
 * for the URL's host name. No agent (no pooled connection to another address), no
 * redirects followed, a connect and a total timeout, and at most `maxResponseBytes` read.
 */
export function sendWebhook(
  target: SafeTarget,
  headers: Record<string, string>,
  body: string,
  limits: SendLimits = DEFAULT_SEND_LIMITS,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all)
      callback(null, [{ address: target.address.address, family: target.address.family }]);
    else callback(null, target.address.address, target.address.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const fail = (error: string, statusCode: number | null = null) =>
      finish({ statusCode, responsePrefix: null, error: error.slice(0, 500), succeeded: false });

    const request = client.request(target.url, {
      method: 'POST',
      agent: false,
      lookup: pinned,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Impactbeurs-Webhooks/1',
      },
    });
    const totalTimer = setTimeout(() => {
      fail(`no complete answer within ${limits.totalTimeoutMs} ms`);
      request.destroy();
    }, limits.totalTimeoutMs);
    const connectTimer = setTimeout(() => {
      fail(`no connection within ${limits.connectTimeoutMs} ms`);
      request.destroy();
    }, limits.connectTimeoutMs);
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      socket.once(target.url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    request.on('error', (error) => fail(error.message));
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const text = Buffer.concat(chunks).subarray(0, limits.maxResponseBytes).toString('utf8');
        const status = response.statusCode ?? 0;
        finish({
          statusCode: status >= 100 && status <= 599 ? status : null,
          responsePrefix: text.slice(0, RESPONSE_PREFIX_CHARS),
          error: status >= 200 && status < 300 ? null : `answered ${status}`,
          succeeded: status >= 200 && status < 300,
        });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= limits.maxResponseBytes) {
          // Enough read: the rest is neither waited for nor kept.
          done();
          response.destroy();
        }
      });
      response.on('end', done);
      response.on('error', (error) => fail(error.message, response.statusCode ?? null));
    });
    request.end(body);
  });
}
