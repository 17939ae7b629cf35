import type { Logger } from 'pino';
import type { EventBus } from './event-bus.ts';
import { createInProcessBus } from './in-process-bus.ts';
import { createRedisBus } from './redis-bus.ts';

export type { BusHandler, EventBus } from './event-bus.ts';

export async function openEventBus(redisUrl: string | undefined, log: Logger): Promise<EventBus> {
  return redisUrl ? createRedisBus(redisUrl, log) : createInProcessBus(log);
}
