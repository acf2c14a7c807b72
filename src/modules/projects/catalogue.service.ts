import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readJson } from '../../db/json.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { METHODOLOGIES } from '../../lib/award-methodology.js';
import { PUBLIC_STATUSES } from './vocabulary.js';
import {
  type CatalogueDetailRow,
  type CatalogueRow,
  type CatalogueSort,
  catalogueRepository,
} from './catalogue.repository.js';
import type {
  CatalogueMunicipalities,
  CatalogueProject,
  CatalogueProjectDetail,
  CatalogueProjectPage,
  ListCatalogueQuery,
} from './catalogue.schemas.js';

// ---- cursors ----

const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const COUNT_KEY = /^(0|[1-9][0-9]{0,8})$/;

/** A cursor's key must be the kind of value its sort orders by, and a real one: it goes into a query. */
function isValidKey(sort: CatalogueSort, key: string): boolean {
  if (sort === 'available') return COUNT_KEY.test(key);
  if (!TIMESTAMP_KEY.test(key)) return false;
  const parsed = new Date(key);
  // Date rolls 31 February over into March; the database would refuse it with an error.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 23) === key.slice(0, 23);
}

const isUuid = (value: string) => z.uuid().safeParse(value).success;

// ---- the award's stored JSON ----

const CriterionScoresSchema = z.object({
  reach: z.number(),
  depth: z.number(),
  durability: z.number(),
  indirect: z.number(),
});
const CriterionWeightsSchema = z.object({
  reach: z.number().int(),
  depth: z.number().int(),
  durability: z.number().int(),
  indirect: z.number().int(),
});
const StoredParametersSchema = z.object({
  weightsBasisPoints: CriterionWeightsSchema,
  maxScore: z.number().int().positive(),
  cutoffBasisPoints: z.number().int(),
});
/**
 * awards.panel_scores holds the whole panel (reviewers, their own scores, medians,
 * consensus) for the audit trail; `scores` is the panel-level result the award used.
 * Only that is read here: parsing picks the four criteria and drops everything else.
 */
const StoredPanelScoresSchema = z.object({ scores: CriterionScoresSchema });

function unreadable(row: CatalogueDetailRow, what: string): Error {
  return new Error(`award of project ${row.id}: ${what} cannot be read`);
}

function readParameters(row: CatalogueDetailRow) {
  const stored = StoredParametersSchema.safeParse(readJson(row.parameters));
  if (stored.success) return stored.data;
  // A methodology version is frozen, so its registry entry equals what was stored with it.
  const registered = METHODOLOGIES[row.methodology_version];
  if (registered) return registered;
  throw unreadable(row, 'methodology parameters');
}

function readPanelScores(row: CatalogueDetailRow) {
  const stored = StoredPanelScoresSchema.safeParse(readJson(row.panel_scores));
  if (!stored.success) throw unreadable(row, 'panel scores');
  const { reach, depth, durability, indirect } = stored.data.scores;
  return { reach, depth, durability, indirect };
}

/** Ids of the budget lines the award accepted (stored as the lines themselves, each with its id). */
function readAcceptedLineIds(row: CatalogueDetailRow): Set<string> {
  const stored = readJson(row.accepted_lines);
  if (!Array.isArray(stored)) throw unreadable(row, 'accepted budget lines');
  return new Set(
    stored
      .map((line: unknown) =>
        typeof line === 'string' ? line : (line as { id?: unknown } | null)?.id,
      )
      .filter((id): id is string => typeof id === 'string'),
  );
}

/** numeric(6,5) comes back as text from node-postgres; an engine that reads a number gets the same five places. */
function formatImpactScore(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(5) : String(value);
}

// ---- mapping ----

type Children = Pick<CatalogueProject, 'municipalities' | 'targetGroups' | 'expectedOutcomes'>;

function toCatalogueProject(
  row: CatalogueRow | CatalogueDetailRow,
  children: Children,
): CatalogueProject {
  const supply = Number(row.credits_supply);
  const sold = Number(row.credits_sold);
  const reserved = Number(row.credits_reserved);
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status as CatalogueProject['status'],
    initiative: { name: row.initiative_name, city: row.initiative_city },
    ...children,
    credits: {
      supply,
      sold,
      reserved,
      available: supply - sold - reserved,
      threshold: row.threshold ?? 0,
    },
    creditPriceCents: row.credit_price_cents,
    impactScore: formatImpactScore(row.impact_score),
    // Public statuses have both (a CHECK on projects guarantees it).
    listedAt: row.listed_at!.toISOString(),
    fundingDeadline: row.funding_deadline!.toISOString(),
  };
}

function groupBy<T extends { project_id: string }, U>(
  rows: T[],
  map: (row: T) => U,
): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) {
    const group = groups.get(row.project_id);
    if (group) group.push(map(row));
    else groups.set(row.project_id, [map(row)]);
  }
  return groups;
}

/**
 * The public catalogue: listed, funded, completed (and, when asked, failed) projects with
 * their award figures. Anyone may read it; the response schemas are the whitelist.
 */
export function createCatalogueService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;

  /** The children of a page of projects, one query per table. */
  async function childrenOf(projectIds: string[]): Promise<(id: string) => Children> {
    const [municipalities, targetGroups, outcomes] = await Promise.all([
      catalogueRepository.municipalitiesOf(db, projectIds),
      catalogueRepository.targetGroupsOf(db, projectIds),
      catalogueRepository.outcomesOf(db, projectIds),
    ]);
    const byMunicipality = groupBy(municipalities, (m) => ({ cbsCode: m.cbs_code, name: m.name }));
    const byTargetGroup = groupBy(targetGroups, (g) => ({
      targetGroup: g.target_group,
      expectedParticipants: g.expected_participants,
    }));
    const byOutcome = groupBy(outcomes, (o) => ({
      outcomeType: o.outcome_type,
      expectedCount: o.expected_count,
    }));
    return (id) => ({
      municipalities: byMunicipality.get(id) ?? [],
      targetGroups: byTargetGroup.get(id) ?? [],
      expectedOutcomes: byOutcome.get(id) ?? [],
    });
  }

  return {
    async list(query: ListCatalogueQuery): Promise<CatalogueProjectPage> {
      const sort = query.sort;
      // The cursor names its sort: a cursor from another order would skip or repeat projects.
      const after = decodeCursor(
        query.cursor,
        ['sort', 'key', 'id'] as const,
        (values) => values.sort === sort && isUuid(values.id) && isValidKey(sort, values.key),
      );
      const q = query.q?.trim();
      const rows = await catalogueRepository.list(db, {
        status: query.status,
        municipality: query.municipality,
        targetGroup: query.targetGroup,
        outcomeType: query.outcomeType,
        q: q ? q : undefined,
        sort,
        after: after ? { key: after.key, id: after.id } : undefined,
        limit: query.limit,
      });
      const children = await childrenOf(rows.slice(0, query.limit).map((row) => row.id));
      return toPage(
        rows,
        query.limit,
        (row) => toCatalogueProject(row, children(row.id)),
        (row) => ({ sort, key: row.sort_key, id: row.id }),
      );
    },

    /** The municipalities of the public projects, by name: the catalogue's filter. */
    async municipalities(): Promise<CatalogueMunicipalities> {
      const rows = await catalogueRepository.municipalitiesWithProjects(db, PUBLIC_STATUSES);
      // Sorted here, in Dutch, so the order does not depend on the database's collation.
      const dutch = new Intl.Collator('nl');
      return {
        items: rows
          .map((r) => ({ cbsCode: r.cbs_code, name: r.name, projects: Number(r.projects) }))
          .sort((a, b) => dutch.compare(a.name, b.name) || a.cbsCode.localeCompare(b.cbsCode)),
        nextCursor: null,
      };
    },

    async get(id: string): Promise<CatalogueProjectDetail> {
      const row = await catalogueRepository.findPublic(db, id);
      if (!row) throw notFound('Project');
      const [children, lines] = await Promise.all([
        childrenOf([id]),
        catalogueRepository.budgetLinesOf(db, id),
      ]);
      const parameters = readParameters(row);
      const accepted = readAcceptedLineIds(row);
      return {
        ...toCatalogueProject(row, children(id)),
        description: row.description,
        startDate: row.start_date,
        endDate: row.end_date,
        budgetLines: lines.map((line) => ({
          description: line.description,
          category: line.category,
          amountCents: Number(line.amount_cents),
          accepted: accepted.has(line.id),
        })),
        totalCostCents: row.total_cost_cents === null ? null : Number(row.total_cost_cents),
        minimumBudgetCents:
          row.minimum_budget_cents === null ? null : Number(row.minimum_budget_cents),
        otherFundingCents: Number(row.other_funding_cents),
        // Only a failed project says when and why (a CHECK on projects requires both then).
        failedAt: row.status === 'failed' && row.failed_at ? row.failed_at.toISOString() : null,
        failureReason: row.status === 'failed' ? row.failure_reason : null,
        award: {
          methodologyVersion: row.methodology_version,
          parameters: {
            weightsBasisPoints: parameters.weightsBasisPoints,
            maxScore: parameters.maxScore,
            cutoffBasisPoints: parameters.cutoffBasisPoints,
            creditPriceCents: row.credit_price_cents,
          },
          panelScores: readPanelScores(row),
          scoreSource: row.score_source,
          eligibleCostCents: Number(row.eligible_cost_cents),
          minimumBudgetCents: Number(row.award_minimum_budget_cents),
          impactScore: formatImpactScore(row.impact_score),
          supply: row.award_supply,
          threshold: row.award_threshold,
          publicRationale: row.public_rationale,
          decidedAt: row.confirmed_at.toISOString(),
        },
      };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
