import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../factory/index.js';

/** Public verification stays rate limited per client address; the limit comes from configuration. */
describe('verification rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t?.close());

  it('defaults to 120 a minute and can be configured', () => {
    expect(testConfig().verifyRateLimitPerMinute).toBe(120);
    expect(t.config.verifyRateLimitPerMinute).toBe(3);
    expect(() => testConfig({ VERIFY_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /VERIFY_RATE_LIMIT_PER_MINUTE/,
    );
  });

  it('answers 429 once an address used up its requests, on every verification route', async () => {
    const code = 'Z'.repeat(26);
    const from = (ip: string) => ({ remoteAddress: ip });
    for (let i = 0; i < 3; i++)
      expect(
        (await t.app.inject({ method: 'GET', url: `/v1/verify/${code}`, ...from('10.9.0.1') }))
          .statusCode,
      ).toBe(404);
    const limited = await t.app.inject({
      method: 'GET',
      url: `/v1/verify/${code}`,
      ...from('10.9.0.1'),
    });
    expectProblem(limited, 429, 'RATE_LIMIT.EXCEEDED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own allowance.
    expect(
      (await t.app.inject({ method: 'GET', url: `/v1/verify/${code}`, ...from('10.9.0.2') }))
        .statusCode,
    ).toBe(404);
    for (let i = 0; i < 3; i++)
      await t.app.inject({ method: 'GET', url: `/verify/${code}`, ...from('10.9.0.3') });
    expect(
      (await t.app.inject({ method: 'GET', url: `/verify/${code}`, ...from('10.9.0.3') }))
        .statusCode,
    ).toBe(429);
  });
});
