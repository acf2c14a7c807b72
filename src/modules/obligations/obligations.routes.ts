import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { CONTENT_TYPES } from '../../lib/tabular.js';
import type { Clock } from '../../lib/clock.js';
import type { Lang } from '../../lib/format.js';
import { requestLanguage } from '../../lib/language.js';
import { ctxOf } from '../../plugins/auth.js';
import { AuditPageSchema } from '../audit/audit.schemas.js';
import {
  ClaimIdempotencyHeadersSchema,
  ClaimIdParamsSchema,
  ClaimPageSchema,
  ClaimPreviewQuerySchema,
  ClaimPreviewSchema,
  ClaimSchema,
  CreateClaimSchema,
  DecisionSchema,
  ListClaimsQuerySchema,
  ReasonSchema,
} from './claims.schemas.js';
import type { ClaimsService } from './claims.service.js';
import {
  ContractIdParamsSchema,
  ContractPageSchema,
  ContractSchema,
  CreateContractSchema,
  CreatedContractSchema,
  ExportQuerySchema,
  ListContractsQuerySchema,
  ObligationListSchema,
  SupplierLookupQuerySchema,
  SupplierLookupSchema,
  UpdateContractSchema,
} from './contracts.schemas.js';
import type { ContractsService } from './contracts.service.js';
import { type ExportFormat, exportClaims, exportContracts } from './exports.js';

/** Looking a supplier up by KvK number: enough for a form, too few to walk the register. */
const SUPPLIER_LOOKUP_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

const FileResponseSchema = {
  description: 'CSV (UTF-8 with BOM) or XLSX',
  content: {
    [CONTENT_TYPES.csv]: { schema: z.string() },
    [CONTENT_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) },
  },
} as const;

const fileHeaders = (name: string, format: ExportFormat, lang: Lang, clock: Clock) => {
  const extension = format === 'xlsx' ? 'xlsx' : 'csv';
  return {
    'content-type': CONTENT_TYPES[extension],
    'content-disposition': `attachment; filename="${name}-${clock.now().toISOString().slice(0, 10)}${format === 'csv-nl' ? '-excel-nl' : ''}.${extension}"`,
    'content-language': lang,
    'cache-control': 'private, no-store',
    vary: 'Accept-Language',
  };
};

const EXPORT_DESCRIPTION =
  'Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English). `format=csv` is RFC 4180 (comma, decimal point, ISO dates); `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj); `format=xlsx` has typed cells (euro amounts, percentages, dates in Dutch time), a frozen header row with an autofilter, and a sheet explaining the columns.';

/**
 * Contracts with social-return obligations (authority coordinators), the supplier's
 * obligation wallet, and claims of certificate credits against obligations.
 */
export const obligationsRoutes: FastifyPluginAsyncZod<{
  contracts: ContractsService;
  claims: ClaimsService;
  clock: Clock;
}> = async (app, { contracts, claims, clock }) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/contracts',
    {
      schema: {
        operationId: 'createContract',
        tags: ['contracts'],
        summary: 'Register a contract with a social-return obligation (authority coordinators)',
        description: [
          'The supplier is named by KvK number. A supplier that is not registered yet is created as a `pending` organisation and invited by e-mail at `supplier.contactEmail` (the link is never returned to the coordinator); it becomes active when the invitation is accepted.',
          'The obligation in cents is computed and stored: `contract_value` and `wage_sum` take `percentageBp` (default 500 = 5%) of their basis, rounded half up to cents; `fixed` takes `fixedAmountCents`.',
        ].join('\n\n'),
        body: CreateContractSchema,
        response: {
          201: CreatedContractSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            400,
            'CONTRACT.REFERENCE_TAKEN',
            'CONTRACT.SUPPLIER_EMAIL_TAKEN',
            'CONTRACT.CONCURRENT_SUPPLIER',
            'CONTRACT.NOT_A_SUPPLIER',
            'CONTRACT.SUPPLIER_DETAILS_REQUIRED',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await contracts.create(ctxOf(request), request.body)),
  );

  app.get(
    '/v1/contracts',
    {
      schema: {
        operationId: 'listContracts',
        tags: ['contracts'],
        summary: 'Contracts with their progress, newest first',
        description:
          'Authorities see their own contracts, suppliers the contracts that bind them, platform admins all.',
        querystring: ListContractsQuerySchema,
        response: { 200: ContractPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 400) },
      },
    },
    async (request) => contracts.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/contracts/export',
    {
      schema: {
        operationId: 'exportContracts',
        tags: ['contracts'],
        summary: 'The authority’s contracts with their progress as CSV or XLSX',
        description: EXPORT_DESCRIPTION,
        querystring: ExportQuerySchema,
        response: { 200: FileResponseSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 400) },
      },
    },
    async (request, reply) => {
      const rows = await contracts.forExport(ctxOf(request));
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      const body = await exportContracts(rows, request.query.format, clock.now(), lang);
      return reply
        .headers(
          fileHeaders(
            lang === 'nl' ? 'contracten' : 'contracts',
            request.query.format,
            lang,
            clock,
          ),
        )
        .send(body as never);
    },
  );

  app.get(
    '/v1/contracts/supplier',
    {
      config: { rateLimit: SUPPLIER_LOOKUP_LIMIT },
      schema: {
        operationId: 'findContractSupplier',
        tags: ['contracts'],
        summary: 'Find a registered supplier by KvK number (authority coordinators)',
        description:
          'For the contract form: the supplier’s name and KvK number only, or 404 when no supplier has this KvK number (then the contract invites one by name and e-mail). Other organisations’ details are never answered, and the rate limit keeps the register from being walked.',
        querystring: SupplierLookupQuerySchema,
        response: {
          200: SupplierLookupSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400, 404),
        },
      },
    },
    async (request) => contracts.findSupplier(ctxOf(request), request.query.kvkNumber),
  );

  app.get(
    '/v1/contracts/:id',
    {
      schema: {
        operationId: 'getContract',
        tags: ['contracts'],
        summary: 'Read a contract with its obligation and progress',
        description:
          'Visible to its authority, its supplier and platform admins; anyone else gets 404.',
        params: ContractIdParamsSchema,
        response: { 200: ContractSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => contracts.get(ctxOf(request), request.params.id),
  );

  app.patch(
    '/v1/contracts/:id',
    {
      schema: {
        operationId: 'updateContract',
        tags: ['contracts'],
        summary:
          'Edit an open contract, its obligation or its valuation (the authority’s coordinators)',
        description:
          'The obligation is recomputed, and may not become smaller than what approved claims already count toward it. Claims already approved keep the value they were approved at; pending claims are valued at the valuation in force when they are approved.',
        params: ContractIdParamsSchema,
        body: UpdateContractSchema,
        response: {
          200: ContractSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            400,
            404,
            'CONTRACT.CLOSED',
            'CONTRACT.REFERENCE_TAKEN',
            'CONTRACT.OBLIGATION_BELOW_COUNTED',
          ),
        },
      },
    },
    async (request) => contracts.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/contracts/:id/close',
    {
      schema: {
        operationId: 'closeContract',
        tags: ['contracts'],
        summary: 'Close a contract (the authority’s coordinators)',
        description: 'A closed contract takes no new claims.',
        params: ContractIdParamsSchema,
        response: {
          200: ContractSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'CONTRACT.PENDING_CLAIMS',
            'CONTRACT.CLOSED',
          ),
        },
      },
    },
    async (request) => contracts.close(ctxOf(request), request.params.id),
  );

  app.get(
    '/v1/contracts/:id/events',
    {
      schema: {
        operationId: 'listContractEvents',
        tags: ['contracts'],
        summary: 'Audit events about a contract and its claims (its authority and platform admins)',
        params: ContractIdParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: AuditPageSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400, 404),
        },
      },
    },
    async (request) => contracts.events(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/obligations',
    {
      schema: {
        operationId: 'listObligations',
        tags: ['contracts'],
        summary: 'The supplier’s obligation wallet (supplier members)',
        description:
          'Every obligation of the caller’s organisation across all authorities, soonest ending first, with required, approved, pending and remaining amounts; `overdue` when the contract has ended unfilled.',
        response: { 200: ObligationListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request) => contracts.obligations(ctxOf(request)),
  );

  app.post(
    '/v1/claims',
    {
      schema: {
        operationId: 'createClaim',
        tags: ['claims'],
        summary: 'Claim certificate credits toward an obligation (supplier members)',
        description: [
          'Both the certificate and the contract must be the caller’s own (404 otherwise). The claim is worth credits × the price paid × the authority’s factor (`valueCents`), and waits for the coordinator. It counts that value toward the obligation (`countedCents`), except that its last credit may count in part, up to what is left of the share credits may fill: the obligation is then met to the cent, and the rest of that credit is spent with the claim. A claim that would leave more than its last credit over is refused (`CLAIM.CREDIT_SHARE_CAP`).',
          'The `Idempotency-Key` header is required; a repeat answers the first claim (header `Idempotent-Replayed: true`).',
        ].join('\n\n'),
        headers: ClaimIdempotencyHeadersSchema,
        body: CreateClaimSchema,
        response: {
          201: ClaimSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            400,
            404,
            'CLAIM.CERTIFICATE_NOT_ACTIVE',
            'CLAIM.REFUND_PENDING',
            'CLAIM.CREDITS_UNAVAILABLE',
            'CLAIM.CREDITS_NOT_ACCEPTED',
            'CLAIM.CREDIT_SHARE_CAP',
            'CONTRACT.CLOSED',
            'IDEMPOTENCY.KEY_REUSED',
          ),
        },
      },
    },
    async (request, reply) => {
      const result = await claims.create(
        ctxOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.claim);
    },
  );

  app.get(
    '/v1/claims',
    {
      schema: {
        operationId: 'listClaims',
        tags: ['claims'],
        summary:
          'Claims, newest first: a supplier’s own, an authority’s inbox, all for platform admins',
        description: 'Each claim carries its certificate’s live status and verification link.',
        querystring: ListClaimsQuerySchema,
        response: { 200: ClaimPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 400) },
      },
    },
    async (request) => claims.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/claims/preview',
    {
      schema: {
        operationId: 'previewClaim',
        tags: ['claims'],
        summary: 'What a claim would count toward a contract, before claiming (supplier members)',
        description:
          'Runs the checks and the arithmetic of `POST /v1/claims` on the supplier’s own certificate and contract without writing anything: the value of the credits, what they count toward the obligation now (the last credit may count in part, up to what is left of the share credits may fill), the most credits that still count, and the refusal a claim would meet (`refusal`, an error code) instead of an error. Another organisation’s certificate or contract answers 404.',
        querystring: ClaimPreviewQuerySchema,
        response: {
          200: ClaimPreviewSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400, 404),
        },
      },
    },
    async (request) => claims.preview(ctxOf(request), request.query),
  );

  app.get(
    '/v1/claims/export',
    {
      schema: {
        operationId: 'exportClaims',
        tags: ['claims'],
        summary: 'Every claim made to the caller’s authority as CSV or XLSX',
        description: EXPORT_DESCRIPTION,
        querystring: ExportQuerySchema,
        response: { 200: FileResponseSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 400) },
      },
    },
    async (request, reply) => {
      const rows = await claims.forExport(ctxOf(request));
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      const body = await exportClaims(rows, request.query.format, clock.now(), lang);
      return reply
        .headers(fileHeaders('claims', request.query.format, lang, clock))
        .send(body as never);
    },
  );

  app.get(
    '/v1/claims/:id',
    {
      schema: {
        operationId: 'getClaim',
        tags: ['claims'],
        summary: 'Read a claim (its supplier, its authority, platform admins)',
        params: ClaimIdParamsSchema,
        response: { 200: ClaimSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => claims.get(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/claims/:id/approve',
    {
      schema: {
        operationId: 'approveClaim',
        tags: ['claims'],
        summary: 'Approve a pending claim (coordinators of the claim’s authority)',
        description:
          'Re-checks in the same transaction that the certificate is still active and no refund of its order is under way, that credits are still accepted, and that the claim at the current valuation fits the share cap with what is already approved; the value it is approved at is then fixed. While a refund through Stripe of the certificate’s order is under way, the money may already be back with the buyer, so the claim waits until the refund is settled.',
        params: ClaimIdParamsSchema,
        body: DecisionSchema.optional(),
        response: {
          200: ClaimSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            400,
            404,
            'CLAIM.NOT_PENDING',
            'CLAIM.CERTIFICATE_NOT_ACTIVE',
            'CLAIM.REFUND_PENDING',
            'CLAIM.CREDITS_NOT_ACCEPTED',
            'CLAIM.CREDIT_SHARE_CAP',
          ),
        },
      },
    },
    async (request) => claims.approve(ctxOf(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/v1/claims/:id/reject',
    {
      schema: {
        operationId: 'rejectClaim',
        tags: ['claims'],
        summary: 'Reject a pending claim with a reason (coordinators of the claim’s authority)',
        description: 'The credits are free to be claimed again.',
        params: ClaimIdParamsSchema,
        body: ReasonSchema,
        response: {
          200: ClaimSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400, 404, 'CLAIM.NOT_PENDING'),
        },
      },
    },
    async (request) => claims.reject(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/claims/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawClaimApproval',
        tags: ['claims'],
        summary:
          'Withdraw an approval, with a reason (only coordinators of the authority that approved it)',
        description:
          'The credits no longer count toward the obligation and are free to be claimed again.',
        params: ClaimIdParamsSchema,
        body: ReasonSchema,
        response: {
          200: ClaimSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400, 404, 'CLAIM.NOT_APPROVED'),
        },
      },
    },
    async (request) => claims.withdraw(ctxOf(request), request.params.id, request.body),
  );
};
