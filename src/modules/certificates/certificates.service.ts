import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Lang } from '../../lib/format.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { renderCertificatePdf, verificationUrl } from './certificate-pdf.js';
import { certificatesRepository as repo, type CertificateView, type CountedToward, isUuid } from './certificates.repository.js';
import { readJson } from '../../db/json.js';
import type {
  Certificate,
  CertificatePage,
  JwsVerificationResult,
  ListCertificatesQuery,
  PdfVerification,
  Verification,
} from './certificates.schemas.js';
import { renderInvoicePdf, type InvoiceAddress } from './invoice-pdf.js';
import type { CertificateFacts, CertificateSigner, JwksDocument } from './signing.js';

export interface CertificatesDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  signer: CertificateSigner;
}

export interface PdfDocument {
  bytes: Buffer;
  sha256: string;
  filename: string;
}

/** Verification codes are ≥ 128 random bits (Crockford base32); anything unlike a code is refused before the database. */
const CODE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createCertificatesService(deps: CertificatesDeps) {
  const { db, clock, config, signer } = deps;

  /** Another organisation's certificate is answered as if it did not exist. */
  async function visibleCertificate(ctx: Ctx, id: string): Promise<CertificateView> {
    const actor = requireActor(ctx);
    const view = isUuid(id) ? await repo.findView(db, id) : undefined;
    if (!view || (!isPlatformAdmin(actor) && view.buyer_organisation_id !== actor.organisationId)) throw notFound('Certificate');
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
      supplier: { id: view.buyer_organisation_id, name: view.supplier_name, kvkNumber: view.supplier_kvk_number },
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

  function toVerification(view: CertificateView): Verification {
    return {
      genuine: true,
      status: view.status,
      valid: view.status === 'active',
      number: view.number,
      supplier: { name: view.supplier_name, kvkNumber: view.supplier_kvk_number },
      project: { title: view.project_title },
      initiative: { name: view.initiative_name },
      credits: view.credits,
      serialStart: view.serial_start,
      serialEnd: view.serial_end,
      valueCents: Number(view.value_cents),
      currency: view.currency,
      issuedAt: view.issued_at.toISOString(),
      statusChangedAt: view.status_changed_at?.toISOString() ?? null,
      countedToward: readJson<CountedToward[]>(view.counted_toward).map((claim) => ({
        authority: { name: claim.authority },
        contractReference: claim.contractReference,
        credits: claim.credits,
        approvedAt: new Date(claim.approvedAt).toISOString(),
      })),
    };
  }

  function factsOf(view: CertificateView): CertificateFacts {
    return {
      number: view.number,
      verificationCode: view.verification_code,
      supplier: { name: view.supplier_name, kvkNumber: view.supplier_kvk_number ?? '' },
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
    async list(ctx: Ctx, query: ListCertificatesQuery): Promise<CertificatePage> {
      const actor = requireActor(ctx);
      let organisationId: string | undefined = actor.organisationId;
      if (isPlatformAdmin(actor)) organisationId = query.organisationId;
      else if (query.organisationId !== undefined && query.organisationId !== actor.organisationId) {
        throw forbidden('AUTH.FORBIDDEN', 'Only platform admins can list another organisation’s certificates');
      }
      const before = decodeCursor(query.cursor, ['issuedAt', 'id'] as const, (v) => isUuid(v.id) && !Number.isNaN(Date.parse(v.issuedAt)));
      const rows = await repo.list(db, { organisationId, before, limit: query.limit });
      return toPage(rows, query.limit, toCertificate, (row) => ({ issuedAt: row.issued_at.toISOString(), id: row.id }));
    },

    async get(ctx: Ctx, id: string): Promise<Certificate> {
      return toCertificate(await visibleCertificate(ctx, id));
    },

    /**
     * The certificate's PDF: rendered on first download, its SHA-256 recorded, and the
     * stored bytes returned on every later download (byte-identical), whatever the status.
     */
    async pdf(ctx: Ctx, id: string, lang: Lang): Promise<PdfDocument> {
      const view = await visibleCertificate(ctx, id);
      const filename = `${view.number}-${lang}.pdf`;
      const stored = await repo.findDocument(db, view.id, lang);
      if (stored) return { ...stored, filename };
      const bytes = await renderCertificatePdf(
        {
          ...factsOf(view),
          supplier: { name: view.supplier_name, kvkNumber: view.supplier_kvk_number ?? '' },
          publicUrl: config.publicUrl,
          issuer: config.seller.name,
          project: { title: view.project_title, summary: view.project_summary, expectedOutcomes: await repo.expectedOutcomes(db, view.project_id) },
          signingKeyId: signer.kid,
        },
        lang,
      );
      await repo.insertDocument(db, { certificateId: view.id, lang, sha256: sha256Hex(bytes), bytes, renderedAt: clock.now() });
      // A concurrent first download may have stored its rendering first: that one is the document.
      const document = (await repo.findDocument(db, view.id, lang))!;
      return { ...document, filename };
    },

    async jws(ctx: Ctx, id: string): Promise<{ jws: string; kid: string }> {
      const view = await visibleCertificate(ctx, id);
      return { jws: await signer.sign(factsOf(view)), kid: signer.kid };
    },

    /** The order's invoice (orders paid by invoice carry a gapless invoice number). */
    async invoicePdf(ctx: Ctx, orderId: string, lang: Lang): Promise<PdfDocument> {
      const actor = requireActor(ctx);
      const order = isUuid(orderId) ? await repo.findOrder(db, orderId) : undefined;
      if (!order || (!isPlatformAdmin(actor) && order.buyer_organisation_id !== actor.organisationId)) throw notFound('Order');
      if (order.status !== 'paid' && order.status !== 'refunded') {
        throw conflict('INVOICE.NOT_AVAILABLE', 'The invoice PDF is available once the order is paid');
      }
      if (order.invoice_number === null) throw conflict('INVOICE.NOT_AVAILABLE', 'This order has no invoice number');
      const filename = `${order.invoice_number}-${lang}.pdf`;
      const stored = await repo.findInvoiceDocument(db, order.id, lang);
      if (stored) return { ...stored, filename };
      const certificate = await db.selectFrom('certificates').select(['number', 'serial_start', 'serial_end']).where('order_id', '=', order.id).executeTakeFirst();
      const bytes = await renderInvoicePdf(
        {
          kind: 'invoice',
          number: order.invoice_number,
          issuedAt: order.created_at,
          dueAt: null,
          seller: config.seller,
          buyer: {
            name: order.billing_name,
            address: (order.billing_address as InvoiceAddress | null) ?? null,
            kvkNumber: order.billing_kvk_number,
            vatNumber: order.billing_vat_number,
          },
          line: {
            projectTitle: order.project_title,
            quantity: order.quantity,
            unitPriceCents: order.unit_price_cents,
            certificateNumber: certificate?.number ?? null,
            serialStart: certificate?.serial_start ?? null,
            serialEnd: certificate?.serial_end ?? null,
          },
          vat: config.vat,
          currency: order.currency,
          payment: {
            method: order.payment_method,
            status: 'paid',
            reference: order.payment_reference,
            paidAt: order.paid_at,
          },
        },
        lang,
      );
      await repo.insertInvoiceDocument(db, { orderId: order.id, lang, sha256: sha256Hex(bytes), bytes, renderedAt: clock.now() });
      const document = (await repo.findInvoiceDocument(db, order.id, lang))!;
      return { ...document, filename };
    },

    jwks(): JwksDocument {
      return signer.jwks();
    },

    // -------------------------------------------------------------- public verification

    /** Unknown or malformed codes: 404, the malformed ones without a query. */
    async verifyCode(code: string): Promise<Verification> {
      const view = CODE_PATTERN.test(code) ? await repo.findViewByCode(db, code) : undefined;
      if (!view) throw notFound('Certificate');
      return toVerification(view);
    },

    /** An uploaded PDF is genuine only if it is byte for byte a document we handed out. */
    async verifyPdf(bytes: Buffer): Promise<PdfVerification> {
      const view = await repo.findViewBySha256(db, sha256Hex(bytes));
      if (!view) return { genuine: false, message: 'This PDF was not issued by this platform, or it has been changed since it was issued.' };
      return toVerification(view);
    },

    async verifyJws(jws: string): Promise<JwsVerificationResult> {
      const result = await signer.verify(jws);
      if (!result.valid) return { valid: false, reason: result.reason, kid: result.kid ?? null, certificate: null };
      const view = CODE_PATTERN.test(result.payload.verificationCode) ? await repo.findViewByCode(db, result.payload.verificationCode) : undefined;
      return { valid: true, reason: null, kid: result.kid, certificate: view ? toVerification(view) : null };
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
