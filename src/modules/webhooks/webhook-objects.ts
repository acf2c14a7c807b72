import type { Actor, Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { CertificateSchema } from '../certificates/certificates.schemas.js';
import type { CertificatesService } from '../certificates/certificates.service.js';
import { ClaimSchema } from '../obligations/claims.schemas.js';
import type { ClaimsService } from '../obligations/claims.service.js';
import { ContractSchema } from '../obligations/contracts.schemas.js';
import type { ContractsService } from '../obligations/contracts.service.js';
import { OutcomeReportSchema } from '../outcomes/outcomes.schemas.js';
import type { OutcomesService } from '../outcomes/outcomes.service.js';
import { CatalogueProjectDetailSchema } from '../projects/catalogue.schemas.js';
import type { CatalogueService } from '../projects/catalogue.service.js';
import type { ObjectRenderer, RenderedObject } from './webhooks.service.js';

/**
 * A delivery carries the object as the API answers the endpoint's organisation: read
 * through the owning module's service (so its object-level rules apply: what the
 * organisation may not see is not sent) and parsed by the route's response schema (the
 * same whitelist), with links to the API and, where there is one, the page.
 */
export function createObjectRenderer(deps: {
  publicUrl: string;
  certificates: Pick<CertificatesService, 'get'>;
  claims: Pick<ClaimsService, 'get'>;
  contracts: Pick<ContractsService, 'get'>;
  catalogue: Pick<CatalogueService, 'get'>;
  outcomes: Pick<OutcomesService, 'get'>;
}): ObjectRenderer {
  const api = (path: string) => `${deps.publicUrl}/v1/${path}`;
  return async (objectType, objectId, viewer: Actor): Promise<RenderedObject | undefined> => {
    const ctx: Ctx = { actor: viewer, requestId: `webhook:${objectType}:${objectId}`, ip: '' };
    try {
      switch (objectType) {
        case 'certificate': {
          const object = CertificateSchema.parse(await deps.certificates.get(ctx, objectId));
          return {
            object,
            links: { api: api(`certificates/${objectId}`), verification: object.verificationUrl },
          };
        }
        case 'claim':
          return {
            object: ClaimSchema.parse(await deps.claims.get(ctx, objectId)),
            links: { api: api(`claims/${objectId}`) },
          };
        case 'contract':
          return {
            object: ContractSchema.parse(await deps.contracts.get(ctx, objectId)),
            links: { api: api(`contracts/${objectId}`) },
          };
        case 'project':
          return {
            object: CatalogueProjectDetailSchema.parse(await deps.catalogue.get(objectId)),
            links: {
              api: api(`projects/${objectId}`),
              page: `${deps.publicUrl}/projects/${objectId}`,
            },
          };
        case 'outcome_report':
          return {
            object: OutcomeReportSchema.parse(await deps.outcomes.get(ctx, objectId)),
            links: { api: api(`outcome-reports/${objectId}`) },
          };
      }
    } catch (error) {
      if (error instanceof AppError && (error.status === 404 || error.status === 403))
        return undefined;
      throw error;
    }
  };
}
