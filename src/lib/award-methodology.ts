import type { Criterion } from '../db/types.js';

export const CRITERIA: readonly Criterion[] = ['reach', 'depth', 'durability', 'indirect'];

/**
 * The parameters of an award methodology. A version, once used, is frozen: changing
 * the methodology means adding a version, so an award already made never changes and
 * can always be recomputed from the parameters stored with it.
 */
export interface MethodologyParameters {
  version: string;
  /** Weight of each criterion in basis points; they sum to 10 000. */
  weightsBasisPoints: Record<Criterion, number>;
  /** Scores run from 0 to this. */
  maxScore: number;
  /** An impact score below this (basis points of 1) means the plan is rejected. */
  cutoffBasisPoints: number;
  /** Scores further apart than this on any criterion need a recorded consensus. */
  maxSpread: number;
  /** A budget line is not eligible when more than half of the panel flags it. */
  lineRule: 'majority_flags_reject';
}

export const METHODOLOGIES: Readonly<Record<string, MethodologyParameters>> = {
  v1: {
    version: 'v1',
    weightsBasisPoints: { reach: 3000, depth: 3000, durability: 2000, indirect: 2000 },
    maxScore: 5,
    cutoffBasisPoints: 4000,
    maxSpread: 2,
    lineRule: 'majority_flags_reject',
  },
};

export const CURRENT_METHODOLOGY_VERSION = 'v1';

export function methodology(version: string): MethodologyParameters {
  const found = METHODOLOGIES[version];
  if (!found) throw new Error(`Unknown award methodology ${version}`);
  return found;
}
