import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Lang } from '../../lib/format.js';
import { requestLanguage } from '../../lib/language.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { CONTENT_TYPES } from '../../lib/tabular.js';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import {
  authorityTables,
  publicTables,
  type ReportFormat,
  type ReportTables,
  supplierTables,
  writeReport,
} from './exports.js';
import {
  AuthorityCsvQuerySchema,
  AuthorityReportQuerySchema,
  AuthorityReportSchema,
  AuthorityXlsxQuerySchema,
  CsvResponseSchema,
  PdfResponseSchema,
  PeriodCsvQuerySchema,
  PeriodQuerySchema,
  PeriodXlsxQuerySchema,
  ProjectOutcomesQuerySchema,
  PublicProjectOutcomesSchema,
  PublicStatsSchema,
  SupplierCsvQuerySchema,
  SupplierPdfQuerySchema,
  SupplierReportQuerySchema,
  SupplierReportSchema,
  SupplierXlsxQuerySchema,
  XlsxResponseSchema,
} from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';
import { renderSupplierReportPdf } from './supplier-pdf.js';

async function sendFile(
  reply: FastifyReply,
  tables: ReportTables,
  format: ReportFormat,
  name: string,
  lang: Lang,
  cache: 'private' | 'public',
) {
  const extension = format === 'xlsx' ? 'xlsx' : 'csv';
  return reply
    .headers({
      'content-type': CONTENT_TYPES[extension],
      'content-disposition': `attachment; filename="${name}${format === 'csv-nl' ? '-excel-nl' : ''}.${extension}"`,
      'content-language': lang,
      'cache-control': cache === 'private' ? 'private, no-store' : 'public, max-age=60',
      vary: 'Accept-Language',
    })
    .send((await writeReport(tables, format)) as never);
}

/** The file's format: `.xlsx`, or `.csv` with `format=csv` (default) or `format=csv-nl`. */
const formatOf = (suffix: 'csv' | 'xlsx', query: { format?: 'csv' | 'csv-nl' }): ReportFormat =>
  suffix === 'xlsx' ? 'xlsx' : (query.format ?? 'csv');

const fileName = (kind: string, period: { from: string | null; to: string }) =>
  `impactbeurs-${kind}-${period.from ?? 'start'}-${period.to}`;

const FILES_DESCRIPTION =
  'Files are Dutch by default; English with `lang=en` (or, without `lang`, when Accept-Language prefers English): column names, labels instead of codes (`Betaald werk`, not `paid_work`), notes. ' +
  '`.xlsx`: a sheet "Toelichting" (About) with the report, its period, generation time and how to read withheld (`x`) and incomplete figures, then a sheet per table with a frozen header row and an autofilter; amounts are numbers with a euro format, shares percentages, dates real dates in Dutch time. ' +
  '`.csv`: the notes as rows, then each table under its name; `format=csv` is RFC 4180 (comma, decimal point, ISO dates), `format=csv-nl` opens in Dutch Excel (semicolon, decimal comma, dates as dd-mm-jjjj).';

const AUTHORITY_DESCRIPTION =
  'For an authority’s coordinators and viewers (platform admins name the authority with `authorityId`): the SR value of the claims it approved in the period per contract and supplier, ' +
  'the projects behind them with its share of each, attributed outcomes by type, participants by target group (with Banenafspraak), and expected against realised outcomes. ' +
  'Counts of people are published randomly rounded per accepted report; a withheld count is `value: null, suppressed: true` (docs/privacy.md).';
const SUPPLIER_DESCRIPTION =
  'For a supplier’s members (platform admins name the supplier with `supplierId`): its certificates, and per project its share, what it paid, where its money went (budget lines, pro rata), attributed outcomes and published stories. Counts as the authority report.';
const STATS_DESCRIPTION =
  'Platform totals: credits sold, euros paid, projects listed, funded and completed, and published outcome counts by type. Only totals; withheld counts never enter them.';

const describeFile = (base: string, format: 'json' | 'csv' | 'xlsx') =>
  format === 'json' ? base : `${base}\n\n${FILES_DESCRIPTION}`;

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
          description: describeFile(STATS_DESCRIPTION, format),
          security: [],
          querystring:
            format === 'json'
              ? PeriodQuerySchema
              : format === 'csv'
                ? PeriodCsvQuerySchema
                : PeriodXlsxQuerySchema,
          response: { 200: response200 ?? PublicStatsSchema, ...problemResponses(429) },
        },
      },
      async (request, reply) => {
        const query = request.query as z.infer<typeof PeriodCsvQuerySchema>;
        const report = await reports.publicStats({ from: query.from, to: query.to });
        if (format === 'json') return report;
        const lang = requestLanguage(query.lang, request.headers['accept-language']);
        return sendFile(
          reply,
          publicTables(report, lang),
          formatOf(format, query),
          fileName('stats', report.period),
          lang,
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
            description: describeFile(AUTHORITY_DESCRIPTION, format),
            querystring:
              format === 'json'
                ? AuthorityReportQuerySchema
                : format === 'csv'
                  ? AuthorityCsvQuerySchema
                  : AuthorityXlsxQuerySchema,
            response: {
              200: response200 ?? AuthorityReportSchema,
              ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
            },
          },
        },
        async (request, reply) => {
          const query = request.query as z.infer<typeof AuthorityCsvQuerySchema>;
          const report = await reports.authority(ctxOf(request), {
            from: query.from,
            to: query.to,
            authorityId: query.authorityId,
          });
          if (format === 'json') return report;
          const lang = requestLanguage(query.lang, request.headers['accept-language']);
          return sendFile(
            reply,
            authorityTables(report, lang),
            formatOf(format, query),
            fileName('authority', report.period),
            lang,
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
            description: describeFile(SUPPLIER_DESCRIPTION, format),
            querystring:
              format === 'json'
                ? SupplierReportQuerySchema
                : format === 'csv'
                  ? SupplierCsvQuerySchema
                  : SupplierXlsxQuerySchema,
            response: {
              200: response200 ?? SupplierReportSchema,
              ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
            },
          },
        },
        async (request, reply) => {
          const query = request.query as z.infer<typeof SupplierCsvQuerySchema>;
          const report = await reports.supplier(ctxOf(request), {
            from: query.from,
            to: query.to,
            supplierId: query.supplierId,
          });
          if (format === 'json') return report;
          const lang = requestLanguage(query.lang, request.headers['accept-language']);
          return sendFile(
            reply,
            supplierTables(report, lang),
            formatOf(format, query),
            fileName('supplier', report.period),
            lang,
            'private',
          );
        },
      );
    });
  }

  await app.register(async (inner) => {
    const authed = inner.withTypeProvider<ZodTypeProvider>();
    authed.addHook('onRequest', authed.authenticate);
    authed.get(
      '/v1/reports/supplier.pdf',
      {
        config: { responseHeaders: { 200: ['X-Content-SHA256' as const] } },
        schema: {
          operationId: 'getSupplierReportPdf',
          tags: ['reports'],
          summary: 'Impact report for a supplier as PDF (Dutch, or English with lang=en)',
          description:
            'The supplier’s impact report for its annual report, with the same figures and filters as `/v1/reports/supplier.xlsx`: per project funded what it paid, its credits and share, the outcomes and participants attributed to it, and the published stories. ' +
            'Rendered on request (the figures change as reports are accepted), so it is not stored; header `X-Content-SHA256` is the hex SHA-256 of the bytes sent, as on the other PDF routes. ' +
            'For a supplier’s members; platform admins name the supplier with `supplierId`; another supplier’s id answers 404.',
          querystring: SupplierPdfQuerySchema,
          response: {
            200: PdfResponseSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
          },
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        const report = await reports.supplier(ctxOf(request), query);
        const bytes = await renderSupplierReportPdf(report, lang);
        return reply
          .headers({
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${fileName(lang === 'nl' ? 'impactrapportage' : 'impact-report', report.period)}.pdf"`,
            'content-language': lang,
            'x-content-sha256': createHash('sha256').update(bytes).digest('hex'),
            'cache-control': 'private, no-store',
          })
          .send(bytes as never);
      },
    );
  });
};
