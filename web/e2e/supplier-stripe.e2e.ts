import { describe, expect, inject, it } from 'vitest';
import { baseUrl, expectAccessible, useBrowser } from './helpers';
import { apiToken } from './journeys/plans';
import { OPEN_OBLIGATION, signInSupplier, SUPPLIER } from './journeys/supplier';

/**
 * Paying by Stripe in the browser, against the local fake Stripe global-setup.ts starts:
 * the purchase flow's basket bought as one Checkout Session with a line per project, the
 * fake's payment page (Cancel, then Pay), the signed webhook it sends the app, the return
 * page following the purchase until it is paid, and a certificate per project line.
 */

const SUPPLIER_EMAIL = SUPPLIER.email;
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

/** The Checkout Session request the fake received for this purchase. */
async function sessionRequestFor(purchaseId: string): Promise<SessionRequest> {
  const res = await fetch(`${fakeStripe()}/_fake/requests?method=POST&path=/v1/checkout/sessions`);
  const requests = (await res.json()) as SessionRequest[];
  const mine = requests.filter((request) => request.params.metadata?.purchase_id === purchaseId);
  expect(mine.length).toBeGreaterThanOrEqual(1);
  return mine[0]!;
}

describe('a supplier pays a purchase over several projects by Stripe (issue 19)', () => {
  const session = useBrowser();

  it('buys from the wallet through Checkout with a line per project, cancels, pays after all, and gets a certificate per line', async () => {
    const { page, context } = session;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ADDRESS });
    await signInSupplier(page, '/wallet');

    // From the open obligation in the wallet to a proposal over more than one project: the
    // theme puts the driving-licence project first, and it may cover at most half its supply.
    await page.getByRole('heading', { level: 1, name: 'Mijn verplichtingen' }).waitFor();
    await page.getByTestId(`obligation-${OPEN_OBLIGATION.reference}`).waitFor();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: `Verplichting van ${OPEN_OBLIGATION.title} nakomen` })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Credits kopen' }).waitFor();
    await page.getByLabel('Thema').fill('rijbewijs');
    await page.getByRole('button', { name: 'Voorstel aanpassen' }).click();
    const first = page.getByLabel('Credits van Rijbewijs voor werkzoekenden');
    await first.waitFor();
    const fields = page.getByLabel(/^Credits van /);
    await expect.poll(() => fields.count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);

    // The supplier adjusts the basket (a few credits a project, so the other journeys keep
    // the supply they need) and pays online.
    const count = await fields.count();
    const wanted = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      const field = fields.nth(i);
      const title = (await field.getAttribute('id'))!;
      const label = await page.locator(`label[for="${title}"]`).innerText();
      const project = label.replace(/^Credits van /, '').trim();
      await field.fill(String(i + 2));
      wanted.set(project, i + 2);
    }
    await page.getByLabel('Online met iDEAL of creditcard').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^Kopen voor / }).click();

    // At Stripe (the fake): one Checkout Session, a line item per project of the basket.
    await page.waitForURL((url) => url.href.startsWith(`${fakeStripe()}/c/pay/`));
    await page.getByRole('heading', { level: 1, name: 'Betalen (testbetaling)' }).waitFor();
    await expectAccessible(page);
    const token = await supplierToken();
    const sessionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const atStripe = (await (await fetch(`${fakeStripe()}/_fake/sessions`)).json()) as {
      id: string;
      metadata: Record<string, string>;
    }[];
    const purchaseId = atStripe.find((s) => s.id === sessionId)!.metadata['purchase_id']!;
    const { body: purchase } = await api<PurchaseJson>(token, `/v1/purchases/${purchaseId}`);
    expect(page.url()).toBe(purchase.checkoutUrl);
    expect(new Map(purchase.lines.map((l) => [l.project.title, l.credits]))).toEqual(wanted);
    const request = await sessionRequestFor(purchase.id);
    expect(request.params.line_items).toHaveLength(purchase.lines.length);
    for (const line of purchase.lines) {
      const items = request.params.line_items.filter((item) =>
        item.price_data.product_data.name.includes(line.project.title),
      );
      expect(items, line.project.title).toHaveLength(1);
      expect(Number(items[0]!.quantity)).toBe(line.credits);
      expect(Number(items[0]!.price_data.unit_amount)).toBe(line.unitPriceCents);
      expect(items[0]!.price_data.currency).toBe('eur');
    }

    // Cancel at Stripe: back at the purchase, still held, with the way back to pay.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.waitForURL(`${baseUrl()}/purchases/${purchase.id}?checkout=cancelled`);
    await page.getByRole('heading', { level: 1, name: 'Uw aankoop' }).waitFor();
    await page.getByText('U heeft het betalen afgebroken.').waitFor();
    expect(await page.getByTestId('purchase-status').textContent()).toContain('Wacht op betaling');
    await expectAccessible(page);

    // Paying after all: the same session, paid on the fake's page.
    await page.getByRole('link', { name: 'Alsnog betalen' }).click();
    await page.waitForURL(purchase.checkoutUrl!);
    await page.getByRole('button', { name: /^Betalen / }).click();

    // The return page follows the purchase until the webhook has made it paid.
    await page.waitForURL(`${baseUrl()}/purchases/${purchase.id}?checkout=success`);
    await page.getByRole('heading', { level: 1, name: 'Uw aankoop' }).waitFor();
    await expectAccessible(page);
    await expect
      .poll(() => page.getByTestId('purchase-status').textContent(), { timeout: 60_000 })
      .toContain('Betaald');

    // A certificate per project line, shown on the purchase page.
    const rows = page
      .getByRole('region', { name: 'Projecten in deze aankoop' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') });
    await expect.poll(() => rows.count()).toBe(purchase.lines.length);
    for (const line of purchase.lines) {
      const row = rows.filter({ hasText: line.project.title });
      await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('geldig');
      expect(await row.textContent()).toMatch(/IB-\d{4}-\d+/);
    }
    await expectAccessible(page);

    // What Stripe saw: the session complete and paid; the app took the signed event once.
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

    // And through the API: paid, each line's order paid with its own certificate.
    const { body: paid } = await api<PurchaseJson>(token, `/v1/purchases/${purchase.id}`);
    expect(paid.status).toBe('paid');
    const certificates = await api<{
      items: { orderId: string; credits: number; status: string; project: { id: string } }[];
    }>(token, '/v1/certificates?limit=100');
    for (const line of paid.lines) {
      const certificate = certificates.body.items.find((c) => c.orderId === line.order.id);
      expect(certificate, line.project.title).toMatchObject({
        credits: line.credits,
        status: 'active',
        project: { id: line.project.id },
      });
    }
  }, 240_000);
});
