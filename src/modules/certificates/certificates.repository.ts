import { type Kysely, sql } from 'kysely';
import type {
  CertificatePublicReason,
  CertificateStatus,
  DB,
  OutcomeType,
} from '../../db/types.js';

/**
 * A certificate with what its documents and verification show: the supplier as it was at
 * issue (the certificate's own columns) and as it is now, project, initiative, claims.
 */
export interface CertificateView {
  id: string;
  number: string;
  verification_code: string;
  order_id: string;
  project_id: string;
  buyer_organisation_id: string;
  credits: number;
  claimed_credits: number;
  serial_start: number;
  serial_end: number;
  value_cents: number;
  currency: string;
  status: CertificateStatus;
  /** Internal: for the platform team and the audit trail only, never shown publicly. */
  status_reason: string | null;
  public_reason: CertificatePublicReason | null;
  issued_at: Date;
  status_changed_at: Date | null;
  supplier_name_at_issue: string;
  supplier_kvk_number_at_issue: string | null;
  supplier_name_now: string;
  supplier_kvk_number_now: string | null;
  project_title: string;
  project_summary: string;
  initiative_name: string;
  /** Approved claims: which authorities' contracts the certificate counts toward (json, see viewQuery). */
  counted_toward: unknown;
}

/** One approved claim as public verification shows it: organisations, contracts and amounts, no people. */
export interface CountedToward {
  authority: string;
  contractTitle: string;
  contractReference: string;
  credits: number;
  valueCents: number | string;
  approvedAt: string;
  tenderNedReference?: string | null;
  tenderNedUrl?: string | null;
}

export interface StoredDocument {
  sha256: string;
  bytes: Buffer;
}

export { isUuid } from '../../lib/ids.js';

function viewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('organisations as s', 's.id', 'c.buyer_organisation_id')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .innerJoin('organisations as i', 'i.id', 'p.initiative_id')
    .selectAll('c')
    .select([
      's.name as supplier_name_now',
      's.kvk_number as supplier_kvk_number_now',
      'p.title as project_title',
      'p.summary as project_summary',
      'i.name as initiative_name',
      sql<unknown>`coalesce((
        SELECT json_agg(json_build_object('authority', a.name, 'contractTitle', k.title, 'contractReference', k.reference, 'credits', cl.credits, 'valueCents', cl.counted_cents, 'approvedAt', cl.decided_at, 'tenderNedReference', k.tenderned_reference, 'tenderNedUrl', k.tenderned_url) ORDER BY cl.decided_at, cl.id)
        FROM claims cl JOIN contracts k ON k.id = cl.contract_id JOIN organisations a ON a.id = cl.authority_id
        WHERE cl.certificate_id = c.id AND cl.status = 'approved'), '[]'::json)`.as(
        'counted_toward',
      ),
    ]);
}

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const certificatesRepository = {
  async findView(db: Kysely<DB>, id: string): Promise<CertificateView | undefined> {
    return viewQuery(db).where('c.id', '=', id).executeTakeFirst() as Promise<
      CertificateView | undefined
    >;
  },

  async findViewByCode(db: Kysely<DB>, code: string): Promise<CertificateView | undefined> {
    return viewQuery(db).where('c.verification_code', '=', code).executeTakeFirst() as Promise<
      CertificateView | undefined
    >;
  },

  async findViewBySha256(db: Kysely<DB>, sha256: string): Promise<CertificateView | undefined> {
    return viewQuery(db)
      .innerJoin('certificate_documents as d', 'd.certificate_id', 'c.id')
      .where('d.sha256', '=', sha256)
      .executeTakeFirst() as Promise<CertificateView | undefined>;
  },

  /** Newest first; `before` is the last row of the previous page. */
  async list(
    db: Kysely<DB>,
    filter: {
      organisationId?: string | undefined;
      before?: { issuedAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<CertificateView[]> {
    let query = viewQuery(db);
    if (filter.organisationId !== undefined)
      query = query.where('c.buyer_organisation_id', '=', filter.organisationId);
    if (filter.before !== undefined) {
      const { issuedAt, id } = filter.before;
      query = query.where(sql<boolean>`(c.issued_at, c.id) < (${new Date(issuedAt)}, ${id})`);
    }
    return query
      .orderBy('c.issued_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(filter.limit + 1)
      .execute() as Promise<CertificateView[]>;
  },

  async expectedOutcomes(
    db: Kysely<DB>,
    projectId: string,
  ): Promise<{ outcomeType: OutcomeType; expectedCount: number }[]> {
    const rows = await db
      .selectFrom('project_outcomes')
      .select(['outcome_type', 'expected_count'])
      .where('project_id', '=', projectId)
      .orderBy('outcome_type')
      .execute();
    return rows.map((row) => ({
      outcomeType: row.outcome_type,
      expectedCount: row.expected_count,
    }));
  },

  async findDocument(
    db: Kysely<DB>,
    certificateId: string,
    lang: 'nl' | 'en',
  ): Promise<StoredDocument | undefined> {
    const row = await db
      .selectFrom('certificate_documents')
      .select(['sha256', 'bytes'])
      .where('certificate_id', '=', certificateId)
      .where('lang', '=', lang)
      .executeTakeFirst();
    return row && { sha256: row.sha256, bytes: toBuffer(row.bytes) };
  },

  /** Stores a first rendering; when another request stored one first, that one stands. */
  async insertDocument(
    db: Kysely<DB>,
    row: {
      certificateId: string;
      lang: 'nl' | 'en';
      sha256: string;
      bytes: Buffer;
      renderedAt: Date;
    },
  ): Promise<void> {
    await db
      .insertInto('certificate_documents')
      .values({
        certificate_id: row.certificateId,
        lang: row.lang,
        sha256: row.sha256,
        bytes: row.bytes,
        rendered_at: row.renderedAt,
      })
      .onConflict((oc) => oc.columns(['certificate_id', 'lang']).doNothing())
      .execute();
  },

  async findInvoiceDocument(
    db: Kysely<DB>,
    orderId: string,
    lang: 'nl' | 'en',
  ): Promise<StoredDocument | undefined> {
    const row = await db
      .selectFrom('invoice_documents')
      .select(['sha256', 'bytes'])
      .where('order_id', '=', orderId)
      .where('lang', '=', lang)
      .executeTakeFirst();
    return row && { sha256: row.sha256, bytes: toBuffer(row.bytes) };
  },

  async insertInvoiceDocument(
    db: Kysely<DB>,
    row: { orderId: string; lang: 'nl' | 'en'; sha256: string; bytes: Buffer; renderedAt: Date },
  ): Promise<void> {
    await db
      .insertInto('invoice_documents')
      .values({
        order_id: row.orderId,
        lang: row.lang,
        sha256: row.sha256,
        bytes: row.bytes,
        rendered_at: row.renderedAt,
      })
      .onConflict((oc) => oc.columns(['order_id', 'lang']).doNothing())
      .execute();
  },

  async findOrder(db: Kysely<DB>, orderId: string) {
    return db
      .selectFrom('orders as o')
      .innerJoin('projects as p', 'p.id', 'o.project_id')
      .selectAll('o')
      .select('p.title as project_title')
      .where('o.id', '=', orderId)
      .executeTakeFirst();
  },
};
