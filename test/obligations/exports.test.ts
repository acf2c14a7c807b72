import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type ContractJson,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';
import { readXlsxIndependently, serialToIso } from '../helpers/xlsx-reader.js';

/** RFC 4180 CSV, enough to read back what the export wrote (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('exports of contracts and claims', () => {
  let t: TestContext;
  let supplier: Person;
  let coordinator: Person;
  let viewer: Person;
  let otherCoordinator: Person;
  let project: ListedProject;
  let contract: ContractJson;
  let price: number;
  let claimedAtIso: string;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    viewer = await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation });
    otherCoordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 200 });
    price = t.config.creditPriceCents;
    contract = await t.newContract({
      coordinator,
      supplier,
      body: {
        reference: 'SR-2026-001',
        title: '=HYPERLINK("http://evil"), "quoted", ëxport',
        valueCents: 1_234_567_89,
        tenderNed: {
          reference: '412345',
          url: 'https://www.tenderned.nl/aankondigingen/overzicht/412345',
        },
      },
    });
    await t.newContract({
      coordinator: otherCoordinator,
      supplier,
      body: { reference: 'OTHER-1' },
    });
    const certificate = await t.newCertificate({ owner: supplier, credits: 7, project });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 4,
    });
    claimedAtIso = (claim as unknown as { createdAt: string }).createdAt;
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 3,
    });
  }, 120_000);
  afterAll(async () => t?.close());

  const download = (url: string, who = coordinator.as) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });

  const record = (header: string[], row: string[]) =>
    Object.fromEntries(header.map((name, index) => [name, row[index]]));

  it('exports the authority’s own contracts in Dutch by default, as standard CSV', async () => {
    const response = await download('/v1/contracts/export?format=csv');
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-language']).toBe('nl');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="contracten-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1); // not the other authority's contract
    expect(record(header!, rows[0]!)).toMatchObject({
      Contractkenmerk: 'SR-2026-001',
      Omschrijving: `'=HYPERLINK("http://evil"), "quoted", ëxport`,
      'Contractwaarde (€)': '1234567.89',
      'Verplichting (€)': '61728.39',
      'Goedgekeurd (€)': ((4 * price) / 100).toFixed(2),
      'In behandeling (€)': ((3 * price) / 100).toFixed(2),
      'Nog te doen (€)': ((61_728_39 - 4 * price) / 100).toFixed(2),
      Opdrachtnemer: supplier.organisation.name,
      Status: 'lopend',
      Grondslag: 'contractwaarde',
      Percentage: '5%',
      Begindatum: '2026-01-01',
      'Te laat': 'nee',
      'TenderNed-kenmerk': '412345',
    });
  });

  it('speaks English on request: lang=en, or Accept-Language without lang', async () => {
    for (const response of [
      await download('/v1/contracts/export?format=csv&lang=en'),
      await t.app.inject({
        method: 'GET',
        url: '/v1/contracts/export?format=csv',
        headers: { ...coordinator.as.headers, 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
      }),
    ]) {
      expectStatus(response, 200);
      expect(response.headers['content-language']).toBe('en');
      const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
      expect(record(header!, rows[0]!)).toMatchObject({
        'Contract reference': 'SR-2026-001',
        'Obligation (€)': '61728.39',
        Status: 'open',
        Basis: 'contract value',
        Overdue: 'no',
      });
    }
  });

  it('writes a CSV that Dutch Excel opens: semicolons, decimal commas, Dutch dates', async () => {
    const response = await download('/v1/contracts/export?format=csv-nl');
    expectStatus(response, 200);
    expect(response.headers['content-disposition']).toMatch(/-excel-nl\.csv"$/);
    const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''), ';');
    expect(record(header!, rows[0]!)).toMatchObject({
      Contractkenmerk: 'SR-2026-001',
      'Verplichting (€)': '61728,39',
      'Contractwaarde (€)': '1234567,89',
      Percentage: '5%',
      Begindatum: '01-01-2026',
      Einddatum: '31-12-2027',
    });
    // The title, with its commas and quotes, is still one cell.
    expect(record(header!, rows[0]!).Omschrijving).toBe(
      `'=HYPERLINK("http://evil"), "quoted", ëxport`,
    );
  });

  it('exports XLSX that an independent reader sees with Dutch headers, numbers, real dates, a frozen header and a filter', async () => {
    const response = await download('/v1/contracts/export?format=xlsx');
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const [sheet, about] = await readXlsxIndependently(response.rawPayload);
    expect(sheet!.name).toBe('Contracten');
    expect(about!.name).toBe('Toelichting');
    expect(sheet!.frozenRows).toBe(1);
    expect(sheet!.autoFilter).toMatch(/^A1:[A-Z]+2$/);
    const [header, ...data] = sheet!.rows;
    expect(data).toHaveLength(1);
    const cells = Object.fromEntries(header!.map((cell, index) => [cell.value, data[0]![index]!]));
    expect(cells['Contractkenmerk']).toMatchObject({ value: 'SR-2026-001' });
    expect(cells['Verplichting (€)']).toMatchObject({ type: 'n', value: 61728.39 });
    expect(cells['Verplichting (€)']!.numFmt).toContain('€');
    expect(cells['Goedgekeurd (€)']).toMatchObject({ type: 'n', value: (4 * price) / 100 });
    expect(cells['Percentage']).toMatchObject({ type: 'n', value: 0.05, numFmt: '0.00%' });
    const start = cells['Begindatum']!;
    expect(start.type).toBe('n');
    expect(start.numFmt).toMatch(/d+.m+.y+/);
    expect(serialToIso(start.value as number)).toBe('2026-01-01 00:00');
    expect(cells['Status']).toMatchObject({ value: 'lopend' });
    expect(cells['TenderNed-publicatie']).toMatchObject({
      value: 'https://www.tenderned.nl/aankondigingen/overzicht/412345',
    });
    expect(about!.rows.map((row) => row[0]!.value).join('\n')).toContain('contracten');
  });

  it('exports the claims made to the authority, with what each counts and Dutch times', async () => {
    const csv = await download('/v1/claims/export?format=csv');
    expectStatus(csv, 200);
    const [header, ...rows] = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(2);
    const records = rows.map((row) => record(header!, row));
    expect(
      records.map((r) => [r.Status, r.Credits, r['Waarde (€)'], r['Telt mee (€)']]).sort(),
    ).toEqual(
      [
        ['goedgekeurd', '4', ((4 * price) / 100).toFixed(2), ((4 * price) / 100).toFixed(2)],
        [
          'wacht op beoordeling',
          '3',
          ((3 * price) / 100).toFixed(2),
          ((3 * price) / 100).toFixed(2),
        ],
      ].sort(),
    );
    expect(records.every((r) => r.Contractkenmerk === 'SR-2026-001')).toBe(true);
    expect(records.every((r) => r['Status certificaat'] === 'geldig')).toBe(true);
    expect(records[0]!['Ingediend op']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const xlsx = await download('/v1/claims/export?format=xlsx');
    expectStatus(xlsx, 200);
    const [sheet] = await readXlsxIndependently(xlsx.rawPayload);
    const [head, ...data] = sheet!.rows;
    expect(data).toHaveLength(2);
    const column = head!.findIndex((cell) => cell.value === 'Ingediend op');
    const creditsColumn = head!.findIndex((cell) => cell.value === 'Credits');
    const claimedAt = data.find((row) => row[creditsColumn]!.value === 4)![column]!;
    expect(claimedAt.type).toBe('n');
    expect(claimedAt.numFmt).toMatch(/h+:m+/);
    // In Dutch time: the serial date is the Amsterdam wall clock of the claim's instant.
    const instant = new Date(claimedAtIso);
    const wall = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(instant);
    expect(serialToIso(claimedAt.value as number)).toBe(wall);
  });

  it('gives exports to authorities only, each its own', async () => {
    const other = await download('/v1/claims/export?format=csv', otherCoordinator.as);
    expectStatus(other, 200);
    expect(parseCsv(other.body.replace(/^\uFEFF/, ''))).toHaveLength(1); // the header only
    expectProblem(
      await download('/v1/contracts/export?format=csv', supplier.as),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await download('/v1/claims/export?format=pdf'), 400, 'VALIDATION.FAILED');
    expectStatus(await download('/v1/contracts/export?format=csv', viewer.as), 200);
  });
});
