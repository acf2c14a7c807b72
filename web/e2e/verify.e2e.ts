import { beforeAll, describe, expect, it } from 'vitest';
import { demoCertificate, expectAccessible, useBrowser } from './helpers';

describe('checking a certificate', () => {
  const s = useBrowser();
  let certificate: { code: string; pdf: Buffer };
  beforeAll(async () => {
    certificate = await demoCertificate();
  });

  /** The code as printed (groups with dashes), in the given case. */
  const printed = (code: string) => code.match(/.{1,4}/g)!.join('-');

  for (const [label, typed] of [
    ['upper case with dashes', (c: string) => printed(c).toUpperCase()],
    ['lower case with spaces', (c: string) => ` ${printed(c).toLowerCase().replace(/-/g, ' ')} `],
  ] as const) {
    it(`by its code typed in ${label}`, async () => {
      const { page } = s;
      await page.goto('/verify');
      await page.getByLabel('Controlecode').fill(typed(certificate.code));
      await page.getByRole('button', { name: 'Controleer', exact: true }).click();
      await page.getByText('Dit certificaat is echt en uitgegeven door de Impactbeurs.').waitFor();
      await page.getByText('Het certificaat is geldig.').waitFor();
      await expectAccessible(page);
    });
  }

  it('says so, at the field and in the summary, when a code is unknown or empty', async () => {
    const { page } = s;
    await page.goto('/verify');
    await page.getByRole('button', { name: 'Controleer', exact: true }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await page.getByRole('link', { name: 'Vul de controlecode in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-code');
    await page.getByLabel('Controlecode').fill('0000-0000-0000-0000-0000-0000-00');
    await page.getByRole('button', { name: 'Controleer', exact: true }).click();
    await page.getByRole('link', { name: /Er is geen certificaat met deze code/ }).waitFor();
    await expectAccessible(page);
  });

  it('by uploading its PDF, and rejects a changed copy', async () => {
    const { page } = s;
    await page.goto('/verify');
    await page.getByLabel('Certificaat (PDF)').setInputFiles({
      name: 'certificaat.pdf',
      mimeType: 'application/pdf',
      buffer: certificate.pdf,
    });
    await page.getByRole('button', { name: 'Controleer bestand' }).click();
    await page.getByText('Dit certificaat is echt en uitgegeven door de Impactbeurs.').waitFor();
    await expectAccessible(page);

    const changed = Buffer.from(certificate.pdf);
    changed[changed.length - 10] = (changed[changed.length - 10]! + 1) % 256;
    await page.getByLabel('Certificaat (PDF)').setInputFiles({
      name: 'veranderd.pdf',
      mimeType: 'application/pdf',
      buffer: changed,
    });
    await page.getByRole('button', { name: 'Controleer bestand' }).click();
    await page
      .getByText('Dit bestand is niet door de Impactbeurs uitgegeven, of het is veranderd.')
      .waitFor();
    await expectAccessible(page);
  });

  for (const [label, shown] of [
    ['upper case', (c: string) => c.toUpperCase()],
    ['lower case', (c: string) => c.toLowerCase()],
  ] as const) {
    it(`shows the result page /verify/{code} (${label}) in the app’s look, without scripts`, async () => {
      const { page } = s;
      const response = await page.goto(`/verify/${shown(certificate.code)}`);
      expect(response?.status()).toBe(200);
      // The app's strict CSP: no inline style or script is needed.
      const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(await page.locator('script').count()).toBe(0);
      await page.getByRole('heading', { level: 1, name: 'Geldig: Geldig certificaat' }).waitFor();
      // The same frame as the app: skip link, main menu, footer; the app's stylesheet applies.
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Projecten' })
        .waitFor();
      await page
        .getByRole('contentinfo')
        .getByText(/open-source software/)
        .waitFor();
      expect(
        await page.locator('footer').evaluate((el) => getComputedStyle(el).backgroundColor),
      ).toBe('rgb(7, 74, 53)');
      await expectAccessible(page);
    });
  }

  it('shows an unknown code on the result page, in the app’s look, accessible', async () => {
    const { page } = s;
    const response = await page.goto('/verify/0000-0000-0000-0000-0000-0000-00');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: /Onbekend/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Unknown certificate/ }).waitFor();
    await expectAccessible(page);
  });
});
