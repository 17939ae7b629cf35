import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type {
  Comparison,
  Dashboard,
  GroupFigures,
  reportQuery,
  SupportedLanguage,
} from '../../../shared/measurement/contract.ts';
import { type Construct, surveyKinds } from '../../../shared/measurement/item-bank.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorizeMeasurement, chosenQuarters, programToday, readDashboard } from './dashboard.ts';
import { drawTrendChart } from './report-chart.ts';
import { formatsFor, heading, INK, MARGIN, MUTED, paragraph, table } from './report-layout.ts';
import { type Magnitude, type ReportWords, reportWords } from './report-words.ts';

// A program's printable report for one quarter (Letter, Helvetica): for each kind of survey that
// anyone answered in the last two years, a summary in plain words, the trend as a chart and as a
// table, the quarter's favourable shares, the breakdowns by role and by neighbourhood, and the
// comparison with the quarter before, its effect size in words. Then what the small-group rule
// hid, and how to read the intervals. Its figures are the dashboard's, hidden ones included.

export type ReportQuery = z.output<typeof reportQuery>;

function magnitudeOf(g: number): Magnitude {
  const size = Math.abs(g);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}

/** A comparison in words, or null when it has no figures. */
function changeInWords(comparison: Comparison, words: ReportWords): string | null {
  const { difference, effectSize } = comparison;
  if (!difference || !effectSize) return null;
  const clear = difference.lower > 0 || difference.upper < 0;
  return words.changeWords(magnitudeOf(effectSize.estimate), difference.estimate > 0, clear);
}

/** One kind's section; returns what it hid, in words. */
function section(
  doc: PDFKit.PDFDocument,
  dashboard: Dashboard,
  language: SupportedLanguage,
): string[] {
  const words = reportWords[language];
  const format = formatsFor(language);
  const kind = words.kinds[dashboard.kind];
  const quarterName = words.quarter(dashboard.quarter);
  const hidden: string[] = [];
  const hide = (what: string, figures: GroupFigures) => {
    if (!('hidden' in figures)) return;
    hidden.push(
      figures.hidden === 'below_threshold'
        ? words.hiddenBelow(what, dashboard.threshold)
        : words.hiddenProtects(what),
    );
  };
  const groupRow = (name: string, figures: GroupFigures): string[] =>
    'hidden' in figures
      ? [name, words.hiddenShort, '', '']
      : [
          name,
          String(figures.n),
          figures.trust ? format.mean(figures.trust.mean) : '',
          format.interval(figures.trust?.interval ?? null, format.mean),
        ];

  heading(doc, kind, 15);
  const current = dashboard.trend.at(-1)?.figures;
  if (current && 'hidden' in current) {
    paragraph(doc, words.summaryHidden(dashboard.threshold, quarterName));
  } else if (current) {
    const trust = current.trust && format.mean(current.trust.mean);
    paragraph(doc, words.summary(current.n, quarterName, trust));
  }
  for (const comparison of dashboard.comparisons) {
    const change = changeInWords(comparison, words);
    if (comparison.from === 'before') {
      if (change) paragraph(doc, words.beforeAfter(change));
    } else {
      const from = words.quarter(comparison.from);
      paragraph(doc, change ? words.change(from, quarterName, change) : words.noChange(from));
    }
  }
  if (dashboard.responseRate) {
    const rate = dashboard.responseRate;
    paragraph(doc, words.responseRate(format.percent(rate.favourable), rate.n));
  }
  if (dashboard.agreementCompletion) {
    const rate = dashboard.agreementCompletion;
    paragraph(doc, words.agreements(format.percent(rate.favourable), rate.n));
  }

  heading(doc, words.trendHeading, 11);
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(words.chartNote, MARGIN);
  drawTrendChart(doc, dashboard.trend, words);
  const { columns } = words;
  table(
    doc,
    [120, 80, 100, 150],
    dashboard.trend.map((each) => {
      hide(`${kind}, ${words.quarter(each.quarter)}`, each.figures);
      return groupRow(words.quarter(each.quarter), each.figures);
    }),
    [columns.quarter, columns.people, columns.trust, columns.interval],
  );

  if (current && !('hidden' in current)) {
    const constructs = Object.entries(current.constructs);
    if (constructs.length > 0) {
      heading(doc, words.constructHeading, 11);
      table(
        doc,
        [200, 100, 150],
        constructs.map(([construct, figure]) => [
          words.constructs[construct as Construct],
          format.percent(figure.favourable),
          format.interval(figure.interval, format.percent),
        ]),
        [columns.group, words.favourable, columns.interval],
      );
    }
  }
  const breakdowns = [
    {
      title: words.byRoleGroup,
      groups: dashboard.byRoleGroup,
      name: (key: string) => words.roleGroups[key as keyof ReportWords['roleGroups']] ?? key,
    },
    { title: words.byNeighbourhood, groups: dashboard.byNeighbourhood, name: (key: string) => key },
  ];
  for (const { title, groups, name } of breakdowns) {
    if (groups.length === 0) continue;
    heading(doc, `${title} (${quarterName})`, 11);
    table(
      doc,
      [200, 80, 100, 150],
      groups.map((figures) => {
        hide(`${kind}, ${quarterName}, ${name(figures.key)}`, figures);
        return groupRow(name(figures.key), figures);
      }),
      [columns.group, columns.people, columns.trust, columns.interval],
    );
  }
  return hidden;
}

export function renderReport(
  programName: string,
  query: ReportQuery,
  dashboards: readonly Dashboard[],
  today: string,
): Promise<Buffer> {
  const words = reportWords[query.language];
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: `${words.title}: ${programName}, ${query.quarter}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(words.title);
  doc.font('Helvetica').fontSize(13).fillColor(MUTED).text(programName);
  doc.text(words.quarterTitle(query.quarter)).fontSize(9).text(words.generated(today)).moveDown();
  const hidden = dashboards.flatMap((dashboard) => section(doc, dashboard, query.language));
  if (dashboards.length === 0) paragraph(doc, words.noResponses);
  heading(doc, words.hiddenHeading, 13);
  for (const line of hidden.length > 0 ? hidden : [words.nothingHidden]) {
    paragraph(doc, line);
  }
  heading(doc, words.readingHeading, 13);
  for (const line of words.reading) paragraph(doc, line);
  doc.end();
  return done;
}

/** GET /api/programs/:programId/measurement/report.pdf. */
export async function quarterReport(
  db: Database,
  actor: SignedIn,
  programId: string,
  query: ReportQuery,
): Promise<Buffer> {
  const program = await authorizeMeasurement(db, actor, programId, 'measurement.export');
  const today = await programToday(db, programId);
  if (today === undefined) throw new NotFoundError('There is no such program.');
  // Refused before any kind is read: the quarter must have ended, as on the dashboard.
  chosenQuarters({ quarter: query.quarter }, today);
  const dashboards: Dashboard[] = [];
  for (const kind of surveyKinds) {
    const dashboard = await readDashboard(db, programId, { kind, quarter: query.quarter }, today);
    const answered = dashboard.trend.some((each) => 'hidden' in each.figures || each.figures.n > 0);
    if (answered) dashboards.push(dashboard);
  }
  return renderReport(program.name, query, dashboards, today);
}
