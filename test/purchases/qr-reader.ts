import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

const jsQR = jsQRModule.default;
const run = promisify(execFile);

/**
 * The QR codes a banking app would read from a PDF, independent of the code that wrote it
 * and of the PDF parser the other tests use: poppler's pdftoppm rasterises each page, and
 * jsQR (a decoder from the registry) reads the image. Answers one payload per page that
 * has a code.
 */
export async function decodeQrCodesWithPoppler(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ib-qr-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', '150', '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const { stdout } = await run('ls', [dir]);
    const pages = stdout
      .split('\n')
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
