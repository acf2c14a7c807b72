import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Person, TestContext } from '../factory/index.js';

/**
 * A Checkout Session that Stripe refuses (it answered, with a 4xx) is told apart from an
 * outage (no answer, a 5xx): both cancel the order and release its credits, but the
 * refusal answers PAYMENT.PROVIDER_REFUSED and is logged with Stripe's request id, so the
 * platform team can find it in Stripe's dashboard.
 */

/** Collects every line the logger writes. */
class CapturingStream {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const stream = new CapturingStream();
let t: TestContext;
let supplier: Person;
let keys = 0;

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
    env: { MAX_RESERVED_SHARE_PERCENT: '100' },
    jobAttempts: 1,
    logger: { level: 'warn', stream },
  });
  supplier = await t.newSupplier();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function placeOrder(projectId: string, quantity: number) {
  const key = `checkout-refused-${process.pid}-${++keys}`;
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...supplier.as.headers, 'idempotency-key': key },
      payload: { projectId, quantity, paymentMethod: 'stripe' },
    });
  return { response: await send(), repeat: send };
}

async function cancelledOrderOf(projectId: string) {
  return t.db
    .selectFrom('orders')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
}

describe('a Checkout Session Stripe will not create', () => {
  it('a 400 answers PROVIDER_REFUSED without Stripe’s words, logs its request id, cancels the order and releases its credits', async () => {
    const projectId = (await t.newListedProject({ credits: 20 })).id;
    const before = await t.creditBalance(projectId);
    const linesBefore = stream.lines.length;
    t.stripe.failNext({
      method: 'POST',
      path: '/v1/checkout/sessions',
      status: 400,
      type: 'invalid_request_error',
      code: 'payment_method_unactivated',
      message: 'The payment method `ideal` is not activated for account acct_secret123.',
    });

    const { response, repeat } = await placeOrder(projectId, 4);
    expectProblem(response, 502, 'PAYMENT.PROVIDER_REFUSED');
    const problem = response.json<{ detail: string }>();
    expect(problem.detail).toMatch(/refused/);
    expect(problem.detail).toMatch(/cancelled/);
    // Stripe's own message names the account: it stays out of the answer.
    expect(response.body).not.toMatch(/acct_secret123|payment_method_unactivated|ideal/);

    const [refusal] = t.stripe.requestsTo('POST', '/v1/checkout/sessions').slice(-1);
    expect(refusal!.status).toBe(400);
    const logged = stream
      .records()
      .slice(linesBefore)
      .filter((record) => String(record['msg']).includes('refused'));
    expect(logged).toHaveLength(1);
    const provider = logged[0]!['provider'] as Record<string, unknown>;
    expect(provider['requestId']).toMatch(/^req_test_/);
    expect(provider).toMatchObject({
      statusCode: 400,
      type: 'invalid_request_error',
      code: 'payment_method_unactivated',
    });
    expect(logged[0]!['level']).toBe(50);

    const order = await cancelledOrderOf(projectId);
    expect(order).toMatchObject({
      status: 'cancelled',
      close_reason: 'cancelled: payment provider refused',
    });
    expect((await t.creditEntries(order.id)).map((entry) => entry.entry_type)).toEqual([
      'reserve',
      'release',
    ]);
    expect(await t.creditBalance(projectId)).toEqual(before);

    // The refusal is the key's answer from now on: Stripe is not asked again.
    const calls = t.stripe.requestsTo('POST', '/v1/checkout/sessions').length;
    const again = await repeat();
    expect(again.statusCode).toBe(502);
    expect(again.body).toBe(response.body);
    expect(t.stripe.requestsTo('POST', '/v1/checkout/sessions')).toHaveLength(calls);
    await t.expectInvariants();
  });

  it('a 500 still answers PROVIDER_UNAVAILABLE, logged as an outage with its request id; the order is cancelled', async () => {
    const projectId = (await t.newListedProject({ credits: 20 })).id;
    const before = await t.creditBalance(projectId);
    const linesBefore = stream.lines.length;
    t.stripe.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 500 });

    const { response } = await placeOrder(projectId, 2);
    expectProblem(response, 502, 'PAYMENT.PROVIDER_UNAVAILABLE');

    const logged = stream
      .records()
      .slice(linesBefore)
      .filter((record) => String(record['msg']).includes('could not create'));
    expect(logged).toHaveLength(1);
    expect(logged[0]!['level']).toBe(40);
    expect((logged[0]!['provider'] as Record<string, unknown>)['requestId']).toMatch(/^req_test_/);

    const order = await cancelledOrderOf(projectId);
    expect(order).toMatchObject({
      status: 'cancelled',
      close_reason: 'cancelled: payment provider unavailable',
    });
    expect((await t.creditEntries(order.id)).map((entry) => entry.entry_type)).toEqual([
      'reserve',
      'release',
    ]);
    expect(await t.creditBalance(projectId)).toEqual(before);
    await t.expectInvariants();
  });
});
