import { NotifiedCache, type NotifiedCacheOptions } from '../../lib/notified-cache.js';
import type { Verification } from './certificates.schemas.js';

/**
 * What public verification by code answered, kept in memory so that a QR code scanned
 * again does not cost a database read (GET /v1/verify/{code} and the /verify page).
 *
 * Verification must show a certificate as it stands now, so this is a NotifiedCache
 * (src/lib/notified-cache.ts: nothing served unless the database's change notifications
 * are heard). Triggers NOTIFY the channel below with the verification code of every
 * certificate whose answer changed (status, claims counted toward it), or '*' when a
 * name, title or contract reference that many certificates show was edited (migration
 * 20261122096000). Unknown codes are never cached: a flood of made-up codes would evict
 * real ones, and their 404 is one index probe.
 */
export const VERIFICATION_CHANNEL = 'certificate_verification';

/** An answer as kept: the verification, and its JSON as the route's response schema writes it. */
export interface VerificationAnswer {
  verification: Verification;
  json: string;
}

export class VerificationCache extends NotifiedCache<VerificationAnswer> {
  constructor(options: NotifiedCacheOptions = {}) {
    super(VERIFICATION_CHANNEL, options);
  }
}
