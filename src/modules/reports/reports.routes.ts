import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { CONTENT_TYPES } from '../../lib/tabular.js';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import {
  authorityTables,
  publicTables,
  type ReportTables,
  supplierTables,
  toCsv,
  toXlsx,
} from './exports.js';
import {
  AuthorityReportQuerySchema,
  AuthorityReportSchema,
  CsvResponseSchema,
  PeriodQuerySchema,
  ProjectOutcomesQuerySchema,
  PublicProjectOutcomesSchema,
  PublicStatsSchema,
  SupplierReportQuerySchema,
  SupplierReportSchema,
  XlsxResponseSchema,
} from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

async function sendFile(
  reply: FastifyReply,
  tables: ReportTables,
  format: 'csv' | 'xlsx',
  name: string,
  cache: 'private' | 'public',
) {
  const headers = {
    'content-disposition': `attachment; filename="${name}.${format}"`,
    'cache-control': cache === 'private' ? 'private, no-store' : 'public, max-age=60',
  };
  if (format === 'csv')
    return reply.headers({ ...headers, 'content-type': CONTENT_TYPES.csv }).send(toCsv(tables));
  return reply
    .headers({ ...headers, 'content-type': CONTENT_TYPES.xlsx })
    .send((await toXlsx(tables)) as never);
}

const fileName = (kind: string, period: { from: string | null; to: string }) =>
  `impactbeurs-${kind}-${period.from ?? 'start'}-${period.to}`;

const AUTHORITY_DESCRIPTION =
  'For an authority’s coordinators and viewers (platform admins name the authority with `authorityId`): the SR value of the claims it approved in the period per contract and supplier, ' +
  'the projects behind them with its share of each, attributed outcomes by type, participants by target group (with Banenafspraak), and expected against realised outcomes. ' +
  'Counts of people below the disclosure threshold are suppressed (`value: null, suppressed: true`); see the README on the method.';
const SUPPLIER_DESCRIPTION =
  'For a supplier’s members (platform admins name the supplier with `supplierId`): its certificates, and per project its share, where its money went (budget lines, pro rata), attributed outcomes and published stories. Suppressed as the authority report.';
const STATS_DESCRIPTION =
  'Platform totals: credits sold, euros paid, projects listed, funded and completed, and published outcome counts by type. Only totals; suppressed counts never enter them.';

/** Reports for authorities and suppliers (signed in), and public statistics. */
export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (
  app,
  { reports },
) => {
  app.get(
    '/v1/projects/:id/outcomes',
    {
      config: { rateLimit: RATE_LIMITS.public },
      schema: {
        operationId: 'getProjectOutcomes',
        tags: ['reports'],
        summary: 'A public project’s outcomes reported so far (public)',
        description:
          'Counts only, per outcome type and target group, beside what the plan expected: the sums of the published counts of the project’s accepted outcome reports whose period ends in the period. Each report’s counts are randomly rounded to a multiple of `disclosureControl.base` once, when it is accepted, exactly as in the public statistics and the reports; a withheld count is never added (`suppressed`, `complete`). Projects that are not public answer 404.',
        security: [],
        params: z.object({ id: z.uuid() }),
        querystring: ProjectOutcomesQuerySchema,
        response: { 200: PublicProjectOutcomesSchema, ...problemResponses(404, 429) },
      },
    },
    async (request) => reports.projectOutcomes(request.params.id, request.query),
  );

  for (const format of ['json', 'csv', 'xlsx'] as const) {
    const suffix = format === 'json' ? '' : `.${format}`;
    const response200 =
      format === 'json' ? undefined : format === 'csv' ? CsvResponseSchema : XlsxResponseSchema;
    const opSuffix = format === 'json' ? '' : format === 'csv' ? 'Csv' : 'Xlsx';

    app.get(
      `/v1/stats${suffix}`,
      {
        config: { rateLimit: RATE_LIMITS.public },
        schema: {
          operationId: `getPublicStats${opSuffix}`,
          tags: ['reports'],
          summary: `Platform statistics (public)${format === 'json' ? '' : ` as ${format.toUpperCase()}`}`,
          description: STATS_DESCRIPTION,
          security: [],
          querystring: PeriodQuerySchema,
          response: { 200: response200 ?? PublicStatsSchema, ...problemResponses(429) },
        },
      },
      async (request, reply) => {
        const report = await reports.publicStats(request.query);
        if (format === 'json') return report;
        return sendFile(
          reply,
          publicTables(report),
          format,
          fileName('stats', report.period),
          'public',
        );
      },
    );

    await app.register(async (inner) => {
      const authed = inner.withTypeProvider<ZodTypeProvider>();
      authed.addHook('onRequest', authed.authenticate);

      authed.get(
        `/v1/reports/authority${suffix}`,
        {
          schema: {
            operationId: `getAuthorityReport${opSuffix}`,
            tags: ['reports'],
            summary: `Outcome report for an authority${format === 'json' ? '' : ` as ${format.toUpperCase()}`}`,
            description: AUTHORITY_DESCRIPTION,
            querystring: AuthorityReportQuerySchema,
            response: {
              200: response200 ?? AuthorityReportSchema,
              ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
            },
          },
        },
        async (request, reply) => {
          const report = await reports.authority(ctxOf(request), request.query);
          if (format === 'json') return report;
          return sendFile(
            reply,
            authorityTables(report),
            format,
            fileName('authority', report.period),
            'private',
          );
        },
      );

      authed.get(
        `/v1/reports/supplier${suffix}`,
        {
          schema: {
            operationId: `getSupplierReport${opSuffix}`,
            tags: ['reports'],
            summary: `Impact report for a supplier${format === 'json' ? '' : ` as ${format.toUpperCase()}`}`,
            description: SUPPLIER_DESCRIPTION,
            querystring: SupplierReportQuerySchema,
            response: {
              200: response200 ?? SupplierReportSchema,
              ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
            },
          },
        },
        async (request, reply) => {
          const report = await reports.supplier(ctxOf(request), request.query);
          if (format === 'json') return report;
          return sendFile(
            reply,
            supplierTables(report),
            format,
            fileName('supplier', report.period),
            'private',
          );
        },
      );
    });
  }
};
