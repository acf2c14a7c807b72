import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  expect,
  inject,
  type TestContext,
} from 'vitest';

/** Where a failing test leaves its screenshot (gitignored). */
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const baseUrl = () => inject('baseUrl');

export interface Session {
  page: Page;
  context: BrowserContext;
}

/**
 * One browser connection per file, a fresh context (no storage, Dutch) per test, and a
 * screenshot of the page when a test fails.
 */
export function useBrowser(
  options: { width?: number; height?: number; deviceScaleFactor?: number } = {},
): Session {
  let browser: Browser;
  const session = {} as Session;
  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session.context = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      locale: 'nl-NL',
    });
    session.page = await session.context.newPage();
  });
  afterEach(async (context: TestContext) => {
    if (context.task.result?.state === 'fail') {
      mkdirSync(ARTIFACTS, { recursive: true });
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await session.page
        .screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
        .catch(() => undefined);
    }
    await session.context.close();
  });
  return session;
}

/** axe-core on the page as it is now: zero WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A demo certificate: its verification code and its PDF, fetched through the API as its supplier. */
export async function demoCertificate(): Promise<{ code: string; pdf: Buffer }> {
  const api = baseUrl();
  const login = await fetch(`${api}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'leverancier@devries.example',
      password: 'impactbeurs-demo-2026',
    }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const list = (await (await fetch(`${api}/v1/certificates`, { headers: auth })).json()) as {
    items: { id: string; verificationCode: string; status: string }[];
  };
  const certificate = list.items.find((c) => c.status === 'active');
  if (!certificate) throw new Error('the demo data has no active certificate');
  const pdf = await fetch(`${api}/v1/certificates/${certificate.id}/pdf`, { headers: auth });
  expect(pdf.status).toBe(200);
  return { code: certificate.verificationCode, pdf: Buffer.from(await pdf.arrayBuffer()) };
}

/** How far the page scrolls sideways (0 or less: not at all). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
