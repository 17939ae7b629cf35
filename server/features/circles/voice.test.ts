import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceReport } from '../../../shared/circles/contract.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertCircle } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// Equal voice: whether an officer's badge bought more airtime than a resident's voice, told by
// group in turns and time with the piece, to the keeper and in the program's reports. No names
// and no words reach those figures.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let first: string;
let second: string;
let live: string;
let practice: string;

const voice = (officers: number[], residents: number[], others: number[]): VoiceReport => ({
  officers: { people: officers[0] ?? 0, turns: officers[1] ?? 0, heldMs: officers[2] ?? 0 },
  residents: { people: residents[0] ?? 0, turns: residents[1] ?? 0, heldMs: residents[2] ?? 0 },
  others: { people: others[0] ?? 0, turns: others[1] ?? 0, heldMs: others[2] ?? 0 },
});

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  const { db } = test.context.database;
  const circle = (purpose: string, days: number, extra: object = {}) =>
    insertCircle(db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      purpose,
      startsAt: new Date(Date.now() - days * 86_400_000),
      seats: [{ personId: world.resident.personId, displayName: 'Maya', role: 'resident' }],
      ...extra,
    }).then((made) => made.circleId);
  first = await circle('Stops at night', 14, {
    voice: voice([2, 6, 240_000], [5, 15, 600_000], [1, 3, 60_000]),
  });
  second = await circle('Stops near the school', 7, {
    voice: voice([1, 4, 180_000], [6, 18, 720_000], [1, 2, 30_000]),
  });
  live = await circle('Meeting now', 0, { status: 'live' });
  practice = await circle('Practice for new keepers', 3, {
    training: true,
    voice: voice([8, 40, 2_000_000], [0, 0, 0], [1, 1, 1_000]),
  });
});
afterAll(async () => {
  await test.close();
});

describe('equal voice in a circle', () => {
  it('shows the keeper and the program’s reporters each group’s turns and time', async () => {
    for (const reader of [world.keeper, world.facilitator, world.coordinator]) {
      const answer = await call(reader, 'GET', `/api/circles/${first}/voice`);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toEqual(voice([2, 6, 240_000], [5, 15, 600_000], [1, 3, 60_000]));
    }
  });

  it('is not shown to the people in the circle, to officers or to outsiders', async () => {
    for (const someone of [world.resident, world.officer, world.stranger]) {
      expect((await call(someone, 'GET', `/api/circles/${first}/voice`)).statusCode).toBe(403);
    }
  });

  it('waits for the circle to close', async () => {
    const answer = await call(world.keeper, 'GET', `/api/circles/${live}/voice`);
    expect(answer.statusCode).toBe(409);
    expect(answer.json().detail).toMatch(/once the circle has closed/);
  });
});

describe('equal voice in a program', () => {
  it('adds up the program’s closed circles, leaving out practice circles and those still open', async () => {
    const answer = await call(
      world.coordinator,
      'GET',
      `/api/programs/${world.programId}/circle-voice`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const report = answer.json();
    expect(report.circles.map((circle: { circleId: string }) => circle.circleId)).toEqual([
      first,
      second,
    ]);
    expect(report.circles.map((circle: { circleId: string }) => circle.circleId)).not.toContain(
      practice,
    );
    expect(report.total).toEqual(voice([3, 10, 420_000], [11, 33, 1_320_000], [2, 5, 90_000]));
    // Figures only: nobody's name, and nothing anyone said.
    expect(answer.body).not.toMatch(/Maya|Ana Keeper|María/);
  });

  it('is for those who read the program’s reports', async () => {
    const url = `/api/programs/${world.programId}/circle-voice`;
    expect((await call(world.facilitator, 'GET', url)).statusCode).toBe(200);
    for (const someone of [world.officer, world.resident, world.stranger]) {
      expect((await call(someone, 'GET', url)).statusCode).toBe(403);
    }
  });
});

// Last, since its circle counts in the program's figures above.
describe('equal voice after a keeper leaves', () => {
  it('is no longer shown to a keeper who has left the program', async () => {
    const { circleId } = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: world.stranger.personId,
      voice: voice([1, 2, 60_000], [4, 8, 240_000], [0, 0, 0]),
    });
    expect((await call(world.stranger, 'GET', `/api/circles/${circleId}/voice`)).statusCode).toBe(
      403,
    );
  });
});
