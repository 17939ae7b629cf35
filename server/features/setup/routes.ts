import {
  setupPasswordRequest,
  setupRequest,
  setupResponse,
  setupStatus,
  setupStatusQuery,
} from '../../../shared/setup/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { chooseAdminPassword, completeSetup, setupStatusOf } from './service.ts';

// A setup link is a secret in a URL: few tries per address, so it cannot be guessed.
const setupLinkLimits: readonly RateRule[] = [
  { name: 'setup-link', max: 30, perMinutes: 15, by: 'address' },
];

export function registerSetupRoutes(app: ApiApp, context: AppContext): void {
  const { db } = context.database;
  app.get(
    '/api/setup/status',
    {
      config: { rateLimits: setupLinkLimits },
      schema: {
        summary: 'What a first-run setup link allows',
        tags: ['setup'],
        querystring: setupStatusQuery,
        response: { 200: setupStatus },
      },
    },
    (request) => setupStatusOf(db, request.query.token),
  );
  app.post(
    '/api/setup',
    {
      config: { rateLimits: setupLinkLimits },
      schema: {
        summary: 'Create the first organisation and its admin',
        tags: ['setup'],
        body: setupRequest,
        response: { 201: setupResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await completeSetup(db, context.auth, request.body)),
  );
  app.post(
    '/api/setup/password',
    {
      config: { rateLimits: setupLinkLimits },
      schema: {
        summary: 'The first admin chooses a password',
        tags: ['setup'],
        body: setupPasswordRequest,
        response: { 200: setupResponse },
      },
    },
    (request) => chooseAdminPassword(db, context.auth, request.body.token, request.body.password),
  );
}
