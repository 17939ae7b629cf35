import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Phase, phases, type RoleGroup } from '../../../shared/measurement/contract.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { checkAnswer } from './answer-check.ts';
import { buildDashboardWorld } from './dashboard-testing.ts';
import { surveys, surveyTallies } from './schema.ts';
import { storeResponse } from './store-response.ts';
import { rebuildTallies } from './tallies.ts';
import { insertSurvey } from './testing.ts';

// The tallies kept as responses are stored agree with a GROUP BY over the raw rows, and
// rebuildTallies gives the same from the rows alone. The responses vary in everything the
// tallies key or count: quarter, role group, neighbourhood, phase, skipped items (no trust
// index), a construct with two items, a reverse item, a program's own scale and a choice.

let test: TestApp;
let programId: string;

beforeAll(async () => {
  test = await startTestApp();
  programId = (await buildDashboardWorld(test)).programId;
});
afterAll(async () => {
  await test.close();
});

const db = () => test.context.database.db;

const items = [
  'respect.dignity',
  'respect.courtesy',
  'voice.listens',
  'neutrality.fair_decisions',
  'motives.cares',
  'safety.crime_worry',
];
const days = ['2025-12-31', '2026-01-01', '2026-03-31', '2026-04-15', '2026-09-30'];
const roleGroups: (RoleGroup | null)[] = ['resident', 'officer', 'other', null];
const neighbourhoods = ['Eastside', 'Riverside', null];

interface Tally {
  quarter: string;
  role_group: string;
  neighbourhood: string;
  phase: string;
  construct: string;
  respondents: number;
  trust_n: number;
  trust_sum: number;
  trust_sumsq: number;
  answers: number;
  favourable: number;
}

const keyOf = (row: Tally) =>
  [row.quarter, row.role_group, row.neighbourhood, row.phase, row.construct].join('|');

const tallies = () =>
  queryRows<Tally>(
    db(),
    sql`select quarter, role_group, neighbourhood, phase, construct, respondents, trust_n,
        trust_sum, trust_sumsq, answers, favourable
      from ${surveyTallies} where program_id = ${programId} order by 1, 2, 3, 4, 5`,
  );

/** What the tallies should hold, by plain GROUP BYs over the raw rows. */
const fromRawRows = () =>
  queryRows<Tally>(
    db(),
    sql`select * from (
        select to_char(submitted_on, 'YYYY"-Q"Q') as quarter, coalesce(role_group, '') as role_group,
          coalesce(neighbourhood, '') as neighbourhood, coalesce(phase, '') as phase,
          '' as construct, count(*)::int as respondents, count(trust_index)::int as trust_n,
          coalesce(sum(trust_index::float8), 0) as trust_sum,
          coalesce(sum(trust_index::float8 ^ 2), 0) as trust_sumsq, 0 as answers, 0 as favourable
        from survey_responses where program_id = ${programId} group by 1, 2, 3, 4
        union all
        select to_char(submitted_on, 'YYYY"-Q"Q'), coalesce(role_group, ''),
          coalesce(neighbourhood, ''), coalesce(phase, ''), construct,
          count(distinct response_id)::int, 0, 0, 0, count(*)::int,
          (count(*) filter (where score >= 4))::int
        from survey_answers
        where program_id = ${programId} and construct is not null and score is not null
        group by 1, 2, 3, 4, 5
      ) as expected order by 1, 2, 3, 4, 5`,
  );

/** Equal, but for float sums added in another order. */
function expectSameTallies(actual: Tally[], expected: Tally[]) {
  expect(actual.map(keyOf)).toEqual(expected.map(keyOf));
  actual.forEach((row, index) => {
    const want = expected[index];
    if (!want) throw new Error(`No expected row for ${keyOf(row)}.`);
    const { trust_sum, trust_sumsq, ...counts } = row;
    const { trust_sum: wantSum, trust_sumsq: wantSumsq, ...wantCounts } = want;
    expect(counts).toEqual(wantCounts);
    expect(trust_sum).toBeCloseTo(wantSum, 9);
    expect(trust_sumsq).toBeCloseTo(wantSumsq, 9);
  });
}

describe('survey tallies', () => {
  it('count each stored response as a GROUP BY over the raw rows does, and are rebuilt alike', async () => {
    const [coordinator] = await queryRows<{ id: string }>(db(), sql`select id from people limit 1`);
    if (!coordinator) throw new Error('No one to set the survey up.');
    const { id } = await insertSurvey(db(), {
      programId,
      createdBy: coordinator.id,
      items,
      neighbourhoods: ['Eastside', 'Riverside'],
      customQuestions: [
        {
          type: 'scale',
          id: 'walk',
          prompt: { en: 'I would walk here alone.', es: 'Caminaría sola por aquí.' },
          scale: 'agreement',
          required: false,
        },
        {
          type: 'single_choice',
          id: 'lighting',
          prompt: { en: 'Is the street well lit?', es: '¿La calle está bien iluminada?' },
          options: [
            { id: 'yes', label: { en: 'Yes', es: 'Sí' } },
            { id: 'no', label: { en: 'No', es: 'No' } },
          ],
          required: false,
        },
      ],
    });
    const [survey] = await db().select().from(surveys).where(eq(surveys.id, id));
    if (!survey) throw new Error('The survey was not stored.');

    const publicLink = { roleGroup: null };
    for (let index = 0; index < 60; index += 1) {
      // Every fifth response skips voice, and so has no trust index; every seventh answers
      // nothing from the bank at all.
      const scales: Record<string, number> = { walk: 1 + (index % 5) };
      if (index % 7 !== 0) {
        items.forEach((item, position) => {
          if (item === 'voice.listens' && index % 5 === 0) return;
          scales[item] = 1 + ((index * 3 + position * 2) % 5);
        });
      }
      const answer = checkAnswer(survey, publicLink, {
        language: 'en',
        scales,
        choices: index % 2 === 0 ? { lighting: 'yes' } : {},
        texts: {},
        roleGroup: roleGroups[index % roleGroups.length] ?? null,
        neighbourhood: neighbourhoods[index % neighbourhoods.length] ?? null,
      });
      const phase: Phase | null = index % 3 === 0 ? null : (phases[index % phases.length] ?? null);
      await db().transaction((tx) =>
        storeResponse(
          tx,
          test.context.cipher,
          survey,
          { processKind: null, processId: null, phase, roleGroup: null },
          answer,
          days[index % days.length] ?? '2026-01-01',
        ),
      );
    }

    const expected = await fromRawRows();
    expect(
      expected.some((row) => row.construct === 'respect' && row.answers > row.respondents),
    ).toBe(true);
    expect(expected.some((row) => row.construct === '' && row.trust_n < row.respondents)).toBe(
      true,
    );
    const kept = await tallies();
    expectSameTallies(kept, expected);

    await rebuildTallies(db(), programId);
    expectSameTallies(await tallies(), expected);
  });
});
