import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

export const CertificateStatusSchema = z
  .enum(['active', 'suspended', 'revoked'])
  .describe(
    'active: valid; suspended: a payment dispute is open; revoked: refunded or dispute lost — no longer valid',
  )
  .meta({ id: 'CertificateStatus' });

/** The supplier as the certificate names it: at issue, and what changed since (null when nothing did). */
const CertificateSupplierSchema = z.object({
  name: z.string().describe('The supplier’s legal name when the certificate was issued'),
  kvkNumber: z
    .string()
    .nullable()
    .describe('The supplier’s KvK number when the certificate was issued'),
  nameNow: z
    .string()
    .nullable()
    .describe('The supplier’s legal name today, if it has changed since issue; otherwise null'),
  kvkNumberNow: z
    .string()
    .nullable()
    .describe('The supplier’s KvK number today, if it has changed since issue; otherwise null'),
});

export const CertificatePublicReasonSchema = z
  .enum(['refunded', 'funding_failed', 'payment_disputed', 'withdrawn'])
  .describe(
    'Why a certificate is not valid: refunded; funding_failed (the project’s funding round failed and the payment was returned); payment_disputed (a payment dispute is open or was lost); withdrawn (by the platform)',
  )
  .meta({ id: 'CertificatePublicReason' });

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
    supplier: CertificateSupplierSchema.extend({ id: z.uuid() }),
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
    supplier: CertificateSupplierSchema,
    project: z.object({ title: z.string() }),
    initiative: z.object({ name: z.string() }),
    credits: z.number().int(),
    creditsRemaining: z
      .number()
      .int()
      .nullable()
      .describe(
        'Credits not yet claimed toward an obligation; null when the certificate cannot be used (suspended or revoked)',
      ),
    serialStart: z.number().int(),
    serialEnd: z.number().int(),
    valueCents: z.number().int(),
    currency: z.string(),
    issuedAt: z.iso.datetime(),
    statusChangedAt: z.iso.datetime().nullable().describe('When it was suspended or revoked'),
    publicReason: CertificatePublicReasonSchema.nullable().describe(
      'Why a suspended or revoked certificate is not valid, from a fixed list; null while active. Internal notes are never shown.',
    ),
    countedToward: z
      .array(
        z.object({
          authority: z.object({ name: z.string() }),
          contractTitle: z.string(),
          contractReference: z.string().describe('The authority’s reference for the contract'),
          credits: z.number().int(),
          valueCents: z
            .number()
            .int()
            .describe(
              'The euro value counted toward the obligation (the last credit of a claim may count in part)',
            ),
          approvedAt: z.iso.datetime(),
          tenderNed: z
            .object({ reference: z.string(), url: z.string() })
            .nullable()
            .describe(
              'The TenderNed publication the contract came from, when the authority recorded it',
            ),
        }),
      )
      .describe(
        'Approved claims: the authorities and contracts these credits have been counted toward, with the credits and euro value counted (a credit counts once)',
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
