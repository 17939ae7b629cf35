import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerBody, SurveyDetail } from '../../../shared/measurement/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { surveyAnswers, surveyResponses } from './schema.ts';
import { insertInvitation, insertSurvey } from './testing.ts';
import {
  answerUrl,
  buildMeasurementWorld,
  goodAnswer,
  type MeasurementWorld,
  responsesTo,
  setUpAnsweringPulse,
  startByLink,
  submitAnswer,
} from './testing-world.ts';

// Answers refused: each bad answer with the field at fault and nothing stored, a role group
// where the survey does not ask it, and a survey not open yet or a link expired, each told apart.

let test: TestApp;
let world: MeasurementWorld;
let pulse: SurveyDetail;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildMeasurementWorld(test);
  pulse = await setUpAnsweringPulse(test, world);
});
afterAll(async () => {
  await test.close();
});

const db = () => test.context.database.db;
const submit = (token: string, body: AnswerBody) => submitAnswer(test, token, body);
const responsesOf = (surveyId: string) => responsesTo(test, surveyId);

describe('refusing an answer', () => {
  it('refuses each bad answer with its field, stores nothing, and leaves the token usable', async () => {
    const token = await startByLink(test, pulse.publicUrl);
    const before = await responsesOf(pulse.id);
    const cases: [AnswerBody, string][] = [
      [
        { ...goodAnswer, scales: { ...goodAnswer.scales, 'voice.listens': 6 } },
        'scales.voice.listens',
      ],
      [{ ...goodAnswer, scales: { ...goodAnswer.scales, walk: 0 } }, 'scales.walk'],
      [
        { ...goodAnswer, scales: { ...goodAnswer.scales, 'respect.in_meeting': 3 } },
        'scales.respect.in_meeting',
      ],
      [{ ...goodAnswer, scales: { ...goodAnswer.scales, lighting: 3 } }, 'scales.lighting'],
      [{ ...goodAnswer, choices: { lighting: 'maybe' } }, 'choices.lighting'],
      [{ ...goodAnswer, texts: { change: 'x'.repeat(201) } }, 'texts.change'],
      [{ ...goodAnswer, scales: { 'respect.dignity': 4 } }, 'scales.walk'],
      [{ ...goodAnswer, neighbourhood: 'Hillside' }, 'neighbourhood'],
      [{ ...goodAnswer, roleGroup: 'chief' as 'resident' }, 'roleGroup'],
    ];
    for (const [body, field] of cases) {
      const refused = await submit(token, body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await responsesOf(pulse.id)).toBe(before);
    expect((await submit(token, goodAnswer)).statusCode).toBe(200);
  });

  it('takes the role group of a mailed invitation from the invitation, never from the answer', async () => {
    const survey = await insertSurvey(db(), {
      programId: world.programId,
      createdBy: world.coordinator.personId,
      kind: 'after_process',
      items: ['respect.in_meeting', 'heard.interrupted'],
    });
    const mailed = await insertInvitation(db(), survey.id, {
      personId: world.officer.personId,
      processKind: 'circle',
      processId: 'circle-1',
      roleGroup: 'officer',
    });
    const read = await send(test, undefined, 'GET', answerUrl(mailed.token));
    expect(read.json()).toMatchObject({ asksRoleGroup: false, kind: 'after_process' });
    const asked = {
      language: 'en' as const,
      scales: { 'respect.in_meeting': 5, 'heard.interrupted': 1 },
    };
    const claiming = await submit(mailed.token, { ...asked, roleGroup: 'resident' });
    expect(claiming.statusCode).toBe(400);
    expect(claiming.json().errors[0].field).toBe('roleGroup');
    expect((await submit(mailed.token, asked)).statusCode).toBe(200);
    const [response] = await db()
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, survey.id));
    expect(response).toMatchObject({
      roleGroup: 'officer',
      processKind: 'circle',
      processId: 'circle-1',
    });
    const answers = await db()
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.surveyId, survey.id));
    expect(answers.find((answer) => answer.questionId === 'heard.interrupted')?.score).toBe(5);
  });

  it('tells an upcoming survey and an expired link apart from a closed one', async () => {
    const upcoming = await insertSurvey(db(), {
      programId: world.programId,
      createdBy: world.coordinator.personId,
      state: 'upcoming',
    });
    const early = await insertInvitation(db(), upcoming.id);
    expect((await send(test, undefined, 'GET', answerUrl(early.token))).json().state).toBe(
      'upcoming',
    );
    const refused = await submit(early.token, { language: 'en', scales: { 'respect.dignity': 4 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'upcoming' });
    const expired = await insertInvitation(db(), pulse.id, {
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect((await send(test, undefined, 'GET', answerUrl(expired.token))).json().state).toBe(
      'expired',
    );
    expect((await submit(expired.token, goodAnswer)).statusCode).toBe(410);
    const unknown = await submit('y'.repeat(43), goodAnswer);
    expect(unknown.statusCode).toBe(404);
  });
});
