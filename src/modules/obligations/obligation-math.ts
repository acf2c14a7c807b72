import type { ObligationBasis } from '../../db/types.js';

/**
 * The arithmetic of social-return obligations and of what credits count for against them
 * (DESIGN §4 Claim, issue "Authorities"). Integer cents and basis points throughout, in
 * BigInt so that a large contract value times 10,000 basis points cannot lose precision.
 *
 * Rounding: an obligation and a claim's value are rounded half up to whole cents, as an
 * invoice amount would be; the credit share cap is rounded down, so credits never fill
 * more of an obligation than the authority allows.
 */

export const BASIS_POINTS = 10_000;
export const DEFAULT_PERCENTAGE_BP = 500;

const BP = BigInt(BASIS_POINTS);

/** a × b / BASIS_POINTS, rounded half up; a and b are non-negative integers. */
function percentOfHalfUp(amount: number, basisPoints: number): number {
  const product = BigInt(amount) * BigInt(basisPoints);
  return Number((product * 2n + BP) / (BP * 2n));
}

export type ObligationInput =
  | { basis: 'contract_value'; percentageBp: number }
  | { basis: 'wage_sum'; percentageBp: number; wageSumCents: number }
  | { basis: 'fixed'; fixedAmountCents: number };

/** The obligation in cents: a percentage of the contract value or the wage sum, or a fixed amount. */
export function obligationCents(contractValueCents: number, obligation: ObligationInput): number {
  switch (obligation.basis) {
    case 'contract_value':
      return percentOfHalfUp(contractValueCents, obligation.percentageBp);
    case 'wage_sum':
      return percentOfHalfUp(obligation.wageSumCents, obligation.percentageBp);
    case 'fixed':
      return obligation.fixedAmountCents;
  }
}

/** What a claim counts for: credits × the price paid per credit × the authority's factor. */
export function claimValueCents(
  credits: number,
  unitPriceCents: number,
  creditFactorBp: number,
): number {
  return Number(
    (BigInt(credits) * BigInt(unitPriceCents) * BigInt(creditFactorBp) * 2n + BP) / (BP * 2n),
  );
}

/**
 * What a claim counts toward an obligation with `roomCents` left for credits (the share
 * credits may fill, less what other claims hold): its whole value when that fits; else, when
 * all its credits but the last fit in full, exactly the room, so the last credit counts in
 * part and the obligation is met to the cent (the rest of that credit is spent with the
 * claim); else null: the claim does not fit. The database holds the same line
 * (claims_counted_within_value).
 */
export function countedValueCents(
  credits: number,
  unitPriceCents: number,
  creditFactorBp: number,
  roomCents: number,
): number | null {
  const value = claimValueCents(credits, unitPriceCents, creditFactorBp);
  if (value <= roomCents) return value;
  if (roomCents <= 0) return null;
  const allButLast = BigInt(credits - 1) * BigInt(unitPriceCents) * BigInt(creditFactorBp);
  return allButLast < BigInt(roomCents) * BP ? roomCents : null;
}

/** The most that credits may fill of an obligation, rounded down. */
export function creditCapCents(obligation: number, creditShareCapBp: number): number {
  return Number((BigInt(obligation) * BigInt(creditShareCapBp)) / BP);
}

/** The share of the obligation filled, in basis points, rounded down (so 100% means really filled). */
export function filledShareBp(filledCents: number, obligation: number): number {
  if (obligation <= 0) return 0;
  return Number((BigInt(filledCents) * BP) / BigInt(obligation));
}

/** Reads an obligation back from the columns it is stored in. */
export function obligationFromColumns(row: {
  obligation_basis: ObligationBasis;
  percentage_bp: number | null;
  wage_sum_cents: number | null;
  obligation_cents: number;
}): ObligationInput {
  switch (row.obligation_basis) {
    case 'contract_value':
      return { basis: 'contract_value', percentageBp: row.percentage_bp! };
    case 'wage_sum':
      return {
        basis: 'wage_sum',
        percentageBp: row.percentage_bp!,
        wageSumCents: Number(row.wage_sum_cents),
      };
    case 'fixed':
      return { basis: 'fixed', fixedAmountCents: Number(row.obligation_cents) };
  }
}
