import { describe, expect, it } from 'vitest';
import type { Verification } from '../../src/modules/certificates/certificates.schemas.js';
import {
  type VerificationAnswer,
  VerificationCache,
} from '../../src/modules/certificates/verification-cache.js';

const answer = (status: 'active' | 'revoked' = 'active'): VerificationAnswer => {
  const verification = { status, countedToward: [] } as unknown as Verification;
  return { verification, json: JSON.stringify(verification) };
};

function liveCache(options: ConstructorParameters<typeof VerificationCache>[0] = {}) {
  const cache = new VerificationCache(options);
  cache.resume();
  return cache;
}

describe('verification cache', () => {
  it('serves nothing until it hears the database, and nothing while it may miss a change', () => {
    const cache = new VerificationCache();
    cache.store('A', answer(), cache.epoch());
    expect(cache.get('A')).toBeUndefined();
    cache.resume();
    cache.store('A', answer(), cache.epoch());
    expect(cache.get('A')?.verification.status).toBe('active');
    cache.suspend();
    expect(cache.serving).toBe(false);
    expect(cache.get('A')).toBeUndefined();
    cache.resume();
    // What was kept before the gap is gone: it may have changed unheard.
    expect(cache.get('A')).toBeUndefined();
  });

  it('forgets one code, or every code on "*"', () => {
    const cache = liveCache();
    cache.store('A', answer(), cache.epoch());
    cache.store('B', answer(), cache.epoch());
    cache.invalidate('A');
    expect(cache.get('A')).toBeUndefined();
    expect(cache.get('B')).toBeDefined();
    cache.invalidate('*');
    expect(cache.size).toBe(0);
  });

  it('does not store a read that began before an invalidation (it may hold the old state)', () => {
    const cache = liveCache();
    const epoch = cache.epoch();
    // ... the database is read; meanwhile a change to this certificate is notified ...
    cache.invalidate('A');
    cache.store('A', answer('active'), epoch);
    expect(cache.get('A')).toBeUndefined();
    // A read that began afterwards is stored.
    cache.store('A', answer('revoked'), cache.epoch());
    expect(cache.get('A')?.verification.status).toBe('revoked');
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = liveCache({ maxEntries: 2 });
    cache.store('A', answer(), cache.epoch());
    cache.store('B', answer(), cache.epoch());
    cache.get('A');
    cache.store('C', answer(), cache.epoch());
    expect(cache.get('B')).toBeUndefined();
    expect(cache.get('A')).toBeDefined();
    expect(cache.get('C')).toBeDefined();
  });

  it('drops an entry older than its time to live', () => {
    let now = 1_000;
    const cache = liveCache({ ttlMs: 100, now: () => now });
    cache.store('A', answer(), cache.epoch());
    now += 100;
    expect(cache.get('A')).toBeDefined();
    now += 1;
    expect(cache.get('A')).toBeUndefined();
  });

  it('hands out answers nobody can change', () => {
    const cache = liveCache();
    const verification = {
      status: 'active',
      countedToward: [{ credits: 1 }],
    } as unknown as Verification;
    cache.store('A', { verification, json: JSON.stringify(verification) }, cache.epoch());
    const cached = cache.get('A')!;
    expect(() => {
      (cached.verification as { status: string }).status = 'revoked';
    }).toThrow(TypeError);
    expect(() => (cached.verification.countedToward as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (cached as { json: string }).json = '{}';
    }).toThrow(TypeError);
  });
});
