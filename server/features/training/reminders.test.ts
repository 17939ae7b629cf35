import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { sendTrainingReminders } from './reminders.ts';
import { trainingCertificates, trainingCohorts } from './schema.ts';
import { firstEnrolmentOf, setUpTrainingProgram } from './testing.ts';

// Learners hear of a course when it is assigned, a week before it is due, and once when the day
// has passed unfinished, each in their own language and each only once; someone who finished
// hears nothing more until their certificate nears its end, and once again when it has expired.

let test: TestApp;
let officer: TestPerson;
let colleague: TestPerson;
let cohortId: string;
let today: string;

const subjectsTo = async (address: string) =>
  (await latestOutboxMessages(test.context.database.db, 100))
    .filter((message) => message.toAddress === address && message.template === 'training-reminder')
    .map((message) => message.subject)
    .reverse();

beforeAll(async () => {
  test = await startTestApp();
  today = dayIn(test.context.config.TIME_ZONE);
  const world = await setUpTrainingProgram(test);
  officer = await addSignedInPerson(test, { organisationId: world.agencyId, role: 'officer' });
  colleague = await addSignedInPerson(test, { organisationId: world.agencyId, role: 'officer' });
  await test.context.database.db
    .update(people)
    .set({ language: 'es' })
    .where(eq(people.id, officer.personId));
  const cohort = await send(
    test,
    world.coordinator,
    'POST',
    `/api/courses/${world.courseId}/cohorts`,
    {
      name: 'Spring cohort',
      dueOn: addDays(today, 20),
      people: [officer.personId, colleague.personId],
    },
  );
  cohortId = cohort.json().id;
});
afterAll(async () => {
  await test.close();
});

async function finishCourse(learner: TestPerson) {
  const path = `/api/me/training/${await firstEnrolmentOf(test, learner)}/steps`;
  for (const body of [
    { type: 'read', stepId: 's1' },
    { type: 'answer', stepId: 's2', chosen: ['a'] },
    { type: 'reflect', stepId: 's4', text: 'Slowing down at the counter.' },
    { type: 'choose', stepId: 's3', choiceId: 'listen' },
    { type: 'choose', stepId: 's3', choiceId: 'sum' },
  ]) {
    expect((await send(test, learner, 'POST', path, body)).statusCode).toBe(200);
  }
}

const moveDueDay = (days: number) =>
  test.context.database.db
    .update(trainingCohorts)
    .set({ dueOn: addDays(today, days) })
    .where(eq(trainingCohorts.id, cohortId));

describe('training reminders', () => {
  it('tells each learner of the course when assigned, in their language', async () => {
    expect(await subjectsTo(officer.email)).toEqual([
      'Un curso nuevo para usted: Escuchar en la recepción',
    ]);
    expect(await subjectsTo(colleague.email)).toEqual([
      'New course for you: Listening at the front desk',
    ]);
    // Twenty days ahead is not yet time for a reminder.
    expect(await sendTrainingReminders(test.context)).toBe(0);
  });

  it('reminds a week before the due day and once after it, but not whoever finished', async () => {
    await moveDueDay(5);
    expect(await sendTrainingReminders(test.context)).toBe(2);
    expect(await sendTrainingReminders(test.context)).toBe(0);
    expect((await subjectsTo(officer.email)).at(-1)).toBe(
      'Se acerca la fecha: Escuchar en la recepción',
    );

    await finishCourse(colleague);
    await moveDueDay(-1);
    expect(await sendTrainingReminders(test.context)).toBe(1);
    expect((await subjectsTo(officer.email)).at(-1)).toBe(
      'Pasó la fecha límite: Escuchar en la recepción',
    );
    expect(await subjectsTo(colleague.email)).toHaveLength(2);
    expect(await sendTrainingReminders(test.context)).toBe(0);
  });

  it('prompts renewal a month before a certificate expires, and once when it has', async () => {
    const { db } = test.context.database;
    const now = Date.now();
    await db.update(trainingCertificates).set({ expiresAt: new Date(now + 10 * 86_400_000) });
    expect(await sendTrainingReminders(test.context)).toBe(1);
    expect((await subjectsTo(colleague.email)).at(-1)).toBe(
      'Time to renew: Listening at the front desk',
    );
    expect(await sendTrainingReminders(test.context)).toBe(0);

    await db.update(trainingCertificates).set({ expiresAt: new Date(now - 86_400_000) });
    expect(await sendTrainingReminders(test.context)).toBe(1);
    expect((await subjectsTo(colleague.email)).at(-1)).toBe(
      'Your certificate has expired: Listening at the front desk',
    );
    expect(await sendTrainingReminders(test.context)).toBe(0);
  });
});
