import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrderIdParamsSchema, PurchaseIdParamsSchema } from '../../lib/ids.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import {
  CertificateIdParamsSchema,
  CertificateJwsSchema,
  CertificatePageSchema,
  CertificateSchema,
  LangQuerySchema,
  ListCertificatesQuerySchema,
  PdfResponseSchema,
} from './certificates.schemas.js';
import type { CertificatesService, PdfDocument } from './certificates.service.js';

const pdfHeaders = (document: PdfDocument) => ({
  'content-type': 'application/pdf',
  'content-disposition': `attachment; filename="${document.filename}"`,
  // The hex SHA-256 the platform recorded: what POST /v1/verify/pdf matches an upload against.
  'x-content-sha256': document.sha256,
  'cache-control': 'private, no-store',
});

/** The PDF routes send the digest of the stored bytes (documented as a response header). */
const PDF_CONFIG = { responseHeaders: { 200: ['X-Content-SHA256' as const] } };

/** A supplier's own certificates and invoices; anyone else's answer 404 (platform admins see all). */
export const certificatesRoutes: FastifyPluginAsyncZod<{
  certificates: CertificatesService;
}> = async (app, { certificates }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/v1/certificates',
    {
      schema: {
        operationId: 'listCertificates',
        tags: ['certificates'],
        summary: 'Certificates of the caller’s organisation, newest first (platform admins: all)',
        querystring: ListCertificatesQuerySchema,
        response: {
          200: CertificatePageSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 400),
        },
      },
    },
    async (request) => certificates.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/certificates/:id',
    {
      schema: {
        operationId: 'getCertificate',
        tags: ['certificates'],
        summary: 'Read a certificate with its current status',
        description:
          'Visible to the buying organisation’s members and platform admins; anyone else gets 404.',
        params: CertificateIdParamsSchema,
        response: { 200: CertificateSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => certificates.get(ctxOf(request), request.params.id),
  );

  app.get(
    '/v1/certificates/:id/pdf',
    {
      config: PDF_CONFIG,
      schema: {
        operationId: 'getCertificatePdf',
        tags: ['certificates'],
        summary: 'Download the certificate as PDF (Dutch, or English with lang=en)',
        description:
          'Rendered once, by a background job when the order is paid (or by the first download if that comes first); its SHA-256 is recorded (header `X-Content-SHA256`) and every download returns the same bytes, so an authority can check an uploaded copy with POST /v1/verify/pdf.',
        params: CertificateIdParamsSchema,
        querystring: LangQuerySchema,
        response: { 200: PdfResponseSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const document = await certificates.pdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply.headers(pdfHeaders(document)).send(document.bytes as never);
    },
  );

  app.get(
    '/v1/certificates/:id/jws',
    {
      schema: {
        operationId: 'getCertificateJws',
        tags: ['certificates'],
        summary: 'The certificate’s facts as a compact JWS signed with Ed25519',
        description:
          'Verify offline against /.well-known/jwks.json, or with POST /v1/verify/jws. The JWS states what was issued; the current status is answered by the verification routes.',
        params: CertificateIdParamsSchema,
        response: {
          200: CertificateJwsSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => certificates.jws(ctxOf(request), request.params.id),
  );

  app.get(
    '/v1/purchases/:id/invoice.pdf',
    {
      config: PDF_CONFIG,
      schema: {
        operationId: 'getPurchaseInvoicePdf',
        tags: ['orders'],
        summary: 'Download the one invoice of a purchase as PDF (Dutch, or English with lang=en)',
        description: [
          'One invoice for the whole purchase: a line per project, one total, one payment reference. An invoice purchase has it from the moment it is placed, with the due date, the seller’s IBAN and an EPC QR code (GiroCode) for the total; a Stripe purchase gets it when it is paid.',
          'Stored once with its SHA-256 (header `X-Content-SHA256`); payment does not change it. Another organisation’s purchase answers 404.',
        ].join('\n\n'),
        params: PurchaseIdParamsSchema,
        querystring: LangQuerySchema,
        response: {
          200: PdfResponseSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'INVOICE.NOT_AVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const document = await certificates.purchaseInvoicePdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply.headers(pdfHeaders(document)).send(document.bytes as never);
    },
  );

  app.get(
    '/v1/orders/:id/invoice.pdf',
    {
      config: PDF_CONFIG,
      schema: {
        operationId: 'getOrderInvoicePdf',
        tags: ['orders'],
        summary: 'Download the invoice of an order as PDF (Dutch, or English with lang=en)',
        description: [
          'An invoice order has its invoice from the moment it is placed, to pay from: gapless number of the yearly INV- series, due date, the seller’s IBAN, the payment reference and an EPC QR code (GiroCode) for banking apps. Payment does not change it (the order says whether it is paid). A Stripe order gets its invoice when it is paid (it then shows the Stripe payment as its reference). An order that is a line of a purchase has the purchase’s one invoice.',
          'Rendered once (by a background job at payment, or by the first download) and stored with its SHA-256 (header `X-Content-SHA256`); every download returns the same bytes. The invoice stays as it was issued: after a refund it is not changed, and the credit note (`/v1/orders/{id}/credit-note.pdf`) is the correction.',
          'Another organisation’s order answers 404.',
        ].join('\n\n'),
        params: OrderIdParamsSchema,
        querystring: LangQuerySchema,
        response: {
          200: PdfResponseSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'INVOICE.NOT_AVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const document = await certificates.invoicePdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply.headers(pdfHeaders(document)).send(document.bytes as never);
    },
  );

  app.get(
    '/v1/orders/:id/credit-note.pdf',
    {
      config: PDF_CONFIG,
      schema: {
        operationId: 'getOrderCreditNotePdf',
        tags: ['orders'],
        summary:
          'Download the credit note of a refunded order as PDF (Dutch, or English with lang=en)',
        description: [
          'Every refund of an invoiced order issues a credit note with a gapless number of the yearly CN- series: it names the invoice it credits, the seller and buyer, the negative line and totals, and the reason.',
          'Rendered once and stored with its SHA-256 (header `X-Content-SHA256`); every download returns the same bytes. For the buying organisation’s members and platform admins; another organisation’s order answers 404.',
        ].join('\n\n'),
        params: OrderIdParamsSchema,
        querystring: LangQuerySchema,
        response: {
          200: PdfResponseSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'CREDIT_NOTE.NOT_AVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const document = await certificates.creditNotePdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply.headers(pdfHeaders(document)).send(document.bytes as never);
    },
  );
};
