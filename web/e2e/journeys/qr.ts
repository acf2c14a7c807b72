import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS: under Node its default export is the module object, in a bundler the function.
const jsQR =
  (jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  (jsQRModule as typeof jsQRModule);
const run = promisify(execFile);

/**
 * The QR codes a banking app would read from a PDF, as test/purchases/qr-reader.ts reads
 * them for the API test: poppler's pdftoppm rasterises each page and jsQR reads the image,
 * independent of the code that wrote the PDF. One payload per page that has a code.
 */
export async function decodePdfQrCodes(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ib-e2e-qr-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', '150', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const pages = (await readdir(dir))
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort();
    const found: string[] = [];
    for (const page of pages) {
      const png = PNG.sync.read(await readFile(path.join(dir, page)));
      const code = jsQR(
        new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
        png.width,
        png.height,
      );
      if (code) found.push(code.data);
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
