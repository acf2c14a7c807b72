/**
 * Certificates benchmark, part 2: what public verification by code costs.
 *
 *   npm run bench:verify                                                        # embedded database
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:verify   # a throwaway database on that server
 *   BENCH_SECONDS=2 npm run bench:verify
 *
 * Starts the real app on a real socket (demo seed), buys one certificate through the API
 * (supplier places an invoice order, admin marks it paid), then drives with autocannon at
 * 10 connections, all from one address:
 *   baseline   GET /ping on a second, bare Fastify instance in the same process
 *   verify     GET /v1/verify/{code} on the app
 *   limited    GET /v1/verify/{code} on a second app on the same database with the default limit
 * and prints req/s, p99 and the ratio to the baseline measured in the same run (target
 * ≥ 30%), because these machines are shared and absolute numbers drift; and the CPU time
 * each answer cost, with its ratio to the baseline's, which drifts far less under load.
 *
 * Rate limit: the verification routes allow VERIFY_RATE_LIMIT_PER_MINUTE requests a minute
 * per client address (default 120). This bench RAISES IT through that setting to 1e9 for
 * the "verify" case, so that the figure is the route itself (the limiter's bookkeeping
 * included) rather than 429s; the "limited" case keeps the default and shows what the
 * limiter's refusals cost (all but the first 120 answers are 429). The app's logger is off.
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
import { throwawayDatabase } from './throwaway-database.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
/** What the bench raises VERIFY_RATE_LIMIT_PER_MINUTE to, for the route's own figure. */
const RAISED_LIMIT = '1000000000';

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'impactbeurs-bench-verify-'));
  const server = process.env.BENCH_DATABASE_URL
    ? await throwawayDatabase(process.env.BENCH_DATABASE_URL)
    : undefined;
  const env = {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    TRUST_PROXY: 'true',
    ...(server ? { DATABASE_URL: server.url } : {}),
  };
  const config = loadConfig({ ...env, VERIFY_RATE_LIMIT_PER_MINUTE: RAISED_LIMIT });
  const { database } = await prepareDatabase(config);
  // As server.ts builds it: with the database's change notifications, so verification answers are cached.
  const buildOptions = {
    db: database.db,
    notifications: database.notifications,
    logger: false as const,
    loginThrottle: { windowSeconds: 1, perAccount: 1e9, perAddress: 1e9 },
  };
  const app = await buildApp({ config, ...buildOptions });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const limitedApp = await buildApp({ config: loadConfig(env), ...buildOptions });
  const limitedAddress = await limitedApp.listen({ port: 0, host: '127.0.0.1' });
  const bare = fastify();
  bare.get('/ping', () => ({ ok: true }));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  // Setup requests each come from an address of their own, so they never meet a rate limit.
  let setupIp = 0;
  async function call(
    method: string,
    urlPath: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ) {
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
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok)
      throw new Error(`${method} ${urlPath}: ${response.status} ${JSON.stringify(json)}`);
    return json!;
  }
  const signIn = async (email: string) =>
    (await call('POST', '/v1/auth/login', { email, password: DEMO_PASSWORD }))
      .accessToken as string;

  const supplier = await signIn('leverancier@devries.example');
  const admin = await signIn('admin@impactbeurs.example');
  const projects = (await call('GET', '/v1/projects')).items as { id: string }[];
  if (projects.length === 0) throw new Error('the demo seed lists no project');
  const order = await call(
    'POST',
    '/v1/orders',
    { projectId: projects[0]!.id, quantity: 1, paymentMethod: 'invoice' },
    supplier,
    {
      'idempotency-key': crypto.randomUUID(),
    },
  );
  const paid = await call(
    'POST',
    `/v1/orders/${order.id}/mark-paid`,
    { amountCents: order.amountCents, bankReference: 'NL-BENCH-1' },
    admin,
  );
  const certificateId = (paid.certificate as { id?: string } | null | undefined)?.id;
  if (!certificateId) throw new Error(`mark-paid returned no certificate: ${JSON.stringify(paid)}`);
  const code = (await call('GET', `/v1/certificates/${certificateId}`, undefined, supplier))
    .verificationCode as string;
  const check = await call('GET', `/v1/verify/${code}`);
  if (check.status !== 'active') throw new Error(`verify answered ${JSON.stringify(check)}`);

  // CPU time per answer as well as answers per second: on a shared machine the throughput
  // swings with other work (threefold between runs here), the CPU a request costs far less.
  // It counts this whole process (the app, the bare route and autocannon's own client), the
  // same way in every case, so its ratio to the baseline's compares the routes.
  const run = async (title: string, url: string, options: Partial<autocannon.Options> = {}) => {
    const cpuBefore = process.cpuUsage();
    const r = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      ...options,
      title,
    });
    const cpu = process.cpuUsage(cpuBefore);
    return {
      title,
      cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, r.requests.total),
      rps: r.requests.average,
      p99: r.latency.p99,
      ok: r['2xx'],
      tooMany:
        (r.statusCodeStats as Record<string, { count: number }> | undefined)?.['429']?.count ?? 0,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
  };

  const results = [];
  results.push(await run('baseline GET /ping (bare)', `${bareAddress}/ping`));
  results.push(await run('verify GET /v1/verify/{code}', `${address}/v1/verify/${code}`));
  results.push(await run('limited (default 120/min)', `${limitedAddress}/v1/verify/${code}`));

  const baseline = results[0]!.rps;
  const baselineCpu = results[0]!.cpuMicrosPerRequest;
  console.log(
    `\nImpactbeurs verification bench on ${database.engine}, ${CONNECTIONS} connections from one address, ${DURATION_S}s per case`,
  );
  console.log(
    `"verify" runs with VERIFY_RATE_LIMIT_PER_MINUTE=${RAISED_LIMIT} (raised by this bench); "limited" with the default ${loadConfig(env).verifyRateLimitPerMinute}`,
  );
  console.log(
    'case                              req/s    p99 ms   ratio to baseline        2xx       429   other non-2xx   errors   CPU µs/req   CPU ÷ baseline',
  );
  for (const r of results) {
    console.log(
      `${r.title.padEnd(32)}  ${r.rps.toFixed(0).padStart(7)}  ${String(r.p99).padStart(8)}   ${(r.rps / baseline).toFixed(3).padStart(17)}` +
        `  ${String(r.ok).padStart(9)} ${String(r.tooMany).padStart(9)}  ${String(r.non2xx - r.tooMany).padStart(14)}  ${String(r.errors).padStart(7)}` +
        `  ${r.cpuMicrosPerRequest.toFixed(1).padStart(11)}  ${(r.cpuMicrosPerRequest / baselineCpu).toFixed(3).padStart(15)}`,
    );
  }
  const route = results[1]!;
  console.log(
    `\nverify at ${((route.rps / baseline) * 100).toFixed(1)}% of the bare route (target ≥ 30%)`,
  );

  await bare.close();
  await limitedApp.close();
  await app.close();
  await database.close();
  await server?.drop();
  await rm(dataDir, { recursive: true, force: true });
}

await main();
