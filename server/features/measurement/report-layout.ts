import type { SupportedLanguage } from '../../../shared/measurement/contract.ts';
import type { Interval } from '../../../shared/statistics/interval.ts';

// The printed report's page furniture: headings, paragraphs and tables of text at fixed columns,
// each moving to a new page rather than splitting a row, and numbers as the reader's language
// writes them (3,9 and 75 % in Spanish).

export const MARGIN = 54;
export const INK = '#1f2328';
export const MUTED = '#4a4f55';

interface Formats {
  mean(value: number): string;
  percent(value: number): string;
  interval(interval: Interval | null, as: (value: number) => string): string;
}

export function formatsFor(language: SupportedLanguage): Formats {
  const decimal = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  return {
    mean: (value) => decimal.format(value),
    percent: (value) => percent.format(value),
    interval: (interval, as) => (interval ? `${as(interval.lower)} – ${as(interval.upper)}` : ''),
  };
}

/** Rows of text at fixed columns; a new page when the next row would not fit. */
export function table(
  doc: PDFKit.PDFDocument,
  widths: number[],
  rows: string[][],
  header: string[],
) {
  const draw = (cells: string[], bold: boolean) => {
    if (doc.y + 16 > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK);
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 80;
      doc.text(cell, x, y, { width: width - 6, lineBreak: false, ellipsis: true });
      x += width;
    });
    doc.x = MARGIN;
    doc.y = y + 14;
  };
  draw(header, true);
  for (const row of rows) draw(row, false);
  doc.moveDown(0.6);
}

export function heading(doc: PDFKit.PDFDocument, text: string, size: number) {
  if (doc.y + size * 4 > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.3);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string) {
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(text, MARGIN).moveDown(0.4);
}
