import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

export const CertificateStatusSchema = z
  .enum(['active', 'suspended', 'revoked'])
  .describe(
    'active: valid; suspended: a payment dispute is open; revoked: refunded or dispute lost — no longer valid',
  )
  .meta({ id: 'CertificateStatus' });

export const LangQuerySchema = z.object({
  lang: z
    .enum(['nl', 'en'])
    .default('nl')
    .describe('Language of the document: Dutch (default) or English'),
});

export const CertificateIdParamsSchema = z.object({ id: z.uuid() });

export const ListCertificatesQuerySchema = PageQuerySchema.extend({
  organisationId: z
    .uuid()
    .optional()
    .describe('Platform admins only: the certificates of one supplier'),
});
export type ListCertificatesQuery = z.infer<typeof ListCertificatesQuerySchema>;

export const CertificateSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe('e.g. IB-2026-000123'),
    verificationCode: z
      .string()
      .describe('The code the QR code and the public verification routes use'),
    verificationUrl: z.string(),
    orderId: z.uuid(),
    status: CertificateStatusSchema,
    statusChangedAt: z.iso.datetime().nullable(),
    supplier: z.object({ id: z.uuid(), name: z.string(), kvkNumber: z.string().nullable() }),
    project: z.object({ id: z.uuid(), title: z.string() }),
    initiative: z.object({ name: z.string() }),
    credits: z.number().int(),
    serialStart: z.number().int(),
    serialEnd: z.number().int(),
    valueCents: z.number().int().describe('Euro value in cents'),
    currency: z.string(),
    issuedAt: z.iso.datetime(),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof CertificateSchema>;

export const CertificatePageSchema = pageSchema(CertificateSchema).meta({ id: 'CertificatePage' });
export type CertificatePage = z.infer<typeof CertificatePageSchema>;

export const CertificateJwsSchema = z
  .object({
    jws: z
      .string()
      .describe(
        'Compact JWS (EdDSA, Ed25519) over the certificate’s facts; verify against /.well-known/jwks.json',
      ),
    kid: z.string().describe('The signing key id'),
  })
  .meta({ id: 'CertificateJws' });

export const JwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        kid: z.string(),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .meta({ id: 'Jwks' });

export const PdfResponseSchema = {
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
} as const;

// ------------------------------------------------------------------ public verification

export const VerificationCodeParamsSchema = z.object({ code: z.string().max(200) });

/** What anyone may know about a certificate: no people, only organisations and numbers. */
export const VerificationSchema = z
  .object({
    genuine: z.literal(true),
    status: CertificateStatusSchema,
    valid: z.boolean().describe('True only while the certificate is active'),
    number: z.string(),
    supplier: z.object({ name: z.string(), kvkNumber: z.string().nullable() }),
    project: z.object({ title: z.string() }),
    initiative: z.object({ name: z.string() }),
    credits: z.number().int(),
    serialStart: z.number().int(),
    serialEnd: z.number().int(),
    valueCents: z.number().int(),
    currency: z.string(),
    issuedAt: z.iso.datetime(),
    statusChangedAt: z.iso.datetime().nullable(),
    statusReason: z
      .string()
      .nullable()
      .describe(
        'Why a suspended or revoked certificate is no longer valid (e.g. refunded because its project did not reach its threshold); null while active',
      ),
    countedToward: z
      .array(
        z.object({
          authority: z.object({ name: z.string() }),
          contractReference: z.string(),
          credits: z.number().int(),
          approvedAt: z.iso.datetime(),
        }),
      )
      .describe(
        'Approved claims: the authorities and contract references these credits have been counted toward (a credit counts once)',
      ),
  })
  .meta({ id: 'CertificateVerification' });
export type Verification = z.infer<typeof VerificationSchema>;

export const PdfVerificationSchema = z
  .union([
    VerificationSchema,
    z.object({
      genuine: z.literal(false),
      message: z.string(),
    }),
  ])
  .meta({ id: 'PdfVerification' });
export type PdfVerification = z.infer<typeof PdfVerificationSchema>;

export const VerifyJwsBodySchema = z
  .object({ jws: z.string().max(16_384) })
  .meta({ id: 'VerifyJws' });

export const JwsVerificationSchema = z
  .object({
    valid: z.boolean().describe('The signature is ours and intact'),
    reason: z
      .enum(['malformed', 'unsupported_algorithm', 'unknown_kid', 'bad_signature', 'wrong_issuer'])
      .nullable(),
    kid: z.string().nullable(),
    certificate: VerificationSchema.nullable().describe(
      'The certificate as it stands now (its current status), when the JWS is valid',
    ),
  })
  .meta({ id: 'JwsVerification' });
export type JwsVerificationResult = z.infer<typeof JwsVerificationSchema>;
