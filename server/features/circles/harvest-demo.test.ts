import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoActor } from '../organisations/demo.ts';
import { addHarvestDemo } from './harvest-demo.ts';
import { insertCircle } from './testing.ts';
import { buildCircleWorld, type CircleWorld, callerOf } from './testing-world.ts';

// The demo's closed circle reads as one whose harvest was written, approved and made final, with
// its commitments on the register; written inside the demo's own transaction.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

describe('the harvest in the demo', () => {
  it('gives a closed circle a final harvest with two commitments on the register', async () => {
    const { db } = test.context.database;
    const keeper = await demoActor(test.context, {
      id: world.keeper.personId,
      name: 'Ana Keeper',
      email: world.keeper.email,
    });
    const { commitmentIds, circleId } = await db.transaction(async (tx) => {
      const { circleId, seatOf } = await insertCircle(tx, {
        programId: world.programId,
        keeperId: world.keeper.personId,
        seats: [{ personId: world.resident.personId, displayName: 'Maya', role: 'resident' }],
      });
      const made = await addHarvestDemo(test.context, tx, {
        circleId,
        keeper,
        officerId: world.officer.personId,
        agencyId: world.agencyId,
        approvingSeatIds: [seatOf.get(world.resident.personId) ?? ''],
      });
      return { ...made, circleId };
    });
    expect(commitmentIds).toHaveLength(2);
    const call = callerOf(test);
    const [first] = commitmentIds;
    const onRegister = await call(world.resident, 'GET', `/api/commitments/${first}`);
    expect(onRegister.statusCode, onRegister.body).toBe(200);
    expect(onRegister.json()).toMatchObject({ source: 'circle', visibility: 'public' });
    const harvest = await call(world.resident, 'GET', `/api/circles/${circleId}/harvest`);
    expect(harvest.json()).toMatchObject({
      status: 'final',
      reviews: [{ participantName: 'Maya', decision: 'approve' }],
    });
    expect(
      harvest.json().commitments.map((each: { commitmentId: string }) => each.commitmentId),
    ).toEqual(commitmentIds);
  });
});
