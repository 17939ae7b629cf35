import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ForbiddenError, UnauthenticatedError } from '../../platform/errors.ts';
import { isTrustedOrigin } from '../../platform/http/origins.ts';
import { LiveConnection } from './connection.ts';
import { iceServersFor } from './ice.ts';
import { createCircleLog } from './log.ts';
import { createMediaRelay } from './media-relay.ts';
import { createRooms } from './rooms.ts';

// The live room's WebSocket, GET /api/circles/live, speaking shared/circles/protocol.ts. The
// session cookie says who is connecting, as on every HTTP route; the first frame says which
// circle. See docs/decisions/022-live-circle-room.md.

export const LIVE_PATH = '/api/circles/live';

export function registerCircleRealtime(
  app: FastifyInstance,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { config, database, cipher, bus } = context;
  const log = context.log.child({ component: 'circles' });
  const rooms = createRooms({
    db: database.db,
    cipher,
    bus,
    log,
    leaveAfterMs: config.CIRCLE_LEAVE_AFTER_MS,
    leave(circleId, participantId) {
      void circleLog.submit({ circleId, actor: participantId, command: { type: 'leave' } });
    },
  });
  // The unit is asked for STUN only: it has a public address of its own, or learns it by STUN.
  const mediaRelay = createMediaRelay({
    meshLimit: config.MEDIA_MESH_LIMIT,
    iceServers: config.STUN_URLS.length > 0 ? [{ urls: config.STUN_URLS }] : [],
    portRange: config.MEDIA_RELAY_PORTS,
    // Several processes share a circle's open voices over Redis; one process needs no bus.
    processes: bus.kind === 'redis' ? { bus, cipher } : undefined,
    log,
  });
  const circleLog = createCircleLog({
    db: database.db,
    cipher,
    log,
    known: rooms.known,
    committed: rooms.committed,
  });

  /** The person of the connection's session, while it lasts; as actor.ts decides for HTTP. */
  const whoIs = async (request: FastifyRequest) => {
    try {
      const person = await actors.require(request);
      return { personId: person.personId };
    } catch (error) {
      if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) return null;
      throw error;
    }
  };

  app.get(
    LIVE_PATH,
    {
      websocket: true,
      // Browsers send cookies with a WebSocket from any page: only our own pages may connect.
      async preValidation(request) {
        const origin = request.headers.origin;
        if (origin && !isTrustedOrigin(config, origin)) {
          throw new ForbiddenError('This connection came from another site, so it was refused.');
        }
      },
    },
    (socket, request) => {
      new LiveConnection(socket, {
        db: database.db,
        rooms,
        submit: circleLog.submit,
        whoIs: () => whoIs(request),
        heartbeatMs: config.CIRCLE_HEARTBEAT_MS,
        iceServers: (participantId) => iceServersFor(config, participantId),
        mediaMeshLimit: config.MEDIA_MESH_LIMIT,
        mediaRelay,
        log,
      });
    },
  );

  // After the sockets have closed (Fastify's preClose): what is queued is stored and answered,
  // and no one is taken for gone because this process stops.
  app.addHook('onClose', async () => {
    await mediaRelay.close();
    await circleLog.close();
    await rooms.close();
  });
}
