import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, TestContext } from '../factory/index.js';

describe('access tokens issued before a lock-out', () => {
  let t: TestContext;
  let admin: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
  });
  afterAll(() => t?.close());

  const me = (who: Person) => t.get(who, '/v1/me');
  const post = (url: string) => t.post(admin, url);

  it('stay dead after the user is enabled again; a new sign-in works', async () => {
    const user = await t.newUser({ role: 'member', kind: 'supplier' });
    const before = await t.signIn(user);
    expect((await me(before)).statusCode).toBe(200);

    expect((await post(`/v1/users/${user.id}/disable`)).statusCode).toBe(200);
    expect((await post(`/v1/users/${user.id}/enable`)).statusCode).toBe(200);

    const stale = await me(before);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('AUTH.ACCOUNT_DISABLED');

    const fresh = await t.signIn(user);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('stay dead after the organisation is enabled again', async () => {
    const before = await t.newAuthority();
    expect((await post(`/v1/organisations/${before.organisation.id}/disable`)).statusCode).toBe(
      200,
    );
    expect((await post(`/v1/organisations/${before.organisation.id}/enable`)).statusCode).toBe(200);
    expect((await me(before)).statusCode).toBe(401);
  });
});
