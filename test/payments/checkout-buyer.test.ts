import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, sessionEvent, type Person, TestContext } from '../factory/index.js';

/**
 * Checkout with the buyer (issue 17): the Checkout Session knows who orders (e-mail, page
 * language), asks for the billing address and, when the organisation has no VAT id on file,
 * the VAT id; the buyer's statement names the order. Of what Stripe reports about the payer,
 * the order keeps only what bookkeeping needs: name, billing country, tax ids.
 */

let t: TestContext;
let project: { id: string };

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
  });
  project = await t.newListedProject({ credits: 40 });
}, 120_000);
afterAll(() => t?.close());

async function buyer(options: {
  language: 'nl' | 'en';
  vatNumber: string | null;
}): Promise<Person> {
  const person = await t.newSupplier();
  await t.db
    .updateTable('users')
    .set({ language: options.language })
    .where('id', '=', person.user.id)
    .execute();
  await t.db
    .updateTable('organisations')
    .set({ vat_number: options.vatNumber })
    .where('id', '=', person.organisation.id)
    .execute();
  return person;
}

function createParams(orderId: string) {
  const requests = t.stripe
    .requestsTo('POST', '/v1/checkout/sessions')
    .filter((request) => request.params['client_reference_id'] === orderId);
  expect(requests).toHaveLength(1);
  return requests[0]!.params;
}

describe('the Checkout Session', () => {
  it('prefills the buyer’s e-mail in Dutch, asks the billing address and, without a VAT id on file, the VAT id', async () => {
    const person = await buyer({ language: 'nl', vatNumber: null });
    const order = await t.newStripeOrder({ buyer: person, project, credits: 1 });
    const params = createParams(order.id);
    expect(params).toMatchObject({
      customer_email: person.user.email,
      locale: 'nl',
      billing_address_collection: 'required',
      tax_id_collection: { enabled: 'true' },
      payment_intent_data: {
        metadata: { order_id: order.id },
        statement_descriptor_suffix: `IB ${order.id.slice(0, 8).toUpperCase()}`,
      },
    });
    expect(order.session).toMatchObject({
      customer_email: person.user.email,
      locale: 'nl',
      tax_id_collection: { enabled: true },
    });
  });

  it('speaks English to an English user, and does not ask a VAT id the organisation has on file', async () => {
    const person = await buyer({ language: 'en', vatNumber: 'NL123456789B01' });
    const order = await t.newStripeOrder({ buyer: person, project, credits: 1 });
    const params = createParams(order.id);
    expect(params).toMatchObject({
      customer_email: person.user.email,
      locale: 'en',
      billing_address_collection: 'required',
    });
    expect(params['tax_id_collection']).toBeUndefined();
    const placed = await t.getJson(person, `/v1/orders/${order.id}`);
    expect(placed.billing.vatNumber).toBe('NL123456789B01');
  });
});

describe('what Stripe reports about the payer', () => {
  it('keeps the payer’s name, billing country and VAT id on the order, and not the e-mail, address or phone', async () => {
    const person = await buyer({ language: 'nl', vatNumber: null });
    const order = await t.newStripeOrder({ buyer: person, project, credits: 2 });
    const session = t.stripe.completeSession(order.session.id, {
      customerDetails: {
        email: 'inkoop@bouwbedrijf.example',
        name: 'A. de Vries',
        business_name: 'Bouwbedrijf De Vries B.V.',
        phone: '+31 6 12345678',
        address: {
          line1: 'Kerkstraat 1',
          line2: null,
          postal_code: '3511 AB',
          city: 'Utrecht',
          state: null,
          country: 'NL',
        },
        tax_exempt: 'none',
        tax_ids: [{ type: 'eu_vat', value: 'NL999999999B01' }],
      },
    });
    expectStatus(await t.deliverWebhook(sessionEvent('checkout.session.completed', session)), 200);
    const paid = await t.getJson(person, `/v1/orders/${order.id}`);
    expect(paid).toMatchObject({
      status: 'paid',
      payer: {
        name: 'Bouwbedrijf De Vries B.V.',
        country: 'NL',
        taxIds: [{ type: 'eu_vat', value: 'NL999999999B01' }],
      },
    });
    // Nothing else of the payer is stored: not on the order, not in the event log.
    const row = JSON.stringify(await t.orderRow(order.id));
    const events = JSON.stringify(
      await t.db.selectFrom('stripe_events').selectAll().where('order_id', '=', order.id).execute(),
    );
    for (const stored of [row, events]) {
      expect(stored).not.toContain('inkoop@bouwbedrijf.example');
      expect(stored).not.toContain('Kerkstraat');
      expect(stored).not.toContain('12345678');
    }
    await t.expectInvariants();
  });

  it('leaves the payer empty when Stripe reports nothing, and for invoice orders', async () => {
    const person = await buyer({ language: 'nl', vatNumber: null });
    const order = await t.newStripeOrder({ buyer: person, project, credits: 1 });
    const session = t.stripe.completeSession(order.session.id);
    expectStatus(await t.deliverWebhook(sessionEvent('checkout.session.completed', session)), 200);
    expect((await t.getJson(person, `/v1/orders/${order.id}`)).payer).toBeNull();
    const invoice = await t.newPaidOrder({ buyer: person, project, credits: 1 });
    expect(invoice.payer).toBeNull();
  });
});
