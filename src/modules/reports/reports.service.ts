import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { calendarDate } from '../../lib/format.js';
import { OUTCOME_TYPES, PUBLIC_STATUSES, TARGET_GROUPS } from '../projects/vocabulary.js';
import { toPublicStory } from './public-story.js';
import {
  ATTRIBUTION_METHODOLOGY,
  attribute,
  type Fraction,
  formatExact,
  fraction,
  multiply,
  share as shareOf,
  sum,
  toNumber,
} from './attribution.js';
import { type Period, splitPeriod } from './period.js';
import {
  type CellTotalsRow,
  type ProjectFigures,
  type ReportContext,
  reportsRepository as repo,
} from './reports.repository.js';
import type {
  AttributedCount,
  AuthorityReport,
  AuthorityReportQuery,
  PublicProjectOutcomes,
  PublicStats,
  PublishedCount,
  Share,
  SupplierReport,
  SupplierReportQuery,
} from './reports.schemas.js';
import { DISCLOSURE_METHOD, protectionWidth, roundingBase } from './disclosure.js';
import { aggregateCounts, TOTAL } from './suppression.js';

const EMPTY: PublishedCount = { value: 0, suppressed: false, complete: true };
const SUPPRESSED: AttributedCount = { value: null, exact: null, suppressed: true, complete: false };

function toShare(credits: number, sold: number): { share: Share; fraction: Fraction } {
  const f = shareOf(credits, sold);
  return {
    share: {
      credits,
      soldCredits: sold,
      exact: formatExact(f),
      percent: toNumber(multiply(f, fraction(100)), 2),
    },
    fraction: f,
  };
}

function attributedOf(realised: PublishedCount, share: Fraction): AttributedCount {
  if (realised.value === null) return { ...SUPPRESSED };
  const exact = attribute(share, realised.value);
  return {
    value: toNumber(exact),
    exact: formatExact(exact),
    suppressed: false,
    complete: realised.complete,
  };
}

/** Attributed figures of several projects added up: suppressed contributions never enter the sum. */
function sumAttributed(parts: { realised: PublishedCount; share: Fraction }[]): AttributedCount {
  const shown = parts.filter((p) => p.realised.value !== null);
  const anyWithheld = parts.some((p) => !p.realised.complete);
  if (shown.length === 0 && parts.some((p) => p.realised.suppressed)) return { ...SUPPRESSED };
  const exact = sum(shown.map((p) => attribute(p.share, p.realised.value!)));
  return {
    value: toNumber(exact),
    exact: formatExact(exact),
    suppressed: false,
    complete: !anyWithheld,
  };
}

type Realised = Map<string, PublishedCount>;
const key = (dimension: string, category: string) => `${dimension}:${category}`;

function realisedByProject(rows: CellTotalsRow[]): Map<string, Realised> {
  const byProject = new Map<string, Realised>();
  for (const row of rows) {
    let cells = byProject.get(row.project_id);
    if (!cells) byProject.set(row.project_id, (cells = new Map()));
    cells.set(
      key(row.dimension, row.category),
      aggregateCounts({
        publishedSum: row.published_sum,
        shown: row.shown,
        withheld: row.withheld,
      }),
    );
  }
  return byProject;
}

interface ProjectBlockInput {
  project: { id: string; title: string; status: string };
  credits: number;
  sold: number;
  realised: Realised;
  expectedOutcomes: Map<string, number>;
  expectedParticipants: Map<string, number>;
}

function projectBlock(input: ProjectBlockInput) {
  const { share, fraction: f } = toShare(input.credits, input.sold);
  const get = (dimension: string, category: string) =>
    input.realised.get(key(dimension, category)) ?? EMPTY;
  const line = (dimension: string, category: string) => {
    const realised = get(dimension, category);
    return { realised, attributed: attributedOf(realised, f) };
  };
  return {
    share: f,
    block: {
      projectId: input.project.id,
      title: input.project.title,
      status: input.project.status as never,
      share,
      outcomes: OUTCOME_TYPES.map((outcomeType) => ({
        outcomeType,
        expected: input.expectedOutcomes.get(outcomeType) ?? null,
        ...line('outcomes', outcomeType),
      })),
      participants: TARGET_GROUPS.map((targetGroup) => ({
        targetGroup,
        expected: input.expectedParticipants.get(targetGroup) ?? null,
        ...line('participants', targetGroup),
      })),
      banenafspraak: OUTCOME_TYPES.map((outcomeType) => ({
        outcomeType,
        ...line('banenafspraak', outcomeType),
      })),
      totals: {
        participants: line('participants', TOTAL),
        outcomes: line('outcomes', TOTAL),
        banenafspraak: line('banenafspraak', TOTAL),
      },
    },
  };
}

type Block = ReturnType<typeof projectBlock>;

/** The attributed figures over all projects of a report. */
function attributedSummary(blocks: Block[]) {
  const over = (pick: (b: Block['block']) => { realised: PublishedCount }) =>
    blocks.map((b) => ({ realised: pick(b.block).realised, share: b.share }));
  return {
    outcomes: OUTCOME_TYPES.map((outcomeType, i) => {
      const expected = blocks.filter((b) => b.block.outcomes[i]!.expected !== null);
      return {
        outcomeType,
        expected:
          expected.length === 0
            ? null
            : toNumber(
                sum(expected.map((b) => attribute(b.share, b.block.outcomes[i]!.expected!))),
              ),
        attributed: sumAttributed(over((b) => b.outcomes[i]!)),
      };
    }),
    participants: TARGET_GROUPS.map((targetGroup, i) => ({
      targetGroup,
      attributed: sumAttributed(over((b) => b.participants[i]!)),
    })),
    banenafspraak: OUTCOME_TYPES.map((outcomeType, i) => ({
      outcomeType,
      attributed: sumAttributed(over((b) => b.banenafspraak[i]!)),
    })),
    totals: {
      participants: sumAttributed(over((b) => b.totals.participants)),
      outcomes: sumAttributed(over((b) => b.totals.outcomes)),
      banenafspraak: sumAttributed(over((b) => b.totals.banenafspraak)),
    },
  };
}

/** The blocks of a report's projects (in title order), from the figures its statement read. */
function blocksOf(figures: ProjectFigures): Block[] {
  const realised = realisedByProject(figures.cells);
  const expectedOutcomes = new Map<string, Map<string, number>>();
  for (const o of figures.expectedOutcomes) {
    if (!expectedOutcomes.has(o.project_id)) expectedOutcomes.set(o.project_id, new Map());
    expectedOutcomes.get(o.project_id)!.set(o.outcome_type, o.expected_count);
  }
  const expectedParticipants = new Map<string, Map<string, number>>();
  for (const g of figures.expectedParticipants) {
    if (!expectedParticipants.has(g.project_id)) expectedParticipants.set(g.project_id, new Map());
    expectedParticipants.get(g.project_id)!.set(g.target_group, g.expected_participants);
  }
  return figures.projects.map((project) =>
    projectBlock({
      project,
      credits: project.credits,
      sold: project.sold,
      realised: realised.get(project.id) ?? new Map(),
      expectedOutcomes: expectedOutcomes.get(project.id) ?? new Map(),
      expectedParticipants: expectedParticipants.get(project.id) ?? new Map(),
    }),
  );
}

/**
 * Promise.all that waits for every statement before it throws, and throws the first
 * failure in argument order: the outcome does not depend on which statement finishes first.
 */
async function settledInOrder<A, B, C>(
  a: Promise<A>,
  b: Promise<B>,
  c: Promise<C>,
): Promise<[A, B, C]> {
  const results = await Promise.allSettled([a, b, c]);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [A, B, C];
}

export interface ReportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  disclosureThreshold: number;
}

/**
 * Authority, supplier and public reports (DESIGN §7). Sales and claims come from the
 * summaries (materialized views refreshed by a job); outcome counts from the published
 * cells of accepted reports, which already carry their suppression.
 */
export function createReportsService(deps: ReportsDeps) {
  const { db, clock } = deps;

  function periodOf(query: { from?: string | undefined; to?: string | undefined }): Period {
    return { from: query.from ?? null, to: query.to ?? calendarDate(clock.now()) };
  }

  async function header(period: Period) {
    return headerOf(period, await repo.lastRefresh(db));
  }

  function headerOf(period: Period, refreshed: Date | null) {
    return {
      period,
      generatedAt: clock.now().toISOString(),
      dataAsOf: refreshed ? refreshed.toISOString() : null,
      disclosureThreshold: deps.disclosureThreshold,
      disclosureControl: {
        method: DISCLOSURE_METHOD,
        base: roundingBase(deps.disclosureThreshold),
        protectionWidth: protectionWidth(deps.disclosureThreshold),
      },
      methodology: ATTRIBUTION_METHODOLOGY,
    };
  }

  /** Which organisation a report is about: the caller's own, or for platform admins the one asked for. */
  function subjectId(
    ctx: Ctx,
    kind: 'authority' | 'supplier',
    askedId: string | undefined,
  ): string {
    const actor = requireActor(ctx);
    if (isPlatformAdmin(actor)) {
      if (!askedId) throw notFound(kind === 'authority' ? 'Authority' : 'Supplier');
      return askedId;
    }
    if (actor.organisationKind === kind) {
      if (askedId && askedId !== actor.organisationId)
        throw notFound(kind === 'authority' ? 'Authority' : 'Supplier');
      return actor.organisationId;
    }
    throw forbidden(
      'AUTH.FORBIDDEN',
      `Only ${kind} organisations and platform admins read this report`,
    );
  }

  /** The subject as the report's statement found it; the figures read with it are dropped unless it is of the right kind. */
  function checkSubject(
    organisation: ReportContext['organisation'],
    kind: 'authority' | 'supplier',
  ) {
    if (!organisation || organisation.kind !== kind)
      throw notFound(kind === 'authority' ? 'Authority' : 'Supplier');
    return organisation;
  }

  return {
    async authority(ctx: Ctx, query: AuthorityReportQuery): Promise<AuthorityReport> {
      const id = subjectId(ctx, 'authority', query.authorityId);
      const period = periodOf(query);
      // One statement, one round trip (issue 7 "Speed"): no query waits for another.
      const rows = await repo.authorityReport(db, id, period, splitPeriod(period));
      const authority = checkSubject(rows.organisation, 'authority');

      const valueByProject = new Map(rows.projectValues.map((r) => [r.project_id, r.value_cents]));
      const contractLines = rows.contracts
        .map((c) => ({
          contractId: c.id,
          reference: c.reference,
          title: c.title,
          supplierId: c.supplier_id,
          supplierName: c.supplier_name,
          credits: c.credits,
          valueCents: c.value_cents,
          claims: c.claims,
        }))
        .sort(
          (a, b) =>
            a.reference.localeCompare(b.reference) || a.contractId.localeCompare(b.contractId),
        );

      const blocks = blocksOf(rows);
      return {
        kind: 'authority',
        authority: { id: authority.id, name: authority.name },
        ...headerOf(period, rows.refreshedAt),
        srValue: {
          valueCents: contractLines.reduce((s, c) => s + c.valueCents, 0),
          credits: contractLines.reduce((s, c) => s + c.credits, 0),
          claims: contractLines.reduce((s, c) => s + c.claims, 0),
          contracts: contractLines,
        },
        attributed: attributedSummary(blocks),
        projects: blocks.map((b) => ({
          ...b.block,
          srValueCents: valueByProject.get(b.block.projectId) ?? 0,
        })),
      };
    },

    async supplier(ctx: Ctx, query: SupplierReportQuery): Promise<SupplierReport> {
      const id = subjectId(ctx, 'supplier', query.supplierId);
      const period = periodOf(query);
      // Three independent statements at once (on the server pool they run side by side).
      const [rows, certificates, stories] = await settledInOrder(
        repo.supplierReport(db, id, period),
        repo.certificatesOf(db, id),
        repo.publishedStoriesOfBuyer(db, id, 200),
      );
      const supplier = checkSubject(rows.organisation, 'supplier');
      const amounts = new Map(rows.amounts.map((s) => [s.project_id, s.amount_cents]));
      const blocks = blocksOf(rows);
      const lines = rows.budgetLines;
      const spent = new Map(rows.spending.map((s) => [s.budget_line_id, s.spent]));
      return {
        kind: 'supplier',
        supplier: { id: supplier.id, name: supplier.name },
        ...headerOf(period, rows.refreshedAt),
        certificates: certificates.map((c) => ({
          id: c.id,
          number: c.number,
          projectId: c.project_id,
          projectTitle: c.project_title,
          credits: c.credits,
          valueCents: c.value_cents,
          status: c.status,
          issuedAt: c.issued_at.toISOString(),
        })),
        attributed: attributedSummary(blocks),
        projects: blocks.map((b) => {
          const amountCents = amounts.get(b.block.projectId) ?? 0;
          const own = lines.filter((l) => l.project_id === b.block.projectId);
          const planned = own.reduce((s, l) => s + l.amount_cents, 0);
          return {
            ...b.block,
            amountCents,
            budgetLines: own.map((l) => ({
              budgetLineId: l.id,
              description: l.description,
              category: l.category,
              plannedCents: l.amount_cents,
              plannedShareCents:
                planned === 0
                  ? 0
                  : toNumber(fraction(BigInt(amountCents) * BigInt(l.amount_cents), planned), 0),
              spentCents: spent.get(l.id) ?? 0,
              attributedSpentCents: toNumber(attribute(b.share, spent.get(l.id) ?? 0), 0),
            })),
            stories: stories
              .filter((s) => s.project_id === b.block.projectId)
              .slice(0, 20)
              .map(toPublicStory),
          };
        }),
      };
    },

    async publicStats(query: {
      from?: string | undefined;
      to?: string | undefined;
    }): Promise<PublicStats> {
      const period = periodOf(query);
      const [sales, projects, totals] = await Promise.all([
        repo.platformSales(db),
        repo.projectCounts(db),
        repo.outcomeTotals(db, period.from, period.to),
      ]);
      const cells = new Map(totals.map((t) => [key(t.dimension, t.category), aggregateCounts(t)]));
      const get = (dimension: string, category: string) =>
        cells.get(key(dimension, category)) ?? EMPTY;
      return {
        kind: 'public',
        ...(await header(period)),
        creditsSold: sales.credits,
        amountCents: sales.amountCents,
        projects,
        outcomes: OUTCOME_TYPES.map((outcomeType) => ({
          outcomeType,
          realised: get('outcomes', outcomeType),
        })),
        participants: TARGET_GROUPS.map((targetGroup) => ({
          targetGroup,
          realised: get('participants', targetGroup),
        })),
        banenafspraak: OUTCOME_TYPES.map((outcomeType) => ({
          outcomeType,
          realised: get('banenafspraak', outcomeType),
        })),
        totals: {
          participants: get('participants', TOTAL),
          outcomes: get('outcomes', TOTAL),
          banenafspraak: get('banenafspraak', TOTAL),
        },
      };
    },

    /**
     * One public project's outcomes so far: sums of its reports' published (rounded) cells,
     * the same figures the public statistics add up over all projects, beside what the
     * plan expected. A project that is not public answers 404.
     */
    async projectOutcomes(
      projectId: string,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<PublicProjectOutcomes> {
      const period = periodOf(query);
      const [figures, refreshed] = await Promise.all([
        repo.projectOutcomeTotals(db, projectId, PUBLIC_STATUSES, period.from, period.to),
        repo.lastRefresh(db),
      ]);
      if (!figures) throw notFound('Project');
      const cells = new Map(
        figures.cells.map((t) => [key(t.dimension, t.category), aggregateCounts(t)]),
      );
      const get = (dimension: string, category: string) =>
        cells.get(key(dimension, category)) ?? EMPTY;
      return {
        kind: 'project',
        projectId,
        ...headerOf(period, refreshed),
        reports: figures.reports,
        outcomes: OUTCOME_TYPES.map((outcomeType) => ({
          outcomeType,
          expected: figures.expectedOutcomes.get(outcomeType) ?? null,
          realised: get('outcomes', outcomeType),
        })),
        participants: TARGET_GROUPS.map((targetGroup) => ({
          targetGroup,
          expected: figures.expectedParticipants.get(targetGroup) ?? null,
          realised: get('participants', targetGroup),
        })),
        banenafspraak: OUTCOME_TYPES.map((outcomeType) => ({
          outcomeType,
          realised: get('banenafspraak', outcomeType),
        })),
        totals: {
          participants: get('participants', TOTAL),
          outcomes: get('outcomes', TOTAL),
          banenafspraak: get('banenafspraak', TOTAL),
        },
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
