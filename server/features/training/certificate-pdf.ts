import PDFDocument from 'pdfkit';
import { groupedCertificateCode } from '../../../shared/training/contract.ts';
import type { Translated } from '../../../shared/training/course.ts';
import { qrPng } from '../../platform/documents/qr-png.ts';
import type { CertificateRow } from './certificates.ts';

// A certificate as a printable landscape page: who completed which course with whom, when, and
// until when it is valid; a QR code and the code in letters lead to the public page that
// confirms it, so that anyone shown the paper can check it has not been made up or changed.

export type CertificateLanguage = 'en' | 'es';

const words: Record<
  CertificateLanguage,
  {
    heading: string;
    completed: string;
    on: (date: string) => string;
    validUntil: (date: string) => string;
    noExpiry: string;
    check: string;
    code: string;
  }
> = {
  en: {
    heading: 'Certificate of completion',
    completed: 'completed the course',
    on: (date) => `on ${date}`,
    validUntil: (date) => `Valid until ${date}`,
    noExpiry: 'This certificate does not expire.',
    check: 'Scan the code or open the link to check this certificate:',
    code: 'Certificate code',
  },
  es: {
    heading: 'Certificado de finalización',
    completed: 'completó el curso',
    on: (date) => `el ${date}`,
    validUntil: (date) => `Válido hasta el ${date}`,
    noExpiry: 'Este certificado no vence.',
    check: 'Escanee el código o abra el enlace para comprobar este certificado:',
    code: 'Código del certificado',
  },
};

const dateIn = (language: CertificateLanguage, date: Date) =>
  new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);

const textIn = (text: Translated, language: CertificateLanguage) =>
  text[language] ?? text.en ?? Object.values(text)[0] ?? '';

export function certificatePdf(
  row: CertificateRow,
  verifyUrl: string,
  language: CertificateLanguage,
): Promise<Buffer> {
  const say = words[language];
  const title = textIn(row.courseTitle, language);
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 54,
    info: { Title: `${say.heading}: ${title}`, Subject: row.organisationName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { width, height } = doc.page;
  doc
    .rect(27, 27, width - 54, height - 54)
    .lineWidth(2)
    .strokeColor('#1d4e89')
    .stroke();
  doc.y = 72;
  doc.font('Helvetica').fontSize(16).fillColor('#4a4f55');
  doc.text(row.organisationName, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(30).fillColor('#1d4e89');
  doc.text(say.heading, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(28).fillColor('#1f2328');
  doc.text(row.learnerName, { align: 'center' });
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(16).text(say.completed, { align: 'center' });
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(22).text(title, { align: 'center' });
  doc.moveDown(0.3);
  doc
    .font('Helvetica')
    .fontSize(16)
    .text(say.on(dateIn(language, row.issuedAt)), {
      align: 'center',
    });
  doc.moveDown(0.3);
  doc
    .fontSize(13)
    .fillColor('#4a4f55')
    .text(row.expiresAt ? say.validUntil(dateIn(language, row.expiresAt)) : say.noExpiry, {
      align: 'center',
    });

  const qrSide = 120;
  const bottom = height - 54 - qrSide - 10;
  doc.image(qrPng(verifyUrl, 6), 72, bottom, { width: qrSide, height: qrSide });
  const textLeft = 72 + qrSide + 20;
  const textWidth = width - textLeft - 72;
  doc.font('Helvetica').fontSize(12).fillColor('#1f2328');
  doc.text(say.check, textLeft, bottom + 18, { width: textWidth });
  doc.fillColor('#1d4e89').text(verifyUrl, { width: textWidth, link: verifyUrl });
  doc.moveDown(0.5);
  doc.fillColor('#1f2328').text(`${say.code}: ${groupedCertificateCode(row.code)}`, {
    width: textWidth,
  });
  doc.end();
  return done;
}
