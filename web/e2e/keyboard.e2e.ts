import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCertificate, expectAccessible, useBrowser } from './helpers';

/** Presses Tab until the focused element matches, as a keyboard user would (bounded). */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string }) => boolean,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press(key);
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim(), id: a?.id ?? '' };
    });
    if (matches(el)) return el;
  }
  throw new Error('focus never reached the element');
}

async function visibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a) return false;
    const style = getComputedStyle(a);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  });
}

describe('with the keyboard alone', () => {
  const s = useBrowser();

  it('skips to the content, opens a project and checks a certificate', async () => {
    const { page } = s;
    const { code } = await demoCertificate();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    expect(await visibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From the main menu to the catalogue; focus lands on the new page's heading.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, (el) => el.tag === 'A' && el.text === 'Projecten');
    expect(await visibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/projects$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.getByRole('progressbar').first().waitFor();
    await tabTo(
      page,
      (el) =>
        el.tag === 'A' &&
        el.text.length > 0 &&
        !['Home', 'Projecten'].includes(el.text) &&
        el.text !== 'Toon projecten',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'De toekenning uitgelegd' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // To the verification page through the menu, type the code, press Enter.
    await tabTo(page, (el) => el.tag === 'A' && el.text === 'Certificaat controleren', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/verify$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, (el) => el.id === 'verify-code');
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByText('Het certificaat is geldig.').waitFor();
    await expectAccessible(page);
  });
});
