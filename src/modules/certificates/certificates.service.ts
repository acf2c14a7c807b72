import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Lang } from '../../lib/format.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { verificationUrl } from '../../lib/verification-url.js';
import {
  certificatesRepository as repo,
  type CertificateView,
  type CountedToward,
  isUuid,
} from './certificates.repository.js';
import { readJson } from '../../db/json.js';
import {
  type Certificate,
  type CertificatePage,
  type JwsVerificationResult,
  type ListCertificatesQuery,
  type PdfVerification,
  type Verification,
  VerificationSchema,
} from './certificates.schemas.js';
import { createDocuments, sha256Hex } from './documents.js';
import { findInvoiceOrder, type InvoiceOrder } from './documents.repository.js';
import type { VerificationAnswer, VerificationCache } from './verification-cache.js';
import { findVerificationByCode, type VerificationRow } from './verification.repository.js';
import { normalizeCode } from './verification-code.js';
import type { CertificateFacts, CertificateSigner, JwksDocument } from './signing.js';

export interface CertificatesDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  signer: CertificateSigner;
  /** Answers of verification by code, kept while the database's change notifications are heard. */
  verificationCache?: VerificationCache | undefined;
}

export interface PdfDocument {
  bytes: Buffer;
  sha256: string;
  filename: string;
}

/** The supplier as at issue, and today's name and KvK number where they differ. */
function supplierOf(
  view: Pick<
    VerificationRow,
    | 'supplier_name_at_issue'
    | 'supplier_kvk_number_at_issue'
    | 'supplier_name_now'
    | 'supplier_kvk_number_now'
  >,
) {
  return {
    name: view.supplier_name_at_issue,
    kvkNumber: view.supplier_kvk_number_at_issue,
    nameNow: view.supplier_name_now === view.supplier_name_at_issue ? null : view.supplier_name_now,
    kvkNumberNow:
      view.supplier_kvk_number_now === view.supplier_kvk_number_at_issue
        ? null
        : view.supplier_kvk_number_now,
  };
}

/** Verification codes are ≥ 128 random bits (Crockford base32); anything unlike a code is refused before the database. */
const CODE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function createCertificatesService(deps: CertificatesDeps) {
  const { db, clock, config, signer, verificationCache: cache } = deps;
  const documents = createDocuments({ db, clock, config, signingKeyId: signer.kid });

  /** Another organisation's order is answered as if it did not exist. */
  async function visibleOrder(ctx: Ctx, orderId: string): Promise<InvoiceOrder> {
    const actor = requireActor(ctx);
    const order = isUuid(orderId) ? await findInvoiceOrder(db, orderId) : undefined;
    if (!order || (!isPlatformAdmin(actor) && order.buyer_organisation_id !== actor.organisationId))
      throw notFound('Order');
    return order;
  }

  /** Another organisation's certificate is answered as if it did not exist. */
  async function visibleCertificate(ctx: Ctx, id: string): Promise<CertificateView> {
    const actor = requireActor(ctx);
    const view = isUuid(id) ? await repo.findView(db, id) : undefined;
    if (!view || (!isPlatformAdmin(actor) && view.buyer_organisation_id !== actor.organisationId))
      throw notFound('Certificate');
    return view;
  }

  function toCertificate(view: CertificateView): Certificate {
    return {
      id: view.id,
      number: view.number,
      verificationCode: view.verification_code,
      verificationUrl: verificationUrl(config.publicUrl, view.verification_code),
      orderId: view.order_id,
      status: view.status,
      statusChangedAt: view.status_changed_at?.toISOString() ?? null,
      supplier: { id: view.buyer_organisation_id, ...supplierOf(view) },
      project: { id: view.project_id, title: view.project_title },
      initiative: { name: view.initiative_name },
      credits: view.credits,
      serialStart: view.serial_start,
      serialEnd: view.serial_end,
      valueCents: Number(view.value_cents),
      currency: view.currency,
      issuedAt: view.issued_at.toISOString(),
    };
  }

  /** A CertificateView, or the leaner row of findVerificationByCode. */
  function toVerification(view: VerificationRow): Verification {
    return {
      genuine: true,
      status: view.status,
      valid: view.status === 'active',
      number: view.number,
      supplier: supplierOf(view),
      project: { title: view.project_title },
      initiative: { name: view.initiative_name },
      credits: view.credits,
      creditsRemaining: view.status === 'active' ? view.credits - view.claimed_credits : null,
      serialStart: view.serial_start,
      serialEnd: view.serial_end,
      valueCents: Number(view.value_cents),
      currency: view.currency,
      issuedAt: view.issued_at.toISOString(),
      statusChangedAt: view.status_changed_at?.toISOString() ?? null,
      // Never status_reason: that is the platform team's note (a refund's reason, a dispute id).
      publicReason: view.status === 'active' ? null : (view.public_reason ?? 'withdrawn'),
      countedToward: readJson<CountedToward[]>(view.counted_toward).map((claim) => ({
        authority: { name: claim.authority },
        contractTitle: claim.contractTitle,
        contractReference: claim.contractReference,
        credits: claim.credits,
        valueCents: Number(claim.valueCents),
        approvedAt: new Date(claim.approvedAt).toISOString(),
        tenderNed:
          claim.tenderNedReference && claim.tenderNedUrl
            ? { reference: claim.tenderNedReference, url: claim.tenderNedUrl }
            : null,
      })),
    };
  }

  function factsOf(view: CertificateView): CertificateFacts {
    return {
      number: view.number,
      verificationCode: view.verification_code,
      // As at issue: the signed facts of a certificate do not change when its supplier is renamed.
      supplier: {
        name: view.supplier_name_at_issue,
        kvkNumber: view.supplier_kvk_number_at_issue ?? '',
      },
      project: { id: view.project_id, title: view.project_title },
      initiative: { name: view.initiative_name },
      credits: view.credits,
      serialStart: view.serial_start,
      serialEnd: view.serial_end,
      valueCents: Number(view.value_cents),
      currency: view.currency,
      issuedAt: view.issued_at,
    };
  }

  return {
    /** The document renderer, for the render jobs (document-jobs.ts). */
    documents,

    async list(ctx: Ctx, query: ListCertificatesQuery): Promise<CertificatePage> {
      const actor = requireActor(ctx);
      let organisationId: string | undefined = actor.organisationId;
      if (isPlatformAdmin(actor)) organisationId = query.organisationId;
      else if (
        query.organisationId !== undefined &&
        query.organisationId !== actor.organisationId
      ) {
        throw forbidden(
          'AUTH.FORBIDDEN',
          'Only platform admins can list another organisation’s certificates',
        );
      }
      const before = decodeCursor(
        query.cursor,
        ['issuedAt', 'id'] as const,
        (v) => isUuid(v.id) && !Number.isNaN(Date.parse(v.issuedAt)),
      );
      const rows = await repo.list(db, { organisationId, before, limit: query.limit });
      return toPage(rows, query.limit, toCertificate, (row) => ({
        issuedAt: row.issued_at.toISOString(),
        id: row.id,
      }));
    },

    async get(ctx: Ctx, id: string): Promise<Certificate> {
      return toCertificate(await visibleCertificate(ctx, id));
    },

    /**
     * The certificate's PDF: rendered once (by the render job at fulfilment, or by the first
     * download), its SHA-256 recorded, and the stored bytes returned on every download
     * (byte-identical), whatever the status.
     */
    async pdf(ctx: Ctx, id: string, lang: Lang): Promise<PdfDocument> {
      const view = await visibleCertificate(ctx, id);
      return {
        ...(await documents.certificatePdf(view, lang)),
        filename: `${view.number}-${lang}.pdf`,
      };
    },

    async jws(ctx: Ctx, id: string): Promise<{ jws: string; kid: string }> {
      const view = await visibleCertificate(ctx, id);
      return { jws: await signer.sign(factsOf(view)), kid: signer.kid };
    },

    /**
     * The invoice of an order: an invoice order's from the moment it is placed (to pay
     * from), a Stripe order's once it is paid; as it was issued: neither payment nor a
     * refund changes it, and a credit note is the correction.
     */
    async invoicePdf(ctx: Ctx, orderId: string, lang: Lang): Promise<PdfDocument> {
      const order = await visibleOrder(ctx, orderId);
      // An invoice order's invoice exists from its placement, whatever became of the order.
      const issuedAtPlacement = order.payment_method === 'invoice';
      if (!issuedAtPlacement && order.status !== 'paid' && order.status !== 'refunded') {
        throw conflict(
          'INVOICE.NOT_AVAILABLE',
          'The invoice PDF is available once the order is paid',
        );
      }
      const { invoice_number: number } = order;
      // A refunded order that was never paid (refunded before its payment was recorded) was never invoiced.
      if (number === null)
        throw conflict('INVOICE.NOT_AVAILABLE', 'This order was never paid, so it has no invoice');
      return {
        ...(await documents.invoicePdf({ ...order, invoice_number: number }, lang)),
        filename: `${number}-${lang}.pdf`,
      };
    },

    /** A purchase's one invoice: the buyer organisation's and admins' only. */
    async purchaseInvoicePdf(ctx: Ctx, purchaseId: string, lang: Lang): Promise<PdfDocument> {
      const actor = requireActor(ctx);
      const purchase = isUuid(purchaseId)
        ? await db
            .selectFrom('purchases')
            .select(['id', 'buyer_organisation_id'])
            .where('id', '=', purchaseId)
            .executeTakeFirst()
        : undefined;
      if (
        !purchase ||
        (!isPlatformAdmin(actor) && purchase.buyer_organisation_id !== actor.organisationId)
      )
        throw notFound('Purchase');
      const document = await documents.purchaseInvoice(purchase.id, lang);
      if (!document)
        throw conflict(
          'INVOICE.NOT_AVAILABLE',
          'The invoice of a card or iDEAL purchase is available once it is paid',
        );
      const number = (await db
        .selectFrom('purchases')
        .select('invoice_number')
        .where('id', '=', purchase.id)
        .executeTakeFirstOrThrow())!.invoice_number;
      return { ...document, filename: `${number}-${lang}.pdf` };
    },

    /** The credit note of a refunded order's invoice. */
    async creditNotePdf(ctx: Ctx, orderId: string, lang: Lang): Promise<PdfDocument> {
      const order = await visibleOrder(ctx, orderId);
      const {
        invoice_number: invoiceNumber,
        credit_note_id: id,
        credit_note_number: number,
        credit_note_issued_at: issuedAt,
      } = order;
      if (invoiceNumber === null || id === null || number === null || issuedAt === null) {
        throw conflict(
          'CREDIT_NOTE.NOT_AVAILABLE',
          'This order has no credit note: credit notes are issued when an invoiced order is refunded',
        );
      }
      const document = await documents.creditNotePdf(
        {
          ...order,
          invoice_number: invoiceNumber,
          credit_note_id: id,
          credit_note_number: number,
          credit_note_issued_at: issuedAt,
        },
        lang,
      );
      return { ...document, filename: `${number}-${lang}.pdf` };
    },

    jwks(): JwksDocument {
      return signer.jwks();
    },

    // -------------------------------------------------------------- public verification

    /** The time a verification page says it checked the certificate. */
    checkedAt(): Date {
      return clock.now();
    },

    /**
     * The answer for a code, with its JSON already written through the response schema
     * (the same whitelist the route's serializer applies), so that an answer served from
     * the cache is not serialised again. Unknown or malformed codes: 404, the malformed
     * ones without a query.
     */
    /** By the code as typed: case, spaces, dashes and look-alikes do not matter (normalizeCode). */
    async verifyCode(typed: string): Promise<VerificationAnswer> {
      const code = normalizeCode(typed) ?? typed;
      if (!CODE_PATTERN.test(code)) throw notFound('Certificate');
      const cached = cache?.get(code);
      if (cached) return cached;
      const epoch = cache?.epoch() ?? 0;
      const row = await findVerificationByCode(db, code);
      if (!row) throw notFound('Certificate');
      const verification = toVerification(row);
      const answer = { verification, json: JSON.stringify(VerificationSchema.parse(verification)) };
      cache?.store(code, answer, epoch);
      return answer;
    },

    /** An uploaded PDF is genuine only if it is byte for byte a document we handed out. */
    async verifyPdf(bytes: Buffer): Promise<PdfVerification> {
      const view = await repo.findViewBySha256(db, sha256Hex(bytes));
      if (!view)
        return {
          genuine: false,
          message:
            'This PDF was not issued by this platform, or it has been changed since it was issued.',
        };
      return toVerification(view);
    },

    async verifyJws(jws: string): Promise<JwsVerificationResult> {
      const result = await signer.verify(jws);
      if (!result.valid)
        return { valid: false, reason: result.reason, kid: result.kid ?? null, certificate: null };
      const view = CODE_PATTERN.test(result.payload.verificationCode)
        ? await repo.findViewByCode(db, result.payload.verificationCode)
        : undefined;
      return {
        valid: true,
        reason: null,
        kid: result.kid,
        certificate: view ? toVerification(view) : null,
      };
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
