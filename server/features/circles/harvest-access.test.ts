import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import { insertCircle } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// Who reaches a closed circle's harvest: its keepers and the program's managers write it; the
// people who sat in it read and answer it once shared; everyone else is refused as elsewhere in
// the API, without learning more than that.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let circleId: string;
let url: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  ({ circleId } = await insertCircle(test.context.database.db, {
    programId: world.programId,
    keeperId: world.keeper.personId,
    seats: [
      { personId: world.keeper.personId, displayName: 'Ana', role: 'keeper' },
      { personId: world.resident.personId, displayName: 'Maya', role: 'resident' },
    ],
  }));
  url = `/api/circles/${circleId}/harvest`;
  const saved = await call(world.keeper, 'PUT', url, {
    themes: 'Trust takes time.',
    commitments: [
      {
        title: 'Hold a second circle in the spring',
        owner: { kind: 'person', personId: world.keeper.personId },
        dueOn: addDays(dayIn(test.context.config.TIME_ZONE), 60),
      },
    ],
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  await test.close();
});

const statusOf = async (
  as: TestPerson,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: object,
) => (await call(as, method, path, body)).statusCode;

describe('who reaches a closed circle’s harvest', () => {
  it('lets the program’s coordinator manage a circle they do not keep', async () => {
    const read = await call(world.coordinator, 'GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: true, canReview: false });
    expect(read.json().commitments[0].ownerName).toBe('Ana Keeper');
  });

  it('refuses staff who neither keep the circle nor manage the program, and outsiders', async () => {
    for (const someone of [world.facilitator, world.officer, world.bystander, world.stranger]) {
      expect(await statusOf(someone, 'GET', url)).toBe(403);
      expect(await statusOf(someone, 'PUT', url, { themes: 'Not theirs' })).toBe(403);
      expect(await statusOf(someone, 'POST', `${url}/share`)).toBe(403);
      expect(await statusOf(someone, 'POST', `${url}/finalise`)).toBe(403);
    }
    // A circle that does not exist is refused the same way.
    expect(await statusOf(world.keeper, 'GET', `/api/circles/${crypto.randomUUID()}/harvest`)).toBe(
      403,
    );
  });

  it('lets a participant read and answer, and not write or finalise', async () => {
    expect(await statusOf(world.resident, 'POST', `${url}/reviews`, { decision: 'approve' })).toBe(
      409,
    );
    expect(await statusOf(world.keeper, 'POST', `${url}/share`)).toBe(200);
    expect(await statusOf(world.resident, 'PUT', url, { themes: 'My own words' })).toBe(403);
    expect(await statusOf(world.resident, 'POST', `${url}/finalise`)).toBe(403);
    expect(await statusOf(world.resident, 'POST', `${url}/reviews`, { decision: 'approve' })).toBe(
      200,
    );
  });

  it('takes answers only from the people who sat in the circle, and not from its keepers', async () => {
    const approve = { decision: 'approve' };
    // Someone who was not in the circle does not learn who answered it.
    for (const someone of [world.officer, world.coordinator, world.stranger]) {
      expect(await statusOf(someone, 'POST', `${url}/reviews`, approve)).toBe(404);
    }
    const keeper = await call(world.keeper, 'POST', `${url}/reviews`, approve);
    expect(keeper.statusCode).toBe(403);
    expect(keeper.json().detail).toBe('You wrote this harvest; the other participants review it.');
  });

  it('does not count the keepers’ own seats as the participants’ approval', async () => {
    const { circleId: keptOnly } = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      coKeeperId: world.coKeeper.personId,
      seats: [
        { personId: world.keeper.personId, displayName: 'Ana', role: 'keeper' },
        { personId: world.coKeeper.personId, displayName: 'Ben', role: 'co_keeper' },
      ],
    });
    const path = `/api/circles/${keptOnly}/harvest`;
    expect(await statusOf(world.keeper, 'PUT', path, { themes: 'Just us two.' })).toBe(200);
    expect(await statusOf(world.keeper, 'POST', `${path}/share`)).toBe(200);
    expect(await statusOf(world.coKeeper, 'POST', `${path}/reviews`, { decision: 'approve' })).toBe(
      403,
    );
    expect(await statusOf(world.keeper, 'POST', `${path}/finalise`)).toBe(409);
  });

  it('lets whoever planned a circle write its harvest, as the circle’s page offers them', async () => {
    const { circleId: planned } = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      plannedBy: world.facilitator.personId,
    });
    const page = await call(world.facilitator, 'GET', `/api/circles/${planned}`);
    expect(page.json().can).toMatchObject({ manage: true, harvest: true });
    const path = `/api/circles/${planned}/harvest`;
    expect(await statusOf(world.facilitator, 'PUT', path, { themes: 'What we heard.' })).toBe(200);
    const read = await call(world.facilitator, 'GET', path);
    expect(read.json()).toMatchObject({ themes: 'What we heard.', canEdit: true });
  });

  it('refuses a keeper who has left the program, as the rest of the circle does', async () => {
    const leaver = await addSignedInPerson(test, {
      organisationId: world.agencyId,
      role: 'facilitator',
      programId: world.programId,
    });
    const { circleId: kept } = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: leaver.personId,
    });
    const path = `/api/circles/${kept}/harvest`;
    expect(await statusOf(leaver, 'PUT', path, { themes: 'Still mine?' })).toBe(200);
    await test.context.database.db
      .delete(memberships)
      .where(eq(memberships.personId, leaver.personId));
    expect(await statusOf(leaver, 'GET', `/api/circles/${kept}`)).toBe(403);
    expect(await statusOf(leaver, 'GET', path)).toBe(403);
    expect(await statusOf(leaver, 'PUT', path, { themes: 'Still mine?' })).toBe(403);
  });
});
