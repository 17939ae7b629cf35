import { z } from 'zod';
import {
  grantRoleRequest,
  membershipSummary,
  organisationDirectory,
  peopleList,
} from '../../../shared/organisations/contract.ts';
import type { ActorResolver, SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { disablePerson, enablePerson, resetSecondFactor } from './disable-person.ts';
import { listPeople } from './people.ts';
import { organisationDirectoryFor } from './programs.ts';
import { grantRole, revokeRole, verifyOfficer } from './roles.ts';

const organisationParams = z.object({ organisationId: z.uuid('must be an organisation id') });
const personInOrganisation = organisationParams.extend({
  personId: z.uuid('must be a person id'),
});
const membershipOfPerson = personInOrganisation.extend({
  membershipId: z.uuid('must be a role id'),
});

export function registerPeopleRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;

  app.get(
    '/api/organisations/:organisationId/people',
    {
      schema: {
        summary: 'Everyone with a role in the organisation (a coordinator: in their programs)',
        tags: ['organisations'],
        params: organisationParams,
        response: { 200: peopleList },
      },
    },
    async (request) => ({
      people: await listPeople(db, await actors.require(request), request.params.organisationId),
    }),
  );

  app.post(
    '/api/organisations/:organisationId/people/:personId/roles',
    {
      schema: {
        summary: 'Give someone in the organisation another role',
        tags: ['organisations'],
        params: personInOrganisation,
        body: grantRoleRequest,
        response: { 201: membershipSummary },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const { organisationId, personId } = request.params;
      const granted = await grantRole(context, db, actor, organisationId, personId, request.body);
      return reply.code(201).send(granted);
    },
  );

  app.delete(
    '/api/organisations/:organisationId/people/:personId/roles/:membershipId',
    {
      schema: {
        summary: 'Take a role away (it stays on record as revoked)',
        tags: ['organisations'],
        params: membershipOfPerson,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const { organisationId, personId, membershipId } = request.params;
      await revokeRole(db, actor, organisationId, personId, membershipId);
      return reply.code(204).send(null);
    },
  );

  // What an admin does to one person's account: each answers 204 and takes the same params.
  const accountActions = [
    {
      path: 'verify-officer',
      summary: 'Verify that someone is an officer of this agency; only then do they act as one',
      act: (actor: SignedIn, organisationId: string, personId: string) =>
        verifyOfficer(db, actor, organisationId, personId),
    },
    {
      path: 'disable',
      summary: 'Disable a person: they can no longer sign in, and their sessions end',
      act: (actor: SignedIn, organisationId: string, personId: string) =>
        disablePerson(db, context.auth, actor, organisationId, personId),
    },
    {
      path: 'enable',
      summary: 'Let a disabled person sign in again',
      act: (actor: SignedIn, organisationId: string, personId: string) =>
        enablePerson(db, actor, organisationId, personId),
    },
    {
      path: 'reset-second-factor',
      summary: 'Remove a staff member’s second factor, so they set up a new one',
      act: (actor: SignedIn, organisationId: string, personId: string) =>
        resetSecondFactor(db, context.auth, actor, organisationId, personId),
    },
  ];
  for (const { path, summary, act } of accountActions) {
    app.post(
      `/api/organisations/:organisationId/people/:personId/${path}`,
      {
        schema: {
          summary,
          tags: ['organisations'],
          params: personInOrganisation,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = await actors.require(request);
        await act(actor, request.params.organisationId, request.params.personId);
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/organisations',
    {
      schema: {
        summary: 'The organisations on this installation, to choose a program partner from',
        tags: ['organisations'],
        response: { 200: organisationDirectory },
      },
    },
    async (request) => ({
      organisations: await organisationDirectoryFor(db, await actors.require(request)),
    }),
  );
}
