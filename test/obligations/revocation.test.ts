import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisputeToCertificate } from '../../src/modules/payments/disputes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/listed-project.js';
import { createObligationsWorld, type ObligationsWorld } from '../helpers/obligations.js';

/** What a certificate's refund, suspension or revocation does to the claims made with it (DESIGN §4, §5.4). */
describe('claims when their certificate changes status', () => {
  let t: TestApp;
  let w: ObligationsWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    w = await createObligationsWorld(t, { supply: 300 });
  });
  afterAll(async () => t?.close());

  /** What the Stripe webhook does with a dispute event, for the certificate of a paid order. */
  const dispute = (
    order: { orderId: string; amountCents: number },
    status: string,
    closed: boolean,
  ) =>
    t.db.transaction().execute((trx) =>
      applyDisputeToCertificate(trx, w.orders.ctx(), {
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
    const certificate = await w.buyCertificate(w.m.supplier.as, 6);
    const contract = await w.createContract();
    const other = await w.createContract(w.otherCoordinator.as);
    const approved = await w.placeClaim({
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    expectStatus(await w.approve(w.m.coordinator.as, approved.id), 200);
    const pending = await w.placeClaim({
      certificateId: certificate.id,
      contractId: other.id,
      credits: 3,
    });

    expectProblem(
      await w.orders.refund(w.m.admin.as, certificate.orderId),
      409,
      'ORDER.CERTIFICATE_CLAIMED',
    );
    expect((await w.verification(certificate.verificationCode)).status).toBe('active');

    expectStatus(await w.withdraw(w.m.coordinator.as, approved.id), 200);
    expectStatus(await w.orders.refund(w.m.admin.as, certificate.orderId), 200);

    const rejected = await w.get(w.otherCoordinator.as, `/v1/claims/${pending.id}`);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      certificate: { status: 'revoked' },
    });
    expect(rejected.json().decisionReason).toMatch(/^certificate revoked: refunded/);
    expect(await w.claimedCredits(certificate.id)).toBe(0);
    expect((await w.contract(other.id, w.otherCoordinator.as)).progress.pendingCents).toBe(0);
    const verification = await w.verification(certificate.verificationCode);
    expect(verification).toMatchObject({ status: 'revoked', countedToward: [] });
    expectProblem(
      await w.claim(w.m.supplier.as, {
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
    await w.orders.expectInvariants();
  });

  it('rejects pending claims when a dispute suspends the certificate, keeps approvals, and invalidates them when the dispute is lost', async () => {
    const certificate = await w.buyCertificate(w.m.supplier.as, 8);
    const contract = await w.createContract();
    const other = await w.createContract(w.otherCoordinator.as);
    const approved = await w.placeClaim({
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 5,
    });
    expectStatus(await w.approve(w.m.coordinator.as, approved.id), 200);
    const pending = await w.placeClaim({
      certificateId: certificate.id,
      contractId: other.id,
      credits: 3,
    });

    await dispute(certificate, 'needs_response', false);
    expect((await w.get(w.otherCoordinator.as, `/v1/claims/${pending.id}`)).json()).toMatchObject({
      status: 'rejected',
      certificate: { status: 'suspended' },
    });
    const stillApproved = (await w.get(w.m.coordinator.as, `/v1/claims/${approved.id}`)).json();
    expect(stillApproved).toMatchObject({
      status: 'approved',
      certificate: { status: 'suspended' },
    });
    expectProblem(
      await w.claim(w.m.supplier.as, {
        certificateId: certificate.id,
        contractId: other.id,
        credits: 1,
      }),
      409,
      'CLAIM.CERTIFICATE_NOT_ACTIVE',
    );

    await dispute(certificate, 'lost', true);
    const invalidated = (await w.get(w.m.coordinator.as, `/v1/claims/${approved.id}`)).json();
    expect(invalidated).toMatchObject({
      status: 'invalidated',
      certificate: { status: 'revoked' },
    });
    expect(invalidated.invalidationReason).toMatch(/dispute lost/);
    expect((await w.contract(contract.id)).progress).toMatchObject({
      approvedCents: 0,
      remainingCents: contract.progress.requiredCents,
    });
    const inbox = await w.get(w.m.coordinator.as, '/v1/claims?status=invalidated');
    expect(inbox.json().items.map((c: { id: string }) => c.id)).toContain(approved.id);
    expect(await w.verification(certificate.verificationCode)).toMatchObject({
      status: 'revoked',
      countedToward: [],
    });
    // The chargeback took the money back: the order is refunded once, its credits return.
    expect((await w.orders.get(w.m.supplier.as, certificate.orderId)).json().status).toBe(
      'refunded',
    );
    expect(await w.orders.ledgerOf(certificate.orderId)).toMatchObject({
      'credit.refund': 1,
      'money.refund_paid': 1,
    });
    await dispute(certificate, 'lost', true);
    expect(await w.orders.ledgerOf(certificate.orderId)).toMatchObject({
      'credit.refund': 1,
      'money.refund_paid': 1,
    });
    await w.orders.expectInvariants();
  });

  it('lets approved claims count again when a dispute is won', async () => {
    const certificate = await w.buyCertificate(w.m.supplier.as, 2);
    const contract = await w.createContract();
    const claim = await w.placeClaim({
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    expectStatus(await w.approve(w.m.coordinator.as, claim.id), 200);
    await dispute(certificate, 'needs_response', false);
    await dispute(certificate, 'won', true);
    expect((await w.get(w.m.coordinator.as, `/v1/claims/${claim.id}`)).json()).toMatchObject({
      status: 'approved',
      certificate: { status: 'active' },
    });
    expect((await w.verification(certificate.verificationCode)).countedToward).toHaveLength(1);
  });

  describe('the database as the last line of defence', () => {
    it('refuses a claim row that would over-claim a certificate, whatever the service checks', async () => {
      const certificate = await w.buyCertificate(w.m.supplier.as, 3);
      const contract = await w.createContract();
      const row = {
        certificate_id: certificate.id,
        contract_id: contract.id,
        authority_id: w.m.world.authority.id,
        supplier_id: w.m.world.supplier.id,
        unit_price_cents: t.config.creditPriceCents,
        credit_factor_bp: 10_000,
        value_cents: 1,
        counted_cents: 1,
        created_by: w.m.supplier.user.id,
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
      const foreign = await w.createContract(undefined, {
        supplier: { kvkNumber: w.m.world.otherSupplier.kvk_number },
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
      const certificate = await w.buyCertificate(w.m.supplier.as, 2);
      const contract = await w.createContract();
      const claim = await w.placeClaim({
        certificateId: certificate.id,
        contractId: contract.id,
        credits: 1,
      });
      expectStatus(await w.approve(w.m.coordinator.as, claim.id), 200);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`UPDATE certificates SET status = 'revoked', status_changed_at = now() WHERE id = ${certificate.id}`.execute(
            trx,
          );
        }),
      ).rejects.toThrow(/revoked but has approved claims/);
      expect((await w.verification(certificate.verificationCode)).status).toBe('active');
    });
  });
});
