import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';

function recordingErrors() {
  const errors: { message: string; name: string; attempt: number }[] = [];
  const onError = (error: unknown, job: { name: string; attempt: number }) =>
    errors.push({ message: error instanceof Error ? error.message : String(error), ...job });
  return { errors, onError };
}

describe('in-process job queue (embedded database)', () => {
  it('drain() runs every queued job in order, including jobs queued by a handler', async () => {
    const queue = new InProcessJobQueue({ autoRun: false });
    const ran: string[] = [];
    await queue.work('a', async (data) => {
      ran.push(`a${String(data.n)}`);
      if (data.n === 1) await queue.send('b', { n: 3 });
    });
    await queue.work('b', async (data) => {
      ran.push(`b${String(data.n)}`);
    });
    await queue.send('a', { n: 1 });
    await queue.send('a', { n: 2 });
    expect(ran).toEqual([]);
    expect(queue.queued('a')).toEqual([{ n: 1 }, { n: 2 }]);

    await queue.drain();
    expect(ran).toEqual(['a1', 'a2', 'b3']);
    expect(queue.queued()).toEqual([]);
  });

  it('without autoRun, start() and time alone run nothing: tests drive it with drain()', async () => {
    const queue = new InProcessJobQueue({ autoRun: false });
    let runs = 0;
    await queue.work('tick', async () => {
      runs += 1;
    });
    await queue.every('tick', 0.02);
    await queue.start();
    await queue.send('tick', {}, { startAfterSeconds: 60 });
    await sleep(100);
    expect(runs).toBe(0);
    // A delayed job is queued at once, so a test need not wait for it.
    expect(queue.queued('tick')).toHaveLength(1);
    await queue.drain();
    expect(runs).toBe(1);
  });

  it('retries a failing job up to maxAttempts, reporting each failure, then gives it up', async () => {
    const { errors, onError } = recordingErrors();
    const queue = new InProcessJobQueue({ autoRun: false, maxAttempts: 4, onError });
    let brokenCalls = 0;
    let flakyCalls = 0;
    await queue.work('broken', async () => {
      brokenCalls += 1;
      throw new Error('always');
    });
    await queue.work('flaky', async () => {
      flakyCalls += 1;
      if (flakyCalls === 1) throw new Error('once');
    });
    await queue.send('broken', {});
    await queue.send('flaky', {});

    await queue.drain();
    expect(brokenCalls).toBe(4);
    expect(flakyCalls).toBe(2);
    expect(errors.filter((e) => e.name === 'broken').map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(errors.filter((e) => e.name === 'flaky')).toEqual([
      { message: 'once', name: 'flaky', attempt: 1 },
    ]);
    expect(queue.queued()).toEqual([]);

    // Given up means gone: another drain runs nothing.
    await queue.drain();
    expect(brokenCalls).toBe(4);
  });

  it('defaults to three attempts', async () => {
    const queue = new InProcessJobQueue({ autoRun: false, onError: () => undefined });
    let calls = 0;
    await queue.work('broken', async () => {
      calls += 1;
      throw new Error('always');
    });
    await queue.send('broken', {});
    await queue.drain();
    expect(calls).toBe(3);
  });

  it('queues a job once per singletonKey while it waits, and again after it has run', async () => {
    const queue = new InProcessJobQueue({ autoRun: false });
    const ran: unknown[] = [];
    await queue.work('refund', async (data) => {
      ran.push(data.order);
    });
    await queue.send('refund', { order: 1 }, { singletonKey: 'order-1' });
    await queue.send('refund', { order: 1 }, { singletonKey: 'order-1' });
    await queue.send('refund', { order: 2 }, { singletonKey: 'order-2' });
    await queue.send('refund', { order: 3 });
    await queue.send('refund', { order: 3 });
    expect(queue.queued('refund')).toEqual([
      { order: 1 },
      { order: 2 },
      { order: 3 },
      { order: 3 },
    ]);

    await queue.drain();
    expect(ran).toEqual([1, 2, 3, 3]);

    await queue.send('refund', { order: 1 }, { singletonKey: 'order-1' });
    await queue.drain();
    expect(ran).toEqual([1, 2, 3, 3, 1]);
  });

  it('reports a job without a handler and drops it', async () => {
    const { errors, onError } = recordingErrors();
    const queue = new InProcessJobQueue({ autoRun: false, onError });
    await queue.send('nobody', { x: 1 });
    await queue.drain();
    expect(errors).toEqual([{ message: 'no handler for job nobody', name: 'nobody', attempt: 1 }]);
    expect(queue.queued()).toEqual([]);
  });

  it('with autoRun, runs jobs on its own once started, and every() on its interval', async () => {
    const queue = new InProcessJobQueue({ autoRun: true });
    const ran: string[] = [];
    await queue.work('job', async (data) => {
      ran.push(String(data.n));
    });
    let ticks = 0;
    await queue.work('tick', async () => {
      ticks += 1;
    });
    await queue.send('job', { n: 1 });
    await sleep(20);
    expect(ran).toEqual([]); // not started yet

    await queue.every('tick', 0.05);
    await queue.start();
    await queue.send('job', { n: 2 });
    await sleep(300);
    expect(ran).toEqual(['1', '2']);
    expect(ticks).toBeGreaterThanOrEqual(3);
    await queue.stop();
  });

  it('stop() waits for the running job and ends the periodic and delayed jobs', async () => {
    const queue = new InProcessJobQueue({ autoRun: true });
    const events: string[] = [];
    await queue.work('slow', async (data) => {
      events.push(`start ${String(data.n)}`);
      await sleep(150);
      events.push(`end ${String(data.n)}`);
    });
    let ticks = 0;
    await queue.work('tick', async () => {
      ticks += 1;
    });
    await queue.every('tick', 0.03);
    await queue.start();
    await queue.send('slow', { n: 1 });
    await queue.send('slow', { n: 2 });
    await queue.send('slow', { n: 3 }, { startAfterSeconds: 0.2 });
    await sleep(20);
    expect(events).toEqual(['start 1']);

    await queue.stop();
    expect(events).toEqual(['start 1', 'end 1']);
    const ticksAtStop = ticks;
    await sleep(350);
    expect(ticks).toBe(ticksAtStop);
    // Nothing started after stop(): job 2 still waits, and the delayed job 3's timer was cleared.
    expect(events).toEqual(['start 1', 'end 1']);
    expect(queue.queued('slow')).toEqual([{ n: 2 }]);
  });
});
