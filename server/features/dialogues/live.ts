import { count, eq } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import type { ReportSignal } from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { isTrustedOrigin } from '../../platform/http/origins.ts';
import { reportableDialogue } from './access.ts';
import { dialogueChannel } from './changes.ts';
import { oneDialogue } from './result-params.ts';
import { dialogueVotes } from './schema.ts';

// The live report: WebSocket /api/dialogues/:id/live tells the report's readers that something
// changed, and the page fetches the report again. Much simpler than a circle's room: nothing is
// sent but "changed", so nothing needs sequence numbers or resuming; a reader who reconnects
// fetches the report. Whether the reader may read the report is decided once, at connection.
//
// Votes arrive in bursts (a meeting where everyone votes at once), and each signal makes every
// reader's page fetch and analyse the report: the signals of a dialogue are throttled to one
// every two seconds, the last change of a burst always sent after it.

export const SIGNAL_INTERVAL_MS = 2_000;
/** Under the 45 s after which idle connections are often cut by NAT and proxies. */
export const LIVE_HEARTBEAT_MS = 30_000;

/** Calls `fire` at once, then at most once per interval; a poke in between is sent at its end. */
export function throttle(fire: () => void, intervalMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  const send = () => {
    timer = null;
    last = Date.now();
    fire();
  };
  return {
    poke() {
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

interface Watch {
  readers: Set<WebSocket>;
  signal: ReturnType<typeof throttle>;
  unsubscribe: Promise<() => Promise<void>>;
}

export function registerDialogueLive(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  const log = context.log.child({ component: 'dialogues-live' });
  const watches = new Map<string, Watch>();

  const votesIn = async (dialogueId: string) => {
    const [row] = await db
      .select({ votes: count() })
      .from(dialogueVotes)
      .where(eq(dialogueVotes.dialogueId, dialogueId));
    return row?.votes ?? 0;
  };

  const broadcast = async (dialogueId: string) => {
    const watch = watches.get(dialogueId);
    if (!watch) return;
    const signal: ReportSignal = { kind: 'changed', votes: await votesIn(dialogueId) };
    const text = JSON.stringify(signal);
    for (const reader of watch.readers) {
      if (reader.readyState === reader.OPEN) reader.send(text);
    }
  };

  /** One bus subscription per dialogue in this process, shared by its readers. */
  const watch = (dialogueId: string, reader: WebSocket) => {
    let found = watches.get(dialogueId);
    if (!found) {
      const signal = throttle(() => {
        broadcast(dialogueId).catch((error: unknown) =>
          log.warn({ err: error, dialogueId }, 'a live report signal failed'),
        );
      }, SIGNAL_INTERVAL_MS);
      found = {
        readers: new Set(),
        signal,
        unsubscribe: context.bus.subscribe(dialogueChannel(dialogueId), () => signal.poke()),
      };
      watches.set(dialogueId, found);
    }
    found.readers.add(reader);
    return found;
  };

  const leave = (dialogueId: string, reader: WebSocket) => {
    const found = watches.get(dialogueId);
    if (!found) return;
    found.readers.delete(reader);
    if (found.readers.size > 0) return;
    watches.delete(dialogueId);
    found.signal.stop();
    void found.unsubscribe.then((end) => end());
  };

  app.get(
    '/api/dialogues/:id/live',
    {
      websocket: true,
      // A WebSocket, not an operation of the HTTP API: it is left out of the OpenAPI document.
      schema: { hide: true, params: oneDialogue },
      // Before the upgrade: a refusal is an ordinary HTTP answer (401, 403, 404).
      async preValidation(request) {
        const origin = request.headers.origin;
        // Browsers send cookies with a WebSocket from any page: only our own pages may connect.
        if (origin && !isTrustedOrigin(context.config, origin)) {
          throw new ForbiddenError('This connection came from another site, so it was refused.');
        }
        const { id } = request.params as { id: string };
        await reportableDialogue(db, await actors.require(request), id);
      },
    },
    (socket, request) => {
      const dialogueId = request.params.id;
      const found = watch(dialogueId, socket);
      let alive = true;
      socket.on('pong', () => {
        alive = true;
      });
      const heartbeat = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, LIVE_HEARTBEAT_MS);
      socket.on('close', () => {
        clearInterval(heartbeat);
        leave(dialogueId, socket);
      });
      // Readers say nothing; anything they send is ignored.
      socket.on('message', () => {});
      // Once the subscription is active, where the dialogue stands: a change between the
      // page's fetch of the report and this moment is not missed.
      void found.unsubscribe
        .then(() => votesIn(dialogueId))
        .then((votes) => {
          const signal: ReportSignal = { kind: 'changed', votes };
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(signal));
        })
        .catch((error: unknown) => log.warn({ err: error, dialogueId }, 'a live report failed'));
    },
  );

  app.addHook('onClose', async () => {
    for (const [dialogueId, found] of watches) {
      found.signal.stop();
      watches.delete(dialogueId);
      await (await found.unsubscribe)();
    }
  });
}
