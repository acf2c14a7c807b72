import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/app.js';
import type { SignedIn } from '../helpers/fixtures.js';
import type { ClaimJson, ContractJson } from './context.js';
import { expectStatus } from './expect.js';

export interface ClaimBody {
  certificateId: string;
  contractId: string;
  credits: number;
  note?: string;
}

/** The contracts and claims API as one-liners (the builders are t.newContract, t.newClaim). */
export function obligationsApi(t: Pick<TestApp, 'app'>) {
  const post = (
    who: SignedIn,
    url: string,
    payload: object,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method: 'POST', url, headers: { ...who.headers, ...headers }, payload });
  const api = {
    /** POST /v1/claims with an idempotency key (a new one unless given). */
    claim: (who: SignedIn, body: ClaimBody, key: string = randomUUID()) =>
      post(who, '/v1/claims', body, { 'idempotency-key': key }),
    /** Claims and expects 201; answers the claim. */
    async placeClaim(who: SignedIn, body: ClaimBody): Promise<ClaimJson> {
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
    /** GET /v1/contracts/{id} as this person; expects 200. */
    async contract(who: SignedIn, id: string): Promise<ContractJson> {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/contracts/${id}`,
        headers: who.headers,
      });
      expectStatus(response, 200);
      return response.json<ContractJson>();
    },
    /** The public verification of a certificate; expects 200. */
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
  };
  return api;
}

export type ObligationsApi = ReturnType<typeof obligationsApi>;
