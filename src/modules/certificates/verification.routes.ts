import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { problemResponses } from '../../lib/problem.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import { APP_CSP } from '../../plugins/web-app.js';
import {
  JwksSchema,
  JwsVerificationSchema,
  LangQuerySchema,
  PdfVerificationSchema,
  VerificationCodeParamsSchema,
  type Verification,
  VerificationSchema,
  VerifyJwsBodySchema,
} from './certificates.schemas.js';
import type { CertificatesService } from './certificates.service.js';
import {
  FAVICON_SVG,
  pageLanguage,
  renderNotFoundPage,
  renderVerificationPage,
} from './verification-page.js';
import { normalizeCode } from './verification-code.js';

/** An uploaded certificate PDF is about 100 KB; a few MB leaves room and bounds the hashing. */
export const MAX_VERIFY_PDF_BYTES = 5 * 1024 * 1024;

const HTML_PAGE = (description: string) => ({
  description,
  content: { 'text/html; charset=utf-8': { schema: z.string() } },
});

/** Public verification (DESIGN §6): no sign-in, rate limited, no personal data. */
export const verificationRoutes: FastifyPluginAsyncZod<{
  certificates: CertificatesService;
  rateLimitPerMinute?: number;
  /** The built app's stylesheets (/assets/…css) for the page for people; none without a build. */
  stylesheets?: readonly string[];
}> = async (app, { certificates, rateLimitPerMinute, stylesheets = [] }) => {
  // Per client address (VERIFY_RATE_LIMIT_PER_MINUTE; RATE_LIMITS.public by default).
  const config = {
    rateLimit: {
      ...RATE_LIMITS.public,
      ...(rateLimitPerMinute ? { max: rateLimitPerMinute } : {}),
    },
  };

  app.get(
    '/.well-known/jwks.json',
    {
      config,
      schema: {
        operationId: 'getJwks',
        tags: ['verification'],
        summary: 'The public keys that sign certificate JWS (current and retired)',
        security: [],
        response: { 200: JwksSchema, ...problemResponses(429) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return certificates.jwks();
    },
  );

  app.get(
    '/v1/verify/:code',
    {
      config,
      schema: {
        operationId: 'verifyCertificateCode',
        tags: ['verification'],
        summary: 'Verify a certificate by its verification code (public)',
        description:
          'The certificate as it stands now: status (active, suspended, revoked), number, supplier, project, credits, serial range, euro value, issue date. Holds no personal data. Unknown codes answer 404. The code may be given as a person types it: in any case, with spaces or dashes anywhere, O for 0 and I or L for 1.',
        security: [],
        params: VerificationCodeParamsSchema,
        response: { 200: VerificationSchema, ...problemResponses(404, 429) },
      },
    },
    async (request, reply) => {
      // Already written through VerificationSchema: sent as it is, not serialised again.
      const { json } = await certificates.verifyCode(request.params.code);
      return reply.type('application/json; charset=utf-8').send(json as unknown as Verification);
    },
  );

  app.post(
    '/v1/verify/jws',
    {
      config,
      schema: {
        operationId: 'verifyCertificateJws',
        tags: ['verification'],
        summary: 'Check a certificate JWS against the published keys (public)',
        description:
          'Answers 200 either way: `valid` with the certificate’s current status, or `valid: false` with a reason (malformed, unsupported_algorithm, unknown_kid, bad_signature, wrong_issuer).',
        security: [],
        body: VerifyJwsBodySchema,
        response: { 200: JwsVerificationSchema, ...problemResponses(400, 429) },
      },
    },
    async (request) => certificates.verifyJws(request.body.jws),
  );

  // Its own encapsulated context: the raw-PDF body parser and size limit apply to this route only.
  await app.register(async (pdfApp) => {
    pdfApp.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_VERIFY_PDF_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
    pdfApp.withTypeProvider<ZodTypeProvider>().post(
      '/v1/verify/pdf',
      {
        config,
        bodyLimit: MAX_VERIFY_PDF_BYTES,
        schema: {
          operationId: 'verifyCertificatePdf',
          tags: ['verification'],
          summary: 'Check an uploaded certificate PDF (public)',
          description: [
            'Send the PDF as the raw request body (`Content-Type: application/pdf`, at most 5 MB).',
            'If its SHA-256 matches a certificate PDF this platform handed out, the answer is the certificate as it stands now (`genuine: true`, with its current status). Any other file — including a copy changed by a single byte — answers 200 with `genuine: false`: the file was not issued by this platform.',
          ].join('\n'),
          security: [],
          consumes: ['application/pdf'],
          body: z.any().meta({
            type: 'string',
            format: 'binary',
            description: 'The PDF file',
          }) as unknown as z.ZodType<Buffer>,
          response: {
            200: PdfVerificationSchema,
            ...problemResponses(
              400,
              413,
              'VERIFY.PDF_REQUIRED',
              'REQUEST.UNSUPPORTED_MEDIA_TYPE',
              429,
            ),
          },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError(
            415,
            'VERIFY.PDF_REQUIRED',
            'Send the PDF as the request body with Content-Type: application/pdf',
          );
        return certificates.verifyPdf(request.body);
      },
    );
  });

  app.get(
    '/verify/:code',
    {
      config: { ...config, responseHeaders: { 301: ['Location' as const] } },
      schema: {
        operationId: 'viewVerificationPage',
        tags: ['verification'],
        summary:
          'The verification page for people: the target of the certificate’s QR code (public)',
        description:
          'An HTML page in Dutch or English (`lang`, else `Accept-Language`, else Dutch) with what GET /v1/verify/{code} answers: the certificate’s status in words, what it was counted toward, and when it was checked. An unknown code answers 404 with a page that repeats the code and says what to do. Not cached (`Cache-Control: no-store`).',
        security: [],
        params: VerificationCodeParamsSchema,
        querystring: LangQuerySchema.partial().extend({
          lang: z
            .enum(['nl', 'en'])
            .optional()
            .catch(undefined)
            .describe('Language of the page; anything else is ignored'),
        }),
        response: {
          200: HTML_PAGE('The verification page'),
          301: z
            .null()
            .describe(
              'A code written otherwise than its canonical form (as a person may type it): `Location` is the page at the canonical code',
            ),
          404: HTML_PAGE('The page for an unknown code'),
          ...problemResponses(429),
        },
      },
    },
    async (request, reply) => {
      // A code typed by hand (lower case, spaced, O for 0) goes to its one canonical address.
      const canonical = normalizeCode(request.params.code);
      if (canonical !== undefined && canonical !== request.params.code) {
        const query = request.url.indexOf('?');
        return reply
          .header('cache-control', 'public, max-age=86400')
          .redirect(`/verify/${canonical}${query === -1 ? '' : request.url.slice(query)}`, 301);
      }
      const lang = pageLanguage(request.query.lang, request.headers['accept-language']);
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('vary', 'Accept-Language');
      // With the app's stylesheets the page needs no inline style: the app's strict CSP.
      if (stylesheets.length > 0) reply.header('content-security-policy', APP_CSP);
      const checkedAt = certificates.checkedAt();
      try {
        const { verification } = await certificates.verifyCode(request.params.code);
        return reply.send(
          renderVerificationPage(verification, request.params.code, lang, checkedAt, stylesheets),
        );
      } catch (error) {
        if (error instanceof AppError && error.status === 404)
          return reply
            .code(404)
            .send(renderNotFoundPage(request.params.code, lang, checkedAt, stylesheets));
        throw error;
      }
    },
  );

  // The verification page's icon; browsers also ask for /favicon.ico on their own.
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, { config, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .send(FAVICON_SVG),
    );
  }
};
