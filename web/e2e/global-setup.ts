import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { type FakeStripe, startFakeStripe } from '../../test/helpers/fake-stripe.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Debian's chromium package; no browser downloads (CHROMIUM_PATH to use another). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
    /** The app's DATA_DIR: without SMTP_URL its e-mail lands in outbox/ there as .eml files. */
    dataDir: string;
    /**
     * The local fake Stripe the app pays through (test/helpers/fake-stripe.ts): its
     * Checkout pages, and GET /_fake/requests, /_fake/sessions, /_fake/webhook-deliveries.
     */
    fakeStripeUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  // Migrating and seeding a fresh embedded database takes seconds alone and minutes on a
  // machine shared by many builds (two cores at a load of 30 took over two minutes).
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become ready:\n${output()}`);
}

let app: ChildProcess | undefined;
let browser: BrowserServer | undefined;
let dataDir: string | undefined;
let stripe: FakeStripe | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  // The app as `npm start` serves it: build web/dist when it is missing or stale.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ensure-web-build.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');

  dataDir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Stripe as the app meets it: the official SDK against the fake, whose Checkout page
  // (the session's url) sends the signed webhook to the app when the payer presses Pay.
  stripe = await startFakeStripe({ webhookUrl: `${baseUrl}/v1/stripe/webhook` });
  let log = '';
  app = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      // The address the browser uses: Checkout's return URLs (and links in e-mail) lead
      // back to it, so the session cookie of 127.0.0.1 comes along.
      PUBLIC_URL: baseUrl,
      // STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_HOST/PORT/PROTOCOL.
      ...stripe.env,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // One browser reloads pages many times from one address.
      VERIFY_RATE_LIMIT_PER_MINUTE: '10000',
      // Sign-in is limited to 20 requests a minute per address; the sign-in journeys each
      // present their own address (X-Forwarded-For), as people behind one proxy would.
      TRUST_PROXY: 'true',
      // The webhooks journey's receiver listens on loopback (refused in production).
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHealth(baseUrl, app, () => log);

  browser = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  project.provide('baseUrl', baseUrl);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('dataDir', dataDir);
  project.provide('fakeStripeUrl', stripe.url);
}

export async function teardown(): Promise<void> {
  await browser?.close();
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (app.exitCode === null) app.kill('SIGKILL');
  }
  await stripe?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
