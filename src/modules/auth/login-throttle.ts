import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { addSeconds } from '../../lib/clock.js';
import { tooManyRequests } from '../../lib/errors.js';
import { loginFailuresRepository } from './auth.repository.js';

export interface ThrottleLimits {
  windowSeconds: number;
  /** Failed logins for one account within the window before it is throttled. */
  perAccount: number;
  /** Failed logins from one client address within the window before it is throttled. */
  perAddress: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 20,
};

/**
 * Counts failed logins in the database, so the limit holds across API instances and
 * restarts. An account under attack is throttled whoever attacks it; an address trying
 * many accounts is throttled whichever it tries.
 */
export function createLoginThrottle(db: Kysely<DB>, limits: ThrottleLimits = DEFAULT_THROTTLE) {
  const keys = (email: string, ip: string) => ({
    account: `account:${email}`,
    address: `address:${ip}`,
  });

  async function retryAfter(key: string, limit: number, now: Date): Promise<number | undefined> {
    const since = addSeconds(now, -limits.windowSeconds);
    const { count, oldest } = await loginFailuresRepository.countSince(db, key, since);
    if (count < limit || !oldest) return undefined;
    const freeAt = addSeconds(oldest, limits.windowSeconds);
    return Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 1000));
  }

  return {
    async assertAllowed(email: string, ip: string, now: Date): Promise<void> {
      const { account, address } = keys(email, ip);
      const waits = await Promise.all([
        retryAfter(account, limits.perAccount, now),
        retryAfter(address, limits.perAddress, now),
      ]);
      const wait = Math.max(...waits.map((w) => w ?? 0));
      if (wait > 0) {
        throw tooManyRequests(
          'AUTH.TOO_MANY_ATTEMPTS',
          'Too many failed sign-in attempts; try again later',
          wait,
        );
      }
    },

    async recordFailure(email: string, ip: string, now: Date): Promise<void> {
      const { account, address } = keys(email, ip);
      await loginFailuresRepository.record(db, [account, address], now);
      // Old rows only matter inside the window; trimming here keeps the table small without a job.
      await loginFailuresRepository.prune(db, addSeconds(now, -2 * limits.windowSeconds));
    },

    async recordSuccess(email: string): Promise<void> {
      await loginFailuresRepository.clear(db, keys(email, '').account);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
