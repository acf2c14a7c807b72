import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { claimIdempotencyKey, completeIdempotencyKey, hashRequest } from '../../lib/idempotency.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { verificationUrl } from '../../lib/verification-url.js';
import {
  canSee,
  isAuthorityMember,
  isCoordinator,
  isSupplierMember,
  requireSupplierMember,
} from './access.js';
import { type ClaimFilter, type ClaimView, claimsRepository as repo } from './claims.repository.js';
import type {
  Claim,
  ClaimPreview,
  ClaimPreviewQuery,
  CreateClaimInput,
  ListClaimsQuery,
} from './claims.schemas.js';
import { contractsRepository } from './contracts.repository.js';
import { claimValueCents, countedValueCents, creditCapCents } from './obligation-math.js';

export interface ClaimsDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
}

const CREATE_SCOPE = 'claims.create';

const certificateNotActive = (status: string) =>
  conflict(
    'CLAIM.CERTIFICATE_NOT_ACTIVE',
    `The certificate is ${status}; only an active certificate counts toward an obligation`,
  );
const creditsNotAccepted = () =>
  conflict(
    'CLAIM.CREDITS_NOT_ACCEPTED',
    'The authority does not accept credits toward this obligation',
  );
const creditsUnavailable = (available: number) =>
  conflict(
    'CLAIM.CREDITS_UNAVAILABLE',
    `Only ${available} credit(s) of this certificate are not yet claimed; a credit counts toward one obligation only`,
    {
      available,
    },
  );
const shareCapPassed = (remainingCapCents: number) =>
  conflict(
    'CLAIM.CREDIT_SHARE_CAP',
    'The claim would pass the share of the obligation that credits may fill',
    { remainingCapCents },
  );
const notPending = (status: string) =>
  conflict('CLAIM.NOT_PENDING', `The claim is ${status}, not pending`);
const refundPending = () =>
  conflict(
    'CLAIM.REFUND_PENDING',
    'A refund of the order this certificate was issued for is under way; its credits count toward no obligation unless the refund is refused',
  );

/** The database's own refusal (certificates_claimed_within_credits, the claims trigger): the last line of defence. */
function isCheckViolation(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '23514';
}

export function createClaimsService(deps: ClaimsDeps) {
  const { db, clock } = deps;

  function toClaim(row: ClaimView): Claim {
    return {
      id: row.id,
      status: row.status,
      credits: row.credits,
      unitPriceCents: row.unit_price_cents,
      creditFactorBp: row.credit_factor_bp,
      valueCents: Number(row.value_cents),
      countedCents: Number(row.counted_cents),
      currency: 'EUR',
      note: row.note,
      decisionReason: row.decision_reason,
      withdrawalReason: row.withdrawal_reason,
      invalidationReason: row.invalidation_reason,
      certificate: {
        id: row.certificate_id,
        number: row.certificate_number,
        status: row.certificate_status,
        statusReason: row.certificate_status_reason,
        credits: row.certificate_credits,
        serialStart: row.certificate_serial_start,
        serialEnd: row.certificate_serial_end,
        valueCents: Number(row.certificate_value_cents),
        projectId: row.project_id,
        projectTitle: row.project_title,
        initiativeName: row.initiative_name,
        verificationUrl: verificationUrl(deps.publicUrl, row.certificate_verification_code),
      },
      contract: {
        id: row.contract_id,
        reference: row.contract_reference,
        title: row.contract_title,
      },
      authority: { id: row.authority_id, name: row.authority_name },
      supplier: {
        id: row.supplier_id,
        name: row.supplier_name,
        kvkNumber: row.supplier_kvk_number,
      },
      createdAt: row.created_at.toISOString(),
      decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
      withdrawnAt: row.withdrawn_at ? row.withdrawn_at.toISOString() : null,
      invalidatedAt: row.invalidated_at ? row.invalidated_at.toISOString() : null,
    };
  }

  async function loadVisible(ctx: Ctx, id: string): Promise<ClaimView> {
    const actor = requireActor(ctx);
    const row = await repo.findView(db, id);
    if (!row || !canSee(actor, { authorityId: row.authority_id, supplierId: row.supplier_id }))
      throw notFound('Claim');
    return row;
  }

  /** Deciding belongs to the coordinators of the claim's authority; the other parties see it but may not. */
  async function loadForDecision(ctx: Ctx, id: string): Promise<ClaimView> {
    const row = await loadVisible(ctx, id);
    const actor = requireActor(ctx);
    if (!isCoordinator(actor) || actor.organisationId !== row.authority_id) {
      throw forbidden(
        'AUTH.FORBIDDEN',
        'Only a coordinator of the authority the claim is made to can decide it',
      );
    }
    return row;
  }

  /**
   * Everything a claim checks before it is written, under the certificate's lock and then the
   * contract's (the order every path takes): both are the supplier's own, the contract is
   * open and accepts credits, the certificate is active with no refund under way and has the
   * credits free, and the claim fits what is left of the credit share — its last credit may
   * count in part. Returns what the claim is worth and counts, or throws the claim's refusal.
   * `create` writes the claim on it and `preview` shows it: one computation for both.
   */
  async function assess(
    trx: Transaction<DB>,
    supplierId: string,
    input: { certificateId: string; contractId: string; credits: number },
  ) {
    const certificate = await repo.lockCertificate(trx, input.certificateId);
    if (!certificate || certificate.buyer_organisation_id !== supplierId)
      throw notFound('Certificate');
    const contract = await contractsRepository.lock(trx, input.contractId);
    if (!contract || contract.supplier_id !== supplierId) throw notFound('Contract');
    if (contract.status === 'closed') throw conflict('CONTRACT.CLOSED', 'The contract is closed');
    if (certificate.status !== 'active') throw certificateNotActive(certificate.status);
    // Under the certificate lock, which a refund's request takes too (settlement/refunds.ts).
    if (await repo.refundRequested(trx, certificate.id)) throw refundPending();
    if (!contract.accepts_credits) throw creditsNotAccepted();
    const available = certificate.credits - certificate.claimed_credits;
    if (input.credits > available) throw creditsUnavailable(available);

    const value = claimValueCents(
      input.credits,
      certificate.unit_price_cents,
      contract.credit_factor_bp,
    );
    const cap = creditCapCents(Number(contract.obligation_cents), contract.credit_share_cap_bp);
    // Pending claims hold their part of the obligation as approved ones do: two claims
    // for the last remainder queue on the contract lock, and the second finds no room.
    const used = await repo.sumCounted(trx, contract.id, ['pending', 'approved']);
    const room = cap - used;
    const counted = countedValueCents(
      input.credits,
      certificate.unit_price_cents,
      contract.credit_factor_bp,
      room,
    );
    if (counted === null) throw shareCapPassed(Math.max(0, room));
    return { certificate, contract, value, counted, available, room };
  }

  return {
    /**
     * A supplier claims credits of its own active certificate toward its own obligation.
     * The certificate row is locked first and the contract second (every path takes them in
     * this order), so concurrent claims of one certificate, or on one contract, queue; the
     * claims trigger then moves the certificate's counter, whose CHECK refuses over-claiming
     * even if a check here were wrong.
     */
    async create(
      ctx: Ctx,
      input: CreateClaimInput,
      idempotencyKey: string,
    ): Promise<{ claim: Claim; replayed: boolean }> {
      const actor = requireSupplierMember(ctx);
      const now = clock.now();
      const ref = { organisationId: actor.organisationId, key: idempotencyKey };
      try {
        return await db.transaction().execute(async (trx) => {
          const key = await claimIdempotencyKey(trx, {
            ...ref,
            scope: CREATE_SCOPE,
            requestHash: hashRequest(CREATE_SCOPE, input),
            pending: null,
            at: now,
          });
          // Every step below runs in this transaction, so a key is never left half-done: a
          // repeat either waited for the first to commit (and finds its claim) or claims the key itself.
          if (key.state === 'completed')
            return { claim: key.response.body as Claim, replayed: true };

          const { certificate, contract, value, counted } = await assess(
            trx,
            actor.organisationId,
            input,
          );

          const claim = await repo.insert(trx, {
            certificate_id: certificate.id,
            contract_id: contract.id,
            authority_id: contract.authority_id,
            supplier_id: actor.organisationId,
            credits: input.credits,
            unit_price_cents: certificate.unit_price_cents,
            credit_factor_bp: contract.credit_factor_bp,
            value_cents: value,
            counted_cents: counted,
            note: input.note ?? null,
            created_by: actor.userId,
            created_at: now,
          });
          await recordAudit(trx, ctx, {
            action: 'claim.created',
            subjectType: 'claim',
            subjectId: claim.id,
            summary: {
              contractId: contract.id,
              authorityId: contract.authority_id,
              certificateId: certificate.id,
              credits: input.credits,
              valueCents: value,
              countedCents: counted,
            },
          });
          await recordEvent(trx, { type: 'claim.submitted', objectId: claim.id, occurredAt: now });
          const body = toClaim((await repo.findView(trx, claim.id))!);
          const stored = await completeIdempotencyKey(trx, ref, { status: 201, body }, now);
          return { claim: stored.body as Claim, replayed: false };
        });
      } catch (error) {
        if (isCheckViolation(error)) {
          // Only reachable if the checks above raced past the lock: answer as they would have.
          const row = await db
            .selectFrom('certificates')
            .select(['credits', 'claimed_credits'])
            .where('id', '=', input.certificateId)
            .executeTakeFirst();
          throw creditsUnavailable(row ? row.credits - row.claimed_credits : 0);
        }
        throw error;
      }
    },

    /**
     * What a claim of `credits` (default: as many as still count, at most the certificate's
     * free credits) would be worth and count toward the contract now, before the supplier
     * claims: the very checks and arithmetic of `create` (`assess`), in a transaction that
     * writes nothing. A refusal the claim would meet is answered as `refusal` (its error
     * code), not as an error; someone else's certificate or contract is a 404 as for a claim.
     */
    async preview(ctx: Ctx, query: ClaimPreviewQuery): Promise<ClaimPreview> {
      const actor = requireSupplierMember(ctx);
      return db.transaction().execute(async (trx) => {
        const certificate = await repo.lockCertificate(trx, query.certificateId);
        if (!certificate || certificate.buyer_organisation_id !== actor.organisationId)
          throw notFound('Certificate');
        const contract = await contractsRepository.lock(trx, query.contractId);
        if (!contract || contract.supplier_id !== actor.organisationId) throw notFound('Contract');
        const available = certificate.credits - certificate.claimed_credits;
        const cap = creditCapCents(Number(contract.obligation_cents), contract.credit_share_cap_bp);
        const used = await repo.sumCounted(trx, contract.id, ['pending', 'approved']);
        const room = Math.max(0, cap - used);
        const fits = (n: number) =>
          countedValueCents(n, certificate.unit_price_cents, contract.credit_factor_bp, room) !==
          null;
        // The most credits that still count: fitting is monotone in the number of credits.
        let low = 0;
        let high = Math.max(0, available);
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (fits(mid)) low = mid;
          else high = mid - 1;
        }
        const suggested = low;
        const credits = query.credits ?? Math.max(1, suggested);
        const base = {
          certificateId: certificate.id,
          contractId: contract.id,
          credits,
          availableCredits: Math.max(0, available),
          suggestedCredits: suggested,
          unitPriceCents: certificate.unit_price_cents,
          creditFactorBp: contract.credit_factor_bp,
          obligationCents: Number(contract.obligation_cents),
          creditCapCents: cap,
          roomCents: room,
          currency: 'EUR' as const,
        };
        try {
          const assessed = await assess(trx, actor.organisationId, {
            certificateId: certificate.id,
            contractId: contract.id,
            credits,
          });
          return {
            ...base,
            valueCents: assessed.value,
            countedCents: assessed.counted,
            lastCreditPartial: assessed.counted < assessed.value,
            spentUncountedCents: assessed.value - assessed.counted,
            refusal: null,
          };
        } catch (error) {
          if (!(error instanceof AppError) || error.status !== 409) throw error;
          const value = claimValueCents(
            credits,
            certificate.unit_price_cents,
            contract.credit_factor_bp,
          );
          return {
            ...base,
            valueCents: value,
            countedCents: 0,
            lastCreditPartial: false,
            spentUncountedCents: 0,
            refusal: error.code as ClaimPreview['refusal'],
          };
        }
      });
    },

    async get(ctx: Ctx, id: string): Promise<Claim> {
      return toClaim(await loadVisible(ctx, id));
    },

    /** A supplier's own claims; an authority's inbox; everything for platform admins. */
    async list(
      ctx: Ctx,
      query: ListClaimsQuery,
    ): Promise<{ items: Claim[]; nextCursor: string | null }> {
      const actor = requireActor(ctx);
      const filter: ClaimFilter = {
        status: query.status,
        contractId: query.contractId,
        certificateId: query.certificateId,
        limit: query.limit,
      };
      if (isAuthorityMember(actor)) filter.authorityId = actor.organisationId;
      else if (isSupplierMember(actor)) filter.supplierId = actor.organisationId;
      else if (!isPlatformAdmin(actor))
        throw forbidden(
          'AUTH.FORBIDDEN',
          'Only authorities, suppliers and platform admins have claims',
        );
      filter.before = decodeCursor(
        query.cursor,
        ['createdAt', 'id'],
        (v) => isUuid(v.id) && !Number.isNaN(Date.parse(v.createdAt)),
      );
      const rows = await repo.list(db, filter);
      return toPage(rows, query.limit, toClaim, (row) => ({
        createdAt: row.created_at.toISOString(),
        id: row.id,
      }));
    },

    /** Every claim made to the caller's authority, for its export. */
    async forExport(ctx: Ctx): Promise<Claim[]> {
      const actor = requireActor(ctx);
      if (!isAuthorityMember(actor))
        throw forbidden('AUTH.FORBIDDEN', 'Only authorities export their claims');
      return (await repo.list(db, { authorityId: actor.organisationId, limit: 0 })).map(toClaim);
    },

    /**
     * Approval re-checks, in its own transaction, that the certificate is still active and no
     * refund of its order is under way, that the authority still accepts credits, and that
     * the claim at the valuation in force now stays within the share cap of what is already
     * approved. The value it approves at is then fixed: a later change of valuation does not
     * touch it.
     */
    async approve(ctx: Ctx, id: string, input: { reason?: string | undefined }): Promise<Claim> {
      const view = await loadForDecision(ctx, id);
      const actor = requireActor(ctx);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const certificate = await repo.lockCertificate(trx, view.certificate_id);
        const contract = await contractsRepository.lock(trx, view.contract_id);
        const claim = await repo.lockClaim(trx, id);
        if (!certificate || !contract || !claim) throw notFound('Claim');
        if (claim.status !== 'pending') throw notPending(claim.status);
        if (certificate.status !== 'active') throw certificateNotActive(certificate.status);
        // A refund through Stripe requested under this lock may be returning the money right
        // now: an approval would count credits that are paid back (settlement/refunds.ts).
        if (await repo.refundRequested(trx, certificate.id)) throw refundPending();
        if (!contract.accepts_credits) throw creditsNotAccepted();
        const value = claimValueCents(
          claim.credits,
          claim.unit_price_cents,
          contract.credit_factor_bp,
        );
        const cap = creditCapCents(Number(contract.obligation_cents), contract.credit_share_cap_bp);
        const approved = await repo.sumCounted(trx, contract.id, ['approved']);
        const counted = countedValueCents(
          claim.credits,
          claim.unit_price_cents,
          contract.credit_factor_bp,
          cap - approved,
        );
        if (counted === null) throw shareCapPassed(Math.max(0, cap - approved));
        await repo.update(trx, id, {
          status: 'approved',
          value_cents: value,
          counted_cents: counted,
          credit_factor_bp: contract.credit_factor_bp,
          decided_by: actor.userId,
          decided_at: now,
          decision_reason: input.reason ?? null,
        });
        await recordAudit(trx, ctx, {
          action: 'claim.approved',
          subjectType: 'claim',
          subjectId: id,
          summary: {
            contractId: contract.id,
            certificateId: certificate.id,
            credits: claim.credits,
            valueCents: value,
            countedCents: counted,
            creditFactorBp: contract.credit_factor_bp,
          },
        });
        await recordEvent(trx, { type: 'claim.approved', objectId: id, occurredAt: now });
      });
      return toClaim((await repo.findView(db, id))!);
    },

    async reject(ctx: Ctx, id: string, input: { reason: string }): Promise<Claim> {
      const view = await loadForDecision(ctx, id);
      const actor = requireActor(ctx);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.lockCertificate(trx, view.certificate_id);
        const claim = await repo.lockClaim(trx, id);
        if (!claim) throw notFound('Claim');
        if (claim.status !== 'pending') throw notPending(claim.status);
        await repo.update(trx, id, {
          status: 'rejected',
          decided_by: actor.userId,
          decided_at: now,
          decision_reason: input.reason,
        });
        await recordAudit(trx, ctx, {
          action: 'claim.rejected',
          subjectType: 'claim',
          subjectId: id,
          summary: {
            contractId: claim.contract_id,
            certificateId: claim.certificate_id,
            credits: claim.credits,
            reason: input.reason,
          },
        });
        await recordEvent(trx, { type: 'claim.rejected', objectId: id, occurredAt: now });
      });
      return toClaim((await repo.findView(db, id))!);
    },

    /** Only the authority that approved a claim can take the approval back; its credits are then free again. */
    async withdraw(ctx: Ctx, id: string, input: { reason: string }): Promise<Claim> {
      const view = await loadForDecision(ctx, id);
      const actor = requireActor(ctx);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.lockCertificate(trx, view.certificate_id);
        const claim = await repo.lockClaim(trx, id);
        if (!claim) throw notFound('Claim');
        if (claim.status !== 'approved')
          throw conflict(
            'CLAIM.NOT_APPROVED',
            `The claim is ${claim.status}; only an approved claim can be withdrawn`,
          );
        await repo.update(trx, id, {
          status: 'withdrawn',
          withdrawn_by: actor.userId,
          withdrawn_at: now,
          withdrawal_reason: input.reason,
        });
        await recordAudit(trx, ctx, {
          action: 'claim.withdrawn',
          subjectType: 'claim',
          subjectId: id,
          summary: {
            contractId: claim.contract_id,
            certificateId: claim.certificate_id,
            credits: claim.credits,
            valueCents: Number(claim.value_cents),
            countedCents: Number(claim.counted_cents),
            reason: input.reason,
          },
        });
        await recordEvent(trx, { type: 'claim.withdrawn', objectId: id, occurredAt: now });
      });
      return toClaim((await repo.findView(db, id))!);
    },
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
