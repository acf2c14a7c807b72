import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES-style default: the function is `.default` under NodeNext typing and at run time.
const jsQR = jsQRModule.default;

/**
 * Reads a PDF back the way a person or an authority's software would: text through a real
 * PDF parser (pdf.js inside pdf-parse), the page rasterised and its QR code decoded by an
 * independent decoder (jsQR), so nothing here trusts the code that wrote the PDF.
 */

export interface ReadPdf {
  /** Text as extracted, runs of spaces and tabs collapsed to one space. */
  text: string;
  /** The same with line breaks too collapsed: for sentences that wrap. */
  flat: string;
  pages: number;
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    const lines = text.text.replace(/[ \t\u00a0]+/g, ' ');
    return {
      text: lines,
      flat: lines.replace(/\s+/g, ' '),
      pages: text.total,
      info: (info.info ?? {}) as Record<string, unknown>,
    };
  } finally {
    await parser.destroy();
  }
}

/** Rasterises page 1 and returns what a QR decoder reads from it, or undefined. */
export async function decodeQrFromPdf(
  pdf: Buffer,
  scale = 2,
): Promise<{ data: string; bytes: number[] } | undefined> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ scale, imageBuffer: true, first: 1 });
    const page = shot.pages[0];
    if (page === undefined) return undefined;
    const png = PNG.sync.read(Buffer.from(page.data));
    const found = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    return found ? { data: found.data, bytes: found.binaryData } : undefined;
  } finally {
    await parser.destroy();
  }
}

/**
 * Every character the embedded fonts' ToUnicode maps say a glyph on the page stands for
 * (as lower-case hex code points, e.g. "00a0"). Text extraction turns a non-breaking space
 * into a plain one; the map still tells which glyph was drawn.
 */
export function mappedCodePoints(pdf: Buffer): Set<string> {
  const source = pdf.toString('latin1');
  const found = new Set<string>();
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(source)) !== null) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    streams.lastIndex = end + 'endstream'.length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    const range = /beginbfrange([\s\S]*?)endbfrange/.exec(content);
    if (!range) continue;
    for (const hex of range[1]!.matchAll(/<([0-9a-fA-F]{4,})>/g)) found.add(hex[1]!.toLowerCase());
  }
  return found;
}
