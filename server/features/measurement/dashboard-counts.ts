import { sql } from 'drizzle-orm';
import type { Quarter } from '../../../shared/measurement/contract.ts';
import type { Construct, SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { compareQuarters } from '../../../shared/measurement/quarters.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { GroupCounts } from './figures.ts';
import { surveyTallies } from './schema.ts';

// The dashboard's queries: sums over the tallies of one program and one kind (survey_tallies,
// kept by tallies.ts), a few hundred rows where the raw answers are a million. The statistics are
// worked out in TypeScript (figures.ts). A tally row with construct '' gives the respondents and
// the trust index; a construct's row gives the people who answered it, their answers and the
// favourable ones (a score of 4 or 5). '' in a key is null: someone who gave none.

type Executor = Database | Transaction;

/** The quarters in order, each once. */
const inOrder = (quarters: readonly Quarter[]) =>
  [...new Set(quarters)].sort((a, b) => compareQuarters(a, b));

interface TallySums {
  construct: Construct | '';
  respondents: number;
  trust_n: number;
  trust_sum: number;
  trust_sumsq: number;
  answers: number;
  favourable: number;
}

const sums = sql`construct, sum(respondents)::int as respondents, sum(trust_n)::int as trust_n,
  sum(trust_sum) as trust_sum, sum(trust_sumsq) as trust_sumsq, sum(answers)::int as answers,
  sum(favourable)::int as favourable`;

const talliesOf = (programId: string, kind: SurveyKind) =>
  sql`${surveyTallies.programId} = ${programId} and ${surveyTallies.kind} = ${kind}`;

/**
 * The sample SD from the sums; none for one person. Subtracting sums leaves a rounding residue
 * (slightly negative, or about 1e-9 where the values are all equal) which would make a
 * standardized effect size of it enormous: below 1e-9 it is 0.
 */
function standardDeviation(row: TallySums): number {
  if (row.trust_n < 2) return 0;
  const variance =
    (row.trust_sumsq - (row.trust_sum * row.trust_sum) / row.trust_n) / (row.trust_n - 1);
  const sd = Math.sqrt(Math.max(variance, 0));
  return sd < 1e-9 ? 0 : sd;
}

/** One group's counts from its rows; none without its respondent row. */
function countsOf(rows: readonly TallySums[]): GroupCounts | null {
  const respondents = rows.find((row) => row.construct === '');
  if (!respondents || respondents.respondents === 0) return null;
  const counts: GroupCounts = {
    n: respondents.respondents,
    trust:
      respondents.trust_n > 0
        ? {
            n: respondents.trust_n,
            mean: respondents.trust_sum / respondents.trust_n,
            sd: standardDeviation(respondents),
          }
        : null,
    constructs: {},
  };
  for (const row of rows) {
    if (row.construct === '') continue;
    counts.constructs[row.construct] = {
      respondents: row.respondents,
      answers: row.answers,
      favourable: row.favourable,
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
  const rows = await queryRows<TallySums & { quarter: Quarter }>(
    db,
    sql`select quarter, ${sums}
      from ${surveyTallies}
      where ${talliesOf(programId, kind)} and quarter = any(${sql.param(ordered)}::text[])
      group by quarter, construct`,
  );
  const counts = new Map<Quarter, GroupCounts>();
  for (const quarter of ordered) {
    const found = countsOf(rows.filter((row) => row.quarter === quarter));
    if (found) counts.set(quarter, found);
  }
  return counts;
}

export const dimensions = ['role_group', 'neighbourhood', 'phase'] as const;
export type Dimension = (typeof dimensions)[number];

/** One quarter's counts by each dimension on its own; null keys are people who gave none. */
export type Breakdowns = Record<Dimension, Map<string | null, GroupCounts>>;

// Which dimension a row of GROUPING SETS ((role_group, construct), (neighbourhood, construct),
// (phase, construct)) belongs to: grouping(a, b, c) has a bit set for each column the row is not
// grouped by.
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
  const rows = await queryRows<TallySums & Record<Dimension, string | null> & { grouping: number }>(
    db,
    sql`select grouping(role_group, neighbourhood, phase) as grouping,
        role_group, neighbourhood, phase, ${sums}
      from ${surveyTallies}
      where ${talliesOf(programId, kind)} and quarter = ${quarter}
      group by grouping sets ((role_group, construct), (neighbourhood, construct),
        (phase, construct))`,
  );
  const grouped = new Map<Dimension, Map<string, TallySums[]>>();
  for (const row of rows) {
    const dimension = dimensionOfGrouping[row.grouping];
    if (!dimension) continue;
    const keys = grouped.get(dimension) ?? new Map<string, TallySums[]>();
    const key = row[dimension] ?? '';
    keys.set(key, [...(keys.get(key) ?? []), row]);
    grouped.set(dimension, keys);
  }
  const breakdowns: Breakdowns = {
    role_group: new Map(),
    neighbourhood: new Map(),
    phase: new Map(),
  };
  for (const dimension of dimensions) {
    for (const [key, keyRows] of grouped.get(dimension) ?? []) {
      const counts = countsOf(keyRows);
      if (counts) breakdowns[dimension].set(key === '' ? null : key, counts);
    }
  }
  return breakdowns;
}
