import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, OrganisationRow, OrganisationUpdate } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import {
  type Actor,
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { credentialsRepository, refreshTokensRepository } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { organisationsRepository } from './organisations.repository.js';
import type {
  CreateOrganisationInput,
  ListOrganisationsQuery,
  Organisation,
  SetLegalDetailsInput,
  UpdateOrganisationInput,
} from './organisations.schemas.js';

export function toOrganisation(row: OrganisationRow): Organisation {
  const hasAddress =
    row.address_street !== null && row.address_postal_code !== null && row.address_city !== null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    kvkNumber: row.kvk_number,
    vatNumber: row.vat_number,
    address: hasAddress
      ? {
          street: row.address_street!,
          postalCode: row.address_postal_code!,
          city: row.address_city!,
          country: row.address_country,
        }
      : null,
    contactEmail: row.contact_email,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Platform admins see every organisation; anyone else only its own. Others' answer 404. */
export function canSeeOrganisation(actor: Actor, organisationId: string): boolean {
  return isPlatformAdmin(actor) || actor.organisationId === organisationId;
}

const DUPLICATE_KVK = () =>
  conflict('ORGANISATION.KVK_TAKEN', 'An organisation with this KvK number is already registered');

export function createOrganisationsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;

  async function loadVisible(ctx: Ctx, id: string): Promise<OrganisationRow> {
    const actor = requireActor(ctx);
    const row = canSeeOrganisation(actor, id)
      ? await organisationsRepository.findById(db, id)
      : undefined;
    if (!row) throw notFound('Organisation');
    return row;
  }

  return {
    async create(ctx: Ctx, input: CreateOrganisationInput): Promise<Organisation> {
      requirePlatformAdmin(ctx);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await organisationsRepository.insert(trx, {
            kind: input.kind,
            name: input.name,
            kvk_number: input.kvkNumber,
            vat_number: input.vatNumber ?? null,
            address_street: input.address?.street ?? null,
            address_postal_code: input.address?.postalCode ?? null,
            address_city: input.address?.city ?? null,
            address_country: input.address?.country ?? 'NL',
            contact_email: input.contactEmail ?? null,
          });
          await recordAudit(trx, ctx, {
            action: 'organisation.created',
            subjectType: 'organisation',
            subjectId: row.id,
            summary: { kind: row.kind, name: row.name, kvkNumber: row.kvk_number },
          });
          return toOrganisation(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw DUPLICATE_KVK();
        throw error;
      }
    },

    async get(ctx: Ctx, id: string): Promise<Organisation> {
      return toOrganisation(await loadVisible(ctx, id));
    },

    async list(ctx: Ctx, query: ListOrganisationsQuery) {
      requirePlatformAdmin(ctx);
      const after = decodeCursor(
        query.cursor,
        ['name', 'id'] as const,
        (values) => z.uuid().safeParse(values.id).success,
      );
      const rows = await organisationsRepository.list(db, { ...query, after });
      return toPage(rows, query.limit, toOrganisation, (row) => ({ name: row.name, id: row.id }));
    },

    async update(ctx: Ctx, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
      const actor = requireActor(ctx);
      await loadVisible(ctx, id);
      const admin = isPlatformAdmin(actor);
      if (!admin && actor.role === 'viewer')
        throw forbidden('AUTH.FORBIDDEN', 'Viewers cannot change their organisation');
      const values: OrganisationUpdate = { updated_at: clock.now() };
      if (input.vatNumber !== undefined) values.vat_number = input.vatNumber;
      if (input.contactEmail !== undefined) values.contact_email = input.contactEmail;
      if (input.address !== undefined) {
        values.address_street = input.address?.street ?? null;
        values.address_postal_code = input.address?.postalCode ?? null;
        values.address_city = input.address?.city ?? null;
        values.address_country = input.address?.country ?? 'NL';
      }
      return db.transaction().execute(async (trx) => {
        const row = await organisationsRepository.update(trx, id, values);
        if (!row) throw notFound('Organisation');
        await recordAudit(trx, ctx, {
          action: 'organisation.updated',
          subjectType: 'organisation',
          subjectId: id,
          summary: { fields: Object.keys(input) },
        });
        return toOrganisation(row);
      });
    },

    /**
     * The legal name and KvK number: what certificates and public verification show beside
     * each other, so only the platform team changes them, with a reason, in the audit trail
     * with the old and new values. Certificates keep the name they were issued with;
     * verification says what it is now.
     */
    async setLegalDetails(
      ctx: Ctx,
      id: string,
      input: SetLegalDetailsInput,
    ): Promise<Organisation> {
      requirePlatformAdmin(ctx);
      try {
        return await db.transaction().execute(async (trx) => {
          const before = await organisationsRepository.findByIdForUpdate(trx, id);
          if (!before) throw notFound('Organisation');
          const values: OrganisationUpdate = { updated_at: clock.now() };
          if (input.name !== undefined) values.name = input.name;
          if (input.kvkNumber !== undefined) values.kvk_number = input.kvkNumber;
          const row = await organisationsRepository.update(trx, id, values);
          if (!row) throw notFound('Organisation');
          await recordAudit(trx, ctx, {
            action: 'organisation.legal_details_changed',
            subjectType: 'organisation',
            subjectId: id,
            summary: {
              reason: input.reason,
              from: { name: before.name, kvkNumber: before.kvk_number },
              to: { name: row.name, kvkNumber: row.kvk_number },
            },
          });
          return toOrganisation(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw DUPLICATE_KVK();
        throw error;
      }
    },

    /** Disabling an organisation locks out all its users at once; enabling lets them back in. */
    async setStatus(ctx: Ctx, id: string, status: 'active' | 'disabled'): Promise<Organisation> {
      const actor = requirePlatformAdmin(ctx);
      if (status === 'disabled' && id === actor.organisationId) {
        throw conflict(
          'ORGANISATION.CANNOT_DISABLE_OWN',
          'Admins cannot disable their own organisation',
        );
      }
      return db.transaction().execute(async (trx) => {
        const row = await organisationsRepository.update(trx, id, {
          status,
          updated_at: clock.now(),
        });
        if (!row) throw notFound('Organisation');
        if (status === 'disabled') {
          await refreshTokensRepository.revokeAllForOrganisation(trx, id, clock.now());
          await credentialsRepository.voidAccessTokensOfOrganisation(trx, id);
        }
        await recordAudit(trx, ctx, {
          action: status === 'disabled' ? 'organisation.disabled' : 'organisation.enabled',
          subjectType: 'organisation',
          subjectId: id,
        });
        return toOrganisation(row);
      });
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
