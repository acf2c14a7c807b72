import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { recordEvent } from '../../src/modules/events/events.js';
import {
  type Receiver,
  runWebhookJobs,
  startReceiver,
  type WebhookBody,
} from '../helpers/webhook-receiver.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
  type SignedIn,
} from '../factory/index.js';

interface EndpointJson {
  id: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  secret?: string;
  secretRotation: { previousSecretValidUntil: string } | null;
}

/** Verifies as a receiver does, with the Standard Webhooks library, at the time `at`. */
function verifyAt(
  secret: string,
  delivery: { headers: Record<string, string>; body: string },
  at: Date,
) {
  vi.setSystemTime(at);
  try {
    return new Webhook(secret).verify(delivery.body, delivery.headers) as WebhookBody;
  } finally {
    vi.useRealTimers();
  }
}

describe('signed webhooks for monitoring systems', () => {
  let t: TestContext;
  let supplier: Person;
  let coordinator: Person;
  let viewer: Person;
  let otherCoordinator: Person;
  let project: ListedProject;
  let receiver: Receiver;

  const api = (
    who: SignedIn,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  async function register(who: SignedIn, eventTypes: string[], url = receiver.url) {
    const response = await api(who, 'POST', '/v1/webhook-endpoints', {
      url,
      eventTypes,
      description: 'WIZZR',
    });
    expectStatus(response, 201);
    return response.json<EndpointJson & { secret: string }>();
  }

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
    });
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    viewer = await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation });
    otherCoordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 400 });
    receiver = await startReceiver();
  }, 120_000);
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  afterEach(async () => {
    // Each test starts with a receiver that accepts everything and no endpoints.
    receiver.answerWith(() => 200);
    receiver.received.length = 0;
    await t.db.deleteFrom('webhook_endpoints').execute();
  });

  it('delivers claim events to the authority, verifiable with the standardwebhooks package', async () => {
    const endpoint = await register(coordinator.as, ['claim.submitted', 'claim.approved']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    // The secret is shown once: never again.
    const read = await api(coordinator.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}`);
    expectStatus(read, 200);
    expect(read.body).not.toContain(endpoint.secret.slice(6));
    const listed = await api(coordinator.as, 'GET', '/v1/webhook-endpoints');
    expect(listed.body).not.toContain(endpoint.secret.slice(6));

    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 4,
    });
    expectStatus(await t.obligations.approve(coordinator.as, claim.id, 'Verified'), 200);
    await runWebhookJobs(t);

    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual([
      'claim.submitted',
      'claim.approved',
    ]);
    const approved = receiver.received[1]!;
    // Verified by the Standard Webhooks library, with the secret shown at registration, now.
    const payload = new Webhook(endpoint.secret).verify(
      approved.body,
      approved.headers,
    ) as WebhookBody;
    expect(approved.headers['webhook-id']).toMatch(/^msg_/);
    expect(payload.type).toBe('claim.approved');
    // The object as the API answers the authority, and links to it.
    const asApi = await t.get(coordinator.as, `/v1/claims/${claim.id}`);
    expect(payload.data.object).toEqual(asApi.json());
    expect(payload.data.links['api']).toBe(`http://impactbeurs.test/v1/claims/${claim.id}`);
    // A wrong secret does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.from('not the secret').toString('base64')}`).verify(
        approved.body,
        approved.headers,
      ),
    ).toThrow();

    // The delivery log says how it went.
    const log = await api(coordinator.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expectStatus(log, 200);
    const items = log.json().items as {
      status: string;
      attempts: number;
      lastAttempt: { statusCode: number };
    }[];
    expect(items).toHaveLength(2);
    expect(items.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
    expect(items[0]!.lastAttempt.statusCode).toBe(200);

    // The supplier is not subscribed: its own events are not sent to the authority's endpoint twice.
    await runWebhookJobs(t);
    expect(receiver.received).toHaveLength(2);
  });

  it('tells the buyer of its certificate, with the certificate as the API shows it to the buyer', async () => {
    const endpoint = await register(supplier.as, ['certificate.issued']);
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
    await runWebhookJobs(t);
    const [issued] = receiver.accepted();
    expect(issued?.json.type).toBe('certificate.issued');
    const payload = new Webhook(endpoint.secret).verify(
      issued!.body,
      issued!.headers,
    ) as WebhookBody;
    const asApi = await t.get(supplier.as, `/v1/certificates/${certificate.id}`);
    expectStatus(asApi, 200);
    expect(payload.data.object).toEqual(asApi.json());
    expect(payload.data.links['verification']).toBe(asApi.json().verificationUrl);
  });

  it('records an event only when its change commits', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('domain_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const contract = await t.newContract({ coordinator, supplier });
    const before = await count();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordEvent(trx, {
          type: 'contract.closed',
          objectId: contract.id,
          occurredAt: t.clock.now(),
        });
        throw new Error('the change fails after its event was recorded');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count()).toBe(before);

    // A refused change through the API (a closed contract cannot be closed again) adds nothing either.
    expectStatus(await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`), 200);
    const afterClose = await count();
    expect(afterClose).toBe(before + 1);
    expectProblem(
      await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`),
      409,
      'CONTRACT.CLOSED',
    );
    expect(await count()).toBe(afterClose);
  });

  it('retries with backoff: a receiver failing five times gets each event once, in order per object', async () => {
    const endpoint = await register(coordinator.as, [
      'claim.submitted',
      'claim.approved',
      'claim.withdrawn',
    ]);
    let failures = 0;
    receiver.answerWith(() => (failures++ < 5 ? 500 : 204));

    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 3,
    });
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    expectStatus(await t.obligations.withdraw(coordinator.as, claim.id), 200);

    await runWebhookJobs(t);
    // Only the first event is tried while it fails: the later ones of the claim wait.
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['claim.submitted']);
    // Nothing is retried before its time.
    await runWebhookJobs(t);
    expect(receiver.received).toHaveLength(1);
    // 5 s, 5 min, 30 min, 2 h, 5 h later it is tried again; the sixth attempt succeeds.
    for (const seconds of [5, 300, 1_800, 7_200, 18_000]) {
      t.clock.advance(seconds * 1000);
      await runWebhookJobs(t);
    }
    const accepted = receiver.accepted();
    expect(accepted.map((r) => r.json.type)).toEqual([
      'claim.submitted',
      'claim.approved',
      'claim.withdrawn',
    ]);
    expect(receiver.received).toHaveLength(8);
    // The same message every time: one webhook-id per event, whatever the attempts.
    const submittedIds = new Set(receiver.received.slice(0, 6).map((r) => r.headers['webhook-id']));
    expect(submittedIds.size).toBe(1);
    for (const delivery of accepted) verifyAt(endpoint.secret, delivery, t.clock.now());

    const log = await api(coordinator.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    const first = (log.json().items as { id: string; eventType: string }[]).find(
      (d) => d.eventType === 'claim.submitted',
    )!;
    const detail = await api(
      coordinator.as,
      'GET',
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/${first.id}`,
    );
    expectStatus(detail, 200);
    const attempts = detail.json().attemptLog as {
      statusCode: number;
      responsePrefix: string;
      succeeded: boolean;
    }[];
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 204]);
    expect(attempts[0]!.responsePrefix).toBe('failing on purpose (500)');

    // Redelivered by hand: the same message again.
    const again = await api(
      coordinator.as,
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/${first.id}/redeliver`,
    );
    expectStatus(again, 200);
    expect(again.json().status).toBe('pending');
    expectProblem(
      await api(
        coordinator.as,
        'POST',
        `/v1/webhook-endpoints/${endpoint.id}/deliveries/${first.id}/redeliver`,
      ),
      409,
      'WEBHOOK_DELIVERY.IN_PROGRESS',
    );
    await runWebhookJobs(t);
    const last = receiver.received[receiver.received.length - 1]!;
    expect(last.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
    expect(last.body).toBe(receiver.received[0]!.body);
  });

  it('signs with the old and the new secret while a rotation overlaps, then with the new only', async () => {
    const endpoint = await register(coordinator.as, ['contract.created']);
    const rotated = await api(
      coordinator.as,
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
    );
    expectStatus(rotated, 200);
    const { secret: newSecret, previousSecretValidUntil } = rotated.json<{
      secret: string;
      previousSecretValidUntil: string;
    }>();
    expect(newSecret).not.toBe(endpoint.secret);
    expect(Date.parse(previousSecretValidUntil) - t.clock.now().getTime()).toBe(24 * 3_600_000);

    await t.newContract({ coordinator, supplier });
    await runWebhookJobs(t);
    const during = receiver.received[0]!;
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifyAt(endpoint.secret, during, t.clock.now()).type).toBe('contract.created');
    expect(verifyAt(newSecret, during, t.clock.now()).type).toBe('contract.created');

    t.clock.advance(24 * 3_600_000 + 1000);
    await t.newContract({ coordinator, supplier });
    await runWebhookJobs(t);
    const after = receiver.received[1]!;
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verifyAt(newSecret, after, t.clock.now()).type).toBe('contract.created');
    expect(() => verifyAt(endpoint.secret, after, t.clock.now())).toThrow();
  });

  it('disables an endpoint that fails for three days and records that for its owner', async () => {
    const endpoint = await register(coordinator.as, ['contract.created']);
    receiver.answerWith(() => 503);
    await t.newContract({ coordinator, supplier });
    await runWebhookJobs(t);
    for (let hour = 0; hour < 80; hour += 1) {
      t.clock.advance(3_600_000);
      await runWebhookJobs(t);
    }
    const read = await api(coordinator.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}`);
    expect(read.json()).toMatchObject({ enabled: false, disabledReason: 'failing' });
    // 0, 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h until three days have passed.
    expect(receiver.received).toHaveLength(12);
    const log = await api(coordinator.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expect(log.json().items[0]).toMatchObject({ status: 'failed', attempts: 12 });
    const disabled = await t.db
      .selectFrom('domain_events')
      .selectAll()
      .where('type', '=', 'webhook_endpoint.disabled')
      .where('object_id', '=', endpoint.id)
      .execute();
    expect(disabled).toHaveLength(1);
    expect(disabled[0]!.organisation_ids).toEqual([coordinator.organisation.id]);

    // Enabled again by its owner, it is sent new events.
    receiver.answerWith(() => 200);
    const enabled = await api(coordinator.as, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
      enabled: true,
    });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null });
    await t.newContract({ coordinator, supplier });
    await runWebhookJobs(t);
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('answers 404 for another organisation’s endpoint ids, and keeps viewers to reading', async () => {
    const endpoint = await register(coordinator.as, ['claim.submitted']);
    const other = otherCoordinator.as;
    for (const who of [other, supplier.as]) {
      for (const [method, url, body] of [
        ['GET', `/v1/webhook-endpoints/${endpoint.id}`],
        ['PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { enabled: false }],
        ['DELETE', `/v1/webhook-endpoints/${endpoint.id}`],
        ['POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`],
        ['GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`],
      ] as const) {
        expectProblem(await api(who, method, url, body), 404, 'RESOURCE.NOT_FOUND');
      }
      const theirs = await api(who, 'GET', '/v1/webhook-endpoints');
      expect(theirs.json().items.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
    }
    // The authority's viewer reads but does not change.
    expectStatus(await api(viewer.as, 'GET', `/v1/webhook-endpoints/${endpoint.id}`), 200);
    expectProblem(
      await api(viewer.as, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url,
        eventTypes: ['claim.submitted'],
      }),
      403,
      'AUTH.FORBIDDEN',
    );
    // Initiatives do not register endpoints.
    const initiative = await t.newInitiative();
    expectProblem(await api(initiative.as, 'GET', '/v1/webhook-endpoints'), 403, 'AUTH.FORBIDDEN');
  });

  it('sends another organisation nothing of the authority’s claims', async () => {
    const theirs = await register(otherCoordinator.as, ['claim.submitted', 'contract.created']);
    const ours = await register(coordinator.as, ['claim.submitted']);
    const certificate = await t.newCertificate({ owner: supplier, credits: 5, project });
    const contract = await t.newContract({ coordinator, supplier });
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 1,
    });
    await runWebhookJobs(t);
    const deliveriesOf = async (id: string) =>
      t.db
        .selectFrom('webhook_deliveries')
        .select('event_type')
        .where('endpoint_id', '=', id)
        .execute();
    expect(await deliveriesOf(theirs.id)).toEqual([]);
    expect((await deliveriesOf(ours.id)).map((d) => d.event_type)).toEqual(['claim.submitted']);
  });

  it('delivers each event once and in order per object when two instances deliver at once', async () => {
    // A second instance of the app on the same database, with its own job queue.
    const otherJobs = new InProcessJobQueue({ autoRun: false });
    const other = await buildApp({
      config: t.config,
      db: t.db,
      clock: t.clock,
      jobs: otherJobs,
      logger: false,
    });
    await other.ready();
    try {
      await register(coordinator.as, ['contract.created', 'contract.changed', 'contract.closed']);
      const contracts = await Promise.all([
        t.newContract({ coordinator, supplier }),
        t.newContract({ coordinator, supplier }),
        t.newContract({ coordinator, supplier }),
      ]);
      for (const contract of contracts) {
        const changed = await t.app.inject({
          method: 'PATCH',
          url: `/v1/contracts/${contract.id}`,
          headers: coordinator.as.headers,
          payload: { title: 'Onderhoud en beheer openbare ruimte' },
        });
        expectStatus(changed, 200);
        expectStatus(await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`), 200);
      }
      const queue = t.jobs as InProcessJobQueue;
      // The first attempts fail, so that every delivery is due again at once later.
      receiver.answerWith(() => 503);
      await runWebhookJobs(t);
      expect(receiver.received).toHaveLength(3);
      // A slow receiver, and both instances delivering at the same time, twice over.
      receiver.answerWith(() => new Promise((resolve) => setTimeout(() => resolve(200), 100)));
      t.clock.advance(6_000);
      for (let round = 0; round < 2; round += 1) {
        await Promise.all([
          queue.send('webhooks.deliver', {}),
          otherJobs.send('webhooks.deliver', {}),
        ]);
        await Promise.all([queue.drain(), otherJobs.drain()]);
      }
      const accepted = receiver.accepted();
      const bodies = accepted.map((r) => r.json);
      expect(bodies).toHaveLength(9);
      expect(new Set(accepted.map((r) => r.headers['webhook-id'])).size).toBe(9);
      for (const contract of contracts)
        expect(bodies.filter((b) => b.data.objectId === contract.id).map((b) => b.type)).toEqual([
          'contract.created',
          'contract.changed',
          'contract.closed',
        ]);
    } finally {
      await other.close();
    }
  });
});
