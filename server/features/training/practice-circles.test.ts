import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDELINES_VERSION } from '../../../shared/circles/contract.ts';
import type { Learning, MyCourse } from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { circleParticipants, circles } from '../circles/schema.ts';
import { createOrganisation } from '../organisations/service.ts';
import { creditPracticeCircles } from './practice-circles.ts';
import { trainingCourseFile } from './testing.ts';

// A course's practice-circle step is done by taking part in a practice circle of the program
// once the course was assigned: not by an ordinary circle, nor by one that closed before. The
// circle is planned with the training flag through the API; the learner's seat and the close
// are written as the room writes them (the room itself is tested with the circles).

let test: TestApp;
let coordinator: TestPerson;
let officer: TestPerson;
let programId: string;
let enrolmentId: string;

const withPracticeStep = () => {
  const file = trainingCourseFile('practice');
  const [firstModule] = file.course.modules;
  firstModule?.lessons[0]?.steps.splice(1, 3, {
    type: 'practice_circle',
    id: 'circle',
    about: { en: 'Sit in a practice circle.', es: 'Participe en un círculo de práctica.' },
  });
  return file;
};

async function circleAttended(options: { training: boolean; closedMinutesAgo: number }) {
  const planned = await send(test, coordinator, 'POST', `/api/programs/${programId}/circles`, {
    purpose: 'Practice circle for the winter patrol',
    startsAtLocal: '2030-01-15T18:00',
    keeperId: coordinator.personId,
    capacity: 8,
    language: 'en',
    training: options.training,
  });
  expect(planned.statusCode, planned.body).toBe(201);
  const circle = planned.json().circles[0];
  expect(circle.training).toBe(options.training);
  const { db } = test.context.database;
  await db.insert(circleParticipants).values({
    id: crypto.randomUUID(),
    circleId: circle.id,
    personId: officer.personId,
    displayName: 'Officer Nair',
    role: 'officer',
    language: 'en',
    guidelinesVersion: GUIDELINES_VERSION,
  });
  await db
    .update(circles)
    .set({ status: 'closed', closedAt: new Date(Date.now() - options.closedMinutesAgo * 60_000) })
    .where(eq(circles.id, circle.id));
}

const learning = async (): Promise<Learning> =>
  (await send(test, officer, 'GET', `/api/me/training/${enrolmentId}`)).json();

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  const agency = await createOrganisation(db, { name: 'Riverside Police', kind: 'police_agency' });
  const admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  const program = await send(test, admin, 'POST', `/api/organisations/${agency}/programs`, {
    name: 'Officer training',
  });
  programId = program.json().id;
  coordinator = await addSignedInPerson(test, {
    organisationId: agency,
    programId,
    role: 'coordinator',
  });
  officer = await addSignedInPerson(test, { organisationId: agency, role: 'officer' });
  // A practice circle the officer sat in before the course was assigned.
  await circleAttended({ training: true, closedMinutesAgo: 60 });
  const created = await send(
    test,
    coordinator,
    'POST',
    `/api/programs/${programId}/courses`,
    withPracticeStep(),
  );
  expect(created.statusCode, created.body).toBe(201);
  await send(test, coordinator, 'POST', `/api/courses/${created.json().id}/cohorts`, {
    name: 'Winter patrol',
    dueOn: '2030-03-31',
    people: [officer.personId],
  });
  const mine: MyCourse[] = (await send(test, officer, 'GET', '/api/me/training')).json();
  enrolmentId = mine[0]?.enrolmentId ?? '';
  await send(test, officer, 'POST', `/api/me/training/${enrolmentId}/steps`, {
    type: 'read',
    stepId: 's1',
  });
});
afterAll(async () => {
  await test.close();
});

describe('the practice-circle step', () => {
  it('is not done by a circle that closed before the course was assigned', async () => {
    expect((await learning()).done).toEqual(['s1']);
  });

  it('is not done by an ordinary circle of the program', async () => {
    await circleAttended({ training: false, closedMinutesAgo: 0 });
    expect((await learning()).done).toEqual(['s1']);
  });

  it('is done by taking part in a practice circle, which completes the course', async () => {
    await circleAttended({ training: true, closedMinutesAgo: 0 });
    const after = await learning();
    expect(after.done).toEqual(['s1', 'circle']);
    expect(after.completedAt).not.toBeNull();
    expect(after.certificate?.status).toBe('valid');
    // The job finds nothing more to credit.
    expect(await creditPracticeCircles(test.context)).toBe(0);
  });

  it('cannot be marked done by the learner', async () => {
    const refused = await send(test, officer, 'POST', `/api/me/training/${enrolmentId}/steps`, {
      type: 'attend',
      stepId: 'circle',
    });
    expect(refused.statusCode).toBe(400);
  });
});
