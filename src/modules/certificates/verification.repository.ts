import { type Kysely, sql } from 'kysely';
import type { CertificateStatus, DB } from '../../db/types.js';

/** What public verification by code shows (the database function certificate_verification). */
export interface VerificationRow {
  id: string;
  number: string;
  status: CertificateStatus;
  status_reason: string | null;
  status_changed_at: Date | null;
  credits: number;
  serial_start: number;
  serial_end: number;
  value_cents: number;
  currency: string;
  issued_at: Date;
  supplier_name: string;
  supplier_kvk_number: string | null;
  project_title: string;
  initiative_name: string;
  /** Approved claims as json: [{ authority, contractReference, credits, approvedAt }]. */
  counted_toward: unknown;
}

/**
 * The hot read behind GET /v1/verify/{code} and the QR page: one call of a PL/pgSQL
 * function, whose plan is prepared once per connection instead of planned per request
 * (migration 20261122065000). Always read afresh: verification shows the current status.
 */
export async function findVerificationByCode(
  db: Kysely<DB>,
  code: string,
): Promise<VerificationRow | undefined> {
  const result =
    await sql<VerificationRow>`SELECT * FROM certificate_verification(${code})`.execute(db);
  return result.rows[0];
}
