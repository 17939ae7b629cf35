import type { Logger } from 'pino';
import type { BusHandler, EventBus } from './event-bus.ts';

export function createInProcessBus(log: Logger): EventBus {
  const handlers = new Map<string, Set<BusHandler>>();
  return {
    kind: 'in-process',
    async publish(channel, message) {
      // A copy through JSON, as Redis would deliver it: no subscriber shares the sender's object.
      const delivered = JSON.stringify(message);
      for (const handler of handlers.get(channel) ?? []) {
        queueMicrotask(() => {
          try {
            handler(JSON.parse(delivered));
          } catch (error) {
            log.warn({ err: error, channel }, 'a bus message could not be handled');
          }
        });
      }
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(channel);
      };
    },
    async ping() {},
    async close() {
      handlers.clear();
    },
  };
}
