import { describe, expect, it } from 'vitest';
import { cancelPurchaseThroughApi } from './journeys/admin';
import { decodePdfQrCodes } from './journeys/qr';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import {
  type BoughtPurchase,
  buyObligationByInvoice,
  signInSupplier,
  tabToName,
} from './journeys/supplier';

/** The EPC ("GiroCode") payload a banking app reads: the total and the payment reference. */
function expectEpc(payload: string | undefined, purchase: BoughtPurchase): void {
  const lines = (payload ?? '').split('\n');
  expect(lines.slice(0, 4)).toEqual(['BCD', '002', '1', 'SCT']);
  const cents = purchase.amountCents;
  expect(lines[7]).toBe(`EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
  expect(lines[9]).toBe(purchase.paymentReference);
}

describe('a supplier meets an obligation in one purchase (issue 19)', () => {
  const s = useBrowser();

  it('buys the EUR 100,000 obligation by invoice from the wallet: once, with the invoice at once', async () => {
    const { page, context } = s;
    const address = '198.51.100.191';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    await signInSupplier(page, '/wallet');

    const purchase = await buyObligationByInvoice(page, { address });
    expect(purchase.amountCents).toBeGreaterThanOrEqual(100_000_00);
    const codes = await decodePdfQrCodes(purchase.invoice);
    expect(codes).toHaveLength(1);
    expectEpc(codes[0], purchase);

    // The purchase's orders are on the orders page, each with its own page and history.
    await page.goto('/orders');
    await page.getByRole('heading', { level: 1, name: 'Mijn bestellingen' }).waitFor();
    await page.getByRole('link', { name: 'Deel van een aankoop' }).first().waitFor();
    await expectAccessible(page);
    await page.goto(`/purchases/${purchase.id}`);
    await page
      .getByRole('link', { name: /^Bestelling van .* bekijken$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Bestelling: / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wat er gebeurde' }).waitFor();
    expect(await page.getByTestId('order-status').textContent()).toContain('gereserveerd');
    await page
      .getByRole('button', { name: `Factuur ${purchase.invoiceNumber} downloaden (pdf)` })
      .waitFor();
    await expectAccessible(page);
    await cancelPurchaseThroughApi(purchase.id, address);
  }, 240_000);

  it('does the same with the keyboard alone on a 375 px wide screen', async () => {
    const { page, context } = s;
    const address = '198.51.100.193';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    await page.setViewportSize({ width: 375, height: 800 });
    await signInSupplier(page, '/wallet', { keyboard: true });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    const purchase = await buyObligationByInvoice(page, { address, keyboard: true });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const codes = await decodePdfQrCodes(purchase.invoice);
    expectEpc(codes[0], purchase);

    // From the purchase to the orders list, by keyboard.
    await tabToName(page, 'Mijn bestellingen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mijn bestellingen' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await cancelPurchaseThroughApi(purchase.id, address);
  }, 240_000);
});
