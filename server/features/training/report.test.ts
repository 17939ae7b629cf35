import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseReport } from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { firstEnrolmentOf, setUpTrainingProgram } from './testing.ts';

// A coordinator reads who completed a course, by cohort and by unit, and which wrong turns its
// learners took, counted on their first try; takes the learners away as a spreadsheet and the
// records as xAPI statements. No report carries what a learner wrote to a reflection, and a
// facilitator, who may read the course, may not read its report.

let test: TestApp;
let coordinator: TestPerson;
let facilitator: TestPerson;
let reviewer: TestPerson;
const officers: TestPerson[] = [];
let courseId: string;

const REFLECTION = 'When my neighbour let me finish my story about the flood.';

const enrolmentOf = (officer: TestPerson) => firstEnrolmentOf(test, officer);

async function take(officer: TestPerson, steps: object[]) {
  const enrolmentId = await enrolmentOf(officer);
  for (const body of steps) {
    const answer = await send(test, officer, 'POST', `/api/me/training/${enrolmentId}/steps`, body);
    expect(answer.statusCode, answer.body).toBe(200);
  }
}

beforeAll(async () => {
  test = await startTestApp();
  const world = await setUpTrainingProgram(test);
  coordinator = world.coordinator;
  courseId = world.courseId;
  const inProgram = { organisationId: world.agencyId, programId: world.programId };
  facilitator = await addSignedInPerson(test, { ...inProgram, role: 'facilitator' });
  reviewer = await addSignedInPerson(test, { ...inProgram, role: 'oversight_reviewer' });
  for (let index = 0; index < 3; index += 1) {
    officers.push(
      await addSignedInPerson(test, { organisationId: world.agencyId, role: 'officer' }),
    );
  }
});
afterAll(async () => {
  await test.close();
});

const officer = (index: number) => officers[index] as TestPerson;
const first = () => officer(0);
const second = () => officer(1);
const third = () => officer(2);

describe('a course’s report', () => {
  it('assigns units with the people, and refuses a unit for someone not assigned', async () => {
    const refused = await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
      name: 'Spring cohort',
      dueOn: '2030-03-31',
      people: [first().personId],
      units: { [second().personId]: 'Traffic' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({
        field: `units.${second().personId}`,
        message: 'Give a unit only to someone you assign.',
      }),
    ]);

    const spring = await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
      name: 'Spring cohort',
      dueOn: '2030-03-31',
      people: [first().personId, second().personId],
      units: { [first().personId]: 'Patrol North', [second().personId]: 'Traffic' },
    });
    expect(spring.statusCode, spring.body).toBe(201);
    const late = await send(test, coordinator, 'POST', `/api/courses/${courseId}/cohorts`, {
      name: 'Winter cohort',
      dueOn: '2020-01-31',
      people: [third().personId],
    });
    expect(late.statusCode, late.body).toBe(201);
  });

  it('counts completion by cohort and unit, and the wrong turns of first tries', async () => {
    // The first officer answers wrongly once, walks the scenario to its poor ending, and
    // finishes the course; the second answers rightly at once and takes a wrong turn later on.
    await take(first(), [
      { type: 'read', stepId: 's1' },
      { type: 'answer', stepId: 's2', chosen: ['b'] },
      { type: 'answer', stepId: 's2', chosen: ['a'] },
      { type: 'choose', stepId: 's3', choiceId: 'form' },
      { type: 'reflect', stepId: 's4', text: REFLECTION },
      // A second walk after the first ended is practice, and not counted.
      { type: 'walk_again', stepId: 's3' },
      { type: 'choose', stepId: 's3', choiceId: 'listen' },
    ]);
    await take(second(), [
      { type: 'answer', stepId: 's2', chosen: ['a'] },
      { type: 'choose', stepId: 's3', choiceId: 'listen' },
      { type: 'choose', stepId: 's3', choiceId: 'cut' },
    ]);

    const answer = await send(test, coordinator, 'GET', `/api/courses/${courseId}/report`);
    expect(answer.statusCode, answer.body).toBe(200);
    const report: CourseReport = answer.json();
    expect(report.total).toEqual({
      people: 3,
      completed: 1,
      in_progress: 1,
      overdue: 1,
      not_started: 0,
    });
    expect(report.cohorts).toEqual([
      expect.objectContaining({ name: 'Winter cohort', people: 1, overdue: 1 }),
      expect.objectContaining({ name: 'Spring cohort', people: 2, completed: 1, in_progress: 1 }),
    ]);
    expect(report.units.map((unit) => [unit.unit, unit.people, unit.completed])).toEqual([
      ['Patrol North', 1, 1],
      ['Traffic', 1, 0],
      ['', 1, 0],
    ]);

    const [scenario] = report.scenarios;
    expect(scenario).toMatchObject({ stepId: 's3', walkers: 2, firstEndings: { poor: 2 } });
    expect(scenario?.situations.map((one) => [one.nodeId, one.reached])).toEqual([
      ['arrive', 2],
      ['story', 1],
    ]);
    expect(scenario?.wrongTurns.map((turn) => [turn.nodeId, turn.choiceId, turn.share])).toEqual([
      ['story', 'cut', 1],
      ['arrive', 'form', 0.5],
    ]);
    expect(report.checks).toEqual([
      expect.objectContaining({
        stepId: 's2',
        answered: 2,
        rightFirstTime: 1,
        wrongChoices: [expect.objectContaining({ optionId: 'b', times: 1 })],
      }),
    ]);
    expect(answer.body).not.toContain('neighbour');
    expect(report.sharedReflections).toEqual([]);

    // Shared by its learner, a reflection reaches the coordinator, never an oversight reviewer.
    const enrolmentId = await enrolmentOf(first());
    await send(test, first(), 'PUT', `/api/me/training/${enrolmentId}/reflections/s4/sharing`, {
      shared: true,
    });
    const forCoordinator: CourseReport = (
      await send(test, coordinator, 'GET', `/api/courses/${courseId}/report`)
    ).json();
    expect(forCoordinator.sharedReflections?.map((shared) => shared.text)).toEqual([REFLECTION]);
    const forReviewer = await send(test, reviewer, 'GET', `/api/courses/${courseId}/report`);
    expect(forReviewer.statusCode).toBe(200);
    expect(forReviewer.json().sharedReflections).toBeNull();
    expect(forReviewer.body).not.toContain('neighbour');
    const csv = await send(test, coordinator, 'GET', `/api/courses/${courseId}/report.csv`);
    expect(csv.body).not.toContain('neighbour');
  });

  it('gives the learners as a spreadsheet in the reader’s language', async () => {
    const answer = await send(test, reviewer, 'GET', `/api/courses/${courseId}/report.csv?lang=es`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    const lines = answer.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Nombre","Grupo","Unidad","Fecha límite","Estado","Hecho (%)","Completado el","Certificado válido hasta","Renovación pendiente"',
    );
    expect(lines).toHaveLength(4);
    expect(
      lines.some((line) => line.includes('"Patrol North","2030-03-31","Completado","100"')),
    ).toBe(true);
    expect(
      lines.some((line) => line.includes('"Winter cohort","","2020-01-31","Atrasado","0"')),
    ).toBe(true);
  });

  it('gives the learning records as xAPI statements, naming no email and no reflection', async () => {
    const answer = await send(test, coordinator, 'GET', `/api/courses/${courseId}/xapi`);
    expect(answer.statusCode, answer.body).toBe(200);
    const statements: {
      id: string;
      actor: { account: { homePage: string; name: string } };
      verb: { id: string };
      object: { id: string; definition: { type: string } };
      result?: { success?: boolean; completion?: boolean };
      context: { registration: string };
    }[] = answer.json();
    const ofFirst = statements.filter((one) => one.actor.account.name === first().personId);
    const answered = ofFirst.filter((one) => one.verb.id.endsWith('/answered'));
    expect(answered.map((one) => one.result?.success)).toEqual([false, true]);
    const courseCompleted = ofFirst.find(
      (one) => one.object.definition.type === 'http://adlnet.gov/expapi/activities/course',
    );
    expect(courseCompleted).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      result: { completion: true },
      context: { registration: await enrolmentOf(first()) },
    });
    expect(courseCompleted?.actor.account.homePage).toBe(test.context.config.publicUrl);
    expect(new Set(statements.map((one) => one.id)).size).toBe(statements.length);
    expect(answer.body).not.toContain('neighbour');
    expect(answer.body).not.toContain('@example.org');
    // The same records give the same statements, so that an agency's LRS keeps one copy.
    const again = await send(test, coordinator, 'GET', `/api/courses/${courseId}/xapi`);
    expect(again.body).toBe(answer.body);
  });

  it('is not for a facilitator, who may read the course itself', async () => {
    expect((await send(test, facilitator, 'GET', `/api/courses/${courseId}`)).statusCode).toBe(200);
    for (const path of ['report', 'report.csv', 'xapi']) {
      const refused = await send(test, facilitator, 'GET', `/api/courses/${courseId}/${path}`);
      expect(refused.statusCode).toBe(403);
    }
  });
});
