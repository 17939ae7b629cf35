import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortSummary, Learning, MyCourse } from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';
import { trainingReflections } from './schema.ts';
import { trainingCourseFile } from './testing.ts';

// An officer assigned a course takes it on their own: a text read, a wrong answer told its
// feedback and tried again, a reflection kept for them alone, a scenario walked to its end, and
// the course complete, which the coordinator's cohort then counts. Steps out of turn are
// refused in words, and no one else finds the officer's course.

let test: TestApp;
let coordinator: TestPerson;
let officer: TestPerson;
let colleague: TestPerson;
let stranger: TestPerson;
let courseId: string;
let enrolmentId: string;

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  const agency = await createOrganisation(db, { name: 'Riverside Police', kind: 'police_agency' });
  const elsewhere = await createOrganisation(db, { name: 'Hill Trust', kind: 'school' });
  const admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  const program = await send(test, admin, 'POST', `/api/organisations/${agency}/programs`, {
    name: 'Officer training',
  });
  const programId: string = program.json().id;
  coordinator = await addSignedInPerson(test, { organisationId: agency, role: 'coordinator' });
  officer = await addSignedInPerson(test, { organisationId: agency, role: 'officer' });
  colleague = await addSignedInPerson(test, { organisationId: agency, role: 'officer' });
  stranger = await addSignedInPerson(test, { organisationId: elsewhere, role: 'coordinator' });
  const created = await send(
    test,
    coordinator,
    'POST',
    `/api/programs/${programId}/courses`,
    trainingCourseFile('front-desk'),
  );
  courseId = created.json().id;
});
afterAll(async () => {
  await test.close();
});

const step = (body: object, person: TestPerson = officer) =>
  send(test, person, 'POST', `/api/me/training/${enrolmentId}/steps`, body);

describe('taking an assigned course', () => {
  it('assigns the course to people of the program, and refuses someone from elsewhere', async () => {
    const refused = await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
      name: 'Spring cohort',
      dueOn: '2030-03-31',
      people: [officer.personId, stranger.personId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'people.1', code: 'not_in_program' }),
    ]);
    const made = await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
      name: 'Spring cohort',
      dueOn: '2030-03-31',
      people: [officer.personId, colleague.personId],
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ courseVersion: 1, people: 2, completed: 0 });

    const mine = await send(test, officer, 'GET', '/api/me/training');
    const courses: MyCourse[] = mine.json();
    expect(courses).toEqual([
      expect.objectContaining({
        title: { en: 'Listening at the front desk', es: 'Escuchar en la recepción' },
        dueOn: '2030-03-31',
        shareDone: 0,
        completedAt: null,
        overdue: false,
      }),
    ]);
    enrolmentId = courses[0]?.enrolmentId ?? '';
  });

  it('takes the learner through every step to the end of the course', async () => {
    expect((await step({ type: 'read', stepId: 's1' })).json()).toMatchObject({ done: ['s1'] });

    const wrong = await step({ type: 'answer', stepId: 's2', chosen: ['b'] });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json().done).toEqual(['s1']);
    const right = await step({ type: 'answer', stepId: 's2', chosen: ['a'] });
    expect(right.json().done).toEqual(['s1', 's2']);

    const reflected = await step({
      type: 'reflect',
      stepId: 's4',
      text: 'At my daughter’s school, when the teacher waited for me to finish.',
    });
    expect(reflected.json().reflections).toEqual({
      s4: 'At my daughter’s school, when the teacher waited for me to finish.',
    });
    const [sealed] = await test.context.database.db
      .select()
      .from(trainingReflections)
      .where(eq(trainingReflections.enrolmentId, enrolmentId));
    expect(sealed?.body).not.toContain('daughter');

    // Any ending finishes the scenario, the poor one too: its feedback is the lesson.
    const ending: Learning = (
      await step({ type: 'choose', stepId: 's3', choiceId: 'form' })
    ).json();
    expect(ending).toMatchObject({
      shareDone: 1,
      walks: { s3: { at: 'gone', firstEnding: 'poor' } },
    });
    expect(ending.completedAt).not.toBeNull();
    const beyond = await step({ type: 'choose', stepId: 's3', choiceId: 'cut' });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().detail).toBe('That is not one of the choices here.');

    // Walked again for practice, the first ending stays the one that counts.
    await step({ type: 'walk_again', stepId: 's3' });
    await step({ type: 'choose', stepId: 's3', choiceId: 'listen' });
    const practised: Learning = (
      await step({ type: 'choose', stepId: 's3', choiceId: 'sum' })
    ).json();
    expect(practised.walks.s3).toEqual({
      at: 'heard',
      path: ['listen', 'sum'],
      firstEnding: 'poor',
    });
    expect(practised.completedAt).toBe(ending.completedAt);

    const again = await step({ type: 'read', stepId: 's1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This course is complete.');
    const cohorts: CohortSummary[] = (
      await send(test, coordinator, 'GET', `/api/courses/${courseId}/cohorts`)
    ).json();
    expect(cohorts).toEqual([expect.objectContaining({ people: 2, completed: 1 })]);
  });

  it('shares a reflection with the course’s coordinators only when the learner chooses', async () => {
    const sharing = (stepId: string, body: object, person: TestPerson = officer) =>
      send(
        test,
        person,
        'PUT',
        `/api/me/training/${enrolmentId}/reflections/${stepId}/sharing`,
        body,
      );
    const report = async () =>
      (await send(test, coordinator, 'GET', `/api/courses/${courseId}/report`)).json()
        .sharedReflections;
    expect(await report()).toEqual([]);

    const shared = await sharing('s4', { shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().sharedReflections).toEqual(['s4']);
    expect(await report()).toEqual([
      {
        learner: 'officer',
        stepId: 's4',
        prompt: {
          en: 'When were you last truly heard?',
          es: '¿Cuándo le escucharon de verdad por última vez?',
        },
        text: 'At my daughter’s school, when the teacher waited for me to finish.',
        sharedAt: expect.any(String),
      },
    ]);
    // Still sealed where it is kept.
    const [sealed] = await test.context.database.db
      .select()
      .from(trainingReflections)
      .where(eq(trainingReflections.enrolmentId, enrolmentId));
    expect(sealed?.body).not.toContain('daughter');

    // Only the learner shares it; a step with nothing written has nothing to share.
    expect((await sharing('s4', { shared: true }, colleague)).statusCode).toBe(404);
    const unwritten = await sharing('s1', { shared: true });
    expect(unwritten.statusCode).toBe(404);
    expect(unwritten.json().detail).toBe('Write this reflection first; then you may share it.');
    const unclear = await sharing('s4', { shared: 'yes' });
    expect(unclear.statusCode).toBe(400);
    expect(unclear.json().errors).toEqual([expect.objectContaining({ field: 'shared' })]);

    const unshared = await sharing('s4', { shared: false });
    expect(unshared.json().sharedReflections).toEqual([]);
    expect(await report()).toEqual([]);
  });

  it('keeps a learner’s course from everyone else', async () => {
    const byColleague = await send(test, colleague, 'GET', `/api/me/training/${enrolmentId}`);
    expect(byColleague.statusCode).toBe(404);
    expect((await step({ type: 'read', stepId: 's1' }, colleague)).statusCode).toBe(404);
    const badStep = await step({ type: 'fly', stepId: 's1' });
    expect(badStep.statusCode).toBe(400);
  });
});
