import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { commitments } from '../commitments/schema.ts';
import { insertCircle, insertInvitee, insertSeries } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// A circle of a series opens where the last one ended: the themes of the latest earlier circle
// whose harvest is final, and the commitments made there that are still open.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let today: string;
let first: string;
let second: string;
let third: string;
let recorded: string[];

async function ok(as: TestPerson, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const answer = await call(as, method, url, payload);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  today = dayIn(test.context.config.TIME_ZONE);
  const { db } = test.context.database;
  const seriesId = await insertSeries(db, world.programId, world.keeper.personId, 3);
  const inSeries = (position: number, status: 'closed' | 'scheduled') =>
    insertCircle(db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      series: { id: seriesId, position },
      status,
      startsAt: new Date(Date.now() + (position - 3) * 7 * 86_400_000),
      seats: [{ personId: world.officer.personId, displayName: 'Officer Reyes', role: 'officer' }],
    }).then((made) => made.circleId);
  first = await inSeries(1, 'closed');
  second = await inSeries(2, 'closed');
  third = await inSeries(3, 'scheduled');
  await insertInvitee(db, third, world.resident.personId, world.keeper.personId);

  const harvest = `/api/circles/${first}/harvest`;
  await ok(world.keeper, 'PUT', harvest, {
    themes: 'Young people feel watched at the bus station.',
    commitments: [
      {
        title: 'Walk the bus station with the youth club',
        owner: { kind: 'person', personId: world.officer.personId },
        dueOn: addDays(today, 20),
      },
      {
        title: 'Share the patrol schedule with the youth club',
        owner: { kind: 'organisation', organisationId: world.agencyId, unit: '' },
        dueOn: addDays(today, 40),
      },
      {
        title: 'Invite the station manager to the next circle',
        owner: { kind: 'person', personId: world.keeper.personId },
        dueOn: addDays(today, 5),
      },
    ],
  });
  await ok(world.keeper, 'POST', `${harvest}/share`);
  await ok(world.officer, 'POST', `${harvest}/reviews`, { decision: 'approve' });
  const final = await ok(world.keeper, 'POST', `${harvest}/finalise`);
  recorded = final.commitments.map((each: { commitmentId: string }) => each.commitmentId);
  // The walk was done; the invitation's day has passed with it still open.
  await ok(world.officer, 'POST', `/api/commitments/${recorded[0]}/updates`, { status: 'done' });
  await db
    .update(commitments)
    .set({ dueOn: addDays(today, -3) })
    .where(eq(commitments.id, recorded[2] ?? ''));
  // The second circle's harvest is only shared: it is not where the series stands.
  await ok(world.keeper, 'PUT', `/api/circles/${second}/harvest`, { themes: 'Not final yet.' });
  await ok(world.keeper, 'POST', `/api/circles/${second}/harvest/share`);
});
afterAll(async () => {
  await test.close();
});

describe('a circle of a series', () => {
  it('opens with the last final harvest and the commitments still open from it', async () => {
    const previous = await ok(world.keeper, 'GET', `/api/circles/${third}/previous`);
    expect(previous).toMatchObject({
      circleId: first,
      themes: 'Young people feel watched at the bus station.',
    });
    expect(previous.openCommitments).toEqual([
      {
        id: recorded[2],
        title: 'Invite the station manager to the next circle',
        status: 'planned',
        dueOn: addDays(today, -3),
        overdue: true,
      },
      {
        id: recorded[1],
        title: 'Share the patrol schedule with the youth club',
        status: 'planned',
        dueOn: addDays(today, 40),
        overdue: false,
      },
    ]);
    expect(JSON.stringify(previous)).not.toContain('Not final yet.');
  });

  it('is read by the program’s staff and by the residents asked to it', async () => {
    const forKeeper = await ok(world.keeper, 'GET', `/api/circles/${third}/previous`);
    for (const reader of [world.officer, world.facilitator, world.resident]) {
      expect(await ok(reader, 'GET', `/api/circles/${third}/previous`)).toEqual(forKeeper);
    }
    expect((await call(world.bystander, 'GET', `/api/circles/${third}/previous`)).statusCode).toBe(
      404,
    );
    expect((await call(world.stranger, 'GET', `/api/circles/${third}/previous`)).statusCode).toBe(
      403,
    );
  });

  it('has nothing before the first circle of a series, nor before a circle alone', async () => {
    const alone = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      status: 'scheduled',
    });
    for (const circleId of [first, alone.circleId]) {
      const answer = await call(world.keeper, 'GET', `/api/circles/${circleId}/previous`);
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toBeNull();
    }
    expect((await ok(world.keeper, 'GET', `/api/circles/${second}/previous`)).circleId).toBe(first);
  });
});
