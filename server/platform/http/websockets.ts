import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';

/** No WebSocket message may be longer; a feature refuses its own, smaller limit with a reply. */
export const WEBSOCKET_MAX_PAYLOAD_BYTES = 64 * 1024;

// WebSocket routes (`{ websocket: true }`) through Fastify's own router and hooks. Registered
// before every route, so that an upgrade to an address that is not a WebSocket route is closed.
export async function registerWebSockets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyWebsocket, {
    options: { maxPayload: WEBSOCKET_MAX_PAYLOAD_BYTES },
    errorHandler(error, socket, request) {
      // A phone that drops its connection, or a message over the limit, is ordinary: the
      // socket's own errors carry a code. Anything else is a fault of ours.
      if ('code' in error) request.log.debug({ err: error }, 'websocket connection error');
      else request.log.error({ err: error }, 'websocket handler failed');
      socket.terminate();
    },
  });
}
