import type { QuarterFigures } from '../../../shared/measurement/contract.ts';
import { SCALE_MAX, SCALE_MIN } from '../../../shared/measurement/item-bank.ts';
import type { ReportWords } from './report-words.ts';

// The report's trend chart, drawn with pdfkit's paths: the trust index of each quarter as a dot
// on a 1 to 5 scale, joined by a line, with its 95% interval as a whisker through it. A quarter
// whose figures are hidden has no dot, only the word under its label; the table beside the chart
// gives the same figures in words.

const HEIGHT = 150;
const AXIS_WIDTH = 24;
const LABEL_SPACE = 26;
const INK = '#1f2328';
const MUTED = '#6a737d';
const GRID = '#d0d7de';
const LINE = '#0b5cad';

export function drawTrendChart(
  doc: PDFKit.PDFDocument,
  trend: readonly QuarterFigures[],
  words: Pick<ReportWords, 'quarter' | 'hiddenShort'>,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (doc.y + HEIGHT + LABEL_SPACE > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 6;
  const plotLeft = left + AXIS_WIDTH;
  const plotWidth = width - AXIS_WIDTH;
  const yOf = (value: number) =>
    top + HEIGHT - ((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * HEIGHT;
  const step = plotWidth / Math.max(trend.length, 1);
  const xOf = (index: number) => plotLeft + step * (index + 0.5);

  doc.save();
  doc.font('Helvetica').fontSize(8).lineWidth(0.5);
  for (let value = SCALE_MIN; value <= SCALE_MAX; value++) {
    doc
      .moveTo(plotLeft, yOf(value))
      .lineTo(plotLeft + plotWidth, yOf(value))
      .strokeColor(GRID)
      .stroke();
    doc.fillColor(MUTED).text(String(value), left, yOf(value) - 4, {
      width: AXIS_WIDTH - 6,
      align: 'right',
      lineBreak: false,
    });
  }

  // Runs of consecutive quarters with a figure: the line breaks where a quarter has none.
  const runs: { x: number; y: number }[][] = [[]];
  trend.forEach((each, index) => {
    const x = xOf(index);
    doc.fillColor(MUTED).text(words.quarter(each.quarter), x - step / 2, top + HEIGHT + 6, {
      width: step,
      align: 'center',
      lineBreak: false,
    });
    const figures = each.figures;
    if ('hidden' in figures || !figures.trust) runs.push([]);
    if ('hidden' in figures) {
      doc.text(words.hiddenShort, x - step / 2, top + HEIGHT + 16, {
        width: step,
        align: 'center',
        lineBreak: false,
      });
      return;
    }
    if (!figures.trust) return;
    const { mean, interval } = figures.trust;
    if (interval) {
      const low = yOf(Math.max(SCALE_MIN, interval.lower));
      const high = yOf(Math.min(SCALE_MAX, interval.upper));
      doc.lineWidth(1).strokeColor(INK);
      doc.moveTo(x, low).lineTo(x, high).stroke();
      doc
        .moveTo(x - 4, low)
        .lineTo(x + 4, low)
        .stroke();
      doc
        .moveTo(x - 4, high)
        .lineTo(x + 4, high)
        .stroke();
    }
    runs.at(-1)?.push({ x, y: yOf(mean) });
  });

  for (const [first, ...rest] of runs) {
    if (!first) continue;
    if (rest.length > 0) {
      doc.lineWidth(1.5).strokeColor(LINE).moveTo(first.x, first.y);
      for (const point of rest) doc.lineTo(point.x, point.y);
      doc.stroke();
    }
    for (const point of [first, ...rest]) doc.circle(point.x, point.y, 3.5).fillColor(LINE).fill();
  }
  doc.restore();
  doc.x = left;
  doc.y = top + HEIGHT + LABEL_SPACE + 6;
}
