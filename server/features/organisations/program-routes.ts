import { z } from 'zod';
import {
  addPartnerRequest,
  createProgramRequest,
  organisationResponse,
  programSummary,
  updateProgramRequest,
} from '../../../shared/organisations/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import {
  addPartner,
  createProgram,
  readOrganisation,
  readProgram,
  updateProgram,
} from './programs.ts';

const organisationParams = z.object({ organisationId: z.uuid('must be an organisation id') });
const programParams = z.object({ programId: z.uuid('must be a program id') });

export function registerProgramRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;

  app.get(
    '/api/organisations/:organisationId',
    {
      schema: {
        summary: 'An organisation and the programs it runs, as lead or partner',
        tags: ['organisations'],
        params: organisationParams,
        response: { 200: organisationResponse },
      },
    },
    async (request) =>
      readOrganisation(db, await actors.require(request), request.params.organisationId),
  );

  app.post(
    '/api/organisations/:organisationId/programs',
    {
      schema: {
        summary: 'Start a program led by this organisation, with its partners',
        tags: ['organisations'],
        params: organisationParams,
        body: createProgramRequest,
        response: { 201: programSummary },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const program = await createProgram(db, actor, request.params.organisationId, {
        ...request.body,
        timeZone: context.config.TIME_ZONE,
      });
      return reply.code(201).send(program);
    },
  );

  app.get(
    '/api/programs/:programId',
    {
      schema: {
        summary: 'A program and the organisations that run it',
        tags: ['organisations'],
        params: programParams,
        response: { 200: programSummary },
      },
    },
    async (request) => readProgram(db, await actors.require(request), request.params.programId),
  );

  app.patch(
    '/api/programs/:programId',
    {
      schema: {
        summary:
          "Change a program's name, description, time zone, transcript retention or support resources",
        tags: ['organisations'],
        params: programParams,
        body: updateProgramRequest,
        response: { 200: programSummary },
      },
    },
    async (request) =>
      updateProgram(db, await actors.require(request), request.params.programId, request.body),
  );

  app.post(
    '/api/programs/:programId/partners',
    {
      schema: {
        summary: 'Add a partner organisation to a program (the lead organisation adds them)',
        tags: ['organisations'],
        params: programParams,
        body: addPartnerRequest,
        response: { 201: programSummary },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const program = await addPartner(db, actor, request.params.programId, request.body);
      return reply.code(201).send(program);
    },
  );
}
