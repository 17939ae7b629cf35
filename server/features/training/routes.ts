import { z } from 'zod';
import { dayIn } from '../../../shared/commitments/days.ts';
import {
  attachSurveyBody,
  createCohortBody,
  reflectionSharing,
  saveCourseBody,
  stepBody,
} from '../../../shared/training/contract.ts';
import { courseFile } from '../../../shared/training/course-file.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { checkCertificate } from './certificates.ts';
import { assignablePeople, createCohort, listCohorts } from './cohorts.ts';
import {
  addStarterCourse,
  attachSurvey,
  createCourse,
  exportCourse,
  listCourses,
  listStarterCourses,
  readCourse,
  saveCourse,
} from './courses.ts';
import {
  myCertificatePdf,
  myTraining,
  readLearning,
  shareReflection,
  takeStep,
} from './learning.ts';
import { courseReport, reportedCourse } from './report.ts';
import { reportCsv, xapiStatements } from './report-export.ts';

// Every route of restorative training (shared/training/contract.ts lists them).

const tags = ['training'];
const id = z.string().min(1).max(100);
const inProgram = z.object({ programId: id });
const oneCourse = z.object({ id });

export function registerTrainingRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  const todayHere = () => dayIn(context.config.TIME_ZONE);
  app.get(
    '/api/programs/:programId/courses',
    { schema: { summary: "A program's courses", tags, params: inProgram } },
    async (request) => listCourses(db, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/programs/:programId/courses',
    {
      // A course file with its texts in two languages is larger than most bodies.
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        summary: 'Add a course from a course file: a new one, or one exported elsewhere',
        tags,
        params: inProgram,
        body: courseFile,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const detail = await createCourse(context, actor, request.params.programId, request.body);
      return reply.code(201).send(detail);
    },
  );
  app.get(
    '/api/programs/:programId/starter-courses',
    { schema: { summary: 'The starter curriculum this project writes', tags, params: inProgram } },
    async (request) =>
      listStarterCourses(db, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/programs/:programId/starter-courses/:slug',
    {
      schema: {
        summary: 'Add a copy of a starter course to the program',
        tags,
        params: z.object({ programId: id, slug: z.string().min(1).max(60) }),
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const { programId, slug } = request.params;
      return reply.code(201).send(await addStarterCourse(context, actor, programId, slug));
    },
  );
  app.get(
    '/api/courses/:id',
    { schema: { summary: 'A course at its latest version', tags, params: oneCourse } },
    async (request) => readCourse(db, await actors.require(request), request.params.id),
  );
  app.put(
    '/api/courses/:id',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        summary: 'Save a new version of a course',
        tags,
        params: oneCourse,
        body: saveCourseBody,
      },
    },
    async (request) =>
      saveCourse(context, await actors.require(request), request.params.id, request.body),
  );
  app.get(
    '/api/courses/:id/export',
    { schema: { summary: 'A course as one JSON file', tags, params: oneCourse } },
    async (request, reply) => {
      const file = await exportCourse(db, await actors.require(request), request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="${file.slug}.course.json"`)
        .send(file);
    },
  );

  app.put(
    '/api/courses/:id/survey',
    {
      schema: {
        summary: 'Attach the training survey learners answer before and after the course',
        tags,
        params: oneCourse,
        body: attachSurveyBody,
      },
    },
    async (request) =>
      attachSurvey(
        context,
        await actors.require(request),
        request.params.id,
        request.body.surveyId,
      ),
  );
  app.post(
    '/api/courses/:id/cohorts',
    {
      schema: {
        summary: 'Assign people the course, with a due date',
        tags,
        params: oneCourse,
        body: createCohortBody,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      return reply
        .code(201)
        .send(await createCohort(context, actor, request.params.id, request.body));
    },
  );
  app.get(
    '/api/courses/:id/cohorts',
    {
      schema: {
        summary: "A course's cohorts, with how many have completed it",
        tags,
        params: oneCourse,
      },
    },
    async (request) => listCohorts(db, await actors.require(request), request.params.id),
  );

  app.get(
    '/api/courses/:id/assignable',
    {
      schema: {
        summary: "Whom the course may be assigned: the staff of the program's organisations",
        tags,
        params: oneCourse,
      },
    },
    async (request) => assignablePeople(db, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/courses/:id/report',
    {
      schema: {
        summary: 'Who completed the course, by cohort and unit, and what learners chose',
        tags,
        params: oneCourse,
      },
    },
    async (request) =>
      courseReport(context, await actors.require(request), request.params.id, todayHere()),
  );
  app.get(
    '/api/courses/:id/report.csv',
    {
      schema: {
        summary: "The course's learners as a spreadsheet",
        tags,
        params: oneCourse,
        querystring: z.object({ lang: z.enum(['en', 'es']).default('en') }),
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const report = await courseReport(context, actor, request.params.id, todayHere());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="training-report.csv"`)
        .send(reportCsv(report, request.query.lang));
    },
  );
  app.get(
    '/api/courses/:id/xapi',
    {
      schema: {
        summary: "The course's learning records as xAPI statements, for an agency's own LRS",
        tags,
        params: oneCourse,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const { latest, contentOf, learners } = await reportedCourse(db, actor, request.params.id);
      const statements = xapiStatements(
        context.config.publicUrl,
        request.params.id,
        (version) => contentOf.get(version) ?? latest.content,
        learners,
      );
      return reply
        .header('content-disposition', `attachment; filename="training-statements.json"`)
        .send(statements);
    },
  );

  const oneEnrolment = z.object({ enrolmentId: id });
  app.get(
    '/api/me/training',
    { schema: { summary: 'The courses assigned to me', tags } },
    async (request) => myTraining(context, await actors.require(request)),
  );
  app.get(
    '/api/me/training/:enrolmentId',
    { schema: { summary: 'A course of mine, and where I am in it', tags, params: oneEnrolment } },
    async (request) =>
      readLearning(context, await actors.require(request), request.params.enrolmentId),
  );
  app.put(
    '/api/me/training/:enrolmentId/reflections/:stepId/sharing',
    {
      schema: {
        summary: 'Share a reflection of mine with the course’s coordinators, or stop sharing it',
        tags,
        params: z.object({ enrolmentId: id, stepId: z.string().max(64) }),
        body: reflectionSharing,
      },
    },
    async (request) =>
      shareReflection(
        context,
        await actors.require(request),
        request.params.enrolmentId,
        request.params.stepId,
        request.body.shared,
      ),
  );
  app.get(
    '/api/me/training/:enrolmentId/certificate.pdf',
    {
      schema: {
        summary: 'The certificate of a course I completed, to print',
        tags,
        params: oneEnrolment,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const pdf = await myCertificatePdf(context, actor, request.params.enrolmentId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="certificate.pdf"')
        .send(pdf);
    },
  );
  app.get(
    '/api/certificates/:code',
    {
      schema: {
        summary: 'Whether a certificate is valid: for anyone holding its code',
        tags,
        params: z.object({ code: z.string().max(100) }),
      },
    },
    async (request) => checkCertificate(db, request.params.code),
  );
  app.post(
    '/api/me/training/:enrolmentId/steps',
    {
      schema: {
        summary: 'Take a step of a course of mine: read, reflect, answer, choose',
        tags,
        params: oneEnrolment,
        body: stepBody,
      },
    },
    async (request) =>
      takeStep(context, await actors.require(request), request.params.enrolmentId, request.body),
  );
}
