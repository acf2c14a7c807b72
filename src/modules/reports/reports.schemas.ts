import { z } from 'zod';
import { boundedDate } from '../../lib/dates.js';
import { CONTENT_TYPES } from '../../lib/tabular.js';
import { CertificateStatusSchema } from '../certificates/certificates.schemas.js';
import {
  BudgetCategorySchema,
  OutcomeTypeSchema,
  ProjectStatusSchema,
  TargetGroupSchema,
} from '../projects/vocabulary.js';
import { PublicStorySchema } from './public-story.js';

const DateSchema = boundedDate();

const periodFields = {
  from: DateSchema.optional().describe(
    'First day of the period (Amsterdam calendar); default: from the start',
  ),
  to: DateSchema.optional().describe('Last day of the period, inclusive; default: today'),
};
const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const PERIOD_ORDER = { message: 'from must not be after to', path: ['from'] };

const authorityIdField = z
  .uuid()
  .optional()
  .describe(
    'Platform admins: the authority to report on. Others: their own (another id answers 404)',
  );
const supplierIdField = z
  .uuid()
  .optional()
  .describe(
    'Platform admins: the supplier to report on. Others: their own (another id answers 404)',
  );

/** Files: the language of headers and labels. */
const fileLangField = z
  .enum(['nl', 'en'])
  .optional()
  .describe(
    'Language of headers, labels and notes: Dutch or English; without it Accept-Language decides, else Dutch',
  );
/** CSV files: the standard one or the one Dutch Excel opens by double-click. */
const csvFormatField = z
  .enum(['csv', 'csv-nl'])
  .default('csv')
  .describe(
    'csv: RFC 4180 (comma, decimal point, ISO dates); csv-nl: as Dutch Excel opens it (semicolon, decimal comma, dates as dd-mm-jjjj)',
  );

export const PeriodQuerySchema = z.object(periodFields).refine(periodInOrder, PERIOD_ORDER);
export const PeriodXlsxQuerySchema = z
  .object({ ...periodFields, lang: fileLangField })
  .refine(periodInOrder, PERIOD_ORDER);
export const PeriodCsvQuerySchema = z
  .object({ ...periodFields, lang: fileLangField, format: csvFormatField })
  .refine(periodInOrder, PERIOD_ORDER);

export const AuthorityReportQuerySchema = z
  .object({ ...periodFields, authorityId: authorityIdField })
  .refine(periodInOrder, PERIOD_ORDER);
export type AuthorityReportQuery = z.infer<typeof AuthorityReportQuerySchema>;
export const AuthorityXlsxQuerySchema = z
  .object({ ...periodFields, authorityId: authorityIdField, lang: fileLangField })
  .refine(periodInOrder, PERIOD_ORDER);
export const AuthorityCsvQuerySchema = z
  .object({
    ...periodFields,
    authorityId: authorityIdField,
    lang: fileLangField,
    format: csvFormatField,
  })
  .refine(periodInOrder, PERIOD_ORDER);

export const SupplierReportQuerySchema = z
  .object({ ...periodFields, supplierId: supplierIdField })
  .refine(periodInOrder, PERIOD_ORDER);
export type SupplierReportQuery = z.infer<typeof SupplierReportQuerySchema>;
export const SupplierXlsxQuerySchema = z
  .object({ ...periodFields, supplierId: supplierIdField, lang: fileLangField })
  .refine(periodInOrder, PERIOD_ORDER);
export const SupplierCsvQuerySchema = z
  .object({
    ...periodFields,
    supplierId: supplierIdField,
    lang: fileLangField,
    format: csvFormatField,
  })
  .refine(periodInOrder, PERIOD_ORDER);
export const SupplierPdfQuerySchema = z
  .object({
    ...periodFields,
    supplierId: supplierIdField,
    lang: z
      .enum(['nl', 'en'])
      .default('nl')
      .describe('Language of the document: Dutch (default) or English'),
  })
  .refine(periodInOrder, PERIOD_ORDER);

export const PublishedCountSchema = z
  .object({
    value: z
      .number()
      .int()
      .nullable()
      .describe(
        'Sum of the published counts of the reports in the period: each randomly rounded to a multiple of disclosureControl.base, so the value is one too; null when every contributing count is withheld',
      ),
    suppressed: z.boolean().describe('True when the value is withheld for privacy'),
    complete: z.boolean().describe('False when some withheld counts are left out of the value'),
  })
  .meta({ id: 'PublishedCount' });

export const DisclosureControlSchema = z
  .object({
    method: z
      .literal('random_rounding')
      .describe(
        'Every count of people in an accepted outcome report is rounded at random, once, to a multiple of base (up with probability remainder ÷ base, so the expected value is the true count); figures are sums of those published counts',
      ),
    base: z.number().int().describe('The rounding base: the disclosure threshold'),
    protectionWidth: z
      .number()
      .int()
      .describe(
        'Every count below the threshold keeps a range of possible values at least this wide for a reader who knows the method and every published figure',
      ),
  })
  .meta({ id: 'DisclosureControl' });
export type PublishedCount = z.infer<typeof PublishedCountSchema>;

export const AttributedCountSchema = z
  .object({
    value: z
      .number()
      .nullable()
      .describe('Attributed people, rounded to one decimal; null when suppressed'),
    exact: z.string().nullable().describe('The exact attributed value as a fraction ("77/10")'),
    suppressed: z.boolean(),
    complete: z.boolean(),
  })
  .meta({ id: 'AttributedCount' });
export type AttributedCount = z.infer<typeof AttributedCountSchema>;

export const ShareSchema = z
  .object({
    credits: z.number().int().describe('Credits that count toward the share'),
    soldCredits: z.number().int().describe('The project’s sold credits'),
    exact: z.string().describe('credits ÷ soldCredits as a fraction'),
    percent: z.number().describe('Rounded to two decimals, for display'),
  })
  .meta({ id: 'AttributionShare' });
export type Share = z.infer<typeof ShareSchema>;

const OutcomeLineSchema = z.object({
  outcomeType: OutcomeTypeSchema,
  expected: z.number().int().nullable(),
  realised: PublishedCountSchema,
  attributed: AttributedCountSchema,
});
const ParticipantLineSchema = z.object({
  targetGroup: TargetGroupSchema,
  expected: z.number().int().nullable(),
  realised: PublishedCountSchema,
  attributed: AttributedCountSchema,
});
const BanenafspraakLineSchema = z.object({
  outcomeType: OutcomeTypeSchema,
  realised: PublishedCountSchema,
  attributed: AttributedCountSchema,
});
const TotalLineSchema = z.object({
  realised: PublishedCountSchema,
  attributed: AttributedCountSchema,
});
const TotalsSchema = z.object({
  participants: TotalLineSchema,
  outcomes: TotalLineSchema,
  banenafspraak: TotalLineSchema,
});

const AttributedOutcomesSchema = z
  .object({
    outcomes: z.array(
      z.object({
        outcomeType: OutcomeTypeSchema,
        expected: z.number().nullable().describe('Attributed share of the expected count'),
        attributed: AttributedCountSchema,
      }),
    ),
    participants: z.array(
      z.object({ targetGroup: TargetGroupSchema, attributed: AttributedCountSchema }),
    ),
    banenafspraak: z.array(
      z.object({ outcomeType: OutcomeTypeSchema, attributed: AttributedCountSchema }),
    ),
    totals: z.object({
      participants: AttributedCountSchema,
      outcomes: AttributedCountSchema,
      banenafspraak: AttributedCountSchema,
    }),
  })
  .meta({ id: 'AttributedOutcomes' });

export const ProjectOutcomesFields = {
  projectId: z.uuid(),
  title: z.string(),
  status: ProjectStatusSchema,
  share: ShareSchema,
  outcomes: z.array(OutcomeLineSchema),
  participants: z.array(ParticipantLineSchema),
  banenafspraak: z
    .array(BanenafspraakLineSchema)
    .describe('Outcomes achieved by people in the Banenafspraak target group'),
  totals: TotalsSchema,
};

const ReportHeaderFields = {
  period: z.object({ from: z.string().nullable(), to: z.string() }),
  generatedAt: z.string(),
  dataAsOf: z
    .string()
    .nullable()
    .describe(
      'When the summaries were last refreshed (sales and claims); outcome counts are current',
    ),
  disclosureThreshold: z.number().int(),
  disclosureControl: DisclosureControlSchema,
  methodology: z.string(),
};

export const AuthorityReportSchema = z
  .object({
    kind: z.literal('authority'),
    authority: z.object({ id: z.uuid(), name: z.string() }),
    ...ReportHeaderFields,
    srValue: z.object({
      valueCents: z.number().int().describe('SR value of the claims approved in the period'),
      credits: z.number().int(),
      claims: z.number().int(),
      contracts: z.array(
        z.object({
          contractId: z.uuid(),
          reference: z.string(),
          title: z.string(),
          supplierId: z.uuid(),
          supplierName: z.string(),
          credits: z.number().int(),
          valueCents: z.number().int(),
          claims: z.number().int(),
        }),
      ),
    }),
    attributed: AttributedOutcomesSchema,
    projects: z.array(
      z.object({
        ...ProjectOutcomesFields,
        srValueCents: z.number().int().describe('SR value approved in the period on this project'),
      }),
    ),
  })
  .meta({ id: 'AuthorityReport' });
export type AuthorityReport = z.infer<typeof AuthorityReportSchema>;

export const SupplierReportSchema = z
  .object({
    kind: z.literal('supplier'),
    supplier: z.object({ id: z.uuid(), name: z.string() }),
    ...ReportHeaderFields,
    certificates: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        projectId: z.uuid(),
        projectTitle: z.string(),
        credits: z.number().int(),
        valueCents: z.number().int(),
        status: CertificateStatusSchema,
        issuedAt: z.string(),
      }),
    ),
    attributed: AttributedOutcomesSchema,
    projects: z.array(
      z.object({
        ...ProjectOutcomesFields,
        amountCents: z
          .number()
          .int()
          .describe('What the supplier paid for its credits in this project'),
        budgetLines: z.array(
          z.object({
            budgetLineId: z.uuid(),
            description: z.string(),
            category: BudgetCategorySchema,
            plannedCents: z.number().int(),
            plannedShareCents: z
              .number()
              .int()
              .describe(
                'The supplier’s payment spread over the planned budget pro rata (rounded to cents)',
              ),
            spentCents: z
              .number()
              .int()
              .describe('Spent on the line in the period, per accepted reports'),
            attributedSpentCents: z.number().int().describe('share × spent, rounded to cents'),
          }),
        ),
        stories: z.array(PublicStorySchema),
      }),
    ),
  })
  .meta({ id: 'SupplierReport' });
export type SupplierReport = z.infer<typeof SupplierReportSchema>;

export const PublicStatsSchema = z
  .object({
    kind: z.literal('public'),
    ...ReportHeaderFields,
    creditsSold: z.number().int(),
    amountCents: z.number().int().describe('Paid for credits sold (not refunded), in cents'),
    projects: z.object({
      listed: z.number().int(),
      funded: z.number().int(),
      completed: z.number().int(),
    }),
    outcomes: z.array(z.object({ outcomeType: OutcomeTypeSchema, realised: PublishedCountSchema })),
    participants: z.array(
      z.object({ targetGroup: TargetGroupSchema, realised: PublishedCountSchema }),
    ),
    banenafspraak: z.array(
      z.object({ outcomeType: OutcomeTypeSchema, realised: PublishedCountSchema }),
    ),
    totals: z.object({
      participants: PublishedCountSchema,
      outcomes: PublishedCountSchema,
      banenafspraak: PublishedCountSchema,
    }),
  })
  .meta({ id: 'PublicStats' });
export type PublicStats = z.infer<typeof PublicStatsSchema>;

export const ProjectOutcomesQuerySchema = PeriodQuerySchema;

const ExpectedSchema = z
  .number()
  .int()
  .nullable()
  .describe('What the plan expected (null when the plan names no figure for it)');

export const PublicProjectOutcomesSchema = z
  .object({
    kind: z.literal('project'),
    projectId: z.uuid(),
    ...ReportHeaderFields,
    reports: z
      .number()
      .int()
      .describe('Accepted outcome reports of the project whose period ends in the period'),
    outcomes: z.array(
      z.object({
        outcomeType: OutcomeTypeSchema,
        expected: ExpectedSchema,
        realised: PublishedCountSchema,
      }),
    ),
    participants: z.array(
      z.object({
        targetGroup: TargetGroupSchema,
        expected: ExpectedSchema,
        realised: PublishedCountSchema,
      }),
    ),
    banenafspraak: z.array(
      z.object({ outcomeType: OutcomeTypeSchema, realised: PublishedCountSchema }),
    ),
    totals: z.object({
      participants: PublishedCountSchema,
      outcomes: PublishedCountSchema,
      banenafspraak: PublishedCountSchema,
    }),
  })
  .meta({ id: 'PublicProjectOutcomes' });
export type PublicProjectOutcomes = z.infer<typeof PublicProjectOutcomesSchema>;

export const CsvResponseSchema = {
  description: 'The report as CSV (UTF-8 with BOM)',
  content: { [CONTENT_TYPES.csv]: { schema: z.string() } },
} as const;
export const PdfResponseSchema = {
  description: 'The report as PDF (A4, tagged)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
} as const;
export const XlsxResponseSchema = {
  description: 'The report as an Excel workbook',
  content: {
    [CONTENT_TYPES.xlsx]: {
      schema: z.string().meta({ format: 'binary' }),
    },
  },
} as const;
