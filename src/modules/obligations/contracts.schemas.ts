import { z } from 'zod';
import { boundedDate } from '../../lib/dates.js';
import { EmailSchema, KvkNumberSchema } from '../../lib/dutch.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { BASIS_POINTS, DEFAULT_PERCENTAGE_BP } from './obligation-math.js';

const DateSchema = boundedDate();
const CentsSchema = z.number().int().positive().max(1_000_000_000_000_000);
const PercentageBpSchema = z
  .number()
  .int()
  .min(1)
  .max(BASIS_POINTS)
  .describe('Basis points of the basis: 500 = 5% (the usual), 200 = 2% (labour-extensive work)');

export const ObligationInputSchema = z
  .discriminatedUnion('basis', [
    z.strictObject({
      basis: z.literal('contract_value'),
      percentageBp: PercentageBpSchema.default(DEFAULT_PERCENTAGE_BP),
    }),
    z.strictObject({
      basis: z.literal('wage_sum'),
      percentageBp: PercentageBpSchema.default(DEFAULT_PERCENTAGE_BP),
      wageSumCents: CentsSchema,
    }),
    z.strictObject({ basis: z.literal('fixed'), fixedAmountCents: CentsSchema }),
  ])
  .describe(
    'The social-return obligation: a percentage of the contract value or of the wage sum, or a fixed amount',
  );

export const ValuationSchema = z
  .strictObject({
    acceptsCredits: z
      .boolean()
      .default(true)
      .describe('Whether credits may count toward this obligation at all'),
    creditFactorBp: z
      .number()
      .int()
      .min(1)
      .max(BASIS_POINTS)
      .default(BASIS_POINTS)
      .describe(
        "The share of a credit's euro value that counts (bouwblokkenmethode), in basis points; 10000 = 100%",
      ),
    creditShareCapBp: z
      .number()
      .int()
      .min(0)
      .max(BASIS_POINTS)
      .default(BASIS_POINTS)
      .describe('The largest share of the obligation that credits may fill, in basis points'),
  })
  .describe('What credits count for (the authority’s building blocks)');

/** A TenderNed publication number ("kenmerk"): digits, as TenderNed numbers its announcements. */
const TENDERNED_REFERENCE = /^[0-9]{4,9}$/;
const TENDERNED_HOSTS = new Set(['tenderned.nl', 'www.tenderned.nl']);

export const TenderNedSchema = z
  .strictObject({
    reference: z
      .string()
      .trim()
      .regex(TENDERNED_REFERENCE, 'must be a TenderNed publication number (kenmerk), e.g. 412345')
      .describe('The TenderNed publication number (kenmerk): 4 to 9 digits'),
    url: z
      .string()
      .trim()
      .max(500)
      .describe(
        'The publication on TenderNed: an https link on tenderned.nl whose path names the publication number, e.g. https://www.tenderned.nl/aankondigingen/overzicht/412345',
      ),
  })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value.url);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be a link (https://…)' });
      return;
    }
    if (url.protocol !== 'https:' || !TENDERNED_HOSTS.has(url.hostname) || url.port !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'must be an https link on tenderned.nl',
      });
      return;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must not carry a user name' });
      return;
    }
    if (!url.pathname.split('/').includes(value.reference)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'must be the link to this publication: its path names the publication number',
      });
    }
  })
  .transform((value) => ({ reference: value.reference, url: new URL(value.url).href }))
  .describe('The TenderNed publication the contract came from');

export type TenderNedInput = z.infer<typeof TenderNedSchema>;

export const CreateContractSchema = z
  .strictObject({
    supplier: z
      .strictObject({
        kvkNumber: KvkNumberSchema,
        name: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .optional()
          .describe('Required when no supplier with this KvK number is registered yet'),
        contactEmail: EmailSchema.optional().describe(
          'Required when the supplier is not registered yet: its invitation goes there',
        ),
      })
      .describe(
        'The supplier, by KvK number. One that is not registered yet is created as a pending supplier and invited.',
      ),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('The contract reference, unique within the authority'),
    title: z.string().trim().min(3).max(200),
    valueCents: CentsSchema.describe('Contract value, excluding VAT, in euro cents'),
    startsOn: DateSchema,
    endsOn: DateSchema,
    obligation: ObligationInputSchema,
    valuation: ValuationSchema.optional(),
    tenderNed: TenderNedSchema.nullable()
      .optional()
      .describe('The TenderNed publication the contract came from; none for one never published'),
  })
  .refine((value) => value.endsOn >= value.startsOn, {
    path: ['endsOn'],
    message: 'must be on or after startsOn',
  })
  .meta({ id: 'CreateContract' });

export type CreateContractInput = z.infer<typeof CreateContractSchema>;

export const UpdateContractSchema = z
  .strictObject({
    reference: z.string().trim().min(1).max(100).optional(),
    title: z.string().trim().min(3).max(200).optional(),
    valueCents: CentsSchema.optional(),
    startsOn: DateSchema.optional(),
    endsOn: DateSchema.optional(),
    obligation: ObligationInputSchema.optional(),
    valuation: ValuationSchema.partial().optional(),
    tenderNed: TenderNedSchema.nullable().optional().describe('null removes it'),
  })
  .refine((value) => Object.keys(value).length > 0, 'at least one field must be given')
  .meta({ id: 'UpdateContract' });

export type UpdateContractInput = z.infer<typeof UpdateContractSchema>;

export const SupplierLookupQuerySchema = z.object({ kvkNumber: KvkNumberSchema });

export const SupplierLookupSchema = z
  .object({ name: z.string(), kvkNumber: z.string() })
  .describe('A registered supplier: its name and KvK number, nothing more')
  .meta({ id: 'SupplierLookup' });

export const ContractIdParamsSchema = z.object({ id: z.uuid() });

export const ObligationProgressSchema = z
  .object({
    requiredCents: z.number().int().describe('The obligation'),
    approvedCents: z.number().int().describe('What approved claims count'),
    pendingCents: z.number().int().describe('What claims awaiting the coordinator would count'),
    remainingCents: z.number().int().describe('Required minus approved, never below 0'),
    creditCapCents: z
      .number()
      .int()
      .describe('The most credits may fill (the valuation’s share cap)'),
    filledShareBp: z
      .number()
      .int()
      .describe('Approved as a share of the obligation, in basis points'),
    overdue: z.boolean().describe('The contract has ended and the obligation is not yet filled'),
  })
  .meta({ id: 'ObligationProgress' });

const PartySchema = z.object({ id: z.uuid(), name: z.string(), kvkNumber: z.string().nullable() });

export const ContractSchema = z
  .object({
    id: z.uuid(),
    authority: PartySchema,
    supplier: PartySchema.extend({ status: z.enum(['active', 'disabled', 'pending']) }),
    reference: z.string(),
    title: z.string(),
    valueCents: z.number().int(),
    currency: z.literal('EUR'),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['open', 'closed']),
    obligation: z.object({
      basis: z.enum(['contract_value', 'wage_sum', 'fixed']),
      percentageBp: z.number().int().nullable(),
      wageSumCents: z.number().int().nullable(),
      obligationCents: z.number().int(),
    }),
    valuation: z.object({
      acceptsCredits: z.boolean(),
      creditFactorBp: z.number().int(),
      creditShareCapBp: z.number().int(),
    }),
    tenderNed: z
      .object({ reference: z.string(), url: z.string() })
      .nullable()
      .describe('The TenderNed publication the contract came from')
      .meta({ id: 'TenderNedPublication' }),
    progress: ObligationProgressSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Contract' });

export type Contract = z.infer<typeof ContractSchema>;

export const CreatedContractSchema = ContractSchema.extend({
  supplierInvitation: z
    .object({ email: z.string(), expiresAt: z.iso.datetime() })
    .nullable()
    .describe(
      'Set when the supplier was not registered: the invitation was sent to this address (never to the coordinator)',
    ),
}).meta({ id: 'CreatedContract' });

export const ListContractsQuerySchema = PageQuerySchema.extend({
  status: z.enum(['open', 'closed']).optional(),
  supplierId: z.uuid().optional(),
});

export type ListContractsQuery = z.infer<typeof ListContractsQuerySchema>;

export const ContractPageSchema = pageSchema(ContractSchema).meta({ id: 'ContractPage' });

/** One line of a supplier's obligation wallet. */
export const ObligationSchema = z
  .object({
    contractId: z.uuid(),
    authority: z.object({ id: z.uuid(), name: z.string() }),
    reference: z.string(),
    title: z.string(),
    contractStatus: z.enum(['open', 'closed']),
    endsOn: z.string(),
    acceptsCredits: z.boolean(),
    creditFactorBp: z.number().int(),
    progress: ObligationProgressSchema,
  })
  .meta({ id: 'Obligation' });

export type Obligation = z.infer<typeof ObligationSchema>;

export const ObligationListSchema = pageSchema(ObligationSchema).meta({ id: 'ObligationList' });

export const ExportQuerySchema = z.object({
  format: z
    .enum(['csv', 'csv-nl', 'xlsx'])
    .default('csv')
    .describe(
      'csv: standard CSV; csv-nl: CSV as Dutch Excel opens it (semicolon, decimal comma); xlsx',
    ),
  lang: z
    .enum(['nl', 'en'])
    .optional()
    .describe('Language of headers and labels; without it Accept-Language decides, else Dutch'),
});
