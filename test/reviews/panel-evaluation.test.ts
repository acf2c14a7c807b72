import { describe, expect, it } from 'vitest';
import { methodology } from '../../src/lib/award-methodology.js';
import { evaluatePanel, type PanelMember } from '../../src/modules/awards/panel-evaluation.js';
import type { PlanSnapshot } from '../../src/modules/projects/plan-aggregate.js';

const v1 = methodology('v1');

const snapshot = {
  snapshotVersion: 1,
  budgetLines: [
    {
      id: 'line-a',
      position: 0,
      description: 'Lessons',
      category: 'training',
      amountCents: 6_000_000,
    },
    {
      id: 'line-b',
      position: 1,
      description: 'Coach',
      category: 'coaching',
      amountCents: 3_000_000,
    },
    {
      id: 'line-c',
      position: 2,
      description: 'Books',
      category: 'materials',
      amountCents: 1_000_000,
    },
  ],
  minimumBudgetCents: 4_000_000,
} as unknown as PlanSnapshot;

let sequence = 0;
function member(
  declaration: PanelMember['declaration'],
  scores: [number, number, number, number] | null,
  flags: string[] = [],
): PanelMember {
  sequence++;
  return {
    assignmentId: `a${sequence}`,
    reviewerId: `r${sequence}`,
    declaration,
    score: scores
      ? {
          reach: scores[0],
          depth: scores[1],
          durability: scores[2],
          indirect: scores[3],
          ineligibleLineIds: flags,
        }
      : null,
  };
}

const evaluate = (
  members: PanelMember[],
  consensus: Parameters<typeof evaluatePanel>[0]['consensus'] = null,
  panelMin = 3,
) =>
  evaluatePanel({ parameters: v1, panelMin, creditPriceCents: 3800, snapshot, members, consensus });

describe('panel evaluation', () => {
  it('is incomplete below PANEL_MIN active reviewers, however many scored', () => {
    const result = evaluate([
      member('none', [4, 4, 4, 4]),
      member('none', [4, 4, 4, 4]),
      member('conflict', null),
    ]);
    expect(result).toMatchObject({
      activeReviewers: 2,
      recusedReviewers: 1,
      scoredReviewers: 2,
      complete: false,
      preview: null,
    });
    expect(result.doubledMedians).toEqual({ reach: 8, depth: 8, durability: 8, indirect: 8 });
  });

  it('is incomplete while an undeclared reviewer has not scored', () => {
    const result = evaluate([
      member('none', [4, 4, 4, 4]),
      member('none', [4, 4, 4, 4]),
      member('none', [4, 4, 4, 4]),
      member(null, null),
    ]);
    expect(result).toMatchObject({ activeReviewers: 4, complete: false, preview: null });
  });

  it('takes medians of an even panel to the half point and rejects lines flagged by more than half', () => {
    const result = evaluate(
      [
        member('none', [3, 3, 3, 3], ['line-c']),
        member('none', [4, 4, 4, 4], ['line-c', 'line-b']),
        member('none', [4, 3, 3, 3], ['line-b']),
        member('none', [3, 4, 4, 4]),
      ],
      null,
      4,
    );
    // reach median of 3,3,4,4 = 3.5 → doubled 7; a line flagged by 2 of 4 is not a majority
    expect(result.doubledMedians).toEqual({ reach: 7, depth: 7, durability: 7, indirect: 7 });
    expect(result.rejectedLines).toEqual([]);
    expect(result.eligibleCostCents).toBe(10_000_000);
    // S = 3.5 / 5 = 0.7; N = floor(10 000 000 × 0.7 / 3 800) = 1 842
    expect(result.preview).toMatchObject({
      impactScore: '0.70000',
      supply: 1842,
      threshold: 1053,
      decision: 'approved',
    });
  });

  it('needs a consensus at a spread of 3, not at 2; the consensus then sets scores and lines', () => {
    const spreadTwo = evaluate([
      member('none', [1, 3, 3, 3]),
      member('none', [3, 3, 3, 3]),
      member('none', [3, 3, 3, 3]),
    ]);
    expect(spreadTwo).toMatchObject({ divergentCriteria: [], consensusNeeded: false });
    expect(spreadTwo.preview).not.toBeNull();

    const members = [
      member('none', [0, 3, 3, 3], ['line-a']),
      member('none', [3, 3, 3, 3], ['line-a']),
      member('none', [3, 3, 3, 3]),
    ];
    const spreadThree = evaluate(members);
    expect(spreadThree).toMatchObject({
      divergentCriteria: ['reach'],
      consensusNeeded: true,
      consensusRecorded: false,
      preview: null,
    });
    expect(spreadThree.rejectedLines.map((l) => l.id)).toEqual(['line-a']);

    const agreed = evaluate(members, {
      reach: 5,
      depth: 5,
      durability: 5,
      indirect: 5,
      ineligibleLineIds: ['line-c'],
      enteredBy: 'admin',
    });
    expect(agreed).toMatchObject({
      consensusNeeded: true,
      consensusRecorded: true,
      scoreSource: 'consensus',
      eligibleCostCents: 9_000_000,
    });
    expect(agreed.rejectedLines.map((l) => [l.id, l.flags])).toEqual([['line-c', 0]]);
    expect(agreed.acceptedLines.map((l) => [l.id, l.flags])).toEqual([
      ['line-a', 2],
      ['line-b', 0],
    ]);
    expect(agreed.preview).toMatchObject({ impactScore: '1.00000', supply: 2368 });
  });

  it('ignores a recused reviewer entirely', () => {
    const result = evaluate([
      member('none', [2, 2, 2, 2]),
      member('none', [2, 2, 2, 2]),
      member('none', [2, 2, 2, 2]),
      member('conflict', null),
    ]);
    expect(result).toMatchObject({
      activeReviewers: 3,
      recusedReviewers: 1,
      complete: true,
      divergentCriteria: [],
    });
    expect(result.doubledMedians).toEqual({ reach: 4, depth: 4, durability: 4, indirect: 4 });
  });
});
