import {
  addItemBody,
  paymentBody,
  publishItemBody,
  reasonBody,
  settleItemBody,
} from '../../../shared/conferences/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { addAgreementItem } from './items-add.ts';
import { removeAgreementItem, reopenAgreementItem, settleAgreementItem } from './items-change.ts';
import { registerMonitoringRoutes } from './monitoring-routes.ts';
import { caseItem, oneCase, tags } from './params.ts';
import { recordPayment } from './payments.ts';
import { consentToPublish, publishItem } from './publication.ts';

// The agreement's routes: its items for the case team, a party's consent to publish one, and
// (monitoring-routes.ts) the overdue list, the agency's view and the outcomes export.
// Settling, reopening, paying and publishing answer the item as it now stands.

export function registerAgreementRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.post(
    '/api/conferences/:id/items',
    {
      schema: {
        summary: 'Add an item to the agreement: what, who answers for it, by when, how verified',
        tags,
        params: oneCase,
        body: addItemBody,
      },
    },
    async (request, reply) => {
      const item = await addAgreementItem(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(item);
    },
  );
  app.post(
    '/api/conferences/:id/items/:itemId/remove',
    {
      schema: {
        summary: 'Take an item out of the agreement, saying why',
        tags,
        params: caseItem,
        body: reasonBody,
      },
    },
    async (request, reply) => {
      const { id, itemId } = request.params;
      await removeAgreementItem(
        context,
        await actors.require(request),
        id,
        itemId,
        request.body.reason,
      );
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/conferences/:id/items/:itemId/settle',
    {
      schema: {
        summary: 'Settle an item as done, or as not done with a reason',
        tags,
        params: caseItem,
        body: settleItemBody,
      },
    },
    async (request) =>
      settleAgreementItem(
        context,
        await actors.require(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
  app.post(
    '/api/conferences/:id/items/:itemId/reopen',
    {
      schema: {
        summary: 'Open a settled item again, saying why',
        tags,
        params: caseItem,
        body: reasonBody,
      },
    },
    async (request) =>
      reopenAgreementItem(
        context,
        await actors.require(request),
        request.params.id,
        request.params.itemId,
        request.body.reason,
      ),
  );
  app.post(
    '/api/conferences/:id/items/:itemId/payments',
    {
      schema: {
        summary: 'Record a restitution payment; the answer shows when the amount is paid',
        tags,
        params: caseItem,
        body: paymentBody,
      },
    },
    async (request) =>
      recordPayment(
        context,
        await actors.require(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
  app.post(
    '/api/conferences/:id/items/:itemId/publish',
    {
      schema: {
        summary:
          'Publish an item on the accountability register in words that name no one, once every harmed and responsible party agreed',
        tags,
        params: caseItem,
        body: publishItemBody,
      },
    },
    async (request) =>
      publishItem(
        context,
        await actors.require(request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
  app.post(
    '/api/conferences/:id/my-part/items/:itemId/publication-consent',
    {
      schema: {
        summary: 'A harmed or responsible party agrees that an item may be published de-identified',
        tags,
        params: caseItem,
      },
    },
    async (request, reply) => {
      await consentToPublish(
        context,
        await actors.require(request),
        request.params.id,
        request.params.itemId,
      );
      return reply.code(204).send();
    },
  );
  registerMonitoringRoutes(app, context, actors);
}
