import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, expectAccessible } from '../helpers';
import { DEMO_PASSWORD } from './review';

/**
 * The authority's pages as steps a journey can compose: register a contract, approve or
 * reject claims in the inbox. Every step goes through the pages (axe on each page it
 * visits); only `claimThroughApi` is a fixture through the API (the supplier's pages are
 * another journey's).
 */
export const AUTHORITY = {
  coordinator: { email: 'coordinator@rotterdam.example', name: 'Hanna Jansen' },
  viewer: { email: 'viewer@rotterdam.example', name: 'Ivo Bakker' },
  name: 'Gemeente Rotterdam',
} as const;

export const DEMO_SUPPLIER = 'leverancier@devries.example';
export const DEMO_CONTRACT = {
  reference: 'RTD-2026-0142',
  title: 'Onderhoud groenvoorziening Rotterdam-Zuid',
};
const DEMO_PROJECT = 'Groen werkleertraject Gouda en Zuidplas';

type Api = (
  method: string,
  url: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

async function apiAs(email: string, address: string): Promise<Api> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const login = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method, url, body) => {
    const response = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${accessToken}`,
        'idempotency-key': crypto.randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/**
 * Claims of the demo supplier toward a demo contract, one credit each, each with its own note
 * (to find it in the inbox): the supplier buys credits by invoice and the demo admin marks
 * them paid, so the claims never depend on what other journeys left free. A fixture.
 */
export async function claimThroughApi(
  notes: string[],
  address: string,
  contractReference: string = DEMO_CONTRACT.reference,
): Promise<void> {
  const supplier = await apiAs(DEMO_SUPPLIER, address);
  const admin = await apiAs('admin@impactbeurs.example', address);
  const projects = await supplier('GET', `/v1/projects?q=${encodeURIComponent(DEMO_PROJECT)}`);
  expect(projects.status).toBe(200);
  const project = (projects.body as { items: { id: string; title: string }[] }).items.find(
    (p) => p.title === DEMO_PROJECT,
  );
  if (!project) throw new Error('the demo project with credits is not listed');
  const order = await supplier('POST', '/v1/orders', {
    projectId: project.id,
    quantity: notes.length,
    paymentMethod: 'invoice',
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const placed = order.body as { id: string; amountCents: number };
  const paid = await admin('POST', `/v1/orders/${placed.id}/mark-paid`, {
    amountCents: placed.amountCents,
    bankReference: `E2E-AUTH-${Date.now()}`,
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  const certificateId = (paid.body as { certificate: { id: string } }).certificate.id;
  const contracts = await supplier('GET', '/v1/contracts?limit=100');
  const contract = (contracts.body as { items: { id: string; reference: string }[] }).items.find(
    (c) => c.reference === contractReference,
  );
  if (!contract) throw new Error(`no demo contract ${contractReference}`);
  for (const note of notes) {
    const claim = await supplier('POST', '/v1/claims', {
      certificateId,
      contractId: contract.id,
      credits: 1,
      note,
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
  }
}

/** The claims inbox, loaded (the pending claims are shown first). */
export async function openInbox(page: Page): Promise<void> {
  await page.goto('/claims');
  await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Wachten op besluit' }).waitFor();
  await page
    .getByText('Bezig met laden…')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** One claim in the inbox, found by a text of its own (its note, its contract). */
export function claimCard(page: Page, text: string): Locator {
  return page.getByRole('article').filter({ hasText: text });
}

/** Approves one pending claim found by its text; it leaves the pending list. */
export async function approveClaimInInbox(page: Page, text: string): Promise<void> {
  const card = claimCard(page, text).first();
  await card.getByText('echt en geldig').waitFor();
  await card.getByRole('button', { name: 'Goedkeuren' }).click();
  await card.waitFor({ state: 'detached' });
}

/**
 * Approves every pending claim on a contract (found by its title or reference) from the
 * inbox, after checking each certificate's live status; the claims then show as approved.
 */
export async function approveClaimsInInbox(page: Page, contractName: string): Promise<void> {
  await openInbox(page);
  await expectAccessible(page);
  const cards = claimCard(page, contractName);
  for (let guard = 0; guard < 50 && (await cards.count()) > 0; guard += 1) {
    await approveClaimInInbox(page, contractName);
  }
  await page.getByRole('combobox', { name: 'Welke claims' }).selectOption({ label: 'Goedgekeurd' });
  await page.getByRole('heading', { level: 2, name: 'Goedgekeurd' }).waitFor();
  await claimCard(page, contractName).first().waitFor();
  await expectAccessible(page);
}

/** Rejects one pending claim with a reason; it leaves the pending list. */
export async function rejectClaimInInbox(page: Page, text: string, reason: string): Promise<void> {
  const card = claimCard(page, text).first();
  await card.getByLabel('Reden van afwijzen').fill(reason);
  await card.getByRole('button', { name: 'Afwijzen' }).click();
  await card.waitFor({ state: 'detached' });
}

export interface NewContract {
  kvk: string;
  supplierName: string;
  supplierEmail: string;
  reference: string;
  title: string;
  /** As typed: "2.000.000" */
  value: string;
  percentage: string;
  startsOn: string;
  endsOn: string;
  tenderReference: string;
  tenderUrl: string;
}

/**
 * Registers a contract for a supplier that is not on the platform yet (invited by name and
 * e-mail) from the contract form, with a TenderNed publication; ends on the contract's page.
 */
export async function registerContractForNewSupplier(page: Page, c: NewContract): Promise<void> {
  await page.goto('/contracts');
  await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
  await page.getByRole('link', { name: 'Contract registreren' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contract registreren' }).waitFor();
  await expectAccessible(page);
  await page.getByLabel('KvK-nummer van de leverancier').fill(c.kvk);
  await page.getByRole('button', { name: 'Leverancier zoeken' }).click();
  await page.getByText('Deze leverancier staat nog niet op de Impactbeurs.').waitFor();
  await page.getByLabel('Naam van de leverancier').fill(c.supplierName);
  await page.getByLabel('E-mailadres voor de uitnodiging').fill(c.supplierEmail);
  await page.getByLabel('Kenmerk van het contract').fill(c.reference);
  await page.getByLabel('Omschrijving van het contract').fill(c.title);
  await page.getByLabel('Begindatum').fill(c.startsOn);
  await page.getByLabel('Einddatum').fill(c.endsOn);
  await page.getByLabel('Waarde van het contract in euro (zonder btw)').fill(c.value);
  await page.getByLabel('Percentage voor social return').fill(c.percentage);
  await page.getByLabel('Kenmerk op TenderNed').fill(c.tenderReference);
  await page.getByLabel('Link naar de publicatie op TenderNed').fill(c.tenderUrl);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Contract registreren' }).click();
  await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
  await page.getByText('Het contract is geregistreerd.').waitFor();
}
