import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** A port on which nothing listens: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The rate limits' Redis store when Redis is away: requests are answered (the limit is
 * not enforced) rather than failed, so a Redis outage does not take verification down.
 * The shared counting itself is tested with three instances in
 * test/server/multi-instance.test.ts.
 */
describe('rate limits with an unreachable Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
        VERIFY_RATE_LIMIT_PER_MINUTE: '2',
      },
    });
  });
  afterAll(async () => t?.close());

  it('answers rate-limited requests instead of failing them', async () => {
    for (let i = 0; i < 4; i++) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/verify/IB-NONE-${i}` });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
