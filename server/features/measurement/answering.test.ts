import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AnswerBody,
  SurveyDetail,
  SurveyToAnswer,
} from '../../../shared/measurement/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { surveyAnswers, surveyInvitations, surveyResponses, surveyTexts } from './schema.ts';
import { surveyTextContext } from './store-response.ts';
import {
  answerUrl,
  buildMeasurementWorld,
  goodAnswer,
  ANSWERING_ITEMS as items,
  type MeasurementWorld,
  PROGRAM_NAME,
  responsesTo,
  setUpAnsweringPulse,
  setUpSurvey,
  startByLink,
  submitAnswer,
} from './testing-world.ts';

// Answering a survey by a token, as a visitor with no account: reading it in Spanish, and
// sending answers once and only once, stored scored and with nothing that leads back to the
// token. answer-refusals.test.ts has the answers refused.

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

describe('reading a survey by its token', () => {
  it('shows a pulse in Spanish: the bank’s words, labelled scales, the program’s questions and support lines', async () => {
    const token = await startByLink(test, pulse.publicUrl);
    const read = await send(test, undefined, 'GET', `${answerUrl(token)}?language=es`);
    expect(read.statusCode, read.body).toBe(200);
    const survey: SurveyToAnswer = read.json();
    expect(survey).toMatchObject({
      state: 'open',
      title: '¿Qué tan seguro es Elm Street?',
      language: 'es',
      languages: ['en', 'es'],
      kind: 'pulse',
      programName: PROGRAM_NAME,
      asksRoleGroup: true,
      neighbourhoods: ['Elm Street', 'Riverside'],
      threshold: pulse.threshold,
      support: [
        { name: 'Crisis line', contact: '988' },
        { name: 'Victim services', contact: '555-0100' },
      ],
    });
    expect(survey.questions.map((question) => question.id)).toEqual([
      ...items,
      'lighting',
      'walk',
      'change',
    ]);
    expect(survey.questions[0]).toMatchObject({
      type: 'scale',
      prompt: 'La policía de mi barrio trata a las personas con dignidad.',
      labels: [
        'Muy en desacuerdo',
        'En desacuerdo',
        'Ni de acuerdo ni en desacuerdo',
        'De acuerdo',
        'Muy de acuerdo',
      ],
    });
    expect(survey.questions[5]).toMatchObject({
      type: 'single_choice',
      prompt: '¿La calle está bien iluminada de noche?',
      options: [
        { id: 'yes', label: 'Sí' },
        { id: 'no', label: 'No' },
      ],
    });
    expect(survey.questions[6]).toMatchObject({ type: 'scale', required: true });
    const english = await send(test, undefined, 'GET', answerUrl(token));
    expect(english.json().title).toBe('How safe is Elm Street?');
  });

  it('answers an unknown token, an unknown pulse and a closed one with words a person can follow', async () => {
    const unknown = await send(test, undefined, 'GET', answerUrl('x'.repeat(43)));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/does not open a survey/);
    const noPulse = await send(test, undefined, 'POST', '/api/pulse/no-such-slug/start');
    expect(noPulse.statusCode).toBe(404);
    expect(noPulse.json().detail).toMatch(/no survey at this address/);
    const closed = await setUpSurvey(test, world);
    const token = await startByLink(test, closed.publicUrl);
    await send(test, world.coordinator, 'POST', `/api/surveys/${closed.id}/close`);
    const start = await send(
      test,
      undefined,
      'POST',
      `/api/pulse/${closed.publicUrl?.split('/pulse/')[1]}/start`,
    );
    expect(start.statusCode).toBe(409);
    expect(start.json()).toMatchObject({ code: 'closed' });
    expect((await send(test, undefined, 'GET', answerUrl(token))).json().state).toBe('closed');
    const late = await submit(token, { language: 'en', scales: { 'respect.dignity': 4 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/has closed/);
  });

  it('slows one address that starts a pulse over and over', async () => {
    const slug = pulse.publicUrl?.split('/pulse/')[1];
    const statuses: number[] = [];
    for (let visit = 0; visit < 31; visit += 1) {
      statuses.push(
        (await send(test, undefined, 'POST', `/api/pulse/${slug}/start`, undefined, '10.99.0.1'))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('sending answers', () => {
  it('stores the response once, scored, with its texts sealed apart, and refuses the token a second time', async () => {
    const token = await startByLink(test, pulse.publicUrl);
    const before = await responsesOf(pulse.id);
    const sent = await submit(token, goodAnswer);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ received: true });
    const again = await submit(token, goodAnswer);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_answered' });
    expect(again.json().detail).toMatch(/already answered/);
    expect(await responsesOf(pulse.id)).toBe(before + 1);
    expect((await send(test, undefined, 'GET', answerUrl(token))).json().state).toBe('answered');

    const [response] = await db()
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, pulse.id));
    expect(response).toMatchObject({
      programId: world.programId,
      kind: 'pulse',
      roleGroup: 'resident',
      neighbourhood: 'Elm Street',
      language: 'es',
      processKind: null,
      trustIndex: 4,
    });
    expect(response?.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const answers = await db()
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.responseId, response?.id ?? ''));
    const byQuestion = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));
    expect(byQuestion['safety.crime_worry']).toMatchObject({
      construct: 'safety',
      value: 2,
      score: 4,
    });
    expect(byQuestion['respect.dignity']).toMatchObject({
      construct: 'respect',
      value: 4,
      score: 4,
    });
    expect(byQuestion.walk).toMatchObject({ construct: null, value: 3, score: 3 });
    expect(byQuestion.lighting).toMatchObject({ choice: 'no', value: null, score: null });
    const [text] = await db().select().from(surveyTexts).where(eq(surveyTexts.surveyId, pulse.id));
    expect(text?.body).not.toContain('luces');
    expect(test.context.cipher.decrypt(text?.body ?? '', surveyTextContext(text?.id ?? ''))).toBe(
      'Más luces en la calle Elm.',
    );
  });

  it('counts two submissions at the same moment once', async () => {
    const token = await startByLink(test, pulse.publicUrl);
    const before = await responsesOf(pulse.id);
    const answers = await Promise.all([submit(token, goodAnswer), submit(token, goodAnswer)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await responsesOf(pulse.id)).toBe(before + 1);
  });
});

describe('the counts staff see', () => {
  it('counts responses and tokens on the survey’s page', async () => {
    const read = await send(test, world.facilitator, 'GET', `/api/surveys/${pulse.id}`);
    const detail: SurveyDetail = read.json();
    const invitations = await db()
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, pulse.id));
    expect(detail.responses).toBe(await responsesOf(pulse.id));
    expect(detail.invitations).toEqual({
      sent: invitations.length,
      answered: invitations.filter((invitation) => invitation.answered).length,
    });
  });
});
