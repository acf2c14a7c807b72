import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisputeToCertificate } from '../../src/modules/payments/disputes.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';

/** What a certificate's refund, suspension or revocation does to the claims made with it (DESIGN §4, §5.4). */
describe('claims when their certificate changes status', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let otherCoordinator: Person;
  let project: ListedProject;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    otherCoordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 300 });
  }, 120_000);
  afterAll(async () => t?.close());

  /** What the Stripe webhook does with a dispute event, for the certificate of a paid order. */
  const dispute = (
    order: { orderId: string; amountCents: number },
    status: string,
    closed: boolean,
  ) =>
    t.db.transaction().execute((trx) =>
      applyDisputeToCertificate(trx, t.orders.ctx(), {
        id: `dp_${order.orderId.slice(0, 8)}`,
        orderId: order.orderId,
        chargeId: `ch_${order.orderId.slice(0, 8)}`,
        amountCents: order.amountCents,
        status,
        reason: 'fraudulent',
        openedAt: t.clock.now(),
        closedAt: closed ? t.clock.now() : null,
      }),
    );

  it('refuses a refund while an approval stands; after its withdrawal the refund rejects the pending claims', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 6, project });
    const contract = await t.newContract({ coordinator, supplier });
    const other = await t.newContract({ coordinator: otherCoordinator, supplier });
    const approved = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    expectStatus(await t.obligations.approve(coordinator.as, approved.id), 200);
    const pending = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: other.id,
      credits: 3,
    });

    expectProblem(
      await t.orders.refund(admin.as, certificate.orderId),
      409,
      'ORDER.CERTIFICATE_CLAIMED',
    );
    expect((await t.obligations.verification(certificate.verificationCode)).status).toBe('active');

    expectStatus(await t.obligations.withdraw(coordinator.as, approved.id), 200);
    expectStatus(await t.orders.refund(admin.as, certificate.orderId), 200);

    const rejected = await t.get(otherCoordinator.as, `/v1/claims/${pending.id}`);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      certificate: { status: 'revoked' },
    });
    expect(rejected.json().decisionReason).toMatch(/^certificate revoked: refunded/);
    expect(await t.claimedCredits(certificate.id)).toBe(0);
    expect(
      (await t.obligations.contract(otherCoordinator.as, other.id)).progress.pendingCents,
    ).toBe(0);
    const verification = await t.obligations.verification(certificate.verificationCode);
    expect(verification).toMatchObject({ status: 'revoked', countedToward: [] });
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: contract.id,
        credits: 1,
      }),
      409,
      'CLAIM.CERTIFICATE_NOT_ACTIVE',
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', pending.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['claim.created', 'claim.rejected_automatically']);
    await t.orders.expectInvariants();
  });

  it('rejects pending claims when a dispute suspends the certificate, keeps approvals, and invalidates them when the dispute is lost', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 8, project });
    const contract = await t.newContract({ coordinator, supplier });
    const other = await t.newContract({ coordinator: otherCoordinator, supplier });
    const approved = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 5,
    });
    expectStatus(await t.obligations.approve(coordinator.as, approved.id), 200);
    const pending = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: other.id,
      credits: 3,
    });

    await dispute(certificate, 'needs_response', false);
    expect((await t.get(otherCoordinator.as, `/v1/claims/${pending.id}`)).json()).toMatchObject({
      status: 'rejected',
      certificate: { status: 'suspended' },
    });
    const stillApproved = (await t.get(coordinator.as, `/v1/claims/${approved.id}`)).json();
    expect(stillApproved).toMatchObject({
      status: 'approved',
      certificate: { status: 'suspended' },
    });
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: other.id,
        credits: 1,
      }),
      409,
      'CLAIM.CERTIFICATE_NOT_ACTIVE',
    );

    await dispute(certificate, 'lost', true);
    const invalidated = (await t.get(coordinator.as, `/v1/claims/${approved.id}`)).json();
    expect(invalidated).toMatchObject({
      status: 'invalidated',
      certificate: { status: 'revoked' },
    });
    expect(invalidated.invalidationReason).toMatch(/dispute lost/);
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress).toMatchObject({
      approvedCents: 0,
      remainingCents: contract.progress.requiredCents,
    });
    const inbox = await t.get(coordinator.as, '/v1/claims?status=invalidated');
    expect(inbox.json().items.map((c: { id: string }) => c.id)).toContain(approved.id);
    expect(await t.obligations.verification(certificate.verificationCode)).toMatchObject({
      status: 'revoked',
      countedToward: [],
    });
    // The chargeback took the money back: the order is refunded once, its credits return.
    expect((await t.orders.get(supplier.as, certificate.orderId)).json().status).toBe('refunded');
    expect(await t.orders.ledgerOf(certificate.orderId)).toMatchObject({
      'credit.refund': 1,
      'money.refund_paid': 1,
    });
    await dispute(certificate, 'lost', true);
    expect(await t.orders.ledgerOf(certificate.orderId)).toMatchObject({
      'credit.refund': 1,
      'money.refund_paid': 1,
    });
    await t.orders.expectInvariants();
  });

  it('lets approved claims count again when a dispute is won', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    await dispute(certificate, 'needs_response', false);
    await dispute(certificate, 'won', true);
    expect((await t.get(coordinator.as, `/v1/claims/${claim.id}`)).json()).toMatchObject({
      status: 'approved',
      certificate: { status: 'active' },
    });
    expect(
      (await t.obligations.verification(certificate.verificationCode)).countedToward,
    ).toHaveLength(1);
  });

  describe('the database as the last line of defence', () => {
    it('refuses a claim row that would over-claim a certificate, whatever the service checks', async () => {
      const certificate = await t.newCertificate({ owner: supplier, credits: 3, project });
      const contract = await t.newContract({ coordinator, supplier });
      const row = {
        certificate_id: certificate.id,
        contract_id: contract.id,
        authority_id: coordinator.organisation.id,
        supplier_id: supplier.organisation.id,
        unit_price_cents: t.config.creditPriceCents,
        credit_factor_bp: 10_000,
        value_cents: 1,
        counted_cents: 1,
        created_by: supplier.user.id,
      };
      await t.db
        .insertInto('claims')
        .values({ ...row, credits: 3 })
        .execute();
      await expect(
        t.db
          .insertInto('claims')
          .values({ ...row, credits: 1 })
          .execute(),
      ).rejects.toThrow(/certificates_claimed_within_credits/);
      // claims name their parties truthfully: another supplier's contract is refused
      const foreign = await t.newContract({
        coordinator,
        supplier,
        body: {
          supplier: { kvkNumber: otherSupplier.organisation.kvk_number },
        },
      });
      await expect(
        t.db
          .insertInto('claims')
          .values({ ...row, contract_id: foreign.id, credits: 1 })
          .execute(),
      ).rejects.toThrow(/parties do not match/);
      // a claim is never deleted, and never jumps from pending to withdrawn
      await expect(
        t.db.deleteFrom('claims').where('certificate_id', '=', certificate.id).execute(),
      ).rejects.toThrow();
      await expect(
        t.db
          .updateTable('claims')
          .set({
            status: 'withdrawn',
            withdrawn_at: new Date(),
            withdrawal_reason: 'x',
            decided_at: new Date(),
          })
          .where('certificate_id', '=', certificate.id)
          .execute(),
      ).rejects.toThrow(/cannot go from pending to withdrawn/);
    });

    it('refuses to commit a revoked certificate that still has approved claims', async () => {
      const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
      const contract = await t.newContract({ coordinator, supplier });
      const claim = await t.obligations.placeClaim(supplier.as, {
        certificateId: certificate.id,
        contractId: contract.id,
        credits: 1,
      });
      expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`UPDATE certificates SET status = 'revoked', status_changed_at = now() WHERE id = ${certificate.id}`.execute(
            trx,
          );
        }),
      ).rejects.toThrow(/revoked but has approved claims/);
      expect((await t.obligations.verification(certificate.verificationCode)).status).toBe(
        'active',
      );
    });
  });
});
