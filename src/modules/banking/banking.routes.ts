import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import {
  BankEntryIdParamsSchema,
  BankEntryPageSchema,
  BankEntrySchema,
  BankStatementDetailSchema,
  BankStatementIdParamsSchema,
  BankStatementPageSchema,
  BankUploadResultSchema,
  ListExceptionsQuerySchema,
  ListStatementsQuerySchema,
  MAX_STATEMENT_BYTES,
  ResolveExceptionSchema,
} from './banking.schemas.js';
import type { BankingService } from './banking.service.js';

const XML_TYPES = ['application/xml', 'text/xml'];

/** Bank statements (CAMT.053) and the exceptions queue of their matching (platform admins). */
export const bankingRoutes: FastifyPluginAsyncZod<{ banking: BankingService }> = async (
  app,
  { banking },
) => {
  await app.register(async (signedIn) => {
    signedIn.addHook('onRequest', app.authenticate);
    const routes = signedIn.withTypeProvider<ZodTypeProvider>();

    // The raw XML body parser and its size limit apply to this encapsulated context only.
    await routes.register(async (xmlApp) => {
      xmlApp.addContentTypeParser(
        XML_TYPES,
        { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES },
        (_request, body, done) => {
          done(null, body);
        },
      );
      xmlApp.withTypeProvider<ZodTypeProvider>().post(
        '/v1/bank-statements',
        {
          bodyLimit: MAX_STATEMENT_BYTES,
          schema: {
            operationId: 'uploadBankStatement',
            tags: ['bank statements'],
            summary: 'Upload the bank’s CAMT.053 statement and match its entries (platform admins)',
            description: [
              'Send the file exactly as the bank exported it as the raw request body (`Content-Type: application/xml` or `text/xml`, at most 10 MB): an ISO 20022 BankToCustomerStatement, camt.053.001.02 up to .13 (ING, Rabobank, ABN AMRO). A file may hold several statements (one per account and day).',
              'Each transaction is stored (a batch entry split per transaction) and matched: a credit that names an invoice order’s payment reference (RF…, structured or in the free text) with the order’s exact amount pays the order, as mark-paid does; a debit that names a payout’s transfer reference (IBP-…) with its exact amount pays the approved payout (the uploader then counts as the admin who records the payment: four eyes apply). Partial, excess and unknown transfers, and everything else matching cannot decide, go to the exceptions queue (GET /v1/bank-statements/exceptions).',
              'The same file uploaded again answers 201 with `duplicate: true` and books nothing; an entry that an earlier (overlapping) statement booked is listed as `duplicate`. Not CAMT.053 answers 422.',
            ].join('\n\n'),
            consumes: XML_TYPES,
            body: z.any().meta({
              type: 'string',
              format: 'binary',
              description: 'The CAMT.053 XML file',
            }) as unknown as z.ZodType<Buffer>,
            response: {
              201: BankUploadResultSchema,
              ...problemResponses(
                ...AUTHENTICATED_PROBLEMS,
                400,
                413,
                415,
                'BANK_STATEMENT.XML_REQUIRED',
                'BANK_STATEMENT.NOT_CAMT',
                'BANK_STATEMENT.INVALID',
              ),
            },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body) || request.body.length === 0)
            throw new AppError(
              415,
              'BANK_STATEMENT.XML_REQUIRED',
              'Send the CAMT.053 file as the request body with Content-Type: application/xml',
            );
          const result = await banking.upload(ctxOf(request), request.body);
          return reply.status(201).send(result);
        },
      );
    });

    routes.get(
      '/v1/bank-statements',
      {
        schema: {
          operationId: 'listBankStatements',
          tags: ['bank statements'],
          summary:
            'Uploaded bank statements, newest first, with their match counts (platform admins)',
          querystring: ListStatementsQuerySchema,
          response: {
            200: BankStatementPageSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 400),
          },
        },
      },
      async (request) => banking.list(ctxOf(request), request.query),
    );

    routes.get(
      '/v1/bank-statements/exceptions',
      {
        schema: {
          operationId: 'listBankStatementExceptions',
          tags: ['bank statements'],
          summary: 'Statement entries matching could not decide, oldest first (platform admins)',
          description:
            'Each with its reason (partial, excess, unknown_reference, already_paid, …) and, once resolved, the decision and note.',
          querystring: ListExceptionsQuerySchema,
          response: {
            200: BankEntryPageSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 400),
          },
        },
      },
      async (request) => banking.exceptions(ctxOf(request), request.query),
    );

    routes.get(
      '/v1/bank-statements/:id',
      {
        schema: {
          operationId: 'getBankStatement',
          tags: ['bank statements'],
          summary: 'A bank statement with every entry and its match result (platform admins)',
          params: BankStatementIdParamsSchema,
          response: {
            200: BankStatementDetailSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
          },
        },
      },
      async (request) => banking.get(ctxOf(request), request.params.id),
    );

    routes.post(
      '/v1/bank-statements/exceptions/:id/resolve',
      {
        schema: {
          operationId: 'resolveBankStatementException',
          tags: ['bank statements'],
          summary: 'Decide a queued statement entry, once, with a note (platform admins)',
          description:
            'book_as_paid books the order (credit) or the payout (debit) as paid on this transfer through the same path as mark-paid (name the order or payout when matching found none; a payout keeps its four eyes); ignore and refunded_by_hand book nothing. Audited. Repeating one’s own decision answers the entry unchanged.',
          params: BankEntryIdParamsSchema,
          body: ResolveExceptionSchema,
          response: {
            200: BankEntrySchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION',
              'BANK_STATEMENT.DECISION_NOT_POSSIBLE',
              'PAYOUT.FOUR_EYES',
              'PAYOUT.NOT_APPROVED',
              'PAYOUT.INVALID_STATE',
              'PAYOUT.INSUFFICIENT_ESCROW',
              'PAYOUT.FUNDS_HELD_BY_DISPUTE',
              'PAYOUT.PROJECT_FAILED',
            ),
          },
        },
      },
      async (request) => banking.resolve(ctxOf(request), request.params.id, request.body),
    );
  });
};
