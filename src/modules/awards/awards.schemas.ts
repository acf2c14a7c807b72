import { z } from 'zod';
import { boundedDateTime } from '../../lib/dates.js';
import { BudgetCategorySchema, ProjectStatusSchema } from '../projects/vocabulary.js';

export const CriterionSchema = z
  .enum(['reach', 'depth', 'durability', 'indirect'])
  .meta({ id: 'ReviewCriterion' });

/** Scores per criterion; a panel median of an even panel may end in .5. */
export const CriterionValuesSchema = z
  .object({ reach: z.number(), depth: z.number(), durability: z.number(), indirect: z.number() })
  .meta({ id: 'CriterionValues' });

export const AwardReasonSchema = z
  .enum(['IMPACT_BELOW_CUTOFF', 'NO_ELIGIBLE_COST', 'SUPPLY_ZERO'])
  .describe('Why a plan was rejected')
  .meta({ id: 'AwardReason' });

export const MethodologyParametersSchema = z
  .object({
    version: z.string(),
    weightsBasisPoints: z
      .object({ reach: z.int(), depth: z.int(), durability: z.int(), indirect: z.int() })
      .describe('Weights in basis points, summing to 10 000'),
    maxScore: z.int(),
    cutoffBasisPoints: z
      .int()
      .describe('An impact score below this (basis points of 1) is rejected'),
    maxSpread: z.int().describe('Scores further apart than this need a recorded consensus'),
    lineRule: z.string().describe('How the panel’s flags decide a budget line’s eligibility'),
  })
  .meta({ id: 'MethodologyParameters' });

export const AwardLineSchema = z
  .object({
    id: z.uuid(),
    position: z.int(),
    description: z.string(),
    category: BudgetCategorySchema,
    amountCents: z.int(),
    flags: z.int().describe('How many panel members flagged the line as not eligible'),
  })
  .meta({ id: 'AwardBudgetLine' });

export const AwardPanelScoresSchema = z
  .object({
    reviewers: z
      .array(
        z.object({
          assignmentId: z.uuid(),
          reviewerId: z.uuid(),
          scores: CriterionValuesSchema,
          ineligibleBudgetLineIds: z.array(z.uuid()),
        }),
      )
      .describe('The individual scores of the panel members who scored'),
    medians: CriterionValuesSchema,
    consensus: CriterionValuesSchema.nullable(),
    scores: CriterionValuesSchema.describe(
      'The scores the formula used: the consensus if there was one, else the medians',
    ),
  })
  .meta({ id: 'AwardPanelScores' });

export const ConfirmedAwardSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    roundNumber: z.int(),
    methodologyVersion: z.string(),
    parameters: MethodologyParametersSchema,
    creditPriceCents: z.int(),
    scoreSource: z.enum(['median', 'consensus']),
    panelScores: AwardPanelScoresSchema,
    acceptedLines: z.array(AwardLineSchema),
    rejectedLines: z.array(AwardLineSchema),
    eligibleCostCents: z.int().describe('E: the sum of the accepted budget lines'),
    minimumBudgetCents: z.int(),
    impactScore: z.string().describe('S, exact to five decimals').meta({ example: '0.66000' }),
    supply: z.int().describe('N = floor(E × S / price)'),
    threshold: z.int().describe('T = min(N, ceil(minimumBudget / price))'),
    decision: z.enum(['approved', 'rejected']),
    reasons: z.array(AwardReasonSchema),
    publicRationale: z.string(),
    confirmedBy: z.uuid(),
    confirmedAt: z.iso.datetime(),
  })
  .meta({ id: 'ConfirmedAward' });

export type ConfirmedAward = z.infer<typeof ConfirmedAwardSchema>;

export const ConfirmAwardSchema = z
  .object({
    publicRationale: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .describe('The panel’s rationale, published with the project'),
  })
  .meta({ id: 'ConfirmAward' });

export type ConfirmAwardInput = z.infer<typeof ConfirmAwardSchema>;

export const ListProjectSchema = z
  .object({
    fundingDeadline: boundedDateTime()
      .optional()
      .describe(
        'When funding closes; defaults to FUNDING_PERIOD_DAYS after listing. Must lie in the future.',
      ),
  })
  .meta({ id: 'ListProject' });

export type ListProjectInput = z.infer<typeof ListProjectSchema>;

export const ListingResultSchema = z
  .object({
    projectId: z.uuid(),
    status: ProjectStatusSchema,
    supply: z.int(),
    threshold: z.int(),
    listedAt: z.iso.datetime(),
    fundingDeadline: z.iso.datetime(),
    credits: z.object({ supply: z.int(), reserved: z.int(), sold: z.int(), available: z.int() }),
  })
  .meta({ id: 'ListingResult' });

export type ListingResult = z.infer<typeof ListingResultSchema>;
