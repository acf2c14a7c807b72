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

type Outcome = { wait: number; ids: number[] };

/** An attempt counted before its password is checked: the rows that count it. */
export interface ReservedAttempt {
  email: string;
  failureIds: number[];
}

/**
 * Counts failed logins in the database, so the limit holds across API instances and
 * restarts. An account under attack is throttled whoever attacks it; an address trying
 * many accounts is throttled whichever it tries.
 *
 * Counting and recording are one step: an attempt is counted as a failure *before* its
 * password is checked, under a lock per key, and the count is taken back when the password
 * proves right. Checking first and recording later let parallel attempts all pass the
 * check before any was recorded (50 at once were 50 password checks against a limit of 5).
 */
export function createLoginThrottle(db: Kysely<DB>, limits: ThrottleLimits = DEFAULT_THROTTLE) {
  const keys = (email: string, ip: string) => ({
    account: `account:${email}`,
    address: `address:${ip}`,
  });

  function retryAfter(
    { count, oldest }: { count: number; oldest: Date | null },
    limit: number,
    now: Date,
  ): number {
    if (count < limit || !oldest) return 0;
    const freeAt = addSeconds(oldest, limits.windowSeconds);
    return Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 1000));
  }

  return {
    /**
     * Counts this attempt, or answers 429 when the account or the address has used up its
     * attempts. In one transaction holding a lock on both keys, so of any number of
     * parallel attempts no more than the limit get through.
     */
    async reserve(email: string, ip: string, now: Date): Promise<ReservedAttempt> {
      const { account, address } = keys(email, ip);
      const since = addSeconds(now, -limits.windowSeconds);
      const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
        // One lock order for every attempt (account, then address): no deadlocks.
        await loginFailuresRepository.lockKeys(trx, [account, address]);
        const [forAccount, forAddress] = [
          await loginFailuresRepository.countSince(trx, account, since),
          await loginFailuresRepository.countSince(trx, address, since),
        ];
        const wait = Math.max(
          retryAfter(forAccount, limits.perAccount, now),
          retryAfter(forAddress, limits.perAddress, now),
        );
        if (wait > 0) return { wait, ids: [] };
        return { wait: 0, ids: await loginFailuresRepository.record(trx, [account, address], now) };
      });
      if (outcome.wait > 0) {
        throw tooManyRequests(
          'AUTH.TOO_MANY_ATTEMPTS',
          'Too many failed sign-in attempts; try again later',
          outcome.wait,
        );
      }
      return { email, failureIds: outcome.ids };
    },

    /** The password was wrong: the reserved attempt stays counted. Old rows are trimmed. */
    async failed(now: Date): Promise<void> {
      // Old rows only matter inside the window; trimming here keeps the table small without a job.
      await loginFailuresRepository.prune(db, addSeconds(now, -2 * limits.windowSeconds));
    },

    /** The password was right: the attempt is taken back, and the account's failures forgotten. */
    async succeeded(attempt: ReservedAttempt): Promise<void> {
      await loginFailuresRepository.remove(db, attempt.failureIds);
      await loginFailuresRepository.clear(db, keys(attempt.email, '').account);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
