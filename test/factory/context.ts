import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { DB, OrganisationKind, OrganisationRow, UserRole } from '../../src/db/types.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import type { PaymentGateway } from '../../src/lib/payment-gateway.js';
import type { ThrottleLimits } from '../../src/modules/auth/login-throttle.js';
import type { VerificationCache } from '../../src/modules/certificates/verification-cache.js';
import { createStripeGateway } from '../../src/modules/payments/stripe-gateway.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import type { ActorCache } from '../../src/modules/users/actor-cache.js';
import type { MailTransport } from '../../src/modules/mail/mail.transport.js';
import type { HostResolver } from '../../src/modules/webhooks/safe-target.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { MemoryPaymentGateway } from '../helpers/memory-payments.js';
import type { TestClock } from '../helpers/clock.js';
import {
  type FakeSession,
  type FakeStripe,
  signedWebhook,
  startFakeStripe,
  stripeEvent,
  type StripeEventPayload,
} from '../helpers/fake-stripe.js';
import {
  createOrganisation,
  createUser,
  type FixtureUser,
  type SignedIn,
  signIn,
} from '../helpers/fixtures.js';
import {
  catalogueProjects,
  type CatalogueProjects,
  type InsertedProject,
  type ProjectSpec,
} from './catalogue.js';
import { expectStatus } from './expect.js';
import { sessionEvent } from './stripe.js';
import { type OrderJson, ordersApi, type OrdersApi } from './orders.js';
import { insertPlan, validPlanInput } from './plans.js';
import { obligationsApi, type ObligationsApi } from './obligations.js';
import { reviewsApi, type ReviewsApi, type Scores } from './reviews.js';

/** A signed-in user: who they are, their organisation, and their bearer headers. */
export interface Person {
  user: FixtureUser;
  organisation: OrganisationRow;
  as: SignedIn;
}

/** A user the factory made (not signed in), with their organisation. */
export type User = FixtureUser & { organisation: OrganisationRow };

/** The roles of a cast (see TestContext.newCast). */
export const CAST_ROLES = [
  'admin',
  'reviewer',
  'initiativeMember',
  'supplierMember',
  'otherSupplierMember',
  'coordinator',
  'viewer',
] as const;
export type CastRole = (typeof CAST_ROLES)[number];

/** One signed-in person per role and the organisations they belong to (see TestContext.newCast). */
export interface Cast {
  people: Record<CastRole, Person>;
  /** The people's users (not their sign-ins), by role. */
  users: Record<CastRole, FixtureUser>;
  /** The people's sign-ins, by role. */
  as: Record<CastRole, SignedIn>;
  organisations: Record<
    'platform' | 'initiative' | 'supplier' | 'otherSupplier' | 'authority',
    OrganisationRow
  >;
}

/** Whom a request is sent as: a person, a bare sign-in, or nobody (the public). */
export type Who = Person | SignedIn | null | undefined;

export interface TestContextOptions {
  /** Merged over the test environment. */
  env?: Record<string, string>;
  /**
   * The real Stripe gateway (official SDK, no SDK retries, so a failure the fake is told
   * to make is seen) pointed at a local fake Stripe started for this context: `t.stripe`.
   */
  stripe?: boolean;
  /** An in-memory payment gateway on the context's clock: `t.memoryPayments`; not with `stripe`. */
  memoryPayments?: boolean;
  /** Another payment gateway; not with `stripe`. */
  payments?: PaymentGateway | ((config: Config) => PaymentGateway);
  /** Attempts of a failing job before the in-process queue gives up (the queue's default otherwise). */
  jobAttempts?: number;
  /** Another job queue (pg-boss); `t.runJobs()` then refuses. */
  jobs?: JobQueue;
  loginThrottle?: ThrottleLimits;
  logger?: FastifyServerOptions['logger'];
  /** false: do not call app.ready(), so a test can add routes first. */
  ready?: boolean;
  verificationCache?: VerificationCache;
  actorCache?: ActorCache;
  /** Where e-mail goes (e.g. an SmtpTransport to a test SMTP server); `t.mailer` otherwise. */
  mailTransport?: MailTransport;
  /** Plays DNS for webhook targets. */
  webhookResolver?: HostResolver;
}

export interface PlanRef {
  id: string;
  title: string;
  initiative: Person;
  budgetLineIds: string[];
}

export interface SubmittedPlan extends PlanRef {
  roundId: string;
}

export interface ListedProject {
  id: string;
  title: string;
  supply: number;
  priceCents: number;
  /** Credits that must sell for the project to be funded. */
  threshold: number;
  initiative: Person;
}

export interface CertificateRef {
  id: string;
  orderId: string;
  number: string;
  credits: number;
  verificationCode: string;
  amountCents: number;
  owner: Person;
}

export interface ContractJson {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  supplier: { id: string; name: string; kvkNumber: string | null; status: string };
  authority: { id: string; name: string };
  obligation: {
    basis: string;
    percentageBp: number | null;
    wageSumCents: number | null;
    obligationCents: number;
  };
  valuation: { acceptsCredits: boolean; creditFactorBp: number; creditShareCapBp: number };
  tenderNed: { reference: string; url: string } | null;
  progress: {
    requiredCents: number;
    approvedCents: number;
    pendingCents: number;
    remainingCents: number;
    creditCapCents: number;
    filledShareBp: number;
    overdue: boolean;
  };
}

export interface ClaimJson {
  id: string;
  status: string;
  credits: number;
  valueCents: number;
  countedCents: number;
  creditFactorBp: number;
  unitPriceCents: number;
  certificate: { id: string; number: string; status: string; verificationUrl: string };
  contract: { id: string; reference: string };
  authority: { id: string; name: string };
}

export interface StripeOrder {
  id: string;
  status: string;
  amountCents: number;
  checkoutUrl: string | null;
  /** A copy of the Checkout Session the fake Stripe holds for the order. */
  session: FakeSession;
}

/** A Stripe purchase placed through POST /v1/purchases: the purchase and its Checkout Session. */
export interface StripePurchase {
  id: string;
  amountCents: number;
  /** A copy of the one Checkout Session the fake Stripe holds for the purchase. */
  session: FakeSession;
  buyer: Person;
}

/** A line of a paid purchase: its order and the certificate it was issued. */
export interface PurchaseLine {
  orderId: string;
  projectId: string;
  amountCents: number;
  certificateId: string;
}

/** A Stripe purchase paid at Checkout and reported by the webhook. */
export interface PaidStripePurchase {
  id: string;
  amountCents: number;
  paymentIntentId: string;
  chargeId: string;
  /** In the order of the orders' ids. */
  lines: PurchaseLine[];
}

/** The tables countRows counts. */
export const COUNTED_TABLES = [
  'stripe_events',
  'orders',
  'money_ledger',
  'credit_ledger',
  'audit_events',
  'certificates',
  'credit_allocations',
  'payment_disputes',
  'idempotency_keys',
] as const;

type ProjectArg = string | { id: string };
const idOf = (project: ProjectArg) => (typeof project === 'string' ? project : project.id);

let addressCounter = 0;
/** Sign-in is rate-limited per client address; every sign-in gets an address of its own. */
export function nextAddress(): string {
  addressCounter++;
  return `10.61.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

let sequence = 0;
const unique = () => `${process.pid % 1000}-${++sequence}-${randomUUID().slice(0, 6)}`;

/**
 * One test file's world: the real app on a database of its own (a clone of the migrated
 * template), its clock, job queue, mailer and (option `stripe`) a local fake Stripe, with
 * request helpers and builders named for what a test needs. Each builder takes only the
 * overrides that matter and makes every prerequisite itself, through the HTTP API unless
 * it says why not.
 *
 *   const t = await TestContext.create();
 *   const order = await t.newPaidOrder({ credits: 3 });
 *   await t.close();
 *
 * It is also a TestApp, so helpers written for createTestApp accept it.
 */
export class TestContext implements TestApp {
  readonly app: FastifyInstance;
  readonly db: Kysely<DB>;
  readonly database: Database;
  readonly clock: TestClock;
  readonly config: Config;
  readonly jobs: JobQueue;
  readonly payments: PaymentGateway | undefined;
  readonly mailer: TestApp['mailer'];
  /** The orders API as one-liners, and the webhook's entry points as the Stripe module calls them. */
  readonly orders: OrdersApi;
  /** The review API (panel, declarations, scores, consensus, award, listing) as one-liners. */
  readonly reviews: ReviewsApi;
  /** The contracts and claims API (claim, approve, reject, withdraw, contract, verification) as one-liners. */
  readonly obligations: ObligationsApi;
  private readonly fake: FakeStripe | undefined;
  private readonly testApp: TestApp;
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(testApp: TestApp, fake: FakeStripe | undefined) {
    this.testApp = testApp;
    this.app = testApp.app;
    this.db = testApp.db;
    this.database = testApp.database;
    this.clock = testApp.clock;
    this.config = testApp.config;
    this.jobs = testApp.jobs;
    this.payments = testApp.payments;
    this.mailer = testApp.mailer;
    this.fake = fake;
    this.orders = ordersApi(testApp);
    this.reviews = reviewsApi(testApp);
    this.obligations = obligationsApi(testApp);
  }

  static async create(options: TestContextOptions = {}): Promise<TestContext> {
    if ([options.stripe, options.payments, options.memoryPayments].filter(Boolean).length > 1)
      throw new Error('TestContext: pass one of stripe, memoryPayments and payments');
    // The gateway is made before the app (and its clock); it reads the clock once there is one.
    const clock: { now?: () => Date } = {};
    const memory = options.memoryPayments
      ? new MemoryPaymentGateway(() => (clock.now ? clock.now() : new Date()))
      : undefined;
    const fake = options.stripe ? await startFakeStripe() : undefined;
    const jobs =
      options.jobs ??
      new InProcessJobQueue({
        autoRun: false,
        ...(options.jobAttempts ? { maxAttempts: options.jobAttempts } : {}),
      });
    const payments = fake
      ? (config: Config) => createStripeGateway(config.stripe!, { maxNetworkRetries: 0 })
      : (memory ?? options.payments);
    const testApp = await createTestApp({
      env: { ...fake?.env, ...options.env },
      jobs,
      ...(payments ? { payments } : {}),
      ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.ready === false ? { ready: false } : {}),
      ...(options.verificationCache ? { verificationCache: options.verificationCache } : {}),
      ...(options.actorCache ? { actorCache: options.actorCache } : {}),
      ...(options.mailTransport ? { mailTransport: options.mailTransport } : {}),
      ...(options.webhookResolver ? { webhookResolver: options.webhookResolver } : {}),
    });
    clock.now = () => testApp.clock.now();
    return new TestContext(testApp, fake);
  }

  /**
   * The factory over an app a test built itself (the fault and multi-instance tests start
   * their own servers): the builders act through `testApp.app` on `testApp.db`. Closing
   * it calls `testApp.close()`; the test stops its own servers.
   */
  static around(testApp: TestApp): TestContext {
    return new TestContext(testApp, undefined);
  }

  async close(): Promise<void> {
    await this.testApp.close();
    await this.fake?.close();
  }

  /** The local fake Stripe (only with the option `stripe`). */
  get stripe(): FakeStripe {
    if (!this.fake) throw new Error('TestContext.create({ stripe: true }) starts the fake Stripe');
    return this.fake;
  }

  /** The in-memory payment gateway (only with the option `memoryPayments`). */
  get memoryPayments(): MemoryPaymentGateway {
    if (!(this.payments instanceof MemoryPaymentGateway))
      throw new Error('TestContext.create({ memoryPayments: true }) makes the memory gateway');
    return this.payments;
  }

  /** The in-process queue (the default). */
  get queue(): InProcessJobQueue {
    if (!(this.jobs instanceof InProcessJobQueue))
      throw new Error('the context was built with another job queue');
    return this.jobs;
  }

  // ─── Requests ──────────────────────────────────────────────────────────────────────

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    who: Who,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const auth = who ? ('as' in who ? who.as.headers : who.headers) : {};
    return this.app.inject({
      method,
      url,
      headers: { ...auth, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  }

  get(who: Who, url: string, headers?: Record<string, string>) {
    return this.request('GET', who, url, undefined, headers);
  }

  post(who: Who, url: string, payload?: object, headers?: Record<string, string>) {
    return this.request('POST', who, url, payload, headers);
  }

  put(who: Who, url: string, payload?: object, headers?: Record<string, string>) {
    return this.request('PUT', who, url, payload, headers);
  }

  patch(who: Who, url: string, payload?: object, headers?: Record<string, string>) {
    return this.request('PATCH', who, url, payload, headers);
  }

  delete(who: Who, url: string, headers?: Record<string, string>) {
    return this.request('DELETE', who, url, undefined, headers);
  }

  /** GET that must answer 200; answers the JSON body (as loosely typed as response.json()). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async getJson<T = any>(who: Who, url: string): Promise<T> {
    const response = await this.get(who, url);
    expectStatus(response, 200);
    return response.json<T>();
  }

  // ─── Jobs, invariants, rows ────────────────────────────────────────────────────────

  /** Runs everything queued (and what that queues) to completion. */
  async runJobs(): Promise<void> {
    await this.queue.drain();
  }

  /** Queues a job, then runs everything queued to completion. */
  async runJob(name: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.queue.send(name, data);
    await this.queue.drain();
  }

  /** Every invariant of docs/invariants.md holds. */
  async expectInvariants(): Promise<void> {
    expect(await checkInvariants(this.db)).toEqual([]);
  }

  /** How many audit events of this action (on this subject) were written. */
  async auditCount(action: string, subjectId?: string): Promise<number> {
    let query = this.db
      .selectFrom('audit_events')
      .select(sql<string>`count(*)`.as('n'))
      .where('action', '=', action);
    if (subjectId) query = query.where('subject_id', '=', subjectId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  /** GET /v1/projects/{id}/funding as this person (or the public). */
  funding(who: Who, projectId: string) {
    return this.getJson(who, `/v1/projects/${projectId}/funding`);
  }

  /** Money-ledger totals of a project, straight from the table. */
  async moneyLedger(projectId: string) {
    const result = await sql<{ entry_type: string; total: string; n: string }>`
      SELECT entry_type, sum(amount_cents)::text AS total, count(*)::text AS n FROM money_ledger WHERE project_id = ${projectId} GROUP BY entry_type
    `.execute(this.db);
    const by = Object.fromEntries(
      result.rows.map((r) => [r.entry_type, { total: Number(r.total), n: Number(r.n) }]),
    );
    return {
      received: by['payment_received']?.total ?? 0,
      refunded: by['refund_paid']?.total ?? 0,
      paidOut: by['payout']?.total ?? 0,
      rows: result.rows.reduce((sum, r) => sum + Number(r.n), 0),
    };
  }

  orderRow(orderId: string) {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
  }

  /** Every certificate issued for an order. */
  certificatesOf(orderId: string) {
    return this.db.selectFrom('certificates').selectAll().where('order_id', '=', orderId).execute();
  }

  /** How many of a certificate's credits are claimed, straight from the table. */
  async claimedCredits(certificateId: string): Promise<number> {
    return (await this.certificateRow(certificateId)).claimed_credits;
  }

  /** The rows the webhook stored for a Stripe event id. */
  stripeEventRows(eventId: string) {
    return this.db.selectFrom('stripe_events').selectAll().where('id', '=', eventId).execute();
  }

  /** A project's credit balance as the project_credit_balances view counts it. */
  creditBalance(projectId: string) {
    return this.db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
  }

  /** The credit-ledger entries of an order, oldest first. */
  creditEntries(orderId: string) {
    return this.db
      .selectFrom('credit_ledger')
      .select(['entry_type', 'quantity'])
      .where('reference_type', '=', 'order')
      .where('reference_id', '=', orderId)
      .orderBy('id')
      .execute();
  }

  /** The money-ledger entries of an order, oldest first. */
  async moneyEntries(orderId: string) {
    const rows = await this.db
      .selectFrom('money_ledger')
      .select(['entry_type', 'amount_cents'])
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      entry_type: row.entry_type,
      amount_cents: Number(row.amount_cents),
    }));
  }

  /**
   * Row counts of every table a webhook or a payment could write, and the latest change
   * to any order, to prove a refused request wrote nothing.
   */
  async countRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const result = await sql<{
        n: string | number;
      }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(this.db);
      counts[table] = Number(result.rows[0]!.n);
    }
    // Any change to an order (status, flags) moves its updated_at.
    const latest = await sql<{
      at: Date | null;
    }>`SELECT max(updated_at) AS at FROM orders`.execute(this.db);
    counts['orders.max_updated_at'] = latest.rows[0]!.at
      ? new Date(latest.rows[0]!.at).getTime()
      : 0;
    return counts;
  }

  certificateRow(certificateId: string) {
    return this.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', certificateId)
      .executeTakeFirstOrThrow();
  }

  // ─── Organisations and people ──────────────────────────────────────────────────────

  /**
   * Inserted directly: organisations come from the platform's onboarding, which
   * test/organisations and test/invitations exercise; other tests only need one to exist.
   */
  newOrganisation(
    kind: OrganisationKind,
    overrides: Partial<{
      name: string;
      kvkNumber: string | null;
      status: 'active' | 'disabled';
    }> = {},
  ): Promise<OrganisationRow> {
    return createOrganisation(this.db, kind, {
      ...(kind === 'platform' && overrides.kvkNumber === undefined ? { kvkNumber: null } : {}),
      ...overrides,
    });
  }

  /** The platform organisation (made on first use). */
  platform(): Promise<OrganisationRow> {
    return this.once('platform', () => this.newOrganisation('platform'));
  }

  /**
   * A user, inserted directly with the fixture password (invitations are tested in
   * test/invitations), in the given organisation or a new one of the kind the role needs.
   */
  async newUser(
    options: {
      role?: UserRole;
      organisation?: OrganisationRow;
      kind?: OrganisationKind;
      email?: string;
    } = {},
  ): Promise<User> {
    const role = options.role ?? 'member';
    const organisation =
      options.organisation ??
      (role === 'admin' || role === 'reviewer'
        ? await this.platform()
        : await this.newOrganisation(
            options.kind ??
              (role === 'coordinator' || role === 'viewer' ? 'authority' : 'supplier'),
          ));
    const user = await createUser(this.db, organisation, role, options.email);
    return { ...user, organisation };
  }

  /**
   * Signs the user in through POST /v1/auth/login, from an address of their own. Any
   * user with a password will do (a demo user, say): who they are is read back from
   * GET /v1/me.
   */
  async signIn(
    user: { email: string; password: string },
    options: { address?: string } = {},
  ): Promise<Person> {
    const as = await signIn(this.app, user, options.address ?? nextAddress());
    const me = await this.getJson<{
      user: { id: string; email: string; role: UserRole; organisationId: string };
    }>(as, '/v1/me');
    const organisation = (await this.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', me.user.organisationId)
      .executeTakeFirstOrThrow()) as OrganisationRow;
    return {
      user: {
        id: me.user.id,
        email: user.email,
        password: user.password,
        organisationId: organisation.id,
        role: me.user.role,
      },
      organisation,
      as,
    };
  }

  /** A new user, signed in. */
  async newPerson(options: Parameters<TestContext['newUser']>[0] = {}): Promise<Person> {
    return this.signIn(await this.newUser(options));
  }

  /** A platform admin, signed in. */
  newAdmin(): Promise<Person> {
    return this.newPerson({ role: 'admin' });
  }

  /** A platform reviewer, signed in. */
  newReviewer(): Promise<Person> {
    return this.newPerson({ role: 'reviewer' });
  }

  /** A member of a new supplier (or of the given organisation), signed in. */
  newSupplier(options: { organisation?: OrganisationRow; name?: string } = {}): Promise<Person> {
    return this.member('supplier', 'member', options);
  }

  /** A member of a new initiative (or of the given organisation), signed in. */
  newInitiative(options: { organisation?: OrganisationRow; name?: string } = {}): Promise<Person> {
    return this.member('initiative', 'member', options);
  }

  /** A coordinator (or viewer) of a new authority (or of the given one), signed in. */
  newAuthority(
    options: {
      role?: 'coordinator' | 'viewer';
      organisation?: OrganisationRow;
      name?: string;
    } = {},
  ): Promise<Person> {
    return this.member('authority', options.role ?? 'coordinator', options);
  }

  private async member(
    kind: OrganisationKind,
    role: UserRole,
    options: { organisation?: OrganisationRow; name?: string },
  ): Promise<Person> {
    const organisation =
      options.organisation ??
      (await this.newOrganisation(kind, options.name ? { name: options.name } : {}));
    return this.newPerson({ role, organisation });
  }

  /**
   * One signed-in person of every role, for tests of who may do what: the platform admin
   * (platformAdmin) and a reviewer in the platform organisation, a member of a new
   * initiative, members of two new suppliers (so a test can try the other's), and a
   * coordinator and a viewer of one new authority. Nobody else is in these organisations.
   */
  async newCast(): Promise<Cast> {
    const coordinator = await this.newAuthority();
    const people: Record<CastRole, Person> = {
      admin: await this.platformAdmin(),
      reviewer: await this.newReviewer(),
      initiativeMember: await this.newInitiative(),
      supplierMember: await this.newSupplier(),
      otherSupplierMember: await this.newSupplier(),
      coordinator,
      viewer: await this.newAuthority({ role: 'viewer', organisation: coordinator.organisation }),
    };
    const byRole = <T>(pick: (person: Person) => T) =>
      Object.fromEntries(CAST_ROLES.map((role) => [role, pick(people[role])])) as Record<
        CastRole,
        T
      >;
    return {
      people,
      users: byRole((person) => person.user),
      as: byRole((person) => person.as),
      organisations: {
        platform: people.admin.organisation,
        initiative: people.initiativeMember.organisation,
        supplier: people.supplierMember.organisation,
        otherSupplier: people.otherSupplierMember.organisation,
        authority: coordinator.organisation,
      },
    };
  }

  /** A panel of new reviewers, signed in (three: the minimum panel). */
  async newReviewPanel(size = 3): Promise<Person[]> {
    const panel: Person[] = [];
    for (let i = 0; i < size; i++) panel.push(await this.newReviewer());
    return panel;
  }

  /** The admin the builders act as (made on first use); any other admin may do the same. */
  platformAdmin(): Promise<Person> {
    return this.once('admin', () => this.newAdmin());
  }

  // ─── Plans and projects ────────────────────────────────────────────────────────────

  /** A plan drafted through POST /v1/plans by a member of a new initiative (or the one given). */
  async newDraftPlan(
    options: { initiative?: Person; plan?: Record<string, unknown> } = {},
  ): Promise<PlanRef> {
    const initiative = options.initiative ?? (await this.newInitiative());
    const response = await this.post(initiative, '/v1/plans', validPlanInput(options.plan));
    expectStatus(response, 201);
    const plan = response.json<{ id: string; title: string; budgetLines: { id: string }[] }>();
    return {
      id: plan.id,
      title: plan.title,
      initiative,
      budgetLineIds: plan.budgetLines.map((line) => line.id),
    };
  }

  /** A plan drafted and submitted for review: round 1 waits for its panel. */
  async newSubmittedPlan(
    options: { initiative?: Person; plan?: Record<string, unknown> } = {},
  ): Promise<SubmittedPlan> {
    const plan = await this.newDraftPlan(options);
    expectStatus(await this.post(plan.initiative, `/v1/plans/${plan.id}/submit`), 200);
    const round = await this.db
      .selectFrom('review_rounds')
      .select('id')
      .where('project_id', '=', plan.id)
      .where('round_number', '=', 1)
      .executeTakeFirstOrThrow();
    return { ...plan, roundId: round.id };
  }

  /**
   * A plan inserted straight into the database (draft, or submitted with its first review
   * round), with no audit trail of its own: for the review tests, whose subject starts
   * after submission and whose audit assertions must not depend on the plan API.
   */
  async insertPlan(
    options: { initiative?: Person; status?: 'draft' | 'submitted' } = {},
  ): Promise<PlanRef & { roundId: string | null }> {
    const initiative = options.initiative ?? (await this.newInitiative());
    const plan = await insertPlan(
      this.db,
      initiative.organisation,
      initiative.user,
      options.status ?? 'submitted',
    );
    return {
      id: plan.projectId,
      title: validPlanInput().title,
      initiative,
      budgetLineIds: plan.budgetLineIds,
      roundId: plan.roundId,
    };
  }

  /**
   * A submitted plan (inserted as insertPlan does) whose panel (new reviewers unless
   * given) is assigned by the admin, has declared no conflict and has scored as given,
   * one score set per member.
   */
  async newScoredPlan(options: {
    scores: Scores[];
    flags?: string[][];
    panel?: Person[];
    admin?: Person;
    initiative?: Person;
  }) {
    const plan = await this.insertPlan(
      options.initiative ? { initiative: options.initiative } : {},
    );
    const panel = (options.panel ?? (await this.newReviewPanel(options.scores.length))).slice(
      0,
      options.scores.length,
    );
    const admin = options.admin ?? (await this.platformAdmin());
    const assignmentIds = await this.reviews.scorePlan(
      admin.as,
      plan.id,
      panel,
      options.scores,
      options.flags,
    );
    return { ...plan, roundId: plan.roundId!, panel, assignmentIds };
  }

  /**
   * A project approved the way users get one approved, through the HTTP API: an
   * initiative drafts and submits a plan, an admin assigns three reviewers, each declares
   * no conflict and scores 4 on every criterion (S = 0.8), the admin confirms the award.
   * The single budget line is sized so that N = floor(E × 0.8 / price) = `credits`.
   */
  async newApprovedProject(options: {
    credits: number;
    title?: string;
    initiative?: Person;
    panel?: Person[];
  }): Promise<Omit<ListedProject, 'threshold'>> {
    const price = this.config.creditPriceCents;
    // E × 0.8 / price = credits exactly: E = credits × price × 5 / 4.
    const eligible = Math.ceil((options.credits * price * 5) / 4);
    const plan = await this.newSubmittedPlan({
      ...(options.initiative ? { initiative: options.initiative } : {}),
      plan: {
        title: options.title ?? `Werkproject ${unique()}`,
        budgetLines: [
          { description: 'Coaching and training', category: 'coaching', amountCents: eligible },
        ],
        totalCostCents: eligible,
        minimumBudgetCents: Math.max(1, Math.floor(eligible / 2)),
        otherFunding: { amountCents: 0, description: null },
      },
    });
    const admin = await this.platformAdmin();
    const panel = options.panel ?? (await this.once('panel', () => this.newReviewPanel()));
    expectStatus(
      await this.post(admin, `/v1/plans/${plan.id}/panel`, {
        reviewerIds: panel.map((r) => r.user.id),
      }),
      201,
    );
    for (const reviewer of panel) {
      const assignments = await this.getJson<{ items: { id: string; projectId: string }[] }>(
        reviewer,
        '/v1/reviews/assignments?limit=100',
      );
      const assignment = assignments.items.find((a) => a.projectId === plan.id);
      expect(assignment, `assignment on ${plan.id}`).toBeDefined();
      const url = `/v1/reviews/assignments/${assignment!.id}`;
      expectStatus(await this.post(reviewer, `${url}/declaration`, { declaration: 'none' }), 200);
      const criterion = (name: string) => ({
        score: 4,
        rationale: `${name}: a solid, well-argued contribution.`,
      });
      expectStatus(
        await this.post(reviewer, `${url}/scores`, {
          reach: criterion('Reach'),
          depth: criterion('Depth'),
          durability: criterion('Durability'),
          indirect: criterion('Indirect'),
          overallComment: 'A sound plan.',
          ineligibleBudgetLineIds: [],
        }),
        201,
      );
    }
    const award = await this.post(admin, `/v1/plans/${plan.id}/award`, {
      publicRationale: 'Strong plan with a clear route to paid work.',
    });
    expectStatus(award, 201);
    expect(award.json()).toMatchObject({ decision: 'approved', supply: options.credits });
    return {
      id: plan.id,
      title: plan.title,
      supply: options.credits,
      priceCents: price,
      initiative: plan.initiative,
    };
  }

  /** A project approved as newApprovedProject does it, then listed by the admin (POST /v1/plans/{id}/list). */
  async newListedProject(options: {
    credits: number;
    title?: string;
    initiative?: Person;
    panel?: Person[];
    /** ISO timestamp; default: the award service's default funding period. */
    fundingDeadline?: string;
  }): Promise<ListedProject> {
    const project = await this.newApprovedProject(options);
    const listed = await this.post(
      await this.platformAdmin(),
      `/v1/plans/${project.id}/list`,
      options.fundingDeadline ? { fundingDeadline: options.fundingDeadline } : {},
    );
    expectStatus(listed, 200);
    expect(listed.json()).toMatchObject({
      status: 'listed',
      credits: { supply: options.credits, available: options.credits },
    });
    const funding = await this.getJson<{ threshold: number }>(
      null,
      `/v1/projects/${project.id}/funding`,
    );
    return { ...project, threshold: funding.threshold };
  }

  /**
   * A project for the public catalogue's tests, inserted straight into the database at
   * the stage asked for (listed unless told) with its review round, panel scores, award
   * and credit ledger (see test/factory/catalogue.ts): the catalogue is tested without
   * the plan and review APIs, and the rows hold secrets the public must never see.
   */
  async insertProject(spec: ProjectSpec = {}): Promise<InsertedProject> {
    return (await this.catalogue()).insert(spec);
  }

  /** Who made the inserted projects (insertProject): the initiative, its member, reviewers, admins. */
  async catalogue(): Promise<CatalogueProjects> {
    return this.once('catalogue', async () =>
      catalogueProjects(this.db, { platform: await this.platform() }),
    );
  }

  /**
   * A listed project whose threshold has sold, by invoice to one buyer (a new supplier
   * unless given), in as many orders as the reservation limit asks: funded.
   */
  async newFundedProject(
    options: { credits: number; buyer?: Person } = { credits: 20 },
  ): Promise<ListedProject & { orders: OrderJson[] }> {
    const project = await this.newListedProject({ credits: options.credits });
    const buyer = options.buyer ?? (await this.newSupplier());
    // One organisation may hold only this many of a project's credits reserved at once.
    const most = Math.max(
      1,
      Math.floor((project.supply * this.config.orders.maxReservedSharePercent) / 100),
    );
    const orders: OrderJson[] = [];
    for (let left = project.threshold; left > 0; left -= most)
      orders.push(await this.newPaidOrder({ project, buyer, credits: Math.min(left, most) }));
    const funding = await this.getJson<{ status: string }>(
      null,
      `/v1/projects/${project.id}/funding`,
    );
    expect(funding.status).toBe('funded');
    return { ...project, orders };
  }

  // ─── Orders and certificates ───────────────────────────────────────────────────────

  /** A reserved order placed through POST /v1/orders (invoice unless told). */
  async newOrder(
    options: {
      buyer?: Person;
      project?: ProjectArg;
      credits?: number;
      paymentMethod?: 'invoice' | 'stripe';
    } = {},
  ): Promise<OrderJson> {
    const buyer = options.buyer ?? (await this.newSupplier());
    const credits = options.credits ?? 1;
    const project = options.project ?? (await this.newListedProject({ credits: credits * 2 }));
    return this.orders.place(buyer.as, {
      projectId: idOf(project),
      quantity: credits,
      paymentMethod: options.paymentMethod ?? 'invoice',
    });
  }

  /** An invoice order an admin marked paid: the order as mark-paid answers it, certificate included. */
  async newPaidOrder(
    options: { buyer?: Person; project?: ProjectArg; credits?: number; admin?: Person } = {},
  ): Promise<OrderJson> {
    const order = await this.newOrder({ ...options, paymentMethod: 'invoice' });
    const admin = options.admin ?? (await this.platformAdmin());
    const paid = await this.orders.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    return paid.json<OrderJson>();
  }

  /** A Stripe order placed through the API: the order and the Checkout Session the fake holds. */
  async newStripeOrder(
    options: { buyer?: Person; project?: ProjectArg; credits?: number } = {},
  ): Promise<StripeOrder & { buyer: Person }> {
    const buyer = options.buyer ?? (await this.newSupplier());
    const credits = options.credits ?? 1;
    const project = options.project ?? (await this.newListedProject({ credits: credits * 2 }));
    const response = await this.orders.create(buyer.as, {
      projectId: idOf(project),
      quantity: credits,
      paymentMethod: 'stripe',
    });
    expectStatus(response, 201);
    const order = response.json<{
      id: string;
      status: string;
      amountCents: number;
      checkoutUrl: string | null;
    }>();
    const session = [...this.stripe.sessions.values()].find(
      (s) => s.client_reference_id === order.id,
    );
    expect(session, `Checkout Session for order ${order.id}`).toBeDefined();
    return {
      id: order.id,
      status: order.status,
      amountCents: order.amountCents,
      checkoutUrl: order.checkoutUrl,
      session: structuredClone(session!),
      buyer,
    };
  }

  /** A Stripe order paid at Checkout and reported by the signed webhook: the order as its buyer sees it. */
  async newStripePaidOrder(
    options: { buyer?: Person; project?: ProjectArg; credits?: number } = {},
  ): Promise<OrderJson> {
    const placed = await this.newStripeOrder(options);
    const session = this.stripe.completeSession(placed.session.id);
    expectStatus(
      await this.deliverWebhook(sessionEvent('checkout.session.completed', session)),
      200,
    );
    const order = await this.orders.get(placed.buyer.as, placed.id);
    expectStatus(order, 200);
    expect(order.json().status).toBe('paid');
    return order.json<OrderJson>();
  }

  /**
   * A Stripe purchase placed through POST /v1/purchases (a new Idempotency-Key), one line
   * per project given: the purchase and the Checkout Session the fake holds. Not paid.
   */
  async newStripePurchase(options: {
    buyer: Person;
    lines: { project: ProjectArg; credits: number }[];
  }): Promise<StripePurchase> {
    const placed = await this.post(
      options.buyer,
      '/v1/purchases',
      {
        lines: options.lines.map((line) => ({
          projectId: idOf(line.project),
          credits: line.credits,
        })),
        paymentMethod: 'stripe',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(placed, 201);
    const purchase = placed.json<{ id: string; amountCents: number }>();
    const session = [...this.stripe.sessions.values()].find(
      (s) => s.client_reference_id === purchase.id,
    );
    expect(session, `Checkout Session for purchase ${purchase.id}`).toBeDefined();
    return {
      id: purchase.id,
      amountCents: purchase.amountCents,
      session: structuredClone(session!),
      buyer: options.buyer,
    };
  }

  /**
   * A Stripe purchase paid at Checkout and reported by the signed webhook: every line paid,
   * with its certificate; the payment intent and charge the fake made for it.
   */
  async newStripePaidPurchase(options: {
    buyer: Person;
    lines: { project: ProjectArg; credits: number }[];
  }): Promise<PaidStripePurchase> {
    const purchase = await this.newStripePurchase(options);
    const completed = this.stripe.completeSession(purchase.session.id);
    expectStatus(
      await this.deliverWebhook(sessionEvent('checkout.session.completed', completed)),
      200,
    );
    const paymentIntentId = completed.payment_intent!;
    const orders = await this.db
      .selectFrom('orders as o')
      .innerJoin('certificates as c', 'c.order_id', 'o.id')
      .select(['o.id', 'o.project_id', 'o.amount_cents', 'o.status', 'c.id as certificate_id'])
      .where('o.purchase_id', '=', purchase.id)
      .orderBy('o.id')
      .execute();
    expect(orders.map((o) => o.status)).toEqual(options.lines.map(() => 'paid'));
    return {
      id: purchase.id,
      amountCents: purchase.amountCents,
      paymentIntentId,
      chargeId: String(this.stripe.chargeFor(paymentIntentId)['id']),
      lines: orders.map((o) => ({
        orderId: o.id,
        projectId: o.project_id,
        amountCents: Number(o.amount_cents),
        certificateId: o.certificate_id,
      })),
    };
  }

  /** An event of this type around `object`, delivered signed; the webhook must accept it. Its answer. */
  async sendStripeEvent(type: string, object: Record<string, unknown>) {
    const response = await this.deliverWebhook(stripeEvent(type, object));
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ outcome: string }>();
  }

  /** Delivers an event to the webhook, signed like Stripe signs it (or as the options spoil it). */
  deliverWebhook(
    event: StripeEventPayload | string,
    options: {
      secret?: string;
      timestamp?: number;
      body?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<LightMyRequestResponse> {
    const signed = signedWebhook(event, {
      ...(options.secret ? { secret: options.secret } : {}),
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    });
    return this.app.inject({
      method: 'POST',
      url: '/v1/stripe/webhook',
      headers: { ...signed.headers, ...options.headers },
      payload: options.body ?? signed.payload,
    });
  }

  /** A certificate bought by invoice and marked paid (credits 10 unless told). */
  async newCertificate(
    options: { owner?: Person; project?: ProjectArg; credits?: number } = {},
  ): Promise<CertificateRef> {
    const owner = options.owner ?? (await this.newSupplier());
    const order = await this.newPaidOrder({
      buyer: owner,
      credits: options.credits ?? 10,
      ...(options.project ? { project: options.project } : {}),
    });
    const certificate = order.certificate!;
    const row = await this.certificateRow(certificate.id);
    return {
      id: certificate.id,
      orderId: order.id,
      number: certificate.number,
      credits: certificate.credits,
      verificationCode: row.verification_code,
      amountCents: order.amountCents,
      owner,
    };
  }

  // ─── Contracts and claims ──────────────────────────────────────────────────────────

  /** A body for POST /v1/contracts: 5% of €1,000,000 owed by the supplier with this KvK number. */
  contractBody(supplierKvk: string | null, overrides: Record<string, unknown> = {}) {
    return {
      supplier: { kvkNumber: supplierKvk },
      reference: `SR-${unique()}`,
      title: 'Onderhoud openbare ruimte',
      valueCents: 1_000_000_00,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      obligation: { basis: 'contract_value', percentageBp: 500 },
      ...overrides,
    };
  }

  /** A contract an authority's coordinator registers through POST /v1/contracts. */
  async newContract(
    options: {
      coordinator?: Person;
      supplier?: Person | OrganisationRow;
      body?: Record<string, unknown>;
    } = {},
  ): Promise<ContractJson & { coordinator: Person }> {
    const coordinator = options.coordinator ?? (await this.newAuthority());
    const supplier = options.supplier ?? (await this.newSupplier());
    const organisation = 'organisation' in supplier ? supplier.organisation : supplier;
    const response = await this.post(
      coordinator,
      '/v1/contracts',
      this.contractBody(organisation.kvk_number, options.body),
    );
    expectStatus(response, 201);
    return { ...response.json<ContractJson>(), coordinator };
  }

  /**
   * A pending claim the supplier makes through POST /v1/claims: `credits` of the
   * certificate toward the contract. What is not given is made: the supplier, a
   * certificate of theirs, a contract of a new authority with them.
   */
  async newClaim(
    options: {
      credits?: number;
      supplier?: Person;
      certificate?: { id: string; owner?: Person };
      contract?: { id: string };
    } = {},
  ): Promise<ClaimJson & { contract: { coordinator?: Person } }> {
    const credits = options.credits ?? 1;
    const supplier = options.supplier ?? options.certificate?.owner ?? (await this.newSupplier());
    const certificate =
      options.certificate ?? (await this.newCertificate({ owner: supplier, credits }));
    const contract = options.contract ?? (await this.newContract({ supplier }));
    const response = await this.post(
      supplier,
      '/v1/claims',
      { certificateId: certificate.id, contractId: contract.id, credits },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(response, 201);
    const claim = response.json<ClaimJson>();
    const coordinator = (contract as { coordinator?: Person }).coordinator;
    return { ...claim, contract: { ...claim.contract, ...(coordinator ? { coordinator } : {}) } };
  }

  /** A claim made as newClaim makes it, then approved by the contract's coordinator. */
  async newApprovedClaim(
    options: Parameters<TestContext['newClaim']>[0] & { coordinator?: Person } = {},
  ): Promise<ClaimJson> {
    const claim = await this.newClaim(options);
    const coordinator = options.coordinator ?? claim.contract.coordinator;
    if (!coordinator) throw new Error('newApprovedClaim: pass the coordinator of the contract');
    const approved = await this.post(coordinator, `/v1/claims/${claim.id}/approve`, {});
    expectStatus(approved, 200);
    return approved.json<ClaimJson>();
  }

  /**
   * A contract inserted directly (2025-01-01 to 2027-12-31, 5% of €1,000,000), for the
   * reports tests, whose subject is what the reports make of contracts and approved
   * claims, not the contracts API (tested in test/obligations).
   */
  async insertContract(options: { authorityId: string; supplierId: string }): Promise<string> {
    const admin = await this.platformAdmin();
    const n = unique();
    const row = await this.db
      .insertInto('contracts')
      .values({
        authority_id: options.authorityId,
        supplier_id: options.supplierId,
        reference: `C-${n}`,
        title: `Onderhoud openbare ruimte ${n}`,
        value_cents: 100_000_000,
        starts_on: '2025-01-01',
        ends_on: '2027-12-31',
        obligation_basis: 'contract_value',
        percentage_bp: 500,
        obligation_cents: 5_000_000,
        created_by: admin.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * A claim inserted with SQL that goes through the claims table's own triggers (inserted
   * pending, then approved, as the claims service does), for the reports tests (see
   * insertContract). The claims API is tested in test/obligations.
   */
  async insertClaim(options: {
    contractId: string;
    certificateId: string;
    credits: number;
    status?: 'approved' | 'pending';
  }): Promise<string> {
    const admin = await this.platformAdmin();
    const contract = await this.db
      .selectFrom('contracts')
      .select(['authority_id', 'supplier_id'])
      .where('id', '=', options.contractId)
      .executeTakeFirstOrThrow();
    const row = await this.db
      .insertInto('claims')
      .values({
        certificate_id: options.certificateId,
        contract_id: options.contractId,
        authority_id: contract.authority_id,
        supplier_id: contract.supplier_id,
        credits: options.credits,
        unit_price_cents: this.config.creditPriceCents,
        credit_factor_bp: 10_000,
        value_cents: options.credits * this.config.creditPriceCents,
        counted_cents: options.credits * this.config.creditPriceCents,
        created_by: admin.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if ((options.status ?? 'approved') === 'approved') {
      await this.db
        .updateTable('claims')
        .set({ status: 'approved', decided_at: this.clock.now(), decided_by: admin.user.id })
        .where('id', '=', row.id)
        .execute();
    }
    return row.id;
  }

  /**
   * The funding module moves a project to funded when its threshold sells; if it has not
   * (yet), this sets it directly, for report tests that need a funded project's status only.
   */
  async ensureFunded(projectId: string): Promise<void> {
    await sql`UPDATE projects SET status = 'funded' WHERE id = ${projectId} AND status = 'listed'`.execute(
      this.db,
    );
    const row = await this.db
      .selectFrom('projects')
      .select('status')
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('funded');
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.memo.set(key, value);
    }
    return value;
  }
}
