import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextAddress, TestContext } from '../factory/index.js';

const COOKIE = 'impactbeurs_refresh';
const WEB = { 'x-impactbeurs-client': 'web' };

/**
 * A browser that signs in while its cookie still holds a session (another person at a
 * shared computer, or the same person again) must not leave that older session alive:
 * whoever copied the old refresh token could otherwise go on using it for 30 days.
 */
describe('signing in over an existing browser session', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  const webLogin = (user: { email: string; password: string }, cookie?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: WEB,
      payload: { email: user.email, password: user.password },
      ...(cookie === undefined ? {} : { cookies: { [COOKIE]: cookie } }),
      remoteAddress: nextAddress(),
    });

  const webRefresh = (cookie: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      headers: WEB,
      cookies: { [COOKIE]: cookie },
      remoteAddress: nextAddress(),
    });

  const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
    const cookie = response.cookies.find((c) => c.name === COOKIE);
    expect(cookie).toBeDefined();
    return cookie!.value;
  };

  it('ends the session of the cookie it replaces, and only that one', async () => {
    const first = await ctx.newUser();
    const second = await ctx.newUser();

    const firstLogin = await webLogin(first);
    expect(firstLogin.statusCode, firstLogin.body).toBe(200);
    const firstCookie = cookieOf(firstLogin);

    // A session of the first user elsewhere (another browser) must survive.
    const elsewhere = await webLogin(first);
    const elsewhereCookie = cookieOf(elsewhere);

    const secondLogin = await webLogin(second, firstCookie);
    expect(secondLogin.statusCode, secondLogin.body).toBe(200);
    const secondCookie = cookieOf(secondLogin);
    expect(secondCookie).not.toBe(firstCookie);

    const stale = await webRefresh(firstCookie);
    expect(stale.statusCode, stale.body).toBe(401);
    expect(stale.json()).toMatchObject({ code: 'AUTH.INVALID_REFRESH_TOKEN' });

    expect((await webRefresh(secondCookie)).statusCode).toBe(200);
    expect((await webRefresh(elsewhereCookie)).statusCode).toBe(200);
    expect(await ctx.auditCount('auth.logged_out', first.id)).toBe(1);
  });

  it('keeps the old session when the new sign-in fails', async () => {
    const user = await ctx.newUser();
    const cookie = cookieOf(await webLogin(user));

    const refused = await webLogin(
      { email: user.email, password: 'not the password at all' },
      cookie,
    );
    expect(refused.statusCode).toBe(401);

    expect((await webRefresh(cookie)).statusCode).toBe(200);
  });

  it('signs in as usual with a cookie that is unknown or already ended', async () => {
    const user = await ctx.newUser();
    const response = await webLogin(user, 'not-a-token-this-service-issued');
    expect(response.statusCode, response.body).toBe(200);
    expect((await webRefresh(cookieOf(response))).statusCode).toBe(200);
  });
});
