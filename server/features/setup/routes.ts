import {
  setupPasswordRequest,
  setupRequest,
  setupResponse,
  setupStatus,
  setupStatusQuery,
} from '../../../shared/setup/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { chooseAdminPassword, completeSetup, setupStatusOf } from './service.ts';

export function registerSetupRoutes(app: ApiApp, context: AppContext): void {
  const { db } = context.database;
  app.get(
    '/api/setup/status',
    {
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
