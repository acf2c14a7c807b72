import { z } from 'zod';
import { boundedDate } from '../../lib/dates.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { OutcomeTypeSchema, TargetGroupSchema } from '../projects/vocabulary.js';
import { PublicStorySchema } from '../reports/public-story.js';

/**
 * Outcome reports hold counts only. Every object is strict: a field the API does not
 * know (a name, a date of birth, an address, a BSN...) is refused with 400, never
 * silently dropped, so an initiative learns at once that such data does not belong here.
 */

export const MAX_PEOPLE = 100_000;
const count = () => z.number().int('must be a whole number').min(0).max(MAX_PEOPLE);
const DateSchema = boundedDate();

export const OutcomeReportKindSchema = z
  .enum(['interim', 'final'])
  .meta({ id: 'OutcomeReportKind' });
export const OutcomeReportStatusSchema = z
  .enum(['submitted', 'returned', 'accepted'])
  .meta({ id: 'OutcomeReportStatus' });
export const StoryStatusSchema = z
  .enum(['submitted', 'published', 'rejected'])
  .meta({ id: 'StoryStatus' });

const ParticipantsLineSchema = z.strictObject({
  targetGroup: TargetGroupSchema,
  participants: count().describe(
    'People reached in this target group in the period; each person is counted once, under one group',
  ),
});

const ResultLineSchema = z
  .strictObject({
    outcomeType: OutcomeTypeSchema,
    achieved: count().describe('People who achieved this outcome in the period'),
    banenafspraak: count().describe('Of whom people in the Banenafspraak target group'),
  })
  .refine((line) => line.banenafspraak <= line.achieved, {
    message: 'banenafspraak cannot exceed achieved',
    path: ['banenafspraak'],
  });

const SpendingLineSchema = z.strictObject({
  budgetLineId: z.uuid().describe('A budget line of the project'),
  spentCents: z
    .number()
    .int()
    .min(0)
    .max(100_000_000_000)
    .describe('Spent on this line in the period, in cents'),
});

export const StoryInputSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  text: z
    .string()
    .trim()
    .min(20)
    .max(5000)
    .describe('No names or other details by which a person can be recognised'),
  consent: z.literal(true).describe('The people in the story consented to its publication'),
});

const unique =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', message: `${what} ${k} appears twice`, path: [index] });
      seen.add(k);
    });
  };

export const OutcomeReportInputSchema = z
  .strictObject({
    kind: OutcomeReportKindSchema.describe('A final report, once accepted, completes the project'),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    participants: z
      .array(ParticipantsLineSchema)
      .max(8)
      .superRefine(unique((l) => l.targetGroup, 'target group')),
    outcomes: z
      .array(ResultLineSchema)
      .max(8)
      .superRefine(unique((l) => l.outcomeType, 'outcome type')),
    spending: z
      .array(SpendingLineSchema)
      .max(100)
      .superRefine(unique((l) => l.budgetLineId, 'budget line')),
    narrative: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .describe('What happened in the period, without names or other personal details'),
    stories: z
      .array(StoryInputSchema)
      .max(10)
      .default([])
      .describe('Stories for the story bank, published after an admin accepts them'),
  })
  .refine((input) => input.periodEnd >= input.periodStart, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  });
export type OutcomeReportInput = z.infer<typeof OutcomeReportInputSchema>;

export const ReturnReportSchema = z.strictObject({
  questions: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .describe('What the initiative should answer or correct before resubmitting'),
});
export const RejectStorySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const ProjectIdParamsSchema = z.object({ id: z.uuid() });
export const ReportIdParamsSchema = z.object({ id: z.uuid() });
export const StoryIdParamsSchema = z.object({ id: z.uuid() });

export const StorySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: StoryStatusSchema,
});

export const OutcomeReportSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string(),
    kind: OutcomeReportKindSchema,
    periodStart: z.string(),
    periodEnd: z.string(),
    status: OutcomeReportStatusSchema,
    revision: z.number().int(),
    participants: z.array(
      z.object({ targetGroup: TargetGroupSchema, participants: z.number().int() }),
    ),
    outcomes: z.array(
      z.object({
        outcomeType: OutcomeTypeSchema,
        achieved: z.number().int(),
        banenafspraak: z.number().int(),
      }),
    ),
    spending: z.array(
      z.object({ budgetLineId: z.uuid(), description: z.string(), spentCents: z.number().int() }),
    ),
    narrative: z.string(),
    questions: z.string().nullable().describe('The admin’s questions when the report was returned'),
    stories: z.array(StorySummarySchema),
    submittedAt: z.string(),
    returnedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
  })
  .describe(
    'An outcome report as its initiative wrote it (exact counts: visible to the initiative and platform admins only)',
  )
  .meta({ id: 'OutcomeReport' });
export type OutcomeReport = z.infer<typeof OutcomeReportSchema>;

export const OutcomeReportListSchema = pageSchema(OutcomeReportSchema);

export const ReportQueueQuerySchema = PageQuerySchema.extend({
  status: OutcomeReportStatusSchema.default('submitted'),
});
export const OutcomeReportPageSchema = pageSchema(OutcomeReportSchema);

export const StorySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string(),
    title: z.string(),
    text: z.string(),
    status: StoryStatusSchema,
    submittedAt: z.string(),
    publishedAt: z.string().nullable(),
    personalDataFlags: z
      .array(
        z.object({
          field: z.enum(['title', 'text']),
          kind: z.enum([
            'email',
            'phone',
            'bsn',
            'iban',
            'postcode',
            'street_address',
            'date_of_birth',
            'name_with_age',
            'name_with_place',
          ]),
          severity: z
            .enum(['refuse', 'flag'])
            .describe(
              'refuse: such text is not accepted (a story stored before the screen knew this kind); flag: accepted, for the platform team to judge',
            ),
          masked: z.string().describe('What was found, masked'),
        }),
      )
      .describe(
        'What the personal-data screen finds in the story, shown to the initiative and the platform team before the story is published; empty when it finds nothing',
      ),
  })
  .meta({ id: 'Story' });
export type Story = z.infer<typeof StorySchema>;

export const PublicStoriesQuerySchema = PageQuerySchema.extend({ projectId: z.uuid().optional() });
export const PublicStoryPageSchema = pageSchema(PublicStorySchema);
export const StoryListSchema = pageSchema(StorySchema);
