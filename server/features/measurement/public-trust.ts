import { asc, eq } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import {
  type PublicTrust,
  type QuarterFigures,
  TREND_QUARTERS,
} from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { lastEndedQuarter, quartersEndingWith } from '../../../shared/measurement/quarters.ts';
import { GROUP_THRESHOLD_DEFAULT } from '../../../shared/measurement/survey-definition.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { organisations, programs } from '../organisations/schema.ts';
import { countByQuarter } from './dashboard-counts.ts';
import { kindSettings } from './dashboard-rates.ts';
import { groupFigures, noCounts, quarterDecision } from './figures.ts';
import { measurementSettings } from './schema.ts';

// The aggregate figures anyone may read once an organisation opts in: for each program it leads,
// the trend of its community pulses and of its surveys after circles and conferences, quarter by
// quarter up to the last ended one, with the same small-group rule as its dashboards. Quarter totals only: no role group,
// no neighbourhood, no comparison. Until the organisation opts in, the page is not found.

/**
 * A program's trend for one kind, with its threshold: the quarters up to the last that has ended
 * where the program is (the one under way would change with each answer).
 */
export async function programTrend(
  db: Database,
  programId: string,
  kind: SurveyKind,
  today: string,
): Promise<{ threshold: number; trend: QuarterFigures[] }> {
  const quarters = quartersEndingWith(lastEndedQuarter(today), TREND_QUARTERS);
  const [{ threshold }, byQuarter] = await Promise.all([
    kindSettings(db, programId, kind),
    countByQuarter(db, programId, kind, quarters),
  ]);
  const trend = quarters.map((quarter) => {
    const counts = byQuarter.get(quarter) ?? noCounts;
    return {
      quarter,
      figures: groupFigures('all', counts, quarterDecision(counts.n, threshold)),
    };
  });
  return { threshold, trend };
}

export async function publicPageChosen(db: Database, organisationId: string): Promise<boolean> {
  const [settings] = await db
    .select({ publicPage: measurementSettings.publicPage })
    .from(measurementSettings)
    .where(eq(measurementSettings.organisationId, organisationId));
  return settings?.publicPage ?? false;
}

/** GET /api/public/trust/:organisationId. */
export async function publicTrust(
  db: Database,
  organisationId: string,
  now: Date = new Date(),
): Promise<PublicTrust> {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation || !(await publicPageChosen(db, organisationId))) {
    throw new NotFoundError('This organisation does not publish its trust figures.');
  }
  const led = await db
    .select({ id: programs.id, name: programs.name, timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.leadOrganisationId, organisationId))
    .orderBy(asc(programs.name), asc(programs.id));
  const shown = await Promise.all(
    led.map(async (program) => {
      const today = dayIn(program.timeZone, now);
      const [pulse, afterProcess] = await Promise.all([
        programTrend(db, program.id, 'pulse', today),
        programTrend(db, program.id, 'after_process', today),
      ]);
      return {
        thresholds: [pulse.threshold, afterProcess.threshold],
        program: {
          programId: program.id,
          name: program.name,
          pulse: pulse.trend,
          afterProcess: afterProcess.trend,
        },
      };
    }),
  );
  // The smallest of the thresholds, so that what the page says holds for every figure on it.
  const thresholds = shown.flatMap((each) => each.thresholds);
  return {
    organisationName: organisation.name,
    threshold: thresholds.length === 0 ? GROUP_THRESHOLD_DEFAULT : Math.min(...thresholds),
    programs: shown.map((each) => each.program),
  };
}
