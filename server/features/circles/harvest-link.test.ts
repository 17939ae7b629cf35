import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertCircle } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// A commitment that came from a circle leads back to the circle's harvest, for a reader who may
// read that harvest (those who manage the circle, and the people who sat in it). Anyone else
// who may read the commitment sees where it came from in words only, and the public register
// never leads to a circle.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let harvestPath: string;
/** Recorded from the harvest: one for the program, one on the public register. */
let forProgram: string;
let forPublic: string;

async function expectOk(
  as: TestPerson,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: object,
) {
  const answer = await call(as, method, url, body);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
}

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  const today = dayIn(test.context.config.TIME_ZONE);
  const { circleId } = await insertCircle(test.context.database.db, {
    programId: world.programId,
    keeperId: world.keeper.personId,
    seats: [
      { personId: world.keeper.personId, displayName: 'Ana', role: 'keeper' },
      { personId: world.officer.personId, displayName: 'Officer Reyes', role: 'officer' },
      { personId: world.resident.personId, displayName: 'Maya', role: 'resident' },
    ],
  });
  harvestPath = `/circles/${circleId}/harvest`;
  const url = `/api${harvestPath}`;
  await expectOk(world.keeper, 'PUT', url, {
    themes: 'People want to know why they were stopped.',
    commitments: [
      {
        title: 'Explain the reason for every stop',
        owner: { kind: 'person', personId: world.officer.personId },
        dueOn: addDays(today, 30),
      },
      {
        title: 'Publish the stop figures every quarter',
        owner: { kind: 'organisation', organisationId: world.agencyId, unit: 'Records' },
        dueOn: addDays(today, 90),
        visibility: 'public',
      },
    ],
  });
  await expectOk(world.keeper, 'POST', `${url}/share`);
  await expectOk(world.resident, 'POST', `${url}/reviews`, { decision: 'approve' });
  const final = await expectOk(world.keeper, 'POST', `${url}/finalise`);
  [forProgram, forPublic] = final.commitments.map(
    (drafted: { commitmentId: string }) => drafted.commitmentId,
  );
});
afterAll(async () => {
  await test.close();
});

const sourceLinkFor = async (reader: TestPerson, commitmentId: string) =>
  (await expectOk(reader, 'GET', `/api/commitments/${commitmentId}`)).sourceLink;

describe('a commitment from a circle', () => {
  it('links to the circle’s harvest for its keeper, its manager and the people who sat in it', async () => {
    for (const reader of [world.keeper, world.coordinator, world.officer, world.resident]) {
      expect(await sourceLinkFor(reader, forProgram)).toBe(harvestPath);
    }
    const mine = await expectOk(world.officer, 'GET', '/api/commitments/mine');
    expect(mine.commitments).toContainEqual(
      expect.objectContaining({ id: forProgram, sourceLink: harvestPath }),
    );
  });

  it('names the circle without a link for others who may read the commitment', async () => {
    for (const reader of [world.facilitator, world.bystander]) {
      const detail = await expectOk(reader, 'GET', `/api/commitments/${forProgram}`);
      expect(detail).toMatchObject({ source: 'circle', sourceLink: null });
      expect(detail.sourceLabel).toMatch(/^Circle: /);
    }
    const list = await expectOk(
      world.facilitator,
      'GET',
      `/api/programs/${world.programId}/commitments`,
    );
    const fromTheCircle = list.commitments.filter(
      (commitment: { id: string }) => commitment.id === forProgram || commitment.id === forPublic,
    );
    expect(fromTheCircle).toHaveLength(2);
    for (const commitment of fromTheCircle) expect(commitment.sourceLink).toBeNull();
  });

  it('never leads from the public register to the circle', async () => {
    for (const url of [
      `/register/commitments/${forPublic}`,
      `/register/programs/${world.programId}`,
    ]) {
      const page = await test.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('Publish the stop figures every quarter');
      expect(page.body).not.toContain('/circles/');
    }
  });
});
