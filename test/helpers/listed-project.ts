import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ErrorCode } from '../../src/lib/error-catalogue.js';
import type { TestApp } from './app.js';
import { createUser, createWorld, type FixtureUser, type SignedIn, signIn } from './fixtures.js';
import { validPlanInput } from '../factory/plans.js';

/**
 * Listed projects made the way users make them, through the HTTP API: the initiative
 * drafts and submits a plan, an admin assigns three reviewers, each declares no conflict
 * and scores 4 on every criterion (S = 0.8), an admin confirms the award and lists it.
 * The single budget line is sized so that N = floor(E × 0.8 / price) is the supply asked for.
 */

let addressCounter = 0;
/** Sign-in is rate-limited per client address; every sign-in gets an address of its own. */
export const nextAddress = () => {
  addressCounter++;
  return `10.44.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};

export function expectStatus(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: ErrorCode) {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

export interface Person {
  user: FixtureUser;
  as: SignedIn;
}

export interface ListOptions {
  supply: number;
  title?: string;
  /** ISO timestamp; default: the award service's default funding period. */
  fundingDeadline?: string;
  /** Stop after the award: an approved project that is not listed. */
  stopAt?: 'approved';
}

/** The people of a marketplace (createWorld plus two more reviewers), signed in, and a way to list projects. */
export async function createMarket(t: TestApp) {
  const world = await createWorld(t.db);
  const person = async (user: FixtureUser): Promise<Person> => ({
    user,
    as: await signIn(t.app, user, nextAddress()),
  });
  const reviewers = [
    await person(world.reviewer),
    await person(await createUser(t.db, world.platform, 'reviewer')),
    await person(await createUser(t.db, world.platform, 'reviewer')),
  ];
  const admin = await person(world.admin);
  const initiativeMember = await person(world.initiativeMember);
  const post = (who: SignedIn, url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  async function listProject(options: ListOptions): Promise<string> {
    const price = t.config.creditPriceCents;
    // E × 0.8 / price = supply exactly: E = supply × price × 5 / 4 (price is a multiple of 4 by default).
    const eligible = Math.ceil((options.supply * price * 5) / 4);
    const created = await post(
      initiativeMember.as,
      '/v1/plans',
      validPlanInput({
        title: options.title ?? `Werkproject ${Math.random().toString(36).slice(2, 8)}`,
        budgetLines: [
          { description: 'Coaching and training', category: 'coaching', amountCents: eligible },
        ],
        totalCostCents: eligible,
        minimumBudgetCents: Math.max(1, Math.floor(eligible / 2)),
        otherFunding: { amountCents: 0, description: null },
      }),
    );
    expectStatus(created, 201);
    const planId = created.json<{ id: string }>().id;
    expectStatus(await post(initiativeMember.as, `/v1/plans/${planId}/submit`), 200);
    expectStatus(
      await post(admin.as, `/v1/plans/${planId}/panel`, {
        reviewerIds: reviewers.map((r) => r.user.id),
      }),
      201,
    );
    for (const reviewer of reviewers) {
      const list = await t.app.inject({
        method: 'GET',
        url: '/v1/reviews/assignments?limit=100',
        headers: reviewer.as.headers,
      });
      expectStatus(list, 200);
      const assignment = (list.json().items as { id: string; projectId: string }[]).find(
        (a) => a.projectId === planId,
      );
      expect(assignment, `assignment on ${planId}`).toBeDefined();
      expectStatus(
        await post(reviewer.as, `/v1/reviews/assignments/${assignment!.id}/declaration`, {
          declaration: 'none',
        }),
        200,
      );
      const criterion = (name: string) => ({
        score: 4,
        rationale: `${name}: a solid, well-argued contribution.`,
      });
      expectStatus(
        await post(reviewer.as, `/v1/reviews/assignments/${assignment!.id}/scores`, {
          reach: criterion('Reach'),
          depth: criterion('Depth'),
          durability: criterion('Durability'),
          indirect: criterion('Indirect'),
          overallComment: 'A sound plan.',
          ineligibleBudgetLineIds: [],
        }),
        201,
      );
    }
    const award = await post(admin.as, `/v1/plans/${planId}/award`, {
      publicRationale: 'Strong plan with a clear route to paid work.',
    });
    expectStatus(award, 201);
    expect(award.json()).toMatchObject({ decision: 'approved', supply: options.supply });
    if (options.stopAt === 'approved') return planId;
    const listed = await post(
      admin.as,
      `/v1/plans/${planId}/list`,
      options.fundingDeadline ? { fundingDeadline: options.fundingDeadline } : {},
    );
    expectStatus(listed, 200);
    expect(listed.json()).toMatchObject({
      status: 'listed',
      credits: { supply: options.supply, available: options.supply },
    });
    return planId;
  }

  return {
    world,
    admin,
    initiativeMember,
    reviewers,
    supplier: await person(world.supplierMember),
    otherSupplier: await person(world.otherSupplierMember),
    coordinator: await person(world.coordinator),
    person,
    listProject,
  };
}

export type Market = Awaited<ReturnType<typeof createMarket>>;
