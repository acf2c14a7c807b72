import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Reads an XLSX the way a spreadsheet does, without the library that writes ours (exceljs):
 * unzips it and parses the sheet, shared-string and style XML itself. Each cell comes back
 * with its raw value, its type and its number format, so a test sees whether an amount is a
 * number and a date a real (serial) date with a date format.
 */
export interface XlsxCell {
  ref: string;
  /** 's' shared string, 'n' number, 'str'/'inlineStr' text, 'b' boolean. */
  type: string;
  value: string | number | null;
  numFmt: string | null;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  frozenRows: number;
  autoFilter: string | null;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  2: '0.00',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  22: 'm/d/yy h:mm',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) =>
    ['row', 'c', 'si', 'sheet', 'numFmt', 'xf', 'r', 'Relationship'].includes(name),
});

const text = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node === 'object' && '#text' in (node as object))
    return String((node as { '#text': unknown })['#text']);
  return '';
};

export async function readXlsxIndependently(bytes: Buffer): Promise<XlsxSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    return file ? parser.parse(await file.async('string')) : undefined;
  };
  const shared = (await read('xl/sharedStrings.xml'))?.sst?.si ?? [];
  const strings: string[] = shared.map((si: { t?: unknown; r?: { t?: unknown }[] }) =>
    si.t !== undefined ? text(si.t) : (si.r ?? []).map((r) => text(r.t)).join(''),
  );
  const styles = (await read('xl/styles.xml'))?.styleSheet;
  const custom = new Map<number, string>(
    (styles?.numFmts?.numFmt ?? []).map((f: { numFmtId: string; formatCode: string }) => [
      Number(f.numFmtId),
      f.formatCode,
    ]),
  );
  const xfs: { numFmtId?: string }[] = styles?.cellXfs?.xf ?? [];
  const formatOf = (style: string | undefined) => {
    const id = Number(xfs[Number(style ?? 0)]?.numFmtId ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  };
  const workbook = (await read('xl/workbook.xml')).workbook;
  const rels = (await read('xl/_rels/workbook.xml.rels')).Relationships.Relationship as {
    Id: string;
    Target: string;
  }[];
  const sheets: XlsxSheet[] = [];
  for (const sheet of workbook.sheets.sheet as { name: string; 'r:id': string }[]) {
    const target = rels.find((r) => r.Id === sheet['r:id'])!.Target.replace(/^\/?(xl\/)?/, '');
    const ws = (await read(`xl/${target}`)).worksheet;
    const pane = ws.sheetViews?.sheetView?.pane;
    const rows: XlsxCell[][] = (ws.sheetData?.row ?? []).map(
      (row: { c?: { r: string; t?: string; s?: string; v?: unknown; is?: { t?: unknown } }[] }) =>
        (row.c ?? []).map((c) => {
          const type = c.t ?? 'n';
          let value: string | number | null;
          if (type === 's') value = strings[Number(text(c.v))] ?? null;
          else if (type === 'inlineStr') value = text(c.is?.t);
          else if (type === 'n') value = c.v === undefined ? null : Number(text(c.v));
          else value = text(c.v);
          return { ref: c.r, type, value, numFmt: formatOf(c.s) };
        }),
    );
    sheets.push({
      name: sheet.name,
      rows,
      frozenRows: pane?.state === 'frozen' ? Number(pane.ySplit ?? 0) : 0,
      autoFilter: ws.autoFilter?.ref ?? null,
    });
  }
  return sheets;
}

/** A spreadsheet serial date (days since 1899-12-30) as YYYY-MM-DD HH:MM. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
