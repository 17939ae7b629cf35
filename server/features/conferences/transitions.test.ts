import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  auditOf,
  buildIntakeWorld,
  type IntakeWorld,
  refer,
  referralLinkOf,
} from './intake-fixtures.ts';
import { conferenceEvents, conferences } from './schema.ts';
import { insertCase } from './testing.ts';

// The workflow's steps through the API, as the case team takes them: a step its guard forbids
// is a 409 with the reason and changes nothing; one it allows moves the case and is audited.

let test: TestApp;
let world: IntakeWorld;
let token: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  token = await referralLinkOf(test, world);
});
afterAll(async () => {
  await test.close();
});

const step = (person: IntakeWorld['coordinator'], conferenceId: string, body: object) =>
  send(test, person, 'POST', `/api/conferences/${conferenceId}/transitions`, body);

async function eventsOf(conferenceId: string) {
  return test.context.database.db
    .select({ type: conferenceEvents.type })
    .from(conferenceEvents)
    .where(eq(conferenceEvents.conferenceId, conferenceId));
}

async function stageOf(conferenceId: string) {
  const [row] = await test.context.database.db
    .select({ stage: conferences.stage })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  return row?.stage;
}

describe('a step the workflow forbids', () => {
  it('is a 409 with the workflow’s code and reason, and the case is as it was', async () => {
    const { conferenceId } = await refer(test, token);
    const before = await eventsOf(conferenceId);
    const answer = await step(world.coordinator, conferenceId, { type: 'accept' });
    expect(answer.statusCode).toBe(409);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({
      status: 409,
      code: 'wrong_stage',
      detail: 'A case that is a new referral cannot be accepted.',
    });
    expect(await eventsOf(conferenceId)).toEqual(before);
    expect(await stageOf(conferenceId)).toBe('referral');
    const refused = await auditOf(test, conferenceId, 'conference.accept');
    expect(refused.map((entry) => [entry.outcome, entry.details])).toEqual([
      ['denied', { refused: 'wrong_stage' }],
    ]);
  });

  it('says what is missing when screening is incomplete', async () => {
    const { conferenceId } = await refer(test, token);
    await step(world.coordinator, conferenceId, { type: 'begin_screening' });
    await step(world.coordinator, conferenceId, {
      type: 'record_eligibility',
      eligible: true,
      reason: 'Harassment between neighbours: eligible.',
    });
    const answer = await step(world.coordinator, conferenceId, { type: 'accept' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({
      code: 'screening_incomplete',
      detail: 'Record eligibility and the safety and voluntariness assessment first.',
    });
    expect(await stageOf(conferenceId)).toBe('screening');
  });

  it('refuses to accept a misconduct case without the oversight reviewer’s sign-off', async () => {
    const store = { db: test.context.database.db, cipher: test.context.cipher };
    const { conferenceId } = await insertCase(store, {
      programId: world.programId,
      agencyOrganisationId: world.agencyId,
    });
    for (const body of [
      { type: 'begin_screening' },
      { type: 'record_eligibility', eligible: true, reason: 'Discourtesy is eligible.' },
      { type: 'record_safety', safe: true, voluntary: true },
    ]) {
      expect((await step(world.coordinator, conferenceId, body)).statusCode).toBe(200);
    }
    const answer = await step(world.coordinator, conferenceId, { type: 'accept' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('sign_off_missing');
  });
});

describe('a step the workflow allows', () => {
  it('moves the case, answers it with the steps now possible, and is in the audit trail', async () => {
    const { conferenceId } = await refer(test, token);
    const begun = await step(world.coordinator, conferenceId, { type: 'begin_screening' });
    expect(begun.statusCode, begun.body).toBe(200);
    const detail = begun.json() as CaseDetail;
    expect(detail.stage).toBe('screening');
    expect(detail.allowed).toEqual(['record_eligibility', 'record_safety', 'close']);
    expect(detail.timeline.map((entry) => [entry.type, entry.byName])).toEqual([
      ['referred', null],
      ['screening_begun', 'Amara Johnson'],
    ]);
    expect(await stageOf(conferenceId)).toBe('screening');
    const audited = await auditOf(test, conferenceId, 'conference.screening_begun');
    expect(audited.map((entry) => [entry.actorId, entry.outcome])).toEqual([
      [world.coordinator.personId, 'succeeded'],
    ]);

    const eligible = await step(world.coordinator, conferenceId, {
      type: 'record_eligibility',
      eligible: true,
      reason: 'Harassment between neighbours: eligible.',
    });
    const safe = await step(world.coordinator, conferenceId, {
      type: 'record_safety',
      safe: true,
      voluntary: true,
    });
    expect(eligible.json().eligibility).toEqual({
      eligible: true,
      reason: 'Harassment between neighbours: eligible.',
    });
    expect(safe.json().allowed).toEqual([
      'record_eligibility',
      'record_safety',
      'accept',
      'route_back',
      'close',
    ]);
    const accepted = await step(world.coordinator, conferenceId, { type: 'accept' });
    expect(accepted.json().stage).toBe('preparation');
    // The reason is sealed in the event and shown on the timeline, never in the audit trail.
    const timeline = (accepted.json() as CaseDetail).timeline;
    expect(timeline.find((entry) => entry.type === 'eligibility_recorded')).toMatchObject({
      data: { eligible: true },
      words: 'Harassment between neighbours: eligible.',
    });
    const trail = await auditOf(test, conferenceId, 'conference.eligibility_recorded');
    expect(JSON.stringify(trail)).not.toContain('neighbours');
  });

  it('is taken by the assigned facilitator, and not by one who is not on the team', async () => {
    const { conferenceId } = await refer(test, token);
    const stranger = await step(world.otherFacilitator, conferenceId, { type: 'begin_screening' });
    expect(stranger.statusCode).toBe(404);
    await send(test, world.coordinator, 'POST', `/api/conferences/${conferenceId}/team`, {
      personId: world.facilitator.personId,
      role: 'lead',
    });
    const begun = await step(world.facilitator, conferenceId, { type: 'begin_screening' });
    expect(begun.statusCode, begun.body).toBe(200);
    expect(begun.json()).toMatchObject({ stage: 'screening', canChange: true });
  });

  it('names the field when a step lacks what it needs, and knows no other step', async () => {
    const { conferenceId } = await refer(test, token);
    const noReason = await step(world.coordinator, conferenceId, {
      type: 'route_back',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([
      expect.objectContaining({ field: 'reason', message: 'Write the reason.' }),
    ]);
    for (const type of ['sign_off', 'add_party', 'jump_to_closed']) {
      const answer = await step(world.coordinator, conferenceId, { type });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors[0].message).toBe('Choose a step of the workflow.');
    }
    expect(await stageOf(conferenceId)).toBe('referral');
  });
});
