import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { createOrganisation, createUser, type SignedIn, signIn } from './fixtures.js';
import {
  createMarket,
  expectStatus,
  type Market,
  nextAddress,
  type Person,
} from './listed-project.js';
import { ordersApi, type OrdersApi } from './orders.js';

export interface ContractJson {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  supplier: { id: string; name: string; kvkNumber: string | null; status: string };
  authority: { id: string; name: string };
  obligation: {
    basis: string;
    percentageBp: number | null;
    wageSumCents: number | null;
    obligationCents: number;
  };
  valuation: { acceptsCredits: boolean; creditFactorBp: number; creditShareCapBp: number };
  progress: {
    requiredCents: number;
    approvedCents: number;
    pendingCents: number;
    remainingCents: number;
    creditCapCents: number;
    filledShareBp: number;
    overdue: boolean;
  };
}

export interface ClaimJson {
  id: string;
  status: string;
  credits: number;
  valueCents: number;
  creditFactorBp: number;
  unitPriceCents: number;
  certificate: { id: string; number: string; status: string; verificationUrl: string };
  contract: { id: string; reference: string };
  authority: { id: string; name: string };
}

export interface CertificateRef {
  id: string;
  orderId: string;
  number: string;
  credits: number;
  verificationCode: string;
  amountCents: number;
}

/**
 * A marketplace with a listed project, the market's authority (coordinator, viewer) and a
 * second authority, and the contracts and claims APIs as one-liners.
 */
export async function createObligationsWorld(t: TestApp, options: { supply?: number } = {}) {
  const m: Market = await createMarket(t);
  const orders: OrdersApi = ordersApi(t);
  const projectId = await m.listProject({ supply: options.supply ?? 200 });
  const viewer: Person = await m.person(m.world.viewer);
  const otherAuthority = await createOrganisation(t.db, 'authority');
  const otherCoordinator: Person = await m.person(
    await createUser(t.db, otherAuthority, 'coordinator'),
  );

  let referenceCounter = 0;
  const post = (
    who: SignedIn,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const get = (who: SignedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });

  const api = {
    m,
    orders,
    projectId,
    viewer,
    otherAuthority,
    otherCoordinator,
    post,
    get,
    contractBody: (overrides: Record<string, unknown> = {}) => ({
      supplier: { kvkNumber: m.world.supplier.kvk_number },
      reference: `SR-${++referenceCounter}-${randomUUID().slice(0, 6)}`,
      title: 'Onderhoud openbare ruimte',
      valueCents: 1_000_000_00,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      obligation: { basis: 'contract_value', percentageBp: 500 },
      ...overrides,
    }),
    async createContract(
      who: SignedIn = m.coordinator.as,
      overrides: Record<string, unknown> = {},
    ): Promise<ContractJson> {
      const response = await post(who, '/v1/contracts', api.contractBody(overrides));
      expectStatus(response, 201);
      return response.json<ContractJson>();
    },
    /** Buys `credits` on the project by invoice and has the admin mark it paid: the certificate. */
    async buyCertificate(
      buyer: SignedIn = m.supplier.as,
      credits = 10,
      project = projectId,
    ): Promise<CertificateRef> {
      const order = await orders.place(buyer, {
        projectId: project,
        quantity: credits,
        paymentMethod: 'invoice',
      });
      const paid = await orders.markPaid(m.admin.as, order.id, order.amountCents);
      expectStatus(paid, 200);
      const certificate = paid.json().certificate as {
        id: string;
        number: string;
        credits: number;
      };
      const row = await t.db
        .selectFrom('certificates')
        .select('verification_code')
        .where('id', '=', certificate.id)
        .executeTakeFirstOrThrow();
      return {
        id: certificate.id,
        orderId: order.id,
        number: certificate.number,
        credits: certificate.credits,
        verificationCode: row.verification_code,
        amountCents: order.amountCents,
      };
    },
    claim: (
      who: SignedIn,
      body: { certificateId: string; contractId: string; credits: number; note?: string },
      key: string = randomUUID(),
    ) => post(who, '/v1/claims', body, { 'idempotency-key': key }),
    async placeClaim(
      body: { certificateId: string; contractId: string; credits: number },
      who: SignedIn = m.supplier.as,
    ): Promise<ClaimJson> {
      const response = await api.claim(who, body);
      expectStatus(response, 201);
      return response.json<ClaimJson>();
    },
    approve: (who: SignedIn, claimId: string, reason?: string) =>
      post(who, `/v1/claims/${claimId}/approve`, reason === undefined ? {} : { reason }),
    reject: (who: SignedIn, claimId: string, reason = 'Evidence does not match the contract') =>
      post(who, `/v1/claims/${claimId}/reject`, { reason }),
    withdraw: (who: SignedIn, claimId: string, reason = 'Approved by mistake') =>
      post(who, `/v1/claims/${claimId}/withdraw`, { reason }),
    async contract(id: string, who: SignedIn = m.coordinator.as): Promise<ContractJson> {
      const response = await get(who, `/v1/contracts/${id}`);
      expectStatus(response, 200);
      return response.json<ContractJson>();
    },
    async verification(code: string) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/verify/${code}` });
      expectStatus(response, 200);
      return response.json<{
        status: string;
        countedToward: {
          authority: { name: string };
          contractReference: string;
          credits: number;
        }[];
      }>();
    },
    async claimedCredits(certificateId: string): Promise<number> {
      const row = await t.db
        .selectFrom('certificates')
        .select('claimed_credits')
        .where('id', '=', certificateId)
        .executeTakeFirstOrThrow();
      return row.claimed_credits;
    },
    /** A further supplier organisation with a signed-in member. */
    async newSupplier(): Promise<{
      organisation: Awaited<ReturnType<typeof createOrganisation>>;
      as: SignedIn;
    }> {
      const organisation = await createOrganisation(t.db, 'supplier');
      return {
        organisation,
        as: await signIn(t.app, await createUser(t.db, organisation, 'member'), nextAddress()),
      };
    },
  };
  return api;
}

export type ObligationsWorld = Awaited<ReturnType<typeof createObligationsWorld>>;

export function expectClaimStatus(claim: { status: string }, status: string) {
  expect(claim.status).toBe(status);
}
