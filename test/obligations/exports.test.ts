import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type ContractJson,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';

/** RFC 4180 CSV, enough to read back what the export wrote (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
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
    else if (char === ',') {
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

async function readXlsx(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: false }, (row) =>
    rows.push((row.values as unknown[]).slice(1)),
  );
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

  it('exports the authority’s own contracts with their progress as CSV', async () => {
    const response = await download('/v1/contracts/export?format=csv');
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="contracts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = response.body.replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    expect(rows).toHaveLength(1); // not the other authority's contract
    const record = Object.fromEntries(header!.map((name, index) => [name, rows[0]![index]]));
    expect(record).toMatchObject({
      'Contract reference': 'SR-2026-001',
      Title: `'=HYPERLINK("http://evil"), "quoted", ëxport`,
      'Contract value (EUR)': '1234567.89',
      'Obligation (EUR)': '61728.39',
      'Approved (EUR)': ((4 * price) / 100).toFixed(2),
      'Pending (EUR)': ((3 * price) / 100).toFixed(2),
      'Remaining (EUR)': ((61_728_39 - 4 * price) / 100).toFixed(2),
      Supplier: supplier.organisation.name,
      Overdue: 'no',
    });
  });

  it('exports the same contracts as XLSX that reads back with numbers as numbers', async () => {
    const response = await download('/v1/contracts/export?format=xlsx');
    expectStatus(response, 200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await readXlsx(response.rawPayload);
    const headerIndex = rows.findIndex((row) => row[0] === 'Contract reference');
    const header = rows[headerIndex] as string[];
    const data = rows.slice(headerIndex + 1);
    expect(data).toHaveLength(1);
    const record = Object.fromEntries(header.map((name, index) => [name, data[0]![index]]));
    expect(record).toMatchObject({
      'Contract reference': 'SR-2026-001',
      'Obligation (EUR)': 61728.39,
      'Approved (EUR)': (4 * price) / 100,
      'Percentage (bp)': 500,
    });
    expect(String(rows[0]![0])).toContain('contracts');
  });

  it('exports the claims made to the authority, in both formats', async () => {
    const csv = await download('/v1/claims/export?format=csv');
    expectStatus(csv, 200);
    const [header, ...rows] = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(2);
    const records = rows.map((row) =>
      Object.fromEntries(header!.map((name, index) => [name, row[index]])),
    );
    expect(records.map((r) => [r.Status, r.Credits, r['Value (EUR)']]).sort()).toEqual(
      [
        ['approved', '4', ((4 * price) / 100).toFixed(2)],
        ['pending', '3', ((3 * price) / 100).toFixed(2)],
      ].sort(),
    );
    expect(records.every((r) => r['Contract reference'] === 'SR-2026-001')).toBe(true);

    const xlsx = await download('/v1/claims/export?format=xlsx');
    expectStatus(xlsx, 200);
    const sheet = await readXlsx(xlsx.rawPayload);
    const start = sheet.findIndex((row) => row[0] === 'Claim id');
    expect(sheet.slice(start + 1)).toHaveLength(2);
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
