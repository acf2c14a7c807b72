import { describe, expect, it } from 'vitest';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import { draftAndSubmitPlan } from './journeys/plans';
import {
  assignPanel,
  confirmAward,
  declare,
  expectInCatalogue,
  listProject,
  openAssignment,
  openQueuedPlan,
  PEOPLE,
  recordConsensus,
  requestChanges,
  score,
  signInAs,
  submitPlanThroughApi,
} from './journeys/review';

const [carla, daan, eva, femke] = PEOPLE.reviewers;

/** A funding deadline about three months ahead, as the date field takes it. */
function deadlineAhead(): string {
  const date = new Date(Date.now() + 90 * 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

describe('expert review and the plan pipeline in the browser', () => {
  const s = useBrowser();

  it('takes a plan from draft through panel, conflict, scores, consensus and four eyes to the catalogue', async () => {
    const { page, context } = s;
    const address = '198.51.100.181';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const title = `Fietsvakschool ${Date.now()}`;

    // The initiative writes the plan in the plan form, step by step, and submits it.
    await signInAs(page, PEOPLE.member.email, '/plans');
    await draftAndSubmitPlan(page, {
      title,
      summary: 'Jongeren zonder startkwalificatie halen een vakdiploma in de fietstechniek.',
      budgetLines: [
        { description: 'Werkmeester', euros: '48.000' },
        { description: 'Examens en lesmateriaal', euros: '12.000' },
        { description: 'Bedrijfsbus', euros: '9.000' },
      ],
      minimumEuros: '45000',
    });

    // The platform team assigns three reviewers, with the panel rule shown before saving.
    await signInAs(page, PEOPLE.admin.email, '/plan-queue');
    await assignPanel(page, title, [carla.name, daan.name, eva.name]);
    expect(await page.getByTestId('plan-status').textContent()).toBe('wordt beoordeeld');

    // Daan declares a conflict of interest and is recused; Femke takes his place.
    await signInAs(page, daan.email, '/reviews');
    await declare(page, title, { conflict: true, note: 'Mijn zus werkt bij Werkkracht.' });
    await signInAs(page, PEOPLE.admin.email, '/plan-queue');
    await openQueuedPlan(page, title);
    await page
      .getByRole('cell', { name: /belang gemeld: Mijn zus werkt bij Werkkracht/ })
      .waitFor();
    await assignPanel(page, title, [femke.name]);

    // Three reviewers score, blind; they diverge on reach (1 against 4 and 5).
    await signInAs(page, carla.email, '/reviews');
    await declare(page, title, { conflict: false });
    await score(
      page,
      title,
      { reach: 1, depth: 3, durability: 3, indirect: 3 },
      { ineligible: { line: 'Bedrijfsbus', reason: 'Een bus hoort niet bij de opleiding.' } },
    );
    // Carla was first: after her own scores the others are shown, still without scores.
    const table = page.getByRole('region', { name: 'Tabel met scores per beoordelaar' });
    expect(await table.getByRole('cell', { name: 'nog niet' }).count()).toBeGreaterThan(0);

    for (const [reviewer, scores] of [
      [eva, { reach: 4, depth: 3, durability: 4, indirect: 3 }],
      [femke, { reach: 5, depth: 4, durability: 3, indirect: 3 }],
    ] as const) {
      await signInAs(page, reviewer.email, '/reviews');
      await declare(page, title, { conflict: false });
      await score(page, title, scores, {
        ineligible: { line: 'Bedrijfsbus', reason: 'Geen opleidingskosten.' },
      });
    }
    // The last reviewer now sees every score of the panel.
    expect(await page.getByRole('cell', { name: 'nog niet' }).count()).toBe(0);

    // The admin reads the review: medians, spread, divergence on reach.
    await signInAs(page, PEOPLE.admin.email, '/plan-queue');
    await openQueuedPlan(page, title);
    expect(await page.getByTestId('panel-progress').textContent()).toContain(
      '3 van de 3 beoordelaars hebben gescoord',
    );
    const divergence = await page.getByTestId('divergence').textContent();
    expect(divergence).toContain('Bereik');
    expect(divergence).not.toContain('Diepgang');
    const reachRow = page
      .getByRole('region', { name: 'Scores per punt' })
      .getByRole('row', { name: /^Bereik/ });
    // Scores 1, 4, 5; median 4,0; spread 4; too far apart.
    expect((await reachRow.textContent())?.replace(/\s+/g, ' ')).toContain('4,0');
    // Every reviewer flagged the van, each with a reason: it does not count.
    const van = page.getByRole('row', { name: /^Bedrijfsbus/ });
    expect(await van.textContent()).toContain('Carla Expert: Een bus hoort niet bij de opleiding.');
    await expectAccessible(page);
    await recordConsensus(
      page,
      title,
      { reach: 4, depth: 3, durability: 3, indirect: 3 },
      'Het panel vindt het bereik goed: de doelgroep is groot en goed te vinden.',
    );

    // Four eyes: the admin who recorded the consensus is told, and refused, visibly.
    const refusal = await confirmAward(page, title, 'Een sterk plan voor jongeren.');
    expect(refusal.refused).toContain('Geweigerd');
    expect(await page.getByTestId('four-eyes').textContent()).toContain(
      `Mag niet bevestigen: ${PEOPLE.admin.name}`,
    );
    expect(await page.getByTestId('plan-status').textContent()).toBe('wordt beoordeeld');

    // The second admin confirms, and lists the project with its deadline.
    await signInAs(page, PEOPLE.secondAdmin.email, '/plan-queue');
    const confirmed = await confirmAward(
      page,
      title,
      'Een sterk plan dat jongeren een vak en werk geeft.',
    );
    expect(confirmed.refused).toBeUndefined();
    expect(await page.getByTestId('award-confirmed').textContent()).toContain(
      PEOPLE.secondAdmin.name,
    );
    expect(await page.getByTestId('plan-status').textContent()).toBe('goedgekeurd');
    const listed = await listProject(page, title, deadlineAhead());
    expect(listed).toMatch(/deadline voor de financiering is \d{1,2} \w+ \d{4}/);
    expect(await page.getByTestId('plan-status').textContent()).toBe('te koop');

    // Visible to anyone in the public catalogue.
    await page.context().clearCookies();
    await expectInCatalogue(page, title);
    // Nine sign-ins and some forty pages (the plan form too), each checked by axe: minutes
    // on a busy machine.
  }, 1_200_000);

  it('sends a plan in review back to the initiative with the panel’s questions', async () => {
    const { page, context } = s;
    const address = '198.51.100.183';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const title = `Vragenplan ${Date.now()}`;
    await submitPlanThroughApi(title, address);
    await signInAs(page, PEOPLE.admin.email, '/plan-queue');
    await assignPanel(page, title, [carla.name, eva.name, femke.name]);
    await requestChanges(page, title, 'Hoe vindt u de jongeren? Wie betaalt de bus?');
    expect(await page.getByTestId('plan-status').textContent()).toBe('aanpassingen gevraagd');
    await page.getByText('Hoe vindt u de jongeren? Wie betaalt de bus?').waitFor();
  }, 300_000);

  it('scores a plan with the keyboard alone, on a small screen', async () => {
    const { page, context } = s;
    const address = '198.51.100.182';
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
    const title = `Toetsenbordplan ${Date.now()}`;
    await submitPlanThroughApi(title, address);
    await signInAs(page, PEOPLE.admin.email, '/plan-queue');
    await assignPanel(page, title, [carla.name, eva.name, femke.name]);

    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, carla.email, '/reviews');
    await openAssignment(page, title);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    // The declaration: focus the first choice, Space to choose, Tab to the note, Enter to send.
    await page.getByLabel('Ik heb geen belang bij dit plan').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // the note
    await page.keyboard.press('Tab'); // the button
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Uw scores' }).waitFor();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    // Checking an empty form: the summary lists what is missing and takes the focus.
    await page.getByRole('button', { name: 'Controleren' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Kies een score voor Bereik.' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Schrijf een algemene toelichting.');
    await expectAccessible(page);

    // From the summary's first link to the first choice of reach, then Tab and arrows only.
    await summary.getByRole('link', { name: 'Kies een score voor Bereik.' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score-reach-0');
    const scores = [4, 3, 4, 2];
    for (const [index, value] of scores.entries()) {
      if (index > 0) await page.keyboard.press('Tab'); // the next criterion's first choice
      for (let step = 0; step < value; step++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab'); // its rationale
      await page.keyboard.type(`Uitleg ${index + 1}, met het toetsenbord getypt.`);
    }
    await page.keyboard.press('Tab'); // the first budget line
    await page.keyboard.press('Tab'); // the second
    await page.keyboard.press('Space'); // marked as not eligible: its reason appears
    await page.keyboard.press('Tab');
    await page.keyboard.type('Examens betaalt het ROC al.');
    await page.keyboard.press('Tab'); // the third line
    await page.keyboard.press('Tab'); // the general comment
    await page.keyboard.type('Goed plan, met het toetsenbord beoordeeld.');
    await page.keyboard.press('Tab'); // "Controleren"
    await page.keyboard.press('Enter');

    // The check of what is sent takes the focus; Tab reaches "Scores versturen".
    const check = page.getByRole('heading', { level: 2, name: 'Controleer wat u verstuurt' });
    await check.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score-check');
    const sent = await page.locator('.ib-review-summary').textContent();
    expect(sent).toContain('4 van 5');
    expect(sent).toContain('2 van 5');
    expect(sent).toContain('Examens betaalt het ROC al.');
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Scores versturen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Scores van het panel' }).waitFor();
    await expectAccessible(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  }, 300_000);
});
