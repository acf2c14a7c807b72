import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import { DEMO_PASSWORD, PEOPLE, signInAs } from './journeys/review';

/**
 * The platform team's pages (issue 18): the work queues with four-eyes payouts, outcome
 * reports and stories; organisations and people; the audit log; the money overview with a
 * CAMT.053 upload. Every step is done in the pages; only the initiative's report and story
 * are fixtures through the API (the initiative's pages are another journey's).
 */

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function apiLogin(email: string, address: string, password = DEMO_PASSWORD) {
  return fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
}

async function apiAs(email: string, address: string) {
  const login = await apiLogin(email, address);
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = {
    'content-type': 'application/json',
    'x-forwarded-for': address,
    authorization: `Bearer ${accessToken}`,
  };
  return async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: () => JSON.parse(text) as never, text };
  };
}

/** A queue section of /queues, found by its heading (which ends in its count). */
function queue(page: Page, title: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
}

async function openQueues(page: Page): Promise<void> {
  await page.goto('/queues');
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
  await queue(page, 'Uitbetalingen').waitFor();
  await page
    .getByText('Bezig met laden…')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Presses Tab until the focused element's text is `text`, as a keyboard user would (bounded). */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`focus never reached "${text}"`);
}

const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

describe('the platform team’s pages', () => {
  const s = useBrowser();

  it('pays a payout with four eyes: one admin approves, the same admin is refused, another pays', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.191' });
    await signInAs(page, PEOPLE.admin.email, '/start');
    // The start page links to every page of the platform team.
    const pages = page.getByRole('navigation', { name: 'Pagina’s van het platformteam' });
    for (const name of ['Werkvoorraad', 'Organisaties en mensen', 'Logboek', 'Geldoverzicht'])
      await pages.getByRole('link', { name }).waitFor();
    await pages.getByRole('link', { name: 'Werkvoorraad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();

    // The funded demo project's first tranche is due.
    const payouts = queue(page, 'Uitbetalingen');
    await payouts.waitFor();
    const payout = payouts
      .getByRole('article')
      .filter({ hasText: 'Rijbewijs voor werkzoekenden' })
      .first();
    await payout.getByText('klaar om goed te keuren').waitFor();
    await expectAccessible(page);
    await payout.getByRole('button', { name: 'Goedkeuren (eerste akkoord)' }).click();

    // The first approval is shown with who gave it, and why this admin may not pay.
    await payout
      .getByTestId('payout-first')
      .getByText(/Eerste akkoord: u \(Anne de Beheerder\)/)
      .waitFor();
    await payout
      .getByText(
        'U gaf het eerste akkoord. Een andere beheerder moet de betaling vastleggen (vier ogen).',
      )
      .waitFor();
    await expectAccessible(page);

    // An empty bank reference is asked for at its field; then the API refuses the same admin.
    await payout.getByRole('button', { name: 'Betaald (tweede akkoord)' }).click();
    await payout.getByText('Vul Kenmerk van de bank in.').waitFor();
    await payout.getByLabel('Kenmerk van de bank').fill('NL-BANK-2026-0001');
    await payout.getByRole('button', { name: 'Betaald (tweede akkoord)' }).click();
    await payout
      .getByRole('alert')
      .getByText(/Dat mag u niet doen: vier ogen/)
      .waitFor();
    await expectAccessible(page);

    // The second admin sees who approved first, and records the payment.
    await signInAs(page, PEOPLE.secondAdmin.email, '/queues');
    const second = queue(page, 'Uitbetalingen')
      .getByRole('article')
      .filter({ hasText: 'Rijbewijs voor werkzoekenden' })
      .first();
    await second.getByText('Eerste akkoord: Anne de Beheerder').waitFor();
    expect(await second.getByText(/U gaf het eerste akkoord/).count()).toBe(0);
    await expectAccessible(page);
    await second.getByLabel('Kenmerk van de bank').fill('NL-BANK-2026-0002');
    await second.getByRole('button', { name: 'Betaald (tweede akkoord)' }).click();
    await second.waitFor({ state: 'detached' });

    // The money overview shows it paid out of the project's escrow, and the ledger balances.
    await page.goto('/money');
    await page.getByRole('heading', { level: 1, name: 'Geldoverzicht' }).waitFor();
    const row = page
      .getByRole('region', { name: 'Tabel met geld per project' })
      .getByRole('row')
      .filter({ hasText: 'Rijbewijs voor werkzoekenden' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // received, refunded, paid out, escrow, balanced
    expect(cells[2]).not.toMatch(/^€\s?0,00$/);
    expect(cells[4]).toBe('Klopt.');
    await page.getByTestId('reconciliation-result').waitFor();
    await expectAccessible(page);

    // The payouts export downloads as CSV, with the payout paid.
    await page.getByLabel('Welke uitbetalingen').selectOption('paid');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lijst downloaden (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^uitbetalingen-paid-\d{4}-\d{2}-\d{2}\.csv$/);
    // The browser runs as a server here, so the file is read as a stream.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv).toContain('Rijbewijs voor werkzoekenden');
    expect(csv).toContain('NL-BANK-2026-0002');
  });

  it('takes an outcome report and its story through the queue, and declines another story', async () => {
    const { page, context } = s;
    const address = '198.51.100.192';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    // Fixture: the initiative reports a month with a story, and tells another story.
    const member = await apiAs(PEOPLE.member.email, address);
    const plans = await member('GET', '/v1/plans?limit=100');
    // Groen: the public journey counts the reports of the other funded project.
    const project = (plans.json() as { items: { id: string; title: string }[] }).items.find(
      (p) => p.title === 'Groen werkleertraject Gouda en Zuidplas',
    )!;
    const tag = unique();
    const narrative = `Vier deelnemers haalden hun diploma (${tag}).`;
    const storyTitle = `Eindelijk een diploma ${tag}`;
    const report = await member('POST', `/v1/projects/${project.id}/outcome-reports`, {
      kind: 'interim',
      // A month long past: the demo reports the last two quarters, another journey last month.
      periodStart: '2025-01-01',
      periodEnd: '2025-01-31',
      participants: [{ targetGroup: 'youth', participants: 6 }],
      outcomes: [{ outcomeType: 'diploma', achieved: 4, banenafspraak: 0 }],
      spending: [],
      narrative,
      stories: [
        {
          title: storyTitle,
          text: 'Een deelnemer werkt nu elke dag in het groen van de gemeente.',
          consent: true,
        },
      ],
    });
    expect(report.status, report.text).toBe(201);
    const declinedTitle = `Een tweede verhaal ${tag}`;
    const extra = await member('POST', `/v1/projects/${project.id}/stories`, {
      title: declinedTitle,
      text: 'Een deelnemer vertelt over zijn eerste week bij de hovenier.',
      consent: true,
    });
    expect(extra.status, extra.text).toBe(201);

    await signInAs(page, PEOPLE.admin.email, '/queues');
    await openQueues(page);
    const reports = queue(page, 'Resultaatrapportages');
    const item = reports.getByRole('article').filter({ hasText: narrative });
    await item.getByText('Jongeren: 6 deelnemers').waitFor();
    await item.getByText('Diploma: 4').waitFor();
    await item.getByText(`Verhalen in deze rapportage: ${storyTitle}`).waitFor();
    await expectAccessible(page);
    await item.getByRole('button', { name: 'Rapportage goedkeuren' }).click();
    await item.waitFor({ state: 'detached' });

    // Its story waits in the stories queue; publishing puts it in the public story bank.
    const stories = queue(page, 'Verhalen');
    const story = stories.getByRole('article').filter({ hasText: storyTitle });
    await story.waitFor();
    await story.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await story.waitFor({ state: 'detached' });

    // The other story is declined with a reason, which is asked for first.
    const declined = stories.getByRole('article').filter({ hasText: declinedTitle });
    await declined.getByRole('button', { name: 'Niet publiceren' }).click();
    await declined.getByText('Vul Waarom niet in.').waitFor();
    await expectAccessible(page);
    await declined.getByLabel('Waarom niet').fill('Te herkenbaar voor de mensen om hem heen.');
    await declined.getByRole('button', { name: 'Niet publiceren' }).click();
    await declined.waitFor({ state: 'detached' });

    await page.goto('/stories');
    await page.getByText(storyTitle).first().waitFor();
    expect(await page.getByText(declinedTitle).count()).toBe(0);
  });

  it('returns an outcome report with questions, which the initiative answers in its pages', async () => {
    const { page, context } = s;
    const address = '198.51.100.197';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    // Fixture: the initiative reports another month long past (the form is another journey's).
    const member = await apiAs(PEOPLE.member.email, address);
    const plans = await member('GET', '/v1/plans?limit=100');
    const project = (plans.json() as { items: { id: string; title: string }[] }).items.find(
      (p) => p.title === 'Groen werkleertraject Gouda en Zuidplas',
    )!;
    const tag = unique();
    const narrative = `Drie deelnemers haalden hun diploma (${tag}).`;
    const created = await member('POST', `/v1/projects/${project.id}/outcome-reports`, {
      kind: 'interim',
      periodStart: '2025-02-01',
      periodEnd: '2025-02-28',
      participants: [{ targetGroup: 'youth', participants: 5 }],
      outcomes: [{ outcomeType: 'diploma', achieved: 3, banenafspraak: 0 }],
      spending: [],
      narrative,
      stories: [],
    });
    expect(created.status, created.text).toBe(201);
    const report = created.json() as { id: string };

    // The platform team sends it back with a question.
    const question = `Hoeveel van de drie werken nu ook? (${tag})`;
    await signInAs(page, PEOPLE.admin.email, '/queues');
    await openQueues(page);
    const item = queue(page, 'Resultaatrapportages')
      .getByRole('article')
      .filter({ hasText: narrative });
    await item.getByLabel('Uw vragen aan het initiatief').fill(question);
    await item.getByRole('button', { name: 'Terugsturen met vragen' }).click();
    await item.waitFor({ state: 'detached' });

    // The initiative finds it on its plan's page, reads the question and answers it.
    await signInAs(page, PEOPLE.member.email, '/plans');
    await page.getByRole('link', { name: 'Groen werkleertraject Gouda en Zuidplas' }).click();
    await page.getByRole('link', { name: 'Vragen beantwoorden' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vragen over uw melding beantwoorden' })
      .waitFor();
    expect(await page.getByTestId('report-questions').textContent()).toContain(question);
    await expectAccessible(page);
    const answer = `${narrative} Twee van hen hebben nu een baan.`;
    await page.locator('#report-narrative').fill(answer);
    await page.getByRole('button', { name: 'Aangepaste melding versturen' }).click();
    await page.waitForURL(new RegExp(`/plans/${project.id}\\?reported=1$`));
    const after = (await member('GET', `/v1/outcome-reports/${report.id}`)).json() as {
      status: string;
      narrative: string;
    };
    expect(after).toMatchObject({ status: 'submitted', narrative: answer });
  });

  it('registers an organisation, invites a user with the link shown once, disables and enables them, and reads the audit log', async () => {
    const { page, context } = s;
    const address = '198.51.100.193';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    await signInAs(page, PEOPLE.admin.email, '/organisations');
    await page.getByRole('heading', { level: 1, name: 'Organisaties en mensen' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page);

    // Sent empty: the errors at the top, each a link to its field.
    const form = page.getByRole('region', { name: 'Organisatie inschrijven' });
    await form.getByRole('button', { name: 'Organisatie inschrijven' }).click();
    await page.getByRole('link', { name: 'Vul een KvK-nummer van 8 cijfers in.' }).waitFor();
    await expectAccessible(page);

    const tag = unique();
    const name = `Installatiebedrijf Van Dam ${tag}`;
    const kvk = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    await form.getByLabel('Soort organisatie').selectOption('supplier');
    await form.getByLabel('Naam', { exact: true }).fill(name);
    await form.getByLabel('KvK-nummer').fill(kvk);
    await form.getByLabel('E-mailadres').fill(`info${tag}@vandam.example`);
    await form.getByRole('button', { name: 'Organisatie inschrijven' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('De organisatie is ingeschreven.').waitFor();
    expect(await page.getByTestId('org-status').textContent()).toBe('actief');
    await expectAccessible(page);

    // Invite a user: the link is shown once, and the e-mail is sent.
    const email = `monteur${tag}@vandam.example`;
    await page.getByLabel('E-mailadres van de nieuwe gebruiker').fill(email);
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    const created = page.getByTestId('invitation-created');
    await created.getByText(`${email} is uitgenodigd en krijgt de link per e-mail.`).waitFor();
    await created.getByText(/U ziet de link hieronder maar één keer/).waitFor();
    const link = (await page.getByTestId('invitation-link').textContent())!;
    expect(link).toMatch(/\/invitations\/accept#token=/);
    await expectAccessible(page);
    const outbox = path.join(inject('dataDir'), 'outbox');
    await expect
      .poll(
        () => {
          try {
            return readdirSync(outbox).some((file) =>
              readFileSync(path.join(outbox, file), 'utf8').includes(email),
            );
          } catch {
            return false;
          }
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    // Once: after a reload the invitation is listed, its link is not.
    await page.reload();
    await page
      .getByText(`${email} · medewerker · nog niet geaccepteerd`, { exact: false })
      .waitFor();
    expect(await page.getByTestId('invitation-link').count()).toBe(0);

    // The invitee accepts (their own page, another journey); the admin then sees them.
    const token = new URL(link).hash.replace('#token=', '');
    const accepted = await fetch(`${baseUrl()}/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        token,
        name: 'Mo Monteur',
        password: 'kraan-lasapparaat-tuinslang-42',
      }),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    await page.reload();
    const status = page.getByTestId(`user-status-${email}`);
    await expect.poll(() => status.textContent()).toBe('actief');

    // Disable, with a question first; "no" changes nothing.
    const users = page.getByRole('region', { name: 'Mensen' });
    await users.getByRole('button', { name: 'Mo Monteur uitzetten' }).click();
    await users.getByText('Weet u zeker dat u Mo Monteur wilt uitzetten?').waitFor();
    await expectAccessible(page);
    await users.getByRole('button', { name: 'Nee, terug' }).click();
    expect(await status.textContent()).toBe('actief');
    await users.getByRole('button', { name: 'Mo Monteur uitzetten' }).click();
    await users.getByRole('button', { name: 'Ja, Mo Monteur uitzetten' }).click();
    await expect.poll(() => status.textContent()).toBe('uitgezet');
    expect((await apiLogin(email, address, 'kraan-lasapparaat-tuinslang-42')).status).not.toBe(200);

    await users.getByRole('button', { name: 'Mo Monteur weer aanzetten' }).click();
    await users.getByRole('button', { name: 'Ja, Mo Monteur weer aanzetten' }).click();
    await expect.poll(() => status.textContent()).toBe('actief');
    expect((await apiLogin(email, address, 'kraan-lasapparaat-tuinslang-42')).status).toBe(200);
    await expectAccessible(page);

    // The organisation's page links to its own events in the audit log.
    await page.getByRole('link', { name: 'Geschiedenis in het logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await page
      .getByTestId('audit-filtered')
      .getByText(/Soort object: organisatie/)
      .waitFor();
    const events = page.getByRole('region', { name: /^Gebeurtenissen, pagina 1$/ });
    await events.getByRole('cell', { name: 'organisation.created' }).waitFor();
    expect(await events.getByRole('cell', { name: 'user.disabled' }).count()).toBe(0);
    await expectAccessible(page);

    // Filtered on what: every user disabled today, this one among them, by Anne.
    await page.getByRole('link', { name: 'Alles tonen' }).click();
    await page.getByLabel('Wat (handeling)').fill('user.disabled');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    await page.getByLabel('Vanaf datum').fill(today);
    await page.getByLabel('Tot en met datum').fill(today);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/action=user.disabled/);
    const row = page.getByRole('row').filter({ hasText: 'user.disabled' }).first();
    await row.getByText('Anne de Beheerder').waitFor();
    // Times in Dutch: "6 dec. 2026 18:04".
    expect(await row.getByRole('cell').first().textContent()).toMatch(
      /^\d{1,2} [a-z]{3}\.? \d{4}(,| om)? \d{2}:\d{2}$/,
    );
    await expectAccessible(page);
    // Some twenty steps and eight axe runs: minutes on a busy machine.
  }, 300_000);

  it('disables and enables a person with the keyboard alone, focus following each step', async () => {
    const { page, context } = s;
    const address = '198.51.100.198';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    // Fixture: an organisation with one person, through the API.
    const admin = await apiAs(PEOPLE.admin.email, address);
    const tag = unique();
    const org = await admin('POST', '/v1/organisations', {
      kind: 'supplier',
      name: `Toetsenbord Techniek ${tag}`,
      kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
    });
    expect(org.status, org.text).toBe(201);
    const orgId = (org.json() as { id: string }).id;
    const invited = await admin('POST', `/v1/organisations/${orgId}/invitations`, {
      email: `kees${tag}@toetsenbord.example`,
      role: 'member',
    });
    expect(invited.status, invited.text).toBe(201);
    const accepted = await fetch(`${baseUrl()}/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        token: (invited.json() as { token: string }).token,
        name: 'Kees Toets',
        password: 'spatiebalk-tabtoets-enter-77',
      }),
    });
    expect(accepted.status).toBe(201);

    await signInAs(page, PEOPLE.admin.email, `/organisations/${orgId}`);
    await page.getByRole('heading', { level: 2, name: 'Mensen' }).waitFor();
    const status = page.getByTestId(`user-status-kees${tag}@toetsenbord.example`);
    await status.waitFor();

    // The button opens the question, which takes focus; "yes" disables and focus returns.
    await tabTo(page, 'Kees Toets uitzetten');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('group');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Ja, Kees Toets uitzetten');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('uitgezet');
    await expect.poll(() => focusedText(page)).toBe('Kees Toets weer aanzetten');

    // "No" changes nothing and puts focus back on the button.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Nee, terug');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Kees Toets weer aanzetten');
    expect(await status.textContent()).toBe('uitgezet');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('actief');
    await expect.poll(() => focusedText(page)).toBe('Kees Toets uitzetten');
    await expectAccessible(page);
  });

  it('marks one invoice order paid with the bank reference and cancels another', async () => {
    const { page, context } = s;
    const address = '198.51.100.199';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    // Fixture: the demo supplier orders one credit twice, by invoice, through the API.
    const supplier = await apiAs('leverancier@devries.example', address);
    const projects = await fetch(`${baseUrl()}/v1/projects?limit=100`, {
      headers: { 'x-forwarded-for': address },
    });
    const groen = (
      (await projects.json()) as { items: { id: string; title: string }[] }
    ).items.find((p) => p.title === 'Groen werkleertraject Gouda en Zuidplas')!;
    const orders = [];
    for (let i = 0; i < 2; i += 1) {
      const order = await supplier('POST', '/v1/orders', {
        projectId: groen.id,
        quantity: 1,
        paymentMethod: 'invoice',
      });
      expect(order.status, order.text).toBe(201);
      orders.push(order.json() as { id: string; invoiceNumber: string });
    }
    const [toPay, toCancel] = orders as [(typeof orders)[0], (typeof orders)[0]];

    await signInAs(page, PEOPLE.admin.email, '/queues');
    await openQueues(page);
    const waiting = queue(page, 'Wachten op betaling per factuur');
    const paid = waiting.getByRole('article').filter({ hasText: toPay.invoiceNumber });
    await paid.getByText(/Bouwbedrijf De Vries/).waitFor();
    await expectAccessible(page);
    await paid.getByLabel('Kenmerk van de bank').fill(`BANK-${toPay.invoiceNumber}`);
    await paid.getByRole('button', { name: 'Betaald', exact: true }).click();
    await paid.waitFor({ state: 'detached' });

    const cancelled = waiting.getByRole('article').filter({ hasText: toCancel.invoiceNumber });
    await cancelled.getByRole('button', { name: 'Annuleren' }).click();
    await cancelled.getByText('Vul Reden van annuleren in.').waitFor();
    await cancelled.getByLabel('Reden van annuleren').fill('De klant heeft zich bedacht.');
    await cancelled.getByRole('button', { name: 'Annuleren' }).click();
    await cancelled.waitFor({ state: 'detached' });

    const after = async (id: string) =>
      ((await supplier('GET', `/v1/orders/${id}`)).json() as { status: string }).status;
    expect(await after(toPay.id)).toBe('paid');
    expect(await after(toCancel.id)).toBe('cancelled');
  });

  it('refunds an invoice payment that came after its order was cancelled and its credits sold', async () => {
    const { page, context } = s;
    const address = '198.51.100.198';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    // Fixture, through the API (the demo data has no refund waiting): the demo supplier
    // reserves every credit still for sale of the funded project, the order is cancelled,
    // one credit is reserved again, and then the bank transfer for the cancelled order
    // arrives. The credits are no longer there, so the payment is booked and the order
    // flagged "refund required".
    const supplier = await apiAs('leverancier@devries.example', address);
    const admin = await apiAs(PEOPLE.secondAdmin.email, address);
    const projects = await fetch(`${baseUrl()}/v1/projects?limit=100`, {
      headers: { 'x-forwarded-for': address },
    });
    const rijbewijs = (
      (await projects.json()) as { items: { id: string; title: string }[] }
    ).items.find((p) => p.title === 'Rijbewijs voor werkzoekenden')!;
    const project = (await supplier('GET', `/v1/projects/${rijbewijs.id}`)).json() as {
      credits: { available: number };
    };
    expect(project.credits.available).toBeGreaterThan(1);
    const order = async (quantity: number) => {
      const placed = await supplier('POST', '/v1/orders', {
        projectId: rijbewijs.id,
        quantity,
        paymentMethod: 'invoice',
      });
      expect(placed.status, placed.text).toBe(201);
      return placed.json() as { id: string; invoiceNumber: string; amountCents: number };
    };
    const late = await order(project.credits.available);
    const cancel = await admin('POST', `/v1/orders/${late.id}/cancel`, {
      reason: 'Niet op tijd betaald.',
    });
    expect(cancel.status, cancel.text).toBe(200);
    const other = await order(1);
    const paid = await admin('POST', `/v1/orders/${late.id}/mark-paid`, {
      amountCents: late.amountCents,
      bankReference: `BANK-${late.invoiceNumber}`,
    });
    expect(paid.status, paid.text).toBe(200);

    await signInAs(page, PEOPLE.admin.email, '/queues');
    await openQueues(page);
    const refunds = queue(page, 'Terugbetalingen');
    const item = refunds.getByRole('article').filter({ hasText: late.invoiceNumber });
    await item.getByText(/Bouwbedrijf De Vries/).waitFor();
    await item
      .getByText('Het bedrijf krijgt een creditnota; u maakt het geld zelf over.')
      .waitFor();
    await expectAccessible(page);
    await item.getByLabel('Reden van terugbetalen').fill('Betaald na annuleren; credits op.');
    await item.getByRole('button', { name: 'Terugbetalen' }).click();
    await item.waitFor({ state: 'detached' });

    const after = (await supplier('GET', `/v1/orders/${late.id}`)).json() as { status: string };
    expect(after.status).toBe('refunded');
    const flags = (await admin('GET', `/v1/orders/${late.id}/flags`)).json() as {
      items: { code: string; resolvedAt: string | null }[];
    };
    expect(flags.items.filter((f) => f.resolvedAt === null)).toEqual([]);
    // Give the credit back for the journeys after this one.
    const release = await admin('POST', `/v1/orders/${other.id}/cancel`, { reason: 'Test.' });
    expect(release.status, release.text).toBe(200);
  });

  it('pages through the audit log with the API’s cursor', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.194' });
    await signInAs(page, PEOPLE.admin.email, '/audit');
    const idsOn = (region: Locator) =>
      region
        .locator('tr[data-event-id]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-id')));
    const first = page.getByRole('region', { name: 'Gebeurtenissen, pagina 1' });
    await first.waitFor();
    const firstIds = await idsOn(first);
    expect(firstIds).toHaveLength(25);
    await page.getByRole('button', { name: 'Volgende pagina' }).click();
    const second = page.getByRole('region', { name: 'Gebeurtenissen, pagina 2' });
    await second.waitFor();
    const secondIds = await idsOn(second);
    expect(secondIds.length).toBeGreaterThan(0);
    // Newest first: every event of page 2 is older than every event of page 1.
    const numbers = (ids: (string | null)[]) => ids.map(Number);
    expect(Math.max(...numbers(secondIds))).toBeLessThan(Math.min(...numbers(firstIds)));
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Vorige pagina' }).click();
    await page.getByRole('region', { name: 'Gebeurtenissen, pagina 1' }).waitFor();
    expect(await idsOn(page.getByRole('region', { name: 'Gebeurtenissen, pagina 1' }))).toEqual(
      firstIds,
    );
  });

  it('uploads a CAMT.053 statement and decides its exception', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.195' });
    const tag = unique();
    const reference = `ONBEKEND-${tag}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-${tag}</MsgId><CreDtTm>2026-12-07T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-${tag}</Id>
      <Acct><Id><IBAN>NL69INGB0123456789</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">123.45</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-12-06</Dt></BookgDt>
        <AcctSvcrRef>STMT-${tag}-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>${reference}</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
    await signInAs(page, PEOPLE.admin.email, '/money');
    await page.getByRole('heading', { level: 1, name: 'Geldoverzicht' }).waitFor();
    // Without a file, the field says so.
    await page.getByRole('button', { name: 'Afschrift uploaden' }).click();
    await page.getByRole('link', { name: 'Kies het bestand van het afschrift.' }).waitFor();
    await page.getByLabel('Afschrift (XML-bestand)').setInputFiles({
      name: `afschrift-${tag}.xml`,
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await page.getByRole('button', { name: 'Afschrift uploaden' }).click();
    const result = page.getByTestId('bank-upload-result');
    await result.getByText('Het afschrift is verwerkt.').waitFor();
    await result
      .getByText(/afschrift STMT-\d+: 1 regels, 0 geboekt, 1 uitzonderingen open/)
      .waitFor();
    await expectAccessible(page);

    // The unknown transfer waits in the exceptions queue; it is ignored with a note.
    const exceptions = page.getByRole('region', { name: /^Uitzonderingen/ });
    const entry = exceptions.getByRole('article').filter({ hasText: reference });
    await entry.getByText('Geen bestelling heeft dit betalingskenmerk.').waitFor();
    await entry.getByText('Ontvangen van € 123,45 op 6 december 2026').waitFor();
    await entry.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    await entry.getByText('Schrijf op waarom u zo beslist.').first().waitFor();
    await expectAccessible(page);
    await entry.getByLabel('Beslissing').selectOption('ignore');
    await entry.getByLabel('Notitie').fill('Verkeerd overgemaakt; de klant belt zelf met de bank.');
    await entry.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    await entry.waitFor({ state: 'detached' });

    // The same file again books nothing.
    await page.getByLabel('Afschrift (XML-bestand)').setInputFiles({
      name: `afschrift-${tag}.xml`,
      mimeType: 'application/xml',
      buffer: Buffer.from(xml),
    });
    await page.getByRole('button', { name: 'Afschrift uploaden' }).click();
    await page.getByText('Dit bestand was al geüpload. Er is niets opnieuw geboekt.').waitFor();
    await expectAccessible(page);
  });
});

describe('the platform team’s pages on a small screen', () => {
  const s = useBrowser({ width: 375, height: 800 });

  it('shows every page at 375 px without sideways scrolling', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.196' });
    await signInAs(page, PEOPLE.secondAdmin.email, '/queues');
    for (const [url, title] of [
      ['/queues', 'Werkvoorraad'],
      ['/organisations', 'Organisaties en mensen'],
      ['/audit', 'Logboek'],
      ['/money', 'Geldoverzicht'],
    ] as const) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page
        .getByText('Bezig met laden…')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect(await sidewaysOverflow(page), url).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
    // An organisation's page too.
    await page.goto('/organisations');
    await page.getByRole('link', { name: 'Stichting Werkkracht Rotterdam' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Mensen' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  it('refuses a user who is not a platform admin', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.197' });
    await signInAs(page, PEOPLE.member.email, '/queues');
    await page.getByText('Deze pagina is alleen voor beheerders van het platform.').waitFor();
    await expectAccessible(page);
  });
});
