import { z } from 'zod';
import {
  addAddressRequest,
  addAddressResponse,
  changeEmailRequest,
  confirmAddressRequest,
  confirmAddressResponse,
  profileResponse,
  reauthenticateRequest,
  sessionList,
  updateProfileRequest,
} from '../../../shared/profile/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { toFetchHeaders } from '../../platform/auth/routes.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { confirmAddress, requestAddress } from './address.ts';
import { reauthenticate } from './reauthentication.ts';
import { changeEmail, profileOf, updateProfile } from './service.ts';
import { endSession, listSessions } from './sessions.ts';

// Changing the address checks the password: counted with better-auth's other password checks.
const passwordCheck: RateRule = { name: 'password-check', max: 20, perMinutes: 15, by: 'address' };
// Each request sends an email; a confirmation link is a secret that must not be guessed.
const addressLinks: RateRule = { name: 'address-link', max: 10, perMinutes: 15, by: 'address' };

// A staff member who has not set up a second factor yet may read their profile, choose their
// language and see or end their sessions (someone else may be signed in as them); a new email
// address or name waits until the second factor is set up.
const evenBeforeSecondFactor = { withoutSecondFactor: true };

export function registerProfileRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;

  app.get(
    '/api/me',
    {
      schema: {
        summary: 'The person signed in, and their roles',
        tags: ['profile'],
        response: { 200: profileResponse },
      },
    },
    async (request) => profileOf(db, await actors.require(request, evenBeforeSecondFactor)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        summary: 'Change the name others see, or the language of pages and emails',
        tags: ['profile'],
        body: updateProfileRequest,
        response: { 200: profileResponse },
      },
    },
    async (request) =>
      updateProfile(db, await actors.require(request, evenBeforeSecondFactor), request.body),
  );

  app.post(
    '/api/me/address',
    {
      config: { rateLimits: [addressLinks] },
      schema: {
        summary: 'Give an email address, for someone who joined without one; a link confirms it',
        tags: ['profile'],
        body: addAddressRequest,
        response: { 202: addAddressResponse },
      },
    },
    async (request, reply) => {
      const person = await actors.require(request);
      return reply.code(202).send(await requestAddress(context, db, person, request.body.email));
    },
  );

  app.post(
    '/api/me/address/confirm',
    {
      config: { rateLimits: [addressLinks] },
      schema: {
        summary: 'Confirm an email address with the link sent to it (no sign-in needed)',
        tags: ['profile'],
        body: confirmAddressRequest,
        response: { 200: confirmAddressResponse },
      },
    },
    (request) => confirmAddress(db, request.body.token),
  );

  app.post(
    '/api/me/reauthenticate',
    {
      config: { rateLimits: [passwordCheck] },
      schema: {
        summary: 'Type the password again, before changing passkeys',
        tags: ['profile'],
        body: reauthenticateRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reauthenticate(db, context.auth, await actors.require(request), request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/email',
    {
      config: { rateLimits: [passwordCheck] },
      schema: {
        summary: 'Change the email address, confirmed with the current password',
        tags: ['profile'],
        body: changeEmailRequest,
        response: { 200: profileResponse },
      },
    },
    async (request) => changeEmail(db, context.auth, await actors.require(request), request.body),
  );

  app.get(
    '/api/me/sessions',
    {
      schema: {
        summary: 'Where you are signed in',
        tags: ['profile'],
        response: { 200: sessionList },
      },
    },
    async (request) => ({
      sessions: await listSessions(db, await actors.require(request, evenBeforeSecondFactor)),
    }),
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      schema: {
        summary: 'End one of your sessions; ending this one signs you out',
        tags: ['profile'],
        params: z.object({ sessionId: z.uuid('must be a session id') }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request, evenBeforeSecondFactor);
      const { current } = await endSession(db, context.auth, actor, request.params.sessionId);
      if (current) {
        // The session is gone already; this only tells the browser to drop its cookie.
        const { headers } = await context.auth.api.signOut({
          headers: toFetchHeaders(request),
          returnHeaders: true,
        });
        reply.header('set-cookie', headers.getSetCookie());
      }
      return reply.code(204).send(null);
    },
  );
}
