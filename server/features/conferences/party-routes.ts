import {
  acceptPartyLinkBody,
  addPartyBody,
  giveConsentBody,
  partyPreviewBody,
  reasonBody,
  recordConsentBody,
} from '../../../shared/conferences/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { startSessionAfterInvitation } from '../../platform/auth/invited-sign-in.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import {
  giveOwnConsent,
  recordPaperConsent,
  recordWithdrawal,
  withdrawOwnConsent,
} from './consents.ts';
import { myCases, myPart } from './my-part.ts';
import { caseParty, oneCase, tags } from './params.ts';
import { addParty, newPartyLink, removeParty } from './parties.ts';
import { acceptPartyLink, previewPartyLink } from './party-link.ts';
import { registerPreparationRoutes } from './preparation-routes.ts';

// The parties' part of conferences: the team adds and removes parties and records consent given
// on paper; a party comes in by their link, reads their own part, and gives or withdraws their
// consent. The preparation, the conference and its oversight register beside them.

// A party's link is a secret that must not be guessed: limited by address, as circles' are.
const partyLinkUse: RateRule = {
  name: 'conference-party-link',
  max: 60,
  perMinutes: 15,
  by: 'address',
};

export function registerPartyRoutes(app: ApiApp, context: AppContext, actors: ActorResolver): void {
  const { db } = context.database;
  app.post(
    '/api/conferences/:id/parties',
    {
      schema: {
        summary:
          'Add a party; someone with no account gets a personal link (shown once, and emailed)',
        tags,
        params: oneCase,
        body: addPartyBody,
      },
    },
    async (request, reply) => {
      const added = await addParty(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).header('cache-control', 'no-store').send(added);
    },
  );
  app.post(
    '/api/conferences/:id/parties/:partyId/link',
    {
      schema: {
        summary: 'A new personal link for a party (shown once; it ends the one before)',
        tags,
        params: caseParty,
      },
    },
    async (request, reply) => {
      const { id, partyId } = request.params;
      const link = await newPartyLink(context, await actors.require(request), id, partyId);
      return reply.code(201).header('cache-control', 'no-store').send(link);
    },
  );
  app.post(
    '/api/conferences/:id/parties/:partyId/remove',
    {
      schema: {
        summary: 'A party leaves the case; what was recorded stays',
        tags,
        params: caseParty,
        body: reasonBody,
      },
    },
    async (request) => {
      const { id, partyId } = request.params;
      return removeParty(context, await actors.require(request), id, partyId, request.body.reason);
    },
  );
  app.post(
    '/api/conferences/:id/parties/:partyId/consent',
    {
      schema: {
        summary: "Record a party's informed consent given on paper",
        tags,
        params: caseParty,
        body: recordConsentBody,
      },
    },
    async (request) => {
      const { id, partyId } = request.params;
      return recordPaperConsent(context, await actors.require(request), id, partyId, request.body);
    },
  );
  app.post(
    '/api/conferences/:id/parties/:partyId/withdraw',
    {
      schema: {
        summary: 'Record that a party withdrew their consent: the case pauses',
        tags,
        params: caseParty,
        body: reasonBody,
      },
    },
    async (request) => {
      const { id, partyId } = request.params;
      return recordWithdrawal(
        context,
        await actors.require(request),
        id,
        partyId,
        request.body.reason,
      );
    },
  );
  app.post(
    '/api/conference-party/preview',
    {
      config: { rateLimits: [partyLinkUse] },
      schema: {
        summary: "What a party's link opens, before it is used",
        tags,
        body: partyPreviewBody,
      },
    },
    async (request) => previewPartyLink(db, request.body.token),
  );
  app.post(
    '/api/conference-party',
    {
      config: { rateLimits: [partyLinkUse] },
      schema: {
        summary:
          "Take one's part in a case by a party's link; someone with no account becomes a resident, signed in",
        tags,
        body: acceptPartyLinkBody,
      },
    },
    async (request, reply) => {
      const person = await actors.current(request);
      const { conferenceId, newPersonId } = await acceptPartyLink(context, request.body, person);
      if (newPersonId) await startSessionAfterInvitation(context.auth, request, reply, newPersonId);
      return { conferenceId };
    },
  );
  app.get(
    '/api/conferences/mine',
    { schema: { summary: 'The cases the person is a party to', tags } },
    async (request) => myCases(db, await actors.require(request)),
  );
  app.get(
    '/api/conferences/:id/my-part',
    {
      schema: {
        summary: "A party's own part: their consent, their own preparation, the agreement",
        tags,
        params: oneCase,
      },
    },
    async (request) => myPart(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/conferences/:id/my-part/consent',
    {
      schema: {
        summary: 'Give informed consent, signed with a typed name',
        tags,
        params: oneCase,
        body: giveConsentBody,
      },
    },
    async (request) =>
      giveOwnConsent(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/conferences/:id/my-part/withdraw',
    {
      schema: {
        summary: 'Withdraw consent at any time: the case pauses, nothing is lost',
        tags,
        params: oneCase,
        body: reasonBody,
      },
    },
    async (request) =>
      withdrawOwnConsent(
        context,
        await actors.require(request),
        request.params.id,
        request.body.reason,
      ),
  );
  registerPreparationRoutes(app, context, actors);
}
