/**
 * Certificates benchmark, part 1: how fast certificates render.
 *
 *   npm run bench:certificates            # ~5 s per measurement
 *   BENCH_SECONDS=2 npm run bench:certificates
 *
 * Measures, in one process (so on one core: rendering is synchronous JavaScript):
 *   certificate   renderCertificatePdf, each with its own number, code and QR code
 *   bare page     PDFKit alone drawing the same text and a QR code of the same URL, at
 *                 fixed positions, with no layout, formatting, clipping or i18n
 *   issue         render + SHA-256 + Ed25519 JWS: what issuing one certificate costs
 * and prints each with its ratio to the bare page measured in the same run (interleaved
 * rounds), because these machines are shared and absolute numbers drift. Target: the
 * certificate reaches at least 50% of the bare page's rate.
 *
 * The verification route's half of this benchmark is bench/verify.ts (npm run bench:verify).
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { verificationUrl } from '../src/lib/verification-url.js';
import {
  type CertificatePdfData,
  renderCertificatePdf,
} from '../src/modules/certificates/certificate-pdf.js';
import {
  generateSigningJwk,
  signCertificate,
  signingKeysFromJwks,
} from '../src/modules/certificates/signing.js';
import { newVerificationCode } from '../src/modules/certificates/verification-code.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Short interleaved slices, in a rotating order, so load from other processes falls on all tasks alike.
const ROUNDS = Math.max(4, Math.round(SECONDS * 4));
const PUBLIC_URL = 'https://impactbeurs.example';

function certificate(i: number): CertificatePdfData {
  return {
    number: `IB-2026-${String(i % 1_000_000).padStart(6, '0')}`,
    verificationCode: newVerificationCode(),
    publicUrl: PUBLIC_URL,
    issuer: 'Stichting Impactbeurs',
    supplier: { name: 'Bouwbedrijf De Vries & Zoën B.V.', kvkNumber: '12345678' },
    project: {
      title: 'Werkervaringsplekken Groen Doet Goed – Rotterdam-Zuid',
      summary:
        'Twintig deelnemers uit de bijstand werken een jaar in het groenonderhoud van de wijk, met een jobcoach en een erkende vakopleiding.',
      expectedOutcomes: [
        { outcomeType: 'paid_work', expectedCount: 12 },
        { outcomeType: 'diploma', expectedCount: 8 },
        { outcomeType: 'day_activity', expectedCount: 20 },
      ],
    },
    initiative: { name: 'Stichting Coöperatie Groenkracht' },
    credits: 1250,
    serialStart: 1001,
    serialEnd: 2250,
    valueCents: 4_750_000,
    currency: 'EUR',
    issuedAt: new Date('2026-11-22T09:30:00Z'),
    signingKeyId: 'k2026-11-a',
  };
}

/** The certificate's text, laid out once by hand: the bare page only draws it. */
function bareLines(data: CertificatePdfData): [string, number, number, number, string, number][] {
  // [text, x, y, fontSize, font, width]
  return [
    ['IMPACTBEURS', 50, 36, 10, 'Helvetica-Bold', 200],
    [`Certificaatnummer ${data.number}`, 330, 36, 10, 'Helvetica', 215],
    ['Certificaat sociale impact', 50, 66, 26, 'Helvetica-Bold', 495],
    ['Bewijs van een financiële bijdrage aan een sociaal project', 50, 100, 12, 'Helvetica', 495],
    [
      `Hierbij wordt bevestigd dat ${data.supplier.name} 1.250 impactcredits heeft verworven in het project „${data.project.title}” van ${data.initiative.name}.`,
      50,
      142,
      12,
      'Helvetica',
      495,
    ],
    [`Leverancier ${data.supplier.name}`, 50, 214, 11, 'Helvetica', 495],
    [`KvK-nummer ${data.supplier.kvkNumber}`, 50, 232, 11, 'Helvetica', 495],
    [`Project ${data.project.title}`, 50, 250, 11, 'Helvetica', 495],
    [`Initiatiefnemer ${data.initiative.name}`, 50, 268, 11, 'Helvetica', 495],
    ['Aantal credits 1.250', 50, 286, 11, 'Helvetica', 495],
    ['Serienummers 1001–2250', 50, 304, 11, 'Helvetica', 495],
    ['Waarde €\u00a047.500,00', 50, 322, 11, 'Helvetica-Bold', 495],
    ['Datum van uitgifte 22 november 2026', 50, 340, 11, 'Helvetica', 495],
    ['Wat deze credits financieren', 50, 370, 12, 'Helvetica-Bold', 495],
    [data.project.summary ?? '', 50, 388, 10, 'Helvetica', 495],
    [
      'Beoogde resultaten van het project: betaald werk: 12; diploma: 8; dagbesteding: 20.',
      50,
      420,
      10,
      'Helvetica',
      495,
    ],
    ['Social return', 50, 446, 12, 'Helvetica-Bold', 495],
    [
      'Dit certificaat mag worden ingezet voor het invullen van een social-returnverplichting bij een opdracht van een publieke opdrachtgever, tot de waarde en het aantal credits hierboven.',
      50,
      464,
      10,
      'Helvetica',
      495,
    ],
    ['Echtheid controleren', 216, 630, 12, 'Helvetica-Bold', 313],
    [
      'Scan de QR-code of open de link. De verificatiepagina toont altijd de actuele status van dit certificaat: geldig, opgeschort of ingetrokken.',
      216,
      648,
      9,
      'Helvetica',
      313,
    ],
    ['Verificatiecode', 216, 686, 8, 'Helvetica-Bold', 313],
    [data.verificationCode, 216, 698, 12, 'Courier-Bold', 313],
    [verificationUrl(data.publicUrl, data.verificationCode), 216, 716, 8, 'Helvetica', 313],
    [
      `De gegevens van dit certificaat zijn digitaal ondertekend (Ed25519, JWS) met sleutel ${data.signingKeyId}. De publieke sleutels staan op ${data.publicUrl}/.well-known/jwks.json.`,
      216,
      738,
      7,
      'Helvetica',
      313,
    ],
    ['Uitgegeven door Stichting Impactbeurs', 50, 792, 8, 'Helvetica', 495],
  ];
}

function bareRender(data: CertificatePdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, left: 50, right: 50, bottom: 10 },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const [text, x, y, size, font, width] of bareLines(data))
    doc.font(font).fontSize(size).text(text, x, y, { width });
  const { modules } = QRCode.create(verificationUrl(data.publicUrl, data.verificationCode), {
    errorCorrectionLevel: 'M',
  });
  const s = 126 / modules.size;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) doc.rect(70 + c * s, 632 + r * s, s, s);
  doc.fill('#000000');
  doc.end();
  return done;
}

const keys = signingKeysFromJwks(generateSigningJwk());

async function issue(data: CertificatePdfData): Promise<Buffer> {
  const pdf = await renderCertificatePdf(data);
  createHash('sha256').update(pdf).digest('hex');
  await signCertificate(
    {
      number: data.number,
      verificationCode: data.verificationCode,
      supplier: data.supplier,
      project: { id: '3f1d1c3e-5a7b-4d8e-9f00-1a2b3c4d5e6f', title: data.project.title },
      initiative: data.initiative,
      credits: data.credits,
      serialStart: data.serialStart,
      serialEnd: data.serialEnd,
      valueCents: data.valueCents,
      currency: data.currency,
      issuedAt: data.issuedAt,
    },
    keys,
    PUBLIC_URL,
  );
  return pdf;
}

type Task = (data: CertificatePdfData) => Promise<Buffer>;

/** Renders one after another for `ms`; returns documents per second and bytes of the last. */
async function measure(
  task: Task,
  ms: number,
  counter: { i: number },
): Promise<{ count: number; elapsed: number; size: number }> {
  const start = performance.now();
  let count = 0;
  let size = 0;
  while (performance.now() - start < ms) {
    size = (await task(certificate(counter.i++))).length;
    count++;
  }
  return { count, elapsed: performance.now() - start, size };
}

async function main(): Promise<void> {
  const tasks: [string, Task][] = [
    ['certificate', (d) => renderCertificatePdf(d)],
    ['bare page', bareRender],
    ['issue', issue],
  ];
  const counter = { i: 1 };
  for (const [, task] of tasks) await measure(task, 500, counter); // warm-up: JIT, font metrics

  const totals = new Map(tasks.map(([name]) => [name, { count: 0, elapsed: 0, size: 0 }]));
  const roundMs = (SECONDS * 1000) / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...tasks.slice(round % tasks.length), ...tasks.slice(0, round % tasks.length)];
    for (const [name, task] of order) {
      const result = await measure(task, roundMs, counter);
      const total = totals.get(name)!;
      total.count += result.count;
      total.elapsed += result.elapsed;
      total.size = result.size;
    }
  }

  const rate = (name: string) => {
    const t = totals.get(name)!;
    return (t.count * 1000) / t.elapsed;
  };
  const bare = rate('bare page');
  console.log(
    `certificates benchmark — node ${process.version}, ${os.availableParallelism()} cores, one core used, ${ROUNDS} interleaved rounds, ${SECONDS} s per task, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log('');
  console.log('task          docs/s/core   ms/doc   bytes   vs bare page');
  for (const [name] of tasks) {
    const t = totals.get(name)!;
    const r = rate(name);
    console.log(
      `${name.padEnd(13)} ${r.toFixed(1).padStart(11)} ${(1000 / r).toFixed(2).padStart(8)} ${String(t.size).padStart(7)} ${((r / bare) * 100).toFixed(0).padStart(10)}%`,
    );
  }
  const ratio = rate('certificate') / bare;
  console.log('');
  console.log(
    `certificate / bare page: ${(ratio * 100).toFixed(0)}% (target ≥ 50%) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
  );
}

await main();
