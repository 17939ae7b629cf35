import { and, eq } from 'drizzle-orm';
import { issueCertificate } from '../../features/training/certificates.ts';
import { reflectionContext } from '../../features/training/learning.ts';
import {
  trainingCohorts,
  trainingCourses,
  trainingCourseVersions,
  trainingEnrolments,
  trainingReflections,
} from '../../features/training/schema.ts';
import { trainingCourseFile } from '../../features/training/testing.ts';
import type { AimedRequest, MatrixRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of a program's courses. Each request aims at a fresh course of the side's
// program, made by the organisation's founder (whom no actor is), so that only the table
// reaches it; new courses and starter copies take a fresh name each time, so that an allowed
// request is never refused as a name already taken.

const fresh = () => crypto.randomUUID().slice(0, 8);

async function aimAtCourse(
  world: World,
  side: Side,
  path: string,
  payload?: (version: number) => object,
): Promise<AimedRequest> {
  const { programId, founderId } = organisationOf(world, side);
  const { db } = world.test.context.database;
  const file = trainingCourseFile(`course-${fresh()}`);
  const courseId = crypto.randomUUID();
  await db
    .insert(trainingCourses)
    .values({ id: courseId, programId, slug: file.slug, createdBy: founderId });
  await db
    .insert(trainingCourseVersions)
    .values({ courseId, version: 1, content: file.course, savedBy: founderId });
  return {
    url: `/api/courses/${courseId}${path}`,
    ...(payload ? { payload: payload(1) } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

async function inProgram(
  world: World,
  side: Side,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/programs/${programId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/**
 * A starter course the side's program does not hold: a different one for each side, as two
 * sides may aim at one program, and removed before each actor's requests.
 */
const starterFor: Record<Side, string> = {
  own: 'active-listening',
  partner: 'de-escalation',
  other: 'procedural-justice',
};

async function starterNotHeld(world: World, side: Side): Promise<AimedRequest> {
  const { programId } = organisationOf(world, side);
  const slug = starterFor[side];
  await world.test.context.database.db
    .delete(trainingCourses)
    .where(and(eq(trainingCourses.programId, programId), eq(trainingCourses.slug, slug)));
  return inProgram(world, side, `/starter-courses/${slug}`);
}

/** A course of the own program assigned to `personId`: the learner's own enrolment. */
async function enrolmentOf(world: World, personId: string, path: string, payload?: object) {
  const { db } = world.test.context.database;
  const { programId, founderId } = organisationOf(world, 'own');
  const file = trainingCourseFile(`learning-${fresh()}`);
  const courseId = crypto.randomUUID();
  const cohortId = crypto.randomUUID();
  const enrolmentId = crypto.randomUUID();
  await db
    .insert(trainingCourses)
    .values({ id: courseId, programId, slug: file.slug, createdBy: founderId });
  await db
    .insert(trainingCourseVersions)
    .values({ courseId, version: 1, content: file.course, savedBy: founderId });
  await db.insert(trainingCohorts).values({
    id: cohortId,
    courseId,
    courseVersion: 1,
    name: 'Spring cohort',
    dueOn: '2030-01-31',
    createdBy: founderId,
  });
  await db.insert(trainingEnrolments).values({ id: enrolmentId, cohortId, personId });
  if (path.startsWith('/certificate')) await issueCertificate(db, enrolmentId, new Date());
  return { url: `/api/me/training/${enrolmentId}${path}`, ...(payload ? { payload } : {}) };
}

const readStep = { type: 'read', stepId: 's1' };

/** A learner's enrolment with a reflection written, aimed at sharing it. */
async function reflectionOf(world: World, personId: string): Promise<MatrixRequest> {
  const aimed = await enrolmentOf(world, personId, '/reflections/s4/sharing', { shared: true });
  const enrolmentId = aimed.url.split('/')[4] ?? '';
  const { database, cipher } = world.test.context;
  await database.db.insert(trainingReflections).values({
    enrolmentId,
    stepId: 's4',
    body: cipher.encrypt('Heard at last.', reflectionContext(enrolmentId, 's4')),
  });
  return aimed;
}

export const trainingRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/courses': {
    kind: 'table',
    action: 'training.read',
    answers: 200,
    request: (world, side) => inProgram(world, side, '/courses'),
  },
  'POST /api/programs/{programId}/courses': {
    kind: 'table',
    action: 'training.manage',
    answers: 201,
    request: (world, side) =>
      inProgram(world, side, '/courses', trainingCourseFile(`course-${fresh()}`)),
  },
  'GET /api/programs/{programId}/starter-courses': {
    kind: 'table',
    action: 'training.manage',
    answers: 200,
    request: (world, side) => inProgram(world, side, '/starter-courses'),
  },
  'POST /api/programs/{programId}/starter-courses/{slug}': {
    kind: 'table',
    action: 'training.manage',
    answers: 201,
    request: (world, side) => starterNotHeld(world, side),
  },
  'GET /api/courses/{id}': {
    kind: 'table',
    action: 'training.read',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, ''),
  },
  'PUT /api/courses/{id}': {
    kind: 'table',
    action: 'training.manage',
    answers: 200,
    request: (world, side) =>
      aimAtCourse(world, side, '', (version) => ({
        basedOn: version,
        course: trainingCourseFile('saved').course,
      })),
  },
  'GET /api/courses/{id}/export': {
    kind: 'table',
    action: 'training.manage',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/export'),
  },
  'PUT /api/courses/{id}/survey': {
    kind: 'table',
    action: 'training.manage',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/survey', () => ({ surveyId: null })),
  },
  'POST /api/courses/{id}/cohorts': {
    kind: 'table',
    action: 'training.manage',
    answers: 201,
    request: async (world, side) => {
      const aimed = await aimAtCourse(world, side, '/cohorts');
      const { founderId } = organisationOf(world, side);
      return {
        ...aimed,
        payload: { name: `Cohort ${fresh()}`, dueOn: '2030-01-31', people: [founderId] },
      };
    },
  },
  'GET /api/courses/{id}/cohorts': {
    kind: 'table',
    action: 'training.read',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/cohorts'),
  },
  'GET /api/courses/{id}/assignable': {
    kind: 'table',
    action: 'training.manage',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/assignable'),
  },
  'GET /api/courses/{id}/report': {
    kind: 'table',
    action: 'training.report',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/report'),
  },
  'GET /api/courses/{id}/report.csv': {
    kind: 'table',
    action: 'training.report',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/report.csv'),
  },
  'GET /api/courses/{id}/xapi': {
    kind: 'table',
    action: 'training.report',
    answers: 200,
    request: (world, side) => aimAtCourse(world, side, '/xapi'),
  },

  'GET /api/me/training': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/me/training' }),
  },
  'GET /api/me/training/{enrolmentId}': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: (world, actor: MatrixActor) =>
      enrolmentOf(world, actor.personId ?? world.bystanderId, ''),
    otherPersons: (world) => enrolmentOf(world, world.bystanderId, ''),
  },
  'POST /api/me/training/{enrolmentId}/steps': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: (world, actor: MatrixActor) =>
      enrolmentOf(world, actor.personId ?? world.bystanderId, '/steps', readStep),
    otherPersons: (world) => enrolmentOf(world, world.bystanderId, '/steps', readStep),
  },
  // A reflection written first, so that there is something of one's own to share.
  'PUT /api/me/training/{enrolmentId}/reflections/{stepId}/sharing': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: (world, actor: MatrixActor) =>
      reflectionOf(world, actor.personId ?? world.bystanderId),
    otherPersons: (world) => reflectionOf(world, world.bystanderId),
  },
  'GET /api/me/training/{enrolmentId}/certificate.pdf': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: (world, actor: MatrixActor) =>
      enrolmentOf(world, actor.personId ?? world.bystanderId, '/certificate.pdf'),
    otherPersons: (world) => enrolmentOf(world, world.bystanderId, '/certificate.pdf'),
  },
  // A code no certificate has: anyone may ask, and is told so.
  'GET /api/certificates/{code}': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: '/api/certificates/ABCD-EFGH-JKLM-NPQR' }),
  },
};
