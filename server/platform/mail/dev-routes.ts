import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { ApiApp } from '../http/api-app.ts';
import { latestOutboxMessages, readOutboxMessage } from './outbox.ts';
import { outboxStatuses } from './schema.ts';

// The outbox for a developer or a trial without a mail server: what would have been sent, with
// its sign-in links. Registered only outside production, and answered only to a browser on this
// machine: a trial reachable from the internet must not hand out everyone's sign-in links.

const summary = z.object({
  id: z.number(),
  toAddress: z.string(),
  subject: z.string(),
  template: z.string(),
  language: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

const message = summary.extend({
  textBody: z.string(),
  htmlBody: z.string(),
  preferencesUrl: z.string(),
  /** Files sent with it (a calendar invitation), their content in base64. */
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), content: z.string() }),
  ),
});

/** Straight from this machine, not through a proxy that serves others. */
function fromThisMachine(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-for'] ?? request.headers.forwarded;
  const peer = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return forwarded === undefined && (peer === '::1' || peer.startsWith('127.'));
}

function withIsoTimes<Row extends { createdAt: Date; sentAt: Date | null }>(row: Row) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export function registerDevOutboxRoutes(app: ApiApp, context: AppContext): void {
  const onlyThisMachine = async (request: FastifyRequest) => {
    if (!fromThisMachine(request)) throw new NotFoundError('Not found.');
  };

  app.get(
    '/api/dev/outbox',
    {
      onRequest: onlyThisMachine,
      schema: {
        summary: 'The latest emails in the outbox (development only)',
        tags: ['development'],
        response: { 200: z.object({ messages: z.array(summary) }) },
      },
    },
    async () => ({
      messages: (await latestOutboxMessages(context.database.db, 50)).map(withIsoTimes),
    }),
  );

  app.get(
    '/api/dev/outbox/:id',
    {
      onRequest: onlyThisMachine,
      schema: {
        summary: 'One email in the outbox, in full (development only)',
        tags: ['development'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: message },
      },
    },
    async (request) => {
      const found = await readOutboxMessage(context.database.db, context.cipher, request.params.id);
      if (!found)
        throw new NotFoundError(`There is no message ${request.params.id} in the outbox.`);
      return withIsoTimes(found);
    },
  );
}
