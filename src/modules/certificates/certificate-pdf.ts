import type { OutcomeType } from '../../db/types.js';
import { formatDate, formatInteger, formatMoney, type Lang } from '../../lib/format.js';
import { verificationUrl } from '../../lib/verification-url.js';
import { A4, clip, COLOR, createDocument, drawQrCode, FONT, pdfText } from './pdf-common.js';
import { CERTIFICATE_TEXTS } from './texts.js';

/**
 * The certificate a supplier downloads and hands to a public authority (DESIGN §6): one A4
 * page, Dutch by default, English on request, with a QR code that opens the public
 * verification page. Rendered once at issue; its SHA-256 is recorded and the stored bytes
 * are what every download returns. The same data renders to the same bytes (see
 * createDocument), which keeps re-renders and tests reproducible.
 */

export interface CertificatePdfData {
  number: string;
  verificationCode: string;
  /** config.publicUrl: the QR code opens `{publicUrl}/verify/{code}`. */
  publicUrl: string;
  /** Who issues the certificate: the platform organisation (config.seller.name). */
  issuer: string;
  supplier: { name: string; kvkNumber: string };
  project: {
    title: string;
    /** A sentence or two on what the project does; clipped to fit. */
    summary?: string | null;
    expectedOutcomes: readonly { outcomeType: OutcomeType; expectedCount: number }[];
  };
  initiative: { name: string };
  credits: number;
  serialStart: number;
  serialEnd: number;
  valueCents: number;
  currency: string;
  issuedAt: Date;
  /** The kid of the key that signs the certificate's JWS. */
  signingKeyId: string;
}

export function jwksUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/** `1001–1100` with an en dash; a single serial stands alone. */
export function serialRange(start: number, end: number): string {
  return start === end ? String(start) : `${start}\u2013${end}`;
}

const LEFT = 50;
const WIDTH = A4.width - 2 * LEFT;
const LABEL_WIDTH = 140;
const VALUE_X = LEFT + LABEL_WIDTH + 10;
const VALUE_WIDTH = WIDTH - LABEL_WIDTH - 10;
const BOX_TOP = 612;
const BOX_HEIGHT = 166;
const QR_SIZE = 126;
const QR_PADDING = 20;

export async function renderCertificatePdf(
  data: CertificatePdfData,
  lang: Lang = 'nl',
): Promise<Buffer> {
  assertRenderable(data);
  const t = CERTIFICATE_TEXTS[lang];
  const url = verificationUrl(data.publicUrl, data.verificationCode);
  const supplier = pdfText(clip(data.supplier.name, 120));
  const project = pdfText(clip(data.project.title, 200));
  const initiative = pdfText(clip(data.initiative.name, 120));
  const credits = formatInteger(data.credits, lang);

  const { doc, tag, bytes } = createDocument({
    title: `${t.documentTitle} ${data.number}`,
    author: data.issuer,
    subject: `${supplier} \u2013 ${project}`,
    date: data.issuedAt,
    lang,
  });

  // Header
  tag.artifact(() => doc.rect(0, 0, A4.width, 8).fill(COLOR.accent));
  tag.add('P', () =>
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(COLOR.accent)
      .text('IMPACTBEURS', LEFT, 36, { lineBreak: false }),
  );
  const numberWidth = doc.font(FONT.bold).fontSize(10).widthOfString(data.number);
  const labelWidth = doc.font(FONT.regular).fontSize(10).widthOfString(`${t.numberLabel} `);
  tag.add('P', () => {
    doc
      .fillColor(COLOR.muted)
      .text(`${t.numberLabel} `, LEFT + WIDTH - numberWidth - labelWidth, 36, {
        lineBreak: false,
      });
    doc
      .font(FONT.bold)
      .fillColor(COLOR.text)
      .text(data.number, LEFT + WIDTH - numberWidth, 36, { lineBreak: false });
  });

  tag.add('H1', () =>
    doc
      .font(FONT.bold)
      .fontSize(26)
      .fillColor(COLOR.text)
      .text(t.title, LEFT, 66, { width: WIDTH, lineBreak: false }),
  );
  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(12)
      .fillColor(COLOR.muted)
      .text(t.subtitle, LEFT, 100, { width: WIDTH, lineBreak: false }),
  );
  tag.artifact(() =>
    doc
      .moveTo(LEFT, 126)
      .lineTo(LEFT + WIDTH, 126)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke(),
  );

  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(12)
      .fillColor(COLOR.text)
      .text(t.statement({ supplier, credits, project, initiative }), LEFT, 142, {
        width: WIDTH,
        height: 62,
        ellipsis: true,
        lineGap: 2,
      }),
  );

  // The facts, label beside value: a two-column table with the labels as row headers
  let y = 214;
  const rows: { label: string; value: string; bold?: boolean }[] = [
    { label: t.supplierLabel, value: supplier },
    { label: t.kvkLabel, value: pdfText(data.supplier.kvkNumber) },
    { label: t.projectLabel, value: project },
    { label: t.initiativeLabel, value: initiative },
    { label: t.creditsLabel, value: credits },
    { label: t.serialsLabel, value: serialRange(data.serialStart, data.serialEnd) },
    { label: t.valueLabel, value: formatMoney(data.valueCents, lang, data.currency), bold: true },
    { label: t.issueDateLabel, value: formatDate(data.issuedAt, lang) },
  ];
  tag.group('Table', (table) => {
    for (const row of rows) {
      doc.font(row.bold ? FONT.bold : FONT.regular).fontSize(11);
      const height = Math.min(doc.heightOfString(row.value, { width: VALUE_WIDTH }), 27);
      table.group('TR', (tr) => {
        tr.add(
          'TH',
          () =>
            doc
              .font(FONT.bold)
              .fontSize(9)
              .fillColor(COLOR.muted)
              .text(row.label, LEFT, y + 1.5, { width: LABEL_WIDTH, lineBreak: false }),
          { scope: 'Row' },
        );
        tr.add('TD', () =>
          doc
            .font(row.bold ? FONT.bold : FONT.regular)
            .fontSize(11)
            .fillColor(COLOR.text)
            .text(row.value, VALUE_X, y, { width: VALUE_WIDTH, height: 27, ellipsis: true }),
        );
      });
      y += height + 6;
    }
  });

  // What the credits fund
  y += 8;
  const headingAt = (text: string, at: number) =>
    tag.add('H2', () =>
      doc
        .font(FONT.bold)
        .fontSize(12)
        .fillColor(COLOR.accent)
        .text(text, LEFT, at, { width: WIDTH, lineBreak: false }),
    );
  headingAt(t.fundsHeading, y);
  y += 18;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  const summary = data.project.summary?.trim();
  if (summary) {
    const text = pdfText(clip(summary.replace(/\s+/g, ' '), 400));
    const at = y;
    tag.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(10)
        .fillColor(COLOR.text)
        .text(text, LEFT, at, { width: WIDTH, height: 40, ellipsis: true }),
    );
    y += Math.min(doc.heightOfString(text, { width: WIDTH }), 40) + 4;
  }
  if (data.project.expectedOutcomes.length > 0) {
    const outcomes = data.project.expectedOutcomes
      .map((o) => t.outcome(o.outcomeType, formatInteger(o.expectedCount, lang)))
      .join('; ');
    const text = `${t.outcomesIntro}: ${outcomes}.`;
    const at = y;
    tag.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(10)
        .fillColor(COLOR.text)
        .text(text, LEFT, at, { width: WIDTH, height: 26, ellipsis: true }),
    );
    y += Math.min(doc.heightOfString(text, { width: WIDTH }), 26) + 4;
  }

  // Social return
  y += 8;
  headingAt(t.socialReturnHeading, y);
  y += 18;
  const socialReturnAt = y;
  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(t.socialReturn, LEFT, socialReturnAt, {
        width: WIDTH,
        height: BOX_TOP - 8 - socialReturnAt,
        ellipsis: true,
      }),
  );

  // Verification box: QR code (with its quiet zone inside the box), code, link, key id
  tag.artifact(() =>
    doc
      .roundedRect(LEFT, BOX_TOP, WIDTH, BOX_HEIGHT, 6)
      .lineWidth(0.75)
      .strokeColor(COLOR.rule)
      .stroke(),
  );
  const textX = LEFT + QR_PADDING + QR_SIZE + QR_PADDING;
  const textWidth = LEFT + WIDTH - 16 - textX;
  tag.group('Sect', (box) => {
    box.add('H2', () =>
      doc
        .font(FONT.bold)
        .fontSize(12)
        .fillColor(COLOR.accent)
        .text(t.verifyHeading, textX, BOX_TOP + 18, { width: textWidth, lineBreak: false }),
    );
    box.add(
      'Figure',
      () => drawQrCode(doc, url, { x: LEFT + QR_PADDING, y: BOX_TOP + QR_PADDING, size: QR_SIZE }),
      {
        alt: t.qrAlt(url),
        bbox: [
          LEFT + QR_PADDING,
          BOX_TOP + QR_PADDING,
          LEFT + QR_PADDING + QR_SIZE,
          BOX_TOP + QR_PADDING + QR_SIZE,
        ],
        placement: 'Block',
      },
    );
    box.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(9)
        .fillColor(COLOR.text)
        .text(t.verifyText, textX, BOX_TOP + 36, { width: textWidth, height: 34, ellipsis: true }),
    );
    box.add('P', () => {
      doc
        .font(FONT.bold)
        .fontSize(8)
        .fillColor(COLOR.muted)
        .text(t.codeLabel, textX, BOX_TOP + 74, { width: textWidth, lineBreak: false });
      doc
        .font(FONT.mono)
        .fontSize(12)
        .fillColor(COLOR.text)
        .text(data.verificationCode, textX, BOX_TOP + 86, { width: textWidth, lineBreak: false });
    });
    box.add('Link', () =>
      doc
        .font(FONT.regular)
        .fontSize(8)
        .fillColor(COLOR.accent)
        .text(pdfText(url), textX, BOX_TOP + 104, {
          width: textWidth,
          height: 20,
          ellipsis: true,
          link: url,
        }),
    );
    box.add('P', () =>
      doc
        .font(FONT.regular)
        .fontSize(7)
        .fillColor(COLOR.muted)
        .text(
          t.signature({ kid: data.signingKeyId, jwksUrl: jwksUrl(data.publicUrl) }),
          textX,
          BOX_TOP + 126,
          { width: textWidth, height: 30, ellipsis: true },
        ),
    );
  });

  tag.add('P', () =>
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(pdfText(t.issuedBy(data.issuer)), LEFT, BOX_TOP + BOX_HEIGHT + 14, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      }),
  );

  doc.end();
  return bytes;
}

function assertRenderable(data: CertificatePdfData): void {
  for (const [name, value] of Object.entries({
    credits: data.credits,
    serialStart: data.serialStart,
    serialEnd: data.serialEnd,
    valueCents: data.valueCents,
  })) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`${name} must be a positive integer`);
  }
  if (data.serialEnd - data.serialStart + 1 !== data.credits)
    throw new RangeError('the serial range must hold exactly the credits');
  // The code goes into a URL and a QR code as it is.
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(data.verificationCode))
    throw new RangeError('verification code is not URL-safe');
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(data.signingKeyId))
    throw new RangeError('signing key id has unexpected characters');
  if (Number.isNaN(data.issuedAt.getTime())) throw new RangeError('issuedAt is not a date');
}
