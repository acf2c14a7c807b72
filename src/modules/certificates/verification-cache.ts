import type { Notifications } from '../../db/notifications.js';
import type { Verification } from './certificates.schemas.js';

/** An answer as kept: the verification, and its JSON as the route's response schema writes it. */
export interface VerificationAnswer {
  verification: Verification;
  json: string;
}

/**
 * What public verification by code answered, kept in memory so that a QR code scanned
 * again does not cost a database read (GET /v1/verify/{code} and the /verify page).
 *
 * Verification must show a certificate as it stands now, so nothing is served from here
 * unless the database can tell this process what changed: triggers NOTIFY the channel
 * below with the verification code of every certificate whose answer changed (status,
 * claims counted toward it) or with '*' when a name, title or contract reference that
 * many certificates show was edited (migration 20261122096000). While the listening
 * connection is down the cache is bypassed and emptied; it serves again only once
 * listening afresh. What remains is the time a notification takes to arrive after the
 * commit (milliseconds on one network), the same window as a request that read just
 * before the commit.
 *
 * A read that started before an invalidation must not store what it read after it: every
 * invalidation moves an epoch, and a read stores its answer only if the epoch it began in
 * is still current. Unknown codes are never cached (a flood of made-up codes would evict
 * real ones, and their 404 is one index probe).
 */
export const VERIFICATION_CHANNEL = 'certificate_verification';

export interface VerificationCacheOptions {
  maxEntries?: number;
  /** An upper bound on an entry's age, whatever the notifications say. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  value: VerificationAnswer;
  storedAt: number;
}

export class VerificationCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #epoch = 0;
  #serving = false;

  constructor(options: VerificationCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether answers come from here (only while change notifications are heard). */
  get serving(): boolean {
    return this.#serving;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(code: string): VerificationAnswer | undefined {
    if (!this.#serving) return undefined;
    const entry = this.#entries.get(code);
    if (!entry) return undefined;
    if (this.#now() - entry.storedAt > this.#ttlMs) {
      this.#entries.delete(code);
      return undefined;
    }
    // Most recently used last: the Map's order is the eviction order.
    this.#entries.delete(code);
    this.#entries.set(code, entry);
    return entry.value;
  }

  /** Call before reading the database; hand the answer to store() with it. */
  epoch(): number {
    return this.#epoch;
  }

  store(code: string, value: VerificationAnswer, readInEpoch: number): void {
    if (!this.#serving || readInEpoch !== this.#epoch) return;
    this.#entries.delete(code);
    this.#entries.set(code, { value: deepFreeze(value), storedAt: this.#now() });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  invalidate(code: string): void {
    this.#epoch += 1;
    if (code === '*') this.#entries.clear();
    else this.#entries.delete(code);
  }

  /** Changes may go unheard: serve nothing from memory until resume(). */
  suspend(): void {
    this.#serving = false;
    this.invalidate('*');
  }

  /** Changes are heard again; what was kept before may be stale, so start empty. */
  resume(): void {
    this.invalidate('*');
    this.#serving = true;
  }

  /** Follows the database's change notifications; resolves once listening. */
  listen(notifications: Notifications): Promise<() => Promise<void>> {
    return notifications.subscribe(VERIFICATION_CHANNEL, {
      onMessage: (payload) => this.invalidate(payload),
      onGap: () => this.suspend(),
      onReady: () => this.resume(),
    });
  }
}

/** A cached answer is shared by every request that reads it: nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
