import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { MemoryTransport } from '../../src/modules/mail/mail.transport.js';
import { createStripeGateway } from '../../src/modules/payments/stripe-gateway.js';
import { type TestApp, testConfig } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { type FakeStripe, startFakeStripe } from '../helpers/fake-stripe.js';
import { freePort } from './app-process.js';
import {
  createLoadWorld,
  expectConsistentAfterFaults,
  LOAD_ENV,
  type LoadWorld,
  orderLoad,
} from './order-load.js';
import { findPostgresBinaries, type OwnPostgres, startOwnPostgres } from './own-postgres.js';

/**
 * The restarts, in order, each after 2–5 s of load: the second (and every fourth after it)
 * immediate (a crash). FAULTS_RESTARTS (default 4, at least 2) for a longer run.
 */
const RESTARTS: ('fast' | 'immediate')[] = Array.from(
  { length: Math.max(2, Number(process.env.FAULTS_RESTARTS ?? 4)) },
  (_, i) => (i === 1 || (i > 1 && i % 4 === 1) ? 'immediate' : 'fast'),
);

const binaries = await findPostgresBinaries();
const skip = 'skip' in binaries ? binaries.skip : undefined;
if (skip) console.warn(`database-restart.faults.ts skipped: ${skip}`);

/** Real time, moved ahead by hand: to let a key left in progress by a restart go stale. */
const clock = {
  offsetMs: 0,
  now: () => new Date(Date.now() + clock.offsetMs),
};

/**
 * PostgreSQL itself restarted under the order, payment, claim and refund load, on a
 * cluster of the test's own: `pg_ctl restart -m fast` (every session ended, a checkpoint)
 * and once `-m immediate` (a crash: recovery from the WAL on start). Clients retry with
 * their Idempotency-Keys. No order the app acknowledged (201) is lost, every invariant
 * holds, and readiness comes back by itself.
 */
describe.skipIf(!!skip)(
  `PostgreSQL restarted under load${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let postgres: OwnPostgres;
    let database: Database;
    let fake: FakeStripe;
    let t: TestApp;
    let world: LoadWorld;
    let base: string;

    beforeAll(async () => {
      if ('skip' in binaries) return;
      fake = await startFakeStripe();
      postgres = await startOwnPostgres(binaries, await freePort());
      await postgres.createDatabase('impactbeurs');
      database = openPostgres(postgres.url('impactbeurs'), { max: 10 });
      await migrateToLatest(database.db);
      const config = testConfig({ ...fake.env, ...LOAD_ENV });
      const app = await buildApp({
        config,
        clock,
        db: database.db,
        jobs: new InProcessJobQueue({ autoRun: true, onError: () => {} }),
        mailTransport: new MemoryTransport(),
        notifications: database.notifications,
        payments: createStripeGateway(config.stripe!, { maxNetworkRetries: 0 }),
        logger: process.env.FAULTS_LOG ? { level: 'warn', file: process.env.FAULTS_LOG } : false,
      });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
      t = {
        app,
        db: database.db,
        database,
        clock: new TestClock(),
        config,
        jobs: undefined as never,
        payments: undefined,
        mailer: new MemoryTransport(),
        close: async () => {},
      };
      world = await createLoadWorld(t);
    });

    afterAll(async () => {
      await t?.app.close();
      await database?.close();
      await postgres?.stop();
      await fake?.close();
    });

    it(
      `loses no acknowledged order through ${RESTARTS.length} restarts`,
      async () => {
        let restarts = 0;
        const load = orderLoad({
          base: () => base,
          world,
          fake,
          done: () => restarts >= RESTARTS.length,
        });
        const running = load.run(6);
        const downtimes: number[] = [];
        for (const mode of RESTARTS) {
          await new Promise((resolve) => setTimeout(resolve, 2000 + Math.random() * 3000));
          const before = Date.now();
          await postgres.restart(mode);
          downtimes.push(Date.now() - before);
          restarts += 1;
        }
        // A Stripe order interrupted between its reservation and its Checkout Session is
        // finished by a repeat of its key once the key is a minute old.
        clock.offsetMs = 61_000;
        const stats = await running;

        const deadline = Date.now() + 15_000;
        let ready = 0;
        while (Date.now() < deadline) {
          ready = (await fetch(`${base}/health/ready`)).status;
          if (ready === 200) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(ready).toBe(200);

        console.info(
          JSON.stringify({
            restarts: RESTARTS,
            restartMs: downtimes,
            operations: stats.operations,
            orders: stats.acknowledged.size,
            retried: stats.faults,
            statuses: stats.statuses,
          }),
        );
        expect(stats.acknowledged.size).toBeGreaterThan(RESTARTS.length);
        await expectConsistentAfterFaults(database.db, stats);
      },
      120_000 + 30_000 * RESTARTS.length,
    );
  },
);
