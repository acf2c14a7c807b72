import type { Notifications } from '../db/notifications.js';

/**
 * Values read from the database, kept in this process's memory for as long as the
 * database can tell it what changed: triggers NOTIFY a channel with the key of every
 * changed value, or '*' to forget everything (src/db/notifications.ts delivers them after
 * the commit).
 *
 * Nothing is served unless notifications are heard: while the listening connection is
 * down the cache is bypassed and emptied, and it serves again only once listening afresh.
 * What remains is the time a notification takes to arrive after its commit (milliseconds
 * on one network), the same window as a request that read just before the commit.
 *
 * A read that started before an invalidation must not store what it read after it: every
 * invalidation moves an epoch, and a read stores its value only if the epoch it began in
 * is still current. Values are frozen: every request that reads one shares it.
 */
export interface NotifiedCacheOptions {
  maxEntries?: number;
  /** An upper bound on an entry's age, whatever the notifications say. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

export class NotifiedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #channel: string;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #epoch = 0;
  #serving = false;

  constructor(channel: string, options: NotifiedCacheOptions = {}) {
    this.#channel = channel;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether values come from here (only while change notifications are heard). */
  get serving(): boolean {
    return this.#serving;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    if (!this.#serving) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.storedAt > this.#ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    // Most recently used last: the Map's order is the eviction order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Call before reading the database; hand the value read to store() with it. */
  epoch(): number {
    return this.#epoch;
  }

  store(key: string, value: V, readInEpoch: number): void {
    if (!this.#serving || readInEpoch !== this.#epoch) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value: deepFreeze(value), storedAt: this.#now() });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  invalidate(key: string): void {
    this.#epoch += 1;
    if (key === '*') this.#entries.clear();
    else this.#entries.delete(key);
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

  /** Follows the database's change notifications on this cache's channel; resolves once the first attempt is over. */
  listen(notifications: Notifications): Promise<() => Promise<void>> {
    return notifications.subscribe(this.#channel, {
      onMessage: (payload) => this.invalidate(payload),
      onGap: () => this.suspend(),
      onReady: () => this.resume(),
    });
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
