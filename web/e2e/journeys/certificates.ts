import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, expectAccessible } from '../helpers';
import { DEMO_PASSWORD } from './review';

/**
 * The supplier's certificates as steps a journey can compose: open a certificate from the
 * list, download its PDF, see what a claim counts toward a contract before claiming, claim,
 * and see the claim listed. Every step goes through the pages (axe on each page it visits);
 * only `certificateWithFreeCredits` looks up a fixture through the API.
 */
export const SUPPLIER = { email: 'leverancier@devries.example', name: 'Gert de Vries' } as const;

/** The demo contracts of Gemeente Rotterdam with the demo supplier (src/seed/demo-obligations.ts). */
export const DEMO_CONTRACTS = {
  maintenance: 'Onderhoud groenvoorziening Rotterdam-Zuid',
  cleaning: 'Schoonmaak gemeentelijke gebouwen (arbeidsextensief: 2%)',
} as const;

/** An active certificate of the supplier with at least `atLeast` credits not yet claimed. */
export async function certificateWithFreeCredits(
  address: string,
  atLeast = 2,
  email: string = SUPPLIER.email,
): Promise<{ id: string; number: string; free: number }> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const login = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  const certificates = (await (
    await fetch(`${baseUrl()}/v1/certificates?limit=100`, { headers: auth })
  ).json()) as { items: { id: string; number: string; status: string; credits: number }[] };
  const claims = (await (
    await fetch(`${baseUrl()}/v1/claims?limit=100`, { headers: auth })
  ).json()) as {
    items: { status: string; credits: number; certificate: { id: string } }[];
  };
  for (const c of certificates.items.filter((c) => c.status === 'active')) {
    const held = claims.items
      .filter(
        (k) => k.certificate.id === c.id && (k.status === 'pending' || k.status === 'approved'),
      )
      .reduce((sum, k) => sum + k.credits, 0);
    if (c.credits - held >= atLeast) return { id: c.id, number: c.number, free: c.credits - held };
  }
  throw new Error('the demo supplier has no active certificate with free credits');
}

/** From /certificates, opens the certificate with this number. */
export async function openCertificate(page: Page, number: string): Promise<void> {
  await page.goto('/certificates');
  await page.getByRole('heading', { level: 1, name: 'Certificaten' }).waitFor();
  await page.getByRole('link', { name: number, exact: true }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: number, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Certificaat ${number}` }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Inzetten voor een contract' }).waitFor();
  await expectAccessible(page);
}

/** Downloads the open certificate's PDF (Dutch or English); answers its bytes. */
export async function downloadCertificatePdf(
  page: Page,
  lang: 'nl' | 'en' = 'nl',
): Promise<Buffer> {
  const label =
    lang === 'nl'
      ? 'Certificaat downloaden (Nederlands, pdf)'
      : 'Certificaat downloaden (Engels, pdf)';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return bytes;
}

/** The value of the option of the contract select whose label names this contract. */
async function contractOption(page: Page, contractName: string): Promise<string> {
  const select = page.getByLabel('Contract', { exact: true });
  await select.locator('option', { hasText: contractName }).first().waitFor({ state: 'attached' });
  const value = await select
    .locator('option', { hasText: contractName })
    .first()
    .getAttribute('value');
  if (!value) throw new Error(`no contract "${contractName}" to choose`);
  return value;
}

/** The preview of what the claim counts, read from the page: each term with its value. */
export async function claimPreview(page: Page): Promise<Record<string, string>> {
  const region = page.locator('#claim-preview');
  await region.getByText('Telt mee voor de verplichting').waitFor();
  const terms = await region.locator('dt').allTextContents();
  const values = await region.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
}

/**
 * On an open certificate's page: picks the contract by name and the credits (empty: as many
 * as still count), reads what the claim counts there before claiming, claims, and sees the
 * claim listed. Answers the preview as the page showed it.
 */
export async function claimCertificates(
  page: Page,
  contractName: string,
  credits?: number,
): Promise<Record<string, string>> {
  await page
    .getByLabel('Contract', { exact: true })
    .selectOption(await contractOption(page, contractName));
  if (credits !== undefined) await page.getByLabel('Aantal credits').fill(String(credits));
  const preview = await claimPreview(page);
  if (credits !== undefined)
    await page.locator('#claim-preview dd').first().getByText(String(credits)).waitFor();
  expect(preview['Telt mee voor de verplichting']).toMatch(/^€\s?\d/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Claim indienen' }).click();
  await page.getByText(/Uw claim voor .* is ingediend/).waitFor();
  await page
    .getByRole('list', { name: 'Ingezet bij contracten' })
    .getByText(contractName)
    .first()
    .waitFor();
  await expectAccessible(page);
  return preview;
}
