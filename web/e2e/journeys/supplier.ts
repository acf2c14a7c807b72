import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../helpers';
import { apiCall, apiToken, DEMO_PASSWORD } from './plans';

/**
 * The supplier's journey as steps other journeys can compose: from the obligation wallet to
 * one purchase by invoice, with the invoice PDF downloaded at once. Every step goes through
 * the pages (axe on each page it visits); the API is used only to check what happened.
 * Later journeys add an admin's mark-paid, the claims and the coordinator's approval.
 */
export const SUPPLIER = {
  email: 'leverancier@devries.example',
  organisation: 'Bouwbedrijf De Vries B.V.',
};

/** The demo contract whose EUR 100,000 obligation (5% of EUR 2,000,000) is wholly open. */
export const OPEN_OBLIGATION = {
  reference: 'RTD-2026-0318',
  title: 'Nieuwbouw brede school Charlois',
  amountCents: 100_000_00,
} as const;

export interface BoughtPurchase {
  id: string;
  amountCents: number;
  /** The structured creditor reference to quote with the transfer (no spaces). */
  paymentReference: string;
  invoiceNumber: string;
  /** The invoice PDF as the browser downloaded it. */
  invoice: Buffer;
}

/** An obligation in the wallet, found by its contract's reference and title. */
export interface WalletObligation {
  reference: string;
  title: string;
  /** The obligation in euros as the wallet writes it, e.g. `€ 100.000,00`. */
  shown: string;
}

export interface BuyOptions {
  /** The open obligation to meet (default: the demo's EUR 100,000 one). */
  obligation?: WalletObligation;
  /** The client address the journey presents (its own sign-in limit). */
  address: string;
  /** Keyboard only: no clicks. */
  keyboard?: boolean;
  /** Run axe on every page visited (default true). */
  axe?: boolean;
}

/** The accessible name of the focused element: its aria-label, else its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's accessible name is this. */
export async function tabToName(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${String(name)}`);
}

/** The purchases of the demo supplier, through the API (to count them). */
async function purchaseIds(address: string): Promise<string[]> {
  const token = await apiToken(SUPPLIER.email, address);
  const list = await apiCall<{ items: { id: string }[] }>(
    token,
    'GET',
    '/v1/purchases',
    undefined,
    200,
    address,
  );
  return list.items.map((p) => p.id);
}

/**
 * As the signed-in demo supplier: opens the wallet, starts from an open obligation (the
 * demo's EUR 100,000 one unless another is given), takes the proposal as it is, pays by
 * invoice with a double click (or a double Enter) that buys once, lands on the purchase
 * page and downloads the invoice PDF.
 */
export async function buyObligationByInvoice(
  page: Page,
  options: BuyOptions,
): Promise<BoughtPurchase> {
  const axe = options.axe ?? true;
  const keyboard = options.keyboard ?? false;
  const obligation = options.obligation ?? {
    reference: OPEN_OBLIGATION.reference,
    title: OPEN_OBLIGATION.title,
    shown: '€ 100.000,00',
  };
  const before = await purchaseIds(options.address);

  await page.goto('/wallet');
  await page.getByRole('heading', { level: 1, name: 'Mijn verplichtingen' }).waitFor();
  const row = page.getByTestId(`obligation-${obligation.reference}`);
  await row.getByText('Nog open').waitFor();
  // Amounts are written with a no-break space after the euro sign.
  expect((await row.textContent())!.replace(/\s+/g, ' ')).toContain(obligation.shown);
  if (axe) await expectAccessible(page);

  const meet = `Verplichting van ${obligation.title} nakomen`;
  if (keyboard) {
    await tabToName(page, meet);
    await page.keyboard.press('Enter');
  } else await page.getByRole('link', { name: meet }).click();

  await page.getByRole('heading', { level: 1, name: 'Credits kopen' }).waitFor();
  await page.getByRole('region', { name: 'Projecten in het voorstel' }).waitFor();
  expect(await page.getByTestId('basket-summary').textContent()).toContain(
    'Daarmee is het hele bedrag gedekt.',
  );
  expect(await page.getByLabel('Per factuur (bankoverschrijving)').isChecked()).toBe(true);
  if (axe) await expectAccessible(page);

  // Twice on the button: the page sends one attempt with one Idempotency-Key.
  const buy = page.getByRole('button', { name: /^Kopen voor / });
  if (keyboard) {
    await tabToName(page, /^Kopen voor /);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
  } else await buy.dblclick();

  await page.waitForURL(/\/purchases\/[0-9a-f-]{36}\?placed=1$/);
  const id = /\/purchases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.getByRole('heading', { level: 1, name: 'Uw aankoop' }).waitFor();
  expect(await page.getByTestId('purchase-status').textContent()).toContain('Wacht op betaling');
  const instructions = page.getByTestId('payment-instructions');
  await instructions.waitFor();
  if (axe) await expectAccessible(page);

  const after = await purchaseIds(options.address);
  expect(after.filter((p) => !before.includes(p))).toEqual([id]);

  const token = await apiToken(SUPPLIER.email, options.address);
  const purchase = await apiCall<{
    amountCents: number;
    paymentReference: string;
    invoiceNumber: string;
    payTo: { iban: string };
  }>(token, 'GET', `/v1/purchases/${id}`, undefined, 200, options.address);
  // The page shows what to transfer, where to, and with which reference.
  const shown = (await instructions.textContent())!.replace(/\s+/g, '');
  expect(shown).toContain(purchase.paymentReference);
  expect(shown).toContain(purchase.payTo.iban);

  const label = `Factuur ${purchase.invoiceNumber} downloaden (pdf)`;
  const downloaded = page.waitForEvent('download');
  if (keyboard) {
    await tabToName(page, label);
    await page.keyboard.press('Enter');
  } else await page.getByRole('button', { name: label }).click();
  const download = await downloaded;
  // The browser runs as a server of its own: the file is copied over, then read.
  const dir = await mkdtemp(path.join(tmpdir(), 'ib-e2e-invoice-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const invoice = await readFile(file);
  await rm(dir, { recursive: true, force: true });
  expect(download.suggestedFilename()).toBe(`factuur-${purchase.invoiceNumber}.pdf`);
  expect(invoice.subarray(0, 5).toString()).toBe('%PDF-');

  return {
    id,
    amountCents: purchase.amountCents,
    paymentReference: purchase.paymentReference,
    invoiceNumber: purchase.invoiceNumber,
    invoice,
  };
}

/** Signs in as the demo supplier through the sign-in page, with the mouse or the keyboard alone. */
export async function signInSupplier(
  page: Page,
  next: string,
  { keyboard = false }: { keyboard?: boolean } = {},
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  const email = page.getByLabel('E-mailadres');
  const password = page.getByLabel('Wachtwoord', { exact: true });
  await email.waitFor();
  if (keyboard) {
    for (let i = 0; i < 40 && !(await email.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.type(SUPPLIER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
  } else {
    await email.fill(SUPPLIER.email);
    await password.fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}
