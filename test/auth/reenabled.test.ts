import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createWorld, signIn } from '../helpers/fixtures.js';

describe('access tokens issued before a lock-out', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let admin: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    admin = (await signIn(t.app, world.admin)).headers;
  });
  afterAll(() => t.close());

  const me = (headers: { authorization: string }) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers });
  const post = (url: string) => t.app.inject({ method: 'POST', url, headers: admin });

  it('stay dead after the user is enabled again; a new sign-in works', async () => {
    const before = (await signIn(t.app, world.supplierMember)).headers;
    expect((await me(before)).statusCode).toBe(200);

    expect((await post(`/v1/users/${world.supplierMember.id}/disable`)).statusCode).toBe(200);
    expect((await post(`/v1/users/${world.supplierMember.id}/enable`)).statusCode).toBe(200);

    const stale = await me(before);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('AUTH.ACCOUNT_DISABLED');

    const fresh = (await signIn(t.app, world.supplierMember)).headers;
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('stay dead after the organisation is enabled again', async () => {
    const before = (await signIn(t.app, world.coordinator)).headers;
    expect((await post(`/v1/organisations/${world.authority.id}/disable`)).statusCode).toBe(200);
    expect((await post(`/v1/organisations/${world.authority.id}/enable`)).statusCode).toBe(200);
    expect((await me(before)).statusCode).toBe(401);
  });
});
