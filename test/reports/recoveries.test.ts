import { REFRESH_SUMMARIES_JOB } from '../../src/modules/reports/report-jobs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowRanges } from '../../src/modules/reports/disclosure.js';
import { publishReportCells } from '../../src/modules/reports/report-cells.js';
import {
  countTerms,
  emptyKnowledge,
  OUTCOME_TYPES,
  ranges,
  roundedKnowledge,
  tableFromBlock,
  tableFromStats,
} from './attacker.js';
import { legacySuppressRow } from './legacy-suppression.js';
import { mulberry32 } from './random.js';
import { expectStatus, type Person, reportBody, TestContext } from '../factory/index.js';

/**
 * The three recoveries of issue 14. Each recovers the exact count from what the old
 * suppression published (the method is kept in legacy-suppression.ts for this), and
 * cannot from what is published now: the same figures go through the API, the attacker
 * (attacker.ts, HiGHS) reads the published table with everything it knows, and finds a
 * range at least 4 wide around the count.
 */

const outcomesRow = (figures: Record<string, number>) =>
  OUTCOME_TYPES.map((category) => ({ category, exact: figures[category] ?? 0 }));
const shown = (row: ReturnType<typeof legacySuppressRow>): Record<string, number | null> => ({
  ...Object.fromEntries(row.parts.map((c) => [c.category, c.published])),
  total: row.total.published,
});

const CASES = {
  // 1. The method gives itself away: paid_work 4, diploma 5, internship 5.
  method: {
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    outcomes: [
      { outcomeType: 'paid_work', achieved: 4, banenafspraak: 0 },
      { outcomeType: 'diploma', achieved: 5, banenafspraak: 0 },
      { outcomeType: 'internship', achieved: 5, banenafspraak: 0 },
    ],
  },
  // 2. Nested rows suppressed as if independent: 11 paid work (all Banenafspraak), 1 diploma.
  nested: {
    periodStart: '2025-04-01',
    periodEnd: '2025-06-30',
    outcomes: [
      { outcomeType: 'paid_work', achieved: 11, banenafspraak: 11 },
      { outcomeType: 'diploma', achieved: 1, banenafspraak: 0 },
    ],
  },
  // 3. A difference of shown cells: 9 paid work, 6 of them Banenafspraak: 3 outside it.
  difference: {
    periodStart: '2025-07-01',
    periodEnd: '2025-09-30',
    outcomes: [
      { outcomeType: 'paid_work', achieved: 9, banenafspraak: 6 },
      { outcomeType: 'diploma', achieved: 6, banenafspraak: 0 },
    ],
  },
};
const participants = [{ targetGroup: 'participatiewet', participants: 20 }];

describe('issue 14: the three recoveries', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let p: string;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    p = await (await t.newListedProject({ credits: 40, title: 'Werk en diploma', initiative })).id;
    const order = await t.newPaidOrder({ buyer: supplier, project: p, credits: 20 });
    await t.insertClaim({
      contractId: await t.insertContract({
        authorityId: coordinator.organisation.id,
        supplierId: supplier.organisation.id,
      }),
      certificateId: order.certificate!.id,
      credits: 20,
    });
    for (const c of Object.values(CASES)) {
      const report = await t.post(
        initiative.as,
        `/v1/projects/${p}/outcome-reports`,
        reportBody({ ...c, participants }),
      );
      expectStatus(report, 201);
      expectStatus(
        await t.post(admin.as, `/v1/outcome-reports/${report.json().id}/accept`, {}),
        200,
      );
    }
    await t.runJob(REFRESH_SUMMARIES_JOB);
  });
  afterAll(async () => t?.close());

  /** The published table of one period, with no account: GET /v1/stats?from=to=<end>. */
  async function statsOf(end: string) {
    const response = await t.get(null, `/v1/stats?from=${end}&to=${end}`);
    expectStatus(response, 200);
    return tableFromStats(response.json());
  }

  /** Every count of the table is published, as a multiple of 5. */
  function expectRounded(table: ReturnType<typeof tableFromStats>) {
    for (const row of [table.participants, table.outcomes, table.banenafspraak])
      for (const value of Object.values(row)) expect(value === null ? null : value % 5).toBe(0);
  }

  /** What the attacker narrows a count of one published table down to. */
  async function attack(
    table: ReturnType<typeof tableFromStats>,
    dimension: Parameters<typeof countTerms>[1],
    category: string,
  ) {
    const k = emptyKnowledge();
    roundedKnowledge(k, 'r', table, 5);
    const [range] = await ranges(k, [countTerms('r', dimension, category)]);
    return range!;
  }

  it('1. the method gave itself away: paid_work = 4 exactly then; a range at least 4 wide now', async () => {
    const figures = { paid_work: 4, diploma: 5, internship: 5 };
    const before = legacySuppressRow(outcomesRow(figures), 5);
    expect(shown(before)).toMatchObject({
      paid_work: null,
      diploma: null,
      internship: 5,
      total: 14,
    });
    // The attacker completes the two hidden cells in every way that adds up, and keeps
    // the completions the published rule would have published exactly so.
    const consistent: number[][] = [];
    for (let paid = 0; paid <= 9; paid++) {
      const completion = { ...figures, paid_work: paid, diploma: 9 - paid };
      const again = legacySuppressRow(outcomesRow(completion), 5);
      if (JSON.stringify(shown(again)) === JSON.stringify(shown(before)))
        consistent.push([paid, 9 - paid]);
    }
    expect(consistent).toEqual([[4, 5]]);

    const after = await statsOf(CASES.method.periodEnd);
    expectRounded(after);
    const paid = await attack(after, 'outcomes', 'paid_work');
    expect(paid.lo).toBeLessThanOrEqual(4);
    expect(paid.hi).toBeGreaterThanOrEqual(4);
    expect(paid.hi - paid.lo).toBeGreaterThanOrEqual(4);
  });

  it('2. nested rows suppressed on their own: diploma = 1 exactly then; a range at least 4 wide now', async () => {
    const before = {
      outcomes: shown(legacySuppressRow(outcomesRow({ paid_work: 11, diploma: 1 }), 5)),
      banenafspraak: shown(legacySuppressRow(outcomesRow({ paid_work: 11 }), 5)),
    };
    expect(before.outcomes).toMatchObject({ paid_work: null, diploma: null, total: 12 });
    expect(before.banenafspraak).toMatchObject({ paid_work: 11, total: 11 });
    // The attacker: hidden cells are not zero (the rule never hides a zero), they add up
    // to the total minus the shown parts, and achieved ≥ Banenafspraak per type.
    const k = emptyKnowledge();
    for (const type of OUTCOME_TYPES) {
      const a = before.outcomes[type]!;
      const b = before.banenafspraak[type]!;
      k.variables.set(`a.${type}`, a === null ? { lo: 1, hi: 100_000 } : { lo: a, hi: a });
      k.variables.set(`b.${type}`, b === null ? { lo: 1, hi: 100_000 } : { lo: b, hi: b });
      k.inequalities.push({ terms: { [`b.${type}`]: 1, [`a.${type}`]: -1 }, max: 0 });
    }
    k.equalities.push({
      terms: Object.fromEntries(OUTCOME_TYPES.map((type) => [`a.${type}`, 1])),
      rhs: before.outcomes.total!,
    });
    const [diplomaThen] = await ranges(k, [{ 'a.diploma': 1 }]);
    expect(diplomaThen).toEqual({ lo: 1, hi: 1 });

    const after = await statsOf(CASES.nested.periodEnd);
    expectRounded(after);
    const diploma = await attack(after, 'outcomes', 'diploma');
    expect(diploma.lo).toBeLessThanOrEqual(1);
    expect(diploma.hi).toBeGreaterThanOrEqual(1);
    expect(diploma.hi - diploma.lo).toBeGreaterThanOrEqual(4);
  });

  it('3. a difference of shown cells: 3 outside the Banenafspraak exactly then; a range at least 4 wide now', async () => {
    const outcomes = shown(legacySuppressRow(outcomesRow({ paid_work: 9, diploma: 6 }), 5));
    const banen = shown(legacySuppressRow(outcomesRow({ paid_work: 6 }), 5));
    expect(outcomes.paid_work! - banen.paid_work!).toBe(3);

    // The authority's own report, one period: the project's block.
    const response = await t.get(
      coordinator.as,
      `/v1/reports/authority?from=${CASES.difference.periodEnd}&to=${CASES.difference.periodEnd}`,
    );
    expectStatus(response, 200);
    const block = response.json().projects.find((b: { projectId: string }) => b.projectId === p);
    const after = tableFromBlock(block);
    expectRounded(after);
    const outside = await attack(after, 'outside_banenafspraak', 'paid_work');
    expect(outside.lo).toBeLessThanOrEqual(3);
    expect(outside.hi).toBeGreaterThanOrEqual(3);
    expect(outside.hi - outside.lo).toBeGreaterThanOrEqual(4);
    // The published difference is itself a multiple of 5, never a small count.
    expect((after.outcomes.paid_work! - after.banenafspraak.paid_work!) % 5).toBe(0);
  });

  it('over many draws of the same three tables, no draw lets any of the three counts be narrowed below 4', () => {
    const random = mulberry32(3);
    const widths: number[] = [];
    // Ranges of one row's single parts, from the auditor's exact attacker.
    const partRanges = (cells: { category: string; published: number | null }[]) =>
      new Map(
        rowRanges(
          cells
            .filter((c) => c.category !== 'total')
            .map((c) => ({ category: c.category, published: c.published! })),
          cells.find((c) => c.category === 'total')!.published!,
          5,
        )
          .filter((r) => r.categories.length === 1)
          .map((r) => [r.categories[0]!, r.range]),
      );
    for (let draw = 0; draw < 300; draw++) {
      const seed = new Uint8Array(32).map(() => Math.floor(random() * 256));
      for (const [name, c] of Object.entries(CASES)) {
        const cells = publishReportCells({ participants, outcomes: c.outcomes }, 5, seed).cells;
        const row = (d: string) => cells.filter((x) => x.dimension === d);
        const banen = partRanges(row('banenafspraak'));
        const outside = partRanges(
          row('outcomes').map((x) => ({
            category: x.category,
            published:
              x.published! -
              row('banenafspraak').find((b) => b.category === x.category)!.published!,
          })),
        );
        // achieved = Banenafspraak + outside: the ranges add up.
        const achieved = (type: string) => ({
          lo: banen.get(type)!.lo + outside.get(type)!.lo,
          hi: banen.get(type)!.hi + outside.get(type)!.hi,
        });
        const target =
          name === 'method'
            ? achieved('paid_work')
            : name === 'nested'
              ? achieved('diploma')
              : outside.get('paid_work')!;
        widths.push(target.hi - target.lo);
      }
    }
    expect(widths).toHaveLength(900);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(4);
  });
});
