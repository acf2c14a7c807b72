import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorCache } from '../../src/modules/users/actor-cache.js';
import type { OrganisationRow } from '../../src/db/types.js';
import { type Person, TestContext } from '../factory/index.js';

/**
 * The signed-in user's check kept in memory, against the real database: triggers NOTIFY
 * what changed, the app's listener forgets it, and the next request sees the change.
 * Notifications arrive after the commit (on the server, over a connection of their own),
 * so each check waits for the change to show, up to a bound, and fails if it never does.
 */
const onServer = !!process.env.TEST_DATABASE_URL;

async function eventually(
  read: () => Promise<number>,
  wanted: number,
  timeoutMs = 3_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === wanted || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('signed-in users checked from memory until the database says they changed', () => {
  let t: TestContext;
  let supplier: OrganisationRow;
  let otherSupplier: OrganisationRow;
  let admin: Person;
  const cache = new ActorCache();

  beforeAll(async () => {
    t = await TestContext.create({ actorCache: cache });
    supplier = await t.newOrganisation('supplier');
    otherSupplier = await t.newOrganisation('supplier');
    admin = await t.platformAdmin();
  });
  afterAll(() => t?.close());

  const me = (headers: { authorization: string }) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers }).then((r) => r.statusCode);
  const post = (url: string) => t.post(admin, url);
  const signIn = async (user: { email: string; password: string }) => (await t.signIn(user)).as;

  /** Changes a user with its triggers switched off: no notification, as if one were lost. */
  async function changeUnheard(userId: string, status: 'active' | 'disabled') {
    await t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      try {
        await sql`UPDATE users SET status = ${status} WHERE id = ${userId}`.execute(conn);
      } finally {
        await sql`SET session_replication_role = DEFAULT`.execute(conn);
      }
    });
  }

  /**
   * Signing in writes the user's row (last sign-in), whose notification may arrive after
   * the first request cached the user and rightly forget it: ask until the entry stays.
   */
  async function cachedAfterSignIn(userId: string, headers: { authorization: string }) {
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(await me(headers)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (cache.get(userId)) return;
    }
    throw new Error('the user never stayed in the cache');
  }

  it('answers a second request without reading the user again', async () => {
    expect(cache.serving).toBe(true);
    const user = await t.newUser({ organisation: supplier });
    const headers = (await signIn(user)).headers;
    await cachedAfterSignIn(user.id, headers);
    await changeUnheard(user.id, 'disabled');
    // The database says disabled, but nothing told the cache: the remembered check.
    expect(await me(headers)).toBe(200);
    await changeUnheard(user.id, 'active');
  });

  it('locks a disabled user out as soon as the change is heard', async () => {
    const user = await t.newUser({ organisation: supplier });
    const headers = (await signIn(user)).headers;
    expect(await me(headers)).toBe(200);
    expect((await post(`/v1/users/${user.id}/disable`)).statusCode).toBe(200);
    expect(await eventually(() => me(headers), 401)).toBe(401);
    // Enabled again, the old token stays dead (its generation is older); a new sign-in works.
    expect((await post(`/v1/users/${user.id}/enable`)).statusCode).toBe(200);
    expect(await me(headers)).toBe(401);
    expect(await me((await signIn(user)).headers)).toBe(200);
  });

  it('locks out every user of a disabled organisation', async () => {
    const user = await t.newUser({ organisation: otherSupplier });
    const headers = (await signIn(user)).headers;
    expect(await me(headers)).toBe(200);
    expect((await post(`/v1/organisations/${otherSupplier.id}/disable`)).statusCode).toBe(200);
    expect(await eventually(() => me(headers), 401)).toBe(401);
  });

  it.runIf(onServer)(
    'reads the database while its listening connection is down, and caches again once it is back',
    async () => {
      const user = await t.newUser({ organisation: supplier });
      const headers = (await signIn(user)).headers;
      expect(await me(headers)).toBe(200);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN actor_changed' AND datname = current_database()`.execute(
        t.db,
      );
      const deadline = Date.now() + 3_000;
      while (cache.serving && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(cache.serving).toBe(false);
      // A change nobody hears now still counts: nothing is served from memory.
      await changeUnheard(user.id, 'disabled');
      expect(await me(headers)).toBe(401);
      await changeUnheard(user.id, 'active');
      const back = Date.now() + 5_000;
      while (!cache.serving && Date.now() < back)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(cache.serving).toBe(true);
      expect(await me(headers)).toBe(200);
    },
  );
});
