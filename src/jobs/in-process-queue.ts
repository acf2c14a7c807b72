import type { JobQueue } from './job-queue.js';

type Handler = (data: Record<string, unknown>) => Promise<void>;

interface QueuedJob {
  name: string;
  data: Record<string, unknown>;
  singletonKey: string | undefined;
  attempts: number;
}

export interface InProcessQueueOptions {
  /** Attempts per job before it is given up and logged. */
  maxAttempts?: number;
  /** Reports a failed attempt (the app passes its logger). */
  onError?: (error: unknown, job: { name: string; attempt: number }) => void;
  /** Tests drive the queue by hand with drain(); the server lets it run on its own. */
  autoRun?: boolean;
}

/**
 * The job queue of the embedded database: one process, so jobs run in this process,
 * one at a time, with retries. Not durable across restarts: every job here is either
 * re-derived by a periodic job (expiry, reconciliation) or safe to lose and redo.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly handlers = new Map<string, Handler>();
  private readonly pending: QueuedJob[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: InProcessQueueOptions = {}) {}

  async send(
    name: string,
    data: Record<string, unknown>,
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<void> {
    if (
      options.singletonKey &&
      this.pending.some((job) => job.name === name && job.singletonKey === options.singletonKey)
    )
      return;
    const job: QueuedJob = { name, data, singletonKey: options.singletonKey, attempts: 0 };
    if (options.startAfterSeconds && this.options.autoRun !== false) {
      const timer = setTimeout(() => this.enqueue(job), options.startAfterSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
      return;
    }
    this.enqueue(job);
  }

  async work(name: string, handler: Handler): Promise<void> {
    this.handlers.set(name, handler);
  }

  async every(name: string, everySeconds: number): Promise<void> {
    if (this.options.autoRun === false) return;
    const timer = setInterval(
      () => void this.send(name, {}, { singletonKey: 'every' }),
      everySeconds * 1000,
    );
    timer.unref();
    this.timers.push(timer);
  }

  async start(): Promise<void> {
    this.started = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    await this.running;
  }

  /** Runs every queued job (and those they queue) to completion. For tests and shutdown. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.running) {
      if (!this.running) this.runner({});
      await this.running;
    }
  }

  /** Jobs waiting, by name (for tests). */
  queued(name?: string): Record<string, unknown>[] {
    return this.pending
      .filter((job) => name === undefined || job.name === name)
      .map((job) => job.data);
  }

  /**
   * Drops the waiting jobs of a name, as a process that stopped before running them would
   * lose them (the in-process queue keeps nothing across restarts); answers how many. For tests.
   */
  discard(name: string): number {
    const kept = this.pending.filter((job) => job.name !== name);
    const dropped = this.pending.length - kept.length;
    this.pending.splice(0, this.pending.length, ...kept);
    return dropped;
  }

  private enqueue(job: QueuedJob): void {
    this.pending.push(job);
    this.kick();
  }

  private kick(): void {
    if (!this.started || this.options.autoRun === false || this.running) return;
    this.runner({ untilStopped: true });
  }

  /**
   * Clears `running` in a callback of its own: runPending can finish without awaiting
   * anything (only jobs without a handler), and a `finally` inside it would then clear
   * `running` before it was even assigned, leaving a settled promise there for good.
   */
  private runner(options: { untilStopped?: boolean }): void {
    const run: Promise<void> = this.runPending(options).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
  }

  /** drain() runs the queue empty; the automatic runner stops after the job in flight when stop() is called. */
  private async runPending(options: { untilStopped?: boolean }): Promise<void> {
    let job: QueuedJob | undefined;
    while (!(options.untilStopped && !this.started) && (job = this.pending.shift())) {
      const handler = this.handlers.get(job.name);
      if (!handler) {
        this.options.onError?.(new Error(`no handler for job ${job.name}`), {
          name: job.name,
          attempt: job.attempts + 1,
        });
        continue;
      }
      job.attempts += 1;
      try {
        await handler(job.data);
      } catch (error) {
        this.options.onError?.(error, { name: job.name, attempt: job.attempts });
        if (job.attempts < (this.options.maxAttempts ?? 3)) this.pending.push(job);
      }
    }
  }
}
