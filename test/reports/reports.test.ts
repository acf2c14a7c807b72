import { REFRESH_SUMMARIES_JOB } from '../../src/modules/reports/report-jobs.js';
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatExact,
  fraction,
  multiply,
  toNumber,
} from '../../src/modules/reports/attribution.js';
import { publishReportCells } from '../../src/modules/reports/report-cells.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  reportBody,
  TestContext,
} from '../factory/index.js';
import { readPdf } from '../certificates/pdf-reader.js';

/**
 * Project P (40 credits): supplier A buys 30, supplier B 10. Project Q (20): B buys 10,
 * and a second order of 5 is refunded. Authority X approved 12 of A's credits and 10 of
 * B's on P; authority Y approved 6 of A's and has 8 pending. P reports 23 participants
 * (12 Participatiewet, 3 Banenafspraak, 8 WW) and 28 outcomes (14 paid work of which 2
 * Banenafspraak, 4 diplomas, 10 driving licences).
 */
describe('reports: attribution, rounding, access, exports', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let p: string;
  let q: string;
  let y: { id: string; person: Person };
  let pReportId: string;
  let qReportId: string;

  /** A report's published (rounded) count, as stored once at acceptance. */
  const published = async (reportId: string, dimension: string, category: string) => {
    const row = await t.db
      .selectFrom('outcome_report_cells')
      .select('published')
      .where('report_id', '=', reportId)
      .where('dimension', '=', dimension as never)
      .where('category', '=', category)
      .executeTakeFirstOrThrow();
    return row.published!;
  };
  /** share × a published count, as the reports state it. */
  const attributedOf = (num: number, den: number, count: number) => {
    const f = multiply(fraction(num, den), fraction(count));
    return { value: toNumber(f), exact: formatExact(f) };
  };

  type Line = {
    outcomeType?: string;
    targetGroup?: string;
    /* eslint-disable @typescript-eslint/no-explicit-any -- read as the API returns them */
    realised: any;
    attributed: any;
    /* eslint-enable @typescript-eslint/no-explicit-any */
    expected?: number | null;
  };
  const line = (lines: Line[], category: string): Line =>
    lines.find((l) => l.outcomeType === category || l.targetGroup === category)!;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    p = await (
      await t.newListedProject({ credits: 40, title: 'Rijbewijs en werk P', initiative })
    ).id;
    q = await (
      await t.newListedProject({ credits: 20, title: 'Groen leerwerktraject Q', initiative })
    ).id;
    const aP = await t.newPaidOrder({ buyer: supplier, project: p, credits: 30 });
    const bP = await t.newPaidOrder({ buyer: otherSupplier, project: p, credits: 10 });
    await t.newPaidOrder({ buyer: otherSupplier, project: q, credits: 10 });
    const refunded = await t.newPaidOrder({ buyer: otherSupplier, project: q, credits: 5 });
    expectStatus(await t.orders.refund(admin.as, refunded.id), 200);

    const x = coordinator.organisation.id;
    const yViewer = await t.newAuthority({ role: 'viewer' });
    y = { id: yViewer.organisation.id, person: yViewer };
    await t.insertClaim({
      contractId: await t.insertContract({ authorityId: x, supplierId: supplier.organisation.id }),
      certificateId: aP.certificate!.id,
      credits: 12,
    });
    await t.insertClaim({
      contractId: await t.insertContract({
        authorityId: x,
        supplierId: otherSupplier.organisation.id,
      }),
      certificateId: bP.certificate!.id,
      credits: 10,
    });
    const yContract = await t.insertContract({
      authorityId: y.id,
      supplierId: supplier.organisation.id,
    });
    await t.insertClaim({ contractId: yContract, certificateId: aP.certificate!.id, credits: 6 });
    await t.insertClaim({
      contractId: yContract,
      certificateId: aP.certificate!.id,
      credits: 8,
      status: 'pending',
    });

    const report = await t.post(initiative.as, `/v1/projects/${p}/outcome-reports`, reportBody());
    expectStatus(report, 201);
    pReportId = report.json().id;
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${pReportId}/accept`, {}), 200);
    const qReport = await t.post(
      initiative.as,
      `/v1/projects/${q}/outcome-reports`,
      reportBody({
        participants: [{ targetGroup: 'youth', participants: 9 }],
        outcomes: [{ outcomeType: 'internship', achieved: 9, banenafspraak: 0 }],
      }),
    );
    expectStatus(qReport, 201);
    qReportId = qReport.json().id;
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${qReportId}/accept`, {}), 200);
    await t.runJob(REFRESH_SUMMARIES_JOB);
  });
  afterAll(async () => t?.close());

  it('gives authority X its SR value per contract and 11/20 of P’s published (rounded) outcomes', async () => {
    const response = await t.get(coordinator.as, '/v1/reports/authority');
    expectStatus(response, 200);
    const r = response.json();
    expect(r).toMatchObject({
      kind: 'authority',
      authority: { id: coordinator.organisation.id },
      disclosureThreshold: 5,
      disclosureControl: { method: 'random_rounding', base: 5, protectionWidth: 4 },
    });
    expect(r.period.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.dataAsOf).not.toBeNull();
    expect(r.methodology).toMatch(/share/);
    expect(r.srValue).toMatchObject({ credits: 22, claims: 2, valueCents: 22 * 3800 });
    expect(
      r.srValue.contracts
        .map((c: { credits: number; supplierName: string }) => [c.credits, c.supplierName])
        .sort(),
    ).toEqual(
      [
        [10, otherSupplier.organisation.name],
        [12, supplier.organisation.name],
      ].sort(),
    );
    // Only P: X has no claim on Q.
    expect(r.projects.map((x: { projectId: string }) => x.projectId)).toEqual([p]);
    const project = r.projects[0];
    expect(project.share).toEqual({ credits: 22, soldCredits: 40, exact: '11/20', percent: 55 });

    // Every count is the report's published count: a multiple of 5 near the exact one
    // (outcomes are Banenafspraak plus the rest, two rounded counts, so within 8).
    const paid = await published(pReportId, 'outcomes', 'paid_work');
    expect(paid % 5).toBe(0);
    expect(Math.abs(paid - 14)).toBeLessThanOrEqual(8);
    expect(line(project.outcomes, 'paid_work')).toMatchObject({
      expected: 10,
      realised: { value: paid, suppressed: false, complete: true },
      attributed: { ...attributedOf(11, 20, paid), suppressed: false, complete: true },
    });
    const exact: Record<string, Record<string, number>> = {
      participants: { participatiewet: 12, banenafspraak: 3, ww: 8, youth: 0, total: 23 },
      outcomes: { paid_work: 14, diploma: 4, driving_licence: 10, job: 0, total: 28 },
      banenafspraak: { paid_work: 2, diploma: 0, total: 2 },
    };
    for (const [dimension, categories] of Object.entries(exact)) {
      for (const [category, count] of Object.entries(categories)) {
        const value = await published(pReportId, dimension, category);
        expect(value % 5, `${dimension}:${category}`).toBe(0);
        expect(Math.abs(value - count)).toBeLessThanOrEqual(dimension === 'outcomes' ? 8 : 4);
        const shown =
          category === 'total'
            ? project.totals[dimension]
            : line(project[dimension] as Line[], category);
        expect(shown.realised, `${dimension}:${category}`).toEqual({
          value,
          suppressed: false,
          complete: true,
        });
        expect(shown.attributed).toMatchObject(attributedOf(11, 20, value));
      }
    }
    expect(line(r.attributed.outcomes, 'paid_work').attributed).toMatchObject({
      ...attributedOf(11, 20, paid),
      complete: true,
    });
    // Nothing personal in a report: no e-mail addresses, no names of the people who wrote or approved anything.
    expect(response.body).not.toMatch(/@/);
    expect(response.body).not.toContain('Fatima');
  });

  it('gives authority Y only its own approved credits (pending ones do not count)', async () => {
    const r = (await t.get(y.person.as, '/v1/reports/authority')).json();
    expect(r.srValue).toMatchObject({ credits: 6, claims: 1 });
    expect(r.projects).toHaveLength(1);
    expect(r.projects[0].share.exact).toBe('3/20');
    expect(line(r.projects[0].outcomes, 'paid_work').attributed).toMatchObject(
      attributedOf(3, 20, await published(pReportId, 'outcomes', 'paid_work')),
    );
  });

  it('gives each supplier its own share; a refunded order does not count', async () => {
    const paid = await published(pReportId, 'outcomes', 'paid_work');
    const a = (await t.get(supplier.as, '/v1/reports/supplier')).json();
    expect(a.projects.map((x: { projectId: string }) => x.projectId)).toEqual([p]);
    expect(a.projects[0].share.exact).toBe('3/4');
    expect(a.projects[0].amountCents).toBe(30 * 3800);
    expect(line(a.projects[0].outcomes, 'paid_work').attributed).toMatchObject(
      attributedOf(3, 4, paid),
    );
    expect(a.projects[0].budgetLines[0]).toMatchObject({
      plannedShareCents: 30 * 3800,
      spentCents: 0,
    });
    expect(a.certificates).toHaveLength(1);

    const b = (await t.get(otherSupplier.as, '/v1/reports/supplier')).json();
    const shares = Object.fromEntries(
      b.projects.map((x: { projectId: string; share: { exact: string } }) => [
        x.projectId,
        x.share.exact,
      ]),
    );
    expect(shares).toEqual({ [p]: '1/4', [q]: '1' });
    // Only paid (not refunded) orders have certificates in the report.
    expect(b.certificates).toHaveLength(2);
    const qBlock = b.projects.find((x: { projectId: string }) => x.projectId === q);
    expect(line(qBlock.outcomes, 'internship').attributed).toMatchObject(
      attributedOf(1, 1, await published(qReportId, 'outcomes', 'internship')),
    );
    expect(line(b.attributed.outcomes, 'paid_work').attributed).toMatchObject({
      exact: attributedOf(1, 4, paid).exact,
    });
  });

  it('answers another organisation’s id with 404, and other kinds with 403', async () => {
    expectProblem(
      await t.get(coordinator.as, `/v1/reports/authority?authorityId=${y.id}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await t.get(supplier.as, `/v1/reports/supplier?supplierId=${otherSupplier.organisation.id}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(await t.get(supplier.as, '/v1/reports/authority'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await t.get(coordinator.as, '/v1/reports/supplier'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await t.get(initiative.as, '/v1/reports/authority'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await t.get(null, '/v1/reports/authority'), 401, 'AUTH.REQUIRED');
    // Admins name the organisation; an id that is not an authority is 404.
    expectProblem(await t.get(admin.as, '/v1/reports/authority'), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(
      await t.get(admin.as, `/v1/reports/authority?authorityId=${supplier.organisation.id}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    const asAdmin = await t.get(admin.as, `/v1/reports/authority?authorityId=${y.id}`);
    expectStatus(asAdmin, 200);
    expect(asAdmin.json().srValue.credits).toBe(6);
  });

  it('public stats hold only platform totals: sums of the reports’ published counts', async () => {
    const response = await t.get(null, '/v1/stats');
    expectStatus(response, 200);
    const s = response.json();
    expect(s).toMatchObject({ kind: 'public', creditsSold: 50, amountCents: 50 * 3800 });
    expect(s.projects.funded + s.projects.listed).toBeGreaterThanOrEqual(2);
    const both = async (dimension: string, category: string) =>
      (await published(pReportId, dimension, category)) +
      (await published(qReportId, dimension, category));
    expect(line(s.outcomes, 'paid_work').realised).toEqual({
      value: await both('outcomes', 'paid_work'),
      suppressed: false,
      complete: true,
    });
    expect(line(s.outcomes, 'internship').realised).toEqual({
      value: await both('outcomes', 'internship'),
      suppressed: false,
      complete: true,
    });
    expect(line(s.banenafspraak, 'paid_work').realised.value).toBe(
      await both('banenafspraak', 'paid_work'),
    );
    expect(s.totals.participants).toEqual({
      value: await both('participants', 'total'),
      suppressed: false,
      complete: true,
    });
    expect(Object.keys(s).sort()).toEqual(
      [
        'amountCents',
        'banenafspraak',
        'creditsSold',
        'dataAsOf',
        'disclosureControl',
        'disclosureThreshold',
        'generatedAt',
        'kind',
        'methodology',
        'outcomes',
        'participants',
        'period',
        'projects',
        'totals',
      ].sort(),
    );
    expect(response.body).not.toContain(supplier.organisation.name);
  });

  it('differencing: a later report with one participant adds only its own published counts', async () => {
    const before = (
      await t.get(coordinator.as, '/v1/reports/authority?from=2025-01-01&to=2025-12-31')
    ).json();
    const small = await t.post(
      initiative.as,
      `/v1/projects/${p}/outcome-reports`,
      reportBody({
        periodStart: '2025-04-01',
        periodEnd: '2025-06-30',
        participants: [{ targetGroup: 'participatiewet', participants: 1 }],
        outcomes: [{ outcomeType: 'paid_work', achieved: 1, banenafspraak: 1 }],
      }),
    );
    expectStatus(small, 201);
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${small.json().id}/accept`, {}), 200);
    const after = (
      await t.get(coordinator.as, '/v1/reports/authority?from=2025-01-01&to=2025-12-31')
    ).json();
    const onlyFirst = (
      await t.get(coordinator.as, '/v1/reports/authority?from=2025-01-01&to=2025-03-31')
    ).json();
    const onlySecond = (
      await t.get(coordinator.as, '/v1/reports/authority?from=2025-04-01&to=2025-06-30')
    ).json();
    const values = (r: {
      projects: {
        outcomes: unknown[];
        participants: unknown[];
        banenafspraak: unknown[];
        totals: unknown;
      }[];
    }) => {
      const strip = (x: unknown) =>
        JSON.parse(JSON.stringify(x, (k, v) => (k === 'complete' ? undefined : v)));
      return strip({
        o: r.projects[0]!.outcomes,
        p: r.projects[0]!.participants,
        b: r.projects[0]!.banenafspraak,
        t: r.projects[0]!.totals,
      });
    };
    // The second report is published on its own (rounded: 1 person shows as 0 or 5), and
    // every figure of the whole period is the sum of the two reports' published figures:
    // comparing periods shows nothing the two reports do not show on their own.
    const smallParticipants = await published(small.json().id, 'participants', 'participatiewet');
    expect([0, 5]).toContain(smallParticipants);
    expect(line(onlySecond.projects[0].participants, 'participatiewet').realised).toEqual({
      value: smallParticipants,
      suppressed: false,
      complete: true,
    });
    const realisedValues = (x: unknown) =>
      JSON.parse(
        JSON.stringify(x, (k, v) =>
          k === 'attributed' || k === 'expected' || k === 'complete' || k === 'suppressed'
            ? undefined
            : v,
        ),
      );
    const added = (a: unknown, b: unknown): unknown =>
      typeof a === 'number' && typeof b === 'number'
        ? a + b
        : Array.isArray(a)
          ? a.map((x, i) => added(x, (b as unknown[])[i]))
          : a !== null && typeof a === 'object'
            ? Object.fromEntries(
                Object.entries(a).map(([k, v]) => [
                  k,
                  k === 'outcomeType' || k === 'targetGroup'
                    ? v
                    : added(v, (b as Record<string, unknown>)[k]),
                ]),
              )
            : a;
    expect(realisedValues(values(before))).toEqual(realisedValues(values(onlyFirst)));
    expect(realisedValues(values(after))).toEqual(
      added(realisedValues(values(onlyFirst)), realisedValues(values(onlySecond))),
    );
  });

  it('exports the authority report in Dutch by default: CSV, CSV for Dutch Excel and XLSX', async () => {
    const csv = await t.get(coordinator.as, '/v1/reports/authority.csv');
    expectStatus(csv, 200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-language']).toBe('nl');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="impactbeurs-authority-start-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows: string[][] = parseCsv(csv.body.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    expect(rows[0]).toEqual(['Rapport', 'Impactbeurs — resultatenrapportage opdrachtgever']);
    expect(rows).toContainEqual(['Opdrachtgever', coordinator.organisation.name]);
    expect(rows.find((r) => r[0] === 'Privacy')?.[1]).toMatch(/veelvoud van 5/);
    // The explanation of the marks: withheld counts (<5) and incomplete figures.
    expect(rows.find((r) => r[0] === 'x')?.[1]).toMatch(/privacy.*<5/);
    expect(rows).toContainEqual([
      'Contractkenmerk',
      'Contract',
      'Opdrachtnemer',
      'Claims',
      'Credits',
      'Waarde (€)',
    ]);
    // Amounts as euros (never cents), bare numbers.
    expect(rows).toContainEqual(['Totaal', '', '', '2', '22', '836.00']);
    // The file holds exactly the JSON report's published figures, with labels for codes
    // and the share as a percentage.
    const json = (await t.get(coordinator.as, '/v1/reports/authority')).json();
    const jsonLine = (dimension: 'outcomes' | 'participants', category: string) =>
      line(json.projects[0][dimension], category);
    const paid = jsonLine('outcomes', 'paid_work');
    const paidWork = rows.find(
      (r) => r[0] === 'Rijbewijs en werk P' && r[1] === 'Resultaten' && r[2] === 'Betaald werk',
    );
    expect(paidWork).toEqual([
      'Rijbewijs en werk P',
      'Resultaten',
      'Betaald werk',
      '10',
      String(paid.realised.value),
      'ja',
      '55%',
      String(paid.attributed.value),
      paid.attributed.exact,
      'ja',
    ]);
    expect(csv.body).not.toMatch(/paid_work|over_50|participatiewet"/);
    const projectRows = rows.filter(
      (r) =>
        r[0] === 'Rijbewijs en werk P' &&
        r.length === 10 &&
        ['Resultaten', 'Deelnemers', 'Resultaten banenafspraak'].includes(r[1]!),
    );
    expect(projectRows).toHaveLength(8 + 8 + 8 + 3);
    for (const r of projectRows) expect(Number(r[4]) % 5).toBe(0);
    expect(
      rows.find((r) => r[0] === 'Rijbewijs en werk P' && r[2] === 'Mensen boven de 50'),
    ).toBeDefined();

    // For Dutch Excel: semicolons, decimal commas, the same cells.
    const nl = await t.get(coordinator.as, '/v1/reports/authority.csv?format=csv-nl');
    expectStatus(nl, 200);
    expect(nl.headers['content-disposition']).toMatch(/-excel-nl\.csv"/);
    const nlRows: string[][] = parseCsv(nl.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
    });
    expect(nlRows).toContainEqual(['Totaal', '', '', '2', '22', '836,00']);
    const nlPaid = nlRows.find((r) => r[1] === 'Resultaten' && r[2] === 'Betaald werk')!;
    expect(nlPaid[6]).toBe('55%');
    expect(nlPaid[7]).toBe(String(paid.attributed.value).replace('.', ','));

    // English on request.
    const en = await t.get(coordinator.as, '/v1/reports/authority.csv?lang=en');
    expectStatus(en, 200);
    expect(en.headers['content-language']).toBe('en');
    const enRows: string[][] = parseCsv(en.body.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    expect(enRows).toContainEqual(['Total', '', '', '2', '22', '836.00']);
    expect(enRows.find((r) => r[1] === 'Outcomes' && r[2] === 'Paid work')?.[5]).toBe('yes');
    const byAcceptLanguage = await t.get(coordinator.as, '/v1/reports/authority.csv', {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(byAcceptLanguage.headers['content-language']).toBe('en');

    const xlsx = await t.get(coordinator.as, '/v1/reports/authority.xlsx');
    expectStatus(xlsx, 200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Toelichting',
      'SR-waarde',
      'Projecten',
      'Toegerekende resultaten',
      'Resultaten per project',
    ]);
    expect(workbook.getWorksheet('Toelichting')!.getRow(2).values).toEqual([
      undefined,
      'Opdrachtgever',
      coordinator.organisation.name,
    ]);
    const sr = workbook.getWorksheet('SR-waarde')!;
    expect(sr.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sr.autoFilter).toBeTruthy();
    const total = sr.getRow(sr.rowCount);
    expect([1, 4, 5, 6].map((c) => total.getCell(c).value)).toEqual(['Totaal', 2, 22, 836]);
    expect(total.getCell(6).numFmt).toBe('"€" #,##0.00');
    const projects = workbook.getWorksheet('Projecten')!;
    expect(projects.getRow(2).getCell(2).value).toBe('gefinancierd');
    expect(projects.getRow(2).getCell(5).value).toBe(0.55);
    expect(projects.getRow(2).getCell(5).numFmt).toBe('0.00%');
    const byProject = workbook.getWorksheet('Resultaten per project')!;
    const cells: unknown[][] = [];
    byProject.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells).toContainEqual([
      'Rijbewijs en werk P',
      'Resultaten',
      'Betaald werk',
      10,
      paid.realised.value,
      'ja',
      0.55,
      paid.attributed.value,
      paid.attributed.exact,
      'ja',
    ]);
    expect(
      cells
        .find((c) => c[1] === 'Deelnemers' && c[2] === 'Mensen in de banenafspraak')!
        .slice(4, 8),
    ).toEqual([
      jsonLine('participants', 'banenafspraak').realised.value,
      'ja',
      0.55,
      jsonLine('participants', 'banenafspraak').attributed.value,
    ]);
  });

  it('exports the supplier report and public stats as files too, dates as dates', async () => {
    const csv = await t.get(otherSupplier.as, '/v1/reports/supplier.csv?lang=en');
    expectStatus(csv, 200);
    expect(csv.body).toContain('Where the money went');
    const nlCsv = await t.get(otherSupplier.as, '/v1/reports/supplier.csv?format=csv-nl');
    expectStatus(nlCsv, 200);
    // Issued at: a Dutch date and time, as Dutch Excel reads it.
    expect(nlCsv.body).toMatch(/;\d{2}-\d{2}-\d{4} \d{2}:\d{2}\r\n/);
    expect(nlCsv.body).toContain('"Besteding"');
    const xlsx = await t.get(otherSupplier.as, '/v1/reports/supplier.xlsx');
    expectStatus(xlsx, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const certificates = workbook.getWorksheet('Certificaten')!;
    expect(certificates.rowCount).toBe(3);
    expect(certificates.getRow(1).getCell(6).value).toBe('Uitgegeven op');
    const issued = certificates.getRow(2).getCell(6);
    expect(issued.value).toBeInstanceOf(Date);
    expect(issued.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(certificates.getRow(2).getCell(4).numFmt).toBe('"€" #,##0.00');
    expect(typeof certificates.getRow(2).getCell(4).value).toBe('number');
    expect(certificates.getRow(2).getCell(5).value).toBe('geldig');
    const supplierProjects = workbook.getWorksheet('Projecten')!;
    expect(supplierProjects.getRow(1).getCell(6).value).toBe('Betaald (€)');

    const stats = await t.get(null, '/v1/stats.csv');
    expectStatus(stats, 200);
    const statsRows: string[][] = parseCsv(stats.body.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const header = statsRows.findIndex((r) => r[0] === 'Verkochte credits');
    expect(statsRows[header]![1]).toBe('Betaald (€)');
    expect(statsRows[header + 1]![0]).toBe('50');
    const statsXlsx = await t.get(null, '/v1/stats.xlsx?lang=en');
    expectStatus(statsXlsx, 200);
    const statsBook = new ExcelJS.Workbook();
    await statsBook.xlsx.load(statsXlsx.rawPayload as never);
    expect(statsBook.worksheets.map((s) => s.name)).toEqual(['About', 'Platform', 'Outcomes']);
    expectProblem(
      await t.get(
        supplier.as,
        `/v1/reports/supplier.csv?supplierId=${otherSupplier.organisation.id}`,
      ),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('gives the supplier its impact report as PDF, Dutch or English, with its SHA-256', async () => {
    const pdf = await t.get(supplier.as, '/v1/reports/supplier.pdf?from=2025-01-01&to=2025-12-31');
    expectStatus(pdf, 200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(pdf.headers['x-content-sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(pdf.headers['content-disposition']).toMatch(
      /impactrapportage-2025-01-01-2025-12-31\.pdf/,
    );
    const read = await readPdf(bytes);
    expect(read.flat).toContain('Impactrapportage');
    expect(read.flat).toContain(supplier.organisation.name);
    expect(read.flat).toContain('Periode: 1 januari 2025 tot en met 31 december 2025');
    expect(read.flat).toContain('Rijbewijs en werk P');
    expect(read.flat).toContain('Betaald werk');
    expect(read.flat).toContain('Credits: 30');
    expect(read.flat).toMatch(/Uw aandeel in het project: 75%/);
    expect(read.flat).toContain('Nog geen gepubliceerde verhalen');
    const json = (
      await t.get(supplier.as, '/v1/reports/supplier?from=2025-01-01&to=2025-12-31')
    ).json();
    const paid = line(json.projects[0].outcomes, 'paid_work').attributed.value as number;
    expect(read.flat).toContain(`Betaald werk: ${String(paid).replace('.', ',')}`);

    const en = await t.get(supplier.as, '/v1/reports/supplier.pdf?lang=en');
    expectStatus(en, 200);
    const readEn = await readPdf(en.rawPayload);
    expect(readEn.flat).toContain('Impact report');
    expect(readEn.flat).toContain('Your share of the project: 75%');

    expectProblem(
      await t.get(
        supplier.as,
        `/v1/reports/supplier.pdf?supplierId=${otherSupplier.organisation.id}`,
      ),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(await t.get(null, '/v1/reports/supplier.pdf'), 401, 'AUTH.REQUIRED');
  });

  it('republishes every report when the threshold changes, re-derived from its stored seed', async () => {
    const { refreshReportSummaries } = await import('../../src/modules/reports/report-jobs.js');
    const cellsOf = (reportId: string) =>
      t.db
        .selectFrom('outcome_report_cells')
        .select(['dimension', 'category', 'published', 'threshold'])
        .where('report_id', '=', reportId)
        .orderBy('dimension')
        .orderBy('category')
        .execute();
    const seedOf = async (reportId: string) =>
      new Uint8Array(
        (
          await t.db
            .selectFrom('outcome_report_publications')
            .select('cell_key_seed')
            .where('report_id', '=', reportId)
            .executeTakeFirstOrThrow()
        ).cell_key_seed,
      );
    const before = await cellsOf(qReportId);
    const seed = await seedOf(qReportId);
    expect((await refreshReportSummaries(t.db, t.clock, 5)).republished).toBe(0);

    const result = await refreshReportSummaries(t.db, t.clock, 10);
    expect(result.republished).toBeGreaterThanOrEqual(3);
    const q10 = await cellsOf(qReportId);
    expect(await seedOf(qReportId)).toEqual(seed);
    const figures = {
      participants: [{ targetGroup: 'youth', participants: 9 }],
      outcomes: [{ outcomeType: 'internship', achieved: 9, banenafspraak: 0 }],
    };
    const expected = publishReportCells(figures, 10, seed).cells;
    for (const cell of q10) {
      expect(cell.threshold).toBe(10);
      expect(cell.published! % 10).toBe(0);
      expect(cell.published).toBe(
        expected.find((e) => e.dimension === cell.dimension && e.category === cell.category)!
          .published,
      );
    }
    // Back to 5: the same seed gives back exactly the cells published before.
    await refreshReportSummaries(t.db, t.clock, 5);
    expect(await cellsOf(qReportId)).toEqual(before);
  });
});
