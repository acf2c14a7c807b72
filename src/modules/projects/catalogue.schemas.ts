import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import {
  BudgetCategorySchema,
  OutcomeTypeSchema,
  PUBLIC_STATUSES,
  TargetGroupSchema,
} from './vocabulary.js';

// The public catalogue. These response schemas are the whitelist of what the public may
// see of a project: the serializer drops every member not declared here, so nothing
// internal (contact person, reviewers, individual scores, questions) can leak.

export const CATALOGUE_SORTS = ['newest', 'deadline', 'available'] as const;

export const CatalogueSortSchema = z
  .enum(CATALOGUE_SORTS)
  .describe(
    'newest: latest listed first; deadline: soonest funding deadline first; available: most credits still available first (ties by id). Credits sell while a client pages, so under `available` a project can move across a page boundary between requests.',
  )
  .meta({ id: 'CatalogueSort' });

export const CatalogueStatusSchema = z
  .enum(PUBLIC_STATUSES)
  .describe(
    'listed: selling credits; funded: threshold reached; completed: final report accepted; failed: the funding deadline passed below the threshold',
  )
  .meta({ id: 'CatalogueStatus' });

/** PostgreSQL text cannot hold a NUL byte; refuse it here rather than fail in the query. */
// eslint-disable-next-line no-control-regex -- the NUL byte is what this refuses
const NO_NUL = /^[^\u0000]*$/;

export const ListCatalogueQuerySchema = PageQuerySchema.extend({
  municipality: z
    .string()
    .regex(/^GM[0-9]{4}$/, 'must be a CBS municipality code such as GM0599')
    .optional()
    .describe('CBS municipality code, e.g. GM0599 (Rotterdam)'),
  targetGroup: TargetGroupSchema.optional(),
  outcomeType: OutcomeTypeSchema.optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .regex(NO_NUL, 'must not contain NUL characters')
    .optional()
    .describe(
      'Free text, matched case-insensitively within title and summary; % and _ are matched literally',
    ),
  status: CatalogueStatusSchema.optional().describe(
    'Only projects in this status. Default: listed, funded and completed (failed only when asked for)',
  ),
  sort: CatalogueSortSchema.default('newest'),
});

export type ListCatalogueQuery = z.infer<typeof ListCatalogueQuerySchema>;

export const CatalogueIdParamsSchema = z.object({ id: z.uuid() });

export const CatalogueCreditsSchema = z
  .object({
    supply: z.number().int().describe('N: credits issued for the project'),
    sold: z.number().int(),
    reserved: z.number().int().describe('Held by orders awaiting payment'),
    available: z.number().int().describe('supply − sold − reserved'),
    threshold: z.number().int().describe('T: credits that must sell before the project can start'),
  })
  .meta({ id: 'CatalogueCredits' });

const CatalogueInitiativeSchema = z
  .object({ name: z.string(), city: z.string().nullable() })
  .meta({ id: 'CatalogueInitiative', description: 'The social initiative that runs the project' });

const MunicipalitySchema = z.object({ cbsCode: z.string(), name: z.string() });

export const CatalogueMunicipalitiesSchema = z
  .object({
    items: z.array(
      MunicipalitySchema.extend({
        projects: z
          .number()
          .int()
          .describe('Public projects (listed, funded, completed or failed) in the municipality'),
      }),
    ),
    nextCursor: z
      .string()
      .nullable()
      .describe('Always null: the list is whole (one entry per municipality), never paged'),
  })
  .meta({ id: 'CatalogueMunicipalities' });
export type CatalogueMunicipalities = z.infer<typeof CatalogueMunicipalitiesSchema>;
const TargetGroupItemSchema = z.object({
  targetGroup: TargetGroupSchema,
  expectedParticipants: z.number().int(),
});
const ExpectedOutcomeSchema = z.object({
  outcomeType: OutcomeTypeSchema,
  expectedCount: z.number().int(),
});

const ImpactScoreSchema = z
  .string()
  .regex(/^[01]\.[0-9]{5}$/)
  .describe('S, the impact score between 0 and 1, as an exact decimal with five places')
  .meta({ example: '0.68000' });

const catalogueItemFields = {
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  status: CatalogueStatusSchema,
  initiative: CatalogueInitiativeSchema,
  municipalities: z.array(MunicipalitySchema),
  targetGroups: z.array(TargetGroupItemSchema),
  expectedOutcomes: z.array(ExpectedOutcomeSchema),
  credits: CatalogueCreditsSchema,
  creditPriceCents: z.number().int().describe('Price of one credit, in euro cents'),
  impactScore: ImpactScoreSchema,
  listedAt: z.iso.datetime(),
  fundingDeadline: z.iso.datetime(),
};

export const CatalogueProjectSchema = z
  .object(catalogueItemFields)
  .meta({ id: 'CatalogueProject' });
export type CatalogueProject = z.infer<typeof CatalogueProjectSchema>;

export const CatalogueProjectPageSchema = pageSchema(CatalogueProjectSchema).meta({
  id: 'CatalogueProjectPage',
});
export type CatalogueProjectPage = z.infer<typeof CatalogueProjectPageSchema>;

const CriterionScoresSchema = z.object({
  reach: z.number().min(0),
  depth: z.number().min(0),
  durability: z.number().min(0),
  indirect: z.number().min(0),
});

export const CatalogueAwardSchema = z
  .object({
    methodologyVersion: z.string(),
    parameters: z
      .object({
        weightsBasisPoints: z
          .object({
            reach: z.number().int(),
            depth: z.number().int(),
            durability: z.number().int(),
            indirect: z.number().int(),
          })
          .describe('Weight of each criterion in basis points (they sum to 10 000)'),
        maxScore: z.number().int().describe('Scores run from 0 to this'),
        cutoffBasisPoints: z
          .number()
          .int()
          .describe('An impact score below this (in basis points of 1) is rejected'),
        creditPriceCents: z.number().int(),
      })
      .describe('The methodology parameters this award was computed with'),
    panelScores: CriterionScoresSchema.describe(
      'The panel score per criterion: the median of the reviewers’ scores (may end in .5), or the recorded consensus',
    ),
    scoreSource: z.enum(['median', 'consensus']),
    eligibleCostCents: z
      .number()
      .int()
      .describe('E: the sum of the budget lines the panel accepted'),
    minimumBudgetCents: z.number().int(),
    impactScore: ImpactScoreSchema.describe('S = Σ weight × panelScore / maxScore'),
    supply: z.number().int().describe('N = floor(E × S / creditPrice)'),
    threshold: z.number().int().describe('T = min(N, ceil(minimumBudget / creditPrice))'),
    publicRationale: z.string().describe('The panel’s published rationale'),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'CatalogueAward', description: 'Everything needed to recompute the award by hand' });

export const CatalogueProjectDetailSchema = z
  .object({
    ...catalogueItemFields,
    description: z.string(),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
    budgetLines: z.array(
      z.object({
        description: z.string(),
        category: BudgetCategorySchema,
        amountCents: z.number().int(),
        accepted: z.boolean().describe('Whether the panel counted the line as eligible cost'),
      }),
    ),
    totalCostCents: z.number().int().nullable(),
    minimumBudgetCents: z.number().int().nullable(),
    otherFundingCents: z
      .number()
      .int()
      .describe('Funding from other sources, declared by the initiative'),
    failedAt: z.iso
      .datetime()
      .nullable()
      .describe(
        'When the project failed (its funding deadline passed below the threshold); null unless failed',
      ),
    failureReason: z
      .string()
      .nullable()
      .describe('Why the project failed, as the funding module recorded it; null unless failed'),
    award: CatalogueAwardSchema,
  })
  .meta({ id: 'CatalogueProjectDetail' });

export type CatalogueProjectDetail = z.infer<typeof CatalogueProjectDetailSchema>;
