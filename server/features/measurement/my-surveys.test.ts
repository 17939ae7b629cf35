import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MySurvey } from '../../../shared/measurement/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { surveyResponses } from './schema.ts';
import { insertClosedCircle, insertInvitation, insertSurvey } from './testing.ts';
import { buildMeasurementWorld, type MeasurementWorld, startByLink } from './testing-world.ts';

// "My surveys": what waits for the signed-in person, a fresh token for their own invitation
// only, and the promise that no answer a staff member can read puts a response beside a person.

let test: TestApp;
let world: MeasurementWorld;
let surveyId: string;
let circleId: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildMeasurementWorld(test);
  surveyId = (
    await insertSurvey(db(), {
      programId: world.programId,
      createdBy: world.coordinator.personId,
      kind: 'after_process',
      items: ['respect.in_meeting', 'voice.in_meeting'],
    })
  ).id;
  circleId = await insertClosedCircle(db(), {
    programId: world.programId,
    keeperId: world.facilitator.personId,
    purpose: 'Traffic stops on Elm Street',
    closedAt: new Date(),
  });
});
afterAll(async () => {
  await test.close();
});

const db = () => test.context.database.db;
const mine = async (as = world.resident) =>
  (await send(test, as, 'GET', '/api/me/surveys')).json() as MySurvey[];
const answer = { language: 'es', scales: { 'respect.in_meeting': 4, 'voice.in_meeting': 5 } };

describe('my surveys', () => {
  it('lists what waits for me, in my language, and nothing answered, expired or closed', async () => {
    const waiting = await insertInvitation(db(), surveyId, {
      personId: world.resident.personId,
      processKind: 'circle',
      processId: circleId,
      roleGroup: 'resident',
    });
    await insertInvitation(db(), surveyId, {
      personId: world.resident.personId,
      processKind: 'conference',
      processId: 'conference-1',
      answered: true,
    });
    await insertInvitation(db(), surveyId, {
      personId: world.resident.personId,
      processKind: 'conference',
      processId: 'conference-2',
      expiresAt: new Date(Date.now() - 1_000),
    });
    const closed = await insertSurvey(db(), {
      programId: world.programId,
      createdBy: world.coordinator.personId,
      kind: 'after_process',
      state: 'closed',
      items: ['respect.in_meeting'],
    });
    await insertInvitation(db(), closed.id, { personId: world.resident.personId });
    expect(await mine()).toEqual([
      {
        invitationId: waiting.id,
        title: '¿Qué tan seguro es Elm Street?',
        about: 'Círculo: Traffic stops on Elm Street',
        expiresAt: expect.any(String),
      },
    ]);
    expect(await mine(world.officer)).toEqual([]);
  });

  it('gives me a fresh token for my own invitation, ending the one mailed, and finds no one else’s', async () => {
    const mailed = await insertInvitation(db(), surveyId, {
      personId: world.officer.personId,
      processKind: 'conference',
      processId: 'conference-3',
      roleGroup: 'officer',
    });
    const [listed] = await mine(world.officer);
    expect(listed).toMatchObject({ invitationId: mailed.id, about: 'Conference' });
    const someoneElse = await send(
      test,
      world.resident,
      'POST',
      `/api/me/surveys/${mailed.id}/token`,
    );
    expect(someoneElse.statusCode).toBe(404);
    const fresh = await send(test, world.officer, 'POST', `/api/me/surveys/${mailed.id}/token`);
    expect(fresh.statusCode, fresh.body).toBe(200);
    const { token, url } = fresh.json();
    expect(url).toBe(`${test.context.config.publicUrl}/answer/${token}`);
    expect(
      (await send(test, undefined, 'GET', `/api/survey-answer/${mailed.token}`)).statusCode,
    ).toBe(404);
    const sent = await send(test, undefined, 'POST', `/api/survey-answer/${token}`, answer);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await mine(world.officer)).toEqual([]);
    const afterwards = await send(
      test,
      world.officer,
      'POST',
      `/api/me/surveys/${mailed.id}/token`,
    );
    expect(afterwards.statusCode).toBe(409);
  });
});

describe('anonymity', () => {
  it('shows staff no response id beside a person, in any answer they can read', async () => {
    const pulse = await insertSurvey(db(), {
      programId: world.programId,
      createdBy: world.coordinator.personId,
    });
    const token = await startByLink(test, `${test.context.config.publicUrl}/pulse/${pulse.slug}`);
    const sent = await send(test, undefined, 'POST', `/api/survey-answer/${token}`, {
      language: 'en',
      scales: { 'respect.dignity': 2 },
      roleGroup: 'resident',
    });
    expect(sent.statusCode).toBe(200);
    // After another process than the first test's: one invitation per person and process.
    const mailed = await insertInvitation(db(), surveyId, {
      personId: world.resident.personId,
      processKind: 'conference',
      processId: 'conference-4',
    });
    const fresh = await send(test, world.resident, 'POST', `/api/me/surveys/${mailed.id}/token`);
    await send(test, undefined, 'POST', `/api/survey-answer/${fresh.json().token}`, answer);

    const responseIds = (await db().select({ id: surveyResponses.id }).from(surveyResponses)).map(
      (row) => row.id,
    );
    expect(responseIds.length).toBeGreaterThanOrEqual(3);
    const readable = [
      await send(test, world.coordinator, 'GET', `/api/programs/${world.programId}/surveys`),
      await send(test, world.coordinator, 'GET', `/api/surveys/${surveyId}`),
      await send(test, world.coordinator, 'GET', `/api/surveys/${pulse.id}`),
      await send(test, world.facilitator, 'GET', `/api/surveys/${surveyId}`),
      await send(test, world.resident, 'GET', '/api/me/surveys'),
      await send(test, world.officer, 'GET', '/api/me/surveys'),
      fresh,
    ];
    for (const read of readable) {
      expect(read.statusCode, read.body).toBeLessThan(300);
      for (const id of responseIds) expect(read.body).not.toContain(id);
      for (const person of [world.resident, world.officer]) {
        expect(read.body).not.toContain(person.personId);
      }
    }
    const rows = await db()
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId));
    for (const row of rows) {
      expect(Object.values(row)).not.toContain(world.resident.personId);
      expect(Object.values(row)).not.toContain(mailed.id);
    }
  });
});
