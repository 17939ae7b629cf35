import { z } from 'zod';
import { supportedLanguages } from '../../../shared/about/contract.ts';
import { addRecordBody, scheduleBody, signOffBody } from '../../../shared/conferences/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { oversightView, signOffCase, signOffRequests } from './oversight.ts';
import { inProgram, oneCase, tags } from './params.ts';
import { addRecord, readRecords } from './records.ts';
import { conferenceCalendarFor, scheduleConference } from './schedule.ts';
import { scriptOfCase } from './script-read.ts';

// Preparing and holding the conference (its records, its time and place, the facilitator's
// script) for the case team, and what an oversight reviewer reads and signs.

const scriptQuery = z.object({
  language: z.enum(supportedLanguages, { error: 'Choose English or Spanish.' }).optional(),
});

export function registerPreparationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/conferences/:id/records',
    {
      schema: {
        summary: 'The confidential records of a case, for its team; every read is audited',
        tags,
        params: oneCase,
      },
    },
    async (request, reply) => {
      const records = await readRecords(context, await actors.require(request), request.params.id);
      return reply.header('cache-control', 'no-store').send(records);
    },
  );
  app.post(
    '/api/conferences/:id/records',
    {
      schema: {
        summary: 'Record a preparation meeting, a statement, a note or a check-in (sealed)',
        tags,
        params: oneCase,
        body: addRecordBody,
      },
    },
    async (request, reply) => {
      const record = await addRecord(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).header('cache-control', 'no-store').send(record);
    },
  );
  app.post(
    '/api/conferences/:id/schedule',
    {
      schema: {
        summary: 'Schedule the conference once every party has consented; invitations go out',
        tags,
        params: oneCase,
        body: scheduleBody,
      },
    },
    async (request) =>
      scheduleConference(context, await actors.require(request), request.params.id, request.body),
  );
  app.get(
    '/api/conferences/:id/calendar.ics',
    {
      schema: {
        summary: 'The calendar file of the scheduled conference, for the case team',
        tags,
        params: oneCase,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const calendar = await conferenceCalendarFor(
        context,
        await actors.require(request),
        request.params.id,
      );
      return reply
        .header('content-disposition', 'attachment; filename="conference.ics"')
        .header('cache-control', 'no-store')
        .type('text/calendar; charset=utf-8')
        .send(calendar);
    },
  );
  app.get(
    '/api/conferences/:id/script',
    {
      schema: {
        summary: "The facilitator's script, by role, in the program's order",
        tags,
        params: oneCase,
        querystring: scriptQuery,
      },
    },
    async (request) =>
      scriptOfCase(
        context,
        await actors.require(request),
        request.params.id,
        request.query.language,
      ),
  );
  app.get(
    '/api/programs/:programId/conference-sign-offs',
    {
      schema: {
        summary: "The misconduct cases waiting for an oversight reviewer's sign-off",
        tags,
        params: inProgram,
      },
    },
    async (request) =>
      signOffRequests(context, await actors.require(request), request.params.programId),
  );
  app.get(
    '/api/conferences/:id/oversight',
    {
      schema: {
        summary: 'What an oversight reviewer reads of a case: decisions, never statements',
        tags,
        params: oneCase,
      },
    },
    async (request) => oversightView(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/conferences/:id/sign-off',
    {
      schema: {
        summary: "An oversight reviewer's sign-off of a misconduct case's screening or closure",
        tags,
        params: oneCase,
        body: signOffBody,
      },
    },
    async (request) =>
      signOffCase(context, await actors.require(request), request.params.id, request.body),
  );
}
