import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, defuseCell, toCsv, toCsvSet } from '../../src/lib/tabular.js';
import { expectStatus, type ListedProject, type Person, TestContext } from '../factory/index.js';

/**
 * CSV injection (OWASP): a name typed by one organisation must stay text in another's
 * spreadsheet, whichever separator the spreadsheet splits on. Dutch Excel splits a .csv on
 * `;`, so `Sec;=1+1;x` written bare became a cell `=1+1` of its own. Every export is read
 * back with a real CSV parser, with `,` and with `;`.
 */

const HOSTILE = [
  'Sec;=1+1;x',
  '=HYPERLINK("http://evil.example","klik")',
  '+31 20 123 4567',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  'Bouw; -1+1',
  'Noord,=1+1',
  'regel\n=1+1',
  'a"b;"=c',
  'Gewoon Bedrijf B.V.',
];

const FORMULA_START = /^[=+\-@\t\r]/;

/** Parsed as an RFC 4180 reader with `,` does: each field one cell, quotes honoured. */
const withComma = (text: string): string[][] =>
  parse(text.replace(/^\uFEFF/, ''), { delimiter: ',', relax_column_count: true });

/**
 * Parsed as a reader set to `;` (Dutch Excel). Both ways it may go: honouring the quotes
 * where it can, and taking every `;` for a cell boundary, quotes or not.
 */
function withSemicolon(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  return [
    ...parse(body, { delimiter: ';', relax_quotes: true, relax_column_count: true }),
    ...parse(body, { delimiter: ';', quote: false, relax_column_count: true }),
  ] as string[][];
}

/** A plain number (a negative amount starts with `-`, and is a number, not a formula). */
const NUMBER = /^-?\d+(\.\d+)?$/;

/** No cell starts a formula, nor does one once a reader strips the quote it starts with. */
function expectNoFormulaCell(rows: string[][], how: string) {
  for (const row of rows)
    for (const cell of row) {
      if (NUMBER.test(cell)) continue;
      expect(cell, `${how}: ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
      expect(cell.replace(/^"/, ''), `${how}: ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
    }
}

describe('CSV injection', () => {
  it('quotes every text field and leaves numbers bare', () => {
    expect(csvField('Gewoon')).toBe('"Gewoon"');
    expect(csvField('')).toBe('""');
    expect(csvField(-1250)).toBe('-1250');
    expect(csvField(null)).toBe('');
    expect(defuseCell('Sec;=1+1;x')).toBe("Sec;'=1+1;x");
    expect(defuseCell('Gewoon Bedrijf B.V.')).toBe('Gewoon Bedrijf B.V.');
  });

  it('lib/tabular CSV: a hostile name stays one cell with `,` and starts no formula with `;`', () => {
    const csv = toCsv({
      sheetName: 'Test',
      columns: [
        { header: 'Supplier', value: (row: { name: string }) => row.name },
        { header: 'Amount (EUR)', value: () => -1250, kind: 'euro' },
      ],
      rows: HOSTILE.map((name) => ({ name })),
    }).toString('utf8');

    const rows = withComma(csv);
    expect(rows).toHaveLength(HOSTILE.length + 1);
    HOSTILE.forEach((name, i) => {
      expect(rows[i + 1], name).toEqual([defuseCell(name), '-12.50']);
    });
    expect(rows[1]).toEqual(["Sec;'=1+1;x", '-12.50']);
    expectNoFormulaCell(rows, 'comma');
    expectNoFormulaCell(withSemicolon(csv), 'semicolon');
  });

  it('report CSV (several tables under their notes): the same for the notes and table cells', () => {
    for (const dialect of ['standard', 'nl'] as const) {
      const csv = toCsvSet(
        {
          notesSheetName: 'Toelichting',
          notes: [['Opdrachtgever', 'Sec;=1+1;x']],
          tables: [
            {
              sheetName: 'Projecten',
              columns: [
                { header: 'Opdrachtnemer', value: (row: (string | number)[]) => row[0]! },
                { header: 'Credits', value: (row) => row[1]!, kind: 'integer' },
              ],
              rows: HOSTILE.map((n) => [n, 5]),
            },
          ],
        },
        dialect,
      ).toString('utf8');
      if (dialect === 'standard') {
        const rows = withComma(csv);
        expect(rows[0]).toEqual(['Opdrachtgever', "Sec;'=1+1;x"]);
        for (const name of HOSTILE) expect(rows).toContainEqual([defuseCell(name), '5']);
        expectNoFormulaCell(rows, 'comma');
      }
      expectNoFormulaCell(withSemicolon(csv), `semicolon (${dialect})`);
    }
  });
});

describe('CSV exports through the API', () => {
  let t: TestContext;
  let supplier: Person;
  let coordinator: Person;
  let project: ListedProject;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 200 });
    const contract = await t.newContract({
      coordinator,
      supplier,
      body: {
        reference: 'SR-CSV-1',
        title: 'Onderhoud;=1+1;x',
      },
    });
    const certificate = await t.newCertificate({ owner: supplier, credits: 3, project });
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 2,
    });
    // The supplier's registered name, as the platform team would have set it.
    await t.db
      .updateTable('organisations')
      .set({ name: 'Sec;=1+1;x' })
      .where('id', '=', supplier.organisation.id)
      .execute();
  }, 120_000);
  afterAll(async () => t?.close());

  for (const url of [
    '/v1/contracts/export?format=csv&lang=en',
    '/v1/claims/export?format=csv&lang=en',
  ]) {
    it(`${url}: the supplier named Sec;=1+1;x stays one cell; no cell starts a formula`, async () => {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: coordinator.as.headers,
      });
      expectStatus(response, 200);
      const rows = withComma(response.body);
      const [header, ...data] = rows;
      expect(data.length).toBeGreaterThan(0);
      const column = header!.indexOf('Supplier');
      expect(column).toBeGreaterThanOrEqual(0);
      for (const row of data) {
        expect(row).toHaveLength(header!.length);
        expect(row[column]).toBe("Sec;'=1+1;x");
      }
      expectNoFormulaCell(rows, 'comma');
      expectNoFormulaCell(withSemicolon(response.body), 'semicolon');
    });
  }
});
