import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, expectAccessible, useBrowser } from './helpers';
import { apiToken, signIn } from './journeys/plans';

/**
 * Paying by Stripe in the browser, against the local fake Stripe global-setup.ts starts:
 * one Checkout Session with a line per project, the fake's payment page (Pay / Cancel),
 * the signed webhook it sends the app, the way back to the app, and the certificates.
 */

const SUPPLIER_EMAIL = 'leverancier@devries.example';
const fakeStripe = () => inject('fakeStripeUrl');

interface PurchaseJson {
  id: string;
  status: string;
  paymentMethod: string;
  amountCents: number;
  checkoutUrl: string | null;
  lines: {
    project: { id: string; title: string };
    credits: number;
    unitPriceCents: number;
    amountCents: number;
    order: { id: string; status: string };
  }[];
}

interface SessionRequest {
  params: {
    metadata?: Record<string, string>;
    line_items: {
      quantity: string;
      price_data: { unit_amount: string; currency: string; product_data: { name: string } };
    }[];
  };
}

async function api<T>(
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** This file's own client address, so its sign-ins do not count against the others'. */
const ADDRESS = '203.0.113.19';
const supplierToken = () => apiToken(SUPPLIER_EMAIL, ADDRESS);

/** Two demo projects still selling (listed or funded), with credits to spare. */
async function twoProjects(token: string): Promise<{ id: string; title: string }[]> {
  const { body } = await api<{
    items: { id: string; title: string; status: string; credits: { available: number } }[];
  }>(token, '/v1/projects?limit=50');
  const projects = body.items
    .filter((p) => ['listed', 'funded'].includes(p.status) && p.credits.available >= 10)
    .slice(0, 2);
  expect(projects).toHaveLength(2);
  return projects;
}

async function placeStripePurchase(token: string, lines: { projectId: string; credits: number }[]) {
  const placed = await api<PurchaseJson>(token, '/v1/purchases', {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: { lines, paymentMethod: 'stripe' },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  expect(placed.body.paymentMethod).toBe('stripe');
  expect(placed.body.checkoutUrl?.startsWith(`${fakeStripe()}/c/pay/`)).toBe(true);
  return placed.body;
}

/** The Checkout Session request the fake received for this purchase. */
async function sessionRequestFor(purchaseId: string): Promise<SessionRequest> {
  const res = await fetch(`${fakeStripe()}/_fake/requests?method=POST&path=/v1/checkout/sessions`);
  const requests = (await res.json()) as SessionRequest[];
  const mine = requests.filter((request) => request.params.metadata?.purchase_id === purchaseId);
  expect(mine.length).toBeGreaterThanOrEqual(1);
  return mine[0]!;
}

async function waitForPurchase(token: string, id: string, status: string): Promise<PurchaseJson> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await api<PurchaseJson>(token, `/v1/purchases/${id}`);
    if (body.status === status || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('paying by Stripe against the local fake Stripe', () => {
  const session = useBrowser();

  it('sends one Checkout line per project; paying on the fake page pays the purchase and issues a certificate per line', async () => {
    const { page } = session;
    const token = await supplierToken();
    const projects = await twoProjects(token);
    const lines = [
      { projectId: projects[0]!.id, credits: 3 },
      { projectId: projects[1]!.id, credits: 2 },
    ];
    const purchase = await placeStripePurchase(token, lines);

    // One Checkout Session, a line item per project: its credits at its price, in euros.
    const request = await sessionRequestFor(purchase.id);
    expect(request.params.line_items).toHaveLength(2);
    for (const line of purchase.lines) {
      const item = request.params.line_items.find((candidate) =>
        candidate.price_data.product_data.name.includes(line.project.title),
      );
      expect(item, line.project.title).toBeDefined();
      expect(Number(item!.quantity)).toBe(line.credits);
      expect(Number(item!.price_data.unit_amount)).toBe(line.unitPriceCents);
      expect(item!.price_data.currency).toBe('eur');
    }

    // The buyer is signed in to the app, goes to Stripe and pays there.
    await signIn(page, SUPPLIER_EMAIL, '/account', 'Mijn account');
    await page.goto(purchase.checkoutUrl!);
    await page.getByRole('heading', { level: 1, name: 'Betalen (testbetaling)' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Betalen / }).click();

    // Back in the app at the purchase, while Stripe tells the app (the webhook).
    await page.waitForURL(`${baseUrl()}/purchases/${purchase.id}?checkout=success`);
    const paid = await waitForPurchase(token, purchase.id, 'paid');
    expect(paid.status).toBe('paid');
    // The fake's session is complete and paid, and the app took its signed event.
    const sessions = (await (await fetch(`${fakeStripe()}/_fake/sessions`)).json()) as {
      id: string;
      status: string;
      payment_status: string;
      metadata: Record<string, string>;
    }[];
    const stripeSession = sessions.find((s) => s.metadata['purchase_id'] === purchase.id);
    expect(stripeSession).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const deliveries = (await (await fetch(`${fakeStripe()}/_fake/webhook-deliveries`)).json()) as {
      type: string;
      objectId: string;
      status: number | null;
    }[];
    expect(deliveries.filter((d) => d.objectId === stripeSession!.id)).toEqual([
      expect.objectContaining({ type: 'checkout.session.completed', status: 200 }),
    ]);

    // A certificate per project line, for that line's credits.
    const certificates = await api<{
      items: { orderId: string; credits: number; status: string; project: { id: string } }[];
    }>(token, '/v1/certificates?limit=100');
    for (const line of paid.lines) {
      const certificate = certificates.body.items.find((c) => c.orderId === line.order.id);
      expect(certificate, line.project.title).toBeDefined();
      expect(certificate!.credits).toBe(line.credits);
      expect(certificate!.project.id).toBe(line.project.id);
    }
  });

  it('Cancel on the fake page leads back to the purchase, which stays unpaid', async () => {
    const { page } = session;
    const token = await supplierToken();
    const projects = await twoProjects(token);
    const purchase = await placeStripePurchase(token, [
      { projectId: projects[0]!.id, credits: 1 },
      { projectId: projects[1]!.id, credits: 1 },
    ]);

    await page.goto(purchase.checkoutUrl!);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.waitForURL(`${baseUrl()}/purchases/${purchase.id}?checkout=cancelled`);
    const after = await api<PurchaseJson>(token, `/v1/purchases/${purchase.id}`);
    expect(after.body.status).toBe('reserved');

    // An admin lets the credits go again, so the supplier's other journeys are not held up.
    const admin = await apiToken('admin@impactbeurs.example', ADDRESS);
    const cancelled = await api<PurchaseJson>(admin, `/v1/purchases/${purchase.id}/cancel`, {
      method: 'POST',
      body: { reason: 'browser test: cancelled at Checkout' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
  });
});
