import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { SurveyResults } from '../../../shared/measurement/contract.ts';
import { findItem } from '../../../shared/measurement/item-bank.ts';
import {
  lastDayOf,
  lastEndedQuarter,
  previousQuarter,
  quarterBounds,
} from '../../../shared/measurement/quarters.ts';
import { wilsonInterval } from '../../../shared/statistics/proportions.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { programs } from '../organisations/schema.ts';
import {
  alike,
  buildDashboardWorld,
  type DashboardWorld,
  insertResponses,
  insertSurvey,
  type TestSurvey,
} from './dashboard-testing.ts';
import { surveys, surveyTexts } from './schema.ts';
import { surveyTextContext } from './store-response.ts';

// One survey's results count answers only up to a cutoff no new answer can move: the last day of
// an ended quarter, or the closing day, moved on only for at least the threshold answered in
// between. Written answers, which carry no day, are shown only once every answer counts.

let test: TestApp;
let world: DashboardWorld;
let timeZone: string;
let today: string;
let lastEndedDay: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDashboardWorld(test);
  const { db } = test.context.database;
  const [program] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, world.programId));
  timeZone = program?.timeZone ?? 'UTC';
  today = dayIn(timeZone);
  lastEndedDay = quarterBounds(lastEndedQuarter(today)).start;
});
afterAll(async () => {
  await test.close();
});

async function results(surveyId: string, as = world.coordinator): Promise<SurveyResults> {
  const answer = await send(test, as, 'GET', `/api/surveys/${surveyId}/results`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<SurveyResults>();
}

async function pulse(threshold = 10): Promise<TestSurvey> {
  const { db } = test.context.database;
  const createdBy = world.coordinator.personId;
  return insertSurvey(db, { programId: world.programId, kind: 'pulse', createdBy, threshold });
}

async function insertTexts(surveyId: string, texts: string[]): Promise<void> {
  await test.context.database.db.insert(surveyTexts).values(
    texts.map((text) => {
      const id = crypto.randomUUID();
      return {
        id,
        surveyId,
        questionId: 'comment',
        body: test.context.cipher.encrypt(text, surveyTextContext(id)),
      };
    }),
  );
}

describe('a survey’s results', () => {
  it('counts the answers of ended quarters only while the survey is open, and no written answer', async () => {
    const { db } = test.context.database;
    const survey = await pulse();
    await insertResponses(db, survey, alike(12, { day: lastEndedDay, score: 4 }));
    await insertResponses(db, survey, alike(3, { day: today, score: 1 }));
    await insertTexts(survey.id, ['Kinder than I expected.']);
    const read = await results(survey.id);
    expect(read).toMatchObject({
      surveyId: survey.id,
      n: 12,
      threshold: 10,
      cutoff: lastDayOf(lastEndedQuarter(today)),
      texts: null,
    });
    const [first] = read.questions ?? [];
    const item = survey.items[0] ?? '';
    const given = findItem(item)?.reverse ? '2' : '4';
    expect(first).toEqual({
      id: item,
      counts: ['1', '2', '3', '4', '5'].map((value) => ({ value, n: value === given ? 12 : 0 })),
      favourable: {
        n: 12,
        favourable: 1,
        interval: expect.objectContaining({ lower: wilsonInterval(12, 12)?.lower }),
      },
    });
    expect(read.questions?.map((question) => question.id)).toEqual(survey.items);
  });

  it('does not change when someone answers today', async () => {
    const { db } = test.context.database;
    const survey = await pulse();
    await insertResponses(db, survey, alike(11, { day: lastEndedDay, score: 3 }));
    const before = await results(survey.id);
    await insertResponses(db, survey, alike(1, { day: today, score: 5 }));
    expect(await results(survey.id)).toEqual(before);
  });

  it('counts no quarter that adds fewer than the threshold, and so shows nothing below it', async () => {
    const { db } = test.context.database;
    const survey = await pulse(5);
    await insertResponses(db, survey, alike(4, { day: lastEndedDay, score: 4 }));
    expect(await results(survey.id)).toEqual({
      surveyId: survey.id,
      n: 0,
      threshold: 5,
      cutoff: lastDayOf(previousQuarter(lastEndedQuarter(today))),
      questions: null,
      texts: null,
    });
  });

  it('does not move to its closing day for fewer than the threshold answered since the last cutoff', async () => {
    const { db } = test.context.database;
    const survey = await pulse();
    await insertResponses(db, survey, alike(12, { day: lastEndedDay, score: 4 }));
    await insertTexts(survey.id, ['Someone wrote this.']);
    const before = await results(survey.id);
    // One more answer today, then the survey is closed: reading again must not single it out.
    await insertResponses(db, survey, alike(1, { day: today, score: 1 }));
    const closesAt = new Date(Date.now() - 60_000);
    await db.update(surveys).set({ closesAt }).where(eq(surveys.id, survey.id));
    expect(await results(survey.id)).toEqual(before);
    expect(before).toMatchObject({ n: 12, texts: null });
  });

  it('counts every answer up to its close once it has closed, and shows the written answers', async () => {
    const { db } = test.context.database;
    const survey = await pulse();
    await insertResponses(db, survey, alike(8, { day: lastEndedDay, score: 4 }));
    await insertResponses(db, survey, alike(4, { day: today, score: 2 }));
    const written = ['More evening meetings, please.', 'The facilitator listened.'];
    await insertTexts(survey.id, written);
    const closesAt = new Date(Date.now() - 60_000);
    await db.update(surveys).set({ closesAt }).where(eq(surveys.id, survey.id));
    const read = await results(survey.id);
    expect(read).toMatchObject({ n: 12, cutoff: dayIn(timeZone, closesAt) });
    expect(read.texts?.map((text) => text.text).sort()).toEqual(written);
    expect(read.texts?.every((text) => text.questionId === 'comment')).toBe(true);
  });

  it('counts nothing for a survey that opened after the last ended quarter', async () => {
    const { db } = test.context.database;
    const survey = await pulse();
    await db
      .update(surveys)
      .set({ opensAt: new Date(Date.now() - 60_000) })
      .where(eq(surveys.id, survey.id));
    await insertResponses(db, survey, alike(12, { day: today, score: 4 }));
    expect(await results(survey.id)).toMatchObject({ n: 0, cutoff: null, questions: null });
  });

  it('is for the readers of the program’s figures', async () => {
    const survey = await pulse();
    const url = `/api/surveys/${survey.id}/results`;
    expect((await send(test, world.facilitator, 'GET', url)).statusCode).toBe(200);
    expect((await send(test, world.resident, 'GET', url)).statusCode).toBe(403);
    expect((await send(test, undefined, 'GET', url)).statusCode).toBe(401);
    const elsewhere = await buildDashboardWorld(test, 'Westside Trust');
    expect((await send(test, elsewhere.coordinator, 'GET', url)).statusCode).toBe(403);
  });
});
