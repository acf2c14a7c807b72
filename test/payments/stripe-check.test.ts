import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStripeWebhookEndpoints,
  formatStripeCheck,
} from '../../src/modules/payments/stripe-check.js';
import {
  createStripeClient,
  STRIPE_API_VERSION,
} from '../../src/modules/payments/stripe-gateway.js';
import { STRIPE_WEBHOOK_EVENTS } from '../../src/modules/payments/stripe-webhook.service.js';
import { type FakeStripe, startFakeStripe } from '../helpers/fake-stripe.js';
import { testConfig } from '../helpers/app.js';

/** `npm run stripe:check`: the account's webhook endpoints against what the webhook needs. */

const PUBLIC_URL = 'https://impactbeurs.example';
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake?.close());

function check() {
  const config = testConfig({ ...fake.env, PUBLIC_URL });
  return checkStripeWebhookEndpoints(
    createStripeClient(config.stripe!, { maxNetworkRetries: 0 }),
    config.publicUrl,
  );
}

const endpoint = (overrides: Partial<FakeStripe['webhookEndpoints'][number]> = {}) => ({
  id: `we_${Math.random().toString(36).slice(2, 10)}`,
  url: `${PUBLIC_URL}/v1/stripe/webhook`,
  status: 'enabled' as const,
  enabled_events: [...STRIPE_WEBHOOK_EVENTS],
  api_version: STRIPE_API_VERSION,
  ...overrides,
});

describe('stripe:check', () => {
  it('fails without an endpoint at PUBLIC_URL, and says what is wrong with one that is there', async () => {
    fake.webhookEndpoints.length = 0;
    fake.webhookEndpoints.push(endpoint({ url: 'https://elsewhere.example/hook' }));
    let report = await check();
    expect(report).toMatchObject({ ok: false, matching: [], total: 1 });
    expect(formatStripeCheck(report)).toContain('no webhook endpoint points at');

    fake.webhookEndpoints.push(
      endpoint({
        enabled_events: STRIPE_WEBHOOK_EVENTS.filter((type) => type !== 'refund.failed'),
        api_version: '2020-08-27',
      }),
      endpoint({ status: 'disabled' }),
    );
    report = await check();
    expect(report.ok).toBe(false);
    expect(report.matching.map((m) => m.problems)).toEqual([
      ['missing events: refund.failed', `API version 2020-08-27, not ${STRIPE_API_VERSION}`],
      ['status is disabled'],
    ]);
    expect(fake.requestsTo('GET', '/v1/webhook_endpoints').length).toBeGreaterThan(0);
  });

  it('passes with an enabled endpoint that sends every needed event (or all) in the pinned version', async () => {
    fake.webhookEndpoints.length = 0;
    fake.webhookEndpoints.push(endpoint());
    expect((await check()).ok).toBe(true);
    fake.webhookEndpoints.length = 0;
    fake.webhookEndpoints.push(
      endpoint({ enabled_events: ['*'], url: `${PUBLIC_URL}/v1/stripe/webhook/` }),
    );
    const report = await check();
    expect(report.ok).toBe(true);
    expect(formatStripeCheck(report)).toContain('The webhook endpoint is set up.');
  });

  it('exits 0 when set up and 1 when not, as the command', async () => {
    // Not spawnSync: the fake Stripe answers from this process's event loop.
    const run = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/cli/stripe-check.ts'],
          { env: { ...process.env, ...fake.env, PUBLIC_URL }, timeout: 60_000 },
          (error, stdout, stderr) =>
            resolve({ status: error ? (error.code as number | null) : 0, stdout, stderr }),
        );
      });
    fake.webhookEndpoints.length = 0;
    fake.webhookEndpoints.push(endpoint());
    const good = await run();
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('OK:');
    fake.webhookEndpoints.length = 0;
    const bad = await run();
    expect(bad.status, bad.stderr).toBe(1);
  }, 120_000);
});
