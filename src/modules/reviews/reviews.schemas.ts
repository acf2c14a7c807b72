import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import {
  AwardReasonSchema,
  ConfirmedAwardSchema,
  CriterionSchema,
  CriterionValuesSchema,
} from '../awards/awards.schemas.js';
import {
  BudgetCategorySchema,
  OutcomeTypeSchema,
  ProjectStatusSchema,
  TargetGroupSchema,
} from '../projects/vocabulary.js';

const RoundStatusSchema = z.enum(['open', 'changes_requested', 'decided']);
const DeclarationSchema = z
  .enum(['none', 'conflict'])
  .describe('`none`: no conflict of interest; `conflict`: recused from this review');

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

// ---- inputs ----

export const AssignPanelSchema = z
  .object({
    reviewerIds: z
      .array(z.uuid())
      .min(1)
      .max(15)
      .refine(distinct, 'must not name a reviewer twice')
      .describe(
        'Platform users with role reviewer; together with those already on the round, at least PANEL_MIN not recused',
      ),
  })
  .meta({ id: 'AssignPanel' });

export type AssignPanelInput = z.infer<typeof AssignPanelSchema>;

export const DeclareInterestSchema = z
  .object({
    declaration: DeclarationSchema,
    note: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('What the conflict is, or anything the admin should know'),
  })
  .meta({ id: 'DeclareInterest' });

export type DeclareInterestInput = z.infer<typeof DeclareInterestSchema>;

const CriterionScoreInputSchema = z.object({
  score: z.int().min(0).max(5),
  rationale: z.string().trim().min(1).max(5000),
});

const IneligibleLinesSchema = z
  .array(z.uuid())
  .max(500)
  .refine(distinct, 'must not name a budget line twice')
  .default([])
  .describe('Ids of budget lines of the submitted plan that are not eligible');

const LineReasonSchema = z
  .object({
    budgetLineId: z.uuid(),
    reason: z.string().trim().min(1).max(1000).describe('Why the line is not eligible'),
  })
  .meta({ id: 'IneligibleLineReason' });

export const SubmitScoresSchema = z
  .object({
    reach: CriterionScoreInputSchema.describe('How many people the project helps'),
    depth: CriterionScoreInputSchema.describe('Intensity of the intervention per person'),
    durability: CriterionScoreInputSchema.describe('How long the effects last'),
    indirect: CriterionScoreInputSchema.describe(
      'Barriers removed: growth, social resources, motivation, self-image',
    ),
    overallComment: z.string().trim().min(1).max(10000),
    ineligibleBudgetLineIds: IneligibleLinesSchema,
    ineligibleReasons: z
      .array(LineReasonSchema)
      .max(500)
      .default([])
      .describe(
        'Why each flagged line is not eligible: at most one reason per line, only for lines in ineligibleBudgetLineIds',
      ),
  })
  .superRefine((input, ctx) => {
    const flagged = new Set(input.ineligibleBudgetLineIds);
    const seen = new Set<string>();
    input.ineligibleReasons.forEach(({ budgetLineId }, index) => {
      if (!flagged.has(budgetLineId))
        ctx.addIssue({
          code: 'custom',
          path: ['ineligibleReasons', index, 'budgetLineId'],
          message: 'must be one of ineligibleBudgetLineIds',
        });
      else if (seen.has(budgetLineId))
        ctx.addIssue({
          code: 'custom',
          path: ['ineligibleReasons', index, 'budgetLineId'],
          message: 'has a reason already',
        });
      seen.add(budgetLineId);
    });
  })
  .meta({ id: 'SubmitReviewScores' });

export type SubmitScoresInput = z.infer<typeof SubmitScoresSchema>;

export const RequestChangesSchema = z
  .object({
    questions: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .describe('What the initiative must answer or change before resubmitting'),
  })
  .meta({ id: 'RequestChanges' });

export type RequestChangesInput = z.infer<typeof RequestChangesSchema>;

const ConsensusScore = z.int().min(0).max(5);

export const RecordConsensusSchema = z
  .object({
    reach: ConsensusScore,
    depth: ConsensusScore,
    durability: ConsensusScore,
    indirect: ConsensusScore,
    rationale: z.string().trim().min(1).max(10000),
    ineligibleBudgetLineIds: IneligibleLinesSchema,
  })
  .meta({ id: 'RecordConsensus' });

export type RecordConsensusInput = z.infer<typeof RecordConsensusSchema>;

export const ReviewQuerySchema = z.object({
  round: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .optional()
    .describe('Review round number; defaults to the latest one the caller may see'),
});

export const AssignmentsQuerySchema = PageQuerySchema;
export type AssignmentsQuery = z.infer<typeof AssignmentsQuerySchema>;

// ---- outputs ----

const CriterionScoreSchema = z.object({ score: z.int(), rationale: z.string() });

export const ReviewScoreSchema = z
  .object({
    reach: CriterionScoreSchema,
    depth: CriterionScoreSchema,
    durability: CriterionScoreSchema,
    indirect: CriterionScoreSchema,
    overallComment: z.string(),
    ineligibleBudgetLineIds: z.array(z.uuid()),
    ineligibleReasons: z
      .array(LineReasonSchema)
      .describe(
        'The reviewer’s reasons for the lines it flagged (scores from before 2026-12 have none)',
      ),
    submittedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReviewScore' });

export type ReviewScore = z.infer<typeof ReviewScoreSchema>;

export const ReviewAssignmentSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    title: z.string().describe('The plan’s title as submitted for this round'),
    initiative: z.object({ id: z.uuid(), name: z.string() }),
    roundNumber: z.int(),
    roundStatus: RoundStatusSchema,
    projectStatus: ProjectStatusSchema,
    assignedAt: z.iso.datetime(),
    declaration: DeclarationSchema.nullable(),
    declaredAt: z.iso.datetime().nullable(),
    scored: z.boolean(),
    scoredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReviewAssignment' });

export type ReviewAssignment = z.infer<typeof ReviewAssignmentSchema>;

export const ReviewAssignmentPageSchema = pageSchema(ReviewAssignmentSchema).meta({
  id: 'ReviewAssignmentPage',
});

export const ScoredAssignmentSchema = z
  .object({ assignment: ReviewAssignmentSchema, score: ReviewScoreSchema })
  .meta({ id: 'ScoredAssignment' });

export const ReviewedPlanSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    municipalities: z.array(z.object({ cbsCode: z.string(), name: z.string() })),
    targetGroups: z.array(
      z.object({ targetGroup: TargetGroupSchema, expectedParticipants: z.int() }),
    ),
    expectedOutcomes: z.array(z.object({ outcomeType: OutcomeTypeSchema, expectedCount: z.int() })),
    budgetLines: z.array(
      z.object({
        id: z.uuid(),
        position: z.int(),
        description: z.string(),
        category: BudgetCategorySchema,
        amountCents: z.int(),
      }),
    ),
    totalCostCents: z.int().nullable(),
    minimumBudgetCents: z.int().nullable(),
    otherFunding: z.object({ amountCents: z.int(), description: z.string().nullable() }),
    contact: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  })
  .describe('The plan exactly as submitted for this round')
  .meta({ id: 'ReviewedPlan' });

export const PanelMemberSchema = z
  .object({
    assignmentId: z.uuid(),
    reviewerId: z.uuid(),
    assignedAt: z.iso.datetime(),
    declaration: DeclarationSchema.nullable(),
    declarationNote: z.string().nullable(),
    declaredAt: z.iso.datetime().nullable(),
    scored: z.boolean(),
    score: ReviewScoreSchema.nullable(),
  })
  .meta({ id: 'ReviewPanelMember' });

export const ConsensusSchema = z
  .object({
    reach: z.int(),
    depth: z.int(),
    durability: z.int(),
    indirect: z.int(),
    rationale: z.string(),
    ineligibleBudgetLineIds: z.array(z.uuid()),
    enteredBy: z.uuid(),
    enteredAt: z.iso.datetime(),
  })
  .meta({ id: 'ReviewConsensus' });

export const PanelEvaluationSchema = z
  .object({
    activeReviewers: z.int().describe('Assigned and not recused'),
    recusedReviewers: z.int(),
    scoredReviewers: z.int(),
    complete: z.boolean().describe('At least PANEL_MIN active reviewers, all of them scored'),
    medians: CriterionValuesSchema.nullable(),
    divergentCriteria: z
      .array(CriterionSchema)
      .describe('Criteria whose scores spread by more than the methodology allows'),
    consensusNeeded: z.boolean(),
    consensusRecorded: z.boolean(),
    scoreSource: z.enum(['median', 'consensus']),
    rejectedBudgetLineIds: z.array(z.uuid()),
    eligibleCostCents: z.int(),
    awardPreview: z
      .object({
        methodologyVersion: z.string(),
        creditPriceCents: z.int(),
        scores: CriterionValuesSchema,
        impactScore: z.string(),
        supply: z.int(),
        threshold: z.int(),
        decision: z.enum(['approved', 'rejected']),
        reasons: z.array(AwardReasonSchema),
      })
      .nullable()
      .describe(
        'The award as it would be confirmed now; null until the panel is complete (and a needed consensus recorded)',
      ),
  })
  .meta({ id: 'PanelEvaluation' });

export const PlanReviewSchema = z
  .object({
    projectId: z.uuid(),
    projectStatus: ProjectStatusSchema,
    initiative: z.object({ id: z.uuid(), name: z.string() }),
    viewer: z
      .enum(['admin', 'reviewer'])
      .describe(
        'Reviewers see their own assignment, and the others’ scores only after submitting their own',
      ),
    rounds: z
      .array(z.object({ number: z.int(), status: RoundStatusSchema }))
      .describe('The rounds the caller may open with ?round='),
    round: z.object({
      id: z.uuid(),
      number: z.int(),
      status: RoundStatusSchema,
      submittedAt: z.iso.datetime(),
      questions: z.string().nullable(),
      returnedAt: z.iso.datetime().nullable(),
    }),
    plan: ReviewedPlanSchema,
    panelMin: z.int(),
    panel: z.array(PanelMemberSchema),
    evaluation: PanelEvaluationSchema.nullable().describe('Admins only'),
    consensus: ConsensusSchema.nullable().describe('Admins only'),
    award: ConfirmedAwardSchema.nullable().describe('Admins only, once confirmed'),
  })
  .meta({ id: 'PlanReview' });

export type PlanReview = z.infer<typeof PlanReviewSchema>;
