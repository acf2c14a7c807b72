/**
 * Background work (reservation expiry, Stripe reconciliation, refunds through Stripe,
 * later PDF rendering) goes through this interface. On a PostgreSQL server it is
 * pg-boss, so several API instances share the work; on the embedded database it runs
 * in-process. Every handler must be safe to run twice.
 */
export interface JobQueue {
  /** Queues one job; with a singletonKey, a job already queued under that key is not queued again. */
  send(
    name: string,
    data: Record<string, unknown>,
    options?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<void>;
  /** Registers the handler of a job name. */
  work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  /** Runs a job every `everySeconds`. */
  every(name: string, everySeconds: number): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
