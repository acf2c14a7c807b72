import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  BudgetCategory,
  Criterion,
  DB,
  OrganisationRow,
  OutcomeType,
  ProjectStatus,
  TargetGroup,
} from '../../src/db/types.js';
import { computeAward } from '../../src/modules/awards/award-formula.js';
import { methodology } from '../../src/lib/award-methodology.js';
import { createOrganisation, createUser, type FixtureUser } from '../helpers/fixtures.js';

/**
 * Projects inserted straight into the database at any stage, complete with the review
 * round, the panel's individual scores, the award and the credit ledger, so the public
 * catalogue can be tested (and benchmarked) without the plan and review APIs. In a test,
 * `t.insertProject(spec)`; on a bare database (no TestContext), `catalogueProjects(db)`.
 */

/** The people behind inserted projects: their names and ids must never reach the public. */
export interface CataloguePeople {
  platform: OrganisationRow;
  admin: FixtureUser;
  secondAdmin: FixtureUser;
  reviewers: FixtureUser[];
  initiative: OrganisationRow;
  member: FixtureUser;
}

/** Words that only internal rows hold: none may ever appear in a public response. */
export const SECRETS = {
  contactName: 'Contact Geheimnaam',
  contactEmail: 'contact.geheim@initiative.example',
  contactPhone: '+31 6 9999 0000',
  reviewerRationale: 'REVIEWER-PRIVATE-RATIONALE',
  reviewerComment: 'REVIEWER-PRIVATE-COMMENT',
  consensusRationale: 'CONSENSUS-PRIVATE-RATIONALE',
  questions: 'PANEL-INTERNAL-QUESTION',
  declarationNote: 'DECLARATION-PRIVATE-NOTE',
  reviewerName: 'Reviewer Geheimnaam',
  organisationStreet: 'Geheimstraat 13',
  organisationEmail: 'info.geheim@initiative.example',
};

/**
 * The people behind the catalogue's projects, inserted: an initiative (Stichting
 * WerkKracht, with a secret address), its member, four reviewers with a secret name and
 * two admins, in the given platform organisation or a new one.
 */
async function insertCataloguePeople(
  db: Kysely<DB>,
  platform?: OrganisationRow,
): Promise<CataloguePeople> {
  platform ??= await createOrganisation(db, 'platform', { kvkNumber: null });
  const initiative = await createOrganisation(db, 'initiative', { name: 'Stichting WerkKracht' });
  await db
    .updateTable('organisations')
    .set({
      address_street: SECRETS.organisationStreet,
      address_postal_code: '3011 AA',
      address_city: 'Rotterdam',
      contact_email: SECRETS.organisationEmail,
    })
    .where('id', '=', initiative.id)
    .execute();
  const reviewers = [
    await createUser(db, platform, 'reviewer'),
    await createUser(db, platform, 'reviewer'),
    await createUser(db, platform, 'reviewer'),
    await createUser(db, platform, 'reviewer'),
  ];
  await db
    .updateTable('users')
    .set({ name: SECRETS.reviewerName })
    .where(
      'id',
      'in',
      reviewers.map((r) => r.id),
    )
    .execute();
  return {
    platform,
    admin: await createUser(db, platform, 'admin'),
    secondAdmin: await createUser(db, platform, 'admin'),
    reviewers,
    initiative: (await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()) as OrganisationRow,
    member: await createUser(db, initiative, 'member'),
  };
}

/** Inserts catalogue projects into a database, made by one set of people (see insertProject). */
export interface CatalogueProjects {
  people: CataloguePeople;
  insert(spec?: ProjectSpec): Promise<InsertedProject>;
}

/**
 * Catalogue projects on a bare database, for what runs without a TestContext (a test that
 * builds its own app on the database, bench/web.ts). TestContext.insertProject uses it.
 */
export async function catalogueProjects(
  db: Kysely<DB>,
  options: { platform?: OrganisationRow } = {},
): Promise<CatalogueProjects> {
  const people = await insertCataloguePeople(db, options.platform);
  return { people, insert: (spec = {}) => insertProject(db, people, spec) };
}

export type Scores = Record<Criterion, number>;

export interface ProjectSpec {
  status?: ProjectStatus;
  title?: string;
  summary?: string;
  /** Exact timestamps as text are kept to the microsecond; Dates to the millisecond. */
  listedAt?: Date | string;
  fundingDeadline?: Date | string;
  municipalities?: { cbsCode: string; name: string }[];
  targetGroups?: { targetGroup: TargetGroup; expectedParticipants: number }[];
  expectedOutcomes?: { outcomeType: OutcomeType; expectedCount: number }[];
  budgetLines?: {
    description: string;
    category: BudgetCategory;
    amountCents: number;
    accepted?: boolean;
  }[];
  minimumBudgetCents?: number;
  otherFundingCents?: number;
  creditPriceCents?: number;
  /** The reviewers' own scores (three or four); the panel score is their median, or the consensus. */
  reviewerScores?: Scores[];
  consensus?: Scores;
  sold?: number;
  reserved?: number;
}

export interface InsertedProject {
  id: string;
  title: string;
  status: ProjectStatus;
  listedAtText: string | null;
  fundingDeadlineText: string | null;
  supply: number;
  threshold: number;
  sold: number;
  reserved: number;
  eligibleCostCents: number;
  creditPriceCents: number;
  panelScores: Scores;
  impactScore: string;
  roundId: string | null;
  municipalities: { cbsCode: string; name: string }[];
  targetGroups: { targetGroup: TargetGroup; expectedParticipants: number }[];
  expectedOutcomes: { outcomeType: OutcomeType; expectedCount: number }[];
}

const PUBLIC: readonly ProjectStatus[] = ['listed', 'funded', 'completed', 'failed'];
const AWARDED: readonly ProjectStatus[] = ['approved', ...PUBLIC];
const REVIEWED: readonly ProjectStatus[] = ['approved', 'rejected', ...PUBLIC];
const CRITERIA: readonly Criterion[] = ['reach', 'depth', 'durability', 'indirect'];

const DEFAULT_SCORES: Scores[] = [
  { reach: 4, depth: 3, durability: 3, indirect: 2 },
  { reach: 4, depth: 4, durability: 2, indirect: 3 },
  { reach: 3, depth: 4, durability: 3, indirect: 3 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function toIso(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString();
}

async function insertProject(
  db: Kysely<DB>,
  world: CataloguePeople,
  spec: ProjectSpec,
): Promise<InsertedProject> {
  const status = spec.status ?? 'listed';
  const price = spec.creditPriceCents ?? 3800;
  const lines = spec.budgetLines ?? [
    { description: 'Rijlessen', category: 'training', amountCents: 6_000_000 },
    { description: 'Jobcoach', category: 'coaching', amountCents: 3_000_000 },
    { description: 'Lesmateriaal', category: 'materials', amountCents: 1_000_000, accepted: false },
  ];
  const totalCost = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const minimumBudget = spec.minimumBudgetCents ?? Math.min(totalCost, 4_000_000);
  const municipalities = spec.municipalities ?? [{ cbsCode: 'GM0599', name: 'Rotterdam' }];
  const targetGroups = spec.targetGroups ?? [
    { targetGroup: 'participatiewet', expectedParticipants: 20 },
  ];
  const expectedOutcomes = spec.expectedOutcomes ?? [
    { outcomeType: 'driving_licence', expectedCount: 18 },
  ];
  const reviewerScores = spec.reviewerScores ?? DEFAULT_SCORES;
  const medians = Object.fromEntries(
    CRITERIA.map((c) => [c, median(reviewerScores.map((s) => s[c]))]),
  ) as Scores;
  const panelScores = spec.consensus ?? medians;
  const eligibleCost = lines
    .filter((line) => line.accepted !== false)
    .reduce((sum, line) => sum + line.amountCents, 0);
  const parameters = methodology('v1');
  const award = computeAward({
    parameters,
    doubledScores: Object.fromEntries(CRITERIA.map((c) => [c, panelScores[c] * 2])) as Scores,
    eligibleCostCents: eligibleCost,
    minimumBudgetCents: minimumBudget,
    creditPriceCents: price,
  });
  if (AWARDED.includes(status) && award.decision !== 'approved')
    throw new Error(`fixture award is ${award.decision}: ${award.reasons.join()}`);

  const listedAt = PUBLIC.includes(status)
    ? (spec.listedAt ?? new Date('2026-10-01T10:00:00.000Z'))
    : null;
  const deadline = PUBLIC.includes(status)
    ? (spec.fundingDeadline ?? new Date('2027-01-01T10:00:00.000Z'))
    : null;
  const title = spec.title ?? `Project ${randomUUID().slice(0, 8)}`;

  return db.transaction().execute(async (trx) => {
    const project = await trx
      .insertInto('projects')
      .values({
        initiative_id: world.initiative.id,
        status,
        title,
        summary:
          spec.summary ?? 'Werkzoekenden halen hun rijbewijs en vinden werk in logistiek en zorg.',
        description: 'Een traject van twaalf maanden met theorie, rijlessen en jobcoaching.',
        start_date: '2027-01-01',
        end_date: '2027-12-31',
        total_cost_cents: totalCost,
        minimum_budget_cents: minimumBudget,
        other_funding_cents: spec.otherFundingCents ?? 250_000,
        other_funding_description: 'Gemeentelijke cofinanciering',
        contact_name: SECRETS.contactName,
        contact_email: SECRETS.contactEmail,
        contact_phone: SECRETS.contactPhone,
        review_round: status === 'draft' ? 0 : 1,
        supply: AWARDED.includes(status) ? award.supply : null,
        threshold: AWARDED.includes(status) ? award.threshold : null,
        public_rationale: AWARDED.includes(status)
          ? 'Sterk plan met duidelijke uitstroom naar werk.'
          : null,
        // A failed project says when and why (migration 20261122070000 requires both).
        ...(status === 'failed'
          ? {
              failed_at: new Date(deadline!),
              failure_reason: 'the project did not reach its threshold by its funding deadline',
            }
          : {}),
        // Text is sent as-is, so a timestamp keeps its microseconds.
        listed_at: listedAt === null ? null : (toIso(listedAt) as unknown as Date),
        funding_deadline: deadline === null ? null : (toIso(deadline) as unknown as Date),
        created_by: world.member.id,
        submitted_at: status === 'draft' ? null : new Date('2026-09-01T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const projectId = project.id;

    await trx
      .insertInto('project_municipalities')
      .values(
        municipalities.map((m) => ({ project_id: projectId, cbs_code: m.cbsCode, name: m.name })),
      )
      .execute();
    await trx
      .insertInto('project_target_groups')
      .values(
        targetGroups.map((g) => ({
          project_id: projectId,
          target_group: g.targetGroup,
          expected_participants: g.expectedParticipants,
        })),
      )
      .execute();
    await trx
      .insertInto('project_outcomes')
      .values(
        expectedOutcomes.map((o) => ({
          project_id: projectId,
          outcome_type: o.outcomeType,
          expected_count: o.expectedCount,
        })),
      )
      .execute();
    const lineRows = await trx
      .insertInto('project_budget_lines')
      .values(
        lines.map((line, position) => ({
          project_id: projectId,
          position,
          description: line.description,
          category: line.category,
          amount_cents: line.amountCents,
        })),
      )
      .returning(['id', 'position', 'description', 'category', 'amount_cents'])
      .execute();
    lineRows.sort((a, b) => a.position - b.position);
    const accepted = lineRows.filter((_, index) => lines[index]!.accepted !== false);
    const rejected = lineRows.filter((_, index) => lines[index]!.accepted === false);

    let roundId: string | null = null;
    if (status !== 'draft') {
      const round = await trx
        .insertInto('review_rounds')
        .values({
          project_id: projectId,
          round_number: 1,
          status: REVIEWED.includes(status) ? 'decided' : 'open',
          plan_snapshot: JSON.stringify({ snapshotVersion: 1, title }),
          submitted_by: world.member.id,
          submitted_at: new Date('2026-09-01T10:00:00Z'),
          questions: SECRETS.questions,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      roundId = round.id;
    }

    if (roundId !== null && REVIEWED.includes(status)) {
      const panel: {
        assignmentId: string;
        reviewerId: string;
        scores: Scores;
        ineligibleBudgetLineIds: string[];
      }[] = [];
      for (const [index, reviewer] of world.reviewers.slice(0, reviewerScores.length).entries()) {
        const assignment = await trx
          .insertInto('panel_assignments')
          .values({
            round_id: roundId,
            reviewer_id: reviewer.id,
            assigned_by: world.admin.id,
            assigned_at: new Date('2026-09-02T10:00:00Z'),
            declaration: 'none',
            declaration_note: SECRETS.declarationNote,
            declared_at: new Date('2026-09-02T11:00:00Z'),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const scores = reviewerScores[index]!;
        await trx
          .insertInto('review_scores')
          .values({
            assignment_id: assignment.id,
            round_id: roundId,
            ...scores,
            reach_rationale: `${SECRETS.reviewerRationale} reach ${reviewer.id}`,
            depth_rationale: `${SECRETS.reviewerRationale} depth`,
            durability_rationale: `${SECRETS.reviewerRationale} durability`,
            indirect_rationale: `${SECRETS.reviewerRationale} indirect`,
            overall_comment: SECRETS.reviewerComment,
            ineligible_line_ids: JSON.stringify(rejected.map((line) => line.id)),
            submitted_at: new Date('2026-09-03T10:00:00Z'),
          })
          .execute();
        panel.push({
          assignmentId: assignment.id,
          reviewerId: reviewer.id,
          scores,
          ineligibleBudgetLineIds: rejected.map((line) => line.id),
        });
      }
      if (spec.consensus) {
        await trx
          .insertInto('review_consensus')
          .values({
            round_id: roundId,
            ...spec.consensus,
            rationale: SECRETS.consensusRationale,
            ineligible_line_ids: JSON.stringify(rejected.map((line) => line.id)),
            entered_by: world.secondAdmin.id,
            entered_at: new Date('2026-09-04T10:00:00Z'),
          })
          .execute();
      }
      // The shapes the review module stores (awards.service.ts): the whole panel for the
      // audit trail, with `scores` as the panel-level result the award used.
      const asLine = (line: (typeof lineRows)[number], flags: number) => ({
        id: line.id,
        position: line.position,
        description: line.description,
        category: line.category,
        amountCents: line.amount_cents,
        flags,
      });
      const stored = {
        reviewers: panel,
        medians,
        consensus: spec.consensus ?? null,
        scores: panelScores,
      };
      await trx
        .insertInto('awards')
        .values({
          project_id: projectId,
          round_id: roundId,
          methodology_version: 'v1',
          parameters: JSON.stringify(parameters),
          panel_scores: JSON.stringify(stored),
          score_source: spec.consensus ? 'consensus' : 'median',
          accepted_lines: JSON.stringify(accepted.map((line) => asLine(line, 0))),
          rejected_lines: JSON.stringify(rejected.map((line) => asLine(line, panel.length))),
          impact_score: award.impactScore,
          eligible_cost_cents: eligibleCost,
          minimum_budget_cents: minimumBudget,
          credit_price_cents: price,
          supply: status === 'rejected' ? 0 : award.supply,
          threshold: status === 'rejected' ? 0 : award.threshold,
          decision: status === 'rejected' ? 'rejected' : 'approved',
          public_rationale: 'Sterk plan met duidelijke uitstroom naar werk.',
          confirmed_by: world.admin.id,
          confirmed_at: new Date('2026-09-05T10:00:00Z'),
        })
        .execute();
    }

    const sold = spec.sold ?? 0;
    const reserved = spec.reserved ?? 0;
    if (PUBLIC.includes(status)) {
      const entries: { type: 'issue' | 'reserve' | 'sell'; quantity: number }[] = [
        { type: 'issue', quantity: award.supply },
        { type: 'reserve', quantity: sold + reserved },
        { type: 'sell', quantity: sold },
      ];
      for (const entry of entries.filter((e) => e.quantity > 0)) {
        await trx
          .insertInto('credit_ledger')
          .values({
            project_id: projectId,
            entry_type: entry.type,
            quantity: entry.quantity,
            reference_type: 'test',
            reference_id: randomUUID(),
            actor_user_id: world.admin.id,
          })
          .execute();
      }
    } else if (sold + reserved > 0) {
      throw new Error('only a listed project has credits to sell');
    }

    return {
      id: projectId,
      title,
      status,
      listedAtText: listedAt === null ? null : toIso(listedAt),
      fundingDeadlineText: deadline === null ? null : toIso(deadline),
      supply: award.supply,
      threshold: award.threshold,
      sold,
      reserved,
      eligibleCostCents: eligibleCost,
      creditPriceCents: price,
      panelScores,
      impactScore: award.impactScore,
      roundId,
      municipalities,
      targetGroups,
      expectedOutcomes,
    };
  });
}
