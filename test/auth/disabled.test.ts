import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureUser,
  nextAddress,
  type Person,
  type SignedIn,
  TestContext,
} from '../factory/index.js';

// The auth routes are rate limited per client address (20 a minute); every call has its own.

describe('disabling users and organisations', () => {
  let t: TestContext;
  let admin: Person;
  let adminSession: SignedIn;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    adminSession = admin.as;
  });
  afterAll(() => t?.close());

  const signIn = async (user: { email: string; password: string }) => (await t.signIn(user)).as;

  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password },
      remoteAddress: nextAddress(),
    });
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken },
      remoteAddress: nextAddress(),
    });
  const me = (session: { headers: { authorization: string } }) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
  const post = (url: string, session: { headers: { authorization: string } }) =>
    t.app.inject({ method: 'POST', url, headers: session.headers });

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  }

  /** Every way the user could get in is closed, and the right password is told it is disabled. */
  async function expectLockedOut(user: FixtureUser, session: SignedIn) {
    expectProblem(await me(session), 401, 'AUTH.ACCOUNT_DISABLED');
    const renewed = await refresh(session.refreshToken);
    expect(renewed.statusCode, renewed.body).toBe(401);
    expect(['AUTH.INVALID_REFRESH_TOKEN', 'AUTH.ACCOUNT_DISABLED']).toContain(renewed.json().code);
    expectProblem(await login(user.email, user.password), 401, 'AUTH.ACCOUNT_DISABLED');
    // Without the password nobody learns that the account exists and is disabled.
    expectProblem(
      await login(user.email, 'not the password at all'),
      401,
      'AUTH.INVALID_CREDENTIALS',
    );
  }

  async function auditEvent(action: string, subjectId: string) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?action=${action}&subjectId=${subjectId}`,
      headers: adminSession.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(1);
    return items[0];
  }

  it('locks a disabled user out at once, and lets it sign in again once enabled', async () => {
    const supplier = await t.newOrganisation('supplier');
    const user = await t.newUser({ role: 'member', organisation: supplier });
    const colleague = await t.newUser({ role: 'member', organisation: supplier });
    const session = await signIn(user);
    const colleagueSession = await signIn(colleague);
    expect((await me(session)).statusCode).toBe(200);

    const disabled = await post(`/v1/users/${user.id}/disable`, adminSession);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ id: user.id, status: 'disabled' });

    // The access token was issued before and has not expired, yet it stops working now.
    await expectLockedOut(user, session);

    // A colleague in the same organisation is not affected.
    expect((await me(colleagueSession)).statusCode).toBe(200);
    expect((await refresh(colleagueSession.refreshToken)).statusCode).toBe(200);

    const enabled = await post(`/v1/users/${user.id}/enable`, adminSession);
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json()).toMatchObject({ id: user.id, status: 'active' });

    const again = await signIn(user);
    expect((await me(again)).statusCode).toBe(200);
    expect((await refresh(again.refreshToken)).statusCode).toBe(200);
    // The refresh token revoked by disabling stays revoked.
    expectProblem(await refresh(session.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');

    const event = await auditEvent('user.disabled', user.id);
    expect(event).toMatchObject({
      subjectType: 'user',
      actorUserId: admin.user.id,
      actorOrganisationId: admin.organisation.id,
      requestId: disabled.headers['x-request-id'],
    });
    expect(event.requestId).toEqual(expect.any(String));
    expect(await auditEvent('user.enabled', user.id)).toMatchObject({
      actorUserId: admin.user.id,
      requestId: enabled.headers['x-request-id'],
    });
  });

  it('refuses to refresh for a user disabled behind the API’s back', async () => {
    const supplier = await t.newOrganisation('supplier');
    const user = await t.newUser({ role: 'member', organisation: supplier });
    const session = await signIn(user);

    // E.g. an operator's SQL: the refresh token was never revoked, the status check still holds.
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expectProblem(await refresh(session.refreshToken), 401, 'AUTH.ACCOUNT_DISABLED');
    await t.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
    // That refusal ended the sign-in: re-enabling does not bring its refresh token back.
    const afterEnabling = await refresh(session.refreshToken);
    expect(afterEnabling.statusCode, afterEnabling.body).toBe(401);
    expect(['AUTH.INVALID_REFRESH_TOKEN', 'AUTH.REFRESH_TOKEN_REUSED']).toContain(
      afterEnabling.json().code,
    );
    // A new sign-in works as usual.
    const again = await signIn(user);
    expect((await refresh(again.refreshToken)).statusCode).toBe(200);
  });

  it('locks out every user of a disabled organisation, and lets them back in once enabled', async () => {
    const authority = await t.newOrganisation('authority');
    const coordinator = await t.newUser({ role: 'coordinator', organisation: authority });
    const viewer = await t.newUser({ role: 'viewer', organisation: authority });
    const sessions = new Map<FixtureUser, SignedIn>();
    for (const user of [coordinator, viewer]) {
      const session = await signIn(user);
      expect((await me(session)).statusCode).toBe(200);
      sessions.set(user, session);
    }
    const outsider = await signIn(await t.newUser({ role: 'coordinator' }));

    const disabled = await post(`/v1/organisations/${authority.id}/disable`, adminSession);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ id: authority.id, status: 'disabled' });

    for (const [user, session] of sessions) await expectLockedOut(user, session);

    // Another organisation of the same kind is not affected.
    expect((await me(outsider)).statusCode).toBe(200);
    expect((await refresh(outsider.refreshToken)).statusCode).toBe(200);

    const enabled = await post(`/v1/organisations/${authority.id}/enable`, adminSession);
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json()).toMatchObject({ status: 'active' });
    for (const user of [coordinator, viewer]) {
      const again = await signIn(user);
      expect((await me(again)).statusCode).toBe(200);
    }

    expect(await auditEvent('organisation.disabled', authority.id)).toMatchObject({
      subjectType: 'organisation',
      actorUserId: admin.user.id,
      actorOrganisationId: admin.organisation.id,
      requestId: disabled.headers['x-request-id'],
    });
    expect(await auditEvent('organisation.enabled', authority.id)).toMatchObject({
      actorUserId: admin.user.id,
      requestId: enabled.headers['x-request-id'],
    });
  });

  it('lets only platform admins disable or enable, and changes nothing when refused', async () => {
    const supplier = await t.newOrganisation('supplier');
    const target = await t.newUser({ role: 'member', organisation: supplier });
    const targetSession = await signIn(target);

    const coordinator = await t.newUser({ role: 'coordinator' });
    for (const caller of [
      await t.newUser({ role: 'reviewer' }),
      await t.newUser({ role: 'member', kind: 'initiative' }),
      await t.newUser({ role: 'member', kind: 'supplier' }),
      coordinator,
      await t.newUser({ role: 'viewer', organisation: coordinator.organisation }),
    ]) {
      const session = await signIn(caller);
      for (const url of [
        `/v1/users/${target.id}/disable`,
        `/v1/users/${target.id}/enable`,
        `/v1/organisations/${supplier.id}/disable`,
        `/v1/organisations/${supplier.id}/enable`,
        // Not even its own organisation or a colleague.
        `/v1/organisations/${caller.organisationId}/disable`,
      ]) {
        expectProblem(await post(url, session), 403, 'AUTH.FORBIDDEN');
      }
    }
    // A member cannot disable a colleague either.
    const colleague = await t.newUser({ role: 'member', organisation: supplier });
    const colleagueSession = await signIn(colleague);
    expectProblem(
      await post(`/v1/users/${target.id}/disable`, colleagueSession),
      403,
      'AUTH.FORBIDDEN',
    );

    for (const url of [
      `/v1/users/${target.id}/disable`,
      `/v1/organisations/${supplier.id}/disable`,
    ]) {
      expectProblem(await t.app.inject({ method: 'POST', url }), 401, 'AUTH.REQUIRED');
    }

    expect((await me(targetSession)).statusCode).toBe(200);
    const events = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?subjectId=${target.id}`,
      headers: adminSession.headers,
    });
    expect(
      events.json().items.filter((e: { action: string }) => e.action.startsWith('user.')),
    ).toEqual([]);
  });

  it('does not let an admin disable itself or its own organisation', async () => {
    expectProblem(
      await post(`/v1/users/${admin.user.id}/disable`, adminSession),
      409,
      'USER.CANNOT_DISABLE_SELF',
    );
    expectProblem(
      await post(`/v1/organisations/${admin.organisation.id}/disable`, adminSession),
      409,
      'ORGANISATION.CANNOT_DISABLE_OWN',
    );
    expect((await me(adminSession)).statusCode).toBe(200);
    expect((await me(adminSession)).json().user.status).toBe('active');
  });

  it('answers 404 for a user or organisation that does not exist', async () => {
    expectProblem(
      await post(`/v1/users/${randomUUID()}/disable`, adminSession),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await post(`/v1/organisations/${randomUUID()}/disable`, adminSession),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });
});
