import { describe, expect, it } from 'vitest';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import { apiCall, apiToken, draftAndSubmitPlan, INITIATIVE_EMAIL, signIn } from './journeys/plans';

/**
 * The social initiative's work in the browser: a plan written in steps and submitted (once
 * with the keyboard alone), "wat ontbreekt nog" leading to its fields, a question round
 * answered and resubmitted, an outcome report refused for a phone number at its field, and
 * a story sent for the story bank. Each journey signs in from its own client address.
 */

const unique = () => Date.now().toString(36);

describe('an initiative writes and submits a plan', () => {
  const s = useBrowser();

  it('writes a plan in steps with the keyboard alone and submits it', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.181' });
    await signIn(page, INITIATIVE_EMAIL, '/plans', 'Plannen');
    await expectAccessible(page);
    const title = `Rijbewijs voor jongeren ${unique()}`;
    const { id } = await draftAndSubmitPlan(page, { title }, { keyboard: true });

    // The plan's page: status, its history, the plan in euros and names.
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await expect.poll(() => history.getByRole('cell').allTextContents()).toContain('concept');
    expect(await history.getByRole('cell').allTextContents()).toContain('ingediend');
    await page.getByText('€ 90.000,50').waitFor();
    await page.getByText('Rotterdam', { exact: true }).waitFor();

    // The list of plans shows it as submitted; the start page links to it.
    await page.goto('/plans');
    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.getByText('Status: ingediend').waitFor();
    await expectAccessible(page);
    await page.goto('/start');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
  });

  it('shows what is still missing, each a link to its field', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.182' });
    await signIn(page, INITIATIVE_EMAIL, '/plans/new', 'Nieuw plan');
    await page.locator('#plan-title').fill(`Alleen een titel ${unique()}`);
    // Too short a title is refused at the field, before anything is sent.
    await page.locator('#plan-title').fill('Ab');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.locator('#plan-title-error').getByText('minstens 3 tekens').waitFor();
    await expectAccessible(page);
    await page.locator('#plan-title').fill(`Alleen een titel ${unique()}`);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/edit\/about$/);

    await page.getByRole('link', { name: 'Stap 7: Controleren en indienen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat ontbreekt nog' }).waitFor();
    for (const text of [
      'Een korte samenvatting',
      'Minstens één gemeente',
      'Minstens één begrotingsregel',
      'De naam van de contactpersoon',
    ])
      await page.getByRole('link', { name: text }).waitFor();
    expect(await page.getByRole('button', { name: 'Plan indienen' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Het bedrag dat minimaal nodig is' }).click();
    await page.waitForURL(/\/edit\/budget#plan-minimum$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('plan-minimum');
    // Euros as people type them; a word is not an amount.
    await page.locator('#plan-minimum').fill('veel');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.locator('#plan-minimum-error').waitFor();
    await expectAccessible(page);
  });
});

describe('an initiative answers the panel’s questions', () => {
  const s = useBrowser();
  const address = '198.51.100.183';

  it('reads the questions, changes the plan and submits it again', async () => {
    // Fixture through the API: a complete plan, a panel of the demo reviewers, questions.
    const initiative = await apiToken(INITIATIVE_EMAIL, address);
    const title = `Leerwerkplekken in de zorg ${unique()}`;
    const plan = await apiCall<{ id: string }>(
      initiative,
      'POST',
      '/v1/plans',
      {
        title,
        summary: 'Leerwerkplekken in de zorg voor mensen in de bijstand.',
        description: 'Twee jaar leren en werken in verpleeghuizen, met een vaste begeleider.',
        municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
        startDate: '2027-02-01',
        endDate: '2028-01-31',
        targetGroups: [{ targetGroup: 'participatiewet', expectedParticipants: 12 }],
        expectedOutcomes: [{ outcomeType: 'diploma', expectedCount: 8 }],
        budgetLines: [{ description: 'Begeleiding', category: 'coaching', amountCents: 4_800_000 }],
        totalCostCents: 4_800_000,
        minimumBudgetCents: 3_000_000,
        contact: { name: 'Sanne de Wit', email: 'sanne@werkkracht.example' },
      },
      201,
      address,
    );
    await apiCall(initiative, 'POST', `/v1/plans/${plan.id}/submit`, undefined, 200, address);
    const reviewerIds: string[] = [];
    for (const n of [1, 2, 3]) {
      const token = await apiToken(`reviewer${n}@impactbeurs.example`, address);
      const me = await apiCall<{ user: { id: string } }>(
        token,
        'GET',
        '/v1/me',
        undefined,
        200,
        address,
      );
      reviewerIds.push(me.user.id);
    }
    const admin = await apiToken('admin@impactbeurs.example', address);
    await apiCall(admin, 'POST', `/v1/plans/${plan.id}/panel`, { reviewerIds }, 201, address);
    const questions = 'Hoeveel begeleiders zet u in, en hoeveel uur per week per deelnemer?';
    await apiCall(
      admin,
      'POST',
      `/v1/plans/${plan.id}/request-changes`,
      { questions },
      200,
      address,
    );

    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    await signIn(page, INITIATIVE_EMAIL, `/plans/${plan.id}`, title);
    await page.getByText('Status: aanpassingen gevraagd').waitFor();
    expect(await page.getByTestId('plan-questions').textContent()).toBe(questions);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Plan aanpassen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Over het plan' }).waitFor();
    await page
      .locator('#plan-description')
      .fill(
        'Twee jaar leren en werken in verpleeghuizen. Twee begeleiders, elk vier uur per week per deelnemer.',
      );
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.getByRole('link', { name: 'Stap 7: Controleren en indienen' }).click();
    await page.getByText('Er ontbreekt niets. U kunt het plan indienen.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Plan opnieuw indienen' }).click();

    await page.waitForURL(new RegExp(`/plans/${plan.id}\\?submitted=1$`));
    await page.getByText('Status: ingediend').waitFor();
    const historyCells = () =>
      page.getByRole('region', { name: 'Geschiedenis' }).getByRole('cell').allTextContents();
    await expect
      .poll(async () => (await historyCells()).filter((cell) => cell === 'ingediend').length)
      .toBe(2);
    const cells = await historyCells();
    expect(cells).toContain('aanpassingen gevraagd');
    // The earlier question round stays readable.
    await page.getByText(questions).waitFor();
    await expectAccessible(page);
  });
});

describe('after listing, on a small screen', () => {
  const s = useBrowser({ width: 375, height: 800 });

  it('reports outcomes (a phone number refused at its field) and sends a story', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.184' });
    await signIn(page, INITIATIVE_EMAIL, '/plans', 'Plannen');
    await page.getByRole('link', { name: 'Groen werkleertraject Gouda en Zuidplas' }).click();
    // The list shows each plan's status too: wait for the plan's own page first.
    await page
      .getByRole('heading', { level: 1, name: 'Groen werkleertraject Gouda en Zuidplas' })
      .waitFor();
    await page.getByText('Status: te koop').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Geld ophalen' }).waitFor();
    await page.getByRole('progressbar').waitFor();
    await page.getByText('Deadline').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Uitbetalingen' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // An outcome report for last month, with a phone number in the explanation.
    await page.getByRole('link', { name: 'Resultaten melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultaten melden' }).waitFor();
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    await page.locator('#report-start').fill(first.toISOString().slice(0, 10));
    await page.locator('#report-end').fill(last.toISOString().slice(0, 10));
    await page.locator('#report-participants-0').fill('7');
    await page.locator('#report-achieved-0').fill('2');
    await page
      .locator('#report-narrative')
      .fill('Twee deelnemers vonden werk. Vragen? Bel de coach op 06-12345678.');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const fieldError = page.locator('#report-narrative-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('een telefoonnummer');
    expect(await page.locator('#report-narrative').getAttribute('aria-invalid')).toBe('true');
    // The summary at the top links to the field.
    await page.getByRole('link', { name: /een telefoonnummer/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('report-narrative');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // A story for the story bank.
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Verhalen' }).waitFor();
    const storyTitle = `Weer aan het werk in het groen ${unique()}`;
    await page.getByLabel('Titel van het verhaal').fill(storyTitle);
    await page
      .getByLabel('Verhaal', { exact: true })
      .fill('Na jaren thuis werkt een deelnemer nu drie dagen per week bij de groenvoorziening.');
    await page.getByRole('button', { name: 'Verhaal insturen' }).click();
    await page.locator('#story-consent').waitFor();
    await page
      .getByText('Vink aan dat de mensen in het verhaal toestemming geven')
      .first()
      .waitFor();
    await page.getByLabel(/vinden het goed/).check();
    await page.getByRole('button', { name: 'Verhaal insturen' }).click();
    await page.getByText('Uw verhaal is ingestuurd.').waitFor();
    const story = page
      .getByTestId('plan-story-list')
      .getByRole('listitem')
      .filter({ hasText: storyTitle });
    await story.getByText('wacht op controle').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
