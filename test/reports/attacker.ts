import * as highsModule from 'highs';

// The package's types describe its CommonJS build; imported as ESM its default export is the loader itself.
const loadHighs = highsModule.default as unknown as typeof highsModule.default.default;

/**
 * The attacker of the tests: what a reader can narrow a count down to, given everything
 * it knows about a published table, as an integer programme solved by HiGHS. Written
 * apart from the auditor in src/ (it shares no code with it), so the two check each other.
 *
 * Knowledge: whole-number unknowns with bounds, and linear equalities and inequalities
 * between them. A target is a linear combination of unknowns (a cell, a difference of
 * nested cells, a sum over reports); its range is [min, max] over every table consistent
 * with the knowledge.
 */

export type Terms = Record<string, number>;

export interface Knowledge {
  variables: Map<string, { lo: number; hi: number }>;
  equalities: { terms: Terms; rhs: number }[];
  /** Σ terms ≤ max. */
  inequalities: { terms: Terms; max: number }[];
}

export interface Range {
  lo: number;
  hi: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

export function emptyKnowledge(): Knowledge {
  return { variables: new Map(), equalities: [], inequalities: [] };
}

export async function ranges(knowledge: Knowledge, targets: Terms[]): Promise<Range[]> {
  const h = await (highs ??= loadHighs());
  const names = [...knowledge.variables.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const row = (terms: Terms) => {
    const entries = Object.entries(terms).filter(([, v]) => v !== 0);
    for (const [name] of entries) if (!index.has(name)) throw new Error(`unknown ${name}`);
    return {
      indices: entries.map(([name]) => index.get(name)!),
      values: entries.map(([, v]) => v),
    };
  };
  const model = h.createModel();
  try {
    model.options.set({ output_flag: false });
    for (const name of names) {
      const { lo, hi } = knowledge.variables.get(name)!;
      model.addVar(lo, hi);
    }
    for (let i = 0; i < names.length; i++)
      model.changeColIntegrality(i, h.constants.variableType.integer);
    for (const e of knowledge.equalities) model.addRow(e.rhs, e.rhs, row(e.terms));
    for (const e of knowledge.inequalities) model.addRow(-h.infinity, e.max, row(e.terms));
    const all = { kind: 'set' as const, indices: names.map((_, i) => i) };
    const results: Range[] = [];
    for (const target of targets) {
      const costs = names.map((n) => target[n] ?? 0);
      for (const n of Object.keys(target)) if (!index.has(n)) throw new Error(`unknown ${n}`);
      model.changeColsCost(all, costs);
      const bound = (sense: 1 | -1) => {
        model.changeObjectiveSense(sense as never);
        model.run();
        if (model.getModelStatus() !== h.constants.modelStatus.optimal)
          throw new Error(`attack did not solve: status ${model.getModelStatus()}`);
        return Math.round(model.getObjectiveValue());
      };
      results.push({ lo: bound(1), hi: bound(-1) });
    }
    return results;
  } finally {
    model.dispose();
  }
}

export const OUTCOME_TYPES = [
  'paid_work',
  'diploma',
  'internship',
  'driving_licence',
  'retraining',
  'job',
  'day_activity',
  'other',
] as const;
export const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'nug',
  'youth',
  'over_50',
  'status_holder',
  'other',
] as const;

/** One report's published table as a reader gets it (realised values of one report). */
export interface PublishedTable {
  participants: Record<string, number | null>;
  outcomes: Record<string, number | null>;
  banenafspraak: Record<string, number | null>;
}

/**
 * What a reader who knows the rounding method knows about one report published by it
 * (prefix names its unknowns): each count lies within base − 1 of its published value
 * (the counts that round to it), at least 0; the parts of a row add up to its total; the
 * outcomes are published as Banenafspraak plus outside-Banenafspraak, so the second row
 * is outcomes − Banenafspraak, and achieved = Banenafspraak + outside.
 */
export function roundedKnowledge(
  k: Knowledge,
  prefix: string,
  table: PublishedTable,
  base: number,
): void {
  const box = (published: number) =>
    published === 0
      ? { lo: 0, hi: base - 1 }
      : { lo: Math.max(0, published - base + 1), hi: published + base - 1 };
  const rows: [string, readonly string[], (c: string) => number | null][] = [
    ['p', TARGET_GROUPS, (c) => table.participants[c] ?? null],
    ['b', OUTCOME_TYPES, (c) => table.banenafspraak[c] ?? null],
    [
      'o',
      OUTCOME_TYPES,
      (c) =>
        table.outcomes[c] === null || table.banenafspraak[c] === null
          ? null
          : table.outcomes[c]! - table.banenafspraak[c]!,
    ],
  ];
  for (const [row, categories, value] of rows) {
    for (const c of [...categories, 'total']) {
      const v = value(c);
      // A withheld row: nothing known but that its counts are whole and at least 0.
      k.variables.set(`${prefix}.${row}.${c}`, v === null ? { lo: 0, hi: 100_000 } : box(v));
    }
    k.equalities.push({
      terms: Object.fromEntries([
        ...categories.map((c) => [`${prefix}.${row}.${c}`, 1]),
        [`${prefix}.${row}.total`, -1],
      ]),
      rhs: 0,
    });
  }
}

/** The unknowns of a count of one report, by dimension and category: achieved = Banenafspraak + outside it. */
export function countTerms(
  prefix: string,
  dimension: 'participants' | 'outcomes' | 'banenafspraak' | 'outside_banenafspraak',
  category: string,
): Terms {
  switch (dimension) {
    case 'participants':
      return { [`${prefix}.p.${category}`]: 1 };
    case 'banenafspraak':
      return { [`${prefix}.b.${category}`]: 1 };
    case 'outside_banenafspraak':
      return { [`${prefix}.o.${category}`]: 1 };
    case 'outcomes':
      return { [`${prefix}.b.${category}`]: 1, [`${prefix}.o.${category}`]: 1 };
  }
}

interface Realised {
  value: number | null;
}
type Lines<K extends string> = ({ [key in K]: string } & { realised: Realised })[];

/** The published table in public statistics (a period's platform totals). */
export function tableFromStats(s: {
  participants: Lines<'targetGroup'>;
  outcomes: Lines<'outcomeType'>;
  banenafspraak: Lines<'outcomeType'>;
  totals: Record<'participants' | 'outcomes' | 'banenafspraak', Realised>;
}): PublishedTable {
  return {
    participants: {
      ...Object.fromEntries(s.participants.map((l) => [l.targetGroup, l.realised.value])),
      total: s.totals.participants.value,
    },
    outcomes: {
      ...Object.fromEntries(s.outcomes.map((l) => [l.outcomeType, l.realised.value])),
      total: s.totals.outcomes.value,
    },
    banenafspraak: {
      ...Object.fromEntries(s.banenafspraak.map((l) => [l.outcomeType, l.realised.value])),
      total: s.totals.banenafspraak.value,
    },
  };
}

/** The published table of one project in an authority or supplier report. */
export function tableFromBlock(b: {
  participants: Lines<'targetGroup'>;
  outcomes: Lines<'outcomeType'>;
  banenafspraak: Lines<'outcomeType'>;
  totals: Record<'participants' | 'outcomes' | 'banenafspraak', { realised: Realised }>;
}): PublishedTable {
  return tableFromStats({
    ...b,
    totals: {
      participants: b.totals.participants.realised,
      outcomes: b.totals.outcomes.realised,
      banenafspraak: b.totals.banenafspraak.realised,
    },
  });
}
