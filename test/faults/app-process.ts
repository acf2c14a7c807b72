import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { TEST_JWT_SECRET, TEST_SIGNING_JWK } from '../helpers/app.js';

/**
 * The app as a real child process (`node --import tsx src/server.ts`, one process, so a
 * SIGKILL kills the server itself and nothing is left behind), on a database URL, with the
 * environment a test gives it (a fake Stripe's, the load's limits). Start, kill, start
 * again on the same port, as a process supervisor would.
 */
export interface AppProcess {
  readonly base: string;
  /** Times the process was started. */
  readonly starts: number;
  start(): Promise<void>;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop), and wait. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function appProcess(options: {
  databaseUrl: string;
  env: Record<string, string>;
  /** Where the process's output goes (appended); discarded when not given. */
  logFile?: string | undefined;
}): Promise<AppProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const root = new URL('../..', import.meta.url).pathname;
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;
  let lastOutput = '';

  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '10',
    JWT_SECRET: TEST_JWT_SECRET,
    SIGNING_PRIVATE_KEY: JSON.stringify(TEST_SIGNING_JWK),
    DATA_DIR: '/nonexistent-test-data-dir',
    WEB_DIST_DIR: '/nonexistent-test-web-dist',
    SEED_DEMO: 'false',
    MAIL_DISABLED: 'true',
    LOG_LEVEL: options.logFile ? 'warn' : 'silent',
    ...options.env,
  };

  const alive = () => !!child && child.exitCode === null && child.signalCode === null;

  async function waitUntilLive(deadline: number): Promise<void> {
    for (;;) {
      try {
        const answer = await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(2000) });
        if (answer.ok) return;
      } catch {
        // not listening yet
      }
      if (!alive() || Date.now() > deadline)
        throw new Error(`the app did not start (exit ${child?.exitCode}): ${lastOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    base,
    get starts() {
      return starts;
    },
    async start() {
      starts += 1;
      const started = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      const keep = (chunk: Buffer) => {
        lastOutput = (lastOutput + chunk.toString()).slice(-2000);
        log?.write(chunk);
      };
      started.stdout?.on('data', keep);
      started.stderr?.on('data', keep);
      // A bound, not a wait: a start takes ~7 s, over a minute on a machine other work loads.
      await waitUntilLive(Date.now() + 180_000);
    },
    async kill() {
      if (!alive()) return;
      child!.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive()) return;
      child!.kill('SIGTERM');
      await exited;
      log?.end();
    },
  };
}
