import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learning } from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertSurvey } from '../measurement/testing.ts';
import { firstEnrolmentOf, setUpTrainingProgram } from './testing.ts';

// A coordinator attaches the program's training survey to a course, so that its learners are
// shown the survey's before link as they start and its after link as they finish, and the trust
// dashboard compares the two. Only a training survey of the same program may be attached.

let test: TestApp;
let coordinator: TestPerson;
let facilitator: TestPerson;
let officer: TestPerson;
let courseId: string;
let enrolmentId: string;
const surveyIds = { training: '', pulse: '', elsewhere: '' };
let trainingSlug = '';

const attach = (surveyId: string | null, as: TestPerson = coordinator) =>
  send(test, as, 'PUT', `/api/courses/${courseId}/survey`, { surveyId });

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  const world = await setUpTrainingProgram(test);
  coordinator = world.coordinator;
  courseId = world.courseId;
  const { admin, agencyId, programId } = world;
  const otherProgram = await send(test, admin, 'POST', `/api/organisations/${agencyId}/programs`, {
    name: 'Youth and police',
  });
  facilitator = await addSignedInPerson(test, {
    organisationId: agencyId,
    programId,
    role: 'facilitator',
  });
  officer = await addSignedInPerson(test, { organisationId: agencyId, role: 'officer' });
  const training = await insertSurvey(db, {
    programId,
    kind: 'training',
    createdBy: admin.personId,
  });
  surveyIds.training = training.id;
  trainingSlug = training.slug ?? '';
  surveyIds.pulse = (await insertSurvey(db, { programId, createdBy: admin.personId })).id;
  surveyIds.elsewhere = (
    await insertSurvey(db, {
      programId: otherProgram.json().id,
      kind: 'training',
      createdBy: admin.personId,
    })
  ).id;
  await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
    name: 'Spring cohort',
    dueOn: '2030-03-31',
    people: [officer.personId],
  });
  enrolmentId = await firstEnrolmentOf(test, officer);
});
afterAll(async () => {
  await test.close();
});

const learning = async (): Promise<Learning> =>
  (await send(test, officer, 'GET', `/api/me/training/${enrolmentId}`)).json();

describe('a course’s before-and-after survey', () => {
  it('is refused unless it is a training survey of the course’s program', async () => {
    for (const surveyId of [surveyIds.pulse, surveyIds.elsewhere, 'no-such-survey']) {
      const refused = await attach(surveyId);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'surveyId', code: 'not_a_training_survey' }),
      ]);
    }
    expect((await attach(surveyIds.training, facilitator)).statusCode).toBe(403);
    expect((await learning()).beforeAfter).toBeNull();
  });

  it('gives the learner its before and after links once attached, and none once taken off', async () => {
    const attached = await attach(surveyIds.training);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().surveyId).toBe(surveyIds.training);
    const base = `${test.context.config.publicUrl}/pulse/${trainingSlug}`;
    expect((await learning()).beforeAfter).toEqual({
      beforeUrl: `${base}/before`,
      afterUrl: `${base}/after`,
    });
    expect((await attach(null)).json().surveyId).toBeNull();
    expect((await learning()).beforeAfter).toBeNull();
  });
});
