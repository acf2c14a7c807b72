import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../src/modules/certificates/certificate-pdf.js';
import { renderInvoicePdf } from '../../src/modules/certificates/invoice-pdf.js';
import type { Lang } from '../../src/lib/format.js';
import { readPdf } from './pdf-reader.js';
import { certificateData, invoiceData } from './sample-data.js';

/**
 * Every document we hand out is archival and accessible: PDF/A-2b claimed in its XMP,
 * every font embedded, tagged (a structure tree), its language and title set and the
 * title shown. Checked with poppler's pdffonts and pdfinfo, a reader independent of the
 * code that writes the PDFs (Debian: apt-get install poppler-utils). A machine without
 * them fails here, loudly: these checks are not optional.
 */

const dir = mkdtempSync(join(tmpdir(), 'impactbeurs-pdfa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poppler(tool: 'pdffonts' | 'pdfinfo', args: string[], pdf: Buffer): string {
  const file = join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `${tool} is not installed: these tests read the PDFs with poppler-utils (apt-get install -y poppler-utils)`,
        { cause: error },
      );
    throw error;
  }
}

const NAME = 'Doğan & Yıldız Bouw Ĳsselmonde – Łódź Śląsk Kőszeg B.V.';

const documents: {
  name: string;
  lang: Lang;
  title: string;
  /** A name the document prints, in its structure tree. */
  shows: string;
  render: () => Promise<Buffer>;
}[] = [
  ...(['nl', 'en'] as const).map((lang) => ({
    name: `certificate (${lang})`,
    lang,
    title:
      lang === 'nl'
        ? 'Certificaat sociale impact IB-2026-000123'
        : 'Social impact certificate IB-2026-000123',
    shows: NAME,
    render: () =>
      renderCertificatePdf(
        certificateData({ supplier: { name: NAME, kvkNumber: '12345678' } }),
        lang,
      ),
  })),
  ...(['nl', 'en'] as const).map((lang) => ({
    name: `invoice (${lang})`,
    lang,
    title: `${lang === 'nl' ? 'Factuur' : 'Invoice'} F-2026-000042`,
    shows: NAME,
    render: () =>
      renderInvoicePdf(
        invoiceData({ buyer: { name: NAME, address: null, kvkNumber: null, vatNumber: null } }),
        lang,
      ),
  })),
  ...(['nl', 'en'] as const).map((lang) => ({
    name: `credit note (${lang})`,
    lang,
    title: `${lang === 'nl' ? 'Creditnota' : 'Credit note'} C-2026-000003`,
    shows: 'Bouwbedrijf De Vries & Zoën B.V.',
    render: () =>
      renderInvoicePdf(
        invoiceData({
          kind: 'credit_note',
          number: 'C-2026-000003',
          creditedInvoiceNumber: 'F-2026-000042',
          payment: {
            method: 'stripe',
            status: 'refunded',
            reference: 'IB-7F3K2-9QX',
            refundedAt: new Date('2026-12-01T10:00:00Z'),
          },
        }),
        lang,
      ),
  })),
];

describe.each(documents)('the $name PDF', ({ lang, title, shows, render }) => {
  it('embeds every font it uses', async () => {
    const pdf = await render();
    const rows = poppler('pdffonts', [], pdf).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type encoding emb sub uni object generation: emb is the fourth column from the end.
      const columns = row.trim().split(/\s+/);
      expect({ font: columns[0], embedded: columns.at(-5) }).toEqual({
        font: columns[0],
        embedded: 'yes',
      });
      expect(columns.at(-3)).toBe('yes'); // a ToUnicode map: text can be extracted and read aloud
    }
  });

  it('is tagged, titled, in its language and claims PDF/A-2b', async () => {
    const pdf = await render();
    const info = poppler('pdfinfo', [], pdf);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);

    const xmp = poppler('pdfinfo', ['-meta'], pdf);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
    // Well-formed XML: a name with "&" is escaped in the XMP.
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);

    // The document's language, as a reader (pdf.js) sees it, and the title shown instead of the file name.
    expect((await readPdf(pdf)).info.Language).toBe(lang === 'nl' ? 'nl-NL' : 'en-GB');
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.toString('latin1')).toMatch(/\/OutputIntents \[/);
  });

  it('has a structure tree with a heading and the content in reading order', async () => {
    const pdf = await render();
    const structure = poppler('pdfinfo', ['-struct-text'], pdf);
    expect(structure.split('\n')[0]).toBe('Document');
    expect(structure).toMatch(/^ {2}H1\b/m);
    expect(structure).toMatch(/^ {2}Table\b/m);
    expect(structure).toMatch(/TH:\s*\n\s*\/Scope \/Row/);
    expect(structure).toContain(`"${shows}"`);
  });
});
