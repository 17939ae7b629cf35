import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import type { TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { commitments } from '../commitments/schema.ts';
import { circleHarvestCommitments } from './schema.ts';
import { insertCircle } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// A closed circle's harvest, as its keeper writes it and its participants answer it, until its
// commitments stand on the register.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let today: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  today = dayIn(test.context.config.TIME_ZONE);
});
afterAll(async () => {
  await test.close();
});

/** A closed circle kept by the world's keepers, where the officer and two residents sat. */
async function closedCircle(purpose = 'Listening to each other about traffic stops') {
  const { circleId } = await insertCircle(test.context.database.db, {
    programId: world.programId,
    keeperId: world.keeper.personId,
    coKeeperId: world.coKeeper.personId,
    purpose,
    seats: [
      { personId: world.keeper.personId, displayName: 'Ana', role: 'keeper' },
      { personId: world.officer.personId, displayName: 'Officer Reyes', role: 'officer' },
      { personId: world.resident.personId, displayName: 'Maya', role: 'resident', language: 'es' },
      { personId: world.linkResident.personId, displayName: 'Sam', role: 'resident' },
    ],
  });
  return circleId;
}

const harvestBody = (overrides: object = {}) => ({
  themes: 'Stops at night feel frightening; people want to know why they were stopped.',
  commitments: [
    {
      title: 'Explain the reason for every stop before asking for papers',
      owner: { kind: 'person', personId: world.officer.personId },
      dueOn: addDays(today, 30),
    },
    {
      title: 'Publish the stop figures for Eastside every quarter',
      description: 'By neighbourhood and time of day.',
      owner: { kind: 'organisation', organisationId: world.agencyId, unit: 'Records Division' },
      dueOn: addDays(today, 90),
      visibility: 'public',
    },
  ],
  ...overrides,
});

async function expectStatus(
  as: TestPerson,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  status: number,
  payload?: object,
) {
  const answer = await call(as, method, url, payload);
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json();
}

describe('the harvest of a closed circle', () => {
  it('goes from the keeper’s draft, through the participants’ approval, to commitments on the register', async () => {
    const circleId = await closedCircle();
    const url = `/api/circles/${circleId}/harvest`;
    expect(await expectStatus(world.keeper, 'GET', url, 200)).toMatchObject({
      status: 'draft',
      themes: '',
      commitments: [],
      canEdit: true,
      canReview: false,
    });
    // Until it is shared, the draft is the keepers' alone.
    await expectStatus(world.resident, 'GET', url, 404);

    const saved = await expectStatus(world.keeper, 'PUT', url, 200, harvestBody());
    expect(saved.commitments).toMatchObject([
      {
        ownerName: 'Sergeant Dana Reyes',
        ownerIsOfficer: true,
        owner: { kind: 'person', personId: world.officer.personId },
        visibility: 'program',
        commitmentId: null,
      },
      {
        ownerName: 'Eastside Police Department, Records Division',
        ownerIsOfficer: false,
        visibility: 'public',
      },
    ]);
    await expectStatus(world.resident, 'GET', url, 404);

    const shared = await expectStatus(world.keeper, 'POST', `${url}/share`, 200);
    expect(shared.status).toBe('shared');
    // The participants with an address hear of it in their language; the keepers wrote it.
    const mails = await latestOutboxMessages(test.context.database.db, 10);
    const told = mails.filter((mail) => mail.template === 'circle-harvest');
    expect(told).toHaveLength(2);
    const addresses = told.map((mail) => mail.toAddress).sort();
    expect(addresses).toEqual([world.officer.email, world.resident.email].sort());
    const spanish = told.find((mail) => mail.toAddress === world.resident.email);
    const opened = await readOutboxMessage(
      test.context.database.db,
      test.context.cipher,
      spanish?.id ?? 0,
    );
    expect(opened?.subject).toContain('La cosecha de su círculo');
    expect(opened?.textBody).toContain(
      `${test.context.config.publicUrl}/circles/${circleId}/harvest`,
    );

    // A resident reads it under the names people took in the circle, and may answer.
    const read = await expectStatus(world.resident, 'GET', url, 200);
    expect(read).toMatchObject({ status: 'shared', canReview: true, canEdit: false, mine: null });
    expect(read.commitments[0]).toMatchObject({ ownerName: 'Officer Reyes', owner: null });
    expect(JSON.stringify(read)).not.toContain('Sergeant Dana Reyes');

    const early = await call(world.keeper, 'POST', `${url}/finalise`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/At least one participant other than the keepers/);

    const commented = await expectStatus(world.resident, 'POST', `${url}/reviews`, 200, {
      decision: 'comment',
      comment: 'Please say that the figures will be in Spanish too.',
    });
    expect(commented.mine).toEqual({
      decision: 'comment',
      comment: 'Please say that the figures will be in Spanish too.',
    });
    await expectStatus(world.keeper, 'POST', `${url}/finalise`, 409);
    const approved = await expectStatus(world.resident, 'POST', `${url}/reviews`, 200, {
      decision: 'approve',
    });
    // Approving keeps what they said before, for the keeper to read.
    expect(approved.mine).toMatchObject({ decision: 'approve', comment: /in Spanish too/ });
    const forKeeper = await expectStatus(world.keeper, 'GET', url, 200);
    expect(forKeeper.reviews).toMatchObject([{ participantName: 'Maya', decision: 'approve' }]);

    const final = await expectStatus(world.keeper, 'POST', `${url}/finalise`, 200);
    expect(final).toMatchObject({ status: 'final', canEdit: false, canReview: false });
    for (const drafted of final.commitments)
      expect(drafted.commitmentId).toEqual(expect.any(String));
    const onRegister = await expectStatus(
      world.coordinator,
      'GET',
      `/api/commitments/${final.commitments[1].commitmentId}`,
      200,
    );
    expect(onRegister).toMatchObject({
      title: 'Publish the stop figures for Eastside every quarter',
      source: 'circle',
      sourceLabel: 'Circle: Listening to each other about traffic stops',
      visibility: 'public',
      dueOn: addDays(today, 90),
      owner: { organisation: { id: world.agencyId }, unit: 'Records Division' },
    });
    const mine = await expectStatus(world.officer, 'GET', '/api/commitments/mine', 200);
    expect(mine.commitments.map((each: { id: string }) => each.id)).toContain(
      final.commitments[0].commitmentId,
    );

    // Final is final: no more changes, no more answers.
    await expectStatus(world.keeper, 'PUT', url, 409, harvestBody());
    await expectStatus(world.resident, 'POST', `${url}/reviews`, 409, { decision: 'approve' });
    await expectStatus(world.keeper, 'POST', `${url}/finalise`, 409);
  });

  it('clears approvals when the words change after sharing, and keeps every comment', async () => {
    const circleId = await closedCircle();
    const url = `/api/circles/${circleId}/harvest`;
    await expectStatus(world.keeper, 'PUT', url, 200, harvestBody());
    await expectStatus(world.coKeeper, 'POST', `${url}/share`, 200);
    await expectStatus(world.resident, 'POST', `${url}/reviews`, 200, { decision: 'approve' });
    await expectStatus(world.officer, 'POST', `${url}/reviews`, 200, {
      decision: 'comment',
      comment: 'The date is tight for the whole division.',
    });
    await expectStatus(world.officer, 'POST', `${url}/reviews`, 200, { decision: 'approve' });

    // Saving the same words again takes nobody's approval away.
    const same = await expectStatus(world.keeper, 'PUT', url, 200, harvestBody());
    expect(same.reviews.map((review: { decision: string }) => review.decision)).toEqual([
      'approve',
      'approve',
    ]);

    const changed = await expectStatus(
      world.coKeeper,
      'PUT',
      url,
      200,
      harvestBody({ themes: 'Stops at night feel frightening, above all for young people.' }),
    );
    expect(changed.status).toBe('shared');
    expect(changed.reviews).toEqual([
      expect.objectContaining({
        participantName: 'Officer Reyes',
        decision: 'comment',
        comment: 'The date is tight for the whole division.',
      }),
    ]);
    const resident = await expectStatus(world.resident, 'GET', url, 200);
    expect(resident).toMatchObject({ mine: null, canReview: true });
    expect(resident.themes).toContain('above all for young people');
    const refused = await call(world.keeper, 'POST', `${url}/finalise`, {});
    expect(refused.statusCode).toBe(409);
  });

  it('names each drafted commitment that cannot go on the register, and keeps the harvest as it was', async () => {
    const circleId = await closedCircle();
    const url = `/api/circles/${circleId}/harvest`;
    await expectStatus(world.keeper, 'PUT', url, 200, harvestBody());
    const refused = await call(world.keeper, 'PUT', url, {
      themes: 'Other words',
      commitments: [
        {
          title: 'Meet the youth club',
          owner: { kind: 'person', personId: world.stranger.personId },
          dueOn: addDays(today, 10),
        },
        {
          title: 'Answer the letters',
          owner: { kind: 'organisation', organisationId: world.agencyId },
          dueOn: addDays(today, -1),
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual([
      'commitments.0.owner',
      'commitments.1.dueOn',
    ]);
    const kept = await expectStatus(world.keeper, 'GET', url, 200);
    expect(kept.themes).toBe(harvestBody().themes);
    expect(kept.commitments).toHaveLength(2);

    // A due day that passed while the participants read it is named at the end, and nothing
    // reaches the register until it is changed.
    await expectStatus(world.keeper, 'POST', `${url}/share`, 200);
    await expectStatus(world.resident, 'POST', `${url}/reviews`, 200, { decision: 'approve' });
    const { db } = test.context.database;
    await db
      .update(circleHarvestCommitments)
      .set({ dueOn: addDays(today, -2) })
      .where(
        and(
          eq(circleHarvestCommitments.circleId, circleId),
          eq(circleHarvestCommitments.position, 1),
        ),
      );
    const late = await call(world.keeper, 'POST', `${url}/finalise`, {});
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toMatchObject([
      { field: 'commitments.1.dueOn', code: 'due_in_past' },
    ]);
    expect((await expectStatus(world.keeper, 'GET', url, 200)).status).toBe('shared');
    const recorded = await db.select().from(commitments).where(eq(commitments.sourceId, circleId));
    expect(recorded).toEqual([]);
  });

  it('is written only once the circle has closed, and shared once there are words to share', async () => {
    const { circleId } = await insertCircle(test.context.database.db, {
      programId: world.programId,
      keeperId: world.keeper.personId,
      status: 'live',
    });
    const url = `/api/circles/${circleId}/harvest`;
    const live = await call(world.keeper, 'PUT', url, harvestBody());
    expect(live.statusCode).toBe(409);
    expect(live.json().detail).toMatch(/once the circle has closed/);
    const empty = await closedCircle();
    const share = await call(world.keeper, 'POST', `/api/circles/${empty}/harvest/share`, {});
    expect(share.statusCode).toBe(409);
    expect(share.json().detail).toBe('Write the harvest before you share it.');
  });
});
