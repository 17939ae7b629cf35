import { sql } from 'drizzle-orm';
import type { Construct } from '../../../shared/measurement/item-bank.ts';
import { quarterOf } from '../../../shared/measurement/quarters.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { surveyTallies } from './schema.ts';

// The survey_tallies table (schema.ts): what one response adds to it, written in the transaction
// that stores the response, and a program's tallies worked out again from the raw rows after a
// bulk load. '' stands for null in the key; a construct's row counts only scored answers of bank
// items, as the dashboard does.

type TallyRow = typeof surveyTallies.$inferInsert;

/** What one response adds: its respondent row and a row for each construct it answered. */
export interface TalliedResponse {
  programId: string;
  kind: string;
  submittedOn: string;
  roleGroup: string | null;
  neighbourhood: string | null;
  phase: string | null;
  trustIndex: number | null;
  scales: readonly { construct: Construct | null; score: number }[];
}

const summed = [
  'respondents',
  'trustN',
  'trustSum',
  'trustSumsq',
  'answers',
  'favourable',
] as const;

export function tallyRows(response: TalliedResponse): TallyRow[] {
  const key = {
    programId: response.programId,
    kind: response.kind,
    quarter: quarterOf(response.submittedOn),
    roleGroup: response.roleGroup ?? '',
    neighbourhood: response.neighbourhood ?? '',
    phase: response.phase ?? '',
  };
  /** One respondent, nothing counted yet. */
  const one = { respondents: 1, trustN: 0, trustSum: 0, trustSumsq: 0, answers: 0, favourable: 0 };
  // survey_responses keeps the trust index as a real: the tallies add the same rounded value,
  // so that they agree with a sum over the raw rows.
  const trust = response.trustIndex === null ? null : Math.fround(response.trustIndex);
  const respondent: TallyRow = {
    ...key,
    ...one,
    construct: '',
    ...(trust !== null && { trustN: 1, trustSum: trust, trustSumsq: trust * trust }),
  };
  const constructs = new Map<Construct, TallyRow>();
  for (const scale of response.scales) {
    if (scale.construct === null) continue;
    const row = constructs.get(scale.construct) ?? { ...key, ...one, construct: scale.construct };
    row.answers += 1;
    row.favourable += scale.score >= 4 ? 1 : 0;
    constructs.set(scale.construct, row);
  }
  // In one order whatever the order of the answers, so that two responses updating the same
  // rows at once lock them in the same order and cannot deadlock.
  const byConstruct = [...constructs.values()].sort((a, b) =>
    a.construct.localeCompare(b.construct),
  );
  return [respondent, ...byConstruct];
}

/** Adds the rows to the tallies, in one statement. */
export async function addTallies(tx: Transaction, rows: TallyRow[]): Promise<void> {
  await tx
    .insert(surveyTallies)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        surveyTallies.programId,
        surveyTallies.kind,
        surveyTallies.quarter,
        surveyTallies.roleGroup,
        surveyTallies.neighbourhood,
        surveyTallies.phase,
        surveyTallies.construct,
      ],
      // Qualified by hand: the new and the old value have the same column name.
      set: Object.fromEntries(
        summed.map((field) => {
          const column = surveyTallies[field].name;
          return [field, sql.raw(`survey_tallies.${column} + excluded.${column}`)];
        }),
      ),
    });
}

/**
 * A program's tallies worked out again from its responses and answers, for data loaded in bulk
 * or to repair them. The table lock waits for responses being stored to commit and holds off new
 * ones until the new tallies are in, so none is counted twice or missed.
 */
export async function rebuildTallies(db: Database, programId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table survey_tallies in share row exclusive mode`);
    await tx.execute(sql`delete from survey_tallies where program_id = ${programId}`);
    await tx.execute(sql`
      insert into survey_tallies (program_id, kind, quarter, role_group, neighbourhood, phase,
        construct, respondents, trust_n, trust_sum, trust_sumsq, answers, favourable)
      select program_id, kind, to_char(submitted_on, 'YYYY"-Q"Q'), coalesce(role_group, ''),
        coalesce(neighbourhood, ''), coalesce(phase, ''), '', count(*)::int,
        count(trust_index)::int, coalesce(sum(trust_index::float8), 0),
        coalesce(sum(trust_index::float8 * trust_index::float8), 0), 0, 0
      from survey_responses where program_id = ${programId}
      group by 1, 2, 3, 4, 5, 6
      union all
      select program_id, kind, to_char(submitted_on, 'YYYY"-Q"Q'), coalesce(role_group, ''),
        coalesce(neighbourhood, ''), coalesce(phase, ''), construct, count(*)::int, 0, 0, 0,
        sum(answers)::int, sum(favourable)::int
      from (
        select program_id, kind, submitted_on, role_group, neighbourhood, phase, construct,
          count(*) as answers, count(*) filter (where score >= 4) as favourable
        from survey_answers
        where program_id = ${programId} and construct is not null and score is not null
        group by response_id, program_id, kind, submitted_on, role_group, neighbourhood, phase,
          construct
      ) as person
      group by 1, 2, 3, 4, 5, 6, 7`);
  });
}
