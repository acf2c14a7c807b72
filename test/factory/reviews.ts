import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import type { SignedIn } from '../helpers/fixtures.js';
import type { Person } from './context.js';
import { expectStatus } from './expect.js';

/** The review API (panel, declarations, scores, consensus, award, listing) as one-liners. */

export type Scores = [reach: number, depth: number, durability: number, indirect: number];

export function scoresBody(
  [reach, depth, durability, indirect]: Scores,
  ineligibleBudgetLineIds: string[] = [],
) {
  return {
    reach: { score: reach, rationale: `Reach ${reach}: twenty jobseekers in Rotterdam-Zuid.` },
    depth: { score: depth, rationale: `Depth ${depth}: a year of lessons and coaching.` },
    durability: { score: durability, rationale: `Durability ${durability}: a licence lasts.` },
    indirect: { score: indirect, rationale: `Indirect ${indirect}: confidence and mobility.` },
    overallComment: 'A solid plan with a clear route to paid work.',
    ineligibleBudgetLineIds,
  };
}

export type ReviewsApi = ReturnType<typeof reviewsApi>;

export function reviewsApi(t: Pick<TestApp, 'app'>) {
  const post = (who: SignedIn, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
  const api = {
    assign: (who: SignedIn, planId: string, reviewerIds: string[]) =>
      post(who, `/v1/plans/${planId}/panel`, { reviewerIds }),
    review: (who: SignedIn, planId: string, round?: number) =>
      t.app.inject({
        method: 'GET',
        url: `/v1/plans/${planId}/review${round ? `?round=${round}` : ''}`,
        headers: who.headers,
      }),
    assignments: (who: SignedIn, query = '') =>
      t.app.inject({ method: 'GET', url: `/v1/reviews/assignments${query}`, headers: who.headers }),
    declare: (
      who: SignedIn,
      assignmentId: string,
      declaration: 'none' | 'conflict',
      note?: string,
    ) =>
      post(who, `/v1/reviews/assignments/${assignmentId}/declaration`, {
        declaration,
        ...(note ? { note } : {}),
      }),
    score: (who: SignedIn, assignmentId: string, scores: Scores, flags: string[] = []) =>
      post(who, `/v1/reviews/assignments/${assignmentId}/scores`, scoresBody(scores, flags)),
    requestChanges: (
      who: SignedIn,
      planId: string,
      questions = 'How will you reach the participants?',
    ) => post(who, `/v1/plans/${planId}/request-changes`, { questions }),
    consensus: (
      who: SignedIn,
      planId: string,
      [reach, depth, durability, indirect]: Scores,
      ineligibleBudgetLineIds: string[] = [],
    ) =>
      post(who, `/v1/plans/${planId}/consensus`, {
        reach,
        depth,
        durability,
        indirect,
        rationale: 'The panel met and agreed on these scores.',
        ineligibleBudgetLineIds,
      }),
    award: (
      who: SignedIn,
      planId: string,
      publicRationale = 'Strong plan with a clear route to paid work.',
    ) => post(who, `/v1/plans/${planId}/award`, { publicRationale }),
    list: (who: SignedIn, planId: string, body: { fundingDeadline?: string } = {}) =>
      post(who, `/v1/plans/${planId}/list`, body),

    /** The reviewer's assignment on the plan's latest round it sits on, found through its own list. */
    async assignmentOf(who: SignedIn, planId: string): Promise<string> {
      const response = await api.assignments(who, '?limit=100');
      expectStatus(response, 200);
      const item = (
        response.json().items as { id: string; projectId: string; roundNumber: number }[]
      )
        .filter((a) => a.projectId === planId)
        .sort((a, b) => b.roundNumber - a.roundNumber)[0];
      expect(item, `no assignment on ${planId}`).toBeDefined();
      return item!.id;
    },

    /** Assigns the panel and has each member declare no conflict; answers their assignment ids. */
    async assignAndDeclare(admin: SignedIn, planId: string, panel: Person[]): Promise<string[]> {
      expectStatus(
        await api.assign(
          admin,
          planId,
          panel.map((p) => p.user.id),
        ),
        201,
      );
      const ids: string[] = [];
      for (const member of panel) {
        const id = await api.assignmentOf(member.as, planId);
        expectStatus(await api.declare(member.as, id, 'none'), 200);
        ids.push(id);
      }
      return ids;
    },

    /** The plan's panel assigned and declared, each member scored as given. */
    async scorePlan(
      admin: SignedIn,
      planId: string,
      panel: Person[],
      scores: Scores[],
      flags: string[][] = [],
    ): Promise<string[]> {
      const assignmentIds = await api.assignAndDeclare(admin, planId, panel);
      for (const [index, member] of panel.entries()) {
        expectStatus(
          await api.score(member.as, assignmentIds[index]!, scores[index]!, flags[index] ?? []),
          201,
        );
      }
      return assignmentIds;
    },
  };
  return api;
}
