import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * What the certificate, the invoice and the credit note share: a deterministic A4 document
 * that is tagged (a structure tree for screen readers and text extraction), claims PDF/A-2b
 * (embedded fonts, an sRGB output intent, XMP metadata), states its language and shows
 * its title; text in DejaVu Sans, embedded and subset per document, so any European name
 * prints as registered; and a QR code drawn as vector squares.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

/** The names fonts are registered under in every document (see createDocument). */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold', mono: 'Mono-Bold' } as const;

/**
 * DejaVu Sans Condensed (regular and bold) for text: Latin, Greek and Cyrillic in full, and
 * its widths are within a few percent of Helvetica's, which these layouts were drawn for.
 * DejaVu Sans Mono Bold for the verification code. Each is parsed once per process and
 * handed to PDFKit as a parsed font; PDFKit embeds a subset of the glyphs each document uses.
 */
const FONT_FILES: Record<keyof typeof FONT, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  mono: 'DejaVuSansMono-Bold.ttf',
};

let loadedFonts: Record<keyof typeof FONT, fontkit.Font> | undefined;

function fonts(): Record<keyof typeof FONT, fontkit.Font> {
  if (loadedFonts) return loadedFonts;
  const require = createRequire(import.meta.url);
  const load = (file: string): fontkit.Font => {
    const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
    return font;
  };
  loadedFonts = {
    regular: load(FONT_FILES.regular),
    bold: load(FONT_FILES.bold),
    mono: load(FONT_FILES.mono),
  };
  return loadedFonts;
}

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
  /** Becomes CreationDate (and the XMP CreateDate): the document's own date, never the time of rendering. */
  date: Date;
  lang: 'nl' | 'en';
}

/** Which PDF/A part and conformance level every document claims (in its XMP metadata). */
export const PDFA_CLAIM = { part: 2, conformance: 'B' } as const;

const xmlEscape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

type PDFDocumentInternals = PDFKit.PDFDocument & {
  info: Record<string, unknown>;
  _addInfo(): void;
};

/** What PDFKit 0.20 reads from a structure element's options (its typings know the first five). */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & {
  /** [left, top, right, bottom] in page coordinates, top-down like everything drawn. */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  /** Table header cells: whether they head a row or a column. */
  scope?: 'Row' | 'Column';
};

/** Builds a document's tagged structure: blocks of content under one parent element. */
export interface Tagger {
  /** Content drawn by `draw` becomes one structure element of `type` (P, H1, TD, Figure, Link …). */
  add(type: string, draw: () => void, options?: StructOptions): void;
  /** A grouping element (Sect, Table, TR, L, LI …) whose children `fill` adds. */
  group(type: string, fill: (inner: Tagger) => void): void;
  /** Decoration (rules, the header bar): marked as an artifact, outside the structure. */
  artifact(draw: () => void): void;
}

function taggerFor(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement): Tagger {
  return {
    add(type, draw, options = {}) {
      parent.add(doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
    },
    group(type, fill) {
      const element = doc.struct(type);
      parent.add(element);
      fill(taggerFor(doc, element));
      element.end();
    },
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
  };
}

/**
 * A one-page A4 document whose bytes depend only on what is drawn on it. PDFKit derives
 * the file /ID from the info dictionary, and would put the time of rendering in
 * CreationDate; fixing it to the document's date makes a re-render byte-identical (for the
 * same PDFKit, fonts and zlib). The bytes stored at issue stay the reference all the same:
 * they are what every download returns and what an uploaded copy is matched against.
 *
 * PDF/A wants the info dictionary and the XMP metadata to agree, so there is no ModDate
 * (PDFKit writes no XMP ModifyDate), and the values PDFKit copies into the XMP unescaped
 * are escaped there (a supplier named "A & B" would otherwise break the XML).
 */
export function createDocument(meta: DocumentMeta): {
  doc: PDFKit.PDFDocument;
  tag: Tagger;
  bytes: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    // A small bottom margin: pages are laid out by hand, and PDFKit must never decide to
    // start a second page because a footer line sits below a generous margin.
    margins: { top: 50, left: 50, right: 50, bottom: 10 },
    pdfVersion: '1.7',
    subset: `PDF/A-${PDFA_CLAIM.part}${PDFA_CLAIM.conformance.toLowerCase()}` as 'PDF/A-2b',
    tagged: true,
    lang: meta.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    // No default Helvetica: a built-in font is never embedded, and PDF/A wants every font embedded.
    font: null,
    info: {
      Title: pdfText(meta.title),
      Author: pdfText(meta.author),
      Subject: pdfText(meta.subject),
      Creator: 'Impactbeurs',
      Producer: 'Impactbeurs (PDFKit)',
      CreationDate: meta.date,
    },
  } as unknown as PDFKit.PDFDocumentOptions); // font: null is valid (no default font); the typings say string
  const internals = doc as PDFDocumentInternals;
  const addInfo = internals._addInfo.bind(doc);
  internals._addInfo = () => {
    const info = internals.info;
    internals.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [
        key,
        typeof value === 'string' ? xmlEscape(value) : value,
      ]),
    );
    try {
      addInfo();
    } finally {
      internals.info = info;
    }
  };
  const loaded = fonts();
  for (const key of Object.keys(FONT) as (keyof typeof FONT)[])
    // PDFKit takes a parsed fontkit font as well as a file; its typings only know the latter.
    doc.registerFont(FONT[key], loaded[key] as unknown as Buffer);
  doc.font(FONT.regular);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const end = doc.end.bind(doc);
  doc.end = () => {
    root.end();
    end();
  };
  return { doc, tag: taggerFor(doc, root), bytes };
}

/** Code points every embedded text face can draw. */
function drawable(code: number): boolean {
  const loaded = fonts();
  return loaded.regular.hasGlyphForCodePoint(code) && loaded.bold.hasGlyphForCodePoint(code);
}

const REPLACEMENTS: Record<string, string> = {
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
};

/**
 * Text as the embedded fonts show it: names exactly as written (NFC, so a decomposed
 * "ö" prints as one glyph), control characters and invisible joiners dropped. The rare
 * character DejaVu Sans lacks (a CJK ideograph, an emoji) loses its accents if that helps,
 * or becomes "?", rather than printing as an empty box.
 */
export function pdfText(input: string): string {
  let out = '';
  for (const char of input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue; // control characters
    if (drawable(code)) {
      out += char;
      continue;
    }
    const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out +=
      stripped !== '' && [...stripped].every((c) => drawable(c.codePointAt(0)!)) ? stripped : '?';
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
