import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB, OutcomeReportRow } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import {
  type Actor,
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import { badRequest, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { calendarDate } from '../../lib/format.js';
import { decodeCursor, type Page, toPage, wholeList } from '../../lib/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { onFinalOutcomeReportAccepted } from '../settlement/funding-hooks.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { storeReportPublication } from '../reports/publication.js';
import { requestSummaryRefresh } from '../reports/report-jobs.js';
import { toPublicStory } from '../reports/public-story.js';
import { type ReportChildren, outcomesRepository as repo } from './outcomes.repository.js';
import type { OutcomeReport, OutcomeReportInput, Story } from './outcomes.schemas.js';
import { findPersonalData } from './personal-data.js';

/** Project statuses in which an initiative reports: interim reports from listing on, a final report once funded. */
export const REPORTABLE_STATUSES = { interim: ['listed', 'funded'], final: ['funded'] } as const;

type ReportWithProject = OutcomeReportRow & { project_title: string; initiative_id: string };

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const isUuid = (value: string) => z.uuid().safeParse(value).success;
const isTimestamp = (value: string) =>
  !Number.isNaN(new Date(value).getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(value);

function toReport(row: ReportWithProject, children: ReportChildren): OutcomeReport {
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    kind: row.kind,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    revision: row.revision,
    participants: children.participants.map((l) => ({
      targetGroup: l.target_group as never,
      participants: l.participants,
    })),
    outcomes: children.results.map((l) => ({
      outcomeType: l.outcome_type as never,
      achieved: l.achieved,
      banenafspraak: l.banenafspraak,
    })),
    spending: children.spending.map((l) => ({
      budgetLineId: l.budget_line_id,
      description: l.description,
      spentCents: l.spent_cents,
    })),
    narrative: row.narrative,
    questions: row.questions,
    stories: children.stories.map((s) => ({ id: s.id, title: s.title, status: s.status as never })),
    submittedAt: row.submitted_at.toISOString(),
    returnedAt: iso(row.returned_at),
    acceptedAt: iso(row.accepted_at),
  };
}

/** Free text is checked for obvious personal identifiers; the finding names the field and kind, masked. */
function refusePersonalData(fields: { path: string; text: string }[], now: Date): void {
  const errors = fields.flatMap(({ path, text }) =>
    findPersonalData(text, now)
      .filter((finding) => finding.severity === 'refuse')
      .map((finding) => ({
        path,
        message: `looks like personal data (${finding.kind.replace('_', ' ')}: ${finding.masked}); reports hold counts only`,
      })),
  );
  if (errors.length > 0) {
    throw badRequest(
      'OUTCOME.PERSONAL_DATA',
      'Reports and stories may not contain personal data such as e-mail addresses, phone numbers, BSNs, addresses or dates of birth',
      { errors },
    );
  }
}

function isConstraint(error: unknown, code: string, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === code && e.constraint === constraint;
}

/** Who may read a project's reports: its own initiative's members and platform admins. Anyone else gets 404. */
function canSeeProject(actor: Actor, initiativeId: string): boolean {
  return (
    isPlatformAdmin(actor) ||
    (actor.organisationKind === 'initiative' && actor.organisationId === initiativeId)
  );
}

export interface OutcomesDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Counts below it are suppressed (config.disclosureThreshold). */
  disclosureThreshold: number;
  /** Asked to refresh the report summaries after a report is accepted. */
  jobs?: JobQueue;
}

export function createOutcomesService(deps: OutcomesDeps) {
  const { db, clock } = deps;
  const now = () => clock.now();

  async function loadReports(rows: ReportWithProject[]): Promise<OutcomeReport[]> {
    const children = await repo.childrenOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toReport(row, children.get(row.id)!));
  }

  async function loadReport(id: string): Promise<OutcomeReport> {
    const row = await repo.findReport(db, id);
    if (!row) throw notFound('Outcome report');
    return (await loadReports([row]))[0]!;
  }

  /** Checks that hold for a new report and a resubmitted one alike; answers the project row. */
  async function checkInput(
    trx: Transaction<DB>,
    actor: Actor,
    projectId: string,
    input: OutcomeReportInput,
    at: Date,
  ) {
    const project = await repo.lockProject(trx, projectId);
    if (
      !project ||
      actor.organisationKind !== 'initiative' ||
      project.initiative_id !== actor.organisationId
    )
      throw notFound('Project');
    const allowed: readonly string[] = REPORTABLE_STATUSES[input.kind];
    if (!allowed.includes(project.status)) {
      throw conflict(
        'OUTCOME.PROJECT_NOT_REPORTABLE',
        input.kind === 'final'
          ? `A final report needs a funded project; this one is ${project.status}`
          : `Outcomes are reported for listed or funded projects; this one is ${project.status}`,
      );
    }
    if (input.periodEnd > calendarDate(at))
      throw unprocessable(
        'OUTCOME.PERIOD_IN_FUTURE',
        'A report covers a period that has ended (periodEnd is in the future)',
      );
    const lines = await repo.budgetLineIds(trx, projectId);
    const unknown = input.spending.filter((l) => !lines.has(l.budgetLineId));
    if (unknown.length > 0) {
      throw unprocessable(
        'OUTCOME.UNKNOWN_BUDGET_LINE',
        'Spending refers to budget lines that are not this project’s',
        {
          errors: unknown.map((l) => ({
            path: 'body.spending',
            message: `unknown budget line ${l.budgetLineId}`,
          })),
        },
      );
    }
    refusePersonalData(
      [
        { path: 'body.narrative', text: input.narrative },
        ...input.stories.flatMap((s, i) => [
          { path: `body.stories.${i}.title`, text: s.title },
          { path: `body.stories.${i}.text`, text: s.text },
        ]),
      ],
      at,
    );
    return project;
  }

  function translateConstraint(error: unknown): never {
    if (isConstraint(error, '23P01', 'outcome_reports_no_overlap')) {
      throw conflict(
        'OUTCOME.PERIOD_OVERLAP',
        'The period overlaps another report of this project; each period is reported once',
      );
    }
    if (isConstraint(error, '23505', 'outcome_reports_one_final_idx')) {
      throw conflict('OUTCOME.FINAL_EXISTS', 'This project already has a final report');
    }
    throw error;
  }

  return {
    /** POST /v1/projects/{id}/outcome-reports: an initiative member reports a period. */
    async submit(ctx: Ctx, projectId: string, input: OutcomeReportInput): Promise<OutcomeReport> {
      const actor = requireActor(ctx);
      const at = now();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          await checkInput(trx, actor, projectId, input, at);
          const report = await trx
            .insertInto('outcome_reports')
            .values({
              project_id: projectId,
              kind: input.kind,
              period_start: input.periodStart,
              period_end: input.periodEnd,
              narrative: input.narrative,
              submitted_by: actor.userId,
              submitted_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await repo.replaceFigures(trx, report.id, input);
          await repo.insertStories(
            trx,
            input.stories.map((s) => ({
              projectId,
              reportId: report.id,
              title: s.title,
              text: s.text,
              submittedBy: actor.userId,
              at,
            })),
          );
          await recordAudit(trx, ctx, {
            action: 'outcome_report.submitted',
            subjectType: 'outcome_report',
            subjectId: report.id,
            summary: {
              projectId,
              kind: input.kind,
              periodStart: input.periodStart,
              periodEnd: input.periodEnd,
              stories: input.stories.length,
            },
          });
          return report.id;
        })
        .catch(translateConstraint);
      return loadReport(id);
    },

    /** PUT /v1/outcome-reports/{id}: the initiative answers a returned report with a new revision. */
    async resubmit(ctx: Ctx, reportId: string, input: OutcomeReportInput): Promise<OutcomeReport> {
      const actor = requireActor(ctx);
      const at = now();
      await db
        .transaction()
        .execute(async (trx) => {
          const existing = await repo.findReport(trx, reportId);
          if (
            !existing ||
            actor.organisationKind !== 'initiative' ||
            existing.initiative_id !== actor.organisationId
          )
            throw notFound('Outcome report');
          await checkInput(trx, actor, existing.project_id, input, at);
          const report = await repo.lockReport(trx, reportId);
          if (report!.status !== 'returned')
            throw conflict(
              'OUTCOME.INVALID_STATE',
              `Only a returned report can be resubmitted; this one is ${report!.status}`,
            );
          await trx
            .updateTable('outcome_reports')
            .set({
              kind: input.kind,
              period_start: input.periodStart,
              period_end: input.periodEnd,
              narrative: input.narrative,
              status: 'submitted',
              revision: report!.revision + 1,
              submitted_by: actor.userId,
              submitted_at: at,
            })
            .where('id', '=', reportId)
            .execute();
          await repo.replaceFigures(trx, reportId, input);
          await repo.insertStories(
            trx,
            input.stories.map((s) => ({
              projectId: existing.project_id,
              reportId,
              title: s.title,
              text: s.text,
              submittedBy: actor.userId,
              at,
            })),
          );
          await recordAudit(trx, ctx, {
            action: 'outcome_report.resubmitted',
            subjectType: 'outcome_report',
            subjectId: reportId,
            summary: { projectId: existing.project_id, revision: report!.revision + 1 },
          });
        })
        .catch(translateConstraint);
      return loadReport(reportId);
    },

    async get(ctx: Ctx, reportId: string): Promise<OutcomeReport> {
      const actor = requireActor(ctx);
      const row = await repo.findReport(db, reportId);
      if (!row || !canSeeProject(actor, row.initiative_id)) throw notFound('Outcome report');
      return (await loadReports([row]))[0]!;
    },

    async listForProject(ctx: Ctx, projectId: string): Promise<Page<OutcomeReport>> {
      const actor = requireActor(ctx);
      const project = await repo.findProject(db, projectId);
      if (!project || !canSeeProject(actor, project.initiative_id)) throw notFound('Project');
      return wholeList(await loadReports(await repo.reportsOfProject(db, projectId)));
    },

    /** The admins' queue: reports by status, oldest submission first. */
    async queue(
      ctx: Ctx,
      query: { status: OutcomeReportRow['status']; limit: number; cursor?: string | undefined },
    ) {
      requirePlatformAdmin(ctx);
      const after = decodeCursor(
        query.cursor,
        ['at', 'id'] as const,
        (v) => isUuid(v.id) && isTimestamp(v.at),
      );
      const rows = await repo.reportsByStatus(db, query.status, after, query.limit);
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => ({ at: row.submitted_at.toISOString(), id: row.id }),
      );
      return { items: await loadReports(page.items), nextCursor: page.nextCursor };
    },

    /**
     * POST /v1/outcome-reports/{id}/accept (platform admin). The report's counts are
     * published (rounded and audited) in the same transaction, so every report reads them
     * at once; a final report completes its project and tells the settlement module (the
     * last payout).
     */
    async accept(ctx: Ctx, reportId: string): Promise<OutcomeReport> {
      const actor = requirePlatformAdmin(ctx);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const found = await repo.findReport(trx, reportId);
        if (!found) throw notFound('Outcome report');
        // Project first, then report: the same order as submission, so the two never deadlock.
        const project = await repo.lockProject(trx, found.project_id);
        const report = await repo.lockReport(trx, reportId);
        if (!project || !report) throw notFound('Outcome report');
        if (report.status === 'accepted') return;
        if (report.status !== 'submitted')
          throw conflict(
            'OUTCOME.INVALID_STATE',
            `Only a submitted report can be accepted; this one is ${report.status}`,
          );
        if (report.kind === 'final' && project.status !== 'funded') {
          throw conflict(
            'OUTCOME.PROJECT_NOT_REPORTABLE',
            `A final report completes a funded project; this one is ${project.status}`,
          );
        }
        const children = (await repo.childrenOf(trx, [reportId])).get(reportId)!;
        await storeReportPublication(
          trx,
          report,
          {
            participants: children.participants.map((l) => ({
              targetGroup: l.target_group,
              participants: l.participants,
            })),
            outcomes: children.results.map((l) => ({
              outcomeType: l.outcome_type,
              achieved: l.achieved,
              banenafspraak: l.banenafspraak,
            })),
          },
          deps.disclosureThreshold,
          at,
        );
        await trx
          .updateTable('outcome_reports')
          .set({ status: 'accepted', accepted_by: actor.userId, accepted_at: at })
          .where('id', '=', reportId)
          .execute();
        await recordAudit(trx, ctx, {
          action: 'outcome_report.accepted',
          subjectType: 'outcome_report',
          subjectId: reportId,
          summary: {
            projectId: report.project_id,
            kind: report.kind,
            periodStart: report.period_start,
            periodEnd: report.period_end,
          },
        });
        await recordEvent(trx, {
          type: 'outcome_report.accepted',
          objectId: reportId,
          occurredAt: at,
        });
        if (report.kind === 'final') {
          await trx
            .updateTable('projects')
            .set({ status: 'completed', updated_at: at })
            .where('id', '=', report.project_id)
            .execute();
          await recordAudit(trx, ctx, {
            action: 'project.completed',
            subjectType: 'project',
            subjectId: report.project_id,
            summary: { finalReportId: reportId },
          });
          await recordEvent(trx, {
            type: 'project.completed',
            objectId: report.project_id,
            occurredAt: at,
          });
          await onFinalOutcomeReportAccepted(trx, { ...ctx, now: at }, report.project_id);
        }
      });
      // Public totals come from a summary: refresh it soon (outside this request).
      if (deps.jobs) await requestSummaryRefresh(deps.jobs);
      return loadReport(reportId);
    },

    /** POST /v1/outcome-reports/{id}/return (platform admin): back to the initiative with questions. */
    async returnWithQuestions(
      ctx: Ctx,
      reportId: string,
      questions: string,
    ): Promise<OutcomeReport> {
      const actor = requirePlatformAdmin(ctx);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const report = await repo.lockReport(trx, reportId);
        if (!report) throw notFound('Outcome report');
        if (report.status !== 'submitted')
          throw conflict(
            'OUTCOME.INVALID_STATE',
            `Only a submitted report can be returned; this one is ${report.status}`,
          );
        await trx
          .updateTable('outcome_reports')
          .set({ status: 'returned', questions, returned_by: actor.userId, returned_at: at })
          .where('id', '=', reportId)
          .execute();
        await recordEvent(trx, {
          type: 'outcome_report.returned',
          objectId: reportId,
          occurredAt: at,
        });
        await recordAudit(trx, ctx, {
          action: 'outcome_report.returned',
          subjectType: 'outcome_report',
          subjectId: reportId,
          summary: { projectId: report.project_id },
        });
      });
      return loadReport(reportId);
    },

    // ---- stories ----

    /** POST /v1/projects/{id}/stories: a story outside a report. */
    async submitStory(
      ctx: Ctx,
      projectId: string,
      input: { title: string; text: string },
    ): Promise<Story> {
      const actor = requireActor(ctx);
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const project = await repo.lockProject(trx, projectId);
        if (
          !project ||
          actor.organisationKind !== 'initiative' ||
          project.initiative_id !== actor.organisationId
        )
          throw notFound('Project');
        if (!['listed', 'funded', 'completed'].includes(project.status)) {
          throw conflict(
            'OUTCOME.PROJECT_NOT_REPORTABLE',
            `Stories are told about listed, funded or completed projects; this one is ${project.status}`,
          );
        }
        refusePersonalData(
          [
            { path: 'body.title', text: input.title },
            { path: 'body.text', text: input.text },
          ],
          at,
        );
        const [story] = await repo.insertStories(trx, [
          {
            projectId,
            reportId: null,
            title: input.title,
            text: input.text,
            submittedBy: actor.userId,
            at,
          },
        ]);
        await recordAudit(trx, ctx, {
          action: 'story.submitted',
          subjectType: 'story',
          subjectId: story!.id,
          summary: { projectId },
        });
        return story!.id;
      });
      return this.getStory(ctx, id);
    },

    async getStory(ctx: Ctx, storyId: string): Promise<Story> {
      const actor = requireActor(ctx);
      const row = await repo.findStory(db, storyId);
      if (!row || !canSeeProject(actor, row.initiative_id)) throw notFound('Story');
      return toStory(row);
    },

    async storiesOfProject(ctx: Ctx, projectId: string): Promise<Page<Story>> {
      const actor = requireActor(ctx);
      const project = await repo.findProject(db, projectId);
      if (!project || !canSeeProject(actor, project.initiative_id)) throw notFound('Project');
      return wholeList((await repo.storiesOfProject(db, projectId)).map(toStory));
    },

    /** GET /v1/stories/submitted: the stories waiting for a platform admin, oldest first. */
    async submittedStories(ctx: Ctx): Promise<Page<Story>> {
      requirePlatformAdmin(ctx);
      return wholeList((await repo.submittedStories(db, 100)).map(toStory));
    },

    async decideStory(
      ctx: Ctx,
      storyId: string,
      decision: { publish: true } | { publish: false; reason: string },
    ): Promise<Story> {
      const actor = requirePlatformAdmin(ctx);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const story = await trx
          .selectFrom('outcome_stories')
          .selectAll()
          .where('id', '=', storyId)
          .forUpdate()
          .executeTakeFirst();
        if (!story) throw notFound('Story');
        const target = decision.publish ? 'published' : 'rejected';
        if (story.status === target) return;
        if (story.status !== 'submitted')
          throw conflict('STORY.INVALID_STATE', `The story is already ${story.status}`);
        await trx
          .updateTable('outcome_stories')
          .set({
            status: target,
            decided_by: actor.userId,
            decided_at: at,
            decision_reason: decision.publish ? null : decision.reason,
          })
          .where('id', '=', storyId)
          .execute();
        await recordAudit(trx, ctx, {
          action: `story.${target}`,
          subjectType: 'story',
          subjectId: storyId,
          summary: { projectId: story.project_id },
        });
      });
      return this.getStory(ctx, storyId);
    },

    /** GET /v1/stories (public): the story bank, newest first. */
    async publishedStories(query: {
      projectId?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    }) {
      const after = decodeCursor(
        query.cursor,
        ['at', 'id'] as const,
        (v) => isUuid(v.id) && isTimestamp(v.at),
      );
      const rows = await repo.publishedStories(db, {
        projectId: query.projectId,
        after,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toPublicStory, (row) => ({
        at: row.decided_at!.toISOString(),
        id: row.id,
      }));
    },
  };
}

type StoryRow = NonNullable<Awaited<ReturnType<typeof repo.findStory>>>;

function toStory(row: StoryRow): Story {
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    title: row.title,
    text: row.body,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    publishedAt: row.status === 'published' ? iso(row.decided_at) : null,
    personalDataFlags: personalDataFlags(row),
  };
}

/** What the personal-data screen finds in a story now, for the platform team to see before it publishes. */
function personalDataFlags(row: { title: string; body: string; submitted_at: Date }) {
  return [
    { field: 'title' as const, text: row.title },
    { field: 'text' as const, text: row.body },
  ].flatMap(({ field, text }) =>
    findPersonalData(text, row.submitted_at).map((f) => ({
      field,
      kind: f.kind,
      severity: f.severity,
      masked: f.masked,
    })),
  );
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
