import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { MemoryTransport } from '../../src/modules/mail/mail.transport.js';
import { withDatabase } from '../global-setup.js';
import { type TestApp, testConfig } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { createTestDatabase } from '../helpers/database.js';
import { type FakeStripe, startFakeStripe } from '../helpers/fake-stripe.js';
import { type AppProcess, appProcess } from './app-process.js';
import {
  createLoadWorld,
  expectConsistentAfterFaults,
  LOAD_ENV,
  type LoadWorld,
  orderLoad,
} from './order-load.js';

/**
 * Bounded: this many kills, each after 1–4 s of load, then a start of ~7 s (FAULTS_KILLS
 * to change it). 8 keep `npm run test:faults` under 4 minutes on a 2-core machine; a
 * longer run (FAULTS_KILLS=40 FAULTS_KILL_SECONDS=600) strikes more of the windows a kill
 * can land in.
 */
const KILLS = Number(process.env.FAULTS_KILLS ?? 8);
/**
 * And within this many seconds of kills (FAULTS_KILL_SECONDS, default 75): on a machine
 * other work loads, a start takes 15 s or more, and the kills stop early, after at least
 * MIN_KILLS. The run prints how many it made.
 */
const KILL_SECONDS = Number(process.env.FAULTS_KILL_SECONDS ?? 75);
const MIN_KILLS = Math.min(KILLS, 4);
/** ORDER_KEY_STALE_SECONDS for the app under test: shorter than a restart. */
const KEY_STALE_SECONDS = 5;

/**
 * The app as a real process on the PostgreSQL server, under the order, payment, claim and
 * refund load, killed with SIGKILL at random points (in a transaction, in COMMIT, between
 * reserving an order and creating its Checkout Session, in a pg-boss job) and started
 * again, as a supervisor would. Every request is retried with its Idempotency-Key until it
 * is answered. Afterwards: no duplicate order, no key left in progress (a Stripe order
 * killed half-way is finished by a repeat of its key once the key is KEY_STALE_SECONDS old), every
 * invariant, every order final or resumable, and readiness answers.
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)('the app process killed under load', () => {
  let database: Database;
  let fake: FakeStripe;
  let t: TestApp;
  let world: LoadWorld;
  let app: AppProcess;

  beforeAll(async () => {
    fake = await startFakeStripe();
    database = await createTestDatabase();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(
      database.db,
    );
    const url = withDatabase(inject('pgTemplate')!.url, rows[0]!.name);
    // The world (people, projects, contracts) is made through an app in this process on
    // the same database; the load then goes to the child process.
    const config = testConfig({ ...fake.env, ...LOAD_ENV });
    const local = await buildApp({
      config,
      db: database.db,
      jobs: new InProcessJobQueue({ autoRun: false }),
      mailTransport: new MemoryTransport(),
      logger: false,
    });
    await local.ready();
    t = {
      app: local,
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
    app = await appProcess({
      databaseUrl: url,
      // A Stripe order killed between its reservation and its Checkout Session is finished
      // by a repeat of its key once the key is this old (a minute by default): after a
      // restart, which takes longer than that, at once instead of after a minute's wait.
      env: { ...fake.env, ...LOAD_ENV, ORDER_KEY_STALE_SECONDS: String(KEY_STALE_SECONDS) },
      logFile: process.env.FAULTS_LOG,
    });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await t?.app.close();
    await database?.close();
    await fake?.close();
  });

  it(
    `keeps every invariant through ${MIN_KILLS}–${KILLS} kills with SIGKILL and restarts`,
    async () => {
      let kills = 0;
      let stopped = false;
      const started = Date.now();
      const more = () =>
        kills < MIN_KILLS || (kills < KILLS && Date.now() - started < KILL_SECONDS * 1000);
      const load = orderLoad({
        base: () => app.base,
        world,
        fake,
        done: () => stopped,
        // A bound, not a wait: a start takes 15 s or more on a loaded machine.
        retryForMs: 120_000,
      });
      const running = load.run(6);
      while (more()) {
        await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 3000));
        await app.kill();
        kills += 1;
        await app.start();
      }
      stopped = true;
      const stats = await running;
      const seconds = Math.round((Date.now() - started) / 1000);

      // Readiness answers on the process that was started last.
      const ready = await fetch(`${app.base}/health/ready`);
      expect(ready.status).toBe(200);

      console.info(
        JSON.stringify({
          kills,
          starts: app.starts,
          seconds,
          operations: stats.operations,
          orders: stats.acknowledged.size,
          retried: stats.faults,
          statuses: stats.statuses,
        }),
      );
      expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
      expect(stats.acknowledged.size).toBeGreaterThan(kills);
      await expectConsistentAfterFaults(database.db, stats);
    },
    180_000 + KILL_SECONDS * 1000 + MIN_KILLS * 30_000,
  );
});
