import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { STRIPE_API_VERSION } from '../../src/modules/payments/stripe-gateway.js';
import { FAKE_WEBHOOK_SECRET, stripeEvent } from '../helpers/fake-stripe.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
  sessionEvent,
} from '../factory/index.js';

/**
 * The webhook accepts events of the API version the SDK pins only (anything else is
 * refused loudly: logged, 400, not recorded, so Stripe retries it once the endpoint is
 * fixed), and accepts two signing secrets during a rollover. Signed with the SDK's own
 * generateTestHeaderString.
 */

const NEW_SECRET = 'whsec_rolledoversecret00000000000000000';

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

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
    // The old secret through STRIPE_WEBHOOK_SECRET (the fake's env), the new one beside it.
    env: {
      MAX_RESERVED_SHARE_PERCENT: '100',
      STRIPE_WEBHOOK_SECRETS: `${NEW_SECRET}, ${FAKE_WEBHOOK_SECRET}`,
    },
    jobAttempts: 1,
    logger: { level: 'warn', stream },
  });
  supplier = await t.newSupplier();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function post(payload: string, secret: string) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return t.app.inject({
    method: 'POST',
    url: '/v1/stripe/webhook',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload,
  });
}

describe('webhook API version', () => {
  it('refuses an event of another API version: 400, logged, nothing recorded or applied; the same event in the pinned version then applies', async () => {
    const projectId = (await t.newListedProject({ credits: 10 })).id;
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    const event = sessionEvent('checkout.session.completed', paid);
    const before = await t.countRows();
    const linesBefore = stream.lines.length;

    const old = await post(
      JSON.stringify({ ...event, api_version: '2024-06-20' }),
      FAKE_WEBHOOK_SECRET,
    );
    expectProblem(old, 400, 'WEBHOOK.API_VERSION_MISMATCH');
    expect(old.json<{ detail: string }>().detail).toContain(STRIPE_API_VERSION);
    expect(await t.countRows()).toEqual(before);
    expect(await t.stripeEventRows(event.id)).toHaveLength(0);
    expect((await t.orderRow(order.id)).status).toBe('reserved');
    const logged = stream
      .records()
      .slice(linesBefore)
      .filter((record) => record['eventId'] === event.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 50,
      eventApiVersion: '2024-06-20',
      expectedApiVersion: STRIPE_API_VERSION,
    });

    const missing = await post(
      JSON.stringify({ ...event, api_version: undefined }),
      FAKE_WEBHOOK_SECRET,
    );
    expectProblem(missing, 400, 'WEBHOOK.API_VERSION_MISMATCH');

    // Stripe retries it once the endpoint is set to the pinned version.
    const retried = await post(JSON.stringify(event), FAKE_WEBHOOK_SECRET);
    expectStatus(retried, 200);
    expect(retried.json()).toMatchObject({ outcome: 'fulfilled', duplicate: false });
    expect(await t.stripeEventRows(event.id)).toHaveLength(1);
  });
});

describe('webhook secret rollover', () => {
  it('accepts events signed with either secret, and refuses a third', async () => {
    const byOld = stripeEvent('customer.created', { id: 'cus_test_old', object: 'customer' });
    const byNew = stripeEvent('customer.created', { id: 'cus_test_new', object: 'customer' });
    expect((await post(JSON.stringify(byOld), FAKE_WEBHOOK_SECRET)).json()).toMatchObject({
      eventId: byOld.id,
      outcome: 'ignored',
    });
    expect((await post(JSON.stringify(byNew), NEW_SECRET)).json()).toMatchObject({
      eventId: byNew.id,
      outcome: 'ignored',
    });
    const byStranger = stripeEvent('customer.created', { id: 'cus_test_x', object: 'customer' });
    expectProblem(
      await post(JSON.stringify(byStranger), 'whsec_somebodyelse000000000000000000'),
      400,
      'WEBHOOK.INVALID_SIGNATURE',
    );
    expect(await t.stripeEventRows(byStranger.id)).toHaveLength(0);
  });

  it('reads STRIPE_WEBHOOK_SECRETS, STRIPE_WEBHOOK_SECRET or both, and refuses a malformed list', () => {
    const base = {
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://localhost/x',
      STRIPE_SECRET_KEY: 'sk_test_abc123',
    };
    expect(
      loadConfig({ ...base, STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET }).stripe?.webhookSecrets,
    ).toEqual([FAKE_WEBHOOK_SECRET]);
    expect(
      loadConfig({ ...base, STRIPE_WEBHOOK_SECRETS: `${NEW_SECRET},${FAKE_WEBHOOK_SECRET}` }).stripe
        ?.webhookSecrets,
    ).toEqual([NEW_SECRET, FAKE_WEBHOOK_SECRET]);
    expect(
      loadConfig({
        ...base,
        STRIPE_WEBHOOK_SECRETS: NEW_SECRET,
        STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
      }).stripe?.webhookSecrets,
    ).toEqual([NEW_SECRET, FAKE_WEBHOOK_SECRET]);
    expect(() => loadConfig({ ...base, STRIPE_WEBHOOK_SECRETS: `${NEW_SECRET},nope` })).toThrow(
      /STRIPE_WEBHOOK_SECRETS/,
    );
    expect(() => loadConfig(base)).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});
