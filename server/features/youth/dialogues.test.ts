import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertDialogue, insertStatement } from '../dialogues/testing.ts';
import { linkTokenSentTo, setUpYouthProgram, type YouthProgram } from './testing.ts';

// A youth program's guided dialogue is an activity like its circles: a minor joins it, and
// votes in it, only while their guardian's consent is current.

let test: TestApp;
let youth: YouthProgram;

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
});
afterAll(async () => {
  await test.close();
});

describe('a young person in a youth program’s dialogue', () => {
  it('joins and votes only while the consent is current', async () => {
    const { db } = test.context.database;
    const dialogueId = await insertDialogue(db, {
      programId: youth.programId,
      createdBy: youth.coordinator.personId,
    });
    const statementId = await insertStatement(db, dialogueId, {
      text: 'Officers should explain why they stopped someone.',
    });
    const added = await send(
      test,
      youth.coordinator,
      'POST',
      `/api/programs/${youth.programId}/young-people`,
      {
        displayName: 'Ivy',
        ageBand: '16-17',
        guardian: { name: 'Mara', email: 'ivy-guardian@example.org', language: 'en' },
      },
    );
    const joined = await send(test, undefined, 'POST', '/api/youth/join', {
      token: added.json().youthLink.split('#')[1],
    });
    const ivy = String(joined.headers['set-cookie']).split(';')[0] ?? '';
    const join = () =>
      send(test, ivy, 'POST', `/api/dialogues/${dialogueId}/join`, {
        displayName: 'Ivy',
        language: 'en',
        agreeToTakePart: true,
      });
    const early = await join();
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'needs_consent' });

    const token = await linkTokenSentTo(test, 'ivy-guardian@example.org', 'youth-consent-request');
    await send(test, undefined, 'POST', '/api/consent', { token, answer: 'give' });
    expect((await join()).statusCode).toBe(200);
    const vote = () =>
      send(test, ivy, 'PUT', `/api/dialogues/${dialogueId}/statements/${statementId}/vote`, {
        vote: 'agree',
      });
    expect((await vote()).statusCode).toBe(200);

    await send(test, undefined, 'POST', '/api/consent', { token, answer: 'withdraw' });
    const after = await vote();
    expect(after.statusCode).toBe(403);
    expect(after.json()).toMatchObject({ code: 'needs_consent' });
  });
});
