import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type Person,
  reportBody,
  TestContext,
} from '../factory/index.js';

/**
 * GET /v1/projects/{id}/outcomes: one public project's outcomes so far, for anyone. Only
 * sums of the reports' published (randomly rounded) cells, never an exact count.
 */
describe('a public project’s outcomes reported so far', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let initiative: Person;
  let p: string;
  let q: string;
  let first: string;
  let second: string;

  type Count = { value: number | null; suppressed: boolean; complete: boolean };
  type Line = { outcomeType?: string; targetGroup?: string; expected?: number | null };
  const find = <T extends Line>(lines: T[], category: string): T =>
    lines.find((l) => l.outcomeType === category || l.targetGroup === category)!;

  /** What one report published for a cell (stored once at acceptance). */
  const published = async (reportId: string, dimension: string, category: string) =>
    (
      await t.db
        .selectFrom('outcome_report_cells')
        .select(['published', 'exact'])
        .where('report_id', '=', reportId)
        .where('dimension', '=', dimension as never)
        .where('category', '=', category)
        .executeTakeFirstOrThrow()
    ).published;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    initiative = await t.newInitiative();
    p = await (
      await t.newListedProject({ credits: 40, title: 'Rijbewijs en werk P', initiative })
    ).id;
    q = await (
      await t.newListedProject({ credits: 20, title: 'Groen leerwerktraject Q', initiative })
    ).id;
    await t.newPaidOrder({ buyer: supplier, project: p, credits: 40 });
    const accept = async (projectId: string, body: object) => {
      const report = await t.post(initiative.as, `/v1/projects/${projectId}/outcome-reports`, body);
      expectStatus(report, 201);
      const id: string = report.json().id;
      expectStatus(await t.post(admin.as, `/v1/outcome-reports/${id}/accept`, {}), 200);
      return id;
    };
    first = await accept(p, reportBody());
    second = await accept(
      p,
      reportBody({
        periodStart: '2025-04-01',
        periodEnd: '2025-06-30',
        participants: [{ targetGroup: 'participatiewet', participants: 1 }],
        outcomes: [{ outcomeType: 'paid_work', achieved: 1, banenafspraak: 1 }],
      }),
    );
    // Another project's report never enters P's figures.
    await accept(
      q,
      reportBody({
        participants: [{ targetGroup: 'youth', participants: 9 }],
        outcomes: [{ outcomeType: 'internship', achieved: 9, banenafspraak: 0 }],
      }),
    );
  });
  afterAll(async () => t?.close());

  it('answers without an account: sums of the published counts, beside the plan', async () => {
    const response = await t.get(null, `/v1/projects/${p}/outcomes`);
    expectStatus(response, 200);
    const r = response.json();
    expect(r).toMatchObject({
      kind: 'project',
      projectId: p,
      reports: 2,
      disclosureThreshold: 5,
      disclosureControl: { method: 'random_rounding', base: 5, protectionWidth: 4 },
    });
    const sum = async (dimension: string, category: string) =>
      ((await published(first, dimension, category)) ?? 0) +
      ((await published(second, dimension, category)) ?? 0);
    expect(find<Line & { realised: Count }>(r.outcomes, 'paid_work').realised).toEqual({
      value: await sum('outcomes', 'paid_work'),
      suppressed: false,
      complete: true,
    });
    expect(find<Line & { realised: Count }>(r.banenafspraak, 'paid_work').realised.value).toBe(
      await sum('banenafspraak', 'paid_work'),
    );
    expect(r.totals.participants.value).toBe(await sum('participants', 'total'));
    // Q's internships are not P's.
    expect(find<Line & { realised: Count }>(r.outcomes, 'internship').realised.value).toBe(0);
    // Every count a reader sees is a multiple of the base: never a count of 1 to 4 people.
    const values = [
      ...r.outcomes,
      ...r.participants,
      ...r.banenafspraak,
      ...Object.values(r.totals).map((realised) => ({ realised })),
    ].map((l: { realised: Count }) => l.realised.value);
    for (const value of values) if (value !== null) expect(value % 5).toBe(0);
    // The one-person report of the second quarter is never visible as a 1.
    expect(response.body).not.toMatch(/"value":1[,}]/);
    // What the plan expected, from the listed plan.
    const expectedOutcomes = (
      await t.db
        .selectFrom('project_outcomes')
        .select(['outcome_type', 'expected_count'])
        .where('project_id', '=', p)
        .execute()
    ).map((o) => [o.outcome_type, o.expected_count]);
    expect(expectedOutcomes.length).toBeGreaterThan(0);
    for (const [type, expected] of expectedOutcomes)
      expect(find<Line>(r.outcomes, type as string).expected).toBe(expected);
  });

  it('takes a period: only reports whose period ends in it', async () => {
    const r = (
      await t.get(null, `/v1/projects/${p}/outcomes?from=2025-04-01&to=2025-06-30`)
    ).json();
    expect(r.reports).toBe(1);
    expect(r.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(r.totals.participants.value).toBe(await published(second, 'participants', 'total'));
  });

  it('says nothing reported yet for a listed project without reports', async () => {
    const other = await (
      await t.newListedProject({ credits: 10, title: 'Nog zonder rapportage', initiative })
    ).id;
    const r = (await t.get(null, `/v1/projects/${other}/outcomes`)).json();
    expect(r.reports).toBe(0);
    expect(r.totals.outcomes).toEqual({ value: 0, suppressed: false, complete: true });
  });

  it('answers 404 for a project that is not public', async () => {
    // Awarded but not listed: the project exists, yet nobody outside may see it.
    const hidden = (await t.newApprovedProject({ credits: 10, initiative })).id;
    expectProblem(await t.get(null, `/v1/projects/${hidden}/outcomes`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(
      await t.get(null, '/v1/projects/00000000-0000-4000-8000-000000000000/outcomes'),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });
});
