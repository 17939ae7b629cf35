import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, GroupFigures } from '../../../shared/measurement/contract.ts';
import { type Construct, surveyKinds } from '../../../shared/measurement/item-bank.ts';
import { isSmall } from '../../../shared/measurement/suppression.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertScenario, type Scenario } from './dashboard-scenario.ts';
import { buildDashboardWorld, type DashboardWorld } from './dashboard-testing.ts';

// An attacker with every dashboard the program serves (each kind, each quarter) subtracts shown
// figures from each other: the quarter's total (a cell of the trend) minus any of the shown
// groups of a breakdown, for the people counted and for each construct's count. No difference
// may be a group of 1 to threshold-1. The answers are built so that a dashboard hiding only the
// small groups would give them away (dashboard-scenario.ts).

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

const url = (query: string) => `/api/programs/${world.programId}/measurement?${query}`;

/** Every total minus a choice of its shown parts: what subtraction tells of the hidden rest. */
function remainders(total: number, parts: readonly number[]): number[] {
  const found: number[] = [];
  for (let mask = 0; mask < 1 << parts.length; mask++) {
    found.push(parts.reduce((rest, n, index) => (mask & (1 << index) ? rest - n : rest), total));
  }
  return found;
}

type Shown = Exclude<GroupFigures, { hidden: unknown }>;
const shownOnly = (groups: GroupFigures[]) =>
  groups.filter((group): group is Shown => !('hidden' in group));

/** What an attacker derives from one dashboard: each subtraction, with what it is about. */
function derivable(dashboard: Dashboard): { what: string; n: number }[] {
  const quarter = dashboard.trend.at(-1)?.figures;
  if (!quarter || 'hidden' in quarter) return [];
  const found: { what: string; n: number }[] = [];
  for (const [name, groups] of [
    ['role group', dashboard.byRoleGroup],
    ['neighbourhood', dashboard.byNeighbourhood],
  ] as const) {
    const shown = shownOnly(groups);
    for (const n of remainders(
      quarter.n,
      shown.map((group) => group.n),
    )) {
      found.push({ what: `${dashboard.kind} ${dashboard.quarter} by ${name}: people`, n });
    }
    for (const [construct, figure] of Object.entries(quarter.constructs)) {
      const parts = shown.map((group) => group.constructs[construct as Construct]?.n ?? 0);
      for (const n of remainders(figure.n, parts)) {
        found.push({ what: `${dashboard.kind} ${dashboard.quarter} by ${name}: ${construct}`, n });
      }
    }
  }
  return found;
}

describe('differencing the dashboards', () => {
  it('would find the 3 officers and Riverside’s 3 in a dashboard that hid only small groups', () => {
    // What a careless dashboard would show beside the totals: every group of 10 or more.
    const careless = (cells: number[]) => cells.filter((n) => !isSmall(n, 10));
    expect(remainders(26, careless([23, 3, 0]))).toContain(3);
    expect(remainders(17, careless([14, 3]))).toContain(3);
  });

  it('finds no group of 1 to threshold-1 by subtracting any figures served', async () => {
    const found: { what: string; n: number }[] = [];
    let shownGroups = 0;
    for (const kind of surveyKinds) {
      const first = await send(test, world.coordinator, 'GET', url(`kind=${kind}`));
      const trend = first.json<Dashboard>().trend;
      for (const { quarter } of trend) {
        const answer = await send(
          test,
          world.coordinator,
          'GET',
          url(`kind=${kind}&quarter=${quarter}`),
        );
        expect(answer.statusCode).toBe(200);
        const dashboard = answer.json<Dashboard>();
        // A quarter is the same cell whichever dashboard shows it, so two cannot be set apart.
        expect(dashboard.trend.at(-1)).toEqual(trend.find((each) => each.quarter === quarter));
        shownGroups += shownOnly([...dashboard.byRoleGroup, ...dashboard.byNeighbourhood]).length;
        found.push(...derivable(dashboard));
      }
    }
    expect(shownGroups).toBeGreaterThan(5);
    expect(found.length).toBeGreaterThan(50);
    const threshold = (what: string) => (what.startsWith('training') ? 5 : 10);
    expect(found.filter(({ what, n }) => isSmall(n, threshold(what)))).toEqual([]);
  });
});

describe('a dashboard asked for badly', () => {
  const cases: [string, string, string][] = [
    ['', 'query.kind', 'Choose the kind of survey.'],
    ['kind=everything', 'query.kind', 'Choose the kind of survey.'],
    ['kind=pulse&quarter=2026-Q5', 'query.quarter', 'Give a quarter such as 2026-Q3.'],
    ['kind=pulse&quarter=1999-Q4', 'query.quarter', 'Give a quarter from 2000 on.'],
    ['kind=pulse&compareWith=last', 'query.compareWith', 'Give a quarter such as 2026-Q3.'],
    [
      'kind=pulse&quarter=9999-Q4',
      'query.quarter',
      'Figures for a quarter appear once it has ended.',
    ],
  ];
  it.each(cases)('?%s is refused (400) with a message on %s', async (query, field, message) => {
    const answer = await send(test, world.coordinator, 'GET', url(query));
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json<{ errors: { field: string; message: string }[] }>().errors).toContainEqual(
      expect.objectContaining({ field, message: expect.stringContaining(message) }),
    );
  });

  it('refuses the quarter under way, chosen or compared with: its figures would move with each answer', async () => {
    for (const [query, field] of [
      [`kind=pulse&quarter=${scenario.current}`, 'query.quarter'],
      [`kind=pulse&compareWith=${scenario.current}`, 'query.compareWith'],
    ] as const) {
      const answer = await send(test, world.coordinator, 'GET', url(query));
      expect(answer.statusCode).toBe(400);
      expect(answer.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
        { field, message: 'Figures for a quarter appear once it has ended.' },
      ]);
    }
  });

  it('refuses to compare a quarter with itself', async () => {
    const query = `kind=pulse&quarter=${scenario.quarterBefore}&compareWith=${scenario.quarterBefore}`;
    const answer = await send(test, world.coordinator, 'GET', url(query));
    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ errors: { field: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'query.compareWith' }),
    ]);
  });
});
