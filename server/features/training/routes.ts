import { z } from 'zod';
import { saveCourseBody } from '../../../shared/training/contract.ts';
import { courseFile } from '../../../shared/training/course-file.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import {
  addStarterCourse,
  createCourse,
  exportCourse,
  listCourses,
  listStarterCourses,
  readCourse,
  saveCourse,
} from './courses.ts';

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
}
