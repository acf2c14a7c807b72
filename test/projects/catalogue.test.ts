import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { RATE_LIMITS } from '../../src/plugins/security.js';
import {
  type CataloguePeople,
  catalogueProjects,
  type InsertedProject,
  type ProjectSpec,
  SECRETS,
  TestContext,
} from '../factory/index.js';
import { testConfig } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { createTestDatabase } from '../helpers/database.js';

type Criterion = 'reach' | 'depth' | 'durability' | 'indirect';
const CRITERIA: Criterion[] = ['reach', 'depth', 'durability', 'indirect'];

interface Credits {
  supply: number;
  sold: number;
  reserved: number;
  available: number;
  threshold: number;
}
interface Item {
  id: string;
  title: string;
  status: string;
  credits: Credits;
  municipalities: { cbsCode: string; name: string }[];
  targetGroups: { targetGroup: string; expectedParticipants: number }[];
  expectedOutcomes: { outcomeType: string; expectedCount: number }[];
  [key: string]: unknown;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}
interface Award {
  methodologyVersion: string;
  parameters: {
    weightsBasisPoints: Record<Criterion, number>;
    maxScore: number;
    cutoffBasisPoints: number;
    creditPriceCents: number;
  };
  panelScores: Record<Criterion, number>;
  scoreSource: string;
  eligibleCostCents: number;
  minimumBudgetCents: number;
  impactScore: string;
  supply: number;
  threshold: number;
  publicRationale: string;
  decidedAt: string;
}
interface Detail extends Item {
  failedAt: string | null;
  failureReason: string | null;
  budgetLines: { description: string; category: string; amountCents: number; accepted: boolean }[];
  award: Award;
}

const list = async (app: FastifyInstance, query = '') => {
  const response = await app.inject({
    method: 'GET',
    url: `/v1/projects${query ? `?${query}` : ''}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
};

const ids = (page: Page) => page.items.map((item) => item.id).sort();
const idsOf = (...projects: InsertedProject[]) => projects.map((p) => p.id).sort();

/** Follows nextCursor to the end; fails if a page repeats a project. */
async function listAll(
  app: FastifyInstance,
  query: string,
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(
      app,
      `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    expect(pages).toBeLessThan(50);
  } while (cursor !== null);
  return { items, pages };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('public catalogue: visibility, detail and privacy', () => {
  let t: TestContext;
  let world: CataloguePeople;
  let plain: InsertedProject;
  let consensus: InsertedProject;
  let clipped: InsertedProject;
  let evenPanel: InsertedProject;
  let failed: InsertedProject;
  const hidden: InsertedProject[] = [];

  beforeAll(async () => {
    t = await TestContext.create();
    world = (await t.catalogue()).people;
    plain = await t.insertProject({
      title: 'Rijbewijs voor werkzoekenden',
      sold: 300,
      reserved: 200,
    });
    consensus = await t.insertProject({
      title: 'Groen onderhoud als leerwerkroute',
      reviewerScores: [
        { reach: 1, depth: 4, durability: 3, indirect: 3 },
        { reach: 4, depth: 4, durability: 3, indirect: 3 },
        { reach: 5, depth: 4, durability: 3, indirect: 3 },
      ],
      consensus: { reach: 3, depth: 4, durability: 3, indirect: 3 },
    });
    // ceil(minimumBudget / price) is above the supply: the threshold is capped at N.
    clipped = await t.insertProject({
      title: 'Jobcoaching voor statushouders',
      budgetLines: [
        { description: 'Jobcoach', category: 'coaching', amountCents: 1_000_000 },
        { description: 'Kantoorhuur', category: 'other', amountCents: 2_000_000, accepted: false },
      ],
      minimumBudgetCents: 3_000_000,
      sold: 189,
    });
    // Four reviewers: medians end in .5.
    evenPanel = await t.insertProject({
      title: 'Taal en werk',
      reviewerScores: [
        { reach: 3, depth: 2, durability: 3, indirect: 2 },
        { reach: 4, depth: 3, durability: 3, indirect: 2 },
        { reach: 4, depth: 4, durability: 4, indirect: 3 },
        { reach: 5, depth: 4, durability: 4, indirect: 3 },
      ],
    });
    failed = await t.insertProject({
      title: 'Mislukte fondsenwerving',
      status: 'failed',
      sold: 5,
    });
    for (const status of [
      'draft',
      'submitted',
      'in_review',
      'changes_requested',
      'approved',
      'rejected',
    ] as const) {
      hidden.push(await t.insertProject({ status, title: `Niet openbaar ${status}` }));
    }
  });
  afterAll(() => t?.close());

  it('lists listed, funded and completed projects only: never drafts, plans under review, approved-but-unlisted or rejected ones', async () => {
    const page = await list(t.app);
    expect(ids(page)).toEqual(idsOf(plain, consensus, clipped, evenPanel));
    for (const project of hidden)
      expect(page.items.map((item) => item.id)).not.toContain(project.id);
  });

  it('shows a failed project only when asked for, marked as failed', async () => {
    expect(ids(await list(t.app))).not.toContain(failed.id);
    const page = await list(t.app, 'status=failed');
    expect(ids(page)).toEqual([failed.id]);
    expect(page.items[0]!.status).toBe('failed');
    const detail = await t.app.inject({ method: 'GET', url: `/v1/projects/${failed.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<Detail>().status).toBe('failed');
  });

  it('says when and why a failed project failed, and null for any other project', async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${failed.id}` })
    ).json<Detail>();
    // The fixture fails the project at its funding deadline.
    expect(detail.failedAt).toBe('2027-01-01T10:00:00.000Z');
    expect(detail.failureReason).toBe(
      'the project did not reach its threshold by its funding deadline',
    );
    for (const project of [plain, consensus]) {
      const other = (
        await t.app.inject({ method: 'GET', url: `/v1/projects/${project.id}` })
      ).json<Detail>();
      expect(other.status).not.toBe('failed');
      expect(other).toMatchObject({ failedAt: null, failureReason: null });
    }
  });

  it('does not accept a non-public status as a filter', async () => {
    for (const status of ['draft', 'approved', 'rejected', 'in_review']) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects?status=${status}` });
      expect(response.statusCode, status).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
    }
  });

  it('answers 404 RESOURCE.NOT_FOUND for a non-public project, exactly as for an unknown id', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/v1/projects/${randomUUID()}` });
    expect(unknown.statusCode).toBe(404);
    const expected = unknown.json<Record<string, unknown>>();
    expect(expected).toMatchObject({ status: 404, code: 'RESOURCE.NOT_FOUND' });
    for (const project of hidden) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects/${project.id}` });
      expect(response.statusCode, project.status).toBe(404);
      const body = response.json<Record<string, unknown>>();
      expect({ ...body, instance: undefined, requestId: undefined }).toEqual({
        ...expected,
        instance: undefined,
        requestId: undefined,
      });
      expect(response.body).not.toContain(project.title);
    }
  });

  it('needs no sign-in, and a signed-in caller sees the same', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/v1/projects/${plain.id}` });
    expect(anonymous.statusCode).toBe(200);
    const { as: member } = await t.newSupplier();
    const signedIn = await t.app.inject({
      method: 'GET',
      url: `/v1/projects/${plain.id}`,
      headers: member.headers,
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toEqual(anonymous.json());
    // An admin does not see unlisted projects here either: this is the public catalogue.
    const { as: admin } = await t.signIn(world.admin);
    const approved = hidden.find((p) => p.status === 'approved')!;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/v1/projects/${approved.id}`,
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reports credits with available = supply − sold − reserved, the same in the list and the detail', async () => {
    const expected = {
      supply: plain.supply,
      sold: 300,
      reserved: 200,
      available: plain.supply - 500,
      threshold: plain.threshold,
    };
    expect(plain.supply).toBe(1705);
    expect(plain.threshold).toBe(1053);
    const item = (await list(t.app)).items.find((i) => i.id === plain.id)!;
    expect(item.credits).toEqual(expected);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${plain.id}` })
    ).json<Detail>();
    expect(detail.credits).toEqual(expected);

    const sold = (await list(t.app)).items.find((i) => i.id === clipped.id)!;
    expect(sold.credits).toEqual({
      supply: 189,
      sold: 189,
      reserved: 0,
      available: 0,
      threshold: 189,
    });
    for (const each of (await list(t.app)).items) {
      expect(each.credits.sold + each.credits.reserved + each.credits.available).toBe(
        each.credits.supply,
      );
      expect(each.credits.available).toBeGreaterThanOrEqual(0);
    }
  });

  it('lists each project with its public fields', async () => {
    const item = (await list(t.app)).items.find((i) => i.id === plain.id)!;
    expect(item).toEqual({
      id: plain.id,
      title: 'Rijbewijs voor werkzoekenden',
      summary: expect.any(String),
      status: 'listed',
      initiative: { name: 'Stichting WerkKracht', city: 'Rotterdam' },
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [{ targetGroup: 'participatiewet', expectedParticipants: 20 }],
      expectedOutcomes: [{ outcomeType: 'driving_licence', expectedCount: 18 }],
      credits: expect.any(Object),
      creditPriceCents: 3800,
      impactScore: '0.72000',
      listedAt: '2026-10-01T10:00:00.000Z',
      fundingDeadline: '2027-01-01T10:00:00.000Z',
    });
  });

  /** Recomputes S, N and T from nothing but the public detail, as a member of the public would. */
  function recompute(detail: Detail) {
    const { award } = detail;
    const { weightsBasisPoints, maxScore, creditPriceCents: price } = award.parameters;
    // S = Σ weight_bp / 10 000 × score / maxScore; panel scores may end in .5, so count in halves.
    const numerator = CRITERIA.reduce(
      (sum, c) => sum + weightsBasisPoints[c] * Math.round(award.panelScores[c] * 2),
      0,
    );
    const denominator = 10_000 * maxScore * 2;
    const eligible = detail.budgetLines
      .filter((line) => line.accepted)
      .reduce((sum, line) => sum + line.amountCents, 0);
    const supply = Number(
      (BigInt(eligible) * BigInt(numerator)) / (BigInt(denominator) * BigInt(price)),
    );
    const threshold = Math.min(supply, Math.ceil(award.minimumBudgetCents / price));
    return { s: (numerator * 100_000) / denominator, eligible, supply, threshold };
  }

  it('publishes the award with its methodology parameters, so S, N and T recompute by hand', async () => {
    for (const project of [plain, consensus, clipped, evenPanel, failed]) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects/${project.id}` });
      expect(response.statusCode).toBe(200);
      const detail = response.json<Detail>();
      const { award } = detail;
      expect(award.methodologyVersion).toBe('v1');
      expect(award.parameters).toEqual({
        weightsBasisPoints: { reach: 3000, depth: 3000, durability: 2000, indirect: 2000 },
        maxScore: 5,
        cutoffBasisPoints: 4000,
        creditPriceCents: 3800,
      });
      expect(award.panelScores, project.title).toEqual(project.panelScores);

      const recomputed = recompute(detail);
      expect(Number(award.impactScore.replace('.', ''))).toBe(recomputed.s);
      expect(recomputed.eligible).toBe(award.eligibleCostCents);
      expect(award.supply, project.title).toBe(recomputed.supply);
      expect(award.threshold, project.title).toBe(recomputed.threshold);
      expect(detail.credits.supply).toBe(award.supply);
      expect(detail.credits.threshold).toBe(award.threshold);
      expect(award.impactScore).toBe(project.impactScore);
      expect(award.publicRationale).toBe('Sterk plan met duidelijke uitstroom naar werk.');
    }
  });

  it('shows the consensus scores (not the medians) when the panel needed one, half points of an even panel, and caps T at N', async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${consensus.id}` })
    ).json<Detail>();
    expect(detail.award.scoreSource).toBe('consensus');
    expect(detail.award.panelScores).toEqual({ reach: 3, depth: 4, durability: 3, indirect: 3 });
    expect(detail.award.impactScore).toBe('0.66000');

    const even = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${evenPanel.id}` })
    ).json<Detail>();
    expect(even.award.scoreSource).toBe('median');
    expect(even.award.panelScores).toEqual({
      reach: 4,
      depth: 3.5,
      durability: 3.5,
      indirect: 2.5,
    });
    expect(even.award.impactScore).toBe('0.69000');

    const capped = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${clipped.id}` })
    ).json<Detail>();
    expect(Math.ceil(capped.award.minimumBudgetCents / 3800)).toBeGreaterThan(capped.award.supply);
    expect(capped.award.threshold).toBe(capped.award.supply);
    expect(capped.budgetLines).toEqual([
      { description: 'Jobcoach', category: 'coaching', amountCents: 1_000_000, accepted: true },
      { description: 'Kantoorhuur', category: 'other', amountCents: 2_000_000, accepted: false },
    ]);
  });

  it('gives the plan’s public fields and nothing else', async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${plain.id}` })
    ).json<Detail>();
    expect(Object.keys(detail).sort()).toEqual(
      [
        'id',
        'title',
        'summary',
        'description',
        'status',
        'startDate',
        'endDate',
        'initiative',
        'municipalities',
        'targetGroups',
        'expectedOutcomes',
        'budgetLines',
        'totalCostCents',
        'minimumBudgetCents',
        'otherFundingCents',
        'credits',
        'creditPriceCents',
        'impactScore',
        'listedAt',
        'fundingDeadline',
        'failedAt',
        'failureReason',
        'award',
      ].sort(),
    );
    expect(Object.keys(detail.award).sort()).toEqual(
      [
        'methodologyVersion',
        'parameters',
        'panelScores',
        'scoreSource',
        'eligibleCostCents',
        'minimumBudgetCents',
        'impactScore',
        'supply',
        'threshold',
        'publicRationale',
        'decidedAt',
      ].sort(),
    );
    expect(detail.initiative).toEqual({ name: 'Stichting WerkKracht', city: 'Rotterdam' });
    expect(detail).toMatchObject({
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      totalCostCents: 10_000_000,
      minimumBudgetCents: 4_000_000,
      otherFundingCents: 250_000,
      description: expect.stringContaining('jobcoaching'),
    });
    expect(detail.budgetLines.map((line) => line.accepted)).toEqual([true, true, false]);
  });

  it('never shows reviewers, their own scores or notes, the consensus author, the contact person or internal questions', async () => {
    const people = [...world.reviewers, world.admin, world.secondAdmin, world.member];
    const forbidden = [
      ...people.flatMap((user) => [user.id, user.email]),
      world.initiative.id,
      ...Object.values(SECRETS),
      'confirmed',
      'reviewer',
    ];
    const bodies = [
      (await t.app.inject({ method: 'GET', url: '/v1/projects' })).body,
      (await t.app.inject({ method: 'GET', url: '/v1/projects?status=failed' })).body,
    ];
    for (const project of [plain, consensus, clipped, evenPanel, failed]) {
      bodies.push((await t.app.inject({ method: 'GET', url: `/v1/projects/${project.id}` })).body);
    }
    for (const body of bodies) {
      expect(body).toContain('Stichting WerkKracht');
      for (const secret of forbidden)
        expect(body.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
    // The individual reviewer scores of the consensus project (reach 1 and 5) do not appear.
    const detail = (
      await t.app.inject({ method: 'GET', url: `/v1/projects/${consensus.id}` })
    ).json<Detail>();
    expect(JSON.stringify(detail.award)).not.toMatch(/"reach":(1|5)\b/);
  });

  it('refuses a malformed id with 400', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/projects/not-a-uuid' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});

describe('public catalogue: filters and free text', () => {
  let t: TestContext;
  const p: Record<string, InsertedProject> = {};

  beforeAll(async () => {
    t = await TestContext.create();
    const add = async (name: string, spec: ProjectSpec) => {
      p[name] = await t.insertProject(spec);
    };
    await add('rotterdam', {
      title: 'Rijbewijs voor werkzoekenden',
      summary: 'Werkzoekenden halen hun rijbewijs.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [{ targetGroup: 'participatiewet', expectedParticipants: 20 }],
      expectedOutcomes: [{ outcomeType: 'driving_licence', expectedCount: 18 }],
    });
    await add('amsterdam', {
      title: '100% inclusief groenonderhoud',
      summary: 'Jongeren en statushouders werken in het groen.',
      municipalities: [{ cbsCode: 'GM0363', name: 'Amsterdam' }],
      targetGroups: [
        { targetGroup: 'youth', expectedParticipants: 12 },
        { targetGroup: 'status_holder', expectedParticipants: 8 },
      ],
      expectedOutcomes: [
        { outcomeType: 'paid_work', expectedCount: 10 },
        { outcomeType: 'diploma', expectedCount: 6 },
      ],
    });
    await add('twoCities', {
      title: '1000 banen voor vijftigplussers',
      summary: 'Begeleiding naar werk voor wie boven de vijftig is.',
      municipalities: [
        { cbsCode: 'GM0344', name: 'Utrecht' },
        { cbsCode: 'GM0599', name: 'Rotterdam' },
      ],
      targetGroups: [{ targetGroup: 'over_50', expectedParticipants: 30 }],
      expectedOutcomes: [{ outcomeType: 'paid_work', expectedCount: 15 }],
    });
    await add('funded', {
      status: 'funded',
      title: 'Stage in de zorg',
      summary: 'Stages bij een ZORGINSTELLING in de regio.',
      municipalities: [{ cbsCode: 'GM0344', name: 'Utrecht' }],
      targetGroups: [{ targetGroup: 'ww', expectedParticipants: 10 }],
      expectedOutcomes: [{ outcomeType: 'internship', expectedCount: 10 }],
      sold: 1200,
    });
    await add('completed', {
      status: 'completed',
      title: 'Omscholing_ICT',
      summary: 'Omscholing naar ICT-beheer.',
      municipalities: [{ cbsCode: 'GM0518', name: "'s-Gravenhage" }],
      targetGroups: [{ targetGroup: 'nug', expectedParticipants: 10 }],
      expectedOutcomes: [{ outcomeType: 'retraining', expectedCount: 9 }],
      sold: 1705,
    });
    await add('failed', {
      status: 'failed',
      title: 'Rijbewijs dat niet doorging',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [{ targetGroup: 'participatiewet', expectedParticipants: 5 }],
      expectedOutcomes: [{ outcomeType: 'driving_licence', expectedCount: 5 }],
    });
    await add('approved', {
      status: 'approved',
      title: 'Rijbewijs nog niet gelist',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [{ targetGroup: 'participatiewet', expectedParticipants: 5 }],
      expectedOutcomes: [{ outcomeType: 'paid_work', expectedCount: 5 }],
    });
    await add('draft', {
      status: 'draft',
      title: 'Concept 100% rijbewijs',
      summary: 'Omscholing_ concept',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [{ targetGroup: 'youth', expectedParticipants: 5 }],
      expectedOutcomes: [{ outcomeType: 'paid_work', expectedCount: 5 }],
    });
  });
  afterAll(() => t?.close());

  it('filters by municipality (CBS code), also where a project runs in several', async () => {
    expect(ids(await list(t.app, 'municipality=GM0599'))).toEqual(
      idsOf(p.rotterdam!, p.twoCities!),
    );
    expect(ids(await list(t.app, 'municipality=GM0344'))).toEqual(idsOf(p.twoCities!, p.funded!));
    expect(ids(await list(t.app, 'municipality=GM0518'))).toEqual(idsOf(p.completed!));
    expect(ids(await list(t.app, 'municipality=GM0014'))).toEqual([]);
    expect(ids(await list(t.app, 'municipality=GM0599&status=failed'))).toEqual(idsOf(p.failed!));
  });

  it('lists the municipalities of the public projects, by name, for the filter', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/municipalities' });
    expect(response.statusCode).toBe(200);
    // The draft and the approved plan name Rotterdam too, but only public projects count;
    // the failed project is public (the catalogue shows it with status=failed).
    expect(response.json().nextCursor).toBeNull();
    expect(response.json().items).toEqual([
      { cbsCode: 'GM0518', name: "'s-Gravenhage", projects: 1 },
      { cbsCode: 'GM0363', name: 'Amsterdam', projects: 1 },
      { cbsCode: 'GM0599', name: 'Rotterdam', projects: 3 },
      { cbsCode: 'GM0344', name: 'Utrecht', projects: 2 },
    ]);
  });

  it('filters by target group', async () => {
    expect(ids(await list(t.app, 'targetGroup=participatiewet'))).toEqual(idsOf(p.rotterdam!));
    expect(ids(await list(t.app, 'targetGroup=youth'))).toEqual(idsOf(p.amsterdam!));
    expect(ids(await list(t.app, 'targetGroup=status_holder'))).toEqual(idsOf(p.amsterdam!));
    expect(ids(await list(t.app, 'targetGroup=banenafspraak'))).toEqual([]);
  });

  it('filters by outcome type', async () => {
    expect(ids(await list(t.app, 'outcomeType=paid_work'))).toEqual(
      idsOf(p.amsterdam!, p.twoCities!),
    );
    expect(ids(await list(t.app, 'outcomeType=driving_licence'))).toEqual(idsOf(p.rotterdam!));
    expect(ids(await list(t.app, 'outcomeType=internship'))).toEqual(idsOf(p.funded!));
  });

  it('filters by status', async () => {
    expect(ids(await list(t.app))).toEqual(
      idsOf(p.rotterdam!, p.amsterdam!, p.twoCities!, p.funded!, p.completed!),
    );
    expect(ids(await list(t.app, 'status=listed'))).toEqual(
      idsOf(p.rotterdam!, p.amsterdam!, p.twoCities!),
    );
    expect(ids(await list(t.app, 'status=funded'))).toEqual(idsOf(p.funded!));
    expect(ids(await list(t.app, 'status=completed'))).toEqual(idsOf(p.completed!));
    expect(ids(await list(t.app, 'status=failed'))).toEqual(idsOf(p.failed!));
  });

  it('combines filters', async () => {
    expect(ids(await list(t.app, 'municipality=GM0599&outcomeType=paid_work'))).toEqual(
      idsOf(p.twoCities!),
    );
    expect(ids(await list(t.app, 'municipality=GM0344&status=funded&q=zorg'))).toEqual(
      idsOf(p.funded!),
    );
    expect(ids(await list(t.app, 'municipality=GM0363&targetGroup=over_50'))).toEqual([]);
  });

  it('searches title and summary case-insensitively', async () => {
    expect(ids(await list(t.app, 'q=RIJBEWIJS'))).toEqual(idsOf(p.rotterdam!));
    expect(ids(await list(t.app, 'q=zorginstelling'))).toEqual(idsOf(p.funded!));
    expect(ids(await list(t.app, `q=${encodeURIComponent('  Statushouders ')}`))).toEqual(
      idsOf(p.amsterdam!),
    );
    expect(ids(await list(t.app, 'q=geen+enkel+project'))).toEqual([]);
    expect(ids(await list(t.app, 'q=rijbewijs&status=failed'))).toEqual(idsOf(p.failed!));
  });

  it('matches % and _ literally, not as wildcards', async () => {
    // As a wildcard, '100%' would also match '1000 banen'.
    expect(ids(await list(t.app, `q=${encodeURIComponent('100%')}`))).toEqual(idsOf(p.amsterdam!));
    expect(ids(await list(t.app, `q=${encodeURIComponent('%')}`))).toEqual(idsOf(p.amsterdam!));
    // As a wildcard, '_' would match every project.
    expect(ids(await list(t.app, 'q=_'))).toEqual(idsOf(p.completed!));
    expect(ids(await list(t.app, `q=${encodeURIComponent('g_ICT')}`))).toEqual(idsOf(p.completed!));
    expect(ids(await list(t.app, `q=${encodeURIComponent('1_0')}`))).toEqual([]);
    expect(ids(await list(t.app, `q=${encodeURIComponent('\\')}`))).toEqual([]);
    expect(ids(await list(t.app, `q=${encodeURIComponent('\\%')}`))).toEqual([]);
  });

  it('ignores a blank search and refuses invalid filters with 400', async () => {
    expect(ids(await list(t.app, 'q=%20%20'))).toEqual(ids(await list(t.app)));
    for (const query of [
      'municipality=0599',
      'municipality=GM05999',
      'targetGroup=students',
      'outcomeType=money',
      'sort=popular',
      `q=${'x'.repeat(201)}`,
      'q=a%00b',
      'limit=0',
      'limit=101',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ code: 'VALIDATION.FAILED' });
    }
  });
});

describe('public catalogue: sort orders and keyset pagination', () => {
  let t: TestContext;
  const projects: {
    id: string;
    listedAt: string;
    deadline: string;
    available: number;
    status: string;
  }[] = [];

  beforeAll(async () => {
    t = await TestContext.create();
    // Ties on every sort key, and timestamps a microsecond apart (finer than a JS Date).
    const specs: ProjectSpec[] = [
      { listedAt: '2026-10-01T10:00:00.000001Z', fundingDeadline: '2027-01-01T00:00:00.000000Z' },
      {
        listedAt: '2026-10-01T10:00:00.000002Z',
        fundingDeadline: '2027-01-01T00:00:00.000000Z',
        sold: 100,
      },
      {
        listedAt: '2026-10-01T10:00:00.000002Z',
        fundingDeadline: '2026-12-01T00:00:00.000000Z',
        reserved: 100,
      },
      {
        listedAt: '2026-10-05T08:30:00.000000Z',
        fundingDeadline: '2027-02-01T00:00:00.500000Z',
        sold: 50,
        reserved: 25,
        status: 'funded',
      },
      {
        listedAt: '2026-09-15T12:00:00.000000Z',
        fundingDeadline: '2027-01-01T00:00:00.000000Z',
        sold: 1705,
        status: 'completed',
      },
      {
        listedAt: '2026-10-05T08:30:00.000000Z',
        fundingDeadline: '2027-01-01T00:00:00.000001Z',
        sold: 10,
      },
      {
        listedAt: '2026-10-05T08:30:00.000000Z',
        fundingDeadline: '2027-01-01T00:00:00.000001Z',
        reserved: 10,
      },
      { listedAt: '2026-08-01T00:00:00.000000Z', fundingDeadline: '2026-11-01T00:00:00.000000Z' },
      {
        listedAt: '2026-11-01T00:00:00.000000Z',
        fundingDeadline: '2027-03-01T00:00:00.000000Z',
        status: 'failed',
      },
    ];
    for (const spec of specs) {
      const inserted = await t.insertProject(spec);
      projects.push({
        id: inserted.id,
        listedAt: inserted.listedAtText!,
        deadline: inserted.fundingDeadlineText!,
        available: inserted.supply - inserted.sold - inserted.reserved,
        status: inserted.status,
      });
    }
  });
  afterAll(() => t?.close());

  const byIdDesc = (a: { id: string }, b: { id: string }) =>
    a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  const byIdAsc = (a: { id: string }, b: { id: string }) => -byIdDesc(a, b);
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

  const expectedOrder = (sort: string, statuses = ['listed', 'funded', 'completed']) => {
    const visible = projects.filter((p) => statuses.includes(p.status));
    const sorted = [...visible].sort((a, b) => {
      if (sort === 'newest') return compare(b.listedAt, a.listedAt) || byIdDesc(a, b);
      if (sort === 'deadline') return compare(a.deadline, b.deadline) || byIdAsc(a, b);
      return compare(b.available, a.available) || byIdDesc(a, b);
    });
    return sorted.map((p) => p.id);
  };

  for (const sort of ['newest', 'deadline', 'available'] as const) {
    it(`sort=${sort}: every project exactly once, in order, across pages of every size`, async () => {
      const expected = expectedOrder(sort);
      expect(expected).toHaveLength(8);
      for (const limit of [1, 2, 3, 7, 8, 100]) {
        const { items, pages } = await listAll(t.app, `sort=${sort}&limit=${limit}`);
        expect(
          items.map((i) => i.id),
          `limit ${limit}`,
        ).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      }
    });
  }

  it('sorts newest first by default', async () => {
    expect((await list(t.app)).items.map((i) => i.id)).toEqual(expectedOrder('newest'));
  });

  it('really orders by the key: newest listed first, soonest deadline first, most available first', async () => {
    const newest = (await list(t.app, 'sort=newest')).items;
    const deadline = (await list(t.app, 'sort=deadline')).items;
    const available = (await list(t.app, 'sort=available')).items;
    const times = (items: Item[], key: string) => items.map((i) => Date.parse(i[key] as string));
    expect(times(newest, 'listedAt')).toEqual([...times(newest, 'listedAt')].sort((a, b) => b - a));
    expect(times(deadline, 'fundingDeadline')).toEqual(
      [...times(deadline, 'fundingDeadline')].sort((a, b) => a - b),
    );
    expect(available.map((i) => i.credits.available)).toEqual(
      available.map((i) => i.credits.available).sort((a, b) => b - a),
    );
    expect(available.at(-1)!.credits.available).toBe(0);
  });

  it('paginates within a filter', async () => {
    const { items } = await listAll(t.app, 'sort=deadline&status=listed&limit=2');
    expect(items.map((i) => i.id)).toEqual(expectedOrder('deadline', ['listed']));
    const failed = await listAll(t.app, 'sort=available&status=failed&limit=1');
    expect(failed.items.map((i) => i.id)).toEqual(expectedOrder('available', ['failed']));
  });

  it('refuses a cursor from another sort with 400 VALIDATION.INVALID_CURSOR', async () => {
    for (const [from, to] of [
      ['newest', 'deadline'],
      ['deadline', 'newest'],
      ['newest', 'available'],
      ['available', 'deadline'],
    ]) {
      const page = await list(t.app, `sort=${from}&limit=2`);
      expect(page.nextCursor).not.toBeNull();
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/projects?sort=${to}&limit=2&cursor=${page.nextCursor}`,
      });
      expect(response.statusCode, `${from} → ${to}`).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_CURSOR' });
    }
    // A cursor without a sort param belongs to the default sort, newest.
    const page = await list(t.app, 'limit=2');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/v1/projects?sort=newest&limit=2&cursor=${page.nextCursor}`,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a tampered cursor with 400 VALIDATION.INVALID_CURSOR, never a 500', async () => {
    const id = randomUUID();
    const tampered = [
      'not-a-cursor',
      encode('just a string'),
      encode({ sort: 'newest', key: '2026-10-01T10:00:00.000001Z' }),
      encode({ sort: 'newest', key: '2026-10-01T10:00:00.000001Z', id: 'not-a-uuid' }),
      encode({ sort: 'newest', key: '2026-02-31T10:00:00.000000Z', id }),
      encode({ sort: 'newest', key: '2026-10-01 10:00:00', id }),
      encode({ sort: 'newest', key: "2026-10-01T10:00:00.000001Z' or 1=1", id }),
      encode({ sort: 'newest', key: 1_700_000_000, id }),
      encode({ sort: 'newest', key: '2026-10-01T10:00:00.000001Z\u0000', id }),
      encode({ sort: 'available', key: '-1', id }),
      encode({ sort: 'available', key: '1e3', id }),
      encode({ sort: 'available', key: '99999999999', id }),
      encode({ sort: 'available', key: '2026-10-01T10:00:00.000001Z', id }),
    ];
    for (const cursor of tampered) {
      const sort =
        cursor.length > 20 && Buffer.from(cursor, 'base64url').toString().includes('available')
          ? 'available'
          : 'newest';
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/projects?sort=${sort}&cursor=${encodeURIComponent(cursor)}`,
      });
      expect(response.statusCode, Buffer.from(cursor, 'base64url').toString()).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_CURSOR' });
    }
  });

  it('accepts a well-formed cursor it did not issue as a position in the order', async () => {
    const cursor = encode({
      sort: 'deadline',
      key: '2027-01-01T00:00:00.000000Z',
      id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
    });
    const page = await list(t.app, `sort=deadline&cursor=${cursor}`);
    const expected = projects
      .filter((p) => p.status !== 'failed' && p.deadline > '2027-01-01T00:00:00.000000Z')
      .sort((a, b) => compare(a.deadline, b.deadline) || byIdAsc(a, b))
      .map((p) => p.id);
    expect(page.items.map((i) => i.id)).toEqual(expected);
  });
});

describe('public catalogue: query count', () => {
  let database: Database;
  let app: FastifyInstance;
  let queries = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const catalogue = await catalogueProjects(database.db);
    for (let i = 0; i < 12; i++) {
      await catalogue.insert({
        listedAt: new Date(Date.UTC(2026, 9, 1 + i)),
        municipalities: [
          { cbsCode: 'GM0599', name: 'Rotterdam' },
          { cbsCode: 'GM0344', name: 'Utrecht' },
        ],
        targetGroups: [
          { targetGroup: 'youth', expectedParticipants: 5 },
          { targetGroup: 'ww', expectedParticipants: 5 },
        ],
        expectedOutcomes: [
          { outcomeType: 'paid_work', expectedCount: 5 },
          { outcomeType: 'diploma', expectedCount: 5 },
        ],
      });
    }
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    app = await buildApp({
      config: testConfig(),
      db: database.db.withPlugin(counting),
      clock: new TestClock(),
      logger: false,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('reads a page in one query plus one per child table, whatever the page size (no N+1)', async () => {
    for (const limit of [1, 5, 12, 50]) {
      queries = 0;
      const page = await list(app, `limit=${limit}`);
      expect(page.items).toHaveLength(Math.min(limit, 12));
      expect(
        page.items.every(
          (item) =>
            item.municipalities.length === 2 &&
            item.targetGroups.length === 2 &&
            item.expectedOutcomes.length === 2,
        ),
      ).toBe(true);
      expect(queries, `limit ${limit}`).toBe(4);
    }
    queries = 0;
    await list(app, 'municipality=GM0001');
    expect(queries).toBe(1);
  });
});

describe('public catalogue: rate limit', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await TestContext.create();
  });
  afterAll(() => t?.close());

  for (const [route, url, okStatus, address] of [
    ['list', '/v1/projects', 200, '10.9.8.1'],
    ['detail', `/v1/projects/${randomUUID()}`, 404, '10.9.8.2'],
  ] as const) {
    it(`answers 429 with Retry-After after ${RATE_LIMITS.public.max} ${route} requests a minute from one address`, async () => {
      expect(RATE_LIMITS.public.max).toBe(120);
      for (let i = 0; i < RATE_LIMITS.public.max; i++) {
        const response = await t.app.inject({ method: 'GET', url, remoteAddress: address });
        expect(response.statusCode, `request ${i + 1}`).toBe(okStatus);
      }
      const limited = await t.app.inject({ method: 'GET', url, remoteAddress: address });
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMIT.EXCEEDED', status: 429 });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Per client address: another caller is not affected.
      expect(
        (await t.app.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' })).statusCode,
      ).toBe(okStatus);
    });
  }
});

describe('public catalogue: the municipality list is not the first page', () => {
  let t: TestContext;
  afterAll(() => t?.close());

  it('names a municipality whose only project is beyond the first 100', async () => {
    t = await TestContext.create();
    await t.insertProject({
      title: 'Het oudste project',
      listedAt: new Date('2020-01-01T00:00:00Z'),
      municipalities: [{ cbsCode: 'GM0193', name: 'Zwolle' }],
    });
    for (let i = 0; i < 100; i++)
      await t.insertProject({
        title: `Project ${i}`,
        listedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    const firstPage = await list(t.app, 'limit=100');
    expect(firstPage.items.flatMap((p) => p.municipalities.map((m) => m.name))).not.toContain(
      'Zwolle',
    );
    const response = await t.app.inject({ method: 'GET', url: '/v1/municipalities' });
    expect(response.json().items).toEqual([
      { cbsCode: 'GM0599', name: 'Rotterdam', projects: 100 },
      { cbsCode: 'GM0193', name: 'Zwolle', projects: 1 },
    ]);
  });
});
