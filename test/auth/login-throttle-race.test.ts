import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser } from '../helpers/fixtures.js';

/**
 * The account throttle (5 failures in 15 minutes) must hold when the failures arrive all
 * at once: counting and recording an attempt are one step, so no more than 5 wrong
 * passwords get a real check. Each attempt comes from an address of its own, so neither
 * the per-address throttle nor the per-route rate limit (per address) answers in its stead;
 * what is measured is how many attempts reached the password check (401).
 */
describe('login throttle under parallel attempts', () => {
  let t: TestApp;
  let target: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp();
    target = await createUser(t.db, await createOrganisation(t.db, 'supplier'), 'member');
  });
  afterAll(() => t.close());

  const attempt = (password: string, i: number) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: target.email, password },
      remoteAddress: `10.70.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    });

  it('lets at most 5 of 50 simultaneous wrong passwords be checked; the rest answer 429', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(`wrong password number ${i}`, i)),
    );
    const codes = responses.map((response) => response.json<{ code: string }>().code);
    const checked = codes.filter((code) => code === 'AUTH.INVALID_CREDENTIALS').length;
    const throttled = codes.filter((code) => code === 'AUTH.TOO_MANY_ATTEMPTS').length;

    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThan(0);
    expect(checked + throttled).toBe(50);
    for (const response of responses) expect([401, 429]).toContain(response.statusCode);

    // The audit trail agrees: no more failed checks were recorded than the limit.
    const failures = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('action', '=', 'auth.login_failed')
      .where('subject_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(Number(failures.count)).toBe(checked);

    // And the right password is refused too while the account is throttled.
    expect((await attempt(target.password, 200)).statusCode).toBe(429);
  });
});
