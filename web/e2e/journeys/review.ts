import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, expectAccessible } from '../helpers';

/**
 * The expert review and the platform team's plan pipeline as steps a journey can compose:
 * an admin assigns the panel, reviewers declare and score, an admin records a consensus,
 * another confirms the award, and the project is listed. Every step goes through the pages
 * (axe on each page it visits); only `submitPlanThroughApi` is a fixture through the API.
 */
export const DEMO_PASSWORD = 'impactbeurs-demo-2026';

export const PEOPLE = {
  admin: { email: 'admin@impactbeurs.example', name: 'Anne de Beheerder' },
  secondAdmin: { email: 'admin2@impactbeurs.example', name: 'Bram Tweede' },
  reviewers: [
    { email: 'reviewer1@impactbeurs.example', name: 'Carla Expert' },
    { email: 'reviewer2@impactbeurs.example', name: 'Daan Expert' },
    { email: 'reviewer3@impactbeurs.example', name: 'Eva Expert' },
    { email: 'reviewer4@impactbeurs.example', name: 'Femke Expert' },
  ],
  member: { email: 'initiatief@werkkracht.example', name: 'Fatima El Amrani' },
} as const;

export type Scores = { reach: number; depth: number; durability: number; indirect: number };

const CRITERIA = [
  ['reach', 'Bereik'],
  ['depth', 'Diepgang'],
  ['durability', 'Duurzaamheid'],
  ['indirect', 'Indirecte effecten'],
] as const;

const SCALE = [
  '0 – niet',
  '1 – heel weinig',
  '2 – weinig',
  '3 – redelijk',
  '4 – goed',
  '5 – heel goed',
];

/**
 * A complete plan of the demo initiative, submitted through the API (a fixture: the plan
 * pages are another journey's). Its budget has a line a reviewer can mark as not eligible.
 */
export async function submitPlanThroughApi(title: string, address: string): Promise<string> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const login = await fetch(`${baseUrl()}/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: PEOPLE.member.email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  const created = await fetch(`${baseUrl()}/v1/plans`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title,
      summary: 'Jongeren zonder startkwalificatie halen een vakdiploma in de fietstechniek.',
      description:
        'Een jaar leren en werken in een fietsenwerkplaats, met een vaste begeleider en een examen aan het eind.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      startDate: '2027-03-01',
      endDate: '2028-02-29',
      targetGroups: [{ targetGroup: 'youth', expectedParticipants: 24 }],
      expectedOutcomes: [
        { outcomeType: 'diploma', expectedCount: 18 },
        { outcomeType: 'paid_work', expectedCount: 12 },
      ],
      budgetLines: [
        { description: 'Werkmeester', category: 'staff', amountCents: 4_800_000 },
        { description: 'Examens en lesmateriaal', category: 'training', amountCents: 1_200_000 },
        { description: 'Bedrijfsbus', category: 'materials', amountCents: 900_000 },
      ],
      totalCostCents: 6_900_000,
      minimumBudgetCents: 4_500_000,
      contact: { name: PEOPLE.member.name, email: 'f.elamrani@werkkracht.example' },
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await fetch(`${baseUrl()}/v1/plans/${id}/submit`, {
    method: 'POST',
    headers: auth,
    body: '{}',
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  return id;
}

/** Ends whatever session the tab has and signs in as `email` through the sign-in page. */
export async function signInAs(page: Page, email: string, next = '/start'): Promise<void> {
  // Forget the previous user: the hint that a session exists, and its refresh cookie.
  if (page.url().startsWith('http'))
    await page.evaluate(() => window.localStorage.removeItem('impactbeurs.session'));
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** The admin's page of one plan, opened from the plan queue. */
export async function openQueuedPlan(page: Page, title: string): Promise<void> {
  await page.goto('/plan-queue');
  await page.getByRole('heading', { level: 1, name: 'Plannen beoordelen en toekennen' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Panel en voortgang' }).waitFor();
}

/** An admin chooses reviewers by name, with the panel rule shown before saving. */
export async function assignPanel(page: Page, title: string, names: string[]): Promise<void> {
  await openQueuedPlan(page, title);
  await page.getByText(/Regel: een beoordelaar mag niet werken bij de initiatiefnemer/).waitFor();
  await expectAccessible(page);
  for (const name of names) await page.getByLabel(name, { exact: true }).check();
  await page.getByRole('button', { name: 'Panel opslaan' }).click();
  const panel = page.getByRole('region', { name: 'Panel en voortgang' });
  for (const name of names) await panel.getByRole('rowheader', { name }).waitFor();
  await expectAccessible(page);
}

/** A reviewer's assignment, opened from the inbox. */
export async function openAssignment(page: Page, title: string): Promise<void> {
  await page.goto('/reviews');
  await page.getByRole('heading', { level: 1, name: 'Plannen beoordelen' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: `Beoordelen: ${title}` }).waitFor();
}

/** The declaration of interests, before the plan is shown. */
export async function declare(
  page: Page,
  title: string,
  declaration: { conflict: false } | { conflict: true; note: string },
): Promise<void> {
  await openAssignment(page, title);
  await page.getByRole('heading', { level: 2, name: 'Heeft u een belang?' }).waitFor();
  // Blind and conflict-first: nothing of the plan before the declaration.
  expect(await page.getByRole('heading', { name: 'Het plan' }).count()).toBe(0);
  await expectAccessible(page);
  if (declaration.conflict) {
    await page.getByLabel('Ik heb wel een belang (ik beoordeel dit plan niet)').check();
    await page.getByLabel('Toelichting').fill(declaration.note);
  } else {
    await page.getByLabel('Ik heb geen belang bij dit plan').check();
  }
  await page.getByRole('button', { name: 'Verklaring versturen' }).click();
  if (declaration.conflict) await page.getByText(/U beoordeelt dit plan daarom niet/).waitFor();
  else await page.getByRole('heading', { level: 2, name: 'Uw scores' }).waitFor();
  await expectAccessible(page);
}

/** Scores with the mouse: each criterion, a rationale, optionally a budget line marked not eligible. */
export async function score(
  page: Page,
  title: string,
  scores: Scores,
  options: { ineligible?: { line: string; reason: string } } = {},
): Promise<void> {
  await openAssignment(page, title);
  await page.getByRole('heading', { level: 2, name: 'Uw scores' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Het plan' }).waitFor();
  // Blind: no panel scores before this reviewer's own are in.
  expect(await page.getByRole('heading', { name: 'Scores van het panel' }).count()).toBe(0);
  for (const [key, legend] of CRITERIA) {
    const group = page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel(SCALE[scores[key]]!, { exact: true }).check();
    await group.getByRole('textbox').fill(`Mijn uitleg bij ${legend.toLowerCase()}.`);
  }
  if (options.ineligible) {
    await page
      .getByLabel(new RegExp(`^${options.ineligible.line} \\(.*\\) telt niet mee$`))
      .check();
    await page
      .getByLabel(`Waarom telt ${options.ineligible.line} niet mee?`)
      .fill(options.ineligible.reason);
  }
  await page.getByLabel('Algemene toelichting').fill('Een sterk plan met een duidelijke aanpak.');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await page.getByRole('heading', { level: 2, name: 'Controleer wat u verstuurt' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Scores versturen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Scores van het panel' }).waitFor();
  await expectAccessible(page);
}

/** An admin records the consensus where the scores diverge. */
export async function recordConsensus(
  page: Page,
  title: string,
  scores: Scores,
  rationale: string,
): Promise<void> {
  await openQueuedPlan(page, title);
  await page.getByTestId('divergence').waitFor();
  await expectAccessible(page);
  const form = page.getByRole('region', { name: 'Consensus vastleggen' });
  for (const [key, legend] of CRITERIA)
    await form
      .getByRole('group', { name: legend, exact: true })
      .getByLabel(SCALE[scores[key]]!, { exact: true })
      .check();
  await form.getByLabel('Uitleg van de consensus').fill(rationale);
  await form.getByRole('button', { name: 'Consensus vastleggen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Vastgelegde consensus' }).waitFor();
  await expectAccessible(page);
}

/** Confirms the award; returns the refusal text when the API refuses (four eyes). */
export async function confirmAward(
  page: Page,
  title: string,
  rationale: string,
): Promise<{ refused?: string }> {
  await openQueuedPlan(page, title);
  await page.getByTestId('four-eyes').waitFor();
  await page.getByLabel('Uitleg voor de projectpagina').fill(rationale);
  await page.getByRole('button', { name: 'Toekenning bevestigen' }).click();
  const refused = page.getByTestId('award-refused');
  const confirmed = page.getByTestId('award-confirmed');
  await refused.or(confirmed).first().waitFor();
  await expectAccessible(page);
  if (await refused.isVisible()) return { refused: (await refused.textContent()) ?? '' };
  return {};
}

/** Lists the approved project with a funding deadline (YYYY-MM-DD); returns the date as shown. */
export async function listProject(page: Page, title: string, deadline: string): Promise<string> {
  await openQueuedPlan(page, title);
  await page.getByRole('heading', { level: 2, name: 'Te koop zetten' }).waitFor();
  await expectAccessible(page);
  await page.getByLabel('Deadline voor de financiering').fill(deadline);
  await page.getByRole('button', { name: 'Te koop zetten' }).click();
  const listed = page.getByTestId('listed');
  await listed.waitFor();
  await expectAccessible(page);
  return (await listed.textContent()) ?? '';
}

/** The project in the public catalogue (newest first), and its page. */
export async function expectInCatalogue(page: Page, title: string): Promise<void> {
  await page.goto('/projects');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const link = page.getByRole('link', { name: title }).first();
  await link.waitFor();
  await expectAccessible(page);
  await link.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await expectAccessible(page);
}
