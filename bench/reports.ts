/**
 * npm run bench:reports — the reports on a large platform (issue 7).
 *
 * Loads 1,000,000 synthetic paid orders with their certificates and approved claims over
 * 300 authorities (3,000 contracts, 3,000 suppliers, 3,000 projects in 100 regions) and
 * 12 quarters, plus 36,000 accepted outcome reports (one per project and quarter), into a
 * throwaway database on the PostgreSQL server; refreshes the summaries; then times, in the
 * same run:
 *   baseline  the plain GROUP BY over the raw rows (claims ⋈ certificates by authority,
 *             contract and project; paid orders by project)
 *   authority report, whole period, one quarter and an ad-hoc period (the service the route calls)
 *   supplier report, one quarter
 *   public stats
 * and prints each against its baseline.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server;
 * BENCH_ORDERS scales the load. While iterating, BENCH_KEEP=1 keeps the loaded database
 * (its name is printed) and BENCH_REUSE=<that name> times against it again without
 * loading (migrating it to the latest schema and refreshing the summaries first).
 */
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/types.js';
import { openPostgres } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { refreshReportSummaries } from '../src/modules/reports/report-jobs.js';
import { createReportsService } from '../src/modules/reports/reports.service.js';
import { throwawayDatabase } from './throwaway-database.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const AUTHORITIES = 300;
const REGIONS = 100;
const PROJECTS_PER_REGION = 30;
const PROJECTS = REGIONS * PROJECTS_PER_REGION;
const CONTRACTS = 3_000;
const SUPPLIERS = 3_000;
const QUARTERS = 12;

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), n: sorted.length };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time(
  runs: number,
  work: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; n: number }> {
  await work(-1); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE;

function reused(name: string) {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: async () => {} };
}

async function main() {
  const target = REUSE ? reused(REUSE) : await throwawayDatabase(SERVER);
  const database = openPostgres(target.url, { max: 4 });
  const db = database.db;
  try {
    await migrateToLatest(db);
    const load = performance.now();
    if (!REUSE) await loadData(db);
    const loaded = performance.now() - load;
    const refreshStart = performance.now();
    await refreshReportSummaries(db, { now: () => new Date() }, 5);
    const refreshed = performance.now() - refreshStart;
    await sql`ANALYZE`.execute(db);
    await timeReports(db, REUSE ? null : loaded, refreshed);
  } finally {
    await database.close();
    if (KEEP || REUSE)
      console.log(`kept database ${target.name} (BENCH_REUSE=${target.name}; drop it when done)`);
    else await target.drop();
  }
}

async function loadData(db: Kysely<DB>) {
  // Bulk load without row triggers and foreign-key checks (a throwaway database); the
  // shapes and CHECK constraints are the real ones.
  await sql`SET session_replication_role = replica`.execute(db);
  await sql`
    INSERT INTO organisations (id, kind, name, kvk_number)
    SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'platform', 'Platform', NULL FROM generate_series(1, 1) g
    UNION ALL SELECT ('00000000-0000-4000-8001-' || lpad(to_hex(g), 12, '0'))::uuid, 'initiative', 'Initiative ' || g, lpad((10000000 + g)::text, 8, '0') FROM generate_series(1, 100) g
    UNION ALL SELECT ('00000000-0000-4000-8002-' || lpad(to_hex(g), 12, '0'))::uuid, 'authority', 'Gemeente ' || g, lpad((20000000 + g)::text, 8, '0') FROM generate_series(0, ${AUTHORITIES - 1}) g
    UNION ALL SELECT ('00000000-0000-4000-8003-' || lpad(to_hex(g), 12, '0'))::uuid, 'supplier', 'Leverancier ' || g, lpad((30000000 + g)::text, 8, '0') FROM generate_series(0, ${SUPPLIERS - 1}) g
  `.execute(db);
  await sql`
    INSERT INTO users (id, organisation_id, organisation_kind, email, name, role, password_hash)
    VALUES ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000001', 'platform', 'bench@example.test', 'Bench', 'admin', '$argon2id$bench')
  `.execute(db);
  await sql`
    INSERT INTO projects (id, initiative_id, status, title, supply, threshold, listed_at, funding_deadline, created_by)
    SELECT ('00000000-0000-4000-8004-' || lpad(to_hex(g), 12, '0'))::uuid,
           ('00000000-0000-4000-8001-' || lpad(to_hex(1 + g % 100), 12, '0'))::uuid,
           'funded', 'Project ' || g, 100000000, 1, '2023-01-01', '2023-06-01', '00000000-0000-4000-9000-000000000001'
      FROM generate_series(0, ${PROJECTS - 1}) g
  `.execute(db);
  await sql`
    INSERT INTO project_outcomes (project_id, outcome_type, expected_count)
    SELECT ('00000000-0000-4000-8004-' || lpad(to_hex(g), 12, '0'))::uuid, t, 40
      FROM generate_series(0, ${PROJECTS - 1}) g, unnest(ARRAY['paid_work', 'diploma', 'driving_licence']) t
  `.execute(db);
  // Contract c: authority c % 300, supplier c; its orders buy from the authority's region.
  await sql`
    INSERT INTO contracts (id, authority_id, supplier_id, reference, title, value_cents, starts_on, ends_on, obligation_basis, percentage_bp, obligation_cents, created_by)
    SELECT ('00000000-0000-4000-8005-' || lpad(to_hex(c), 12, '0'))::uuid,
           ('00000000-0000-4000-8002-' || lpad(to_hex(c % ${AUTHORITIES}), 12, '0'))::uuid,
           ('00000000-0000-4000-8003-' || lpad(to_hex(c % ${SUPPLIERS}), 12, '0'))::uuid,
           'C-' || c, 'Contract ' || c, 1000000000, '2023-01-01', '2025-12-31', 'contract_value', 500, 50000000, '00000000-0000-4000-9000-000000000001'
      FROM generate_series(0, ${CONTRACTS - 1}) c
  `.execute(db);
  await sql`
    CREATE TEMP TABLE bench_orders AS
    SELECT i, i % ${CONTRACTS} AS c,
           ((i % ${CONTRACTS}) % ${AUTHORITIES}) % ${REGIONS} * ${PROJECTS_PER_REGION} + (i / ${CONTRACTS}) % ${PROJECTS_PER_REGION} AS p,
           1 + i % 7 AS q,
           timestamptz '2023-01-01 10:00+01' + ((i::bigint * 7919) % (${QUARTERS} * 91 - 15)) * interval '1 day' AS paid_at,
           gen_random_uuid() AS order_id, gen_random_uuid() AS certificate_id
      FROM generate_series(0, ${ORDERS - 1}) i
  `.execute(db);
  await sql`
    INSERT INTO orders (id, buyer_organisation_id, created_by, project_id, quantity, unit_price_cents, amount_cents, payment_method, status,
                        reserved_until, billing_name, invoice_number, payment_reference, paid_at, created_at, updated_at)
    SELECT o.order_id, ('00000000-0000-4000-8003-' || lpad(to_hex(o.c % ${SUPPLIERS}), 12, '0'))::uuid, '00000000-0000-4000-9000-000000000001',
           ('00000000-0000-4000-8004-' || lpad(to_hex(o.p), 12, '0'))::uuid, o.q, 3800, o.q * 3800, 'invoice', 'paid',
           o.paid_at, 'Leverancier', 'INV-' || o.i, 'RF' || o.i, o.paid_at, o.paid_at, o.paid_at
      FROM bench_orders o
  `.execute(db);
  await sql`
    INSERT INTO certificates (id, number, verification_code, order_id, project_id, buyer_organisation_id, credits, serial_start, serial_end, value_cents, issued_at)
    SELECT o.certificate_id, 'IB-2024-' || lpad(o.i::text, 7, '0'), 'BENCHCODE' || lpad(o.i::text, 16, '0'), o.order_id,
           ('00000000-0000-4000-8004-' || lpad(to_hex(o.p), 12, '0'))::uuid, ('00000000-0000-4000-8003-' || lpad(to_hex(o.c % ${SUPPLIERS}), 12, '0'))::uuid,
           o.q, 1, o.q, o.q * 3800, o.paid_at
      FROM bench_orders o
  `.execute(db);
  await sql`
    INSERT INTO claims (certificate_id, contract_id, authority_id, supplier_id, credits, unit_price_cents, credit_factor_bp, value_cents, status, created_by, created_at, decided_at)
    SELECT o.certificate_id, ('00000000-0000-4000-8005-' || lpad(to_hex(o.c), 12, '0'))::uuid,
           ('00000000-0000-4000-8002-' || lpad(to_hex(o.c % ${AUTHORITIES}), 12, '0'))::uuid, ('00000000-0000-4000-8003-' || lpad(to_hex(o.c % ${SUPPLIERS}), 12, '0'))::uuid,
           o.q, 3800, 10000, o.q * 3800, 'approved', '00000000-0000-4000-9000-000000000001', o.paid_at, o.paid_at + interval '10 days'
      FROM bench_orders o
  `.execute(db);
  await sql`
    INSERT INTO outcome_reports (id, project_id, kind, period_start, period_end, status, narrative, submitted_by, submitted_at, accepted_by, accepted_at)
    SELECT ('00000000-0000-4000-8006-' || lpad(to_hex(p * 100 + k), 12, '0'))::uuid, ('00000000-0000-4000-8004-' || lpad(to_hex(p), 12, '0'))::uuid, 'interim',
           (date '2023-01-01' + k * interval '3 months')::date, (date '2023-01-01' + (k + 1) * interval '3 months' - interval '1 day')::date,
           'accepted', 'Bench', '00000000-0000-4000-9000-000000000001', now(), '00000000-0000-4000-9000-000000000001', now()
      FROM generate_series(0, ${PROJECTS - 1}) p, generate_series(0, ${QUARTERS - 1}) k
  `.execute(db);
  await sql`
    INSERT INTO outcome_report_cells (report_id, project_id, period_end, dimension, category, exact, published, threshold)
    SELECT r.id, r.project_id, r.period_end, d.dimension, d.category, v.exact,
           -- rounded to a multiple of 5, up with probability remainder / 5, as reports publish them
           (v.exact / 5) * 5 + CASE WHEN abs(hashtext(r.id::text || d.dimension || d.category)) % 5 < v.exact % 5 THEN 5 ELSE 0 END, 5
      FROM outcome_reports r
      CROSS JOIN (VALUES ('participants', 'participatiewet'), ('participants', 'banenafspraak'), ('participants', 'ww'), ('participants', 'total'),
                         ('outcomes', 'paid_work'), ('outcomes', 'diploma'), ('outcomes', 'driving_licence'), ('outcomes', 'total'),
                         ('banenafspraak', 'paid_work'), ('banenafspraak', 'total')) AS d(dimension, category)
      CROSS JOIN LATERAL (SELECT (abs(hashtext(r.id::text || d.category)) % 25) AS exact) v
  `.execute(db);
  // How each report was published, so the summaries job finds nothing to publish again.
  await sql`
    INSERT INTO outcome_report_publications (report_id, method, threshold, cell_key_seed, rows, published_at)
    SELECT r.id, 'random_rounding', 5, decode(md5(r.id::text) || md5(r.id::text || 'seed'), 'hex'), '[]'::jsonb, now()
      FROM outcome_reports r
  `.execute(db);
  await sql`SET session_replication_role = origin`.execute(db);
  await sql`ANALYZE`.execute(db);
}

async function timeReports(db: Kysely<DB>, loaded: number | null, refreshed: number) {
  const clock = { now: () => new Date('2026-01-15T12:00:00Z') };
  const reports = createReportsService({ db, clock, disclosureThreshold: 5 });
  const admin = {
    actor: {
      userId: '00000000-0000-4000-9000-000000000001',
      organisationId: '00000000-0000-4000-8000-000000000001',
      organisationKind: 'platform' as const,
      role: 'admin' as const,
    },
    requestId: 'bench',
    ip: '',
  };
  const authorityId = (i: number) =>
    `00000000-0000-4000-8002-${(((i + 1) * 37) % AUTHORITIES).toString(16).padStart(12, '0')}`;

  const baselineClaims = await time(5, () =>
    sql`SELECT c.authority_id, c.contract_id, cert.project_id, sum(c.credits), sum(c.value_cents), count(*)
          FROM claims c JOIN certificates cert ON cert.id = c.certificate_id
         WHERE c.status = 'approved' GROUP BY 1, 2, 3`.execute(db),
  );
  const baselineOrders = await time(5, () =>
    sql`SELECT project_id, sum(quantity), sum(amount_cents), count(*) FROM orders WHERE status = 'paid' GROUP BY 1`.execute(
      db,
    ),
  );
  const whole = await time(30, (i) => reports.authority(admin, { authorityId: authorityId(i) }));
  const quarter = await time(100, (i) =>
    reports.authority(admin, { authorityId: authorityId(i), from: '2024-04-01', to: '2024-06-30' }),
  );
  const adHoc = await time(30, (i) =>
    reports.authority(admin, { authorityId: authorityId(i), from: '2024-02-10', to: '2024-08-15' }),
  );
  const publicStats = await time(50, () => reports.publicStats({}));
  const supplierId = (i: number) =>
    `00000000-0000-4000-8003-${(((i + 1) * 37) % SUPPLIERS).toString(16).padStart(12, '0')}`;
  const supplierQuarter = await time(50, (i) =>
    reports.supplier(admin, { supplierId: supplierId(i), from: '2024-04-01', to: '2024-06-30' }),
  );

  const sample = await reports.authority(admin, { authorityId: authorityId(0) });
  console.log(
    `bench:reports — ${ORDERS.toLocaleString('en')} paid orders and approved claims, ${AUTHORITIES} authorities, ${PROJECTS} projects, ${QUARTERS} quarters, ${PROJECTS * QUARTERS} accepted reports`,
  );
  console.log(
    `load ${loaded === null ? 'reused' : `${(loaded / 1000).toFixed(1)} s`}; refresh of the summaries (outside requests) ${ms(refreshed)}`,
  );
  console.log(`one authority: ${sample.srValue.claims} claims, ${sample.projects.length} projects`);
  console.log(
    `baseline GROUP BY claims ⋈ certificates (authority, contract, project): p50 ${ms(baselineClaims.p50)}`,
  );
  console.log(
    `baseline GROUP BY paid orders (project):                           p50 ${ms(baselineOrders.p50)}`,
  );
  console.log(
    `authority report, whole period:   p50 ${ms(whole.p50)}  p95 ${ms(whole.p95)}  = ${((whole.p50 / baselineClaims.p50) * 100).toFixed(1)}% of baseline (target ≤ 25%)`,
  );
  console.log(
    `authority report, one quarter:    p50 ${ms(quarter.p50)}  p95 ${ms(quarter.p95)}  (target p95 ≤ 20 ms) = ${((quarter.p50 / baselineClaims.p50) * 100).toFixed(1)}% of baseline`,
  );
  console.log(
    `authority report, ad-hoc period:  p50 ${ms(adHoc.p50)}  p95 ${ms(adHoc.p95)}  (two edges read from the claims)`,
  );
  console.log(
    `supplier report, one quarter:     p50 ${ms(supplierQuarter.p50)}  p95 ${ms(supplierQuarter.p95)}  (its ~${Math.round(ORDERS / SUPPLIERS)} certificates listed from the raw rows)`,
  );
  console.log(
    `public stats:                     p50 ${ms(publicStats.p50)}  p95 ${ms(publicStats.p95)}  = ${((publicStats.p50 / baselineOrders.p50) * 100).toFixed(1)}% of baseline`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
