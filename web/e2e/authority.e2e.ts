import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import {
  approveClaimInInbox,
  AUTHORITY,
  claimCard,
  claimThroughApi,
  DEMO_CONTRACT,
  openInbox,
  registerContractForNewSupplier,
  rejectClaimInInbox,
} from './journeys/authority';
import { signInAs } from './journeys/review';

/**
 * The authority's pages (issue 19): a coordinator registers a contract with its TenderNed
 * publication for a supplier not yet on the platform (invited), approves one claim and
 * rejects another with a reason; a viewer sees the inbox and cannot act; the contract form
 * works with the keyboard alone at 375 px. The claims are fixtures through the API (the
 * supplier's pages are another journey's).
 */

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const kvkOf = (seed: string) => `7${seed.slice(-7).padStart(7, '0')}`;

function outboxHas(text: string): boolean {
  const outbox = path.join(inject('dataDir'), 'outbox');
  try {
    return readdirSync(outbox).some((file) =>
      readFileSync(path.join(outbox, file), 'utf8').includes(text),
    );
  } catch {
    return false;
  }
}

/** Presses Tab until the element with this id has focus, as a keyboard user would (bounded). */
async function tabToId(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
  }
  throw new Error(`focus never reached #${id}`);
}

/** Presses Tab until a button with this text has focus. */
async function tabToButton(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName ?? '',
      text: (document.activeElement?.textContent ?? '').trim(),
    }));
    if (focused.tag === 'BUTTON' && focused.text === text) return;
  }
  throw new Error(`focus never reached the button "${text}"`);
}

describe('the authority’s contracts and claims', () => {
  const s = useBrowser();

  it('registers a contract with a TenderNed publication for a supplier that is not registered yet', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.211' });
    await signInAs(page, AUTHORITY.coordinator.email, '/contracts');
    await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    // The demo contracts with their progress in euros, status in words.
    const table = page.getByRole('table');
    await table.getByRole('link', { name: DEMO_CONTRACT.title }).waitFor();
    await expect.poll(() => table.getByText('lopend').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const id = unique();
    const email = `inkoop-${id}@groenbouw.example`;
    const contract = {
      kvk: kvkOf(id),
      supplierName: `Groenbouw Rijnmond ${id}`,
      supplierEmail: email,
      reference: `RTD-E2E-${id}`,
      title: `Herinrichting Hofplein ${id}`,
      value: '2.000.000',
      percentage: '5',
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
      tenderReference: '412345',
      tenderUrl: 'https://www.tenderned.nl/aankondigingen/overzicht/412345',
    };

    // A TenderNed link that does not name the publication is refused at its field first.
    await page.goto('/contracts/new');
    await page.getByRole('heading', { level: 1, name: 'Contract registreren' }).waitFor();
    await page.getByLabel('Waarde van het contract in euro (zonder btw)').fill('2.000.000');
    await page.getByLabel('Percentage voor social return').fill('5');
    // The obligation is computed as the coordinator types.
    await page.getByText('De verplichting wordt € 100.000,00: 5% van € 2.000.000,00.').waitFor();
    await page.getByLabel('Kenmerk op TenderNed').fill('412345');
    await page
      .getByLabel('Link naar de publicatie op TenderNed')
      .fill('https://www.tenderned.nl/aankondigingen/overzicht/999999');
    await page.getByRole('button', { name: 'Contract registreren' }).click();
    const linkError = 'De link moet naar deze publicatie gaan: het kenmerk moet in de link staan.';
    // In the summary at the top (a link to the field) and at the field itself.
    await page.getByRole('link', { name: linkError }).waitFor();
    await page.locator('#contract-tenderUrl-error').getByText(linkError).waitFor();
    expect(
      await page
        .getByLabel('Link naar de publicatie op TenderNed')
        .getAttribute('aria-describedby'),
    ).toContain('contract-tenderUrl-error');
    await expectAccessible(page);

    await registerContractForNewSupplier(page, contract);
    await page
      .getByText(/Uitgenodigd: de leverancier heeft de uitnodiging nog niet aangenomen/)
      .waitFor();
    await page.getByText('kenmerk 412345').waitFor();
    expect(await page.getByRole('link', { name: 'Bekijk op TenderNed' }).getAttribute('href')).toBe(
      contract.tenderUrl,
    );
    await page.getByText('5% van de contractwaarde: € 100.000,00').waitFor();
    await page.getByText('Contract geregistreerd.').waitFor();
    await expectAccessible(page);
    // The invitation went to the supplier's address, not to the coordinator.
    await expect.poll(() => outboxHas(email), { timeout: 20_000 }).toBe(true);

    // Listed with its TenderNed reference and progress.
    await page.getByRole('link', { name: 'Terug naar de contracten' }).click();
    const row = page.getByRole('row').filter({ hasText: contract.title });
    await row.getByRole('link', { name: '412345' }).waitFor();
    await row.getByText('€ 100.000,00').first().waitFor();
  });

  it('approves one claim and rejects another with a reason, checking each certificate live', async () => {
    const { page, context } = s;
    const address = '198.51.100.212';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const id = unique();
    const approveNote = `Perceel Noord ${id}`;
    const rejectNote = `Perceel West ${id}`;
    await claimThroughApi([approveNote, rejectNote], address);

    await signInAs(page, AUTHORITY.coordinator.email, '/claims');
    await openInbox(page);
    const toApprove = claimCard(page, approveNote);
    await toApprove.getByText('echt en geldig').waitFor();
    await toApprove.getByText('Goedkeuren telt mee').waitFor();
    await expectAccessible(page);
    await approveClaimInInbox(page, approveNote);

    // An empty reason is asked for at its field; then the claim is rejected.
    const toReject = claimCard(page, rejectNote);
    await toReject.getByRole('button', { name: 'Afwijzen' }).click();
    await toReject.getByText('Vul Reden van afwijzen in.').waitFor();
    await rejectClaimInInbox(page, rejectNote, 'Dit perceel valt buiten het contract.');
    await expectAccessible(page);

    // Both decisions show in their lists, and in the contract's history in words.
    await page.getByLabel('Welke claims').selectOption({ label: 'Goedgekeurd' });
    await claimCard(page, approveNote)
      .getByRole('button', { name: 'Goedkeuring intrekken' })
      .waitFor();
    await page.getByLabel('Welke claims').selectOption({ label: 'Afgewezen' });
    await claimCard(page, rejectNote).getByText('Dit perceel valt buiten het contract.').waitFor();
    await expectAccessible(page);
    await claimCard(page, rejectNote).getByRole('link', { name: DEMO_CONTRACT.title }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_CONTRACT.title }).waitFor();
    const history = page.getByRole('region', { name: 'Wat er gebeurde' });
    await history
      .getByText(/Claim afgewezen \(credits: 1\)\. Reden: Dit perceel valt buiten het contract\./)
      .first()
      .waitFor();
    await history
      .getByText(/Claim goedgekeurd \(credits: 1\)\. \(Hanna Jansen\)/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Contract sluiten' }).waitFor();
    await expectAccessible(page);
  });

  it('shows a viewer the inbox and the contracts without buttons, and says why', async () => {
    const { page, context } = s;
    const address = '198.51.100.213';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const note = `Perceel Oost ${unique()}`;
    await claimThroughApi([note], address);

    await signInAs(page, AUTHORITY.viewer.email, '/claims');
    await openInbox(page);
    await page
      .getByText(/U bent meelezer\. U ziet de claims, maar u kunt ze niet goedkeuren/)
      .waitFor();
    const card = claimCard(page, note);
    await card.getByText('echt en geldig').waitFor();
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Afwijzen' }).count()).toBe(0);
    await expectAccessible(page);

    await card.getByRole('link', { name: DEMO_CONTRACT.title }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_CONTRACT.title }).waitFor();
    await page.getByText(/U bent meelezer\. U kunt dit contract en de claims bekijken/).waitFor();
    expect(await page.getByRole('link', { name: 'Contract wijzigen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Contract sluiten' }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto('/contracts');
    await page.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    await page.getByText(/U bent meelezer\. U kunt de contracten bekijken/).waitFor();
    expect(await page.getByRole('link', { name: 'Contract registreren' }).count()).toBe(0);
    await expectAccessible(page);
  });
});

describe('the contract form at 375 px with the keyboard alone', () => {
  const s = useBrowser({ width: 375, height: 740 });

  it('registers a contract for a registered supplier without a mouse', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.214' });
    await signInAs(page, AUTHORITY.coordinator.email, '/contracts/new');
    await page.getByRole('heading', { level: 1, name: 'Contract registreren' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    const id = unique();
    const title = `Schoolpleinen Charlois ${id}`;
    // The demo supplier's KvK number, as shown on the demo contract.
    await page.goto('/contracts');
    const demo = page.getByRole('link', { name: DEMO_CONTRACT.title });
    await demo.waitFor();
    await demo.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: DEMO_CONTRACT.title }).waitFor();
    const kvk = (await page
      .getByText(/KvK-nummer \d{8}/)
      .first()
      .textContent())!.match(/\d{8}/)![0];
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto('/contracts/new');
    await page.getByRole('heading', { level: 1, name: 'Contract registreren' }).waitFor();

    await tabToId(page, 'contract-kvk');
    await page.keyboard.type(kvk);
    await tabToButton(page, 'Leverancier zoeken');
    await page.keyboard.press('Enter');
    await page.getByText(/^Gevonden: /).waitFor();
    await tabToId(page, 'contract-reference');
    await page.keyboard.type(`RTD-KB-${id}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(title);
    await tabToId(page, 'contract-startsOn');
    await page.keyboard.type('01022027');
    await tabToId(page, 'contract-endsOn');
    // Day and month alike, so the date reads the same in either order the browser shows.
    await page.keyboard.type('12122029');
    await tabToId(page, 'contract-value');
    await page.keyboard.type('850000');
    await tabToId(page, 'contract-percentage');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.getByText('De verplichting wordt € 17.000,00: 2% van € 850.000,00.').waitFor();
    await tabToId(page, 'contract-cap');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page
      .getByText('Credits mogen dan hoogstens € 8.500,00 van de verplichting vullen.')
      .waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await tabToButton(page, 'Contract registreren');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Het contract is geregistreerd.').waitFor();
    await page.getByText('Niet gepubliceerd op TenderNed').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // Edit and close, also with the keyboard: the question takes focus.
    await page.getByRole('link', { name: 'Contract wijzigen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Contract wijzigen' }).waitFor();
    await expectAccessible(page);
    await tabToId(page, 'contract-percentage');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.getByText('De verplichting wordt € 25.500,00: 3% van € 850.000,00.').waitFor();
    // Another basis: a percentage of the wage sum, chosen with the arrow keys.
    await page.locator('#contract-basis-contract_value').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#contract-basis-wage_sum').isChecked()).toBe(true);
    await tabToId(page, 'contract-wageSum');
    await page.keyboard.type('600000');
    await page.getByText('De verplichting wordt € 18.000,00: 3% van € 600.000,00.').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await tabToButton(page, 'Wijzigingen opslaan');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('3% van de loonsom (€ 600.000,00): € 18.000,00').waitFor();
    await page.getByText('Contract gewijzigd.').waitFor();
    await page.getByRole('button', { name: 'Contract sluiten' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByText(/Weet u zeker dat u het contract/);
    await question.waitFor();
    expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, sluiten' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Dit contract is gesloten. U kunt het niet meer wijzigen.').waitFor();
    await page.getByText('Contract gesloten.').waitFor();
    expect(await page.getByRole('link', { name: 'Contract wijzigen' }).count()).toBe(0);
  });
});
