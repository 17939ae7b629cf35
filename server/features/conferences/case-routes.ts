import { z } from 'zod';
import { assignTeamBody, caseCommandBody } from '../../../shared/conferences/contract.ts';
import { caseStages } from '../../../shared/conferences/machine.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { caseBoard } from './board.ts';
import { caseMember, inProgram, oneCase, tags } from './params.ts';
import { readCase } from './read.ts';
import { conferencePeopleFor } from './staff.ts';
import { assignToTeam, removeFromTeam } from './team.ts';
import { runTransition } from './transitions.ts';

// The staff side of a case: the board, the case itself, its workflow's steps and its team.
// A case's answers carry its confidential words: no cache keeps them.

const boardFilter = z.object({
  stage: z.enum(caseStages, { error: 'Choose a stage of the workflow.' }).optional(),
});

export function registerCaseRoutes(app: ApiApp, context: AppContext, actors: ActorResolver): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/conferences',
    {
      schema: {
        summary:
          "The case board: every case of the program for its coordinators, one's own for a facilitator",
        tags,
        params: inProgram,
        querystring: boardFilter,
      },
    },
    async (request) =>
      caseBoard(
        context,
        await actors.require(request),
        request.params.programId,
        request.query.stage,
      ),
  );
  app.get(
    '/api/programs/:programId/conference-people',
    {
      schema: {
        summary: 'Who of the program may be put on a case team',
        tags,
        params: inProgram,
      },
    },
    async (request) =>
      conferencePeopleFor(db, await actors.require(request), request.params.programId),
  );
  app.get(
    '/api/conferences/:id',
    {
      schema: {
        summary: 'One case, for its team: reading it is written to the audit trail',
        tags,
        params: oneCase,
      },
    },
    async (request, reply) => {
      const detail = await readCase(context, await actors.require(request), request.params.id);
      return reply.header('cache-control', 'no-store').send(detail);
    },
  );
  app.post(
    '/api/conferences/:id/transitions',
    {
      schema: {
        summary: 'Take a step of the workflow; a step its guard refuses is a 409 with the reason',
        tags,
        params: oneCase,
        body: caseCommandBody,
      },
    },
    async (request, reply) => {
      const detail = await runTransition(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.header('cache-control', 'no-store').send(detail);
    },
  );
  app.post(
    '/api/conferences/:id/team',
    {
      schema: {
        summary: 'Put a facilitator on the case team, or change their role (coordinators)',
        tags,
        params: oneCase,
        body: assignTeamBody,
      },
    },
    async (request, reply) => {
      const detail = await assignToTeam(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.header('cache-control', 'no-store').send(detail);
    },
  );
  app.delete(
    '/api/conferences/:id/team/:personId',
    {
      schema: {
        summary: 'Take someone off the case team (coordinators)',
        tags,
        params: caseMember,
      },
    },
    async (request, reply) => {
      const detail = await removeFromTeam(
        context,
        await actors.require(request),
        request.params.id,
        request.params.personId,
      );
      return reply.header('cache-control', 'no-store').send(detail);
    },
  );
}
