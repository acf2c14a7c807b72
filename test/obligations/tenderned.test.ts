import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContractJson,
  expectProblem,
  expectStatus,
  type ListedProject,
  TestContext,
} from '../factory/index.js';

/** The TenderNed publication a contract came from (issue 19): validated, on the contract and on verification. */
describe('a contract’s TenderNed publication', () => {
  let t: TestContext;
  let project: ListedProject;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    project = await t.newListedProject({ credits: 100 });
  }, 60_000);
  afterAll(async () => t?.close());

  const publication = {
    reference: '412345',
    url: 'https://www.tenderned.nl/aankondigingen/overzicht/412345',
  };

  it('records it with the contract, shows it, changes and removes it', async () => {
    const contract = await t.newContract({ body: { tenderNed: publication } });
    expect(contract.tenderNed).toEqual(publication);
    const read = await t.getJson<ContractJson & { tenderNed: unknown }>(
      contract.coordinator,
      `/v1/contracts/${contract.id}`,
    );
    expect(read.tenderNed).toEqual(publication);

    const changed = await t.patch(contract.coordinator, `/v1/contracts/${contract.id}`, {
      tenderNed: {
        reference: '398765',
        url: 'https://tenderned.nl/aankondigingen/overzicht/398765/',
      },
    });
    expectStatus(changed, 200);
    expect(changed.json().tenderNed).toEqual({
      reference: '398765',
      url: 'https://tenderned.nl/aankondigingen/overzicht/398765/',
    });
    const events = await t.getJson<{ items: { action: string; summary: { changes?: object } }[] }>(
      contract.coordinator,
      `/v1/contracts/${contract.id}/events`,
    );
    expect(
      events.items.find((e) => e.action === 'contract.updated')?.summary.changes,
    ).toMatchObject({
      tenderned_reference: { from: '412345', to: '398765' },
    });

    const removed = await t.patch(contract.coordinator, `/v1/contracts/${contract.id}`, {
      tenderNed: null,
    });
    expectStatus(removed, 200);
    expect(removed.json().tenderNed).toBeNull();
    // A contract registered without one has none.
    expect((await t.newContract()).tenderNed).toBeNull();
  });

  it.each([
    [
      'a reference that is not a TenderNed number',
      { reference: 'RTD-2026-0142', url: publication.url },
      'body.tenderNed.reference',
    ],
    [
      'a link on another site',
      { reference: '412345', url: 'https://tenderned.example/aankondigingen/overzicht/412345' },
      'body.tenderNed.url',
    ],
    [
      'a look-alike host',
      { reference: '412345', url: 'https://www.tenderned.nl.evil.example/412345' },
      'body.tenderNed.url',
    ],
    [
      'a plain http link',
      { reference: '412345', url: 'http://www.tenderned.nl/aankondigingen/overzicht/412345' },
      'body.tenderNed.url',
    ],
    [
      'a link to another publication',
      { reference: '412345', url: 'https://www.tenderned.nl/aankondigingen/overzicht/412346' },
      'body.tenderNed.url',
    ],
    [
      'a script instead of a link',
      { reference: '412345', url: 'javascript:alert(412345)' },
      'body.tenderNed.url',
    ],
    [
      'a link with a user name',
      { reference: '412345', url: 'https://x@www.tenderned.nl/aankondigingen/overzicht/412345' },
      'body.tenderNed.url',
    ],
  ])('refuses %s', async (_name, tenderNed, path) => {
    const coordinator = await t.newAuthority();
    const supplier = await t.newSupplier();
    const response = await t.post(
      coordinator,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, { tenderNed }),
    );
    expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a half publication in the database, whatever the service checks', async () => {
    const contract = await t.newContract();
    await expect(
      t.db
        .updateTable('contracts')
        .set({ tenderned_reference: '412345' })
        .where('id', '=', contract.id)
        .execute(),
    ).rejects.toThrow(/contracts_tenderned_publication/);
    await expect(
      t.db
        .updateTable('contracts')
        .set({ tenderned_reference: '412345', tenderned_url: 'https://evil.example/412345' })
        .where('id', '=', contract.id)
        .execute(),
    ).rejects.toThrow(/contracts_tenderned_publication/);
  });

  it('shows it on verification where the contract appears', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 2 });
    const contract = await t.newContract({ supplier, body: { tenderNed: publication } });
    await t.newApprovedClaim({
      supplier,
      certificate: { id: certificate.id, owner: supplier },
      contract,
      coordinator: contract.coordinator,
      credits: 2,
    });
    const verification = await t.getJson<{
      countedToward: { contractReference: string; tenderNed: unknown }[];
    }>(null, `/v1/verify/${certificate.verificationCode}`);
    expect(verification.countedToward).toEqual([
      expect.objectContaining({ contractReference: contract.reference, tenderNed: publication }),
    ]);
    const page = await t.get(null, `/verify/${certificate.verificationCode}`);
    expectStatus(page, 200);
    expect(page.body).toContain(`href="${publication.url}"`);
    expect(page.body).toContain('TenderNed-publicatie 412345');
  });
});
