/**
 * Purchase benchmark: what creating an order costs next to the bare reservation.
 *
 * On a throwaway database on the PostgreSQL server of BENCH_DATABASE_URL, it starts the
 * real app on a real socket and drives POST /v1/orders (invoice, one credit, a new
 * Idempotency-Key per request) with autocannon (in a worker thread, off the app's event
 * loop) at 10 and 100 connections. Each request comes from a supplier drawn at random
 * from many (BUYERS_PER_CONNECTION per connection, at least BUYERS_MIN), as when many
 * suppliers buy at once: a buyer's orders queue on its own row, and each buyer holds a
 * few dozen open orders, not the thousands one buyer per connection would pile up (the
 * default limit is 20; the bench raises it so that no request is refused).
 *   (a) one      all buyers on one project
 *   (b) spread   each request on one of 100 projects, drawn at random
 * In the same run, as the baseline, it runs the reservation's raw SQL (the single
 * INSERT INTO credit_ledger 'reserve' whose trigger applies it to the project's balance)
 * with the same concurrency (as many concurrent callers as connections) through a pg Pool
 * of the app's size (BENCH_BASELINE_POOL) for the same time, on other projects of the same
 * shape. Between the two, the HTTP floor: a bare Fastify route in the same process that
 * runs only that SQL, driven exactly like the app (what HTTP and the load generator cost
 * here, which no implementation of the route can avoid). It prints req/s, p50/p99
 * latency, the ratios to the baseline, the share of the time the app's event loop was
 * busy (near 100%: the app's one thread is the limit), and the oversell count, which
 * must be 0.
 *
 *   npm run bench:purchase
 *   BENCH_APP_POOL=20 BENCH_BASELINE_POOL=max npm run bench:purchase
 *   BENCH_DATABASE_URL=postgres://user@host:5432/postgres BENCH_SECONDS=20 npm run bench:purchase
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import fastify, { type FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import type { DB } from '../src/db/types.js';
import { hashPassword } from '../src/lib/passwords.js';
import { prepareDatabase } from '../src/startup.js';
import { throwawayDatabase } from './throwaway-database.js';

/** The app's connection pool (DATABASE_POOL_SIZE); 10 is the production default. */
const APP_POOL_SIZE = Number(process.env.BENCH_APP_POOL ?? 10);
/**
 * The baseline's pool: by default the app's, so both meet the same client concurrency with
 * the same number of database connections. `max` gives it one connection per client (as far
 * as max_connections allows), which on a hot row is slower, not faster (more lock waiters);
 * a number sets it.
 */
const BASELINE_POOL = process.env.BENCH_BASELINE_POOL ?? 'app';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = [10, 100];
const SPREAD = 100;
const BUYERS_PER_CONNECTION = 10;
const BUYERS_MIN = 200;
const buyersFor = (c: Case) => Math.max(BUYERS_MIN, c.connections * BUYERS_PER_CONNECTION);
/** Large enough that nothing sells out during the run: every refusal would be a fault. */
const SUPPLY = 50_000_000;
const PASSWORD = 'bench-password-not-secret';
const HOOKS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'purchase');

type Scenario = 'one' | 'spread';
interface Case {
  scenario: Scenario;
  connections: number;
}
interface Figures {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  detail: string;
  /** The app's event loop: the share of the run it was busy. */
  loopBusy?: number;
}

/** The same reservation the order transaction ends with (orders.repository insertCreditEntry). */
const RESERVE_SQL = `
  INSERT INTO credit_ledger (project_id, entry_type, quantity, reference_type, reference_id, actor_user_id, created_at)
  VALUES ($1, 'reserve', 1, 'order', gen_random_uuid(), $2, now())`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Listed projects of the shape the services make, cloned from a seeded one (project, its decided round, its award), with their credits issued. */
async function cloneListedProjects(
  db: Kysely<DB>,
  count: number,
  label: string,
): Promise<string[]> {
  const template = await db
    .selectFrom('projects as p')
    .innerJoin('awards as a', (join) =>
      join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'),
    )
    .select([
      'p.id as projectId',
      'a.id as awardId',
      'a.round_id as roundId',
      'a.confirmed_by as adminId',
    ])
    .where('p.status', '=', 'listed')
    .where('p.funding_deadline', '>', new Date(Date.now() + 86_400_000))
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    WITH seq AS (
      SELECT i, gen_random_uuid() AS project_id, gen_random_uuid() AS round_id, gen_random_uuid() AS award_id
      FROM generate_series(1, ${count}::int) AS i
    ), projects_made AS (
      INSERT INTO projects
      SELECT (jsonb_populate_record(NULL::projects, to_jsonb(p) || jsonb_build_object(
        'id', seq.project_id, 'title', ${`Bench ${label} `}::text || seq.i, 'supply', ${SUPPLY}::int))).*
      FROM projects p, seq WHERE p.id = ${template.projectId}::uuid
      RETURNING id
    ), rounds_made AS (
      INSERT INTO review_rounds
      SELECT (jsonb_populate_record(NULL::review_rounds, to_jsonb(r) || jsonb_build_object('id', seq.round_id, 'project_id', seq.project_id))).*
      FROM review_rounds r, seq, projects_made m WHERE r.id = ${template.roundId}::uuid AND m.id = seq.project_id
      RETURNING id
    )
    INSERT INTO awards
    SELECT (jsonb_populate_record(NULL::awards, to_jsonb(a) || jsonb_build_object(
      'id', seq.award_id, 'project_id', seq.project_id, 'round_id', seq.round_id, 'supply', ${SUPPLY}::int))).*
    FROM awards a, seq, rounds_made m WHERE a.id = ${template.awardId}::uuid AND m.id = seq.round_id
    RETURNING project_id AS id
  `.execute(db);
  const ids = rows.map((row) => row.id);
  await sql`
    INSERT INTO credit_ledger (project_id, entry_type, quantity, reference_type, reference_id, actor_user_id)
    SELECT a.project_id, 'issue', ${SUPPLY}::int, 'award', a.id, ${template.adminId}::uuid FROM awards a WHERE a.project_id = ANY(${ids}::uuid[])
  `.execute(db);
  return ids;
}

let kvkCounter = 0;
/** Supplier organisations with one member each; answers each member's user and organisation id. */
async function createBuyers(
  db: Kysely<DB>,
  count: number,
  label: string,
  passwordHash: string,
): Promise<Buyer[]> {
  const first = 97_000_000 + kvkCounter;
  kvkCounter += count;
  const { rows } = await sql<Buyer>`
    WITH orgs AS (
      INSERT INTO organisations (kind, name, kvk_number, vat_number, address_street, address_postal_code, address_city)
      SELECT 'supplier', ${`Bench ${label} buyer `}::text || i, (${first}::int + i)::text,
        'NL' || lpad((${first}::int + i)::text, 9, '0') || 'B01', 'Benchstraat ' || i, '1234 AB', 'Utrecht'
      FROM generate_series(1, ${count}::int) AS i
      RETURNING id, name
    )
    INSERT INTO users (organisation_id, organisation_kind, email, name, role, password_hash)
    SELECT id, 'supplier', lower(replace(name, ' ', '.')) || '@bench.example', 'Bench buyer', 'member', ${passwordHash}::text FROM orgs
    RETURNING id AS "userId", organisation_id AS "organisationId", token_generation AS "tokenGeneration", email
  `.execute(db);
  return rows;
}

interface Buyer {
  userId: string;
  organisationId: string;
  tokenGeneration: number;
  email: string;
}

/**
 * Access tokens for the buyers. One buyer signs in through POST /v1/auth/login, which proves
 * the path; the rest get the same token from the app's own signer (what sign-in returns),
 * because a real sign-in costs an argon2id hash (~0.1 s) and the bench needs thousands.
 */
async function accessTokens(app: FastifyInstance, buyers: Buyer[]): Promise<string[]> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    remoteAddress: '10.77.0.1',
    payload: { email: buyers[0]!.email, password: PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(
      `sign-in of ${buyers[0]!.email} failed: ${response.statusCode} ${response.body}`,
    );
  const signedIn = response.json<{ accessToken: string }>().accessToken;
  return [
    signedIn,
    ...buyers
      .slice(1)
      .map((b) =>
        app.signAccessToken({ sub: b.userId, org: b.organisationId, gen: b.tokenGeneration }),
      ),
  ];
}

async function runBaseline(
  url: string,
  c: Case,
  projects: string[],
  actorUserId: string,
  poolSize: number,
  seconds = DURATION_S,
): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Every connection open before the clock starts, as the app's pool is warm.
  const clients = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
  for (const client of clients) client.release();
  const latencies: number[] = [];
  let failed = 0;
  let firstError = '';
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const projectId = projects[Math.floor(Math.random() * projects.length)]!;
      const t0 = performance.now();
      try {
        await pool.query(RESERVE_SQL, [projectId, actorUserId]);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ||= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: c.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    failed,
    detail: firstError ? `first error: ${firstError}` : `pool ${poolSize}`,
  };
}

/**
 * The HTTP floor: a bare Fastify route that does nothing but the baseline's reservation
 * (no sign-in, no validation, no order), driven exactly like the app. What it loses
 * against the bare SQL is what HTTP and the load generator cost on this machine, which
 * no implementation of POST /v1/orders can avoid.
 */
async function bareHttpReservation(url: string, actorUserId: string): Promise<FastifyInstance> {
  const pool = new pg.Pool({ connectionString: url, max: APP_POOL_SIZE });
  const bare = fastify();
  bare.post('/v1/orders', async (request, reply) => {
    await pool.query(RESERVE_SQL, [(request.body as { projectId: string }).projectId, actorUserId]);
    return reply.code(201).send({ ok: true });
  });
  bare.addHook('onClose', () => pool.end());
  return bare;
}

async function runApp(
  address: string,
  c: Case,
  projects: string[],
  tokens: string[],
  caseFile: string,
  seconds = DURATION_S,
): Promise<Figures> {
  await writeFile(caseFile, JSON.stringify({ tokens, projects }));
  // The worker thread autocannon starts reads the case from its (copied) environment.
  process.env.BENCH_PURCHASE_CASE = caseFile;
  const result = await autocannon({
    url: address,
    connections: c.connections,
    duration: seconds,
    workers: 1,
    setupClient: path.join(HOOKS, 'setup-client.cjs'),
    requests: [
      {
        method: 'POST',
        path: '/v1/orders',
        setupRequest: path.join(HOOKS, 'setup-request.cjs'),
      } as unknown as autocannon.Request,
    ],
  } as unknown as autocannon.Options);
  const codes = Object.entries(
    (result as unknown as { statusCodeStats?: Record<string, { count: number }> })
      .statusCodeStats ?? {},
  )
    .map(([code, stat]) => `${code}×${stat.count}`)
    .join(' ');
  const created =
    (result as unknown as { statusCodeStats?: Record<string, { count: number }> })
      .statusCodeStats?.['201']?.count ?? result['2xx'];
  return {
    // Only orders made count: a refusal is cheaper than an order and must not flatter the figure.
    rps: created / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: created,
    failed: result.non2xx + result.errors + result.timeouts,
    detail: codes || 'no responses',
  };
}

/**
 * autocannon stops with requests still queued in the app (waiting for its pool): wait
 * until no more orders appear, so the next case (and the final check) starts clean.
 */
async function quiesce(db: Kysely<DB>): Promise<void> {
  let last = -1;
  let still = 0;
  while (still < 4) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM orders`.execute(db);
    const n = Number(rows[0]!.n);
    still = n === last ? still + 1 : 0;
    last = n;
  }
}

async function checkCredits(db: Kysely<DB>, appProjects: string[]) {
  const { rows } = await sql<{
    oversold: string;
    ledger_mismatches: string;
    order_mismatches: string;
    reserved_orders: string;
  }>`
    WITH ledger AS (
      SELECT project_id,
        sum(quantity) FILTER (WHERE entry_type = 'issue') AS issued,
        coalesce(sum(CASE entry_type WHEN 'reserve' THEN quantity WHEN 'release' THEN -quantity WHEN 'sell' THEN -quantity ELSE 0 END), 0) AS reserved,
        coalesce(sum(CASE entry_type WHEN 'sell' THEN quantity WHEN 'refund' THEN -quantity ELSE 0 END), 0) AS sold
      FROM credit_ledger GROUP BY project_id
    ), ord AS (
      SELECT project_id, count(*) FILTER (WHERE status = 'reserved') AS reserved FROM orders GROUP BY project_id
    )
    SELECT
      (SELECT coalesce(sum(greatest(0, reserved + sold - supply)), 0) FROM project_credit_balances) AS oversold,
      (SELECT count(*) FROM project_credit_balances b FULL JOIN ledger l USING (project_id)
        WHERE b.supply IS DISTINCT FROM l.issued OR b.reserved IS DISTINCT FROM l.reserved OR b.sold IS DISTINCT FROM l.sold) AS ledger_mismatches,
      (SELECT count(*) FROM project_credit_balances b LEFT JOIN ord o USING (project_id)
        WHERE b.project_id = ANY(${appProjects}::uuid[]) AND b.reserved <> coalesce(o.reserved, 0)) AS order_mismatches,
      (SELECT count(*) FROM orders WHERE status = 'reserved') AS reserved_orders
  `.execute(db);
  const row = rows[0]!;
  return {
    oversold: Number(row.oversold),
    ledgerMismatches: Number(row.ledger_mismatches),
    orderMismatches: Number(row.order_mismatches),
    reservedOrders: Number(row.reserved_orders),
  };
}

async function freeConnectionSlots(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ free: number }>(
      `SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int AS free`,
    );
    return rows[0]!.free;
  } finally {
    await client.end();
  }
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'impactbeurs-bench-purchase-'));
  const server = await throwawayDatabase(SERVER_URL);
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let floor: FastifyInstance | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: server.url,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // Anti-hoarding limits as high as they go: every connection keeps one buyer ordering.
      MAX_OPEN_ORDERS_PER_ORGANISATION: '1000',
      MAX_RESERVED_SHARE_PERCENT: '100',
      DATABASE_POOL_SIZE: String(APP_POOL_SIZE),
    });
    ({ database } = await prepareDatabase(config));
    const db = database.db;

    console.log('Preparing: projects, buyers, sign-ins …');
    const projects = {
      app: {
        one: await cloneListedProjects(db, 1, 'app one'),
        spread: await cloneListedProjects(db, SPREAD, 'app spread'),
      },
      baseline: {
        one: await cloneListedProjects(db, 1, 'sql one'),
        spread: await cloneListedProjects(db, SPREAD, 'sql spread'),
      },
      floor: {
        one: await cloneListedProjects(db, 1, 'floor one'),
        spread: await cloneListedProjects(db, SPREAD, 'floor spread'),
      },
      warmUp: await cloneListedProjects(db, 1, 'warm-up'),
    };
    const cases: Case[] = CONNECTIONS.flatMap((connections) =>
      (['one', 'spread'] as const).map((scenario) => ({ scenario, connections })),
    );
    const passwordHash = await hashPassword(PASSWORD);
    // Buyers of their own per case, so no case starts with another's open orders.
    const buyers: Buyer[][] = [];
    for (const c of cases)
      buyers.push(
        await createBuyers(db, buyersFor(c), `${c.scenario}${c.connections}`, passwordHash),
      );
    const warmUpBuyers = await createBuyers(db, BUYERS_MIN, 'warm-up', passwordHash);
    const actor = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();

    // As server.ts builds it: with the database's change notifications (its caches on).
    app = await buildApp({
      config,
      db,
      notifications: database.notifications,
      logger: false,
      loginThrottle: { windowSeconds: 1, perAccount: 1e9, perAddress: 1e9 },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    floor = await bareHttpReservation(server.url, actor.id);
    const floorAddress = await floor.listen({ port: 0, host: '127.0.0.1' });
    const tokens = [];
    for (const caseBuyers of buyers) tokens.push(await accessTokens(app, caseBuyers));
    const warmUpTokens = await accessTokens(app, warmUpBuyers);
    const caseFile = path.join(dataDir, 'case.json');

    // JIT, caches and pools warm before anything is measured.
    const warmUp = await runApp(
      address,
      { scenario: 'one', connections: 10 },
      projects.warmUp,
      warmUpTokens,
      caseFile,
      2,
    );
    if (warmUp.ok === 0)
      throw new Error(`warm-up made no orders (${warmUp.detail}): is POST /v1/orders there?`);
    await quiesce(db);
    await runBaseline(
      server.url,
      { scenario: 'one', connections: 10 },
      projects.baseline.one,
      actor.id,
      10,
      2,
    );

    const rows: { c: Case; baseline: Figures; floor: Figures; app: Figures }[] = [];
    for (const [i, c] of cases.entries()) {
      // The server allows max_connections in all: leave room for the app's pool and others.
      const wanted =
        BASELINE_POOL === 'app'
          ? APP_POOL_SIZE
          : BASELINE_POOL === 'max'
            ? c.connections
            : Number(BASELINE_POOL);
      const poolSize = Math.max(
        1,
        Math.min(wanted, c.connections, (await freeConnectionSlots(server.url)) - 5),
      );
      process.stdout.write(`  ${c.scenario} × ${c.connections}: baseline … `);
      const baseline = await runBaseline(
        server.url,
        c,
        projects.baseline[c.scenario],
        actor.id,
        poolSize,
      );
      process.stdout.write(`${baseline.rps.toFixed(0)} req/s; bare HTTP … `);
      const floorFigures = await runApp(
        floorAddress,
        c,
        projects.floor[c.scenario],
        tokens[i]!,
        caseFile,
      );
      process.stdout.write(`${floorFigures.rps.toFixed(0)} req/s; app … `);
      const loopBefore = performance.eventLoopUtilization();
      const measured = await runApp(address, c, projects.app[c.scenario], tokens[i]!, caseFile);
      measured.loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
      await quiesce(db);
      console.log(`${measured.rps.toFixed(0)} req/s`);
      rows.push({ c, baseline, floor: floorFigures, app: measured });
    }

    const checks = await checkCredits(db, [
      ...projects.app.one,
      ...projects.app.spread,
      ...projects.warmUp,
    ]);
    const madeByApp = rows.reduce((sum, row) => sum + row.app.ok, 0) + warmUp.ok;

    console.log(
      `\nImpactbeurs purchase bench on PostgreSQL, ${DURATION_S}s per case; app pool ${APP_POOL_SIZE} connections (BENCH_APP_POOL, DATABASE_POOL_SIZE), ` +
        `baseline pool ${BASELINE_POOL === 'app' ? 'the same' : BASELINE_POOL} (BENCH_BASELINE_POOL), autocannon in a worker thread`,
    );
    console.log(
      'case            conns | baseline SQL  req/s  p50 ms  p99 ms | bare HTTP+SQL  req/s  ratio | POST /v1/orders  req/s  p50 ms  p99 ms  loop | ratio  target          | non-201 / errors',
    );
    for (const { c, baseline, floor: f, app: a } of rows) {
      const ratio = a.rps / baseline.rps;
      const label = c.scenario === 'one' ? '(a) one project' : `(b) ${SPREAD} projects`;
      let target = '';
      if (c.connections === 100) {
        const pass = c.scenario === 'one' ? ratio >= 0.6 && a.p99 <= 100 : ratio >= 0.5;
        target = `${c.scenario === 'one' ? '≥0.60, p99≤100' : '≥0.50'} ${pass ? 'met' : 'MISSED'}`;
      }
      console.log(
        `${label.padEnd(16)}${String(c.connections).padStart(5)} | ${baseline.rps.toFixed(0).padStart(19)} ${baseline.p50.toFixed(1).padStart(7)} ${baseline.p99.toFixed(1).padStart(7)} | ${f.rps.toFixed(0).padStart(20)} ${(f.rps / baseline.rps).toFixed(2).padStart(6)} | ${a.rps
          .toFixed(0)
          .padStart(
            22,
          )} ${a.p50.toFixed(1).padStart(7)} ${a.p99.toFixed(1).padStart(7)} ${`${((a.loopBusy ?? NaN) * 100).toFixed(0)}%`.padStart(5)} | ${ratio.toFixed(2).padStart(5)}  ${target.padEnd(15)} | ${a.failed} / ${baseline.failed}  (${a.detail}; baseline ${baseline.detail})`,
      );
    }
    console.log(
      `\noversold credits: ${checks.oversold}   ledger≠balance projects: ${checks.ledgerMismatches}   orders≠balance projects: ${checks.orderMismatches}` +
        `\norders answered 201: ${madeByApp}; orders in the database: ${checks.reservedOrders} (the difference: requests still in flight when a run stopped, completed after)`,
    );
    if (checks.oversold !== 0 || checks.ledgerMismatches !== 0 || checks.orderMismatches !== 0) {
      console.error('CREDIT INVARIANTS VIOLATED');
      process.exitCode = 1;
    }
  } finally {
    await floor?.close();
    await app?.close();
    await database?.close();
    await server.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
