import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall } from '../measurement/suppression.ts';
import { type AgeBand, ageBands, isMinorBand } from './contract.ts';
import {
  type ConsentTally,
  consentTallies,
  type ReportFigure,
  type YouthReport,
  type YouthReportCounts,
  youthReportFrom,
} from './report.ts';

// The youth report over random programs, read as an attacker would: every shown figure, and
// every sum the tables let one work out (a total minus its shown rows, the minors' count
// through either table), must be 0 or at least the threshold.

const small = fc.integer({ min: 0, max: 14 });
const count = fc.oneof(small, fc.integer({ min: 0, max: 60 }));

/** Counts that fit together: the consent rows add up to the minor bands. */
const programCounts = fc
  .record({
    byBand: fc.record(
      Object.fromEntries(ageBands.map((band) => [band, count])) as Record<AgeBand, typeof count>,
    ),
    consentShares: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    activePairs: count,
    meetingsLast90Days: count,
    twoAdultsShare: fc.double({ min: 0, max: 1, noNaN: true }),
    eventsHeld: count,
    attendance: count,
    concernsRaised: count,
    closedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    threshold: fc.integer({ min: 2, max: 12 }),
  })
  .map((drawn) => {
    const minors = ageBands.filter(isMinorBand).reduce((sum, band) => sum + drawn.byBand[band], 0);
    const weights = drawn.consentShares.map((share) => share + 1);
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
    const consent = Object.fromEntries(consentTallies.map((status) => [status, 0])) as Record<
      ConsentTally,
      number
    >;
    let left = minors;
    consentTallies.forEach((status, index) => {
      const share =
        index === consentTallies.length - 1
          ? left
          : Math.min(left, Math.floor((minors * (weights[index] ?? 0)) / weightSum));
      consent[status] = share;
      left -= share;
    });
    const counts: YouthReportCounts = {
      byBand: drawn.byBand,
      consent,
      activePairs: drawn.activePairs,
      meetingsLast90Days: drawn.meetingsLast90Days,
      meetingsWithTwoAdults: Math.floor(drawn.meetingsLast90Days * drawn.twoAdultsShare),
      eventsHeld: drawn.eventsHeld,
      attendance: drawn.attendance,
      concernsRaised: drawn.concernsRaised,
      concernsClosed: Math.floor(drawn.concernsRaised * drawn.closedShare),
    };
    return { counts, threshold: drawn.threshold };
  });

const bandsInRange = fc.subarray([...ageBands]);

const shownN = (figure: ReportFigure): number | null => ('n' in figure ? figure.n : null);

/** Every figure of the report beside the true count it stands for. */
function everyFigure(report: YouthReport, counts: YouthReportCounts): [ReportFigure, number][] {
  const minors = ageBands.filter(isMinorBand).reduce((sum, b) => sum + (counts.byBand[b] ?? 0), 0);
  const total = ageBands.reduce((sum, band) => sum + (counts.byBand[band] ?? 0), 0);
  return [
    [report.youngPeople.total, total],
    ...report.youngPeople.byBand.map(({ band, figure }): [ReportFigure, number] => [
      figure,
      counts.byBand[band] ?? 0,
    ]),
    [report.consent.minors, minors],
    ...report.consent.byStatus.map(({ status, figure }): [ReportFigure, number] => [
      figure,
      counts.consent[status],
    ]),
    [report.mentoring.activePairs, counts.activePairs],
    [report.mentoring.meetingsLast90Days, counts.meetingsLast90Days],
    [report.mentoring.meetingsWithTwoAdults, counts.meetingsWithTwoAdults],
    [report.events.held, counts.eventsHeld],
    [report.events.attendance, counts.attendance],
    [report.concerns.raised, counts.concernsRaised],
    [report.concerns.closed, counts.concernsClosed],
  ];
}

/** The sums the attacker can work out from what is shown, each as [what, value]. */
function derivableSums(report: YouthReport, counts: YouthReportCounts): [string, number][] {
  const sums: [string, number][] = [];
  const rows = report.youngPeople.byBand;
  const hiddenOf = (minor: boolean) =>
    rows
      .filter(({ band, figure }) => isMinorBand(band) === minor && !('n' in figure))
      .reduce((sum, { band }) => sum + (counts.byBand[band] ?? 0), 0);
  const allShown = (figures: ReportFigure[]) => figures.every((figure) => 'n' in figure);

  const total = shownN(report.youngPeople.total);
  if (total !== null) sums.push(['hidden bands', hiddenOf(true) + hiddenOf(false)]);

  const minorRows = rows.filter(({ band }) => isMinorBand(band)).map(({ figure }) => figure);
  const adultRows = rows.filter(({ band }) => !isMinorBand(band)).map(({ figure }) => figure);
  const consentRows = report.consent.byStatus.map(({ figure }) => figure);
  // The minors' count is known when either table shows it, or gives it by adding up.
  const minorsKnown =
    'n' in report.consent.minors ||
    allShown(minorRows) ||
    allShown(consentRows) ||
    (total !== null && allShown(adultRows));
  if (minorsKnown) {
    sums.push(['hidden minor bands', hiddenOf(true)]);
    const hiddenConsent = report.consent.byStatus
      .filter(({ figure }) => !('n' in figure))
      .reduce((sum, { status }) => sum + counts.consent[status], 0);
    sums.push(['hidden consent rows', hiddenConsent]);
    if (total !== null) sums.push(['hidden adult bands', hiddenOf(false)]);
  }
  const pairs: [string, ReportFigure, ReportFigure, number][] = [
    [
      'meetings without two adults',
      report.mentoring.meetingsLast90Days,
      report.mentoring.meetingsWithTwoAdults,
      counts.meetingsLast90Days - counts.meetingsWithTwoAdults,
    ],
    [
      'concerns still open',
      report.concerns.raised,
      report.concerns.closed,
      counts.concernsRaised - counts.concernsClosed,
    ],
  ];
  for (const [what, whole, part, rest] of pairs) {
    if ('n' in whole && 'n' in part) sums.push([what, rest]);
  }
  return sums;
}

describe('youthReportFrom', () => {
  it('shows no figure for a group of 1 to threshold-1, and shows true counts', () => {
    fc.assert(
      fc.property(programCounts, bandsInRange, ({ counts, threshold }, bands) => {
        const report = youthReportFrom(counts, bands, threshold);
        for (const [figure, truth] of everyFigure(report, counts)) {
          const n = shownN(figure);
          if (n === null) continue;
          expect(n).toBe(truth);
          expect(isSmall(n, threshold)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lets no small group be worked out by subtracting shown figures from a total', () => {
    fc.assert(
      fc.property(programCounts, bandsInRange, ({ counts, threshold }, bands) => {
        const report = youthReportFrom(counts, bands, threshold);
        for (const [what, sum] of derivableSums(report, counts)) {
          expect({ what, small: isSmall(sum, threshold) }).toEqual({ what, small: false });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shows the totals once the program is large enough, with each band', () => {
    const counts: YouthReportCounts = {
      byBand: { '12-13': 14, '14-15': 22, '16-17': 11, '18-20': 12 },
      consent: { current: 30, waiting: 10, declined: 0, withdrawn: 0, lapsed: 7 },
      activePairs: 12,
      meetingsLast90Days: 40,
      meetingsWithTwoAdults: 40,
      eventsHeld: 0,
      attendance: 0,
      concernsRaised: 3,
      concernsClosed: 0,
    };
    const report = youthReportFrom(counts, ['12-13', '14-15', '16-17', '18-20'], 10);
    expect(report.youngPeople.total).toEqual({ n: 59 });
    expect(report.youngPeople.byBand.map(({ figure }) => figure)).toEqual([
      { n: 14 },
      { n: 22 },
      { n: 11 },
      { n: 12 },
    ]);
    expect(report.consent.minors).toEqual({ n: 47 });
    // 7 lapsed is a small group; the next smallest row goes with it, or 47 - 40 would give it.
    expect(report.consent.byStatus.map(({ figure }) => figure)).toEqual([
      { n: 30 },
      { hidden: 'complementary' },
      { n: 0 },
      { n: 0 },
      { hidden: 'below_threshold' },
    ]);
    expect(report.mentoring.meetingsWithTwoAdults).toEqual({ n: 40 });
    expect(report.events).toEqual({ held: { n: 0 }, attendance: { n: 0 } });
    // 3 raised is a small group, and so is what is left of it beside any count of closed ones.
    expect(report.concerns).toEqual({
      raised: { hidden: 'below_threshold' },
      closed: { hidden: 'nested_complement' },
    });
  });

  it('hides every figure of a program of a few young people', () => {
    const counts: YouthReportCounts = {
      byBand: { '14-15': 3, '18-20': 2 },
      consent: { current: 2, waiting: 1, declined: 0, withdrawn: 0, lapsed: 0 },
      activePairs: 1,
      meetingsLast90Days: 4,
      meetingsWithTwoAdults: 4,
      eventsHeld: 2,
      attendance: 5,
      concernsRaised: 1,
      concernsClosed: 1,
    };
    const report = youthReportFrom(counts, ['14-15', '16-17', '18-20'], 10);
    const shown = everyFigure(report, counts).flatMap(([figure]) => {
      const n = shownN(figure);
      return n === null ? [] : [n];
    });
    expect(shown.every((n) => n === 0)).toBe(true);
    expect(report.youngPeople.byBand.map(({ band }) => band)).toEqual(['14-15', '16-17', '18-20']);
  });

  it('refuses consent counts that do not add up to the minors', () => {
    const counts: YouthReportCounts = {
      byBand: { '14-15': 12 },
      consent: { current: 11, waiting: 0, declined: 0, withdrawn: 0, lapsed: 0 },
      activePairs: 0,
      meetingsLast90Days: 0,
      meetingsWithTwoAdults: 0,
      eventsHeld: 0,
      attendance: 0,
      concernsRaised: 0,
      concernsClosed: 0,
    };
    expect(() => youthReportFrom(counts, ['14-15'], 10)).toThrow(RangeError);
  });
});
