import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * What the certificate and the invoice share: a deterministic A4 document, text that the
 * built-in fonts can show, and a QR code drawn as vector squares.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier-Bold' } as const;

export const COLOR = {
  text: '#1a1a1a',
  muted: '#5f6368',
  accent: '#0b6e4f',
  rule: '#c9d3cf',
} as const;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  /** Becomes CreationDate and ModDate: the document's own date, never the time of rendering. */
  date: Date;
  lang: 'nl' | 'en';
}

/**
 * A one-page A4 document whose bytes depend only on what is drawn on it. PDFKit derives
 * the file /ID from the info dictionary, and would put the time of rendering in
 * CreationDate; fixing both dates to the document's date makes a re-render byte-identical
 * (for the same PDFKit and zlib). The bytes stored at issue stay the reference all the
 * same: they are what every download returns and what an uploaded copy is matched against.
 */
export function createDocument(meta: DocumentMeta): {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    // A small bottom margin: pages are laid out by hand, and PDFKit must never decide to
    // start a second page because a footer line sits below a generous margin.
    margins: { top: 50, left: 50, right: 50, bottom: 10 },
    lang: meta.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: {
      Title: pdfText(meta.title),
      Author: pdfText(meta.author),
      Subject: pdfText(meta.subject),
      Creator: 'Impactbeurs',
      Producer: 'Impactbeurs (PDFKit)',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

// Characters beyond Latin-1 that WinAnsiEncoding (the built-in fonts' encoding) can show.
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x017e, 0x0178,
]);

const REPLACEMENTS: Record<string, string> = {
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2015': '\u2014',
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\u2032': "'",
  '\u2033': '"',
};

function isWinAnsi(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(code) ||
    code === 0x0a
  );
}

/**
 * Text as the built-in Helvetica can show it. PDFKit writes any other character as
 * garbage, so names from elsewhere (Łódź, Gdańsk, Erdoğan) lose the accents it lacks instead:
 * Lódz, Gdansk, Erdogan. Dutch and most Western European text passes unchanged.
 */
export function pdfText(input: string): string {
  let out = '';
  for (const char of input.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue; // control characters
    const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out +=
      stripped !== '' && [...stripped].every((c) => isWinAnsi(c.codePointAt(0)!)) ? stripped : '?';
  }
  return out;
}

/** A string shortened to at most `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export interface QrPlacement {
  x: number;
  y: number;
  /** Side of the symbol without its quiet zone. */
  size: number;
}

/**
 * Draws `text` as a QR code (error correction M) from qrcode's module matrix: one filled
 * rectangle per horizontal run of dark modules, a few hundred path operations, far cheaper
 * than embedding an image. The caller keeps four modules of white around it.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  at: QrPlacement,
): { modules: number; moduleSize: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const s = at.size / n;
  doc.save();
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(at.x + start * s, at.y + row * s, (col - start) * s, s);
    }
  }
  doc.fillColor('#000000').fill();
  doc.restore();
  return { modules: n, moduleSize: s };
}
