import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, expectAccessible } from '../helpers';

/**
 * The initiative's side of the walk from draft to listed, as steps other journeys call.
 * Everything goes through the pages; `keyboard: true` does it with the keyboard alone
 * (Tab to each field, type, Space and Enter), as a person without a mouse would.
 */

export const DEMO_PASSWORD = 'impactbeurs-demo-2026';
export const INITIATIVE_EMAIL = 'initiatief@werkkracht.example';

export interface PlanInput {
  title: string;
  summary?: string;
  description?: string;
  /** YYYY-MM-DD */
  startDate?: string;
  endDate?: string;
  /** Names as the form lists them (municipalities of public projects): default Rotterdam. */
  municipalities?: string[];
  /** Expected participants of the first target group in the form (Participatiewet). */
  participants?: number;
  /** Expected people with paid work (the first outcome in the form). */
  paidWork?: number;
  /** Budget lines in euros as people type them; the total is added up by the form. */
  budgetLines?: { description: string; euros: string }[];
  minimumEuros?: string;
  contactName?: string;
  contactEmail?: string;
}

export interface JourneyOptions {
  /** Run axe on every page the journey visits (default true). */
  axe?: boolean;
  /** Keyboard only: no clicks, no fill(). */
  keyboard?: boolean;
}

/** Signs in through the sign-in page and waits for the page `next` leads to. */
export async function signIn(
  page: Page,
  email: string,
  next: string,
  heading: string | RegExp,
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Presses Tab until the element with this id (or a button with this text) has focus. */
async function tabTo(page: Page, target: { id?: string; button?: string }): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    const active = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { id: a?.id ?? '', tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (target.id !== undefined && active.id === target.id) return;
    if (target.button !== undefined && active.tag === 'BUTTON' && active.text === target.button)
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${JSON.stringify(target)}`);
}

/** One way to operate the form: with the mouse and fill(), or with the keyboard alone. */
function driver(page: Page, keyboard: boolean) {
  return {
    async fill(id: string, value: string) {
      if (!keyboard) return page.locator(`#${id}`).fill(value);
      await tabTo(page, { id });
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(value);
    },
    /** A date field; `iso` is YYYY-MM-DD (typed day, month, year as the Dutch field asks). */
    async date(id: string, iso: string) {
      if (!keyboard) return page.locator(`#${id}`).fill(iso);
      const [year, month, day] = iso.split('-');
      // Headless Chromium's date field takes typed digits reliably only with a leading zero
      // (01, 09): journeys in keyboard mode use such days and months.
      await tabTo(page, { id });
      await page.keyboard.type(`${day}${month}${year}`);
    },
    async check(label: string) {
      const box = page.getByRole('checkbox', { name: label, exact: true });
      if (!keyboard) return box.check();
      const id = await box.getAttribute('id');
      await tabTo(page, { id: id! });
      if (!(await box.isChecked())) await page.keyboard.press('Space');
    },
    async press(button: string) {
      if (!keyboard) return page.getByRole('button', { name: button, exact: true }).first().click();
      await tabTo(page, { button });
      await page.keyboard.press('Enter');
    },
  };
}

async function onStep(page: Page, step: string, axe: boolean): Promise<void> {
  await page.getByRole('heading', { level: 2, name: step, exact: true }).waitFor();
  if (axe) await expectAccessible(page);
}

/**
 * Writes a new plan through every step of the form, as the signed-in initiative member
 * (sign in first, e.g. with `signIn(page, INITIATIVE_EMAIL, '/plans', 'Plannen')`), checks
 * that nothing is missing and submits it. Answers the plan's id; the page is left on the
 * plan's own page, status "ingediend".
 */
export async function draftAndSubmitPlan(
  page: Page,
  input: PlanInput,
  options: JourneyOptions = {},
): Promise<{ id: string }> {
  const axe = options.axe ?? true;
  const d = driver(page, options.keyboard ?? false);
  await page.goto('/plans/new');
  await page.getByRole('heading', { level: 1, name: 'Nieuw plan' }).waitFor();
  await onStep(page, 'Over het plan', axe);
  await d.fill('plan-title', input.title);
  await d.fill(
    'plan-summary',
    input.summary ?? 'Werkzoekenden halen hun rijbewijs en vinden zo werk in de logistiek.',
  );
  await d.fill(
    'plan-description',
    input.description ??
      'Een jaar lang theorieles, rijlessen en begeleiding naar een eerste contract.',
  );
  await d.date('plan-start', input.startDate ?? '2027-03-01');
  await d.date('plan-end', input.endDate ?? '2027-09-01');
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/edit\/municipalities$/);
  const id = /\/plans\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await onStep(page, 'Gemeenten', axe);
  for (const name of input.municipalities ?? ['Rotterdam']) await d.check(name);
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/edit\/targetGroups$/);
  await onStep(page, 'Doelgroepen', axe);
  await d.fill('plan-target-groups', String(input.participants ?? 20));
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/edit\/outcomes$/);
  await onStep(page, 'Resultaten', axe);
  await d.fill('plan-outcomes', String(input.paidWork ?? 10));
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/edit\/budget$/);
  await onStep(page, 'Begroting', axe);
  const lines = input.budgetLines ?? [
    { description: 'Rijlessen', euros: '60.000' },
    { description: 'Jobcoach', euros: '30000,50' },
  ];
  for (const [index, line] of lines.entries()) {
    await d.press('Begrotingsregel toevoegen');
    // The new line's first field takes focus (the first line's is what "wat ontbreekt nog" links to).
    const descriptionId = index === 0 ? 'plan-budget-lines' : `plan-line-${index}-description`;
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe(descriptionId);
    await d.fill(descriptionId, line.description);
    await d.fill(
      descriptionId === 'plan-budget-lines'
        ? 'plan-line-0-amount'
        : descriptionId.replace('description', 'amount'),
      line.euros,
    );
  }
  await d.fill('plan-minimum', input.minimumEuros ?? '40000');
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/edit\/contact$/);
  await onStep(page, 'Contactpersoon', axe);
  await d.fill('plan-contact-name', input.contactName ?? 'Fatima El Amrani');
  await d.fill('plan-contact-email', input.contactEmail ?? 'fatima@werkkracht.example');
  await d.press('Opslaan en verder');

  await page.waitForURL(/\/edit\/submit$/);
  await onStep(page, 'Controleren en indienen', axe);
  await page.getByText('Er ontbreekt niets. U kunt het plan indienen.').waitFor();
  await d.press('Plan indienen');

  await page.waitForURL(new RegExp(`/plans/${id}\\?submitted=1$`));
  await page.getByText('Status: ingediend').waitFor();
  if (axe) await expectAccessible(page);
  return { id };
}

/** The API as a test fixture: a bearer token for a demo user (from its own client address). */
export async function apiToken(email: string, address: string): Promise<string> {
  const login = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A JSON call to the API with a bearer token; fails the test on an unexpected status. */
export async function apiCall<T>(
  token: string,
  method: string,
  path: string,
  body: unknown,
  status: number,
  address: string,
): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': address,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}
