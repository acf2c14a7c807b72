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
  dispute: 'none' | 'open' | 'withdrawn' | 'reinstated' | 'won' | 'lost';
}

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
  | { kind: 'settleRefund'; order: number; outcome: 'succeeded' | 'failed' }
  | {
      kind: 'dispute';
      order: number;
      step: 'created' | 'funds_withdrawn' | 'funds_reinstated' | 'won' | 'lost';
    }
  | { kind: 'claim'; order: number; credits: number }
  | { kind: 'approve'; claim: number }
  | { kind: 'withdraw'; claim: number }
  | { kind: 'deadline' };

/** An order (or claim) by its place among those made so far, modulo their number. */
const orderIndex = fc.nat({ max: 7 });
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
      .filter((o) => o.dispute === 'withdrawn')
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

  /** The order's new state from the API, when the model lets the platform decide. */
  async function follow(order: ModelOrder, step: string) {
    const read = await readOrder(order.id);
    expect(ALLOWED[order.status], `${step}: ${order.status} → ${read.status}`).toContain(
      read.status,
    );
    order.status = read.status;
    order.refundState = read.refundState ?? 'none';
    order.certificateId = read.certificate?.id ?? order.certificateId;
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
    const pickOrder = (n: number) => (m.orders.length ? n % m.orders.length : -1);
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
          dispute: 'none',
        });
        return;
      }
      case 'markPaid': {
        const i = pickOrder(command.order);
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
        const i = pickOrder(command.order);
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
        const i = pickOrder(command.order);
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
        const i = pickOrder(command.order);
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
          expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
          return;
        }
        const clean =
          claimed(m, i) === 0 &&
          order.dispute === 'none' &&
          order.refundState === 'none' &&
          m.status !== 'failed';
        if (clean && (order.method === 'invoice' || command.atStripe === 'succeeded')) {
          expectStatus(response, 200);
          saw(`refunded ${order.method}`);
          order.status = 'refunded';
          order.refunded = true;
          await follow(order, label);
          return;
        }
        if (clean && command.atStripe === 'pending') {
          expectStatus(response, 200);
          order.refundState = 'pending';
          saw('refund pending');
          order.stripeRefundId = t.stripe.refunds[refundsBefore]?.id ?? null;
          expect(order.stripeRefundId, label).not.toBeNull();
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
        const after = await follow(order, label);
        if (after.status === 'refunded') order.refunded = true;
        if (after.refundState === 'pending')
          order.stripeRefundId = t.stripe.refunds[refundsBefore]?.id ?? null;
        return;
      }
      case 'settleRefund': {
        const i = pickOrder(command.order);
        if (i < 0) return;
        const order = m.orders[i]!;
        if (order.refundState !== 'pending' || !order.stripeRefundId) return;
        const refund = t.stripe.settleRefund(order.stripeRefundId, command.outcome);
        await deliver(
          stripeEvent(`refund.${command.outcome === 'failed' ? 'failed' : 'updated'}`, refund),
        );
        await t.runJobs();
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
        return;
      }
      case 'dispute': {
        const i = pickOrder(command.order);
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
        // A dispute runs forward: a step before the one it reached says nothing new.
        const rank = { none: 0, open: 1, withdrawn: 2, reinstated: 3, won: 4, lost: 4 };
        const next = {
          created: 'open',
          funds_withdrawn: 'withdrawn',
          funds_reinstated: 'reinstated',
          won: 'won',
          lost: 'lost',
        } as const;
        const target = next[command.step];
        if (rank[target] <= rank[order.dispute] && order.dispute !== 'none') return;
        if (order.dispute === 'lost' || order.dispute === 'won') return;
        const [type, object] = events[command.step];
        await deliver(stripeEvent(type, object));
        await t.runJobs();
        order.dispute = target;
        saw(`dispute ${command.step}`);
        await follow(order, label);
        return;
      }
      case 'claim': {
        const i = pickOrder(command.order);
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
          order.dispute !== 'open' &&
          order.dispute !== 'withdrawn' &&
          order.dispute !== 'lost' &&
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
        if (m.claims.length === 0) return;
        const claim = m.claims[command.claim % m.claims.length]!;
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
          order.dispute === 'none'
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
            if (order.status === 'refunded' && before !== 'refunded') order.refunded = true;
          }
          for (const claim of m.claims)
            claim.status = (
              await t.getJson<{ status: ModelClaim['status'] }>(
                coordinator,
                `/v1/claims/${claim.id}`,
              )
            ).status;
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
      else order.refunded = true;
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
        numRuns: RUNS,
        ...(SEED === undefined ? {} : { seed: SEED }),
        examples: RECORDED.map((commands) => [commands] as [Command[]]),
        endOnFailure: false,
      },
    );
    console.info(JSON.stringify({ modelRuns: RUNS, seen }));
  }, 600_000);
});
