import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import {
  isPublicAddress,
  type ResolvedAddress,
  resolveSafeTarget,
} from '../../src/modules/webhooks/safe-target.js';
import { testConfig } from '../helpers/app.js';
import { expectProblem, expectStatus, type SignedIn, TestContext } from '../factory/index.js';
import { runWebhookJobs } from '../helpers/webhook-receiver.js';

describe('which addresses are public', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses a host when any of its addresses is private, and http in production', async () => {
    const policy = { allowHttp: false, allowPrivate: false };
    const dns = (addresses: string[]) => async (): Promise<ResolvedAddress[]> =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    await expect(
      resolveSafeTarget('https://hooks.example/x', policy, dns(['93.184.216.34', '10.1.1.1'])),
    ).rejects.toThrow(/10\.1\.1\.1/);
    await expect(
      resolveSafeTarget('http://hooks.example/x', policy, dns(['93.184.216.34'])),
    ).rejects.toThrow(/only https/);
    await expect(
      resolveSafeTarget('https://user:pw@hooks.example/x', policy, dns(['93.184.216.34'])),
    ).rejects.toThrow(/user name/);
    const target = await resolveSafeTarget(
      'https://hooks.example/x',
      policy,
      dns(['93.184.216.34']),
    );
    // The request connects to the address checked here.
    expect(target.address).toEqual({ address: '93.184.216.34', family: 4 });
  });
});

describe('the test switch for loopback receivers', () => {
  it('cannot be turned on in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://impactbeurs.example',
      SIGNING_PRIVATE_KEY: '{}',
      MAIL_DISABLED: 'true',
    };
    expect(() => testConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(
      ConfigError,
    );
    expect(() => testConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    const config = testConfig(production);
    expect(config.webhooks).toMatchObject({ allowHttp: false, allowPrivateTargets: false });
    expect(testConfig().webhooks.allowPrivateTargets).toBe(false);
  });
});

describe('registering and delivering to unsafe targets (no test switch)', () => {
  let t: TestContext;
  let coordinator: SignedIn;
  /** What the test's DNS answers, per host name; changed between registration and delivery. */
  const dns = new Map<string, string>([['rebind.example', '93.184.216.34']]);

  beforeAll(async () => {
    t = await TestContext.create({
      webhookResolver: async (hostname) => {
        const address = dns.get(hostname);
        if (!address) throw new Error(`ENOTFOUND ${hostname}`);
        return [{ address, family: address.includes(':') ? 6 : 4 }];
      },
    });
    coordinator = (await t.newAuthority()).as;
  });
  afterAll(async () => t?.close());

  const register = (url: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: coordinator.headers,
      payload: { url, eventTypes: ['contract.created'] },
    });

  it.each([
    'http://127.0.0.1:8080/hooks',
    'http://[::1]/hooks',
    'http://10.0.0.5/hooks',
    'http://192.168.0.10/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.1.1/hooks',
    'http://[fe80::1]/hooks',
    'http://[fd00::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
    'http://224.0.0.1/hooks',
    'http://unknown-host.example/hooks',
    'ftp://93.184.216.34/hooks',
  ])('refuses %s', async (url) => {
    expectProblem(await register(url), 422, 'WEBHOOK_ENDPOINT.TARGET_REFUSED');
  });

  it('refuses a host that resolves to a private address, also when DNS changes after registration', async () => {
    dns.set('internal.example', '10.20.30.40');
    expectProblem(
      await register('http://internal.example/hooks'),
      422,
      'WEBHOOK_ENDPOINT.TARGET_REFUSED',
    );

    const created = await register('http://rebind.example/hooks');
    expectStatus(created, 201);
    // DNS rebinding: the name now points at loopback. The delivery is refused, not sent.
    dns.set('rebind.example', '127.0.0.1');
    const world = await t.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'authority')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('domain_events')
      .values({
        type: 'webhook_endpoint.disabled',
        object_type: 'webhook_endpoint',
        object_id: created.json().id,
        organisation_ids: [world.id],
        occurred_at: t.clock.now(),
      })
      .execute();
    await t.app.inject({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.json().id}`,
      headers: coordinator.headers,
      payload: { eventTypes: ['webhook_endpoint.disabled'] },
    });
    await runWebhookJobs(t);
    const log = await t.app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints/${created.json().id}/deliveries`,
      headers: coordinator.headers,
    });
    expectStatus(log, 200);
    const [delivery] = log.json().items;
    expect(delivery.lastAttempt).toMatchObject({ statusCode: null, succeeded: false });
    expect(delivery.lastAttempt.error).toMatch(/127\.0\.0\.1.*not a public address/);
  });
});
