import { createCircleBody, inviteToCircleBody } from '../../../shared/circles/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { cancelCircle } from './cancel.ts';
import { registerConnectionCheck } from './connection-check.ts';
import { circleCalendarFor } from './ics.ts';
import { inviteToCircle } from './invite.ts';
import { createJoinLink, revokeJoinLink } from './join-link.ts';
import { registerJoinRoutes } from './join-routes.ts';
import { inProgram, oneCircle, tags } from './params.ts';
import { circlePeopleFor } from './people.ts';
import { planCircles } from './plan.ts';
import { circlesOfPerson, listProgramCircles, readCircle } from './read.ts';

// Planning circles and asking people to them (shared/circles/contract.ts lists the routes).

export function registerCircleRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/circles',
    {
      schema: {
        summary: "A program's circles: all of them for its staff, one's own for anyone else",
        tags,
        params: inProgram,
      },
    },
    async (request) =>
      listProgramCircles(db, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/programs/:programId/circles',
    {
      schema: {
        summary: 'Plan a circle, or a weekly or monthly series of them',
        tags,
        params: inProgram,
        body: createCircleBody,
      },
    },
    async (request, reply) => {
      const planned = await planCircles(
        db,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      return reply.code(201).send({ circles: planned });
    },
  );
  app.get(
    '/api/programs/:programId/circle-people',
    {
      schema: {
        summary: 'Who may keep a circle of the program, and who may be invited to one',
        tags,
        params: inProgram,
      },
    },
    async (request) => circlePeopleFor(db, await actors.require(request), request.params.programId),
  );
  app.get(
    '/api/circles/mine',
    { schema: { summary: 'The circles the person keeps, was invited to, or sits in', tags } },
    async (request) => circlesOfPerson(db, await actors.require(request)),
  );
  app.get(
    '/api/circles/:id',
    {
      schema: {
        summary: 'One circle, and what the person may do with it',
        tags,
        params: oneCircle,
      },
    },
    async (request) => readCircle(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/circles/:id/cancel',
    { schema: { summary: 'Cancel a planned circle', tags, params: oneCircle } },
    async (request) => cancelCircle(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/circles/:id/invitations',
    {
      schema: {
        summary:
          'Invite people of the program or addresses; each gets an email with a calendar file',
        tags,
        params: oneCircle,
        body: inviteToCircleBody,
      },
    },
    async (request) =>
      inviteToCircle(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/circles/:id/join-link',
    {
      schema: {
        summary: 'Make a join link (shown once; a new one ends the old one)',
        tags,
        params: oneCircle,
      },
    },
    async (request, reply) => {
      const link = await createJoinLink(context, await actors.require(request), request.params.id);
      return reply.code(201).header('cache-control', 'no-store').send(link);
    },
  );
  app.delete(
    '/api/circles/:id/join-link',
    { schema: { summary: 'End the join link', tags, params: oneCircle } },
    async (request, reply) => {
      await revokeJoinLink(context, await actors.require(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/circles/:id/calendar.ics',
    {
      schema: {
        summary: 'The calendar file of the circle (and the later circles of its series)',
        tags,
        params: oneCircle,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const calendar = await circleCalendarFor(
        context,
        await actors.require(request),
        request.params.id,
      );
      return reply
        .header('content-disposition', 'attachment; filename="circle.ics"')
        .header('cache-control', 'no-store')
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  );
  registerJoinRoutes(app, context, actors);
  registerConnectionCheck(app);
}
