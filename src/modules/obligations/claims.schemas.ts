import { z } from 'zod';
import { IDEMPOTENCY_KEY_PATTERN } from '../../lib/idempotency.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

export const ClaimStatusSchema = z
  .enum(['pending', 'approved', 'rejected', 'withdrawn', 'invalidated'])
  .describe(
    'pending → approved | rejected; approved → withdrawn (by the authority) | invalidated (its certificate was revoked)',
  )
  .meta({ id: 'ClaimStatus' });

export const ClaimIdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, 'must be 1–255 visible ASCII characters')
    .describe(
      'Required. A unique key per intended claim; a repeat with the same key and body answers the first claim again, the same key with another body 422.',
    ),
});

export const CreateClaimSchema = z
  .strictObject({
    certificateId: z.uuid().describe('One of the supplier’s own active certificates'),
    contractId: z
      .uuid()
      .describe(
        'The contract whose obligation the credits should count toward (one of the supplier’s own)',
      ),
    credits: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .describe('How many of the certificate’s credits; they count toward this obligation only'),
    note: z.string().trim().max(2000).optional().describe('For the coordinator'),
  })
  .meta({ id: 'CreateClaim' });

export type CreateClaimInput = z.infer<typeof CreateClaimSchema>;

export const DecisionSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2000).optional() })
  .meta({ id: 'ClaimApproval' });
export const ReasonSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'ClaimReason' });

export const ClaimIdParamsSchema = z.object({ id: z.uuid() });

export const ClaimSchema = z
  .object({
    id: z.uuid(),
    status: ClaimStatusSchema,
    credits: z.number().int(),
    unitPriceCents: z.number().int().describe('The price the supplier paid per credit'),
    creditFactorBp: z
      .number()
      .int()
      .describe('The valuation factor the claim is worth at (fixed once approved)'),
    valueCents: z
      .number()
      .int()
      .describe(
        'credits × unit price × factor, rounded half up to cents: what the credits are worth',
      ),
    countedCents: z
      .number()
      .int()
      .describe(
        'What the claim counts toward the obligation: valueCents, except that the last credit may count in part, up to what is left of the obligation; the rest of that credit is spent and counts nowhere else',
      ),
    currency: z.literal('EUR'),
    note: z.string().nullable(),
    decisionReason: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    invalidationReason: z.string().nullable(),
    certificate: z
      .object({
        id: z.uuid(),
        number: z.string(),
        status: z
          .enum(['active', 'suspended', 'revoked'])
          .describe('Live: the certificate’s status now'),
        statusReason: z.string().nullable(),
        credits: z.number().int(),
        serialStart: z.number().int(),
        serialEnd: z.number().int(),
        valueCents: z.number().int(),
        projectId: z.uuid(),
        projectTitle: z.string(),
        initiativeName: z.string(),
        verificationUrl: z.string().describe('The public verification page of the certificate'),
      })
      .describe('The evidence, as it stands now'),
    contract: z.object({ id: z.uuid(), reference: z.string(), title: z.string() }),
    authority: z.object({ id: z.uuid(), name: z.string() }),
    supplier: z.object({ id: z.uuid(), name: z.string(), kvkNumber: z.string().nullable() }),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    invalidatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Claim' });

export type Claim = z.infer<typeof ClaimSchema>;

export const ListClaimsQuerySchema = PageQuerySchema.extend({
  status: ClaimStatusSchema.optional(),
  contractId: z.uuid().optional(),
  certificateId: z.uuid().optional(),
});

export type ListClaimsQuery = z.infer<typeof ListClaimsQuerySchema>;

export const ClaimPageSchema = pageSchema(ClaimSchema).meta({ id: 'ClaimPage' });

export const ClaimPreviewQuerySchema = z.object({
  certificateId: z.uuid().describe('One of the supplier’s own certificates'),
  contractId: z.uuid().describe('One of the supplier’s own contracts'),
  credits: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe(
      'How many credits to claim; default: as many as still count (`suggestedCredits`), at least 1',
    ),
});
export type ClaimPreviewQuery = z.infer<typeof ClaimPreviewQuerySchema>;

export const ClaimRefusalSchema = z
  .enum([
    'CLAIM.CERTIFICATE_NOT_ACTIVE',
    'CLAIM.REFUND_PENDING',
    'CLAIM.CREDITS_UNAVAILABLE',
    'CLAIM.CREDITS_NOT_ACCEPTED',
    'CLAIM.CREDIT_SHARE_CAP',
    'CONTRACT.CLOSED',
  ])
  .meta({ id: 'ClaimRefusal' });

export const ClaimPreviewSchema = z
  .object({
    certificateId: z.uuid(),
    contractId: z.uuid(),
    credits: z.number().int().describe('The credits previewed'),
    availableCredits: z
      .number()
      .int()
      .describe('Credits of the certificate not in a pending or approved claim'),
    suggestedCredits: z
      .number()
      .int()
      .describe(
        'The most of the free credits that still count toward this contract now (the last one may count in part); 0 when none do',
      ),
    unitPriceCents: z.number().int().describe('The price the supplier paid per credit'),
    creditFactorBp: z.number().int().describe('The contract’s valuation factor now'),
    obligationCents: z.number().int(),
    creditCapCents: z.number().int().describe('The most that credits may fill of the obligation'),
    roomCents: z
      .number()
      .int()
      .describe('What credits may still fill: the cap less what pending and approved claims hold'),
    valueCents: z.number().int().describe('credits × unit price × factor, rounded half up'),
    countedCents: z
      .number()
      .int()
      .describe(
        'What the claim would count toward the obligation: its value, or the room when its last credit counts in part; 0 when it would be refused',
      ),
    lastCreditPartial: z
      .boolean()
      .describe('The last credit counts in part; the rest of it is spent and counts nowhere else'),
    spentUncountedCents: z
      .number()
      .int()
      .describe('valueCents − countedCents when the last credit counts in part'),
    currency: z.literal('EUR'),
    refusal: ClaimRefusalSchema.nullable().describe(
      'The error code a claim of these credits would be refused with now; null when it would be accepted',
    ),
  })
  .meta({ id: 'ClaimPreview' });
export type ClaimPreview = z.infer<typeof ClaimPreviewSchema>;
