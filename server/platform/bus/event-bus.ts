// Publish/subscribe between server processes. Features publish events that they have already
// committed to the database; the bus only tells other processes (and their WebSocket clients)
// that something happened. In-process by default; Redis pub/sub when REDIS_URL is set, so that
// several processes behind a load balancer serve one room together.

export type BusHandler = (message: unknown) => void;

export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
