import { z } from 'zod';
import {
  myYouthEvents,
  planEventRequest,
  recordAttendanceRequest,
  youthEventDetail,
  youthEventList,
  youthEventSummary,
} from '../../../shared/youth/events-contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { listEvents, myUpcomingEvents, planEvent, readEvent, recordAttendance } from './events.ts';

// The routes of youth program events and their attendance (shared/youth/events-contract.ts).

const tags = ['youth'];
const inProgram = z.object({ programId: z.uuid('must be a program id') });
const oneEvent = z.object({ id: z.uuid('must be an event id') });

export function registerYouthEventRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/programs/:programId/youth-events',
    {
      schema: {
        summary: "A youth program's events, the latest first, with how many came",
        tags,
        params: inProgram,
        response: { 200: youthEventList },
      },
    },
    async (request) => ({
      events: await listEvents(context, await actors.require(request), request.params.programId),
    }),
  );
  app.post(
    '/api/programs/:programId/youth-events',
    {
      schema: {
        summary: 'Plan an event of a youth program: a title, when it starts, and where',
        tags,
        params: inProgram,
        body: planEventRequest,
        response: { 201: youthEventSummary },
      },
    },
    async (request, reply) => {
      const planned = await planEvent(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      return reply.code(201).send(planned);
    },
  );
  app.get(
    '/api/youth-events/:id',
    {
      schema: {
        summary: "An event with every young person of the program: came, didn't, or not recorded",
        tags,
        params: oneEvent,
        response: { 200: youthEventDetail },
      },
    },
    async (request) => readEvent(context, await actors.require(request), request.params.id),
  );
  app.put(
    '/api/youth-events/:id/attendance',
    {
      schema: {
        summary:
          'Record who came to an event; a minor without a current guardian consent is refused',
        tags,
        params: oneEvent,
        body: recordAttendanceRequest,
        response: { 200: youthEventDetail },
      },
    },
    async (request) =>
      recordAttendance(context, await actors.require(request), request.params.id, request.body),
  );
  app.get(
    '/api/me/youth-events',
    {
      schema: {
        summary: "The upcoming events of the young person's programs, while they may take part",
        tags,
        response: { 200: myYouthEvents },
      },
    },
    async (request) => ({
      events: await myUpcomingEvents(context, await actors.require(request)),
    }),
  );
}
