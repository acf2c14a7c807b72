import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { addDays, type Clock } from '../../lib/clock.js';
import { type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import {
  AppError,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../../lib/errors.js';
import { calendarDate } from '../../lib/format.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, type Page, toPage, wholeList } from '../../lib/pagination.js';
import { hashToken, newOpaqueToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { auditRepository } from '../audit/audit.repository.js';
import { invitationsRepository } from '../invitations/invitations.repository.js';
import { INVITATION_TTL_DAYS } from '../invitations/invitations.service.js';
import { usersRepository } from '../users/users.repository.js';
import type { MailService } from '../mail/mail.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import {
  canSee,
  isAuthorityMember,
  isSupplierMember,
  requireCoordinator,
  requireSupplierMember,
} from './access.js';
import { toContract, toObligation } from './contract-view.js';
import { type ContractView, contractsRepository as repo } from './contracts.repository.js';
import type {
  Contract,
  CreateContractInput,
  ListContractsQuery,
  Obligation,
  UpdateContractInput,
} from './contracts.schemas.js';
import { type ObligationInput, obligationCents, obligationFromColumns } from './obligation-math.js';

export interface ContractsDeps {
  db: Kysely<DB>;
  clock: Clock;
  mail: MailService;
  publicUrl: string;
}

const referenceTaken = () =>
  conflict('CONTRACT.REFERENCE_TAKEN', 'This authority already has a contract with this reference');
const contractClosed = () => conflict('CONTRACT.CLOSED', 'The contract is closed');

function obligationColumns(valueCents: number, obligation: ObligationInput) {
  return {
    obligation_basis: obligation.basis,
    percentage_bp: obligation.basis === 'fixed' ? null : obligation.percentageBp,
    wage_sum_cents: obligation.basis === 'wage_sum' ? obligation.wageSumCents : null,
    obligation_cents: obligationCents(valueCents, obligation),
  };
}

export function createContractsService(deps: ContractsDeps) {
  const { db, clock, mail } = deps;
  const today = () => calendarDate(clock.now());

  async function present(row: ContractView): Promise<Contract> {
    const totals = await repo.claimTotals(db, [row.id]);
    return toContract(row, totals.get(row.id), today());
  }

  /** The contract if the caller is a party to it or an admin; 404 otherwise. */
  async function loadVisible(ctx: Ctx, id: string): Promise<ContractView> {
    const actor = requireActor(ctx);
    const row = await repo.findView(db, id);
    if (!row || !canSee(actor, { authorityId: row.authority_id, supplierId: row.supplier_id }))
      throw notFound('Contract');
    return row;
  }

  /** The contract if the caller is a coordinator of its authority. */
  async function loadOwnForChange(ctx: Ctx, id: string): Promise<ContractView> {
    const row = await loadVisible(ctx, id);
    const actor = requireCoordinator(ctx);
    if (row.authority_id !== actor.organisationId)
      throw forbidden(
        'AUTH.FORBIDDEN',
        'Only the authority’s coordinators can change its contracts',
      );
    return row;
  }

  return {
    async create(
      ctx: Ctx,
      input: CreateContractInput,
    ): Promise<Contract & { supplierInvitation: { email: string; expiresAt: string } | null }> {
      const actor = requireCoordinator(ctx);
      const now = clock.now();
      const valuation = input.valuation ?? {
        acceptsCredits: true,
        creditFactorBp: 10_000,
        creditShareCapBp: 10_000,
      };
      let invitation:
        { email: string; token: string; expiresAt: Date; supplierName: string } | undefined;
      let contractId: string;
      let messageId: string | undefined;
      try {
        contractId = await db.transaction().execute(async (trx) => {
          let supplier = await repo.findOrganisationByKvk(trx, input.supplier.kvkNumber);
          if (supplier && supplier.kind !== 'supplier') {
            throw unprocessable(
              'CONTRACT.NOT_A_SUPPLIER',
              'The organisation with this KvK number is not registered as a supplier',
            );
          }
          if (!supplier) {
            const { name, contactEmail } = input.supplier;
            if (!name || !contactEmail) {
              throw unprocessable(
                'CONTRACT.SUPPLIER_DETAILS_REQUIRED',
                'No supplier with this KvK number is registered: give its name and contact e-mail to invite it',
                {
                  errors: [
                    ...(name
                      ? []
                      : [
                          {
                            path: 'body.supplier.name',
                            message: 'required for a supplier that is not registered',
                          },
                        ]),
                    ...(contactEmail
                      ? []
                      : [
                          {
                            path: 'body.supplier.contactEmail',
                            message: 'required for a supplier that is not registered',
                          },
                        ]),
                  ],
                },
              );
            }
            if (await usersRepository.existsByEmail(trx, contactEmail)) {
              throw conflict(
                'CONTRACT.SUPPLIER_EMAIL_TAKEN',
                'The contact e-mail already belongs to a user of another organisation',
              );
            }
            supplier = await trx
              .insertInto('organisations')
              .values({
                kind: 'supplier',
                name,
                kvk_number: input.supplier.kvkNumber,
                contact_email: contactEmail,
                status: 'pending',
              })
              .returningAll()
              .executeTakeFirstOrThrow();
            await recordAudit(trx, ctx, {
              action: 'organisation.created_pending',
              subjectType: 'organisation',
              subjectId: supplier.id,
              summary: {
                kind: 'supplier',
                name,
                kvkNumber: input.supplier.kvkNumber,
                namedBy: actor.organisationId,
              },
            });
            const token = newOpaqueToken();
            const expiresAt = addDays(now, INVITATION_TTL_DAYS);
            const created = await invitationsRepository.insert(trx, {
              organisationId: supplier.id,
              organisationKind: 'supplier',
              email: contactEmail,
              role: 'member',
              tokenHash: hashToken(token),
              invitedBy: actor.userId,
              expiresAt,
            });
            await recordAudit(trx, ctx, {
              action: 'invitation.created',
              subjectType: 'invitation',
              subjectId: created.id,
              summary: {
                organisationId: supplier.id,
                email: contactEmail,
                role: 'member',
                via: 'contract',
              },
            });
            invitation = { email: contactEmail, token, expiresAt, supplierName: name };
          }
          const contract = await repo.insert(trx, {
            authority_id: actor.organisationId,
            supplier_id: supplier.id,
            reference: input.reference,
            title: input.title,
            value_cents: input.valueCents,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            ...obligationColumns(input.valueCents, input.obligation),
            accepts_credits: valuation.acceptsCredits,
            credit_factor_bp: valuation.creditFactorBp,
            credit_share_cap_bp: valuation.creditShareCapBp,
            tenderned_reference: input.tenderNed?.reference ?? null,
            tenderned_url: input.tenderNed?.url ?? null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          });
          await recordAudit(trx, ctx, {
            action: 'contract.created',
            subjectType: 'contract',
            subjectId: contract.id,
            summary: {
              contractId: contract.id,
              reference: contract.reference,
              supplierId: supplier.id,
              valueCents: Number(contract.value_cents),
              obligationCents: Number(contract.obligation_cents),
              basis: contract.obligation_basis,
              percentageBp: contract.percentage_bp,
              valuation,
              tenderNed: input.tenderNed ?? null,
            },
          });
          if (invitation) {
            // The link goes to the supplier's address only, never into the response; in
            // the language of the coordinator who named it.
            const authority = await organisationsRepository.findById(trx, actor.organisationId);
            const coordinator = await usersRepository.findById(trx, actor.userId);
            messageId = await mail.queue(trx, {
              to: invitation.email,
              template: 'supplier-invitation',
              language: coordinator?.language ?? 'nl',
              data: {
                supplierName: invitation.supplierName,
                authorityName: authority?.name ?? '',
                contractReference: contract.reference,
                token: invitation.token,
                expiresAt: invitation.expiresAt.toISOString(),
              },
            });
          }
          await recordEvent(trx, {
            type: 'contract.created',
            objectId: contract.id,
            occurredAt: now,
          });
          return contract.id;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'contracts_reference_per_authority')) throw referenceTaken();
        if (isUniqueViolation(error))
          throw conflict(
            'CONTRACT.CONCURRENT_SUPPLIER',
            'The supplier was registered at the same moment; try again',
          );
        throw error;
      }
      if (messageId) await mail.dispatch(messageId);
      const view = await repo.findView(db, contractId);
      return {
        ...(await present(view!)),
        supplierInvitation: invitation
          ? { email: invitation.email, expiresAt: invitation.expiresAt.toISOString() }
          : null,
      };
    },

    /**
     * The supplier with this KvK number, for a coordinator registering a contract: its name
     * and KvK number only (nothing else of another organisation), or 404 when no supplier
     * has that number (the form then invites one).
     */
    async findSupplier(ctx: Ctx, kvkNumber: string): Promise<{ name: string; kvkNumber: string }> {
      requireCoordinator(ctx);
      const organisation = await repo.findOrganisationByKvk(db, kvkNumber);
      if (!organisation || organisation.kind !== 'supplier' || !organisation.kvk_number)
        throw notFound('Supplier');
      return { name: organisation.name, kvkNumber: organisation.kvk_number };
    },

    async get(ctx: Ctx, id: string): Promise<Contract> {
      return present(await loadVisible(ctx, id));
    },

    /** Authorities list their own contracts, suppliers the contracts that bind them, admins all. */
    async list(
      ctx: Ctx,
      query: ListContractsQuery,
    ): Promise<{ items: Contract[]; nextCursor: string | null }> {
      const actor = requireActor(ctx);
      const filter: Parameters<typeof repo.list>[1] = { status: query.status, limit: query.limit };
      if (isAuthorityMember(actor)) {
        filter.authorityId = actor.organisationId;
        filter.supplierId = query.supplierId;
      } else if (isSupplierMember(actor)) {
        filter.supplierId = actor.organisationId;
      } else if (isPlatformAdmin(actor)) {
        filter.supplierId = query.supplierId;
      } else {
        throw forbidden(
          'AUTH.FORBIDDEN',
          'Only authorities, suppliers and platform admins have contracts',
        );
      }
      const cursor = decodeCursor(
        query.cursor,
        ['createdAt', 'id'],
        (v) => isUuid(v.id) && !Number.isNaN(Date.parse(v.createdAt)),
      );
      filter.before = cursor;
      const rows = await repo.list(db, filter);
      const totals = await repo.claimTotals(
        db,
        rows.map((row) => row.id),
      );
      const date = today();
      return toPage(
        rows,
        query.limit,
        (row) => toContract(row, totals.get(row.id), date),
        (row) => ({ createdAt: row.created_at.toISOString(), id: row.id }),
      );
    },

    /** Edits an open contract. Approved claims keep the value they were approved at. */
    async update(ctx: Ctx, id: string, input: UpdateContractInput): Promise<Contract> {
      await loadOwnForChange(ctx, id);
      const now = clock.now();
      try {
        await db.transaction().execute(async (trx) => {
          const current = await repo.lock(trx, id);
          if (!current) throw notFound('Contract');
          if (current.status === 'closed') throw contractClosed();
          const startsOn = input.startsOn ?? current.starts_on;
          const endsOn = input.endsOn ?? current.ends_on;
          if (endsOn < startsOn) {
            throw new AppError(
              400,
              'VALIDATION.FAILED',
              'The contract would end before it starts',
              { errors: [{ path: 'body.endsOn', message: 'must be on or after startsOn' }] },
            );
          }
          const valueCents = input.valueCents ?? Number(current.value_cents);
          const obligation = input.obligation ?? obligationFromColumns(current);
          const next = {
            reference: input.reference ?? current.reference,
            title: input.title ?? current.title,
            value_cents: valueCents,
            starts_on: startsOn,
            ends_on: endsOn,
            ...obligationColumns(valueCents, obligation),
            accepts_credits: input.valuation?.acceptsCredits ?? current.accepts_credits,
            credit_factor_bp: input.valuation?.creditFactorBp ?? current.credit_factor_bp,
            credit_share_cap_bp: input.valuation?.creditShareCapBp ?? current.credit_share_cap_bp,
            tenderned_reference:
              input.tenderNed === undefined
                ? current.tenderned_reference
                : (input.tenderNed?.reference ?? null),
            tenderned_url:
              input.tenderNed === undefined
                ? current.tenderned_url
                : (input.tenderNed?.url ?? null),
          };
          const changes: Record<string, { from: unknown; to: unknown }> = {};
          for (const [key, value] of Object.entries(next)) {
            const before = (current as Record<string, unknown>)[key];
            const comparable =
              typeof value === 'number' && before !== null ? Number(before) : before;
            if (comparable !== value) changes[key] = { from: comparable, to: value };
          }
          if (Object.keys(changes).length === 0) return;
          // Under the contract lock, which approvals take too: what counts cannot grow meanwhile.
          const counted = Number(current.counted_cents);
          if (next.obligation_cents < counted) {
            throw conflict(
              'CONTRACT.OBLIGATION_BELOW_COUNTED',
              'Approved claims already count for more than the obligation would be; withdraw an approval first',
              { countedCents: counted },
            );
          }
          await repo.update(trx, id, { ...next, updated_at: now });
          await recordAudit(trx, ctx, {
            action: 'contract.updated',
            subjectType: 'contract',
            subjectId: id,
            summary: { contractId: id, changes },
          });
          await recordEvent(trx, { type: 'contract.changed', objectId: id, occurredAt: now });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'contracts_reference_per_authority')) throw referenceTaken();
        throw error;
      }
      return present((await repo.findView(db, id))!);
    },

    /** Closes a contract once no claim waits for a decision; a closed contract takes no new claims. */
    async close(ctx: Ctx, id: string): Promise<Contract> {
      const actor = requireCoordinator(ctx);
      await loadOwnForChange(ctx, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const current = await repo.lock(trx, id);
        if (!current) throw notFound('Contract');
        if (current.status === 'closed') throw contractClosed();
        const pending = await repo.countPendingClaims(trx, id);
        if (pending > 0)
          throw conflict('CONTRACT.PENDING_CLAIMS', `Decide the ${pending} pending claim(s) first`);
        await repo.update(trx, id, {
          status: 'closed',
          closed_at: now,
          closed_by: actor.userId,
          updated_at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'contract.closed',
          subjectType: 'contract',
          subjectId: id,
          summary: { contractId: id },
        });
        await recordEvent(trx, { type: 'contract.closed', objectId: id, occurredAt: now });
      });
      return present((await repo.findView(db, id))!);
    },

    /** The supplier's obligation wallet: every obligation it has, across all authorities. */
    async obligations(ctx: Ctx): Promise<Page<Obligation>> {
      const actor = requireSupplierMember(ctx);
      const rows = await repo.listForSupplier(db, actor.organisationId);
      const totals = await repo.claimTotals(
        db,
        rows.map((row) => row.id),
      );
      const date = today();
      return wholeList(rows.map((row) => toObligation(row, totals.get(row.id), date)));
    },

    /** Audit events about one contract and its claims, for its authority and platform admins. */
    async events(ctx: Ctx, id: string, query: { limit: number; cursor?: string | undefined }) {
      const actor = requireActor(ctx);
      const row = await loadVisible(ctx, id);
      if (!isPlatformAdmin(actor) && actor.organisationId !== row.authority_id)
        throw notFound('Contract');
      const cursor = decodeCursor(query.cursor, ['id'], (v) => /^[0-9]{1,19}$/.test(v.id));
      const rows = await auditRepository.listAbout(db, {
        subjects: [{ type: 'contract', id }],
        claimsOfContract: id,
        beforeId: cursor?.id,
        limit: query.limit,
      });
      return toPage(
        rows,
        query.limit,
        (event) => ({
          id: String(event.id),
          occurredAt: event.occurred_at.toISOString(),
          actorUserId: event.actor_user_id,
          actorOrganisationId: event.actor_organisation_id,
          action: event.action,
          subjectType: event.subject_type,
          subjectId: event.subject_id,
          summary: (event.summary ?? {}) as Record<string, unknown>,
          requestId: event.request_id,
        }),
        (event) => ({ id: String(event.id) }),
      );
    },

    /** Every contract of the caller's authority with its progress, for the exports. */
    async forExport(ctx: Ctx): Promise<Contract[]> {
      const actor = requireActor(ctx);
      if (!isAuthorityMember(actor))
        throw forbidden('AUTH.FORBIDDEN', 'Only authorities export their contracts');
      const rows = await repo.listForAuthority(db, actor.organisationId);
      const totals = await repo.claimTotals(
        db,
        rows.map((row) => row.id),
      );
      const date = today();
      return rows.map((row) => toContract(row, totals.get(row.id), date));
    },
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;
