import { type SQL, sql } from 'drizzle-orm';
import type { Quarter } from '../../../shared/measurement/contract.ts';
import type { Construct, SurveyKind } from '../../../shared/measurement/item-bank.ts';
import {
  compareQuarters,
  quarterBounds,
  quarterNumber,
} from '../../../shared/measurement/quarters.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { GroupCounts } from './figures.ts';
import { surveyAnswers, surveyResponses } from './schema.ts';

// The dashboard's queries: a few GROUP BYs over one program and one kind, read along the
// (program_id, kind, submitted_on) indexes, returning counts, means and SDs; the statistics are
// worked out in TypeScript (figures.ts). Responses give the respondents and the trust index;
// answers give each construct's answers and favourable ones (a score of 4 or 5). Quarters are
// told apart by comparing days, which costs far less per row than date functions.

type Executor = Database | Transaction;
type DayColumn = typeof surveyResponses.submittedOn | typeof surveyAnswers.submittedOn;

/** The quarters in order, each once. */
const inOrder = (quarters: readonly Quarter[]) =>
  [...new Set(quarters)].sort((a, b) => compareQuarters(a, b));

/** Days in any of the quarters: consecutive quarters are read as one range. */
function inQuarters(column: DayColumn, quarters: readonly Quarter[]): SQL {
  const ranges: { start: string; end: string; last: number }[] = [];
  for (const quarter of inOrder(quarters)) {
    const previous = ranges.at(-1);
    const bounds = quarterBounds(quarter);
    if (previous && previous.last === quarterNumber(quarter) - 1) {
      previous.end = bounds.end;
      previous.last += 1;
    } else {
      ranges.push({ ...bounds, last: quarterNumber(quarter) });
    }
  }
  const conditions = ranges.map(
    (range) => sql`(${column} >= ${range.start}::date and ${column} < ${range.end}::date)`,
  );
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** Which of the (ordered) quarters a day in one of them falls in: its position. */
function quarterPosition(column: DayColumn, ordered: readonly Quarter[]): SQL {
  const cases = ordered.map(
    (quarter, index) => sql`when ${column} < ${quarterBounds(quarter).end}::date then ${index}`,
  );
  return sql`(case ${sql.join(cases, sql` `)} end)::int`;
}

interface ResponseRow {
  n: number;
  trust_n: number;
  trust_mean: number | null;
  trust_sd: number | null;
}

interface AnswerRow {
  construct: Construct;
  answers: number;
  favourable: number;
}

const responseAggregates = sql`count(*)::int as n,
  count(${surveyResponses.trustIndex})::int as trust_n,
  avg(${surveyResponses.trustIndex}::float8) as trust_mean,
  stddev_samp(${surveyResponses.trustIndex}::float8) as trust_sd`;

const answerAggregates = sql`${surveyAnswers.construct} as construct,
  count(*)::int as answers,
  count(*) filter (where ${surveyAnswers.score} >= 4)::int as favourable`;

const responsesOf = (programId: string, kind: SurveyKind) =>
  sql`${surveyResponses.programId} = ${programId} and ${surveyResponses.kind} = ${kind}`;

const answersOf = (programId: string, kind: SurveyKind) =>
  sql`${surveyAnswers.programId} = ${programId} and ${surveyAnswers.kind} = ${kind}
    and ${surveyAnswers.construct} is not null and ${surveyAnswers.score} is not null`;

/**
 * The trust index's SD; none for one person. Equal values can leave a rounding residue of about
 * 1e-16 where the SD is 0, which would make a standardized effect size of it enormous.
 */
const standardDeviation = (row: ResponseRow) =>
  row.trust_sd === null || row.trust_sd < 1e-9 ? 0 : row.trust_sd;

function countsOf(response: ResponseRow, answers: AnswerRow[]): GroupCounts {
  const counts: GroupCounts = {
    n: response.n,
    trust:
      response.trust_n > 0 && response.trust_mean !== null
        ? { n: response.trust_n, mean: response.trust_mean, sd: standardDeviation(response) }
        : null,
    constructs: {},
  };
  for (const row of answers) {
    const sofar = counts.constructs[row.construct] ?? { answers: 0, favourable: 0 };
    counts.constructs[row.construct] = {
      answers: sofar.answers + row.answers,
      favourable: sofar.favourable + row.favourable,
    };
  }
  return counts;
}

/** Each quarter's counts for one program and kind; a quarter with no one in it is absent. */
export async function countByQuarter(
  db: Executor,
  programId: string,
  kind: SurveyKind,
  quarters: readonly Quarter[],
): Promise<Map<Quarter, GroupCounts>> {
  const ordered = inOrder(quarters);
  // One query after the other: inside the dashboard's transaction they share one connection.
  const responses = await queryRows<ResponseRow & { position: number }>(
    db,
    sql`select ${quarterPosition(surveyResponses.submittedOn, ordered)} as position,
        ${responseAggregates}
      from ${surveyResponses}
      where ${responsesOf(programId, kind)} and ${inQuarters(surveyResponses.submittedOn, ordered)}
      group by 1`,
  );
  const answers = await queryRows<AnswerRow & { position: number }>(
    db,
    sql`select ${quarterPosition(surveyAnswers.submittedOn, ordered)} as position,
        ${answerAggregates}
      from ${surveyAnswers}
      where ${answersOf(programId, kind)} and ${inQuarters(surveyAnswers.submittedOn, ordered)}
      group by 1, 2`,
  );
  const counts = new Map<Quarter, GroupCounts>();
  ordered.forEach((quarter, position) => {
    const response = responses.find((row) => row.position === position);
    if (!response) return;
    counts.set(
      quarter,
      countsOf(
        response,
        answers.filter((row) => row.position === position),
      ),
    );
  });
  return counts;
}

export const dimensions = ['role_group', 'neighbourhood', 'phase'] as const;
export type Dimension = (typeof dimensions)[number];

/** One quarter's counts by each dimension on its own; null keys are people who gave none. */
export type Breakdowns = Record<Dimension, Map<string | null, GroupCounts>>;

// Which dimension a row of GROUPING SETS ((role_group), (neighbourhood), (phase)) belongs to:
// grouping(a, b, c) has a bit set for each column the row is not grouped by.
const dimensionOfGrouping: Record<number, Dimension> = {
  3: 'role_group',
  5: 'neighbourhood',
  6: 'phase',
};

/** One quarter's counts by role group, by neighbourhood and by phase: never two at once. */
export async function countBreakdowns(
  db: Executor,
  programId: string,
  kind: SurveyKind,
  quarter: Quarter,
): Promise<Breakdowns> {
  type Keyed = Record<Dimension, string | null>;
  const responses = await queryRows<ResponseRow & Keyed & { grouping: number }>(
    db,
    sql`select grouping(role_group, neighbourhood, phase) as grouping,
        role_group, neighbourhood, phase, ${responseAggregates}
      from ${surveyResponses}
      where ${responsesOf(programId, kind)} and ${inQuarters(surveyResponses.submittedOn, [quarter])}
      group by grouping sets ((role_group), (neighbourhood), (phase))`,
  );
  // Answers by all three at once (a few hundred rows), added up here for each one on its own:
  // one plain GROUP BY costs less than grouping sets over the many answers.
  const answers = await queryRows<AnswerRow & Keyed>(
    db,
    sql`select role_group, neighbourhood, phase, ${answerAggregates}
      from ${surveyAnswers}
      where ${answersOf(programId, kind)} and ${inQuarters(surveyAnswers.submittedOn, [quarter])}
      group by 1, 2, 3, 4`,
  );
  const breakdowns: Breakdowns = {
    role_group: new Map(),
    neighbourhood: new Map(),
    phase: new Map(),
  };
  for (const response of responses) {
    const dimension = dimensionOfGrouping[response.grouping];
    if (!dimension) continue;
    const key = response[dimension];
    breakdowns[dimension].set(
      key,
      countsOf(
        response,
        answers.filter((row) => row[dimension] === key),
      ),
    );
  }
  return breakdowns;
}
