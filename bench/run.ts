/**
 * Foundation benchmark: what authentication costs per request.
 *
 * Starts the real app on a real socket (on a throwaway database created on the
 * PostgreSQL server of BENCH_DATABASE_URL when set, else the embedded database in a
 * temporary folder), then drives it with autocannon:
 *   baseline  GET /health/live         (no auth, no database)
 *   auth      GET /v1/me               (JWT check + user/organisation lookup + read)
 *   login     POST /v1/auth/login      (argon2id verify; deliberately slow; one at a time)
 * and prints each figure with its ratio to the baseline measured in the same run,
 * because these machines are shared and absolute numbers drift.
 *
 *   npm run bench                       # embedded database
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/seed/seed.js';
import { prepareDatabase } from '../src/startup.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);

/** A fresh database on the server, so the bench never writes into one that holds data. */
async function throwawayDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `impactbeurs_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'impactbeurs-bench-'));
  const server = process.env.BENCH_DATABASE_URL
    ? await throwawayDatabase(process.env.BENCH_DATABASE_URL)
    : undefined;
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    ...(server ? { DATABASE_URL: server.url } : {}),
  });
  const { database } = await prepareDatabase(config);
  // As server.ts builds it: with the database's change notifications (its caches on).
  const app = await buildApp({
    config,
    db: database.db,
    notifications: database.notifications,
    logger: false,
    loginThrottle: { windowSeconds: 1, perAccount: 1e9, perAddress: 1e9 },
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const credentials = { email: 'leverancier@devries.example', password: DEMO_PASSWORD };
  const login = await fetch(`${address}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!login.ok)
    throw new Error(
      `login failed: ${login.status} (is the database empty? run against a fresh one)`,
    );
  const { accessToken } = (await login.json()) as { accessToken: string };

  const run = (title: string, urlPath: string, options: Partial<autocannon.Options> = {}) =>
    autocannon({
      url: `${address}${urlPath}`,
      connections: 10,
      duration: DURATION_S,
      ...options,
      title,
    }).then((result) => ({
      title,
      rps: result.requests.average,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
    }));

  const results = [];
  results.push(await run('baseline GET /health/live', '/health/live'));
  results.push(
    await run('auth GET /v1/me', '/v1/me', { headers: { authorization: `Bearer ${accessToken}` } }),
  );
  // Sign-in is rate limited per address (20 a minute), so it is timed sequentially instead.
  const LOGINS = 15;
  const started = performance.now();
  for (let i = 0; i < LOGINS; i++) {
    const response = await fetch(`${address}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) throw new Error(`login ${i} failed: ${response.status}`);
  }
  const loginMs = (performance.now() - started) / LOGINS;
  results.push({
    title: 'login POST /v1/auth/login (seq.)',
    rps: 1000 / loginMs,
    p99: Math.round(loginMs),
    non2xx: 0,
  });

  const baseline = results[0]!.rps;
  console.log(`\nImpactbeurs foundation bench on ${database.engine}, ${DURATION_S}s per case`);
  console.log('case                              req/s      p99 ms   ratio to baseline   errors');
  for (const r of results) {
    console.log(
      `${r.title.padEnd(32)}  ${r.rps.toFixed(0).padStart(8)}  ${String(r.p99).padStart(8)}   ${(r.rps / baseline).toFixed(3).padStart(17)}   ${r.non2xx}`,
    );
  }

  await app.close();
  await database.close();
  await server?.drop();
  await rm(dataDir, { recursive: true, force: true });
}

await main();
