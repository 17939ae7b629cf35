import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { Dashboard, GroupFigures } from '../../../shared/measurement/contract.ts';
import { lastDayOf, quartersEndingWith } from '../../../shared/measurement/quarters.ts';
import { hedgesG } from '../../../shared/statistics/effect-size.ts';
import {
  meanInterval,
  summarize,
  welchDifferenceInterval,
} from '../../../shared/statistics/means.ts';
import { wilsonInterval } from '../../../shared/statistics/proportions.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertScenario, pulseTrust, type Scenario } from './dashboard-scenario.ts';
import {
  buildDashboardWorld,
  type DashboardWorld,
  insertResponses,
  insertSurvey,
} from './dashboard-testing.ts';

// A program's dashboard over answers whose figures are worked out here from the raw values
// (dashboard-scenario.ts), through the same HTTP a coordinator's page uses.

let test: TestApp;
let world: DashboardWorld;
let scenario: Scenario;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDashboardWorld(test);
  scenario = await insertScenario(test, world);
});
afterAll(async () => {
  await test.close();
});

async function dashboard(query: string, as = world.coordinator): Promise<Dashboard> {
  const answer = await send(
    test,
    as,
    'GET',
    `/api/programs/${world.programId}/measurement?${query}`,
  );
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<Dashboard>();
}

const plain = (interval: { estimate: number; lower: number; upper: number } | null) =>
  interval && {
    estimate: expect.closeTo(interval.estimate, 9),
    lower: expect.closeTo(interval.lower, 9),
    upper: expect.closeTo(interval.upper, 9),
    confidence: 0.95,
  };

const byKey = (groups: GroupFigures[]) => Object.fromEntries(groups.map((g) => [g.key, g]));

describe('a program’s dashboard', () => {
  it('gives each of the last eight quarters its trust index and favourable shares, with intervals', async () => {
    const pulse = await dashboard('kind=pulse');
    expect(pulse).toMatchObject({
      kind: 'pulse',
      quarter: scenario.lastEnded,
      threshold: 10,
      current: {
        quarter: scenario.current,
        responses: 0,
        endsOn: lastDayOf(scenario.current),
      },
    });
    expect(pulse.trend.map((each) => each.quarter)).toEqual(
      quartersEndingWith(scenario.lastEnded, 8),
    );
    const now = summarize(pulseTrust.lastEnded);
    if (!now) throw new Error('the scenario has answers');
    expect(pulse.trend.at(-1)?.figures).toEqual({
      key: 'all',
      n: 26,
      trust: { n: 26, mean: expect.closeTo(98 / 26, 6), interval: plain(meanInterval(now)) },
      constructs: Object.fromEntries(
        ['respect', 'voice', 'neutrality', 'motives', 'safety', 'reporting'].map((construct) => [
          construct,
          { n: 26, favourable: 23 / 26, interval: plain(wilsonInterval(23, 26)) },
        ]),
      ),
    });
    expect(pulse.trend.at(-2)?.figures).toMatchObject({
      n: 17,
      trust: { mean: expect.closeTo(57 / 17, 6) },
    });
    // Four answers: no figure at all, not even how many.
    const hidden = pulse.trend.find((each) => each.quarter === scenario.threeBack);
    expect(hidden?.figures).toEqual({ key: 'all', hidden: 'below_threshold' });
    // No one answered: 0 is said, with nothing to average.
    expect(pulse.trend[0]?.figures).toEqual({ key: 'all', n: 0, trust: null, constructs: {} });
  });

  it('breaks the quarter down by role and by neighbourhood, hiding small groups and what would give them away', async () => {
    const pulse = await dashboard('kind=pulse');
    expect(byKey(pulse.byRoleGroup)).toEqual({
      resident: { key: 'resident', hidden: 'complementary' },
      officer: { key: 'officer', hidden: 'below_threshold' },
      other: { key: 'other', n: 0, trust: null, constructs: {} },
    });
    expect(byKey(pulse.byNeighbourhood)).toMatchObject({
      'Elm Street': { n: 14, trust: { n: 14, mean: 4 } },
      Riverside: { hidden: 'below_threshold' },
    });
    // The quarter before had no one outside the two neighbourhoods: Elm Street is hidden too.
    const before = await dashboard(`kind=pulse&quarter=${scenario.quarterBefore}`);
    expect(byKey(before.byNeighbourhood)).toEqual({
      'Elm Street': { key: 'Elm Street', hidden: 'complementary' },
      Riverside: { key: 'Riverside', hidden: 'below_threshold' },
    });
    expect(byKey(before.byRoleGroup).resident).toMatchObject({ n: 17 });
  });

  it('compares the quarter with the one before: Welch’s interval and Hedges’ g', async () => {
    const pulse = await dashboard('kind=pulse');
    const now = summarize(pulseTrust.lastEnded);
    const before = summarize(pulseTrust.quarterBefore);
    if (!now || !before) throw new Error('the scenario has answers');
    const effect = hedgesG(now, before);
    expect(pulse.comparisons).toEqual([
      {
        from: scenario.quarterBefore,
        to: scenario.lastEnded,
        difference: plain(welchDifferenceInterval(now, before)),
        effectSize: effect && {
          ...plain(effect),
          standardError: expect.closeTo(effect.standardError, 9),
        },
      },
    ]);
    expect(pulse.comparisons[0]?.difference?.estimate).toBeCloseTo(98 / 26 - 57 / 17, 6);
    // Against a quarter of four answers there is nothing to compare.
    const against = await dashboard(`kind=pulse&compareWith=${scenario.threeBack}`);
    expect(against.comparisons).toEqual([
      { from: scenario.threeBack, to: scenario.lastEnded, difference: null, effectSize: null },
    ]);
  });

  it('keeps each kind apart, with the share of surveys answered and of agreement items done', async () => {
    const after = await dashboard('kind=after_process');
    expect(after.trend.at(-1)?.figures).toMatchObject({ n: 12, trust: { mean: 5 } });
    expect(after.responseRate).toEqual({
      n: 40,
      favourable: 0.75,
      interval: plain(wilsonInterval(30, 40)),
    });
    expect(after.agreementCompletion).toEqual({
      n: 12,
      favourable: 0.75,
      interval: plain(wilsonInterval(9, 12)),
    });
    // No pulse token follows a meeting.
    expect((await dashboard('kind=pulse')).responseRate).toBeNull();
  });

  it('compares before and after a training, under the training survey’s own threshold', async () => {
    const training = await dashboard('kind=training');
    expect(training.threshold).toBe(5);
    expect(byKey(training.byRoleGroup)).toMatchObject({ officer: { n: 27 }, other: { n: 6 } });
    const before = summarize(Array<number>(12).fill(2));
    const after = summarize(Array<number>(15).fill(4));
    if (!before || !after) throw new Error('the scenario has answers');
    expect(training.comparisons[1]).toEqual({
      from: 'before',
      to: 'after',
      difference: plain(welchDifferenceInterval(after, before)),
      // Every answer on each side the same: no spread, so no standardized effect.
      effectSize: hedgesG(after, before),
    });
    expect(training.comparisons[1]?.difference?.estimate).toBe(2);
  });

  it('counts an answer given today and changes no figure', async () => {
    const { db } = test.context.database;
    const before = await dashboard('kind=pulse');
    const survey = await insertSurvey(db, {
      programId: world.programId,
      kind: 'pulse',
      createdBy: world.coordinator.personId,
    });
    await insertResponses(db, survey, [{ day: dayIn('UTC'), score: 1, roleGroup: 'officer' }]);
    const after = await dashboard('kind=pulse');
    expect(after.current.responses).toBe(before.current.responses + 1);
    expect({ ...after, current: before.current }).toEqual(before);
  });

  it('is for the program’s readers: a facilitator reads it, a resident and others may not', async () => {
    const url = `/api/programs/${world.programId}/measurement?kind=pulse`;
    expect((await send(test, world.facilitator, 'GET', url)).statusCode).toBe(200);
    expect((await send(test, world.reviewer, 'GET', url)).statusCode).toBe(200);
    expect((await send(test, world.resident, 'GET', url)).statusCode).toBe(403);
    expect((await send(test, undefined, 'GET', url)).statusCode).toBe(401);
    const elsewhere = await buildDashboardWorld(test, 'Westside Trust');
    expect((await send(test, elsewhere.coordinator, 'GET', url)).statusCode).toBe(403);
    const unknown = `/api/programs/${crypto.randomUUID()}/measurement?kind=pulse`;
    expect((await send(test, world.coordinator, 'GET', unknown)).statusCode).toBe(403);
  });
});
