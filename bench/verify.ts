/**
 * Certificates benchmark, part 2: what public verification by code costs.
 *
 *   npm run bench:verify                  # embedded database, ~5 s per case
 *   BENCH_SECONDS=2 npm run bench:verify
 *
 * Starts the real app on a real socket (embedded database in a temporary DATA_DIR, demo
 * seed), buys one certificate through the API (supplier places an invoice order, admin
 * marks it paid), then drives with autocannon at 10 connections:
 *   baseline   GET /ping on a second, bare Fastify instance in the same process
 *   verify     GET /v1/verify/{code}, every request from 127.0.0.1
 *   verify/IP  GET /v1/verify/{code}, each request with its own X-Forwarded-For
 * and prints req/s, p99 and the ratio to the baseline measured in the same run (target
 * ≥ 30%), because these machines are shared and absolute numbers drift.
 *
 * Rate limit: the verify route is limited per client address (RATE_LIMITS.public, 120 a
 * minute), and there is no config or deps option to raise that limit. So in the plain
 * "verify" case nearly every request is the limiter's 429 after the first 120: that case
 * measures the limiter, and its 2xx and 429 counts are printed separately. The "verify/IP"
 * case builds the app with the existing TRUST_PROXY=true option and gives each request a
 * distinct X-Forwarded-For, so every simulated client stays under its limit and the figure
 * is the route itself (limiter bookkeeping included); it is the one compared to the target.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/seed/seed.js';
import { prepareDatabase } from '../src/startup.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'impactbeurs-bench-verify-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    TRUST_PROXY: 'true',
  });
  const { database } = await prepareDatabase(config);
  const app = await buildApp({ config, db: database.db, logger: false, loginThrottle: { windowSeconds: 1, perAccount: 1e9, perAddress: 1e9 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = fastify();
  bare.get('/ping', () => ({ ok: true }));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  // Setup requests each come from an address of their own, so they never meet a rate limit.
  let setupIp = 0;
  async function call(method: string, urlPath: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${address}${urlPath}`, {
      method,
      headers: {
        'x-forwarded-for': `10.255.0.${++setupIp}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => null)) as Record<string, any> | null;
    if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${JSON.stringify(json)}`);
    return json!;
  }
  const signIn = async (email: string) => (await call('POST', '/v1/auth/login', { email, password: DEMO_PASSWORD })).accessToken as string;

  const supplier = await signIn('leverancier@devries.example');
  const admin = await signIn('admin@impactbeurs.example');
  const projects = (await call('GET', '/v1/projects')).items as { id: string }[];
  if (projects.length === 0) throw new Error('the demo seed lists no project');
  const order = await call('POST', '/v1/orders', { projectId: projects[0]!.id, quantity: 1, paymentMethod: 'invoice' }, supplier, {
    'idempotency-key': crypto.randomUUID(),
  });
  const paid = await call('POST', `/v1/orders/${order.id}/mark-paid`, { amountCents: order.amountCents, bankReference: 'NL-BENCH-1' }, admin);
  const certificateId = paid.certificate?.id as string | undefined;
  if (!certificateId) throw new Error(`mark-paid returned no certificate: ${JSON.stringify(paid)}`);
  const code = (await call('GET', `/v1/certificates/${certificateId}`, undefined, supplier)).verificationCode as string;
  const check = await call('GET', `/v1/verify/${code}`);
  if (check.status !== 'active') throw new Error(`verify answered ${JSON.stringify(check)}`);

  const run = (title: string, url: string, options: Partial<autocannon.Options> = {}) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...options, title }).then((r) => ({
      title,
      rps: r.requests.average,
      p99: r.latency.p99,
      ok: r['2xx'],
      tooMany: (r.statusCodeStats as Record<string, { count: number }> | undefined)?.['429']?.count ?? 0,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    }));

  let clientIp = 0;
  const distinctAddress = (request: any) => {
    const n = ++clientIp;
    return { ...request, headers: { ...request.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
  };

  const results = [];
  results.push(await run('baseline GET /ping (bare)', `${bareAddress}/ping`));
  results.push(await run('verify GET /v1/verify/{code}', `${address}/v1/verify/${code}`));
  results.push(
    await run('verify/IP (one address each)', `${address}/v1/verify/${code}`, {
      requests: [{ method: 'GET', setupRequest: distinctAddress }],
    }),
  );

  const baseline = results[0]!.rps;
  console.log(`\nImpactbeurs verification bench on ${database.engine}, ${CONNECTIONS} connections, ${DURATION_S}s per case`);
  console.log('case                              req/s    p99 ms   ratio to baseline        2xx       429   other non-2xx   errors');
  for (const r of results) {
    console.log(
      `${r.title.padEnd(32)}  ${r.rps.toFixed(0).padStart(7)}  ${String(r.p99).padStart(8)}   ${(r.rps / baseline).toFixed(3).padStart(17)}` +
        `  ${String(r.ok).padStart(9)} ${String(r.tooMany).padStart(9)}  ${String(r.non2xx - r.tooMany).padStart(14)}  ${String(r.errors).padStart(7)}`,
    );
  }
  const route = results[2]!;
  console.log(`\nverify/IP at ${((route.rps / baseline) * 100).toFixed(1)}% of the bare route (target ≥ 30%)`);

  await bare.close();
  await app.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}

await main();
