import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { expectAccessible, sidewaysOverflow, useBrowser } from './helpers';
import { signInAs } from './journeys/review';

/**
 * The authority's outcome report (/outcomes, issue 19): the demo coordinator of Gemeente
 * Rotterdam opens it, chooses a period and downloads the XLSX. The workbook is read here
 * without the library that wrote it: unzipped with JSZip and its sheet XML and styles read
 * with fast-xml-parser, as any spreadsheet program reads the file.
 */

const COORDINATOR = 'coordinator@rotterdam.example';

interface XlsxCell {
  /** Text of a string cell, or the number of a numeric one. */
  value: string | number;
  /** The number format the cell's style gives it ('General' when none). */
  format: string;
}
interface XlsxSheet {
  rows: Map<number, Map<string, XlsxCell>>;
  frozenRows: number;
  autoFilter: string | undefined;
}

/** The number formats of ECMA-376 (part 1, 18.8.30) a file may refer to by id alone. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  22: 'm/d/yy h:mm',
};

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) =>
    ['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'numFmt', 'xf'].includes(name),
});

type Node = Record<string, unknown>;
const text = (node: unknown): string =>
  typeof node === 'string' ? node : String((node as Node | undefined)?.['#text'] ?? '');

async function readXlsx(bytes: Buffer): Promise<Map<string, XlsxSheet>> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => xml.parse(await zip.file(name)!.async('string')) as Node;
  const workbook = (await part('xl/workbook.xml')).workbook as Node;
  const rels = ((await part('xl/_rels/workbook.xml.rels')).Relationships as Node)
    .Relationship as Node[];
  const shared = zip.file('xl/sharedStrings.xml')
    ? (((await part('xl/sharedStrings.xml')).sst as Node).si as Node[]).map((si) =>
        si.t !== undefined
          ? text(si.t)
          : ((si.r as Node[] | undefined) ?? []).map((r) => text(r.t)).join(''),
      )
    : [];
  const styles = (await part('xl/styles.xml')).styleSheet as Node;
  const custom = new Map(
    (((styles.numFmts as Node | undefined)?.numFmt as Node[] | undefined) ?? []).map((f) => [
      Number(f['@_numFmtId']),
      String(f['@_formatCode']),
    ]),
  );
  const xfs = (styles.cellXfs as Node).xf as Node[];
  const formatOf = (style: unknown) => {
    const id = Number(xfs[Number(style ?? 0)]?.['@_numFmtId'] ?? 0);
    return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `#${id}`;
  };

  const sheets = new Map<string, XlsxSheet>();
  for (const sheet of (workbook.sheets as Node).sheet as Node[]) {
    const rel = rels.find((r) => r['@_Id'] === sheet['@_r:id'])!;
    const target = String(rel['@_Target']).replace(/^\/?(xl\/)?/, 'xl/');
    const worksheet = (await part(target)).worksheet as Node;
    const rows = new Map<number, Map<string, XlsxCell>>();
    for (const row of ((worksheet.sheetData as Node | undefined)?.row as Node[] | undefined) ??
      []) {
      const cells = new Map<string, XlsxCell>();
      for (const c of (row.c as Node[] | undefined) ?? []) {
        const ref = String(c['@_r']);
        const column = ref.replace(/\d+$/, '');
        const type = c['@_t'];
        const value =
          type === 's'
            ? shared[Number(text(c.v))]!
            : type === 'inlineStr'
              ? text((c.is as Node).t)
              : type === 'str'
                ? text(c.v)
                : Number(text(c.v));
        if (c.v === undefined && c.is === undefined) continue;
        cells.set(column, { value, format: formatOf(c['@_s']) });
      }
      rows.set(Number(row['@_r']), cells);
    }
    const pane = ((worksheet.sheetViews as Node | undefined)?.sheetView as Node | undefined)
      ?.pane as Node | undefined;
    sheets.set(String(sheet['@_name']), {
      rows,
      frozenRows: pane?.['@_state'] === 'frozen' ? Number(pane['@_ySplit'] ?? 0) : 0,
      autoFilter: (worksheet.autoFilter as Node | undefined)?.['@_ref'] as string | undefined,
    });
  }
  return sheets;
}

/** A spreadsheet date serial (days since 30 December 1899) as YYYY-MM-DD. */
const serialDay = (serial: number) =>
  new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);

const isoDay = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);

describe('the outcome report of an authority (/outcomes)', () => {
  const session = useBrowser();

  it('the coordinator filters a period and downloads the XLSX: Dutch headers, euro numbers, real dates', async () => {
    const { page } = session;
    await signInAs(page, COORDINATOR, '/outcomes');
    await page.getByRole('heading', { level: 1, name: 'Resultaten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Goedgekeurde social return' }).waitFor();
    await expectAccessible(page);

    // This year up to today: the demo's approved claim falls in it.
    const today = isoDay(new Date());
    const from = `${today.slice(0, 4)}-01-01`;
    await page.getByLabel('Van', { exact: true }).fill(from);
    await page.getByLabel('Tot en met', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Toon periode' }).click();
    await page
      .getByText(new RegExp(`^Periode: 1 januari ${today.slice(0, 4)} tot en met`))
      .waitFor();
    const value = page.getByText('Waarde van goedgekeurde claims').locator('xpath=..');
    await expect.poll(async () => (await value.textContent()) ?? '').toMatch(/€\s?[1-9]/);
    // Each chart has its figures as a table too.
    await page.getByText('Dezelfde cijfers als tabel').first().click();
    await page
      .getByRole('region', { name: 'Waarde per contract' })
      .getByRole('table')
      .first()
      .waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`resultaten-${from}-${today}.xlsx`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const sheets = await readXlsx(Buffer.concat(chunks));
    expect([...sheets.keys()]).toEqual([
      'Toelichting',
      'SR-waarde',
      'Projecten',
      'Toegerekende resultaten',
      'Resultaten per project',
    ]);

    // The explanation: the period as real dates (a serial with a date format), and what x means.
    const notes = sheets.get('Toelichting')!;
    const noteRow = (label: string) =>
      [...notes.rows.values()].find((cells) => cells.get('A')?.value === label)!;
    const periodFrom = noteRow('Periode van').get('B')!;
    expect(typeof periodFrom.value).toBe('number');
    expect(serialDay(periodFrom.value as number)).toBe(from);
    expect(periodFrom.format).toBe('dd-mm-yyyy');
    const periodTo = noteRow('Periode tot en met').get('B')!;
    expect(serialDay(periodTo.value as number)).toBe(today);
    expect(String(noteRow('x').get('B')!.value)).toMatch(/privacy.*<5/);

    // Dutch headers, a frozen header row with an autofilter, amounts as euro numbers.
    const sr = sheets.get('SR-waarde')!;
    expect([...sr.rows.get(1)!.values()].map((c) => c.value)).toEqual([
      'Contractkenmerk',
      'Contract',
      'Opdrachtnemer',
      'Claims',
      'Credits',
      'Waarde (€)',
    ]);
    expect(sr.frozenRows).toBe(1);
    expect(sr.autoFilter).toMatch(/^A1:F\d+$/);
    const lastRow = sr.rows.get(Math.max(...sr.rows.keys()))!;
    expect(lastRow.get('A')!.value).toBe('Totaal');
    const total = lastRow.get('F')!;
    expect(typeof total.value).toBe('number');
    expect(total.value).toBeGreaterThan(0);
    expect(total.format).toContain('€');
    expect(total.format).toContain('0.00');

    const projects = sheets.get('Projecten')!;
    expect(projects.rows.get(1)!.get('E')!.value).toBe('Aandeel');
    const share = projects.rows.get(2)!.get('E')!;
    expect(typeof share.value).toBe('number');
    expect(share.format).toBe('0.00%');
    // Labels, never codes.
    const byProject = sheets.get('Resultaten per project')!;
    const categories = [...byProject.rows.values()].map((cells) => cells.get('C')?.value);
    expect(categories).toContain('Betaald werk');
    expect(categories).not.toContain('paid_work');
    expect(categories).not.toContain('over_50');
  });

  it('works at 375 px and by keyboard only', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, COORDINATOR, '/outcomes');
    await page.getByRole('heading', { level: 2, name: 'Goedgekeurde social return' }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // A period whose start is after its end is refused with an error summary that takes focus.
    await page.getByLabel('Van', { exact: true }).fill('2025-12-31');
    await page.getByLabel('Tot en met', { exact: true }).fill('2025-01-01');
    await page.getByRole('button', { name: 'Toon periode' }).focus();
    await page.keyboard.press('Enter');
    // The summary takes focus; its link leads to the field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/begindatum/);
    await page.getByText('De begindatum moet vóór de einddatum liggen.').first().waitFor();
    await expectAccessible(page);
  });
});
