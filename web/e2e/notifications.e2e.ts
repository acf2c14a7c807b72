import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, sidewaysOverflow, useBrowser } from './helpers';

const DEMO_PASSWORD = 'impactbeurs-demo-2026';
const ADDRESS = '198.51.100.203';

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'x-forwarded-for': ADDRESS,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : null,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A reviewer of the platform of its own (the demo users stay as other journeys expect them). */
async function newReviewer(): Promise<{ email: string; password: string }> {
  const login = await api<{ accessToken: string }>('/v1/auth/login', {
    body: { email: 'admin@impactbeurs.example', password: DEMO_PASSWORD },
  });
  expect(login.status).toBe(200);
  const me = await api<{ organisation: { id: string } }>('/v1/me', {
    token: login.body.accessToken,
  });
  const email = `berichten.${Date.now()}@impactbeurs.example`;
  const created = await api<{ token: string }>(
    `/v1/organisations/${me.body.organisation.id}/invitations`,
    { token: login.body.accessToken, body: { email, role: 'reviewer' } },
  );
  expect(created.status).toBe(201);
  const password = 'een rustige inbox graag';
  const accepted = await api('/v1/invitations/accept', {
    body: { token: created.body.token, name: 'Bram Berichten', password },
  });
  expect(accepted.status).toBe(201);
  return { email, password };
}

describe('choosing e-mail messages on Mijn account, at 375 px and by keyboard', () => {
  const s = useBrowser({ width: 375, height: 800 });

  it('switches an optional message off, keeps the mandatory ones, and remembers it', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ADDRESS });
    const user = await newReviewer();

    await page.goto('/login?next=/account');
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'E-mailberichten' }).waitFor();
    const assigned = page.getByLabel('U bent gevraagd een plan te beoordelen');
    await assigned.waitFor();
    expect(await assigned.isChecked()).toBe(true);
    // The mandatory ones are listed, not offered to switch off.
    await page.getByText('Een webhook van uw organisatie is uitgezet').waitFor();
    expect(await page.getByLabel('Een webhook van uw organisatie is uitgezet').count()).toBe(0);
    await expectAccessible(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    // With the keyboard alone: the box off, then save.
    await assigned.focus();
    await page.keyboard.press('Space');
    expect(await assigned.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Keuze opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();
    await expectAccessible(page);

    // Remembered: after a reload, and by the API.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'E-mailberichten' }).waitFor();
    await page.getByLabel('U bent gevraagd een plan te beoordelen').waitFor();
    expect(await page.getByLabel('U bent gevraagd een plan te beoordelen').isChecked()).toBe(false);
    expect(await page.getByLabel('Alle scores van een beoordeling zijn binnen').isChecked()).toBe(
      true,
    );
    const login = await api<{ accessToken: string }>('/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const prefs = await api<{ notifications: { type: string; enabled: boolean }[] }>(
      '/v1/me/notification-preferences',
      { token: login.body.accessToken },
    );
    expect(prefs.body.notifications).toContainEqual(
      expect.objectContaining({ type: 'review-assigned', enabled: false }),
    );
  });
});
