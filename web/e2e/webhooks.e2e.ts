import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, sidewaysOverflow, useBrowser } from './helpers';

const DEMO_PASSWORD = 'impactbeurs-demo-2026';
const ADDRESS = '198.51.100.201';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** The authority's monitoring system: records what it receives, on a loopback port. */
function startReceiver(received: Received[]): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([key, value]) => [key, String(value)]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function registerContract(): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': ADDRESS };
  const login = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'coordinator@rotterdam.example', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${baseUrl()}/v1/contracts`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      supplier: { kvkNumber: '70000002' },
      reference: `WH-${Date.now()}`,
      title: 'Groenonderhoud',
      valueCents: 10_000_000,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      obligation: { basis: 'contract_value', percentageBp: 500 },
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
}

describe('webhooks for a monitoring system', () => {
  const s = useBrowser({ width: 375, height: 800 });
  const received: Received[] = [];
  let server: http.Server;
  let receiverUrl: string;

  beforeAll(async () => {
    server = await startReceiver(received);
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wizzr`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('adds an endpoint with the keyboard, receives signed events, redelivers and turns it off', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ADDRESS });
    await page.goto('/login?next=/webhooks');
    await page.getByLabel('E-mailadres').fill('coordinator@rotterdam.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('U heeft nog geen webhooks.').waitFor();
    await expectAccessible(page);

    // An empty form: the error summary names both fields.
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Vul het adres in.' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Kies minstens één soort bericht.');
    await expectAccessible(page);

    // A target the platform refuses is shown at the address field.
    await page.getByLabel('Adres (URL)').focus();
    await page.keyboard.type('ftp://monitor.example.nl/hooks');
    await page.getByLabel('Contract geregistreerd').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Dit adres kunnen wij niet gebruiken.').first().waitFor();

    await page.getByLabel('Adres (URL)').fill('');
    await page.getByLabel('Adres (URL)').focus();
    await page.keyboard.type(receiverUrl);
    await page.getByLabel('Omschrijving').focus();
    await page.keyboard.type('WIZZR');
    await page.getByRole('button', { name: 'Toevoegen' }).focus();
    await page.keyboard.press('Enter');
    const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('heading', { level: 3, name: 'WIZZR' }).waitFor();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    // A contract registered through the API reaches the receiver, signed with that secret.
    await registerContract();
    const first = await until('the first delivery', () => received[0]);
    const payload = new Webhook(secret).verify(first.body, first.headers) as { type: string };
    expect(payload.type).toBe('contract.created');

    // The delivery log, and sending it again.
    await page.reload();
    await page.getByText('Laatste berichten').click();
    await page.getByRole('cell', { name: /Aangekomen/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /Opnieuw sturen/ }).click();
    const again = await until('the redelivery', () => received[1]);
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);

    // Off, and a new secret shown once.
    await page.getByRole('button', { name: /Uitzetten/ }).click();
    await page.getByText('Uit', { exact: true }).waitFor();
    await page.getByRole('button', { name: /Nieuwe sleutel maken/ }).click();
    const rotated = page.getByTestId('webhook-secret');
    await page.waitForFunction(
      (old) =>
        document.querySelector('[data-testid="webhook-secret"]')?.textContent?.trim() !== old,
      secret,
    );
    expect((await rotated.textContent())!.trim()).toMatch(/^whsec_/);
    await expectAccessible(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
