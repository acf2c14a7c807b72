import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { uniqueKvk } from '../helpers/fixtures.js';
import {
  expectProblem,
  expectStatus,
  type ContractJson,
  type Person,
  TestContext,
} from '../factory/index.js';

describe('contracts with social-return obligations', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let coordinator: Person;
  let viewer: Person;
  let otherCoordinator: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    coordinator = await t.newAuthority();
    viewer = await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation });
    otherCoordinator = await t.newAuthority();
  }, 120_000);
  afterAll(async () => t?.close());

  it('registers a contract for a known supplier and computes 5% of its value', async () => {
    const response = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, { valueCents: 1_234_567_89 }),
    );
    expectStatus(response, 201);
    const contract = response.json();
    expect(contract).toMatchObject({
      status: 'open',
      supplier: { id: supplier.organisation.id, status: 'active' },
      authority: { id: coordinator.organisation.id },
      obligation: {
        basis: 'contract_value',
        percentageBp: 500,
        wageSumCents: null,
        obligationCents: 61_728_39,
      },
      valuation: { acceptsCredits: true, creditFactorBp: 10_000, creditShareCapBp: 10_000 },
      progress: {
        requiredCents: 61_728_39,
        approvedCents: 0,
        pendingCents: 0,
        remainingCents: 61_728_39,
        filledShareBp: 0,
        overdue: false,
      },
      supplierInvitation: null,
    });
    const events = await t.get(coordinator.as, `/v1/contracts/${contract.id}/events`);
    expectStatus(events, 200);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'contract.created',
    ]);
  });

  it('computes the wage-sum basis at 2% and a fixed amount as given', async () => {
    const wage = await t.newContract({
      coordinator,
      supplier,
      body: {
        obligation: { basis: 'wage_sum', percentageBp: 200, wageSumCents: 300_000_00 },
      },
    });
    expect(wage.obligation).toEqual({
      basis: 'wage_sum',
      percentageBp: 200,
      wageSumCents: 300_000_00,
      obligationCents: 6_000_00,
    });
    const fixed = await t.newContract({
      coordinator,
      supplier,
      body: {
        obligation: { basis: 'fixed', fixedAmountCents: 7_500_00 },
      },
    });
    expect(fixed.obligation).toEqual({
      basis: 'fixed',
      percentageBp: null,
      wageSumCents: null,
      obligationCents: 7_500_00,
    });
  });

  it('refuses bad input with the failing fields', async () => {
    const cases: [object, string][] = [
      [t.contractBody(supplier.organisation.kvk_number, { endsOn: '2025-12-31' }), 'endsOn'],
      [t.contractBody(supplier.organisation.kvk_number, { valueCents: -5 }), 'valueCents'],
      [t.contractBody(supplier.organisation.kvk_number, { valueCents: 10.5 }), 'valueCents'],
      [
        t.contractBody(supplier.organisation.kvk_number, {
          obligation: { basis: 'wage_sum', percentageBp: 500 },
        }),
        'wageSumCents',
      ],
      [
        t.contractBody(supplier.organisation.kvk_number, {
          obligation: { basis: 'contract_value', percentageBp: 10_001 },
        }),
        'percentageBp',
      ],
      [
        t.contractBody(supplier.organisation.kvk_number, { valuation: { creditFactorBp: 0 } }),
        'creditFactorBp',
      ],
      [
        t.contractBody(supplier.organisation.kvk_number, { supplier: { kvkNumber: '1234' } }),
        'kvkNumber',
      ],
      [{ ...t.contractBody(supplier.organisation.kvk_number), unexpected: true }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await t.post(coordinator.as, '/v1/contracts', body);
      expectProblem(response, 400, 'VALIDATION.FAILED');
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
  });

  it('keeps the reference unique within the authority, not across authorities', async () => {
    const first = await t.newContract({ coordinator, supplier });
    expectProblem(
      await t.post(
        coordinator.as,
        '/v1/contracts',
        t.contractBody(supplier.organisation.kvk_number, { reference: first.reference }),
      ),
      409,
      'CONTRACT.REFERENCE_TAKEN',
    );
    const other = await t.post(
      otherCoordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, { reference: first.reference }),
    );
    expectStatus(other, 201);
  });

  it('creates an unregistered supplier as pending and invites it by e-mail, never through the response', async () => {
    const kvkNumber = uniqueKvk();
    const incomplete = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, { supplier: { kvkNumber } }),
    );
    expectProblem(incomplete, 422, 'CONTRACT.SUPPLIER_DETAILS_REQUIRED');

    const sentBefore = t.mailer.sent.length;
    const response = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, {
        supplier: {
          kvkNumber,
          name: 'Schoonmaak Nieuw B.V.',
          contactEmail: 'Inkoop@Nieuw.example',
        },
      }),
    );
    expectStatus(response, 201);
    const contract = response.json();
    expect(contract.supplier).toMatchObject({
      name: 'Schoonmaak Nieuw B.V.',
      kvkNumber,
      status: 'pending',
    });
    expect(contract.supplierInvitation).toMatchObject({ email: 'inkoop@nieuw.example' });
    expect(response.body).not.toContain('token');
    // Sent by a job after the commit.
    await (t.jobs as InProcessJobQueue).drain();
    expect(t.mailer.sent.length).toBe(sentBefore + 1);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe('inkoop@nieuw.example');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    // The second contract for the same KvK number finds the pending supplier: no second invitation.
    const again = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, { supplier: { kvkNumber } }),
    );
    expectStatus(again, 201);
    expect(again.json().supplier.id).toBe(contract.supplier.id);
    await (t.jobs as InProcessJobQueue).drain();
    expect(t.mailer.sent.length).toBe(sentBefore + 1);

    // Accepting the invitation activates the supplier, whose member then sees the obligations.
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Nina Nieuw', password: 'a-long-enough-password-2026' },
    });
    expectStatus(accepted, 201);
    const organisation = await t.db
      .selectFrom('organisations')
      .select('status')
      .where('id', '=', contract.supplier.id)
      .executeTakeFirstOrThrow();
    expect(organisation.status).toBe('active');
    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'inkoop@nieuw.example', password: 'a-long-enough-password-2026' },
      remoteAddress: '10.99.0.1',
    });
    expectStatus(login, 200);
    const wallet = await t.app.inject({
      method: 'GET',
      url: '/v1/obligations',
      headers: { authorization: `Bearer ${login.json().accessToken}` },
    });
    expectStatus(wallet, 200);
    expect(
      wallet
        .json()
        .items.map((o: { contractId: string }) => o.contractId)
        .sort(),
    ).toEqual([contract.id, again.json().id].sort());
  });

  it('refuses a KvK number that belongs to an organisation of another kind', async () => {
    const response = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, {
        supplier: { kvkNumber: initiative.organisation.kvk_number },
      }),
    );
    expectProblem(response, 422, 'CONTRACT.NOT_A_SUPPLIER');
  });

  it('recomputes the obligation on edit, audits the change, and refuses edits once closed', async () => {
    const contract = await t.newContract({ coordinator, supplier });
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      headers: coordinator.as.headers,
      payload: {
        valueCents: 2_000_000_00,
        obligation: { basis: 'contract_value', percentageBp: 200 },
        valuation: { creditFactorBp: 8_000 },
      },
    });
    expectStatus(edited, 200);
    expect(edited.json()).toMatchObject({
      valueCents: 2_000_000_00,
      obligation: { percentageBp: 200, obligationCents: 40_000_00 },
      valuation: { creditFactorBp: 8_000, creditShareCapBp: 10_000 },
    });
    const events = await t.get(coordinator.as, `/v1/contracts/${contract.id}/events`);
    const updated = events
      .json()
      .items.find((e: { action: string }) => e.action === 'contract.updated');
    expect(updated.summary.changes).toMatchObject({
      value_cents: { from: 1_000_000_00, to: 2_000_000_00 },
      obligation_cents: { from: 50_000_00, to: 40_000_00 },
    });

    const closed = await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`);
    expectStatus(closed, 200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      headers: coordinator.as.headers,
      payload: { title: 'Nieuw' },
    });
    expectProblem(refused, 409, 'CONTRACT.CLOSED');
    expectProblem(
      await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`),
      409,
      'CONTRACT.CLOSED',
    );
  });

  it('flags an ended, unfilled obligation as overdue in the supplier’s wallet', async () => {
    const ended = await t.newContract({
      coordinator,
      supplier,
      body: {
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
      },
    });
    const current = await t.newContract({ coordinator, supplier });
    const wallet = await t.get(supplier.as, '/v1/obligations');
    expectStatus(wallet, 200);
    const byId = new Map(wallet.json().items.map((o: { contractId: string }) => [o.contractId, o]));
    expect(byId.get(ended.id)).toMatchObject({
      endsOn: '2025-12-31',
      progress: { overdue: true, remainingCents: 50_000_00 },
      authority: { name: coordinator.organisation.name },
    });
    expect(byId.get(current.id)).toMatchObject({ progress: { overdue: false } });
  });

  describe('access', () => {
    let contract: ContractJson;
    beforeAll(async () => {
      contract = await t.newContract({ coordinator, supplier });
    });

    it('lets the authority’s viewer read but not change', async () => {
      expectStatus(await t.get(viewer.as, `/v1/contracts/${contract.id}`), 200);
      expectProblem(
        await t.post(viewer.as, '/v1/contracts', t.contractBody(supplier.organisation.kvk_number)),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await t.app.inject({
          method: 'PATCH',
          url: `/v1/contracts/${contract.id}`,
          headers: viewer.as.headers,
          payload: { title: 'Anders' },
        }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await t.post(viewer.as, `/v1/contracts/${contract.id}/close`),
        403,
        'AUTH.FORBIDDEN',
      );
    });

    it('hides one authority’s contracts from another (404) and from other suppliers', async () => {
      expectProblem(
        await t.get(otherCoordinator.as, `/v1/contracts/${contract.id}`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.app.inject({
          method: 'PATCH',
          url: `/v1/contracts/${contract.id}`,
          headers: otherCoordinator.as.headers,
          payload: { title: 'Overgenomen' },
        }),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.post(otherCoordinator.as, `/v1/contracts/${contract.id}/close`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.get(otherCoordinator.as, `/v1/contracts/${contract.id}/events`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.get(otherSupplier.as, `/v1/contracts/${contract.id}`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      const list = await t.get(otherCoordinator.as, '/v1/contracts?limit=100');
      expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(contract.id);
      const wallet = await t.get(otherSupplier.as, '/v1/obligations');
      expect(wallet.json().items.map((o: { contractId: string }) => o.contractId)).not.toContain(
        contract.id,
      );
    });

    it('lets the bound supplier read its contract but not change it or read the authority’s audit trail', async () => {
      expectStatus(await t.get(supplier.as, `/v1/contracts/${contract.id}`), 200);
      expectProblem(
        await t.post(
          supplier.as,
          '/v1/contracts',
          t.contractBody(supplier.organisation.kvk_number),
        ),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await t.app.inject({
          method: 'PATCH',
          url: `/v1/contracts/${contract.id}`,
          headers: supplier.as.headers,
          payload: { title: 'Anders' },
        }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await t.get(supplier.as, `/v1/contracts/${contract.id}/events`),
        404,
        'RESOURCE.NOT_FOUND',
      );
    });

    it('gives the wallet to suppliers only, and pages the authority’s list', async () => {
      expectProblem(await t.get(coordinator.as, '/v1/obligations'), 403, 'AUTH.FORBIDDEN');
      expectStatus(await t.get(admin.as, `/v1/contracts/${contract.id}`), 200);
      const first = await t.get(coordinator.as, '/v1/contracts?limit=2');
      expectStatus(first, 200);
      expect(first.json().items).toHaveLength(2);
      const second = await t.get(
        coordinator.as,
        `/v1/contracts?limit=2&cursor=${first.json().nextCursor}`,
      );
      expectStatus(second, 200);
      const ids = [...first.json().items, ...second.json().items].map((c: { id: string }) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expectProblem(
        await t.get(coordinator.as, '/v1/contracts?cursor=nonsense'),
        400,
        'VALIDATION.INVALID_CURSOR',
      );
    });
  });
});
