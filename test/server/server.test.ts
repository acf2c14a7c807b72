import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/seed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** Resolves once `predicate` holds for the output so far; rejects if the process exits first or time runs out. */
function waitForOutput(
  child: ChildProcess,
  output: () => string,
  predicate: (text: string) => boolean,
  ms: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate(output())) {
        cleanup();
        resolve(output());
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server exited with ${code} before it was ready:\n${output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server not ready after ${ms} ms:\n${output()}`));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

function waitForExit(
  child: ChildProcess,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
      return;
    }
    const timer = setTimeout(() => reject(new Error(`process did not exit within ${ms} ms`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

describe('the server process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-server-'));
  let child: ChildProcess | undefined;

  afterAll(() => {
    // Only if the test failed half-way: stop the process group this test started.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('in production without SMTP_URL refuses to start, naming it', async () => {
    const refused = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        PUBLIC_URL: 'https://impactbeurs.example',
        JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
        SIGNING_PRIVATE_KEY: '{"kty":"OKP","crv":"Ed25519","kid":"k"}',
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    refused.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exit = await waitForExit(refused, 60_000);
    expect(exit.code).toBe(1);
    expect(stderr).toMatch(/SMTP_URL: required when NODE_ENV=production/);
  });

  it('starts on an empty data dir, serves, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    let stdout = '';
    let stderr = '';
    child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], {
      cwd: ROOT,
      // A clean environment: no DATABASE_URL, no JWT_SECRET, so the embedded database and a generated secret are used.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const output = () => `${stdout}\n--- stderr ---\n${stderr}`;

    await waitForOutput(
      child,
      () => stdout,
      (text) => /Demo data seeded[^\n]*\n(.+\n)+\n/.test(text),
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output()}`);
    });
    expect(stdout).toContain(`listening on http://localhost:${port}`);
    expect(stdout).toContain(DEMO_PASSWORD);

    // The printed logins: "  email  role  organisation" lines after the heading.
    const block = stdout.slice(stdout.indexOf('Demo data seeded'));
    const logins = block
      .split('\n')
      .slice(1)
      .map((line) => /^\s+(\S+@\S+)\s+(\S+)\s+(.+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ email: match[1]!, role: match[2]! }));
    expect(logins.length).toBeGreaterThanOrEqual(6);
    expect(new Set(logins.map((login) => login.role))).toEqual(
      new Set(['admin', 'reviewer', 'member', 'coordinator', 'viewer']),
    );

    const base = `http://127.0.0.1:${port}`;
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });

    const docs = await fetch(`${base}/docs/`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toMatch(/<html/i);

    const spec = await fetch(`${base}/openapi.json`);
    expect(spec.status).toBe(200);
    expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');

    const coordinator = logins.find((login) => login.role === 'coordinator')!;
    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: coordinator.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${base}/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: coordinator.email, role: 'coordinator' },
    });

    // The embedded database is locked while the server holds it.
    await expect(openEmbedded(dataDir)).rejects.toThrow(/in use/);

    child.kill('SIGTERM');
    const exit = await waitForExit(child, 10_000);
    expect(exit, output()).toMatchObject({ code: 0, signal: null });
    expect(stderr).not.toMatch(/error/i);

    // The lock was released and the data survived: the folder opens again, with the demo users in it.
    const reopened = await openEmbedded(dataDir);
    try {
      const users = await reopened.db.selectFrom('users').select('email').execute();
      expect(users.map((user) => user.email)).toEqual(
        expect.arrayContaining(logins.map((l) => l.email)),
      );
    } finally {
      await reopened.close();
    }
  }, 90_000);
});
