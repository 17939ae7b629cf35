import { and, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { ProportionFigure, Quarter } from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { quarterBounds } from '../../../shared/measurement/quarters.ts';
import { isSmall } from '../../../shared/measurement/suppression.ts';
import { GROUP_THRESHOLD_DEFAULT } from '../../../shared/measurement/survey-definition.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { conferenceItems, conferences } from '../conferences/schema.ts';
import { rateFigure } from './figures.ts';
import { surveyInvitations, surveys } from './schema.ts';

// What a dashboard reads beside the answers: the program's surveys of the kind (their threshold
// and neighbourhoods), how many of the tokens sent after circles and conferences were used, and
// how many of the conferences' agreement items came due and were done.

type Executor = Database | Transaction;

export interface KindSettings {
  /**
   * The largest threshold of the program's surveys of the kind, so that every survey's rule
   * holds; the default while there are none.
   */
  threshold: number;
  /** Every neighbourhood its surveys offer, so that a neighbourhood no one chose shows as 0. */
  neighbourhoods: string[];
}

export async function kindSettings(
  db: Executor,
  programId: string,
  kind: SurveyKind,
): Promise<KindSettings> {
  const rows = await db
    .select({ threshold: surveys.threshold, neighbourhoods: surveys.neighbourhoods })
    .from(surveys)
    .where(and(eq(surveys.programId, programId), eq(surveys.kind, kind)));
  return {
    threshold:
      rows.length === 0 ? GROUP_THRESHOLD_DEFAULT : Math.max(...rows.map((row) => row.threshold)),
    neighbourhoods: [...new Set(rows.flatMap((row) => row.neighbourhoods))],
  };
}

/** How many of something did it: tokens answered of those sent, items done of those due. */
export interface RateCounts {
  done: number;
  of: number;
}

/**
 * A rate shown only for at least `threshold` in its denominator, and (for people) when those
 * who did it are none or at least `threshold` too: a count is a figure like any other.
 */
export function protectedRate(
  { done, of }: RateCounts,
  threshold: number,
  doneArePeople: boolean,
): ProportionFigure | null {
  if (of < threshold || (doneArePeople && isSmall(done, threshold))) return null;
  return rateFigure(done, of);
}

/** Tokens of the kind's surveys sent after a process in the quarter, and the share used. */
export async function responseCounts(
  db: Executor,
  programId: string,
  kind: SurveyKind,
  quarter: Quarter,
): Promise<RateCounts> {
  const { start, end } = quarterBounds(quarter);
  const [row] = await db
    .select({
      of: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${surveyInvitations.answered})::int`,
    })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(
      and(
        eq(surveys.programId, programId),
        eq(surveys.kind, kind),
        isNotNull(surveyInvitations.processKind),
        gte(surveyInvitations.sentOn, start),
        lt(surveyInvitations.sentOn, end),
      ),
    );
  return row ?? { done: 0, of: 0 };
}

/**
 * The program's conference agreement items due in the quarter up to today (an item due next
 * week is not yet late), and the share done.
 */
export async function agreementCounts(
  db: Executor,
  programId: string,
  quarter: Quarter,
  today: string,
): Promise<RateCounts> {
  const { start, end } = quarterBounds(quarter);
  const [row] = await db
    .select({
      of: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${conferenceItems.status} = 'done')::int`,
    })
    .from(conferenceItems)
    .innerJoin(conferences, eq(conferences.id, conferenceItems.conferenceId))
    .where(
      and(
        eq(conferences.programId, programId),
        gte(conferenceItems.dueOn, start),
        lt(conferenceItems.dueOn, end),
        lte(conferenceItems.dueOn, today),
      ),
    );
  return row ?? { done: 0, of: 0 };
}
