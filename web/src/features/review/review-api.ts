import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../../openapi/api.d.ts';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';

/** The API's shapes the review pages show; every request goes through the typed client. */
export type Assignment = components['schemas']['ReviewAssignment'];
export type PlanReview = components['schemas']['PlanReview'];
export type ReviewedPlan = components['schemas']['ReviewedPlan'];
export type PanelMember = components['schemas']['ReviewPanelMember'];
export type ReviewScore = components['schemas']['ReviewScore'];
export type PlanSummary = components['schemas']['PlanSummary'];
export type User = components['schemas']['User'];
export type Criterion = components['schemas']['ReviewCriterion'];

export const CRITERIA: readonly Criterion[] = ['reach', 'depth', 'durability', 'indirect'];
export const SCORES = [0, 1, 2, 3, 4, 5] as const;

/** A reviewer's assignments (newest first; a reviewer has few, so one page of 100 holds them). */
export function useAssignments(me: Me) {
  return useQuery({
    queryKey: [me.user.id, 'review-assignments'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/reviews/assignments', { params: { query: { limit: 100 } } })))
        .items,
  });
}

/** The review of a plan as the caller may see it (a reviewer: blind until its own score is in). */
export function usePlanReview(me: Me, projectId: string | undefined, round?: number) {
  return useQuery({
    queryKey: [me.user.id, 'plan-review', projectId, round ?? 'latest'],
    enabled: projectId !== undefined,
    queryFn: () =>
      call(() =>
        api.GET('/v1/plans/{id}/review', {
          params: {
            path: { id: projectId! },
            query: round === undefined ? {} : { round },
          },
        }),
      ),
  });
}

/** The platform team's own people (reviewers and admins), for names and the panel choice. */
export function usePlatformUsers(me: Me) {
  return useQuery({
    queryKey: [me.user.id, 'platform-users'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/users', { params: { path: { id: me.organisation.id } } }),
        )
      ).items,
  });
}

/** Spread (highest minus lowest) of the scores given for one criterion; null without scores. */
export function spreadOf(members: PanelMember[], criterion: Criterion): number | null {
  const values = members.flatMap((m) => (m.score ? [m.score[criterion].score] : []));
  if (values.length === 0) return null;
  return Math.max(...values) - Math.min(...values);
}
