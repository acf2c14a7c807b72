import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { cronFor, PgBossJobQueue, type PgBossQueueOptions } from '../../src/jobs/pg-boss-queue.js';
import { withDatabase } from '../global-setup.js';
import { createTestDatabase } from '../helpers/database.js';

async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('cronFor: which intervals pg-boss can run as cron', () => {
  it('maps minute and hour intervals that divide the hour or day to cron, others to none', () => {
    expect(cronFor(60)).toBe('* * * * *');
    expect(cronFor(600)).toBe('*/10 * * * *');
    expect(cronFor(900)).toBe('*/15 * * * *');
    expect(cronFor(3600)).toBe('0 */1 * * *');
    expect(cronFor(6 * 3600)).toBe('0 */6 * * *');
    expect(cronFor(24 * 3600)).toBe('0 0 * * *');
    for (const seconds of [1, 30, 59, 90, 7 * 60, 45 * 60, 5 * 3600, 48 * 3600, 60.5]) {
      expect(cronFor(seconds), `${seconds} s`).toBeUndefined();
    }
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)(
  'pg-boss job queue on the PostgreSQL server',
  () => {
    let database: Database;
    let url: string;
    const queues: PgBossJobQueue[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(
        database.db,
      );
      url = withDatabase(inject('pgTemplate')!.url, rows[0]!.name);
    });

    afterEach(async () => {
      await Promise.all(queues.splice(0).map((queue) => queue.stop()));
    });

    afterAll(async () => {
      await database?.close();
    });

    const errors: { error: unknown; job?: { name: string; attempt: number } }[] = [];
    function newQueue(options: Partial<PgBossQueueOptions> = {}): PgBossJobQueue {
      const queue = new PgBossJobQueue({
        connectionString: url,
        pollingIntervalSeconds: 0.5,
        retryDelaySeconds: 0,
        stopTimeoutMs: 5000,
        onError: (error, job) => errors.push({ error, ...(job ? { job } : {}) }),
        ...options,
      });
      queues.push(queue);
      return queue;
    }

    async function jobStates(name: string): Promise<string[]> {
      const { rows } = await sql<{
        state: string;
      }>`SELECT state::text AS state FROM pgboss.job WHERE name = ${name} ORDER BY created_on`.execute(
        database.db,
      );
      return rows.map((row) => row.state);
    }

    it('runs a sent job through its handler once, with its data, and records it completed', async () => {
      const queue = newQueue();
      const seen: Record<string, unknown>[] = [];
      await queue.work('test.round-trip', async (data) => {
        seen.push(data);
      });
      await queue.start();
      await queue.send('test.round-trip', { orderId: 'a1', quantity: 3 });

      await waitFor('the handler', () => seen.length === 1);
      expect(seen).toEqual([{ orderId: 'a1', quantity: 3 }]);
      await waitFor(
        'completion',
        async () => (await jobStates('test.round-trip')).join() === 'completed',
      );
      await sleep(700);
      expect(seen).toHaveLength(1);
    });

    it('queues a job once per singletonKey while one waits, and again once it has run', async () => {
      const queue = newQueue();
      const seen: string[] = [];
      await queue.work('test.singleton', async (data) => {
        seen.push(String(data.key));
      });
      // send() before start(): the jobs wait in the database until the workers run.
      for (let i = 0; i < 5; i++)
        await queue.send('test.singleton', { key: 'order-1' }, { singletonKey: 'order-1' });
      await queue.send('test.singleton', { key: 'order-2' }, { singletonKey: 'order-2' });
      // Jobs without a key are never folded together.
      await queue.send('test.singleton', { key: 'none' });
      await queue.send('test.singleton', { key: 'none' });
      expect(await jobStates('test.singleton')).toEqual([
        'created',
        'created',
        'created',
        'created',
      ]);

      await queue.start();
      await waitFor('the four jobs', () => seen.length === 4);
      expect(seen.sort()).toEqual(['none', 'none', 'order-1', 'order-2']);

      await queue.send('test.singleton', { key: 'order-1' }, { singletonKey: 'order-1' });
      await waitFor('the key to be usable again', () => seen.length === 5);
      await sleep(700);
      expect(seen.filter((key) => key === 'order-1')).toHaveLength(2);
    });

    it('retries a failing handler until it succeeds, reporting each failed attempt', async () => {
      const queue = newQueue({ maxAttempts: 4 });
      let calls = 0;
      await queue.work('test.flaky', async () => {
        calls += 1;
        if (calls < 3) throw new Error(`flaky failure ${calls}`);
      });
      await queue.start();
      await queue.send('test.flaky', {});

      await waitFor(
        'completion',
        async () => (await jobStates('test.flaky')).join() === 'completed',
      );
      expect(calls).toBe(3);
      const reported = errors.filter((entry) => entry.job?.name === 'test.flaky');
      expect(reported.map((entry) => entry.job!.attempt)).toEqual([1, 2]);
      expect(reported.map((entry) => (entry.error as Error).message)).toEqual([
        'flaky failure 1',
        'flaky failure 2',
      ]);
    });

    it('gives a job up as failed after maxAttempts', async () => {
      const queue = newQueue({ maxAttempts: 3 });
      let calls = 0;
      await queue.work('test.broken', async () => {
        calls += 1;
        throw new Error('always broken');
      });
      await queue.start();
      await queue.send('test.broken', {});

      await waitFor('failure', async () => (await jobStates('test.broken')).join() === 'failed');
      await sleep(1200);
      expect(calls).toBe(3);
      expect(await jobStates('test.broken')).toEqual(['failed']);
    });

    it('shares jobs between two instances on one database without running any job twice', async () => {
      const a = newQueue();
      const b = newQueue();
      const runs: { instance: string; id: number }[] = [];
      const handler = (instance: string) => async (data: Record<string, unknown>) => {
        runs.push({ instance, id: Number(data.id) });
        await sleep(30);
      };
      await a.work('test.shared', handler('a'));
      await b.work('test.shared', handler('b'));
      await Promise.all([a.start(), b.start()]);

      const JOBS = 60;
      await Promise.all(
        Array.from({ length: JOBS }, (_, id) => (id % 2 ? a : b).send('test.shared', { id })),
      );
      await waitFor('every job', () => runs.length >= JOBS, 30_000);
      await sleep(1200);

      expect(runs).toHaveLength(JOBS);
      expect(new Set(runs.map((run) => run.id)).size).toBe(JOBS);
      // Both instances took work, so they really competed for the same jobs.
      expect(runs.some((run) => run.instance === 'a')).toBe(true);
      expect(runs.some((run) => run.instance === 'b')).toBe(true);
      expect((await jobStates('test.shared')).every((state) => state === 'completed')).toBe(true);
    });

    it('runs a sub-minute every() once per interval however many instances schedule it', async () => {
      const a = newQueue();
      const b = newQueue();
      const runs: number[] = [];
      for (const queue of [a, b]) {
        await queue.work('test.tick', async () => {
          runs.push(Date.now());
        });
        await queue.every('test.tick', 1);
      }
      // b ticks half a second after a, so the ticks interleave rather than collide.
      await a.start();
      await sleep(500);
      await b.start();
      await sleep(4000);

      // Two instances tick eight times in 4.5 s between them; a one-second throttle slot lets
      // one job through per wall-clock second, so at most five.
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(5);
      await Promise.all([a.stop(), b.stop()]);
      const states = await jobStates('test.tick');
      expect(states.length).toBeLessThanOrEqual(5);
      expect(states.filter((state) => state === 'completed')).toHaveLength(runs.length);
    });

    it('stores a whole-minute every() as one pg-boss cron schedule', async () => {
      const a = newQueue();
      const b = newQueue();
      for (const queue of [a, b]) {
        await queue.work('test.minutely', async () => undefined);
        await queue.every('test.minutely', 600);
      }
      await Promise.all([a.start(), b.start()]);
      const { rows } = await sql<{
        name: string;
        cron: string;
      }>`SELECT name, cron FROM pgboss.schedule WHERE name = 'test.minutely'`.execute(database.db);
      expect(rows).toEqual([{ name: 'test.minutely', cron: '*/10 * * * *' }]);
    });

    it('stop() lets the job in flight finish, then runs nothing more and refuses new jobs', async () => {
      const queue = newQueue();
      const events: string[] = [];
      await queue.work('test.stop', async (data) => {
        events.push(`start ${String(data.n)}`);
        await sleep(400);
        events.push(`end ${String(data.n)}`);
      });
      await queue.start();
      await queue.send('test.stop', { n: 1 });
      await waitFor('the job to start', () => events.length === 1);

      await queue.stop();
      expect(events).toEqual(['start 1', 'end 1']);
      expect(await jobStates('test.stop')).toEqual(['completed']);
      await expect(queue.send('test.stop', { n: 2 })).rejects.toThrow(/stopped/);
    });
  },
);
