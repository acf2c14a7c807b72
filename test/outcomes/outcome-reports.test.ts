import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/modules/outcomes/personal-data.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  reportBody,
  TestContext,
} from '../factory/index.js';
import { assertPublishable, publishReportCells } from '../../src/modules/reports/report-cells.js';

describe('outcome reports: submit, personal data, accept, return, final', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let projectId: string;
  let budgetLineId: string;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    projectId = await (await t.newListedProject({ credits: 40, initiative })).id;
    const line = await t.db
      .selectFrom('project_budget_lines')
      .select('id')
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    budgetLineId = line.id;
  });
  afterAll(async () => t?.close());

  const submit = (body: object, project = projectId) =>
    t.post(initiative.as, `/v1/projects/${project}/outcome-reports`, body);

  it('refuses any field that could carry a person (strict schemas: 400)', async () => {
    const cases: object[] = [
      reportBody({ participantNames: ['Jan Jansen'] }),
      reportBody({ participants: [{ targetGroup: 'ww', participants: 5, name: 'Jan Jansen' }] }),
      reportBody({
        outcomes: [
          { outcomeType: 'paid_work', achieved: 5, banenafspraak: 0, dateOfBirth: '1990-01-01' },
        ],
      }),
      reportBody({ spending: [{ budgetLineId, spentCents: 100, address: 'Kerkstraat 1' }] }),
      reportBody({
        stories: [
          {
            title: 'Een nieuwe baan',
            text: 'Na een jaar zoeken vond zij werk als chauffeur.',
            consent: true,
            bsn: '111222333',
          },
        ],
      }),
      reportBody({
        stories: [
          {
            title: 'Een nieuwe baan',
            text: 'Na een jaar zoeken vond zij werk als chauffeur.',
            consent: false,
          },
        ],
      }),
    ];
    for (const body of cases) expectProblem(await submit(body), 400, 'VALIDATION.FAILED');
  });

  it('refuses obvious personal data in the narrative and stories, and accepts ordinary prose', async () => {
    const personal = [
      'Contact: jan.jansen@example.nl voor details.',
      'Deelnemer met BSN 111222333 stroomde uit.',
      'Bel haar op 06-12345678.',
      'Zij woont op Kerkstraat 12 in Gouda.',
      'Adres 2801 AB Gouda.',
      'Geboren op 12-03-1985, nu aan het werk.',
      'Rekening NL91ABNA0417164300 gebruikt.',
      // Written out in words, to slip past a pattern for addresses.
      'Mail gerust naar jan punt jansen at gmail punt com voor een afspraak.',
      'Zijn adres is jan.jansen apenstaartje hotmail.com, schrijf hem.',
      'Bereikbaar via info (at) voorbeeld (dot) nl op werkdagen.',
      'Zij woont op de Dorpsstraat nummer twaalf, naast de bakker.',
      'Sinds de zomer woont hij aan de Kerkweg drieentwintig.',
      // A person's name with an age.
      'Mohammed El Amrani (54) uit Waddinxveen vond werk als chauffeur.',
      'Fatima, 34 jaar, rondde de opleiding af.',
    ];
    for (const narrative of personal) {
      const response = await submit(reportBody({ narrative }));
      expectProblem(response, 400, 'OUTCOME.PERSONAL_DATA');
      expect(response.json().errors[0].path).toBe('body.narrative');
      // The finding is masked: the identifier is not echoed back whole.
      expect(response.body).not.toContain('111222333');
      expect(response.body).not.toContain('jan.jansen@example.nl');
    }
    const story = await submit(
      reportBody({
        stories: [
          {
            title: 'Een nieuwe baan',
            text: 'Mail me op piet@example.nl, ik vertel graag meer.',
            consent: true,
          },
        ],
      }),
    );
    expectProblem(story, 400, 'OUTCOME.PERSONAL_DATA');
    expect(story.json().errors[0].path).toBe('body.stories.0.text');
    // Ordinary prose about groups, places and years passes.
    for (const narrative of [
      'In het eerste kwartaal startten 23 deelnemers uit Gouda; 14 vonden werk (in 2025).',
      'Het Werkbedrijf Midden-Holland begeleidde 12 mensen, vooral in de logistiek.',
      'We werkten samen met de gemeente op het Marktplein en een leerwerkbedrijf aan de Kade.',
    ]) {
      expect(findPersonalData(narrative).filter((f) => f.severity === 'refuse')).toEqual([]);
    }
  });

  it('flags a name with a place for the platform team, who see it on the story before publishing', async () => {
    const response = await t.post(initiative.as, `/v1/projects/${projectId}/stories`, {
      title: 'Chauffeur in de regio',
      text: 'Ahmed Yilmaz uit Boskoop rijdt nu vast voor een groothandel, na zijn rijexamen.',
      consent: true,
    });
    expectStatus(response, 201);
    const stories = (await t.get(admin.as, `/v1/projects/${projectId}/stories`)).json();
    const story = stories.items.find((s: { id: string }) => s.id === response.json().id);
    expect(story.personalDataFlags).toEqual([
      { field: 'text', kind: 'name_with_place', severity: 'flag', masked: expect.any(String) },
    ]);
    expect(JSON.stringify(story.personalDataFlags)).not.toContain('Yilmaz');
    // A story without such a finding has none.
    const clean = await t.post(initiative.as, `/v1/projects/${projectId}/stories`, {
      title: 'Een nieuwe baan',
      text: 'Na haar rijexamen begon zij als bezorger bij een groothandel in de regio.',
      consent: true,
    });
    expectStatus(clean, 201);
    expect(clean.json().personalDataFlags).toEqual([]);
  });

  it('lets only the project’s own initiative report, for a listed or funded project, for a period that has ended', async () => {
    const other = await t.newInitiative();
    expectProblem(
      await t.post(other.as, `/v1/projects/${projectId}/outcome-reports`, reportBody()),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await t.post(supplier.as, `/v1/projects/${projectId}/outcome-reports`, reportBody()),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await submit(reportBody({ periodStart: '2099-01-01', periodEnd: '2099-03-31' })),
      422,
      'OUTCOME.PERIOD_IN_FUTURE',
    );
    expectProblem(
      await submit(reportBody({ kind: 'final' })),
      409,
      'OUTCOME.PROJECT_NOT_REPORTABLE',
    );
    expectProblem(
      await submit(
        reportBody({
          spending: [{ budgetLineId: '00000000-0000-4000-8000-000000000000', spentCents: 1 }],
        }),
      ),
      422,
      'OUTCOME.UNKNOWN_BUDGET_LINE',
    );
    expectProblem(
      await submit(
        reportBody({ outcomes: [{ outcomeType: 'paid_work', achieved: 2, banenafspraak: 3 }] }),
      ),
      400,
      'VALIDATION.FAILED',
    );
  });

  it('submits a report with stories; only accepted reports and published stories become visible', async () => {
    const created = await submit(
      reportBody({
        spending: [{ budgetLineId, spentCents: 1_250_000 }],
        stories: [
          {
            title: 'Van bijstand naar bezorger',
            text: 'Na haar rijexamen begon zij als bezorger bij een groothandel in de regio.',
            consent: true,
          },
        ],
      }),
    );
    expectStatus(created, 201);
    const report = created.json();
    expect(report).toMatchObject({
      status: 'submitted',
      revision: 1,
      kind: 'interim',
      projectId,
      spending: [{ budgetLineId, spentCents: 1_250_000 }],
    });
    expect(report.stories).toHaveLength(1);

    // Overlapping periods are refused.
    expectProblem(
      await submit(reportBody({ periodStart: '2025-03-01', periodEnd: '2025-04-30' })),
      409,
      'OUTCOME.PERIOD_OVERLAP',
    );

    // Nothing public yet.
    const storiesBefore = await t.get(null, `/v1/stories?projectId=${projectId}`);
    expectStatus(storiesBefore, 200);
    expect(storiesBefore.json().items).toEqual([]);

    // The admin's queue holds it; the admin returns it with questions.
    const queue = await t.get(admin.as, '/v1/outcome-reports?status=submitted');
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(report.id);
    expectProblem(
      await t.post(initiative.as, `/v1/outcome-reports/${report.id}/accept`, {}),
      403,
      'AUTH.FORBIDDEN',
    );
    const returned = await t.post(admin.as, `/v1/outcome-reports/${report.id}/return`, {
      questions: 'Hoeveel deelnemers vielen uit?',
    });
    expectStatus(returned, 200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      questions: 'Hoeveel deelnemers vielen uit?',
    });
    expectProblem(
      await t.post(admin.as, `/v1/outcome-reports/${report.id}/accept`, {}),
      409,
      'OUTCOME.INVALID_STATE',
    );

    // The initiative answers with a new revision, which the admin accepts.
    const resubmitted = await t.put(
      initiative.as,
      `/v1/outcome-reports/${report.id}`,
      reportBody({ narrative: 'Drie deelnemers vielen uit; 23 rondden het kwartaal af.' }),
    );
    expectStatus(resubmitted, 200);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', revision: 2, spending: [] });
    const accepted = await t.post(admin.as, `/v1/outcome-reports/${report.id}/accept`, {});
    expectStatus(accepted, 200);
    expect(accepted.json().status).toBe('accepted');
    // Accepting twice changes nothing; an accepted report cannot be resubmitted, and the database refuses edits.
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${report.id}/accept`, {}), 200);
    expectProblem(
      await t.put(initiative.as, `/v1/outcome-reports/${report.id}`, reportBody()),
      409,
      'OUTCOME.INVALID_STATE',
    );
    await expect(
      t.db
        .updateTable('outcome_report_results')
        .set({ achieved: 99 })
        .where('report_id', '=', report.id)
        .execute(),
    ).rejects.toThrow(/accepted and final/);

    // The published cells are the report's counts rounded to multiples of 5 with its own
    // cell-key seed: re-deriving them from the stored seed gives exactly what is stored,
    // and the stored form passes the audit.
    const cells = await t.db
      .selectFrom('outcome_report_cells')
      .select(['dimension', 'category', 'exact', 'published'])
      .where('report_id', '=', report.id)
      .execute();
    expect(cells).toHaveLength(27);
    for (const c of cells) {
      expect(c.published! % 5, `${c.dimension}:${c.category}`).toBe(0);
      const slack = c.dimension === 'outcomes' ? 8 : 4;
      expect(Math.abs(c.published! - c.exact)).toBeLessThanOrEqual(slack);
    }
    const publication = await t.db
      .selectFrom('outcome_report_publications')
      .selectAll()
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(publication).toMatchObject({ method: 'random_rounding', threshold: 5 });
    const rederived = publishReportCells(
      {
        participants: reportBody().participants,
        outcomes: reportBody().outcomes,
      },
      5,
      new Uint8Array(publication.cell_key_seed),
    );
    const key = (c: { dimension: string; category: string }) => `${c.dimension}:${c.category}`;
    expect(new Map(cells.map((c) => [key(c), c.published]))).toEqual(
      new Map(rederived.cells.map((c) => [key(c), c.published])),
    );
    expect(() => assertPublishable(cells, 5)).not.toThrow();

    // Stories: the admin publishes the story, which then appears in the public story bank.
    const story = accepted.json().stories[0];
    // The platform team's story queue lists it; nobody else may read the queue.
    const storyQueue = await t.get(admin.as, '/v1/stories/submitted');
    expectStatus(storyQueue, 200);
    expect(storyQueue.json().items.map((s: { id: string }) => s.id)).toContain(story.id);
    expect(storyQueue.json().items.every((s: { status: string }) => s.status === 'submitted')).toBe(
      true,
    );
    for (const who of [supplier, initiative, coordinator])
      expectProblem(await t.get(who.as, '/v1/stories/submitted'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await t.get(null, '/v1/stories/submitted'), 401, 'AUTH.REQUIRED');
    expectProblem(
      await t.post(supplier.as, `/v1/stories/${story.id}/publish`, {}),
      403,
      'AUTH.FORBIDDEN',
    );
    const published = await t.post(admin.as, `/v1/stories/${story.id}/publish`, {});
    expectStatus(published, 200);
    expect(published.json()).toMatchObject({ status: 'published' });
    const storiesAfter = await t.get(null, `/v1/stories?projectId=${projectId}`);
    expect(storiesAfter.json().items).toMatchObject([
      { id: story.id, title: 'Van bijstand naar bezorger', projectId },
    ]);
    // A second story, told outside a report, is declined.
    const extra = await t.post(initiative.as, `/v1/projects/${projectId}/stories`, {
      title: 'Een nieuwe start',
      text: 'Hij rondde de cursus af en begint in mei bij een aannemer.',
      consent: true,
    });
    expectStatus(extra, 201);
    expectStatus(
      await t.post(admin.as, `/v1/stories/${extra.json().id}/reject`, {
        reason: 'Te herkenbaar',
      }),
      200,
    );
    expect(
      (await t.get(null, '/v1/stories')).json().items.map((s: { id: string }) => s.id),
    ).not.toContain(extra.json().id);
    // Decided stories leave the queue.
    const after = (await t.get(admin.as, '/v1/stories/submitted'))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(after).not.toContain(story.id);
    expect(after).not.toContain(extra.json().id);
  });

  it('reads reports only as the initiative or an admin; anyone else gets 404', async () => {
    const list = await t.get(initiative.as, `/v1/projects/${projectId}/outcome-reports`);
    expectStatus(list, 200);
    const id = list.json().items[0].id;
    expectStatus(await t.get(admin.as, `/v1/outcome-reports/${id}`), 200);
    for (const who of [supplier, coordinator]) {
      expectProblem(await t.get(who.as, `/v1/outcome-reports/${id}`), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(
        await t.get(who.as, `/v1/projects/${projectId}/outcome-reports`),
        404,
        'RESOURCE.NOT_FOUND',
      );
    }
    expectProblem(
      await t.get(initiative.as, '/v1/outcome-reports/00000000-0000-4000-8000-000000000000'),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('a final report, once accepted, completes the funded project', async () => {
    await t.newPaidOrder({ buyer: supplier, project: projectId, credits: 30 });
    await t.ensureFunded(projectId);
    const final = await submit(
      reportBody({ kind: 'final', periodStart: '2025-04-01', periodEnd: '2025-06-30' }),
    );
    expectStatus(final, 201);
    expectProblem(
      await submit(
        reportBody({ kind: 'final', periodStart: '2025-07-01', periodEnd: '2025-09-30' }),
      ),
      409,
      'OUTCOME.FINAL_EXISTS',
    );
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${final.json().id}/accept`, {}), 200);
    const project = await t.get(null, `/v1/projects/${projectId}`);
    expect(project.json().status).toBe('completed');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', projectId)
      .where('action', '=', 'project.completed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
