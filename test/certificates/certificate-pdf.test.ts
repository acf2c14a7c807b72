import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { verificationUrl } from '../../src/lib/verification-url.js';
import { renderCertificatePdf } from '../../src/modules/certificates/certificate-pdf.js';
import { pdfText } from '../../src/modules/certificates/pdf-common.js';
import { decodeQrFromPdf, mappedCodePoints, readPdf } from './pdf-reader.js';
import { certificateData, CODE, PUBLIC_URL } from './sample-data.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('certificate PDF', () => {
  it('states the certificate in Dutch by default, on one A4 page', async () => {
    const pdf = await renderCertificatePdf(certificateData());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, flat, pages } = await readPdf(pdf);

    expect(pages).toBe(1);
    expect(text).toContain('Certificaat sociale impact');
    expect(text).toContain('Certificaatnummer IB-2026-000123');
    expect(text).toContain('Leverancier Bouwbedrijf De Vries & Zoën B.V.');
    expect(text).toContain('KvK-nummer 12345678');
    expect(text).toContain('Project Werkervaringsplekken Groen Doet Goed – Rotterdam-Zuid');
    expect(text).toContain('Initiatiefnemer Stichting Coöperatie Groenkracht');
    expect(text).toContain('Aantal credits 1.250');
    expect(text).toContain('Serienummers 1001–2250');
    expect(text).toContain('Waarde € 47.500,00');
    expect(text).toContain('Datum van uitgifte 22 november 2026');
    // The project in Dutch quotes, ë and – from the fixed texts
    expect(flat).toContain(
      '1.250 impactcredits heeft verworven in het project „Werkervaringsplekken Groen Doet Goed – Rotterdam-Zuid”',
    );
    expect(text).toContain('Bewijs van een financiële bijdrage');
    // What the credits fund, and the social-return sentence
    expect(text).toContain('Wat deze credits financieren');
    expect(flat).toContain('Twintig deelnemers uit de bijstand');
    expect(flat).toContain(
      'Beoogde resultaten van het project: betaald werk: 12; diploma: 8; dagbesteding: 20.',
    );
    expect(flat).toMatch(/mag worden ingezet voor het invullen van een social-returnverplichting/);
    // Verification: code in print, the link, the signing key
    expect(text).toContain(`Verificatiecode\n${CODE}`);
    expect(text).toContain(`${PUBLIC_URL}/verify/${CODE}`);
    expect(text).toContain('met sleutel k2026-11-a');
    expect(text).toContain(`${PUBLIC_URL}/.well-known/jwks.json`);
    expect(text).not.toMatch(/Supplier|Number of credits/);
  });

  it('writes € and a non-breaking space before a Dutch amount', async () => {
    const pdf = await renderCertificatePdf(certificateData());
    // The amount is the only text with a non-breaking space: its glyph is on the page.
    expect(mappedCodePoints(pdf)).toContain('00a0');
    expect(mappedCodePoints(await renderCertificatePdf(certificateData(), 'en'))).not.toContain(
      '00a0',
    );
    expect((await readPdf(pdf)).text).toContain('€ 47.500,00');
  });

  it('states the certificate in English on request', async () => {
    const pdf = await renderCertificatePdf(certificateData(), 'en');
    const { text, flat, pages } = await readPdf(pdf);

    expect(pages).toBe(1);
    expect(text).toContain('Social impact certificate');
    expect(text).toContain('Certificate number IB-2026-000123');
    expect(text).toContain('Supplier Bouwbedrijf De Vries & Zoën B.V.');
    expect(text).toContain('KvK number 12345678');
    expect(text).toContain('Number of credits 1,250');
    expect(text).toContain('Serial numbers 1001–2250');
    expect(text).toContain('Value €47,500.00');
    expect(text).toContain('Date of issue 22 November 2026');
    expect(flat).toContain(
      'in the project “Werkervaringsplekken Groen Doet Goed – Rotterdam-Zuid” by Stichting Coöperatie Groenkracht',
    );
    expect(flat).toContain(
      'Expected outcomes of the project: paid work: 12; diploma: 8; day activity: 20.',
    );
    expect(flat).toMatch(/may be used toward a social-return obligation/);
    expect(text).toContain(`Verification code\n${CODE}`);
    expect(text).toContain('with key k2026-11-a');
    expect(text).not.toMatch(/Leverancier|Waarde|november/);
  });

  it('dates the certificate by the Dutch calendar', async () => {
    // 23:30 UTC on 21 November is 00:30 on 22 November in Amsterdam.
    const { text } = await readPdf(
      await renderCertificatePdf(certificateData({ issuedAt: new Date('2026-11-21T23:30:00Z') })),
    );
    expect(text).toContain('Datum van uitgifte 22 november 2026');
  });

  it('has a QR code that a QR reader decodes to exactly the verification URL', async () => {
    const pdf = await renderCertificatePdf(certificateData());
    const qr = await decodeQrFromPdf(pdf);
    expect(qr?.data).toBe(`${PUBLIC_URL}/verify/${CODE}`);
    expect(qr?.bytes).toEqual([...Buffer.from(`${PUBLIC_URL}/verify/${CODE}`)]);

    // A longer public URL needs a larger symbol; it must still scan, and to its own code.
    const otherCode = '0123456789ABCDEFGHJKMNPQRS';
    const longUrl = 'https://verificatie.impactbeurs.example.nl/omgeving/acceptatie';
    const other = await renderCertificatePdf(
      certificateData({ publicUrl: `${longUrl}/`, verificationCode: otherCode }),
      'en',
    );
    expect((await decodeQrFromPdf(other))?.data).toBe(verificationUrl(longUrl, otherCode));
    expect(verificationUrl(`${longUrl}/`, otherCode)).toBe(`${longUrl}/verify/${otherCode}`);
  });

  it('renders the same data to the same bytes, dated by the issue date', async () => {
    const first = await renderCertificatePdf(certificateData());
    await sleep(15); // a renderer reading the clock would now write another /ID
    const second = await renderCertificatePdf(certificateData());
    expect(second.equals(first)).toBe(true);
    expect(sha256(second)).toBe(sha256(first));

    const { info } = await readPdf(first);
    expect(String(info.CreationDate)).toMatch(/^D:20261122093000/);
    // No ModDate: PDF/A wants the info dictionary to match the XMP, which has no ModifyDate.
    expect(info.ModDate).toBeUndefined();
    expect(info.Title).toBe('Certificaat sociale impact IB-2026-000123');

    // Any difference in the facts is a different document.
    const otherDay = await renderCertificatePdf(
      certificateData({ issuedAt: new Date('2026-11-23T09:30:00Z') }),
    );
    expect(otherDay.equals(first)).toBe(false);
    const english = await renderCertificatePdf(certificateData(), 'en');
    expect(english.equals(first)).toBe(false);
  });

  it('changes its SHA-256 when a single byte changes', async () => {
    const pdf = await renderCertificatePdf(certificateData());
    const original = sha256(pdf);
    for (const position of [0, Math.floor(pdf.length / 2), pdf.length - 1]) {
      const copy = Buffer.from(pdf);
      copy[position] = copy[position]! ^ 0x01;
      expect(sha256(copy)).not.toBe(original);
    }
    // A change a viewer would hardly notice: one digit of the number in the document info.
    const source = pdf.toString('latin1');
    const at = source.indexOf('IB-2026-000123');
    expect(at).toBeGreaterThan(0);
    const forged = Buffer.from(pdf);
    forged[at + 13] = '4'.charCodeAt(0);
    expect(sha256(forged)).not.toBe(original);
    expect(sha256(Buffer.from(pdf))).toBe(original);
  });

  it('keeps to one page with the longest texts the data allows', async () => {
    const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');
    const pdf = await renderCertificatePdf(
      certificateData({
        supplier: { name: long('Aannemingsmaatschappij', 8), kvkNumber: '87654321' },
        project: {
          title: long('Werkervaringstrajecten', 9).slice(0, 200),
          summary: long('Deelnemers werken aan hun toekomst met begeleiding.', 20),
          expectedOutcomes: [
            { outcomeType: 'paid_work', expectedCount: 100000 },
            { outcomeType: 'diploma', expectedCount: 100000 },
            { outcomeType: 'internship', expectedCount: 100000 },
            { outcomeType: 'driving_licence', expectedCount: 100000 },
            { outcomeType: 'retraining', expectedCount: 100000 },
            { outcomeType: 'job', expectedCount: 100000 },
            { outcomeType: 'day_activity', expectedCount: 100000 },
            { outcomeType: 'other', expectedCount: 100000 },
          ],
        },
        initiative: { name: long('Maatschappelijke', 8) },
        publicUrl:
          'https://a-rather-long-host-name.verificatie.impactbeurs.example.nl/some/base/path',
        credits: 2_000_000,
        serialStart: 98_000_001,
        serialEnd: 100_000_000,
        valueCents: 7_600_000_000,
      }),
    );
    const { text, pages } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Waarde € 76.000.000,00');
    expect(text).toContain('Serienummers 98000001–100000000');
    expect(text).toContain(CODE);
  });

  it('prints a name outside Latin-1 exactly as registered', async () => {
    const name = 'Doğan & Yıldız Bouw Ĳsselmonde – Łódź Śląsk Kőszeg B.V.';
    expect(pdfText(name)).toBe(name);
    expect(pdfText('Ελληνική Εταιρεία Α.Ε. – Българска Компания ЕООД')).toBe(
      'Ελληνική Εταιρεία Α.Ε. – Българска Компания ЕООД',
    );
    // A decomposed ö (o + combining diaeresis) prints as the one letter.
    expect(pdfText('Zo\u0308n')).toBe('Z\u00f6n');
    expect(pdfText('tab\there\u200b, 5\u202f000')).toBe('tab here, 5\u202f000');
    // What the font cannot draw at all is a question mark, never an empty box.
    expect(pdfText('日本')).toBe('??');

    for (const lang of ['nl', 'en'] as const) {
      const pdf = await renderCertificatePdf(
        certificateData({ supplier: { name, kvkNumber: '12345678' } }),
        lang,
      );
      const { text, flat } = await readPdf(pdf);
      expect(text).toContain(`${lang === 'nl' ? 'Leverancier' : 'Supplier'} ${name}`);
      expect(flat).toContain(
        lang === 'nl' ? `bevestigd dat ${name} 1.250` : `certifies that ${name} has acquired`,
      );
    }
  });

  it('refuses data that would print a wrong certificate', async () => {
    await expect(renderCertificatePdf(certificateData({ serialEnd: 2249 }))).rejects.toThrow(
      /serial range/,
    );
    await expect(
      renderCertificatePdf(certificateData({ credits: 0, serialEnd: 1000 })),
    ).rejects.toThrow(/credits/);
    await expect(
      renderCertificatePdf(certificateData({ verificationCode: 'ab/../cd?x=1234567890' })),
    ).rejects.toThrow(/URL-safe/);
  });
});
