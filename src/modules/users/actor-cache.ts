import { NotifiedCache, type NotifiedCacheOptions } from '../../lib/notified-cache.js';
import type { credentialsRepository } from '../auth/auth.repository.js';

/**
 * Who an access token's subject is (user, organisation, role, statuses, token
 * generation), as every authenticated request checks it, kept in memory so that the check
 * costs no database round trip. A NotifiedCache (src/lib/notified-cache.ts): nothing is
 * served unless the database's change notifications are heard. Triggers (migration
 * 20261122110000) NOTIFY the channel below with a user's id whenever its row changes or is
 * deleted, and with the ids of an organisation's users when the organisation's status or
 * kind changes, so a disabled user or organisation is locked out as soon as the
 * notification arrives (milliseconds), and at once while notifications are not heard.
 */
export const ACTOR_CHANNEL = 'actor_changed';

export type ActorRow = NonNullable<Awaited<ReturnType<typeof credentialsRepository.findActor>>>;

export class ActorCache extends NotifiedCache<ActorRow> {
  constructor(options: NotifiedCacheOptions = {}) {
    super(ACTOR_CHANNEL, options);
  }
}
