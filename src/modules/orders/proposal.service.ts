import { type Kysely, sql } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { BASIS_POINTS, claimValueCents, creditCapCents } from '../obligations/obligation-math.js';
import type { Proposal, ProposalQuery } from './purchases.schemas.js';
import { MAX_PURCHASE_LINES } from './purchases.schemas.js';

interface Candidate {
  id: string;
  title: string;
  priceCents: number;
  /** What this buyer may reserve of it now: available, within the per-project limit. */
  reservable: number;
  reasons: string[];
}

/** The fewest credits at this price and valuation that count for at least `cents`. */
export function creditsToCover(cents: number, priceCents: number, factorBp: number): number {
  if (cents <= 0) return 0;
  let credits = Math.max(1, Math.floor((cents * BASIS_POINTS) / (priceCents * factorBp)));
  while (claimValueCents(credits, priceCents, factorBp) < cents) credits++;
  while (credits > 1 && claimValueCents(credits - 1, priceCents, factorBp) >= cents) credits--;
  return credits;
}

/**
 * A proposal of listed projects that covers an obligation: what remains of one of the
 * supplier's contracts (at that contract's valuation, within its credit share cap), or an
 * amount typed in (valued at 100%). Projects meeting more of the preferences come first,
 * then those with more credits to reserve; each line stays within what the buyer may
 * reserve now, so the proposal can be bought as it is. Reads only.
 */
export function createProposalService(deps: { db: Kysely<DB>; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;

  async function obligationOf(
    organisationId: string,
    query: ProposalQuery,
  ): Promise<{ amountCents: number; factorBp: number; contractId: string | null }> {
    if (!query.contractId)
      return { amountCents: query.amountCents!, factorBp: BASIS_POINTS, contractId: null };
    const contract = await db
      .selectFrom('contracts')
      .select([
        'id',
        'supplier_id',
        'obligation_cents',
        'accepts_credits',
        'credit_factor_bp',
        'credit_share_cap_bp',
      ])
      .where('id', '=', query.contractId)
      .executeTakeFirst();
    if (!contract || contract.supplier_id !== organisationId) throw notFound('Contract');
    const used = await db
      .selectFrom('claims')
      .select(sql<string>`coalesce(sum(value_cents), 0)`.as('cents'))
      .where('contract_id', '=', contract.id)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirstOrThrow();
    const obligation = Number(contract.obligation_cents);
    const remaining = Math.max(0, obligation - Number(used.cents));
    const cap = contract.accepts_credits
      ? Math.max(0, creditCapCents(obligation, contract.credit_share_cap_bp) - Number(used.cents))
      : 0;
    const wanted = query.amountCents !== undefined ? query.amountCents : remaining;
    return {
      amountCents: Math.min(wanted, remaining, cap),
      factorBp: contract.credit_factor_bp,
      contractId: contract.id,
    };
  }

  async function candidates(organisationId: string, query: ProposalQuery): Promise<Candidate[]> {
    const rows = await db
      .selectFrom('projects as p')
      .innerJoin('project_credit_balances as b', 'b.project_id', 'p.id')
      .innerJoin('awards as a', (join) =>
        join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'),
      )
      .select([
        'p.id',
        'p.title',
        'p.summary',
        'a.credit_price_cents',
        'b.supply',
        'b.reserved',
        'b.sold',
        sql<
          string[]
        >`array(SELECT m.name FROM project_municipalities m WHERE m.project_id = p.id)`.as(
          'municipalities',
        ),
        sql<
          string[]
        >`array(SELECT g.target_group FROM project_target_groups g WHERE g.project_id = p.id)`.as(
          'target_groups',
        ),
        sql<string>`(SELECT coalesce(sum(o.quantity), 0) FROM orders o WHERE o.project_id = p.id AND o.buyer_organisation_id = ${organisationId}::uuid AND o.status = 'reserved')`.as(
          'held',
        ),
      ])
      .where('p.status', 'in', ['listed', 'funded'])
      .where('p.funding_deadline', '>', clock.now())
      .execute();
    const municipality = query.municipality?.toLocaleLowerCase('nl');
    const theme = query.theme?.toLocaleLowerCase('nl');
    return rows
      .map((row) => {
        const available = row.supply - row.reserved - row.sold;
        const maxShare = Math.max(
          1,
          Math.floor((row.supply * config.orders.maxReservedSharePercent) / 100),
        );
        const reasons: string[] = [];
        if (
          municipality &&
          row.municipalities.some((m) => m.toLocaleLowerCase('nl') === municipality)
        )
          reasons.push('municipality');
        if (query.targetGroup && row.target_groups.includes(query.targetGroup as never))
          reasons.push('targetGroup');
        if (theme && `${row.title} ${row.summary}`.toLocaleLowerCase('nl').includes(theme))
          reasons.push('theme');
        return {
          id: row.id,
          title: row.title,
          priceCents: row.credit_price_cents,
          reservable: Math.max(0, Math.min(available, maxShare - Number(row.held))),
          reasons,
        };
      })
      .filter((candidate) => candidate.reservable > 0)
      .sort(
        (a, b) =>
          b.reasons.length - a.reasons.length ||
          b.reservable * b.priceCents - a.reservable * a.priceCents ||
          a.id.localeCompare(b.id),
      );
  }

  return {
    async propose(ctx: Ctx, query: ProposalQuery): Promise<Proposal> {
      const actor = requireActor(ctx);
      if (actor.organisationKind !== 'supplier' || actor.role !== 'member')
        throw forbidden('AUTH.FORBIDDEN', 'Proposals are for members of a supplier organisation');
      const obligation = await obligationOf(actor.organisationId, query);
      const lines: Proposal['lines'] = [];
      let left = obligation.amountCents;
      for (const candidate of await candidates(actor.organisationId, query)) {
        if (left <= 0 || lines.length >= MAX_PURCHASE_LINES) break;
        const credits = Math.min(
          candidate.reservable,
          creditsToCover(left, candidate.priceCents, obligation.factorBp),
        );
        const counts = claimValueCents(credits, candidate.priceCents, obligation.factorBp);
        lines.push({
          project: { id: candidate.id, title: candidate.title },
          credits,
          unitPriceCents: candidate.priceCents,
          amountCents: credits * candidate.priceCents,
          countsCents: counts,
          reasons: candidate.reasons,
        });
        left -= counts;
      }
      const countsCents = lines.reduce((sum, line) => sum + line.countsCents, 0);
      return {
        obligation: {
          amountCents: obligation.amountCents,
          creditFactorBp: obligation.factorBp,
          contractId: obligation.contractId,
        },
        lines,
        credits: lines.reduce((sum, line) => sum + line.credits, 0),
        amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
        countsCents,
        uncoveredCents: Math.max(0, obligation.amountCents - countsCents),
      };
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
