import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_DEADLINES_JOB } from '../../src/modules/funding/deadlines.js';
import { EXPIRE_RESERVATIONS_JOB } from '../../src/modules/orders/order-jobs.js';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import { expectStatus, nextAddress, type Person, TestContext } from '../factory/index.js';
import type { StripeEventPayload } from '../helpers/fake-stripe.js';
import { disputeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import { sessionEvent } from '../factory/stripe.js';

/**
 * A model-based test (issue 21): random sequences of what buyers, admins, coordinators,
 * Stripe and the clock do to one project's credits and money, driven through the HTTP API
 * (the fake Stripe for Checkout, refunds and signed events), against a small model of
 * credits and money. After every step the model and the API must agree (each order's
 * state; credits sold, reserved and available; money received, refunded and held by
 * disputes) and every invariant holds. fast-check shrinks a failing sequence to a
 * minimal one.
 *
 * Where the model predicts an outcome it is asserted; where the platform's answer depends
 * on a policy the model does not restate (a late payment, a refund blocked by a claim or
 * a dispute), the answer must be one the order's state machine allows, and the model
 * follows it: the sums over the orders must still agree with the API's figures.
 *
 * Runs: MODEL_RUNS (default 20), e.g. `MODEL_RUNS=500 npm run test:model`; MODEL_SEED
 * replays a run fast-check reported.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 20);
/** MODEL_SEED replays a run; without it (or with `random`) each run draws a fresh seed, printed on failure. */
const SEED =
  process.env.MODEL_SEED && process.env.MODEL_SEED !== 'random'
    ? Number(process.env.MODEL_SEED)
    : undefined;
const SUPPLY = 10;

/**
 * Sequences the model once failed on, replayed first in every run. Seed 1984934163: an
 * invoice order cancelled at its project's failed deadline, its transfer arriving after
 * that (booked and flagged refund_required), then an admin refund, which gives it back
 * (docs/domain.md, "A payment after its reservation lapsed"); the model had expected a
 * refusal.
 */
const RECORDED: Command[][] = [
  [
    { kind: 'place', buyer: 0, quantity: 1, method: 'invoice' },
    { kind: 'deadline' },
    { kind: 'place', buyer: 0, quantity: 1, method: 'invoice' },
    { kind: 'markPaid', order: 0 },
    { kind: 'place', buyer: 0, quantity: 1, method: 'invoice' },
    { kind: 'refund', order: 0, atStripe: 'succeeded' },
  ],
];

/**
 * Sequences that walk every action of the list, replayed first in every run (the
 * random sequences then explore around them): the run ends by checking that each action
 * in COVERED happened at least once, so the suite cannot lose one unnoticed.
 */
const TOURS: Command[][] = [
  // Checkout paid, its event delivered twice; a refund pending at Stripe, then succeeded (event twice).
  [
    { kind: 'place', buyer: 0, quantity: 2, method: 'stripe' },
    { kind: 'pay', order: 0, deliveries: 2 },
    { kind: 'refund', order: 0, atStripe: 'pending' },
    { kind: 'settleRefund', order: 0, outcome: 'succeeded', deliveries: 2 },
  ],
  // A refund Stripe fails at once; the next one pending, then failed.
  [
    { kind: 'place', buyer: 1, quantity: 1, method: 'stripe' },
    { kind: 'pay', order: 0, deliveries: 1 },
    { kind: 'refund', order: 0, atStripe: 'failed' },
    { kind: 'refund', order: 0, atStripe: 'pending' },
    { kind: 'settleRefund', order: 0, outcome: 'failed', deliveries: 1 },
  ],
  // Two Checkout payments held back past the sessions' lapse, delivered newest first; a refund.
  [
    { kind: 'place', buyer: 0, quantity: 1, method: 'stripe' },
    { kind: 'place', buyer: 1, quantity: 1, method: 'stripe' },
    { kind: 'pay', order: 0, deliveries: 0 },
    { kind: 'pay', order: 0, deliveries: 0 },
    { kind: 'expire', after: 'checkout' },
    { kind: 'deliverHeld' },
    { kind: 'refund', order: 0, atStripe: 'succeeded' },
  ],
  // A dispute's events repeated and out of order, won.
  [
    { kind: 'place', buyer: 0, quantity: 1, method: 'stripe' },
    { kind: 'pay', order: 0, deliveries: 1 },
    { kind: 'dispute', order: 0, step: 'created' },
    { kind: 'dispute', order: 0, step: 'funds_withdrawn' },
    { kind: 'dispute', order: 0, step: 'created' },
    { kind: 'dispute', order: 0, step: 'funds_reinstated' },
    { kind: 'dispute', order: 0, step: 'won' },
    { kind: 'dispute', order: 0, step: 'funds_withdrawn' },
  ],
  // A claimed certificate's dispute, lost; an invoice order paid beside it.
  [
    { kind: 'place', buyer: 0, quantity: 2, method: 'stripe' },
    { kind: 'pay', order: 0, deliveries: 1 },
    { kind: 'place', buyer: 1, quantity: 3, method: 'invoice' },
    { kind: 'markPaid', order: 0 },
    { kind: 'claim', order: 0, credits: 1 },
    { kind: 'dispute', order: 0, step: 'funds_withdrawn' },
    { kind: 'dispute', order: 0, step: 'lost' },
  ],
  // A claim approved blocks a refund until the authority withdraws it.
  [
    { kind: 'place', buyer: 1, quantity: 3, method: 'invoice' },
    { kind: 'markPaid', order: 0 },
    { kind: 'claim', order: 0, credits: 2 },
    { kind: 'approve', claim: 0 },
    { kind: 'refund', order: 0, atStripe: 'succeeded' },
    { kind: 'withdraw', claim: 0 },
    { kind: 'refund', order: 0, atStripe: 'succeeded' },
  ],
  // Cancelled, lapsed, paid late (honoured), then the funding deadline fails the project.
  [
    { kind: 'place', buyer: 0, quantity: 1, method: 'invoice' },
    { kind: 'place', buyer: 1, quantity: 2, method: 'invoice' },
    { kind: 'cancel', order: 0 },
    { kind: 'expire', after: 'invoice' },
    { kind: 'markPaid', order: 0 },
    { kind: 'deadline' },
  ],
];

const EXAMPLES = [...RECORDED, ...TOURS].map((commands) => [commands] as [Command[]]);

/** What the tours make happen (the keys of `seen`), checked at the end of every run. */
const COVERED = [
  'placed invoice',
  'placed stripe',
  'marked paid',
  'paid at Checkout, delivered 0×',
  'paid at Checkout, delivered 1×',
  'paid at Checkout, delivered 2×',
  'late Checkout payment fulfilled',
  'clock past checkout',
  'clock past invoice',
  'cancelled',
  'refunded invoice',
  'refunded stripe',
  'refund pending',
  'refund failed at once',
  'pending refund succeeded',
  'pending refund failed',
  'refund refused: approved claim',
  'dispute created',
  'dispute funds_withdrawn',
  'dispute funds_reinstated',
  'dispute won',
  'dispute lost',
  'dispute event repeated or out of order',
  'claimed',
  'approved',
  'approval withdrawn',
  'project failed at its deadline',
  'late bank payment fulfilled',
  'late bank payment booked to give back',
  'late bank payment refunded',
];

type OrderStatus = 'reserved' | 'paid' | 'expired' | 'cancelled' | 'refunded';

interface ModelOrder {
  id: string;
  buyer: number;
  method: 'invoice' | 'stripe';
  quantity: number;
  amountCents: number;
  reservedUntil: Date;
  status: OrderStatus;
  refundState: 'none' | 'pending' | 'failed';
  /** Money the platform booked for it (payment received), and gave back (refund paid). */
  received: boolean;
  refunded: boolean;
  sessionId: string | null;
  paymentIntentId: string | null;
  certificateId: string | null;
  /** The refund at Stripe, while pending. */
  stripeRefundId: string | null;
  dispute: DisputeFacts;
}

/**
 * What the order's one dispute has told the platform so far: facts that, once set, stay
 * set, whatever the order its events arrive in (docs/payments: disputes); and the escrow
 * hold they make, opened once while the order is paid and released once.
 */
interface DisputeFacts {
  opened: boolean;
  withdrawn: boolean;
  reinstated: boolean;
  closed: null | 'won' | 'lost';
  hold: 'none' | 'open' | 'released';
}

const NO_DISPUTE: DisputeFacts = {
  opened: false,
  withdrawn: false,
  reinstated: false,
  closed: null,
  hold: 'none',
};

/** Stripe holds the money: withdrawn, not given back, not closed. */
const holdsFunds = (d: DisputeFacts) => d.withdrawn && !d.reinstated && d.closed === null;
/** The certificate is suspended by the dispute: open, not closed, money not reinstated. */
const disputeOpen = (d: DisputeFacts) => d.opened && d.closed === null && !d.reinstated;

interface ModelClaim {
  id: string;
  orderIndex: number;
  credits: number;
  status: 'pending' | 'approved' | 'withdrawn' | 'rejected' | 'invalidated';
}

interface Model {
  projectId: string;
  threshold: number;
  fundingDeadline: Date;
  status: 'listed' | 'funded' | 'failed' | 'waiting';
  orders: ModelOrder[];
  claims: ModelClaim[];
  /** Signed events the customer's payment produced, not delivered yet (Stripe late). */
  held: { orderIndex: number; event: StripeEventPayload }[];
}

type Command =
  | { kind: 'place'; buyer: number; quantity: number; method: 'invoice' | 'stripe' }
  | { kind: 'markPaid'; order: number }
  | { kind: 'pay'; order: number; deliveries: 0 | 1 | 2 }
  | { kind: 'deliverHeld' }
  | { kind: 'expire'; after: 'checkout' | 'invoice' }
  | { kind: 'cancel'; order: number }
  | { kind: 'refund'; order: number; atStripe: 'succeeded' | 'pending' | 'failed' }
  | { kind: 'settleRefund'; order: number; outcome: 'succeeded' | 'failed'; deliveries: 1 | 2 }
  | {
      kind: 'dispute';
      order: number;
      step: 'created' | 'funds_withdrawn' | 'funds_reinstated' | 'won' | 'lost';
    }
  | { kind: 'claim'; order: number; credits: number }
  | { kind: 'approve'; claim: number }
  | { kind: 'withdraw'; claim: number }
  | { kind: 'deadline' };

/**
 * Which order (or claim) a command acts on: 0–5 the n-th (modulo) of those it fits (a paid
 * order for a refund, an open Checkout Session for a payment, …), so most commands do
 * something; 6–7 any by its place among those made so far, so refusals are tried too.
 * Shrinks toward the first that fits.
 */
const orderIndex = fc.nat({ max: 7 });
const ANY_FROM = 6;
function choose<T>(all: T[], fits: (item: T) => boolean, n: number): number {
  if (all.length === 0) return -1;
  const fitting = all.flatMap((item, i) => (fits(item) ? [i] : []));
  if (n >= ANY_FROM || fitting.length === 0) return n % all.length;
  return fitting[n % fitting.length]!;
}
const placeArb = fc.record({
  kind: fc.constant('place' as const),
  buyer: fc.nat({ max: 1 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  method: fc.constantFrom('invoice' as const, 'stripe' as const),
});
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: placeArb },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('markPaid' as const), order: orderIndex }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      order: orderIndex,
      deliveries: fc.constantFrom(0 as const, 1 as const, 2 as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliverHeld' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('expire' as const),
      after: fc.constantFrom('checkout' as const, 'invoice' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: orderIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      order: orderIndex,
      atStripe: fc.constantFrom('succeeded' as const, 'pending' as const, 'failed' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settleRefund' as const),
      order: orderIndex,
      outcome: fc.constantFrom('succeeded' as const, 'failed' as const),
      deliveries: fc.constantFrom(1 as const, 2 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('dispute' as const),
      order: orderIndex,
      step: fc.constantFrom(
        'created' as const,
        'funds_withdrawn' as const,
        'funds_reinstated' as const,
        'won' as const,
        'lost' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      order: orderIndex,
      credits: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('approve' as const), claim: orderIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('withdraw' as const), claim: orderIndex }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deadline' as const) }) },
);

/** The transitions an order may make (docs/domain.md); anything else is a bug. */
const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  reserved: ['reserved', 'paid', 'expired', 'cancelled'],
  paid: ['paid', 'refunded'],
  expired: ['expired', 'paid', 'refunded'],
  cancelled: ['cancelled', 'paid', 'refunded'],
  refunded: ['refunded'],
};

describe('model-based: credits and money through random sequences of the API', () => {
  let t: TestContext;
  let admin: Person;
  let coordinator: Person;
  let buyers: Person[];
  let contracts: string[];
  /** What the runs exercised, for the log and the operations docs. */
  const seen: Record<string, number> = {};
  const saw = (what: string) => {
    seen[what] = (seen[what] ?? 0) + 1;
  };

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    coordinator = await t.newAuthority();
    buyers = [await t.newSupplier(), await t.newSupplier()];
    contracts = [];
    for (const supplier of buyers)
      contracts.push((await t.newContract({ coordinator, supplier })).id);
  }, 120_000);
  afterAll(async () => t?.close());

  /**
   * A GET from an address of its own: the public reads (project, funding) are rate-limited
   * per client address, and a long run reads them after every step.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function read<T = any>(who: Person | null, url: string): Promise<T> {
    const response = await t.app.inject({
      method: 'GET',
      url,
      remoteAddress: nextAddress(),
      ...(who ? { headers: who.as.headers } : {}),
    });
    expectStatus(response, 200);
    return response.json<T>();
  }

  async function deliver(event: StripeEventPayload) {
    const response = await t.deliverWebhook(event);
    expectStatus(response, 200);
    return response.json<{ outcome: string; duplicate: boolean }>();
  }

  /** Reads one order as the admin sees it. */
  async function readOrder(id: string) {
    return t.getJson<{
      status: OrderStatus;
      refundState: 'none' | 'pending' | 'failed' | null;
      certificate: { id: string; status: string } | null;
    }>(admin, `/v1/orders/${id}`);
  }

  /** Everything the model claims, against the API; then the invariants. */
  async function compare(m: Model, step: string) {
    const credits = (await read(null, `/v1/projects/${m.projectId}`)).credits;
    for (const order of m.orders) {
      const read = await readOrder(order.id);
      expect(read.status, `${step}: order ${order.id} status`).toBe(order.status);
      expect(read.refundState ?? 'none', `${step}: order ${order.id} refund state`).toBe(
        order.refundState,
      );
      expect(read.certificate?.status ?? null, `${step}: order ${order.id} certificate`).toBe(
        certificateStatus(order),
      );
    }
    for (const claim of m.claims) {
      const read = await t.getJson<{ status: ModelClaim['status'] }>(
        coordinator,
        `/v1/claims/${claim.id}`,
      );
      expect(read.status, `${step}: claim ${claim.id}`).toBe(claim.status);
    }
    const sum = (status: OrderStatus) =>
      m.orders.filter((o) => o.status === status).reduce((n, o) => n + o.quantity, 0);
    const sold = sum('paid');
    const reserved = sum('reserved');
    expect(credits, `${step}: credits`).toMatchObject({
      supply: SUPPLY,
      sold,
      reserved,
      available: SUPPLY - sold - reserved,
    });
    const funding = await read(admin, `/v1/projects/${m.projectId}/funding`);
    const received = m.orders.filter((o) => o.received).reduce((n, o) => n + o.amountCents, 0);
    const refunded = m.orders.filter((o) => o.refunded).reduce((n, o) => n + o.amountCents, 0);
    const held = m.orders
      .filter((o) => o.dispute.hold === 'open')
      .reduce((n, o) => n + o.amountCents, 0);
    expect(funding.escrow, `${step}: escrow`).toMatchObject({
      receivedCents: received,
      refundedCents: refunded,
      paidOutCents: 0,
      escrowCents: received - refunded,
      heldByDisputesCents: held,
      balanced: true,
    });
    if (m.status === 'failed') expect(funding.status, `${step}: project`).toBe('failed');
    expect(await checkInvariants(t.db), `${step}: invariants`).toEqual([]);
  }

  /**
   * The certificate's status the model expects (docs/domain.md, Certificates): none until
   * paid; revoked by a refund or a lost dispute; suspended while a dispute is open or a
   * refund is pending at Stripe; else active.
   */
  function certificateStatus(order: ModelOrder): string | null {
    if (!order.certificateId) return null;
    if (order.status === 'refunded' || order.dispute.closed === 'lost') return 'revoked';
    if (disputeOpen(order.dispute) || order.refundState === 'pending') return 'suspended';
    return 'active';
  }

  /**
   * Claims after a step that may settle them (a refund, a dispute, a failed project): the
   * platform decides, within what a claim may do (docs/domain.md, Claims).
   */
  async function refreshClaims(m: Model, step: string) {
    const allowed: Record<ModelClaim['status'], ModelClaim['status'][]> = {
      pending: ['pending', 'rejected'],
      approved: ['approved', 'invalidated'],
      withdrawn: ['withdrawn'],
      rejected: ['rejected'],
      invalidated: ['invalidated'],
    };
    for (const claim of m.claims) {
      const { status } = await t.getJson<{ status: ModelClaim['status'] }>(
        coordinator,
        `/v1/claims/${claim.id}`,
      );
      expect(allowed[claim.status], `${step}: claim ${claim.status} → ${status}`).toContain(status);
      if (status !== claim.status) saw(`claim ${claim.status} → ${status}`);
      claim.status = status;
    }
  }

  /** The order's new state from the API, when the model lets the platform decide. */
  async function follow(order: ModelOrder, step: string) {
    const read = await readOrder(order.id);
    expect(ALLOWED[order.status], `${step}: ${order.status} → ${read.status}`).toContain(
      read.status,
    );
    order.status = read.status;
    order.refundState = read.refundState ?? 'none';
    order.certificateId = read.certificate?.id ?? order.certificateId;
    // A refunded order gave back the money it received (invariant 5 checks the ledger).
    if (read.status === 'refunded') order.refunded = true;
    if (order.refundState === 'pending' && !order.stripeRefundId && order.paymentIntentId)
      order.stripeRefundId =
        t.stripe.refunds.findLast(
          (r) => r.payment_intent === order.paymentIntentId && r.status === 'pending',
        )?.id ?? null;
    if (order.refundState !== 'pending') order.stripeRefundId = null;
    return read;
  }

  const selling = (m: Model) =>
    (m.status === 'listed' || m.status === 'funded') &&
    t.clock.now().getTime() < m.fundingDeadline.getTime();
  const available = (m: Model) =>
    SUPPLY -
    m.orders
      .filter((o) => o.status === 'paid' || o.status === 'reserved')
      .reduce((n, o) => n + o.quantity, 0);
  const claimed = (m: Model, index: number) =>
    m.claims
      .filter((c) => c.orderIndex === index && (c.status === 'pending' || c.status === 'approved'))
      .reduce((n, c) => n + c.credits, 0);

  async function step(m: Model, command: Command, label: string) {
    const pickOrder = (n: number, fits: (order: ModelOrder) => boolean) =>
      choose(m.orders, fits, n);
    const lapsed = (o: ModelOrder) => o.status === 'expired' || o.status === 'cancelled';
    switch (command.kind) {
      case 'place': {
        const fits = selling(m) && command.quantity <= available(m);
        const response = await t.orders.create(buyers[command.buyer]!.as, {
          projectId: m.projectId,
          quantity: command.quantity,
          paymentMethod: command.method,
        });
        if (!fits) {
          expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
          return;
        }
        expectStatus(response, 201);
        saw(`placed ${command.method}`);
        const body = response.json<{ id: string; amountCents: number; reservedUntil: string }>();
        const session =
          command.method === 'stripe'
            ? [...t.stripe.sessions.values()].find((s) => s.client_reference_id === body.id)
            : undefined;
        m.orders.push({
          id: body.id,
          buyer: command.buyer,
          method: command.method,
          quantity: command.quantity,
          amountCents: body.amountCents,
          reservedUntil: new Date(body.reservedUntil),
          status: 'reserved',
          refundState: 'none',
          received: false,
          refunded: false,
          sessionId: session?.id ?? null,
          paymentIntentId: null,
          certificateId: null,
          stripeRefundId: null,
          dispute: { ...NO_DISPUTE },
        });
        return;
      }
      case 'markPaid': {
        const i = pickOrder(
          command.order,
          (o) => o.method === 'invoice' && !o.received && o.status !== 'refunded',
        );
        if (i < 0) return;
        const order = m.orders[i]!;
        const response = await t.orders.markPaid(admin.as, order.id, order.amountCents);
        if (order.method === 'invoice' && order.status === 'reserved') {
          expectStatus(response, 200);
          order.status = 'paid';
          order.received = true;
          saw('marked paid');
          await follow(order, label);
          return;
        }
        if (order.method === 'invoice' && order.status === 'paid') {
          // The same payment reported again: answered as before (or refused), nothing changes.
          expect([200, 409], `${label}: ${response.body}`).toContain(response.statusCode);
          return;
        }
        if (order.method === 'stripe' || order.status === 'paid' || order.status === 'refunded') {
          expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
          return;
        }
        // A bank payment after the reservation lapsed (docs/domain.md, "A payment after its
        // reservation lapsed"): the transfer is never lost. It re-reserves and fulfils the
        // order if the project still sells and the credits are there; otherwise it is booked,
        // the order stays lapsed and is flagged refund_required for an admin to give back.
        if (order.received) {
          // Booked once already: the same transfer reported again changes nothing.
          expect([200, 409], `${label}: ${response.body}`).toContain(response.statusCode);
          return;
        }
        expectStatus(response, 200);
        const fits = selling(m) && order.quantity <= available(m);
        order.received = true;
        if (fits) order.status = 'paid';
        saw(`late bank payment ${fits ? 'fulfilled' : 'booked to give back'}`);
        expect(
          response.json<{ status: string; needsAttention: string | null }>(),
          label,
        ).toMatchObject(
          fits
            ? { status: 'paid', needsAttention: null }
            : { status: order.status, needsAttention: 'refund_required' },
        );
        await follow(order, label);
        return;
      }
      case 'pay': {
        const i = pickOrder(
          command.order,
          (o) =>
            o.sessionId !== null &&
            !o.paymentIntentId &&
            t.stripe.sessions.get(o.sessionId)?.status === 'open',
        );
        if (i < 0) return;
        const order = m.orders[i]!;
        if (order.method !== 'stripe' || !order.sessionId || order.paymentIntentId) return;
        const session = t.stripe.sessions.get(order.sessionId);
        if (!session || session.status !== 'open') return;
        const paid = t.stripe.completeSession(order.sessionId);
        order.paymentIntentId = paid.payment_intent ?? null;
        const event = sessionEvent('checkout.session.completed', paid);
        saw(`paid at Checkout, delivered ${command.deliveries}×`);
        if (command.deliveries === 0) {
          m.held.push({ orderIndex: i, event });
          return;
        }
        await applyPayment(m, i, event, label);
        if (command.deliveries === 2) {
          // Stripe's retry of the same event: acknowledged, nothing changes.
          const again = await deliver(event);
          expect(again.duplicate, label).toBe(true);
        }
        return;
      }
      case 'deliverHeld': {
        // Late and out of order: the newest first.
        for (const { orderIndex: i, event } of m.held.splice(0).reverse())
          await applyPayment(m, i, event, label);
        return;
      }
      case 'expire': {
        t.clock.advance((command.after === 'checkout' ? 31 : 15 * 24 * 60) * 60_000);
        await t.runJob(EXPIRE_RESERVATIONS_JOB);
        const now = t.clock.now().getTime();
        for (const order of m.orders)
          if (order.status === 'reserved' && order.reservedUntil.getTime() <= now)
            order.status = 'expired';
        saw(`clock past ${command.after}`);
        return;
      }
      case 'cancel': {
        const i = pickOrder(command.order, (o) => o.status === 'reserved');
        if (i < 0) return;
        const order = m.orders[i]!;
        // Cancelling is the platform admins' (a buyer lets the reservation lapse).
        const response = await t.orders.cancel(admin.as, order.id);
        if (order.status === 'reserved') {
          expectStatus(response, 200);
          order.status = 'cancelled';
          saw('cancelled');
        } else if (order.status === 'cancelled') {
          // Cancelled already (by an admin, or as its project failed): answered as it is.
          expect([200, 409], `${label}: ${response.body}`).toContain(response.statusCode);
        } else {
          expect(response.statusCode, `${label}: ${response.body}`).toBe(409);
        }
        return;
      }
      case 'refund': {
        const i = pickOrder(
          command.order,
          (o) => o.status === 'paid' || (lapsed(o) && o.received && !o.refunded),
        );
        if (i < 0) return;
        const order = m.orders[i]!;
        t.stripe.refundStatus = command.atStripe;
        const refundsBefore = t.stripe.refunds.length;
        const response = await t.orders.refund(admin.as, order.id);
        await t.runJobs();
        if (order.status !== 'paid' || order.refundState === 'pending') {
          // A refund of an order refunded already (e.g. paid late after its project failed)
          // is a repeat: answered 200 with the order unchanged, which the next check compares.
          if (order.status === 'refunded' && response.statusCode === 200) {
            saw('refund of a refunded order: 200');
            return;
          }
          if (
            (order.status === 'expired' || order.status === 'cancelled') &&
            order.received &&
            !order.refunded &&
            order.method === 'invoice'
          ) {
            // A transfer booked for a lapsed order (flagged refund_required) is given back by
            // an admin's refund: a credit note, the money out of escrow, the flag resolved.
            expectStatus(response, 200);
            expect(response.json<{ needsAttention: string | null }>().needsAttention, label).toBe(
              null,
            );
            order.status = 'refunded';
            order.refunded = true;
            saw('late bank payment refunded');
            await follow(order, label);
            return;
          }
          if (lapsed(order) && order.received && !order.refunded) {
            // A late Checkout payment whose automatic refund Stripe left pending or failed.
            saw(`late Checkout payment refund by an admin: ${response.statusCode}`);
            await follow(order, label);
            await refreshClaims(m, label);
            return;
          }
          expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
          return;
        }
        const approved = m.claims.some((c) => c.orderIndex === i && c.status === 'approved');
        if (approved && order.refundState === 'none' && !order.dispute.opened) {
          // The authority must withdraw its approval first; nothing changes.
          expect(response.statusCode, `${label}: ${response.body}`).toBe(409);
          expect(response.json<{ code: string }>().code, label).toBe('ORDER.CERTIFICATE_CLAIMED');
          saw('refund refused: approved claim');
          return;
        }
        // Pending claims do not stop a refund: they are rejected with it.
        const clean =
          !approved &&
          !order.dispute.opened &&
          order.refundState === 'none' &&
          m.status !== 'failed';
        if (clean && (order.method === 'invoice' || command.atStripe === 'succeeded')) {
          expectStatus(response, 200);
          saw(`refunded ${order.method}`);
          order.status = 'refunded';
          order.refunded = true;
          await follow(order, label);
          await refreshClaims(m, label);
          return;
        }
        if (clean && command.atStripe === 'pending') {
          expectStatus(response, 200);
          order.refundState = 'pending';
          saw('refund pending');
          order.stripeRefundId = t.stripe.refunds[refundsBefore]?.id ?? null;
          expect(order.stripeRefundId, label).not.toBeNull();
          await refreshClaims(m, label);
          return;
        }
        if (clean && command.atStripe === 'failed') {
          expect(response.statusCode, `${label}: ${response.body}`).toBe(409);
          order.refundState = 'failed';
          saw('refund failed at once');
          return;
        }
        // A claim, a dispute or an earlier failed refund: the platform decides.
        saw(`refund decided by the platform: ${response.statusCode}`);
        await follow(order, label);
        await refreshClaims(m, label);
        return;
      }
      case 'settleRefund': {
        const i = pickOrder(command.order, (o) => o.stripeRefundId !== null);
        if (i < 0) return;
        const order = m.orders[i]!;
        if (order.refundState !== 'pending' || !order.stripeRefundId) return;
        const refund = t.stripe.settleRefund(order.stripeRefundId, command.outcome);
        const event = stripeEvent(
          `refund.${command.outcome === 'failed' ? 'failed' : 'updated'}`,
          refund,
        );
        await deliver(event);
        await t.runJobs();
        if (command.deliveries === 2) {
          // Stripe's retry of the same event: acknowledged, nothing changes.
          expect((await deliver(event)).duplicate, label).toBe(true);
          await t.runJobs();
        }
        order.stripeRefundId = null;
        saw(`pending refund ${command.outcome}`);
        if (command.outcome === 'succeeded') {
          order.status = 'refunded';
          order.refundState = 'none';
          order.refunded = true;
        } else {
          order.refundState = 'failed';
        }
        await follow(order, label);
        await refreshClaims(m, label);
        return;
      }
      case 'dispute': {
        const i = pickOrder(command.order, (o) => o.paymentIntentId !== null && o.received);
        if (i < 0) return;
        const order = m.orders[i]!;
        if (!order.paymentIntentId || !order.received) return;
        const charge = t.stripe.chargeFor(order.paymentIntentId);
        const id = `dp_model${process.pid}x${i}x${order.id.slice(0, 8)}`;
        const withdrawal = {
          id: `txn_w_${id}`,
          object: 'balance_transaction',
          amount: -order.amountCents,
          reporting_category: 'dispute',
        };
        const reinstatement = {
          id: `txn_r_${id}`,
          object: 'balance_transaction',
          amount: order.amountCents,
          reporting_category: 'dispute_reversal',
        };
        const at = (status: string, balance: object[]) => ({
          ...disputeSnapshot({
            id,
            chargeId: String(charge['id']),
            paymentIntentId: order.paymentIntentId,
            amount: order.amountCents,
          }),
          status,
          balance_transactions: balance,
        });
        const events: Record<typeof command.step, [string, Record<string, unknown>]> = {
          created: ['charge.dispute.created', at('needs_response', [])],
          funds_withdrawn: ['charge.dispute.funds_withdrawn', at('needs_response', [withdrawal])],
          funds_reinstated: [
            'charge.dispute.funds_reinstated',
            at('won', [withdrawal, reinstatement]),
          ],
          won: ['charge.dispute.closed', at('won', [withdrawal, reinstatement])],
          lost: ['charge.dispute.closed', at('lost', [withdrawal])],
        };
        // Stripe's dispute events come late, repeated and out of order; each carries the
        // dispute as it stands then. Only a story Stripe cannot tell is left out: won after
        // lost, or lost after the money came back.
        const d = order.dispute;
        const reinstating = command.step === 'funds_reinstated' || command.step === 'won';
        if (d.closed === 'lost' && reinstating) return;
        if ((d.closed === 'won' || d.reinstated) && command.step === 'lost') return;
        const before = JSON.stringify(d);
        const wasPaid = order.status === 'paid';
        const refundIdle = order.refundState === 'none';
        const [type, object] = events[command.step];
        await deliver(stripeEvent(type, object));
        await t.runJobs();
        d.opened = true;
        if (command.step !== 'created') d.withdrawn = true;
        if (reinstating) d.reinstated = true;
        if (command.step === 'won' || command.step === 'lost') d.closed ??= command.step;
        if (holdsFunds(d) && d.hold === 'none' && wasPaid) d.hold = 'open';
        if (!holdsFunds(d) && d.hold === 'open') d.hold = 'released';
        saw(`dispute ${command.step}`);
        if (JSON.stringify(d) === before) saw('dispute event repeated or out of order');
        if (d.closed === 'lost' && wasPaid && refundIdle) {
          // A lost dispute is a refund the card network made: booked once, credits back.
          order.status = 'refunded';
          order.refunded = true;
        }
        await follow(order, label);
        await refreshClaims(m, label);
        return;
      }
      case 'claim': {
        const i = pickOrder(command.order, (o) => o.status === 'paid' && o.certificateId !== null);
        if (i < 0) return;
        const order = m.orders[i]!;
        const response = await t.post(
          buyers[order.buyer]!,
          '/v1/claims',
          order.certificateId
            ? {
                certificateId: order.certificateId,
                contractId: contracts[order.buyer],
                credits: command.credits,
              }
            : { certificateId: randomUUID(), contractId: contracts[order.buyer], credits: 1 },
          { 'idempotency-key': randomUUID() },
        );
        const free =
          order.status === 'paid' &&
          order.certificateId !== null &&
          order.refundState === 'none' &&
          !disputeOpen(order.dispute) &&
          order.dispute.closed !== 'lost' &&
          command.credits <= order.quantity - claimed(m, i);
        if (free) {
          expectStatus(response, 201);
          saw('claimed');
          m.claims.push({
            id: response.json<{ id: string }>().id,
            orderIndex: i,
            credits: command.credits,
            status: 'pending',
          });
        } else if (response.statusCode === 201) {
          // The model thought the certificate not claimable; the platform did: record it, then the sums decide.
          expect(order.status, `${label}: a claim on a ${order.status} order`).toBe('paid');
          m.claims.push({
            id: response.json<{ id: string }>().id,
            orderIndex: i,
            credits: command.credits,
            status: 'pending',
          });
        }
        return;
      }
      case 'approve':
      case 'withdraw': {
        const c = choose(
          m.claims,
          (claim) => claim.status === (command.kind === 'approve' ? 'pending' : 'approved'),
          command.claim,
        );
        if (c < 0) return;
        const claim = m.claims[c]!;
        const order = m.orders[claim.orderIndex]!;
        const response = await t.post(
          coordinator,
          `/v1/claims/${claim.id}/${command.kind}`,
          command.kind === 'withdraw' ? { reason: 'Toch niet meetellen' } : {},
        );
        const claimRead = await t.getJson<{ status: ModelClaim['status'] }>(
          coordinator,
          `/v1/claims/${claim.id}`,
        );
        if (command.kind === 'withdraw') {
          if (claim.status === 'approved') {
            expectStatus(response, 200);
            claim.status = 'withdrawn';
            saw('approval withdrawn');
          } else expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
        } else if (
          claim.status === 'pending' &&
          order.status === 'paid' &&
          order.refundState === 'none' &&
          !disputeOpen(order.dispute) &&
          order.dispute.closed !== 'lost'
        ) {
          expectStatus(response, 200);
          claim.status = 'approved';
          saw('approved');
        } else if (response.statusCode === 200) {
          claim.status = 'approved';
        }
        expect(claimRead.status, `${label}: claim status`).toBe(claim.status);
        return;
      }
      case 'deadline': {
        t.clock.advanceDays(91);
        await t.runJob(CHECK_DEADLINES_JOB);
        await t.runJobs();
        const funding = await read(admin, `/v1/projects/${m.projectId}/funding`);
        const sold = m.orders
          .filter((o) => o.status === 'paid')
          .reduce((n, o) => n + o.quantity, 0);
        const approved = m.claims.some((c) => c.status === 'approved');
        if (m.status === 'listed' && sold < m.threshold && !approved) {
          expect(funding.status, label).toBe('failed');
          m.status = 'failed';
          saw('project failed at its deadline');
        }
        if (m.status === 'failed') {
          for (const order of m.orders) {
            const before = order.status;
            await follow(order, label);
            if (before === 'reserved') expect(order.status, label).not.toBe('reserved');
          }
          await refreshClaims(m, label);
        } else if (funding.status === 'funded') m.status = 'funded';
        else if (funding.waiting) m.status = 'waiting';
        for (const order of m.orders)
          if (order.status === 'reserved' && order.reservedUntil <= t.clock.now())
            order.status = 'expired';
        return;
      }
    }
  }

  /** checkout.session.completed, as the model expects the platform to take it. */
  async function applyPayment(m: Model, i: number, event: StripeEventPayload, label: string) {
    const order = m.orders[i]!;
    const before = order.status;
    const result = await deliver(event);
    await t.runJobs();
    if (before === 'reserved') {
      expect(result.outcome, label).toBe('fulfilled');
      order.status = 'paid';
      order.received = true;
    } else if (before === 'paid' || before === 'refunded') {
      expect(result.outcome, label).not.toBe('fulfilled');
    } else {
      // Late: honoured if the project still sells and the credits are there, else booked and refunded.
      const fits = selling(m) && order.quantity <= available(m);
      expect(result.outcome, label).toBe(fits ? 'fulfilled' : 'refund_required');
      saw(`late Checkout payment ${result.outcome}`);
      order.received = true;
      if (fits) order.status = 'paid';
      else if (t.stripe.refundStatus === 'succeeded') {
        // Given back at once by the automatic refund (job orders.refund-payment).
        order.status = 'refunded';
        order.refunded = true;
      }
      // Else Stripe left that refund pending or failed: the order stays lapsed and flagged.
    }
    await follow(order, label);
  }

  it(`keeps the model and the API in step (${RUNS} random sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 4, maxLength: 14, size: 'max' }),
        async (commands) => {
          // Its deadline from the test's clock, which earlier sequences moved on by months.
          const project = await t.newListedProject({
            credits: SUPPLY,
            fundingDeadline: new Date(t.clock.now().getTime() + 60 * 86_400_000).toISOString(),
          });
          const funding = await read(admin, `/v1/projects/${project.id}/funding`);
          const m: Model = {
            projectId: project.id,
            threshold: project.threshold,
            fundingDeadline: new Date(funding.fundingDeadline as string),
            status: 'listed',
            orders: [],
            claims: [],
            held: [],
          };
          t.stripe.refundStatus = 'succeeded';
          for (const [n, command] of commands.entries()) {
            const label = `step ${n + 1} ${JSON.stringify(command)}`;
            await step(m, command, label);
            await compare(m, label);
          }
        },
      ),
      {
        // The examples come first and count among fast-check's runs: RUNS random ones after them.
        numRuns: RUNS + EXAMPLES.length,
        ...(SEED === undefined ? {} : { seed: SEED }),
        examples: EXAMPLES,
        endOnFailure: false,
      },
    );
    console.info(JSON.stringify({ modelRuns: RUNS, seen }));
    expect(Object.keys(seen), 'actions the runs exercised').toEqual(
      expect.arrayContaining(COVERED),
    );
  }, 600_000);
});
