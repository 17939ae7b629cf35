import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail, StarterCourse } from '../../../shared/training/contract.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { createOrganisation } from '../organisations/service.ts';
import { trainingCourseFile } from './testing.ts';

// A coordinator's courses: the starter curriculum copied into a program, a course saved as new
// versions without ever losing someone else's, a broken course refused field by field, and a
// course carried to another program as one file.

let test: TestApp;
let coordinator: TestPerson;
let facilitator: TestPerson;
let programId: string;
let otherProgramId: string;

beforeAll(async () => {
  test = await startTestApp();
  const agency = await createOrganisation(test.context.database.db, {
    name: 'Riverside Police',
    kind: 'police_agency',
  });
  const admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  const program = async (name: string) => {
    const created = await send(test, admin, 'POST', `/api/organisations/${agency}/programs`, {
      name,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  programId = await program('Officer training');
  otherProgramId = await program('Academy');
  coordinator = await addSignedInPerson(test, { organisationId: agency, role: 'coordinator' });
  facilitator = await addSignedInPerson(test, {
    organisationId: agency,
    role: 'facilitator',
    programId,
  });
});
afterAll(async () => {
  await test.close();
});

const addStarter = (slug: string) =>
  send(test, coordinator, 'POST', `/api/programs/${programId}/starter-courses/${slug}`);

describe('a program’s courses', () => {
  it('copies a starter course into the program, once', async () => {
    const starters = await send(
      test,
      coordinator,
      'GET',
      `/api/programs/${programId}/starter-courses`,
    );
    expect(starters.statusCode, starters.body).toBe(200);
    const list: StarterCourse[] = starters.json();
    expect(list.map((course) => course.slug)).toContain('de-escalation');
    expect(list.every((course) => !course.added && course.title.es)).toBe(true);

    const added = await addStarter('de-escalation');
    expect(added.statusCode, added.body).toBe(201);
    const course: CourseDetail = added.json();
    expect(course).toMatchObject({
      slug: 'de-escalation',
      version: 1,
      topic: 'de_escalation',
      canManage: true,
    });
    expect(course.course.scenarios.length).toBeGreaterThan(0);

    const again = await addStarter('de-escalation');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already has a course named/);
    const after: StarterCourse[] = (
      await send(test, coordinator, 'GET', `/api/programs/${programId}/starter-courses`)
    ).json();
    expect(after.find((one) => one.slug === 'de-escalation')?.added).toBe(true);
    const listed = await send(test, facilitator, 'GET', `/api/programs/${programId}/courses`);
    expect(listed.json()).toEqual([expect.objectContaining({ slug: 'de-escalation', version: 1 })]);
  });

  it('saves new versions, and refuses a save that would overwrite a newer one', async () => {
    const created = await send(
      test,
      coordinator,
      'POST',
      `/api/programs/${programId}/courses`,
      trainingCourseFile('front-desk'),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { id, course } = created.json() as CourseDetail;
    const renamed = { ...course, title: { en: 'Listening first', es: 'Primero, escuchar' } };
    const saved = await send(test, coordinator, 'PUT', `/api/courses/${id}`, {
      basedOn: 1,
      course: renamed,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, title: { en: 'Listening first' } });

    const stale = await send(test, coordinator, 'PUT', `/api/courses/${id}`, {
      basedOn: 1,
      course,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/Someone saved version 2/);
    const read = await send(test, facilitator, 'GET', `/api/courses/${id}`);
    expect(read.json()).toMatchObject({
      version: 2,
      title: { en: 'Listening first' },
      canManage: false,
    });
    const byReader = await send(test, facilitator, 'PUT', `/api/courses/${id}`, {
      basedOn: 2,
      course,
    });
    expect(byReader.statusCode).toBe(403);
  });

  it('refuses a broken course field by field and keeps the saved one', async () => {
    const created = await send(
      test,
      coordinator,
      'POST',
      `/api/programs/${programId}/courses`,
      trainingCourseFile('broken-desk'),
    );
    const { id, course } = created.json() as CourseDetail;
    const [scenario] = course.scenarios;
    if (!scenario) throw new Error('the test course has a scenario');
    const looping = {
      ...course,
      summary: { en: 'Only in English' },
      scenarios: [
        {
          ...scenario,
          nodes: scenario.nodes.map((node) =>
            node.id === 'story'
              ? { ...node, choices: node.choices.map((choice) => ({ ...choice, next: 'arrive' })) }
              : node,
          ),
        },
      ],
    };
    const refused = await send(test, coordinator, 'PUT', `/api/courses/${id}`, {
      basedOn: 1,
      course: looping,
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused
      .json()
      .errors.map((error: { field: string; code: string }) => [error.field, error.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['course.summary.es', 'missing_translation'],
        ['course.scenarios.0.nodes.0', 'cycle'],
        ['course.scenarios.0.nodes.2', 'unreachable'],
      ]),
    );
    const read = await send(test, coordinator, 'GET', `/api/courses/${id}`);
    expect(read.json()).toMatchObject({ version: 1, course: { summary: course.summary } });
  });

  it('exports a course as one file that another program imports as it was', async () => {
    const created = await send(
      test,
      coordinator,
      'POST',
      `/api/programs/${programId}/courses`,
      trainingCourseFile('carried'),
    );
    const { id, course } = created.json() as CourseDetail;
    const exported = await send(test, coordinator, 'GET', `/api/courses/${id}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-disposition']).toContain('carried.course.json');
    const file = exported.json();
    expect(file).toMatchObject({ format: 'restorativ.course', formatVersion: 1, slug: 'carried' });

    const imported = await send(
      test,
      coordinator,
      'POST',
      `/api/programs/${otherProgramId}/courses`,
      file,
    );
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ slug: 'carried', version: 1, course });

    const notACourse = await send(
      test,
      coordinator,
      'POST',
      `/api/programs/${otherProgramId}/courses`,
      {
        ...file,
        format: 'something-else',
      },
    );
    expect(notACourse.statusCode).toBe(400);
    expect(JSON.stringify(notACourse.json())).toContain('This file is not a Restorativ course');
    const later = await send(test, coordinator, 'POST', `/api/programs/${otherProgramId}/courses`, {
      ...file,
      slug: 'later',
      formatVersion: 2,
    });
    expect(later.statusCode).toBe(400);
    expect(JSON.stringify(later.json())).toContain('of a version this Restorativ does not read');
  });
});
