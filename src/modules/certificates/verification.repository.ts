import { type Kysely, sql } from 'kysely';
import type { CertificatePublicReason, CertificateStatus, DB } from '../../db/types.js';

/** What public verification by code shows (the database function certificate_verification). */
export interface VerificationRow {
  id: string;
  number: string;
  status: CertificateStatus;
  public_reason: CertificatePublicReason | null;
  status_changed_at: Date | null;
  credits: number;
  claimed_credits: number;
  serial_start: number;
  serial_end: number;
  value_cents: number;
  currency: string;
  issued_at: Date;
  supplier_name_at_issue: string;
  supplier_kvk_number_at_issue: string | null;
  supplier_name_now: string;
  supplier_kvk_number_now: string | null;
  project_title: string;
  initiative_name: string;
  /** Approved claims as json: [{ authority, contractTitle, contractReference, credits, valueCents, approvedAt }]. */
  counted_toward: unknown;
}

/**
 * The hot read behind GET /v1/verify/{code} and the QR page: one call of a PL/pgSQL
 * function, whose plan is prepared once per connection instead of planned per request
 * (migration 20261204120000, first 20261122065000). Always read afresh: verification shows the current status.
 */
export async function findVerificationByCode(
  db: Kysely<DB>,
  code: string,
): Promise<VerificationRow | undefined> {
  const result =
    await sql<VerificationRow>`SELECT * FROM certificate_verification(${code})`.execute(db);
  return result.rows[0];
}
