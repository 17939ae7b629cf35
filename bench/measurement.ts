// measurement: a program's trust dashboard (server/features/measurement/dashboard.ts, the whole
// of what `GET /api/programs/:id/measurement` works out: the trend over eight quarters, the
// breakdowns by role group and neighbourhood with small groups hidden, the comparison, the rates)
// over BENCH_ANSWERS (1,000,000) generated answers on PostgreSQL, ten to a response, spread over
// two years, then tallied at once (rebuildTallies, timed: the dashboard reads the tallies).
// Baseline, in the same run: a plain GROUP BY over the same rows (answers and their
// favourable share by construct). Median of BENCH_RUNS (5) after one warm-up each. Target: the
// dashboard under 300 ms.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { readDashboard } from '../server/features/measurement/dashboard.ts';
import { rebuildTallies } from '../server/features/measurement/tallies.ts';
import { openDatabase } from '../server/platform/db/connection.ts';
import { queryRows } from '../server/platform/db/rows.ts';
import { itemsFor } from '../shared/measurement/item-bank.ts';
import { type Benchmark, envNumber, log, median, postgresDatabase, round } from './lib.ts';

const ANSWERS = Math.round(envNumber('BENCH_ANSWERS', 1_000_000));
const RUNS = Math.round(envNumber('BENCH_RUNS', 5));
const ITEMS_PER_RESPONSE = 10;
const TODAY = '2026-11-27';
const NEIGHBOURHOODS = ['Eastside', 'Riverside', 'Old Town', 'Hillcrest', 'Northgate', 'Mill Park'];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export const measurement: Benchmark = {
  name: 'measurement',
  description: `a program's trust dashboard over ${ANSWERS.toLocaleString('en')} answers on PostgreSQL, vs a plain GROUP BY, target under 300 ms`,
  async run() {
    const postgres = await postgresDatabase();
    if (!postgres) throw new Error('bench/measurement needs PostgreSQL: set DATABASE_URL.');
    const database = await openDatabase({ kind: 'postgresql', url: postgres.url, poolSize: 4 });
    try {
      await database.migrate();
      const { db } = database;
      const organisationId = randomUUID();
      const programId = randomUUID();
      await db.execute(
        sql`insert into organisations (id, name, kind) values (${organisationId}, 'Bench agency', 'police_agency')`,
      );
      await db.execute(
        sql`insert into programs (id, name, lead_organisation_id) values (${programId}, 'Bench program', ${organisationId})`,
      );
      const items = itemsFor('pulse').slice(0, ITEMS_PER_RESPONSE);
      const list = <T>(values: T[]) => sql.param(values);
      await db.execute(
        sql`insert into people (id, name, email) values ('bench', 'Bench coordinator', 'bench@example.org')`,
      );
      await db.execute(sql`insert into surveys
          (id, program_id, kind, title, items, custom_questions, languages, threshold,
           neighbourhoods, opens_at, created_by)
        values ('bench', ${programId}, 'pulse', ${JSON.stringify({ en: 'Bench pulse' })}::jsonb,
          ${list(items.map((item) => item.id))}::text[], '[]'::jsonb, ${list(['en', 'es'])}::text[],
          10, ${list(NEIGHBOURHOODS)}::text[], now() - interval '3 years', 'bench')`);
      const responses = Math.ceil(ANSWERS / items.length);
      log(`generating ${responses.toLocaleString('en')} responses x ${items.length} answers`);
      // Days over two years back from TODAY; role groups 70/20/10; a neighbourhood for most.
      await db.execute(sql`
        insert into survey_responses
          (id, survey_id, program_id, kind, submitted_on, role_group, neighbourhood, language, trust_index)
        select md5(i::text), 'bench', ${programId}, 'pulse',
          (${TODAY}::date - (i % 730)),
          case when i % 10 < 7 then 'resident' when i % 10 < 9 then 'officer' else null end,
          (${list(NEIGHBOURHOODS)}::text[])[1 + (i * 7 % 8)],
          case when i % 3 = 0 then 'es' else 'en' end,
          1 + ((i * 31) % 400) / 100.0
        from generate_series(1, ${responses}) as i`);
      await db.execute(sql`
        insert into survey_answers
          (response_id, question_id, survey_id, program_id, kind, submitted_on, role_group,
           neighbourhood, construct, value, score)
        select r.id, item.id, r.survey_id, r.program_id, r.kind, r.submitted_on, r.role_group,
          r.neighbourhood, item.construct, v.value,
          case when item.reverse then 6 - v.value else v.value end
        from survey_responses r
        cross join unnest(${list(items.map((i) => i.id))}::text[],
          ${list(items.map((i) => i.construct))}::text[], ${list(items.map((i) => i.reverse))}::boolean[]) as item (id, construct, reverse)
        cross join lateral (select 1 + abs(hashtext(r.id || item.id)) % 5 as value) as v
        where r.program_id = ${programId}`);
      await db.execute(sql`analyze survey_responses`);
      await db.execute(sql`analyze survey_answers`);
      const rebuildMs = round(await timed(() => rebuildTallies(db, programId)));
      log(`tallies rebuilt in ${rebuildMs} ms`);
      await db.execute(sql`analyze survey_tallies`);
      const [counted] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from survey_answers`,
      );
      const answers = counted?.n ?? 0;

      const groupBy = () =>
        db.execute(sql`select construct, count(*) as answers,
            count(*) filter (where score >= 4) as favourable
          from survey_answers where program_id = ${programId} group by construct`);
      const dashboard = () =>
        readDashboard(db, programId, { kind: 'pulse', quarter: '2026-Q3' }, TODAY);
      await groupBy();
      await dashboard();
      const dashboardMs: number[] = [];
      const groupByMs: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        groupByMs.push(await timed(groupBy));
        dashboardMs.push(await timed(dashboard));
        log(`run ${run + 1}: dashboard ${round(dashboardMs.at(-1) ?? 0)} ms`);
      }
      const dashboardMedian = round(median(dashboardMs));
      const groupByMedian = round(median(groupByMs));
      return {
        rows: [
          {
            label: 'dashboard (median)',
            value: dashboardMedian,
            baseline: groupByMedian,
            unit: 'ms',
          },
          { label: 'tallies rebuilt', value: rebuildMs, unit: 'ms' },
          { label: 'answers', value: answers, unit: 'rows' },
        ],
        result: {
          answers,
          dashboard_ms: dashboardMedian,
          groupby_ms: groupByMedian,
          rebuild_ms: rebuildMs,
          target_ms: 300,
        },
        notes: ['baseline: one GROUP BY construct over the same answers (count, favourable)'],
      };
    } finally {
      await database.close();
      await postgres.drop();
    }
  },
};
