import { z } from 'zod';
import {
  acceptInvitationRequest,
  acceptInvitationResponse,
  createInvitationRequest,
  createInvitationResponse,
  invitationList,
  invitationPreview,
  invitationPreviewQuery,
  revokeInvitationResponse,
} from '../../../shared/invitations/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { startSessionAfterInvitation } from '../../platform/auth/invited-sign-in.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { acceptInvitation, previewInvitation } from './accept.ts';
import { createInvitation, listInvitations, revokeInvitation } from './service.ts';

// Each invitation by email sends one; an invitation link is a secret that must not be guessed.
const invitationsSent: RateRule = {
  name: 'invitations-sent',
  max: 100,
  perMinutes: 60,
  by: 'address',
};
const invitationLinkUse: RateRule = {
  name: 'invitation-link',
  max: 60,
  perMinutes: 15,
  by: 'address',
};

const inOrganisation = z.object({ organisationId: z.uuid('must be an organisation id') });
const oneInvitation = z.object({ invitationId: z.uuid('must be an invitation id') });

export function registerInvitationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.post(
    '/api/organisations/:organisationId/invitations',
    {
      config: { rateLimits: [invitationsSent] },
      schema: {
        summary: 'Invite someone to a role, by email or with a shareable link for residents',
        tags: ['invitations'],
        params: inOrganisation,
        body: createInvitationRequest,
        response: { 201: createInvitationResponse },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const created = await createInvitation(
        context,
        db,
        actor,
        request.params.organisationId,
        request.body,
      );
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/organisations/:organisationId/invitations',
    {
      schema: {
        summary: 'The invitations of an organisation that the person signed in may see',
        tags: ['invitations'],
        params: inOrganisation,
        response: { 200: invitationList },
      },
    },
    async (request) => ({
      invitations: await listInvitations(
        db,
        await actors.require(request),
        request.params.organisationId,
      ),
    }),
  );
  app.post(
    '/api/invitations/:invitationId/revoke',
    {
      schema: {
        summary: 'Withdraw an invitation, so that its link no longer works',
        tags: ['invitations'],
        params: oneInvitation,
        response: { 200: revokeInvitationResponse },
      },
    },
    async (request) =>
      revokeInvitation(db, await actors.require(request), request.params.invitationId),
  );
  app.get(
    '/api/invitations/preview',
    {
      config: { rateLimits: [invitationLinkUse] },
      schema: {
        summary: 'What an invitation link offers, before anyone accepts it',
        tags: ['invitations'],
        querystring: invitationPreviewQuery,
        response: { 200: invitationPreview },
      },
    },
    (request) => previewInvitation(db, request.query.token),
  );
  app.post(
    '/api/invitations/accept',
    {
      config: { rateLimits: [invitationLinkUse] },
      schema: {
        summary: 'Accept an invitation; the person is signed in when it answers',
        tags: ['invitations'],
        body: acceptInvitationRequest,
        response: { 200: acceptInvitationResponse },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(
        context.auth,
        db,
        request.body,
        await actors.current(request),
      );
      if (accepted.needsSession) {
        await startSessionAfterInvitation(context.auth, request, reply, accepted.personId);
      }
      return { personId: accepted.personId, secondFactor: accepted.secondFactor };
    },
  );
}
