import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { JobQueue } from './job-queue.js';

type Handler = (data: Record<string, unknown>) => Promise<void>;

export interface PgBossQueueOptions {
  /** postgres:// URL of the application's database; pg-boss keeps its tables in `schema` there. */
  connectionString: string;
  /** pg-boss's own schema (created and migrated by pg-boss at start). */
  schema?: string;
  /** Size of pg-boss's own connection pool, apart from the API's. */
  poolSize?: number;
  /** Attempts per job (the first and its retries) before pg-boss marks it failed. */
  maxAttempts?: number;
  /** Delay before the first retry; later retries back off exponentially (with jitter). */
  retryDelaySeconds?: number;
  /** A job still active after this long is failed by pg-boss's maintenance and retried. */
  expireInSeconds?: number;
  /** How often an idle worker asks for new jobs (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Jobs one worker takes at once, and so runs concurrently, per job name and instance. */
  batchSize?: number;
  /** How long stop() waits for jobs in flight before pg-boss fails them (they are retried). */
  stopTimeoutMs?: number;
  /** Reports a failed attempt (with its job) or a pg-boss error (without). */
  onError?: (error: unknown, job?: { name: string; attempt: number }) => void;
}

/** Cron in pg-boss has minute granularity: intervals that divide an hour or a day are cron. */
export function cronFor(everySeconds: number): string | undefined {
  if (!Number.isInteger(everySeconds) || everySeconds < 60 || everySeconds % 60 !== 0)
    return undefined;
  const minutes = everySeconds / 60;
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return 60 % minutes === 0 ? `*/${minutes} * * * *` : undefined;
  if (minutes % 60 !== 0) return undefined;
  const hours = minutes / 60;
  if (hours === 24) return '0 0 * * *';
  return hours < 24 && 24 % hours === 0 ? `0 */${hours} * * *` : undefined;
}

/** singletonKey of the periodic jobs: a run still waiting means the next is not queued. */
const EVERY_KEY = '__every';

/**
 * The job queue on the PostgreSQL server, on pg-boss 10. Jobs live in the database (schema
 * `pgboss`), so they survive restarts, and every API instance may run workers: pg-boss
 * takes each job with `FOR UPDATE SKIP LOCKED`, so one job runs on one instance at a time.
 *
 * Semantics and limits:
 * - Every job name gets its own queue with the `short` policy: at most one job per
 *   singletonKey waits in the `created` state; a job already running or waiting for a
 *   retry does not block a new one (as in the in-process queue). A send without a key
 *   gets a unique one, because `short` would otherwise fold all keyless jobs into one.
 * - A failed attempt is retried after `retryDelaySeconds`, backing off, up to
 *   `maxAttempts`; then the job is kept as failed in pgboss.job/archive for inspection.
 * - A handler that outlives `expireInSeconds` (or an instance that dies mid-job) has its
 *   job failed and retried, possibly on another instance while the first still runs:
 *   handlers must be idempotent, which the JobQueue contract requires anyway.
 * - every(): intervals that are whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12,
 *   15, 20, 30) or whole hours dividing a day become pg-boss cron schedules (stored in
 *   pgboss.schedule, shared by all instances, sent once per tick by whichever instance
 *   holds pg-boss's timekeeping lock; cron fires within ~30 s of the minute). Any other
 *   interval (such as under a minute) falls back to a timer in each instance that sends
 *   with a pg-boss throttle slot of that length, so however many instances run, one job
 *   is queued per slot. A schedule stays in the database until unscheduled.
 * - send() works before start() (pg-boss is started on first use) so that a request that
 *   arrives between listen and start can queue work; workers run only after start().
 */
export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Handler>();
  private readonly schedules = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly workerIds = new Map<string, string>();
  private booting: Promise<void> | undefined;
  private started = false;
  private stopped = false;

  constructor(private readonly options: PgBossQueueOptions) {
    const maxAttempts = options.maxAttempts ?? 5;
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema ?? 'pgboss',
      max: options.poolSize ?? 4,
      application_name: 'impactbeurs-jobs',
      retryLimit: maxAttempts - 1,
      retryDelay: options.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 600,
      ...(options.pollingIntervalSeconds
        ? { pollingIntervalSeconds: options.pollingIntervalSeconds }
        : {}),
    });
    // An EventEmitter 'error' without a listener would crash the process.
    this.boss.on('error', (error) => this.options.onError?.(error));
  }

  async send(
    name: string,
    data: Record<string, unknown>,
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<void> {
    if (this.stopped) throw new Error(`job queue is stopped; cannot queue ${name}`);
    await this.boot();
    await this.ensureQueue(name);
    await this.boss.send(name, data, {
      singletonKey: options.singletonKey ?? randomUUID(),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
    // Wake this instance's idle worker rather than leave the job until its next poll.
    const workerId = this.workerIds.get(name);
    if (workerId && !options.startAfterSeconds) this.boss.notifyWorker(workerId);
  }

  async work(name: string, handler: Handler): Promise<void> {
    if (this.handlers.has(name)) throw new Error(`a handler for job ${name} is already registered`);
    this.handlers.set(name, handler);
    if (this.started) await this.startWorker(name, handler);
  }

  async every(name: string, everySeconds: number): Promise<void> {
    if (!(everySeconds > 0)) throw new Error(`every(${name}): the interval must be positive`);
    this.schedules.set(name, everySeconds);
    if (this.started) await this.startSchedule(name, everySeconds);
  }

  async start(): Promise<void> {
    if (this.started) return;
    if (this.stopped) throw new Error('a stopped job queue cannot be started again');
    await this.boot();
    // stop() may have been called (a shutdown signal) while pg-boss was starting.
    if (this.stopped) return;
    this.started = true;
    for (const [name, handler] of this.handlers) await this.startWorker(name, handler);
    for (const [name, everySeconds] of this.schedules) await this.startSchedule(name, everySeconds);
  }

  /** Stops polling, waits for jobs in flight (up to stopTimeoutMs) and closes the pool. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.started = false;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    if (this.booting) {
      await this.booting.catch(() => undefined);
      await this.boss.stop({
        graceful: true,
        wait: true,
        timeout: this.options.stopTimeoutMs ?? 8000,
      });
    }
  }

  private boot(): Promise<void> {
    this.booting ??= this.boss.start().then(
      () => undefined,
      (error: unknown) => {
        // Let the next call try again (the database may come back).
        this.booting = undefined;
        throw error;
      },
    );
    return this.booting;
  }

  private ensureQueue(name: string): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.createQueue(name).catch((error: unknown) => {
        this.queues.delete(name);
        throw error;
      });
      this.queues.set(name, created);
    }
    return created;
  }

  /**
   * pg-boss 10 creates a queue's partition in a transaction that deadlocks with another
   * instance creating the same queue at that moment (both start together on a fresh
   * database); PostgreSQL aborts one of them, which then finds the queue made.
   */
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return;
      try {
        await this.boss.createQueue(name, { name, policy: 'short' });
        return;
      } catch (error) {
        if (attempt >= 5 || (error as { code?: string }).code !== '40P01') throw error;
      }
    }
  }

  private async startWorker(name: string, handler: Handler): Promise<void> {
    await this.ensureQueue(name);
    const batchSize = this.options.batchSize ?? 5;
    const workerId = await this.boss.work<Record<string, unknown>>(
      name,
      { batchSize, includeMetadata: true },
      async (jobs) => {
        // A full batch suggests a backlog: fetch again at once instead of after the polling interval.
        const self = this.workerIds.get(name);
        if (jobs.length === batchSize && self) this.boss.notifyWorker(self);
        // Each job of the batch succeeds or fails on its own; pg-boss would otherwise fail
        // the whole batch when one handler throws.
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await handler(job.data ?? {});
              await this.boss.complete(name, job.id);
            } catch (error) {
              this.options.onError?.(error, { name, attempt: job.retryCount + 1 });
              await this.boss.fail(name, job.id, {
                message: error instanceof Error ? error.message : String(error),
              });
            }
          }),
        );
      },
    );
    this.workerIds.set(name, workerId);
  }

  private async startSchedule(name: string, everySeconds: number): Promise<void> {
    await this.ensureQueue(name);
    const cron = cronFor(everySeconds);
    if (cron) {
      await this.boss.schedule(name, cron, {}, { singletonKey: EVERY_KEY });
      return;
    }
    // A cron schedule left from an earlier interval would otherwise keep firing too.
    await this.boss.unschedule(name);
    const slot = Math.max(1, Math.round(everySeconds));
    const tick = () =>
      this.boss
        .send(name, {}, { singletonKey: EVERY_KEY, singletonSeconds: slot })
        .catch((error: unknown) => this.options.onError?.(error, { name, attempt: 0 }));
    const timer = setInterval(tick, everySeconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }
}
