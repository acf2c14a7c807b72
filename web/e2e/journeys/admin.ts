import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from '../helpers';
import { apiCall, apiToken } from './plans';
import { PEOPLE } from './review';

/**
 * The platform team's side of a journey, as steps other journeys call: the work queues
 * at /queues, found by their headings as a person reads them.
 */

/** A queue section of /queues, found by its heading (which ends in its count). */
export function queue(page: Page, title: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
}

/** Opens /queues and waits until every queue has loaded. */
export async function openQueues(page: Page): Promise<void> {
  await page.goto('/queues');
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
  await queue(page, 'Uitbetalingen').waitFor();
  await page
    .getByText('Bezig met laden…')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/**
 * Marks the invoice order or purchase with this invoice number paid, as the platform team
 * does when the bank transfer has arrived: the bank's reference, the amount as invoiced.
 * The admin must be signed in.
 */
export async function markPaidInQueues(
  page: Page,
  invoiceNumber: string,
  bankReference: string,
): Promise<void> {
  await openQueues(page);
  const item = queue(page, 'Wachten op betaling per factuur')
    .getByRole('article')
    .filter({ hasText: invoiceNumber });
  await item.waitFor();
  await expectAccessible(page);
  await item.getByLabel('Kenmerk van de bank').fill(bankReference);
  await item.getByRole('button', { name: 'Betaald', exact: true }).click();
  await item.waitFor({ state: 'detached' });
}

/**
 * Clean-up, not a step of a journey: the platform team cancels an unpaid purchase through
 * the API, so the credits it held go back on sale. The browser journeys share one app, and
 * purchases left reserved would count against the next journey's anti-hoarding limits.
 */
export async function cancelPurchaseThroughApi(purchaseId: string, address: string) {
  const admin = await apiToken(PEOPLE.admin.email, address);
  await apiCall(
    admin,
    'POST',
    `/v1/purchases/${purchaseId}/cancel`,
    { reason: 'Opgeruimd na de browsertest.' },
    200,
    address,
  );
}
