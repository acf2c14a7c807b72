import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { EXPOSED_HEADERS } from './openapi-conventions.js';

export interface SecurityOptions {
  corsOrigins: string[];
  /** Shared counters for several instances; undefined: this instance's memory. */
  redis?: { url: string; keyPrefix: string } | undefined;
}

/**
 * Security headers, CORS and rate limits. Rate limits are opt-in per route
 * (`config.rateLimit`): public and sign-in routes declare theirs. The counters live in
 * Redis when REDIS_URL is set, so that N instances together allow what the configuration
 * says rather than N times it; otherwise in this instance's memory (one instance). The
 * account-level login throttle lives in the database either way.
 */
export default fp<SecurityOptions>(
  async function security(app: FastifyInstance, options) {
    // helmet's middleware is built once here; @fastify/helmet built it anew on every request.
    const securityHeaders = helmet({
      // The API serves JSON; only /docs (Swagger UI) needs scripts and styles from self.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          frameAncestors: ["'none'"],
        },
      },
    });
    app.addHook('onRequest', (request, reply, done) => {
      // Nothing served here needs a camera, a location or any other powerful feature.
      reply.header('permissions-policy', PERMISSIONS_POLICY);
      securityHeaders(request.raw, reply.raw, (error?: unknown) =>
        done(error as Error | undefined),
      );
    });
    await app.register(cors, {
      origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
      credentials: false,
      // Every documented response header, so that a browser client can read what it is told.
      exposedHeaders: [...EXPOSED_HEADERS, 'content-disposition'],
    });
    await app.register(rateLimit, { global: false, ...sharedCounters(app, options.redis) });

    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
  },
  { name: 'security' },
);

/**
 * The Redis store for the rate limits. If Redis cannot be reached, requests are let through
 * (`skipOnError`) and the failure is logged: a rate limit guards against abuse, and a
 * Redis outage should not take verification and sign-in down with it (the login throttle
 * in the database still holds). Commands fail fast rather than queue while it is away.
 */
function sharedCounters(
  app: FastifyInstance,
  redis: SecurityOptions['redis'],
): { redis?: Redis; nameSpace?: string; skipOnError?: boolean } {
  if (!redis) return {};
  const client = new Redis(redis.url, {
    connectTimeout: 500,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  let lastReported = 0;
  client.on('error', (error: Error) => {
    // ioredis reports every reconnection attempt; one line a minute is enough to be seen.
    const now = Date.now();
    if (now - lastReported < 60_000) return;
    lastReported = now;
    app.log.warn({ err: error }, 'Redis for rate limits unreachable: limits are not enforced');
  });
  app.addHook('onClose', async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return { redis: client, nameSpace: `${redis.keyPrefix}rate-limit:`, skipOnError: true };
}

/** Every powerful browser feature switched off, for this origin and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Rate-limit presets for routes that anyone can call. */
export const RATE_LIMITS = {
  /** Sign-in and token endpoints, per client address. */
  auth: { max: 20, timeWindow: '1 minute' },
  /**
   * Asking for a password-reset e-mail, per client address. The same answer whether or not
   * the address has an account, so this limit says nothing about accounts either.
   */
  passwordReset: { max: 5, timeWindow: '15 minutes' },
  /** Public reads (verification, listings, docs). */
  public: { max: 120, timeWindow: '1 minute' },
} as const;
