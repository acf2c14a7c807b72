import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, useBrowser } from './helpers';

const DEMO_PASSWORD = 'impactbeurs-demo-2026';
let addressCounter = 10;

/**
 * Each journey comes from its own client address (the app trusts X-Forwarded-For in these
 * tests), so that the per-address sign-in limit (20 a minute) counts one journey at a time.
 */
function nextAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

async function apiCall<T>(
  address: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-forwarded-for': address,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : null,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function apiLogin(address: string, email: string, password: string): Promise<string> {
  const res = await apiCall<{ accessToken: string }>(address, '/v1/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

/** An invitation into the demo supplier, made by the demo platform admin through the API. */
async function inviteSupplierMember(
  address: string,
): Promise<{ email: string; token: string; acceptUrl: string; organisation: string }> {
  const admin = await apiLogin(address, 'admin@impactbeurs.example', DEMO_PASSWORD);
  const orgs = await apiCall<{ items: { id: string; kind: string; name: string }[] }>(
    address,
    '/v1/organisations?limit=100',
    { token: admin },
  );
  const supplier = orgs.body.items.find((o) => o.name === 'Bouwbedrijf De Vries B.V.');
  if (!supplier) throw new Error('the demo data has no supplier De Vries');
  const email = `collega-${Date.now()}-${addressCounter}@devries.example`;
  const res = await apiCall<{ token: string; acceptUrl: string }>(
    address,
    `/v1/organisations/${supplier.id}/invitations`,
    { method: 'POST', token: admin, body: { email, role: 'member' } },
  );
  expect(res.status).toBe(201);
  return {
    email,
    token: res.body.token,
    acceptUrl: res.body.acceptUrl,
    organisation: supplier.name,
  };
}

/** A user who accepted an invitation through the API (no browser), with their password. */
async function invitedUser(address: string, name: string) {
  const invitation = await inviteSupplierMember(address);
  const password = `lente in de polder ${addressCounter} keer`;
  const res = await apiCall(address, '/v1/invitations/accept', {
    method: 'POST',
    body: { token: invitation.token, name, password },
  });
  expect(res.status).toBe(201);
  return { email: invitation.email, password };
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

function accountMenu(page: Page) {
  return page.getByRole('navigation', { name: 'Account' });
}

describe('sign-in and onboarding', () => {
  const s = useBrowser();
  const address = () => {
    const value = nextAddress();
    return s.context.setExtraHTTPHeaders({ 'x-forwarded-for': value }).then(() => value);
  };

  it('accepts an invitation, signs the new user in, signs out and in again', async () => {
    const { page } = s;
    const ip = await address();
    const invitation = await inviteSupplierMember(ip);
    // The link as the API hands it out, on this test's server.
    const link = new URL(invitation.acceptUrl);
    expect(link.pathname).toBe('/invitations/accept');
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Uitnodiging accepteren' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain(invitation.email);
    expect(await main.innerText()).toContain(invitation.organisation);
    expect(await main.innerText()).toContain('medewerker');
    await expectAccessible(page);

    // A short password: refused with the error summarised at the top and linked to the field.
    await page.getByLabel('Uw naam').fill('Sanne Nieuw');
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Account maken en inloggen' }).click();
    await page.getByRole('link', { name: /minstens 12 tekens/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('invite-password');
    await expectAccessible(page);

    // A strong one: strength feedback, then signed in on the start page.
    const password = 'de fiets staat achter het gemeentehuis';
    await page.getByLabel('Nieuw wachtwoord').fill(password);
    await page.getByText(/Sterkte: (heel )?sterk/).waitFor();
    await page.getByRole('button', { name: 'Account maken en inloggen' }).click();
    await page.waitForURL(/\/start/);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne Nieuw' }).waitFor();
    await page.getByText('Uw account is klaar').waitFor();
    await expectAccessible(page);

    // The same link again: used, and the page says what to do.
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet' }).waitFor();
    expect(await main.innerText()).toContain('al gebruikt');
    expect(await main.innerText()).toContain('Vraag de persoon die u uitnodigde');
    await expectAccessible(page);

    // Sign out in the header; the start page then asks to sign in; the new password works.
    await accountMenu(page).getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page);
    await page.goto('/start');
    await page.waitForURL(/\/login\?next=%2Fstart/);
    await signInWithForm(page, invitation.email, password);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Sanne Nieuw' }).waitFor();
  });

  it('says so for an unknown invitation link', async () => {
    const { page } = s;
    await address();
    await page.goto('/invitations/accept#token=this-token-does-not-exist-anywhere');
    await page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('kennen we niet');
    await expectAccessible(page);
  });

  it('signs a supplier in with the keyboard alone and shows its start page', async () => {
    const { page } = s;
    await address();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page);

    // A wrong password first: plain words, linked to the password field.
    await signInWithForm(page, 'leverancier@devries.example', 'niet-het-goede-wachtwoord');
    await page.getByRole('link', { name: /wachtwoord klopt niet/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('leverancier@devries.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/start$/);
    await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    await page.getByRole('heading', { name: 'Uw social return-verplichtingen' }).waitFor();
    const certificates = page.getByRole('list', { name: 'Uw certificaten' });
    await certificates
      .getByText(/IB-\d{4}-\d{6}/)
      .first()
      .waitFor();
    const orders = page.getByRole('list', { name: 'Uw laatste bestellingen' });
    await orders
      .getByText(/credits voor €/)
      .first()
      .waitFor();
    const obligations = page.getByRole('list', { name: 'Uw social return-verplichtingen' });
    await obligations
      .getByText(/goedgekeurd/)
      .first()
      .waitFor();
    await expectAccessible(page);

    // A reload keeps the session (the refresh cookie), the access token was in memory only.
    await page.reload();
    await page.getByRole('heading', { name: 'Uw certificaten' }).waitFor();
    expect(
      await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + document.cookie),
    ).not.toMatch(/eyJ|impactbeurs_refresh/);
  });

  it('shows an authority its claims waiting and contracts at 375 px wide', async () => {
    const { page } = s;
    await address();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/login?next=%2Fstart');
    await signInWithForm(page, 'coordinator@rotterdam.example', DEMO_PASSWORD);
    await page.waitForURL(/\/start$/);
    await page
      .getByRole('heading', { name: 'Certificaten die wachten op uw beoordeling' })
      .waitFor();
    const contracts = page.getByRole('list', { name: 'Lopende contracten' });
    await contracts.getByText(/RTD-/).first().waitFor();
    expect(await page.locator('main').innerText()).toContain('coördinator');
    await expectAccessible(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows Mijn account and changes the password with the current one', async () => {
    const { page } = s;
    const ip = await address();
    const user = await invitedUser(ip, 'Joris Account');
    await page.goto('/account');
    await page.waitForURL(/\/login\?next=%2Faccount/);
    await signInWithForm(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    const facts = await page.locator('main dl').innerText();
    expect(facts).toContain('Joris Account');
    expect(facts).toContain(user.email);
    expect(facts).toContain('Bouwbedrijf De Vries B.V. (bedrijf)');
    expect(facts).toContain('medewerker');
    expect(facts).not.toMatch(/\bmember\b|\bsupplier\b/);
    await expectAccessible(page);

    const newPassword = 'zeven zwanen zwemmen zuidwaarts';
    await page.getByLabel('Huidig wachtwoord').fill('dit is het niet, helaas');
    await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('link', { name: 'Uw huidige wachtwoord klopt niet.' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Huidig wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await expectAccessible(page);

    // This session goes on (the API handed it a new access token) …
    await accountMenu(page).getByRole('link', { name: 'Mijn startpagina' }).click();
    await page.getByRole('heading', { name: 'Uw certificaten' }).waitFor();
    // … and the new password is the one that signs in.
    const old = await apiCall(ip, '/v1/auth/login', {
      method: 'POST',
      body: { email: user.email, password: user.password },
    });
    expect(old.status).toBe(401);
    await apiLogin(ip, user.email, newPassword);
  });

  it('sends an expired session to sign-in and back to the page it was on', async () => {
    const { page } = s;
    const ip = await address();
    const user = await invitedUser(ip, 'Eva Verlopen');
    await page.goto('/login?next=%2Faccount');
    await signInWithForm(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();

    // The password is changed elsewhere: every other session of the user ends, this one too.
    const token = await apiLogin(ip, user.email, user.password);
    const newPassword = 'het regent pijpenstelen in Zwolle';
    const changed = await apiCall(ip, '/v1/me/password', {
      method: 'POST',
      token,
      body: { currentPassword: user.password, newPassword },
    });
    expect(changed.status).toBe(200);

    // The next request answers 401, the silent refresh is refused: back to sign-in.
    await accountMenu(page).getByRole('link', { name: 'Mijn startpagina' }).click();
    await page.waitForURL(/\/login\?next=%2Fstart&expired=1/);
    await page.getByText('uw sessie is verlopen').waitFor();
    await expectAccessible(page);
    await signInWithForm(page, user.email, newPassword);
    await page.waitForURL(/\/start$/);
    await page.getByRole('heading', { level: 1, name: 'Welkom, Eva Verlopen' }).waitFor();

    // Without the cookie (it expired) a reload also asks to sign in, then returns.
    await page.goto('/account?tab=1');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await s.context.clearCookies();
    await page.reload();
    await page.waitForURL(/\/login\?next=%2Faccount%3Ftab%3D1/);
    await signInWithForm(page, user.email, newPassword);
    await page.waitForURL(/\/account\?tab=1$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
  });
});
