import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationCache } from '../../src/modules/certificates/verification-cache.js';
import { type ListedProject, type Person, TestContext } from '../factory/index.js';

/**
 * The verification cache against the real database: triggers NOTIFY what changed, the
 * app's listener forgets it, and verification shows the change. Notifications arrive
 * after the commit (on the server, over a connection of their own), so each check waits
 * for the change to show, up to a bound, and fails if it never does.
 */
const onServer = !!process.env.TEST_DATABASE_URL;

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 3_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('verification answers cached until the database says they changed', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
  let project: ListedProject;
  const cache = new VerificationCache();

  beforeAll(async () => {
    // The checks below poll; the public rate limit must not answer in the route's stead.
    t = await TestContext.create({
      verificationCache: cache,
      env: { VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 200 });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** Changes a certificate with its triggers switched off: no notification, as if one were lost. */
  async function changeUnheard(certificateId: string, status: string) {
    await t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      try {
        // Its triggers are off too, so the public reason is set here as they would set it.
        await sql`UPDATE certificates SET status = ${status}, status_reason = 'unheard', public_reason = ${status === 'active' ? null : 'payment_disputed'} WHERE id = ${certificateId}`.execute(
          conn,
        );
      } finally {
        await sql`SET session_replication_role = DEFAULT`.execute(conn);
      }
    });
  }

  it('answers a second request from memory', async () => {
    expect(cache.serving).toBe(true);
    const certificate = await t.newCertificate({ owner: supplier, project });
    // A notification of the purchase may still arrive and rightly forget the first answer: ask until it stays.
    for (let attempt = 0; attempt < 50 && !cache.get(certificate.verificationCode); attempt++) {
      expect((await t.obligations.verification(certificate.verificationCode)).status).toBe(
        'active',
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(cache.get(certificate.verificationCode)).toBeDefined();
    await changeUnheard(certificate.id, 'suspended');
    // The database says suspended, but nothing told the cache: the remembered answer.
    expect((await t.obligations.verification(certificate.verificationCode)).status).toBe('active');
    await changeUnheard(certificate.id, 'active');
  });

  it('shows a refund as revoked: the certificate update is notified', async () => {
    const certificate = await t.newCertificate({ owner: supplier, project });
    expect((await t.obligations.verification(certificate.verificationCode)).status).toBe('active');
    expect((await t.orders.refund(admin.as, certificate.orderId)).statusCode).toBe(200);
    const after = await eventually(
      () => t.obligations.verification(certificate.verificationCode),
      (v) => v.status === 'revoked',
    );
    expect(after.status).toBe('revoked');
    // The HTML page a QR code opens reads the same answers.
    const page = await t.app.inject({
      method: 'GET',
      url: `/verify/${certificate.verificationCode}`,
    });
    expect(page.body).toMatch(/ingetrokken|revoked/i);
  });

  it('lists an approved claim, and drops it when the approval is withdrawn', async () => {
    const certificate = await t.newCertificate({ owner: supplier, project });
    const contract = await t.newContract({ coordinator, supplier });
    expect((await t.obligations.verification(certificate.verificationCode)).countedToward).toEqual(
      [],
    );
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 4,
    });
    expect((await t.obligations.approve(coordinator.as, claim.id)).statusCode).toBe(200);
    const counted = await eventually(
      () => t.obligations.verification(certificate.verificationCode),
      (v) => v.countedToward.length === 1,
    );
    expect(counted.countedToward).toEqual([
      expect.objectContaining({ contractReference: contract.reference, credits: 4 }),
    ]);
    expect((await t.obligations.withdraw(coordinator.as, claim.id)).statusCode).toBe(200);
    const withdrawn = await eventually(
      () => t.obligations.verification(certificate.verificationCode),
      (v) => v.countedToward.length === 0,
    );
    expect(withdrawn.countedToward).toEqual([]);
  });

  it('forgets every answer when a name shown on certificates changes', async () => {
    const certificate = await t.newCertificate({ owner: supplier, project });
    const before = await t.obligations.verification(certificate.verificationCode);
    await t.db
      .updateTable('organisations')
      .set({ name: 'De Vries Groen B.V.' })
      .where('id', '=', supplier.organisation.id)
      .execute();
    type Answer = { supplier: { name: string; nameNow: string | null } };
    const after = await eventually(
      () =>
        t.app
          .inject({ method: 'GET', url: `/v1/verify/${certificate.verificationCode}` })
          .then((r) => r.json<Answer>()),
      (v) => v.supplier.nameNow === 'De Vries Groen B.V.',
    );
    // The certificate keeps the name it was issued with; verification says what it is now.
    expect(before).toMatchObject({ supplier: { name: supplier.organisation.name, nameNow: null } });
    expect(after.supplier).toMatchObject({
      name: supplier.organisation.name,
      nameNow: 'De Vries Groen B.V.',
    });
  });

  it('forgets every answer when a contract title shown on certificates changes', async () => {
    const certificate = await t.newCertificate({ owner: supplier, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    expect((await t.obligations.approve(coordinator.as, claim.id)).statusCode).toBe(200);
    type Answer = { countedToward: { contractTitle: string }[] };
    const read = () =>
      t.app
        .inject({ method: 'GET', url: `/v1/verify/${certificate.verificationCode}` })
        .then((r) => r.json<Answer>());
    await eventually(read, (v) => v.countedToward.length === 1);
    await t.db
      .updateTable('contracts')
      .set({ title: 'Groenonderhoud Zuid' })
      .where('id', '=', contract.id)
      .execute();
    const after = await eventually(
      read,
      (v) => v.countedToward[0]?.contractTitle === 'Groenonderhoud Zuid',
    );
    expect(after.countedToward[0]?.contractTitle).toBe('Groenonderhoud Zuid');
  });

  it.runIf(onServer)(
    'reads the database while its listening connection is down, and caches again once it is back',
    async () => {
      const certificate = await t.newCertificate({ owner: supplier, project });
      expect((await t.obligations.verification(certificate.verificationCode)).status).toBe(
        'active',
      );
      // Cut the listener off, as a failover or a network fault would.
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN certificate_verification' AND datname = current_database()`.execute(
        t.db,
      );
      await eventually(
        async () => cache.serving,
        (serving) => !serving,
      );
      expect(cache.serving).toBe(false);
      // A change nobody hears now still shows: nothing is served from memory.
      await changeUnheard(certificate.id, 'suspended');
      expect((await t.obligations.verification(certificate.verificationCode)).status).toBe(
        'suspended',
      );
      // It listens again by itself, starting empty.
      await eventually(
        async () => cache.serving,
        (serving) => serving,
        5_000,
      );
      expect(cache.serving).toBe(true);
      expect((await t.obligations.verification(certificate.verificationCode)).status).toBe(
        'suspended',
      );
      await changeUnheard(certificate.id, 'active');
    },
  );
});
