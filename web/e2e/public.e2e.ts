import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoCertificate, expectAccessible, sidewaysOverflow, useBrowser } from './helpers';

describe('a visitor finds a project and sees why it got its credits', () => {
  const s = useBrowser();

  it('walks home → catalogue → project page, accessible on every page', async () => {
    const { page } = s;
    await page.goto('/');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Impactbeurs');
    expect(await page.title()).toMatch(/Impactbeurs$/);
    await page.getByText('Credits verkocht').waitFor();
    await expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Projecten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    expect(await page.title()).toBe('Projecten | Impactbeurs');
    const cards = page.getByRole('list').filter({ has: page.getByRole('progressbar') });
    await cards.getByRole('progressbar').first().waitFor();
    // Municipality names in the filter, never CBS codes on screen.
    const options = await page.getByLabel('Gemeente').locator('option').allTextContents();
    expect(options).toContain('Rotterdam');
    expect(await page.locator('main').innerText()).not.toMatch(/GM[0-9]{4}/);
    await expectAccessible(page);

    const first = cards.getByRole('heading', { level: 3 }).getByRole('link').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { name: 'De toekenning uitgelegd' }).waitFor();
    await page.getByText(/Impactscore S = /).waitFor();
    await page.getByText(/Aantal credits N = /).waitFor();
    // Euros, never cents.
    expect(await page.locator('main').innerText()).toMatch(/€\s?[0-9.]+,[0-9]{2}/);
    await expectAccessible(page);
  });

  it('filters the catalogue by target group and keeps the filter in the address', async () => {
    const { page } = s;
    await page.goto('/projects');
    await page.getByLabel('Doelgroep').selectOption({ label: 'Jongeren' });
    await page.getByRole('button', { name: 'Toon projecten' }).click();
    await page.waitForURL(/doelgroep=youth/);
    await page
      .getByRole('status')
      .filter({ hasText: /project/ })
      .waitFor();
    await expectAccessible(page);
  });

  it('shows the story bank and the figures, each chart also as a table', async () => {
    const { page } = s;
    await page.goto('/stories');
    await page.getByRole('heading', { level: 1, name: 'Verhalen' }).waitFor();
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page);

    await page.goto('/statistics');
    await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
    await page.getByText('Dezelfde cijfers als tabel').first().click();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page);
  });

  it('switches to English and remembers the choice', async () => {
    const { page } = s;
    await page.goto('/');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: /social return with real impact/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /social return with real impact/ }).waitFor();
    await expectAccessible(page);
  });

  it('shows the request id when the server fails, so the helpdesk can find it', async () => {
    const { page } = s;
    // The API's answer to a fault, as the error handler writes it (only this request is replaced).
    await page.route('**/v1/stats', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        headers: { 'x-request-id': 'req-e2e-500' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          code: 'INTERNAL.ERROR',
          requestId: 'req-e2e-500',
        }),
      }),
    );
    await page.goto('/');
    await page
      .getByText('Er ging iets mis bij de Impactbeurs. Dat is niet uw fout.', { exact: false })
      .waitFor({ timeout: 20_000 });
    await page
      .getByText('Geef bij een vraag aan de helpdesk deze code door: req-e2e-500')
      .waitFor();
    await expectAccessible(page);
  });

  it('answers an unknown page with a page that says so', async () => {
    const { page } = s;
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await expectAccessible(page);
  });
});

describe('a project’s outcomes reported so far', () => {
  const s = useBrowser();

  it('shows the published counts beside the plan, as a table', async () => {
    const { page } = s;
    await page.goto('/projects');
    await page.getByRole('link', { name: 'Rijbewijs voor werkzoekenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rijbewijs voor werkzoekenden' }).waitFor();
    const table = page.getByRole('table', { name: 'Resultaten tot nu toe per soort' });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Rijbewijs' });
    const cells = await row.getByRole('cell').allTextContents();
    // Expected, then reported: counts published rounded to a multiple of 5.
    expect(cells[1]).toMatch(/^(0|[1-9][0-9.]*[05])$/);
    await page.getByRole('table', { name: 'Deelnemers tot nu toe per doelgroep' }).waitFor();
    await page.getByText(/Op basis van 2 goedgekeurde rapportages\./).waitFor();
    // Plurals: never "1 credits".
    expect(await page.locator('main').innerText()).not.toMatch(
      /(^|[^0-9.,])1 (credits|deelnemers)\b/,
    );
    await expectAccessible(page);
  });
});

/** Every public page, and sign-in, by path; each has one h1 when it is ready. */
const PUBLIC_PAGES = ['/', '/projects', '/stories', '/statistics', '/verify', '/login'];

async function walkWithoutSidewaysScrolling(page: Page) {
  const visit = async (url: string) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await sidewaysOverflow(page), url).toBeLessThanOrEqual(0);
    // The main menu and the language switch can be reached: visible, inside the screen.
    for (const control of [
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }),
      page.getByRole('link', { name: 'Impactbeurs', exact: true }),
    ]) {
      expect(await control.isVisible(), url).toBe(true);
      const box = await control.boundingBox();
      expect(box!.x + box!.width, url).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
    }
    await expectAccessible(page);
  };
  for (const url of PUBLIC_PAGES) {
    await page.goto(url);
    await visit(url);
    if (url === '/verify')
      expect(await page.getByRole('button', { name: 'Controleer', exact: true }).isVisible()).toBe(
        true,
      );
    if (url === '/login')
      expect(await page.getByRole('button', { name: 'Inloggen' }).isVisible()).toBe(true);
  }
  await page.goto('/projects');
  await page.getByRole('progressbar').first().waitFor();
  await page.locator('main h3 a').first().click();
  await page.getByRole('heading', { name: 'De toekenning uitgelegd' }).waitFor();
  await visit('project page');
  const { code } = await demoCertificate();
  await page.goto(`/verify/${code}`);
  await visit('/verify/{code}');
}

describe('at 200% zoom (640 × 400 CSS pixels at twice the density)', () => {
  const s = useBrowser({ width: 640, height: 400, deviceScaleFactor: 2 });

  it('walks every public page and sign-in without sideways scrolling', async () => {
    await walkWithoutSidewaysScrolling(s.page);
  });
});

describe('on a 375 px wide screen', () => {
  const s = useBrowser({ width: 375, height: 800 });

  it('shows home, catalogue and project page without sideways scrolling', async () => {
    const { page } = s;
    for (const url of ['/', '/projects']) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, url).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    await page.getByRole('progressbar').first().waitFor();
    await page.locator('main h3 a').first().click();
    await page.getByRole('heading', { name: 'De toekenning uitgelegd' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

describe('on a 375 px wide screen, every public page', () => {
  const s = useBrowser({ width: 375, height: 700 });

  it('walks every public page and sign-in without sideways scrolling', async () => {
    await walkWithoutSidewaysScrolling(s.page);
  });
});
