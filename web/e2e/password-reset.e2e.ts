import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, expectAccessible, useBrowser } from './helpers';

const DEMO_PASSWORD = 'impactbeurs-demo-2026';
const ADDRESS = '198.51.100.201';

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

/** A user of its own (the demo users stay as other journeys expect them), made by invitation. */
async function newUser(): Promise<{ email: string; password: string }> {
  const login = await api<{ accessToken: string }>('/v1/auth/login', {
    body: { email: 'admin@impactbeurs.example', password: DEMO_PASSWORD },
  });
  expect(login.status).toBe(200);
  const me = await api<{ organisation: { id: string } }>('/v1/me', {
    token: login.body.accessToken,
  });
  const email = `vergeetachtig.${Date.now()}@impactbeurs.example`;
  const created = await api<{ token: string }>(
    `/v1/organisations/${me.body.organisation.id}/invitations`,
    { token: login.body.accessToken, body: { email, role: 'reviewer' } },
  );
  expect(created.status).toBe(201);
  const password = 'mijn eerste wachtwoord hier';
  const accepted = await api('/v1/invitations/accept', {
    body: { token: created.body.token, name: 'Vera Vergeetachtig', password },
  });
  expect(accepted.status).toBe(201);
  return { email, password };
}

/** The newest message to `to` in the app's outbox (no SMTP_URL in these tests), parsed. */
async function mailTo(to: string, subject: string) {
  const outbox = path.join(inject('dataDir'), 'outbox');
  for (let i = 0; i < 100; i += 1) {
    const files = await readdir(outbox).catch(() => [] as string[]);
    for (const file of files
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse()) {
      const mail = await simpleParser(await readFile(path.join(outbox, file)));
      const address = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
      if (address === to && mail.subject === subject) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no message "${subject}" to ${to} in ${outbox}`);
}

async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string }) => boolean,
) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim(), id: a?.id ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('focus never reached the element');
}

describe('a forgotten password, with the keyboard alone', () => {
  const s = useBrowser();

  it('asks for a link, sets a new password from the e-mail and signs in with it', async () => {
    const { page } = s;
    await s.context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.202' });
    const user = await newUser();

    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await tabTo(page, (el) => el.tag === 'A' && el.text === 'Wachtwoord vergeten?');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/wachtwoord-vergeten$/);
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await expectAccessible(page);

    await tabTo(page, (el) => el.id === 'forgot-email');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' }).waitFor();
    await expectAccessible(page);

    // The e-mail: Dutch, both parts, its link to the reset page with the token in the fragment.
    const mail = await mailTo(user.email, 'Nieuw wachtwoord instellen voor Impactbeurs');
    expect(mail.html).toContain('<html lang="nl">');
    const link = /https?:\/\/\S+\/wachtwoord-herstellen#token=[\w-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(new URL(baseUrl()).origin);

    // Opened from the mail program; the server is asked only for the page, never the token.
    await page.goto(`/wachtwoord-herstellen${new URL(link!).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord instellen' }).waitFor();
    await expectAccessible(page);

    // Too weak: a field error, linked from the summary.
    await tabTo(page, (el) => el.id === 'reset-password');
    await page.keyboard.type('aaaaaaaaaaaa');
    await page.keyboard.press('Enter');
    await page
      .getByText('Dit wachtwoord is te makkelijk te raden', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(page);

    await page.getByLabel('Nieuw wachtwoord').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('een nieuw en sterk wachtwoord');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Uw wachtwoord is ingesteld' }).waitFor();
    await expectAccessible(page);

    // The link works once.
    const again = await api<{ code: string }>('/v1/auth/password-reset/confirm', {
      body: {
        token: new URL(link!).hash.replace('#token=', ''),
        password: 'nog een nieuw wachtwoord',
      },
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('AUTH.RESET_TOKEN_INVALID');

    await tabTo(page, (el) => el.tag === 'A' && el.text === 'Inloggen' && el.id === '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login/);
    await tabTo(page, (el) => el.id === 'login-email');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('een nieuw en sterk wachtwoord');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/start/);
  });
});
