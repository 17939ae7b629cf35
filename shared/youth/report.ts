import { z } from 'zod';
import {
  type Decision,
  decideFilteredFigure,
  isSmall,
  type SuppressionReason,
  suppressBreakdown,
} from '../measurement/suppression.ts';
import { type AgeBand, ageBands, isMinorBand } from './contract.ts';

// A youth program's report: counts only, never a name, a word written or who did what, and no
// figure for a group of 1 to threshold-1, not even by subtracting shown figures. Every decision
// is made by shared/measurement/suppression.ts, the one small-group protection of Restorativ.
//
// Two tables cover the same young people: by age band (everyone) and by consent (the minors).
// The minors' count links them: it is the sum of the minor bands, and the sum of the consent
// rows. It is shown (in either table) only when showing it splits no hidden group of bands into
// a small part; otherwise every consent row that is not empty is hidden with it.

/** Where a minor's consent stands; a minor not asked yet counts as waiting, as they do wait. */
export const consentTallies = ['current', 'waiting', 'declined', 'withdrawn', 'lapsed'] as const;
export type ConsentTally = (typeof consentTallies)[number];

/** What the server counts, with SQL aggregates: plain numbers, no row of a person. */
export interface YouthReportCounts {
  /** Young people of the program now, by age band; bands left out have no one. */
  byBand: Partial<Record<AgeBand, number>>;
  /** The minors by where their consent stands; these add up to the minor bands' people. */
  consent: Record<ConsentTally, number>;
  activePairs: number;
  meetingsLast90Days: number;
  /** Of those meetings, the ones where someone besides the mentor and young person was named. */
  meetingsWithTwoAdults: number;
  eventsHeld: number;
  attendance: number;
  concernsRaised: number;
  /** Of the concerns raised, those closed. */
  concernsClosed: number;
}

const hiddenFigure = z.object({
  hidden: z.enum([
    'below_threshold',
    'complementary',
    'small_remainder',
    'linked',
    'nested_complement',
  ] satisfies SuppressionReason[]),
});
/** A count, or why it is not shown. */
export const reportFigure = z.union([z.object({ n: z.number().int().min(0) }), hiddenFigure]);
export type ReportFigure = z.infer<typeof reportFigure>;

/** GET /api/programs/:programId/youth-report */
export const youthReport = z.object({
  threshold: z.number().int(),
  youngPeople: z.object({
    total: reportFigure,
    byBand: z.array(z.object({ band: z.enum(ageBands), figure: reportFigure })),
  }),
  consent: z.object({
    minors: reportFigure,
    byStatus: z.array(z.object({ status: z.enum(consentTallies), figure: reportFigure })),
  }),
  mentoring: z.object({
    activePairs: reportFigure,
    meetingsLast90Days: reportFigure,
    meetingsWithTwoAdults: reportFigure,
  }),
  events: z.object({ held: reportFigure, attendance: reportFigure }),
  concerns: z.object({ raised: reportFigure, closed: reportFigure }),
});
export type YouthReport = z.infer<typeof youthReport>;

/** A figure is shown only when a decision says so; a missing decision hides it. */
const figureOf = (decision: Decision | undefined, n: number): ReportFigure =>
  decision?.shown ? { n } : { hidden: decision?.reason ?? 'linked' };

/** A count standing alone: hidden when it is 1 to threshold-1. */
const alone = (n: number, threshold: number): ReportFigure =>
  figureOf(decideFilteredFigure({ n, containingNs: [], threshold }), n);

/** A count that is part of another shown count: hidden too when the rest would be small. */
const within = (n: number, whole: number, threshold: number): ReportFigure =>
  figureOf(decideFilteredFigure({ n, containingNs: [whole], threshold }), n);

/**
 * The report from the counts, with every small group hidden. `bandsInRange` are the bands the
 * program is for, listed even when empty; a band with people outside them is listed too.
 */
export function youthReportFrom(
  counts: YouthReportCounts,
  bandsInRange: readonly AgeBand[],
  threshold: number,
): YouthReport {
  const bands = ageBands.filter(
    (band) => bandsInRange.includes(band) || (counts.byBand[band] ?? 0) > 0,
  );
  const cells = bands.map((band) => ({ key: band, n: counts.byBand[band] ?? 0 }));
  const total = cells.reduce((sum, cell) => sum + cell.n, 0);
  const byBand = suppressBreakdown({ cells, total, threshold });

  const minors = cells.filter((cell) => isMinorBand(cell.key));
  const minorCount = minors.reduce((sum, cell) => sum + cell.n, 0);
  const consentSum = consentTallies.reduce((sum, status) => sum + counts.consent[status], 0);
  if (consentSum !== minorCount) {
    throw new RangeError(`The consents add up to ${consentSum}, not the ${minorCount} minors.`);
  }
  const hiddenSum = (adults: boolean) =>
    cells.reduce((sum, cell, index) => {
      const hidden = !byBand.cells[index]?.decision.shown;
      return sum + (hidden && isMinorBand(cell.key) !== adults ? cell.n : 0);
    }, 0);
  // Showing the minors' count tells how the hidden bands split between minors and adults.
  const minorsDecision: Decision = isSmall(minorCount, threshold)
    ? { shown: false, reason: 'below_threshold' }
    : isSmall(hiddenSum(false), threshold) || isSmall(hiddenSum(true), threshold)
      ? { shown: false, reason: 'nested_complement' }
      : { shown: true };
  const byStatus = suppressBreakdown({
    cells: consentTallies.map((status) => ({ key: status, n: counts.consent[status] })),
    total: minorCount,
    threshold,
  });
  const consentFigure = (status: ConsentTally, index: number): ReportFigure => {
    const n = counts.consent[status];
    // Rows that all showed would add up to the minors' count, which must stay hidden.
    if (!minorsDecision.shown && n > 0) return { hidden: 'nested_complement' };
    return figureOf(byStatus.cells[index]?.decision, n);
  };

  return {
    threshold,
    youngPeople: {
      total: figureOf(byBand.total, total),
      byBand: cells.map((cell, index) => ({
        band: cell.key,
        figure: figureOf(byBand.cells[index]?.decision, cell.n),
      })),
    },
    consent: {
      minors: figureOf(minorsDecision, minorCount),
      byStatus: consentTallies.map((status, index) => ({
        status,
        figure: consentFigure(status, index),
      })),
    },
    mentoring: {
      activePairs: alone(counts.activePairs, threshold),
      meetingsLast90Days: alone(counts.meetingsLast90Days, threshold),
      meetingsWithTwoAdults: within(
        counts.meetingsWithTwoAdults,
        counts.meetingsLast90Days,
        threshold,
      ),
    },
    events: {
      held: alone(counts.eventsHeld, threshold),
      attendance: alone(counts.attendance, threshold),
    },
    concerns: {
      raised: alone(counts.concernsRaised, threshold),
      closed: within(counts.concernsClosed, counts.concernsRaised, threshold),
    },
  };
}
