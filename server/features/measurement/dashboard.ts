import { and, count, eq, gte } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import {
  type Comparison,
  type Dashboard,
  type DashboardQuery,
  type GroupFigures,
  type Phase,
  phases,
  type Quarter,
  type QuarterFigures,
  roleGroups,
  TREND_QUARTERS,
} from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import {
  compareQuarters,
  lastDayOf,
  lastEndedQuarter,
  previousQuarter,
  quarterBounds,
  quarterOf,
  quartersEndingWith,
} from '../../../shared/measurement/quarters.ts';
import { type Decision, suppressBreakdown } from '../../../shared/measurement/suppression.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { programs } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { countBreakdowns, countByQuarter } from './dashboard-counts.ts';
import { agreementCounts, kindSettings, protectedRate, responseCounts } from './dashboard-rates.ts';
import {
  compareSides,
  type GroupCounts,
  groupFigures,
  noCounts,
  quarterDecision,
} from './figures.ts';
import { surveyResponses } from './schema.ts';

// A program's dashboard for one survey kind (docs/decisions/028-measurement.md): the trend of the
// quarters ending with the chosen one, the chosen quarter by role group and by neighbourhood
// (each on its own, against the quarter's total, which is a cell of the trend), comparisons, and
// the rates. Every figure passes a suppression decision before it is put in the answer, and
// figures are given only for quarters that have ended; of the quarter under way, a count alone.

/** The day it is where the program is, by which "this quarter" is meant; undefined: no program. */
export async function programToday(db: Database, programId: string): Promise<string | undefined> {
  const [program] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, programId));
  return program && dayIn(program.timeZone);
}

export const NOT_ENDED = 'Figures for a quarter appear once it has ended.';

/**
 * The chosen quarter and the one to compare it with, both ended (default: the last ended one);
 * 400 for the current or a later one. A quarter still open would change with each new answer,
 * and two readings a day apart would give one person's answers away.
 */
export function chosenQuarters(
  query: Pick<DashboardQuery, 'quarter' | 'compareWith'>,
  today: string,
) {
  const lastEnded = lastEndedQuarter(today);
  const quarter = query.quarter ?? lastEnded;
  const compareWith = query.compareWith ?? previousQuarter(quarter);
  const problems = [
    ...(compareQuarters(quarter, lastEnded) > 0
      ? [{ field: 'query.quarter', message: NOT_ENDED }]
      : []),
    ...(compareQuarters(compareWith, lastEnded) > 0
      ? [{ field: 'query.compareWith', message: NOT_ENDED }]
      : []),
    ...(compareWith === quarter
      ? [{ field: 'query.compareWith', message: 'Choose another quarter to compare with.' }]
      : []),
  ];
  if (problems.length > 0) throw new InvalidError(problems);
  return { quarter, compareWith };
}

/** How many answered the kind's surveys so far in the quarter under way: a count, no figures. */
async function answeredSoFar(
  tx: Transaction,
  programId: string,
  kind: SurveyKind,
  current: Quarter,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.programId, programId),
        eq(surveyResponses.kind, kind),
        gte(surveyResponses.submittedOn, quarterBounds(current).start),
      ),
    );
  return row?.n ?? 0;
}

/** Groups beside their total, with the people in no group as the unlisted remainder. */
function breakdown(
  keys: readonly string[],
  counts: Map<string | null, GroupCounts>,
  total: number,
  threshold: number,
): GroupFigures[] {
  const cells = keys.map((key) => ({ key, n: counts.get(key)?.n ?? 0 }));
  const decision = suppressBreakdown({ cells, total, threshold });
  return decision.cells.map((cell) =>
    groupFigures(cell.key, counts.get(cell.key) ?? noCounts, cell.decision),
  );
}

/** A side of a comparison: its trust index's sample when it is shown, null when hidden. */
const shownSample = (counts: GroupCounts, decision: Decision) =>
  decision.shown ? counts.trust : null;

/**
 * The dashboard of a program for one kind, without asking who reads it (the benchmark calls it
 * so). `today` is the program's day, which says which quarter is this one.
 */
export async function readDashboard(
  db: Database,
  programId: string,
  query: DashboardQuery,
  today?: string,
): Promise<Dashboard> {
  const day = today ?? (await programToday(db, programId));
  if (day === undefined) throw new NotFoundError('There is no such program.');
  const { quarter, compareWith } = chosenQuarters(query, day);
  const kind: SurveyKind = query.kind;
  const current = quarterOf(day);
  const trendQuarters = quartersEndingWith(quarter, TREND_QUARTERS);
  // One snapshot, so that a response stored meanwhile cannot make a breakdown disagree with
  // the total it is protected against; one query after the other on its connection.
  const read = await db.transaction(
    async (tx) => ({
      settings: await kindSettings(tx, programId, kind),
      byQuarter: await countByQuarter(tx, programId, kind, [...trendQuarters, compareWith]),
      breakdowns: await countBreakdowns(tx, programId, kind, quarter),
      responses: await responseCounts(tx, programId, kind, quarter),
      agreements: await agreementCounts(tx, programId, quarter, day),
      soFar: await answeredSoFar(tx, programId, kind, current),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const { settings, byQuarter, breakdowns, responses, agreements, soFar } = read;
  const { threshold } = settings;
  const quarterFigures = (each: Quarter): QuarterFigures => {
    const counts = byQuarter.get(each) ?? noCounts;
    const decision = quarterDecision(counts.n, threshold);
    return { quarter: each, figures: groupFigures('all', counts, decision) };
  };
  const total = byQuarter.get(quarter)?.n ?? 0;
  const neighbourhoods = [
    ...new Set([
      ...settings.neighbourhoods,
      ...[...breakdowns.neighbourhood.keys()].filter((key) => key !== null),
    ]),
  ].sort();
  const side = (each: Quarter) => {
    const counts = byQuarter.get(each) ?? noCounts;
    return shownSample(counts, quarterDecision(counts.n, threshold));
  };
  const comparisons = [compareSides(compareWith, quarter, side(compareWith), side(quarter))];
  if (kind === 'training') {
    comparisons.push(phaseComparison(breakdowns.phase, total, threshold));
  }
  return {
    programId,
    kind,
    quarter,
    threshold,
    trend: trendQuarters.map(quarterFigures),
    comparisons,
    byRoleGroup: breakdown(roleGroups, breakdowns.role_group, total, threshold),
    byNeighbourhood: breakdown(neighbourhoods, breakdowns.neighbourhood, total, threshold),
    responseRate: protectedRate(responses, threshold, true),
    agreementCompletion: protectedRate(agreements, threshold, false),
    current: { quarter: current, responses: soFar, endsOn: lastDayOf(current) },
  };
}

/**
 * Before against after a training, over the quarter: the two phases are a breakdown of the
 * quarter's total like any other, protected the same way before either side is compared.
 */
function phaseComparison(
  byPhase: Map<string | null, GroupCounts>,
  total: number,
  threshold: number,
): Comparison {
  const cells = phases.map((phase) => ({ key: phase, n: byPhase.get(phase)?.n ?? 0 }));
  const [before, after] = suppressBreakdown({ cells, total, threshold }).cells;
  const sample = (phase: Phase, decision: Decision | undefined) =>
    decision ? shownSample(byPhase.get(phase) ?? noCounts, decision) : null;
  return compareSides(
    'before',
    'after',
    sample('before', before?.decision),
    sample('after', after?.decision),
  );
}

/** The program, once the table lets the actor do `action` with its measurement. */
export async function authorizeMeasurement(
  db: Database,
  actor: SignedIn,
  programId: string,
  action: Extract<Action, 'measurement.read' | 'measurement.export'>,
) {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}

/** GET /api/programs/:programId/measurement. */
export async function dashboardFor(
  db: Database,
  actor: SignedIn,
  programId: string,
  query: DashboardQuery,
): Promise<Dashboard> {
  await authorizeMeasurement(db, actor, programId, 'measurement.read');
  return readDashboard(db, programId, query);
}
