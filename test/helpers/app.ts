import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/types.js';
import type { ThrottleLimits } from '../../src/modules/auth/login-throttle.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import type { PaymentGateway } from '../../src/lib/payment-gateway.js';
import { generateSigningJwk } from '../../src/modules/certificates/signing.js';
import { type MailTransport, MemoryTransport } from '../../src/modules/mail/mail.transport.js';
import type { VerificationCache } from '../../src/modules/certificates/verification-cache.js';
import type { ActorCache } from '../../src/modules/users/actor-cache.js';
import type { HostResolver } from '../../src/modules/webhooks/safe-target.js';
import { TestClock } from './clock.js';
import { createTestDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
/** The key that encrypts webhook signing secrets in the tests (production refuses the development key). */
export const TEST_WEBHOOK_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** One certificate signing key per test run (DATA_DIR does not exist in tests). */
export const TEST_SIGNING_JWK = generateSigningJwk();

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    PUBLIC_URL: 'http://impactbeurs.test',
    DATA_DIR: '/nonexistent-test-data-dir',
    // The API alone, whether or not the web app has been built (test/server/web-app.test.ts serves one).
    WEB_DIST_DIR: '/nonexistent-test-web-dist',
    LOG_LEVEL: 'silent',
    SIGNING_PRIVATE_KEY: JSON.stringify(TEST_SIGNING_JWK),
    WEBHOOK_SECRET_KEY: TEST_WEBHOOK_SECRET_KEY,
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  database: Database;
  clock: TestClock;
  config: Config;
  /** The queue the app was built with (an in-process queue driven by drain() unless one was passed). */
  jobs: JobQueue;
  payments: PaymentGateway | undefined;
  /** Every e-mail the app sent, once its job ran (`jobs.drain()`); empty when `mailTransport` was passed. */
  mailer: MemoryTransport;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Merged over the test environment; pass a fake Stripe's `env` to configure Stripe. */
  env?: Record<string, string>;
  loginThrottle?: ThrottleLimits;
  logger?: FastifyServerOptions['logger'];
  ready?: boolean;
  /** The payment gateway, or a factory given the loaded config (e.g. the real Stripe gateway on config.stripe). */
  payments?: PaymentGateway | ((config: Config) => PaymentGateway);
  jobs?: JobQueue;
  /** Verification answers cached in this, forgotten on the database's notifications (off by default). */
  verificationCache?: VerificationCache;
  /** Signed-in users' checks cached in this, forgotten on the database's notifications (off by default). */
  actorCache?: ActorCache;
  /** Where e-mail goes (e.g. an SmtpTransport to a test SMTP server); in memory by default. */
  mailTransport?: MailTransport;
  /** Plays DNS for webhook targets. */
  webhookResolver?: HostResolver;
}

/**
 * The real application on a fresh database of its own. Call `app.ready()` yourself if you
 * want to add test-only routes first; the helpers below call it.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const config = testConfig(options.env);
  const jobs = options.jobs ?? new InProcessJobQueue({ autoRun: false });
  const payments =
    typeof options.payments === 'function' ? options.payments(config) : options.payments;
  const mailer = new MemoryTransport();
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    jobs,
    mailTransport: options.mailTransport ?? mailer,
    ...(payments ? { payments } : {}),
    ...(options.webhookResolver ? { webhookResolver: options.webhookResolver } : {}),
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
    ...(options.verificationCache || options.actorCache
      ? {
          notifications: database.notifications,
          ...(options.verificationCache ? { verificationCache: options.verificationCache } : {}),
          ...(options.actorCache ? { actorCache: options.actorCache } : {}),
        }
      : {}),
    logger: options.logger ?? false,
  });
  if (options.ready !== false) await app.ready();
  return {
    app,
    db: database.db,
    database,
    clock,
    config,
    jobs,
    payments,
    mailer,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
