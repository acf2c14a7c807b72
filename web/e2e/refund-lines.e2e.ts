import { describe, expect, inject, it } from 'vitest';
import { signedWebhook, stripeEvent } from '../../test/helpers/fake-stripe.js';
import { baseUrl, expectAccessible, useBrowser } from './helpers';
import { DEMO_PASSWORD, PEOPLE, signInAs } from './journeys/review';

/**
 * A refund made in Stripe's dashboard over two lines of a purchase: no rule can tell which
 * lines it gave back, so every paid line is flagged. The platform team chooses the lines in
 * /queues: a wrong choice is refused with the reason and changes nothing; the right one books
 * both lines refunded, once, and the flags close.
 *
 * The fixture is a supplier of its own (through the API), so the demo supplier's purchases,
 * which other files count, stay as they are; it buys one credit of two listed projects, and
 * the refund gives them back.
 */

const ADDRESS = '198.51.100.211';
const fakeStripe = () => inject('fakeStripeUrl');
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

interface PurchaseJson {
  id: string;
  status: string;
  amountCents: number;
  checkoutUrl: string | null;
  lines: {
    project: { title: string };
    amountCents: number;
    order: { id: string; status: string };
  }[];
}

async function tokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ADDRESS },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function call<T>(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': ADDRESS,
      'idempotency-key': crypto.randomUUID(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  return JSON.parse(text) as T;
}

/** A supplier organisation with one member, who is signed in through the API. */
async function newSupplier(adminToken: string): Promise<string> {
  const tag = unique();
  const org = await call<{ id: string }>(adminToken, 'POST', '/v1/organisations', {
    kind: 'supplier',
    name: `Terugbetaling Test ${tag}`,
    kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
  });
  const email = `koper${tag}@terugbetaling.example`;
  const invitation = await call<{ token: string }>(
    adminToken,
    'POST',
    `/v1/organisations/${org.id}/invitations`,
    { email, role: 'member' },
  );
  const password = 'geld-terug-twee-regels-31';
  const accepted = await fetch(`${baseUrl()}/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ADDRESS },
    body: JSON.stringify({ token: invitation.token, name: 'Karin Koper', password }),
  });
  expect(accepted.status).toBe(201);
  return tokenOf(email, password);
}

/** A refund event as Stripe sends it for a refund made in its dashboard (no metadata). */
async function sendRefund(paymentIntent: string, refundId: string, amount: number) {
  const event = stripeEvent('refund.updated', {
    id: refundId,
    object: 'refund',
    amount,
    currency: 'eur',
    payment_intent: paymentIntent,
    charge: null,
    status: 'succeeded',
    failure_reason: null,
    metadata: {},
    created: Math.floor(Date.now() / 1000),
  });
  const { payload, headers } = signedWebhook(event);
  const response = await fetch(`${baseUrl()}/v1/stripe/webhook`, {
    method: 'POST',
    headers,
    body: payload,
  });
  expect(response.status, await response.text()).toBe(200);
}

describe('a Stripe refund over two lines of a purchase', () => {
  const s = useBrowser();

  it('is booked on the lines the platform team chooses in the queue, after a wrong choice is refused', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ADDRESS });
    const admin = await tokenOf(PEOPLE.admin.email);
    const buyer = await newSupplier(admin);

    // Three projects, one credit each, paid on the fake Checkout page.
    const projects = (
      await call<{ items: { id: string; title: string; status: string }[] }>(
        buyer,
        'GET',
        '/v1/projects',
      )
    ).items.slice(0, 3);
    expect(projects).toHaveLength(3);
    const placed = await call<PurchaseJson>(buyer, 'POST', '/v1/purchases', {
      lines: projects.map((project) => ({ projectId: project.id, credits: 1 })),
      paymentMethod: 'stripe',
    });
    const paid = await fetch(`${placed.checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    await expect
      .poll(
        async () => (await call<PurchaseJson>(buyer, 'GET', `/v1/purchases/${placed.id}`)).status,
        {
          timeout: 30_000,
        },
      )
      .toBe('paid');
    const sessions = (await (await fetch(`${fakeStripe()}/_fake/sessions`)).json()) as {
      metadata: Record<string, string>;
      payment_intent: string | null;
    }[];
    const paymentIntent = sessions.find(
      (session) => session.metadata.purchase_id === placed.id,
    )?.payment_intent;
    expect(paymentIntent).toBeTruthy();

    // Refunded in Stripe's dashboard: the first two lines' amounts together.
    const [first, second, third] = placed.lines;
    const amount = first!.amountCents + second!.amountCents;
    await sendRefund(paymentIntent!, `re_dash${unique()}`, amount);

    await signInAs(page, PEOPLE.admin.email, '/queues');
    const attention = page.getByRole('region', { name: /^Bestellingen die aandacht nodig hebben/ });
    const form = attention
      .getByRole('form', {
        name: `Terugbetaling in Stripe bij de aankoop met ${third!.project.title} afhandelen`,
      })
      .first();
    await form.waitFor();
    await form.getByText(/Stripe meldt een terugbetaling van €\s[\d.,]+ op deze aankoop/).waitFor();
    await expectAccessible(page);

    // A wrong choice (the first line alone, short of the refund): refused with the reason,
    // nothing booked.
    await form.getByLabel(new RegExp(`^${first!.project.title}:`)).check();
    await form.getByLabel('Hoe is het opgelost?').fill('Koper zegde twee projecten af');
    await form.getByRole('button', { name: 'Terugbetaling vastleggen' }).click();
    await form
      .getByText('De gekozen regels passen niet bij de terugbetaling in Stripe.', {
        exact: false,
      })
      .waitFor();
    const still = await call<PurchaseJson>(admin, 'GET', `/v1/purchases/${placed.id}`);
    expect(still.lines.map((line) => line.order.status)).toEqual(['paid', 'paid', 'paid']);

    // The right choice: the first and the second line, refunded once.
    await form.getByLabel(new RegExp(`^${second!.project.title}:`)).check();
    await form.getByText(/^Gekozen: €\s/).waitFor();
    await form.getByRole('button', { name: 'Terugbetaling vastleggen' }).click();
    await expect
      .poll(async () =>
        (await call<PurchaseJson>(admin, 'GET', `/v1/purchases/${placed.id}`)).lines.map(
          (line) => line.order.status,
        ),
      )
      .toEqual(['refunded', 'refunded', 'paid']);
    // The flag is closed on every line: the form is gone from the queue.
    await expect
      .poll(() =>
        attention
          .getByRole('form', {
            name: `Terugbetaling in Stripe bij de aankoop met ${third!.project.title} afhandelen`,
          })
          .count(),
      )
      .toBe(0);
    await expectAccessible(page);
  });
});
