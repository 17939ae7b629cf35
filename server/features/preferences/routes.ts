import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emailPreferences,
  tokenPreferencesQuery,
  tokenPreferencesResponse,
  updateEmailPreferencesRequest,
} from '../../../shared/preferences/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { InvalidError } from '../../platform/errors.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { frequencyOf } from '../../platform/mail/preferences.ts';
import { addressOfLink, changeFrequency, preferencesOfLink } from './service.ts';

// RFC 8058: a mail program unsubscribes by POSTing this one form field to the address in the
// List-Unsubscribe header, which is the preferences page itself.
const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

export function registerPreferencesRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  const tokens = context.emailPreferences;

  app.get(
    '/api/me/email-preferences',
    {
      schema: {
        summary: 'Which optional emails the person signed in gets',
        tags: ['preferences'],
        response: { 200: emailPreferences },
      },
    },
    async (request) => {
      const person = await actors.require(request, { withoutSecondFactor: true });
      return { frequency: await frequencyOf(db, person.email) };
    },
  );
  app.put(
    '/api/me/email-preferences',
    {
      schema: {
        summary: 'Choose how often optional emails come: at once, daily, or never',
        tags: ['preferences'],
        body: updateEmailPreferencesRequest,
        response: { 200: emailPreferences },
      },
    },
    async (request) => {
      const person = await actors.require(request, { withoutSecondFactor: true });
      await changeFrequency(db, person.email, request.body.frequency, {
        personId: person.personId,
      });
      return { frequency: request.body.frequency };
    },
  );

  app.get(
    '/api/preferences/email',
    {
      schema: {
        summary: 'Email preferences from the link in an email, without signing in',
        tags: ['preferences'],
        querystring: tokenPreferencesQuery,
        response: { 200: tokenPreferencesResponse },
      },
    },
    (request) => preferencesOfLink(db, tokens, request.query.token),
  );
  app.put(
    '/api/preferences/email',
    {
      schema: {
        summary: 'Change email preferences from the link in an email, without signing in',
        tags: ['preferences'],
        querystring: tokenPreferencesQuery,
        body: updateEmailPreferencesRequest,
        response: { 200: tokenPreferencesResponse },
      },
    },
    async (request) => {
      const address = addressOfLink(tokens, request.query.token);
      await changeFrequency(db, address, request.body.frequency, { link: true });
      return preferencesOfLink(db, tokens, request.query.token);
    },
  );

  // Only this route reads a form body: mail programs send the one-click request as one.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1_024 },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/preferences/email',
      {
        schema: {
          summary: 'One-click unsubscribe (RFC 8058): stops every optional email',
          tags: ['preferences'],
          querystring: tokenPreferencesQuery,
          body: z.string().optional(),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        if (String(request.body ?? '').trim() !== ONE_CLICK_BODY) {
          throw new InvalidError([
            { field: 'body', message: `The body must be ${ONE_CLICK_BODY}.` },
          ]);
        }
        const address = addressOfLink(tokens, request.query.token);
        await changeFrequency(db, address, 'never', { link: true, oneClick: true });
        return reply.code(204).send(null);
      },
    );
  });
}
