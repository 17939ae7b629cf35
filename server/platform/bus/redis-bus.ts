import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { StartupError } from '../startup-error.ts';
import type { BusHandler, EventBus } from './event-bus.ts';

const CHANNEL_PREFIX = 'restorativ:';

export async function createRedisBus(url: string, log: Logger): Promise<EventBus> {
  // Pub/sub needs two connections: a subscribed connection can do nothing else.
  const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  let lastError: Error | undefined;
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => {
      lastError = error;
      log.warn({ err: error }, 'redis connection error');
    });
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    const { hostname, port } = new URL(url);
    const reason = (lastError ?? (error as Error)).message;
    throw new StartupError(
      `Setting REDIS_URL: cannot connect to Redis at ${hostname}:${port || '6379'} (${reason}).`,
    );
  }

  const handlers = new Map<string, Set<BusHandler>>();
  subscriber.on('message', (prefixed: string, payload: string) => {
    const set = handlers.get(prefixed.slice(CHANNEL_PREFIX.length));
    if (!set) return;
    // Each subscriber gets its own copy, so that none can change what another sees.
    for (const handler of set) {
      try {
        handler(JSON.parse(payload));
      } catch (error) {
        log.warn({ err: error, channel: prefixed }, 'a bus message could not be handled');
      }
    }
  });

  return {
    kind: 'redis',
    async publish(channel, message) {
      await publisher.publish(CHANNEL_PREFIX + channel, JSON.stringify(message));
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await subscriber.subscribe(CHANNEL_PREFIX + channel);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await subscriber.unsubscribe(CHANNEL_PREFIX + channel);
        }
      };
    },
    async ping() {
      await publisher.ping();
    },
    async close() {
      handlers.clear();
      await Promise.all([publisher.quit(), subscriber.quit()]);
    },
  };
}
