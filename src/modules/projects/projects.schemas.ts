import { z } from 'zod';
import { boundedDate } from '../../lib/dates.js';
import { EmailSchema } from '../../lib/dutch.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import {
  BudgetCategorySchema,
  OutcomeTypeSchema,
  ProjectStatusSchema,
  TargetGroupSchema,
} from './vocabulary.js';

/** Amounts are integer cents; EUR 1 000 000 000 is far above any plan and well inside a safe integer. */
export const MAX_CENTS = 100_000_000_000;
export const MAX_BUDGET_LINES = 100;
/** The Netherlands has fewer than 400 municipalities. */
export const MAX_MUNICIPALITIES = 400;
export const MAX_PEOPLE = 100_000;

const cents = () =>
  z
    .number()
    .int('must be a whole number of cents')
    .max(MAX_CENTS, `must be at most ${MAX_CENTS} cents`);
const positiveCents = () => cents().positive('must be more than 0 cents');

const DateSchema = boundedDate();

const TitleSchema = z.string().trim().min(3).max(200);
const SummarySchema = z.string().trim().max(1000);
const DescriptionSchema = z.string().trim().max(20_000);

const MunicipalitySchema = z.object({
  cbsCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^GM[0-9]{4}$/, 'must be a CBS municipality code such as GM0599')
    .meta({ example: 'GM0599' }),
  name: z.string().trim().min(1).max(100),
});

const TargetGroupLineSchema = z.object({
  targetGroup: TargetGroupSchema,
  expectedParticipants: z.number().int().min(1).max(MAX_PEOPLE),
});

const ExpectedOutcomeSchema = z.object({
  outcomeType: OutcomeTypeSchema,
  expectedCount: z.number().int().min(1).max(MAX_PEOPLE),
});

const BudgetLineFields = {
  description: z.string().trim().min(1).max(300),
  category: BudgetCategorySchema,
  amountCents: positiveCents(),
};

const NewBudgetLineSchema = z.object(BudgetLineFields);
const EditedBudgetLineSchema = z.object({
  id: z
    .uuid()
    .optional()
    .describe(
      "An existing line's id, to keep it (panel flags refer to line ids); omit for a new line",
    ),
  ...BudgetLineFields,
});

const OtherFundingSchema = z
  .object({
    amountCents: cents().min(0, 'must not be negative'),
    description: z.string().trim().max(1000).nullable().optional(),
  })
  .describe('Funding from elsewhere, declared with its amount');

const ContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: EmailSchema,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[0-9][0-9 ()-]{5,}$/, 'must be a phone number such as +31 10 123 4567')
    .nullable()
    .optional(),
});

/** The fields that cross-field rules look at; present in both the create and the update body. */
interface PlanFieldsInput {
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  totalCostCents?: number | null | undefined;
  minimumBudgetCents?: number | null | undefined;
  municipalities?: { cbsCode: string }[] | undefined;
  targetGroups?: { targetGroup: string }[] | undefined;
  expectedOutcomes?: { outcomeType: string }[] | undefined;
  budgetLines?: { id?: string | undefined; description: string }[] | undefined;
  otherFunding?:
    { amountCents: number; description?: string | null | undefined } | null | undefined;
}

/** Flags the second and later occurrence of a key, naming that element's field. */
function flagDuplicates<T>(
  ctx: z.RefinementCtx,
  list: T[] | undefined,
  field: string,
  key: keyof T & string,
  message: string,
) {
  const seen = new Set<unknown>();
  list?.forEach((item, index) => {
    const value = item[key];
    if (value === undefined) return;
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [field, index, key], message });
    seen.add(value);
  });
}

// zod runs refinements even when a field failed; a rule compares only values that are valid on their own.
const isValidDate = (value: unknown): value is string => DateSchema.safeParse(value).success;
const isValidCents = (value: unknown): value is number => positiveCents().safeParse(value).success;

/** Rules between fields of one body, reported on the field that breaks them. */
function checkPlanFields(plan: PlanFieldsInput, ctx: z.RefinementCtx) {
  if (isValidDate(plan.startDate) && isValidDate(plan.endDate) && plan.endDate < plan.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after startDate' });
  }
  if (
    isValidCents(plan.minimumBudgetCents) &&
    isValidCents(plan.totalCostCents) &&
    plan.minimumBudgetCents > plan.totalCostCents
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['minimumBudgetCents'],
      message: 'must not exceed totalCostCents',
    });
  }
  if (plan.otherFunding && plan.otherFunding.amountCents > 0 && !plan.otherFunding.description) {
    ctx.addIssue({
      code: 'custom',
      path: ['otherFunding', 'description'],
      message: 'is required when other funding is declared',
    });
  }
  flagDuplicates(ctx, plan.municipalities, 'municipalities', 'cbsCode', 'is listed more than once');
  flagDuplicates(ctx, plan.targetGroups, 'targetGroups', 'targetGroup', 'is listed more than once');
  flagDuplicates(
    ctx,
    plan.expectedOutcomes,
    'expectedOutcomes',
    'outcomeType',
    'is listed more than once',
  );
  flagDuplicates(ctx, plan.budgetLines, 'budgetLines', 'id', 'is listed more than once');
}

const optionalLists = {
  municipalities: z
    .array(MunicipalitySchema)
    .max(MAX_MUNICIPALITIES)
    .optional()
    .describe('Municipalities where the project runs, by CBS code'),
  targetGroups: z.array(TargetGroupLineSchema).max(TargetGroupSchema.options.length).optional(),
  expectedOutcomes: z.array(ExpectedOutcomeSchema).max(OutcomeTypeSchema.options.length).optional(),
};

export const CreatePlanSchema = z
  .object({
    title: TitleSchema,
    summary: SummarySchema.optional(),
    description: DescriptionSchema.optional(),
    ...optionalLists,
    startDate: DateSchema.optional(),
    endDate: DateSchema.optional(),
    budgetLines: z.array(NewBudgetLineSchema).max(MAX_BUDGET_LINES).optional(),
    totalCostCents: positiveCents().optional(),
    minimumBudgetCents: positiveCents()
      .optional()
      .describe('The least the project needs to run; at most totalCostCents'),
    otherFunding: OtherFundingSchema.optional(),
    contact: ContactSchema.optional(),
  })
  .superRefine(checkPlanFields)
  .describe(
    'A draft may be incomplete (only the title is required), but what is given must be valid',
  )
  .meta({ id: 'CreatePlan' });

export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;

export const UpdatePlanSchema = z
  .object({
    title: TitleSchema.optional(),
    summary: SummarySchema.optional(),
    description: DescriptionSchema.optional(),
    ...optionalLists,
    startDate: DateSchema.nullable().optional(),
    endDate: DateSchema.nullable().optional(),
    budgetLines: z.array(EditedBudgetLineSchema).max(MAX_BUDGET_LINES).optional(),
    totalCostCents: positiveCents().nullable().optional(),
    minimumBudgetCents: positiveCents().nullable().optional(),
    otherFunding: OtherFundingSchema.nullable().optional().describe('null clears the declaration'),
    contact: ContactSchema.nullable().optional(),
  })
  .superRefine(checkPlanFields)
  .refine(
    (value) => Object.values(value).some((field) => field !== undefined),
    'at least one field must be given',
  )
  .describe(
    'Replaces the given fields; lists are replaced as a whole; null clears an optional field',
  )
  .meta({ id: 'UpdatePlan' });

export type UpdatePlanInput = z.infer<typeof UpdatePlanSchema>;

export const PlanIssueSchema = z
  .object({
    path: z.string().describe('The plan field, e.g. `budgetLines` or `contact.email`'),
    message: z.string(),
  })
  .meta({ id: 'PlanIssue' });

export const PlanReviewRoundStatusSchema = z
  .enum(['open', 'changes_requested', 'decided'])
  .meta({ id: 'PlanReviewRoundStatus' });

export const PlanReviewRoundSchema = z
  .object({
    roundNumber: z.number().int(),
    status: PlanReviewRoundStatusSchema,
    submittedAt: z.iso.datetime(),
    questions: z.string().nullable().describe('What the panel asked when it sent the plan back'),
    returnedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PlanReviewRound' });

export const PlanStatusChangeSchema = z
  .object({
    status: ProjectStatusSchema,
    at: z.iso.datetime().describe('When the plan got this status'),
  })
  .meta({ id: 'PlanStatusChange' });

export const PlanSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    status: ProjectStatusSchema,
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    municipalities: z.array(z.object({ cbsCode: z.string(), name: z.string() })),
    startDate: z.string().nullable().describe('YYYY-MM-DD'),
    endDate: z.string().nullable().describe('YYYY-MM-DD'),
    targetGroups: z.array(
      z.object({ targetGroup: TargetGroupSchema, expectedParticipants: z.number().int() }),
    ),
    expectedOutcomes: z.array(
      z.object({ outcomeType: OutcomeTypeSchema, expectedCount: z.number().int() }),
    ),
    budgetLines: z.array(
      z.object({
        id: z.uuid(),
        description: z.string(),
        category: BudgetCategorySchema,
        amountCents: z.number().int(),
      }),
    ),
    totalCostCents: z.number().int().nullable(),
    minimumBudgetCents: z.number().int().nullable(),
    otherFunding: z.object({ amountCents: z.number().int(), description: z.string().nullable() }),
    contact: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    currency: z.literal('EUR'),
    reviewRound: z
      .number()
      .int()
      .describe('The number of the latest review round; 0 before the first submission'),
    submittedAt: z.iso.datetime().nullable().describe('When the plan was last submitted'),
    completeness: z
      .array(PlanIssueSchema)
      .describe('What still blocks submission; empty when the plan can be submitted'),
    reviewRounds: z.array(PlanReviewRoundSchema).describe('Every review round, oldest first'),
    statusHistory: z
      .array(PlanStatusChangeSchema)
      .describe(
        'Every status the plan has had and when it got it, oldest first, from its audit trail',
      ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Plan' });

export type Plan = z.infer<typeof PlanSchema>;

export const PlanSummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    status: ProjectStatusSchema,
    title: z.string(),
    totalCostCents: z.number().int().nullable(),
    currency: z.literal('EUR'),
    reviewRound: z.number().int(),
    submittedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanSummary' });

export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const ListPlansQuerySchema = PageQuerySchema.extend({
  status: ProjectStatusSchema.optional(),
});

export type ListPlansQuery = z.infer<typeof ListPlansQuerySchema>;

export const PlanPageSchema = pageSchema(PlanSummarySchema).meta({ id: 'PlanPage' });

export const PlanIdParamsSchema = z.object({ id: z.uuid() });
