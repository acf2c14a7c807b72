import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import {
  certificateWithFreeCredits,
  claimCertificates,
  DEMO_CONTRACTS,
  downloadCertificatePdf,
  openCertificate,
  SUPPLIER,
} from './journeys/certificates';
import { signInAs } from './journeys/review';

/**
 * The supplier's certificates, claims and impact report (issue 19), with the demo supplier:
 * a certificate opened, its PDF downloaded, what it counts for a demo contract seen before
 * claiming, claimed and listed; the impact report with a chart, its table and its
 * downloads; and a claim by keyboard alone at 375 px.
 */

async function downloadOf(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** Presses Tab until the focused element is the one `matches` recognises (bounded). */
async function tabUntil(page: Page, matches: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    if (await matches()) return;
  }
  throw new Error(`focus never reached ${what}`);
}

describe('the supplier’s certificates and impact report', () => {
  const s = useBrowser();

  it('opens a certificate, downloads its PDF, sees what it counts for a contract, claims it and sees it listed', async () => {
    const { page, context } = s;
    const address = '198.51.100.211';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const certificate = await certificateWithFreeCredits(address, 2);
    await signInAs(page, SUPPLIER.email, '/certificates');
    await openCertificate(page, certificate.number);
    await downloadCertificatePdf(page, 'nl');
    await downloadCertificatePdf(page, 'en');
    // The verification link leads to the public check page of this certificate.
    await page.getByRole('link', { name: 'Open de controlepagina van dit certificaat' }).waitFor();

    // One credit: what it counts toward the contract is shown before claiming.
    const preview = await claimCertificates(page, DEMO_CONTRACTS.maintenance, 1);
    expect(preview['Credits']).toBe('1');
    expect(preview['Telt mee voor de verplichting']).toBe(
      preview['Waarde van de credits']?.split(' (')[0],
    );

    // The claim is in the list of the certificate's claims and on the list of certificates.
    await page.goto('/certificates');
    await page
      .getByRole('row', { name: new RegExp(certificate.number) })
      .getByText(/Onderhoud groenvoorziening Rotterdam-Zuid: credits 1 \(wacht op de gemeente\)/)
      .waitFor();
    await expectAccessible(page);
  }, 300_000);

  it('shows the impact report with a chart and its table, and its downloads answer', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.212' });
    await signInAs(page, SUPPLIER.email, '/impact');
    await page.getByRole('heading', { level: 1, name: 'Impactrapport' }).waitFor();
    const chart = page.getByRole('region', { name: 'Waar uw geld heen ging, per project' });
    await chart.waitFor();
    await expectAccessible(page);
    // The table alternative of the chart: the same figures, with named columns.
    await chart.getByText('Dezelfde cijfers als tabel').click();
    const table = chart.getByRole('table');
    await table.getByRole('columnheader', { name: 'Bedrag' }).waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await expect(table.getByRole('cell').first().textContent()).resolves.toMatch(/€/);
    await expectAccessible(page);

    const xlsx = await downloadOf(page, 'Downloaden als Excel (xlsx)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const csv = await downloadOf(page, 'Downloaden als csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.length).toBeGreaterThan(10);

    // A period in the address: the report for it, and a start after the end refused at the field.
    await page.getByLabel('Van', { exact: true }).fill('2027-01-02');
    await page.getByLabel('Tot en met', { exact: true }).fill('2027-01-01');
    await page.getByRole('button', { name: 'Periode tonen' }).click();
    await page.getByText('De eerste dag ligt na de laatste dag.').first().waitFor();
    await page.getByLabel('Van', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Periode tonen' }).click();
    await page.waitForURL(/from=2026-01-01&to=2027-01-01/);
    await page.getByText(/Periode: 1 januari 2026 tot en met 1 januari 2027/).waitFor();
    await expectAccessible(page);
  }, 300_000);
});

describe('the supplier’s certificates at 375 px', () => {
  const small = useBrowser({ width: 375, height: 800 });

  it('claims with the keyboard alone', async () => {
    const { page, context } = small;
    const address = '198.51.100.213';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const certificate = await certificateWithFreeCredits(address, 2);
    await signInAs(page, SUPPLIER.email, `/certificates/${certificate.id}`);
    await page
      .getByRole('heading', { level: 1, name: `Certificaat ${certificate.number}` })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Inzetten voor een contract' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // The contract select, reached and chosen with the keyboard.
    await tabUntil(
      page,
      () => page.evaluate(() => document.activeElement?.id === 'claim-contract'),
      'the contract',
    );
    const select = page.locator('#claim-contract');
    const options = await select.locator('option').allTextContents();
    const index = options.findIndex((o) => o.includes(DEMO_CONTRACTS.maintenance));
    expect(index).toBeGreaterThan(0);
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    await expect(select.inputValue()).resolves.not.toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-credits');
    await page.keyboard.type('1');
    await page.locator('#claim-preview').getByText('Telt mee voor de verplichting').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await tabUntil(
      page,
      () => page.evaluate(() => document.activeElement?.textContent?.trim() === 'Claim indienen'),
      'the claim button',
    );
    await page.keyboard.press('Enter');
    // The confirmation takes focus, so a keyboard user hears it.
    await page.getByText(/Uw claim voor .* is ingediend/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
      /is ingediend/,
    );
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }, 300_000);
});
