import type {
  Comparison,
  Dashboard,
  GroupFigures,
  ProportionFigure,
} from '../../../shared/measurement/contract.ts';
import type { SuppressionReason } from '../../../shared/measurement/suppression.ts';
import type { Interval } from '../../../shared/statistics/interval.ts';
import { csvCell } from '../../platform/http/csv.ts';

// A dashboard as a spreadsheet: one row per figure (quarter, group, n, figure, estimate, lower,
// upper), the same figures as the page and nothing more. A hidden group's cells say so in
// words, never with a number, not even a 0 or a blank a formula could fill. Text cells (a
// neighbourhood is typed by a coordinator) are guarded against formulas; numbers are written
// as numbers, a negative change included.

type Cell = string | number;
const BOM = '\uFEFF';
const header = ['quarter', 'group', 'n', 'figure', 'estimate', 'lower', 'upper'];

const numberCell = (value: number) => `"${Number.isInteger(value) ? value : value.toFixed(4)}"`;
const line = (cells: readonly Cell[]) =>
  cells.map((cell) => (typeof cell === 'number' ? numberCell(cell) : csvCell(cell))).join(',');

export function hiddenWords(reason: SuppressionReason, threshold: number): string {
  return reason === 'below_threshold'
    ? `hidden (fewer than ${threshold})`
    : 'hidden (protects a smaller group)';
}

const intervalCells = (interval: Interval | null): Cell[] =>
  interval ? [interval.lower, interval.upper] : ['', ''];

function groupRows(quarter: string, group: string, figures: GroupFigures, threshold: number) {
  if ('hidden' in figures) {
    const words = hiddenWords(figures.hidden, threshold);
    return [[quarter, group, words, 'all figures', words, words, words]];
  }
  const rows: Cell[][] = [[quarter, group, figures.n, 'respondents', '', '', '']];
  if (figures.trust) {
    const { n, mean, interval } = figures.trust;
    rows.push([quarter, group, n, 'trust index (mean, 1 to 5)', mean, ...intervalCells(interval)]);
  }
  for (const [construct, figure] of Object.entries(figures.constructs)) {
    rows.push([
      quarter,
      group,
      figure.n,
      `${construct}: favourable share`,
      figure.favourable,
      ...intervalCells(figure.interval),
    ]);
  }
  return rows;
}

function rateRow(quarter: string, what: string, rate: ProportionFigure | null, threshold: number) {
  if (!rate) {
    const words = `hidden (fewer than ${threshold})`;
    return [quarter, 'all', words, what, words, words, words];
  }
  return [quarter, 'all', rate.n, what, rate.favourable, ...intervalCells(rate.interval)];
}

function comparisonRows(quarter: string, comparison: Comparison): Cell[][] {
  const group = comparison.from === 'before' ? 'training' : 'all';
  const what = `from ${comparison.from} to ${comparison.to}`;
  const figure = (name: string, value: Interval | null): Cell[] =>
    value
      ? [quarter, group, '', name, value.estimate, value.lower, value.upper]
      : [quarter, group, '', name, 'not available', 'not available', 'not available'];
  return [
    figure(`trust index change ${what}`, comparison.difference),
    figure(`effect size (Hedges' g) ${what}`, comparison.effectSize),
  ];
}

export function dashboardCsv(dashboard: Dashboard): string {
  const { quarter, threshold } = dashboard;
  const rows: Cell[][] = [
    ...dashboard.trend.flatMap((each) => groupRows(each.quarter, 'all', each.figures, threshold)),
    ...dashboard.byRoleGroup.flatMap((figures) =>
      groupRows(quarter, `role group: ${figures.key}`, figures, threshold),
    ),
    ...dashboard.byNeighbourhood.flatMap((figures) =>
      groupRows(quarter, `neighbourhood: ${figures.key}`, figures, threshold),
    ),
    ...dashboard.comparisons.flatMap((comparison) => comparisonRows(quarter, comparison)),
    rateRow(quarter, 'response rate', dashboard.responseRate, threshold),
    rateRow(quarter, 'agreement items done', dashboard.agreementCompletion, threshold),
  ];
  return `${BOM}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}
