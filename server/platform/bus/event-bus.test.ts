import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventBus } from './event-bus.ts';
import { openEventBus } from './index.ts';

// The same contract for both buses. With REDIS_URL set (as CI's PostgreSQL pass sets it), the two
// sides are separate connections to a real Redis, as two server processes would be; without it,
// they are one in-process bus, as in a single embedded process.
const redisUrl = process.env.REDIS_URL;
const log = pino({ level: 'silent' });
const opened: EventBus[] = [];

async function pairOfBuses(): Promise<[EventBus, EventBus]> {
  const sender = await openEventBus(redisUrl, log);
  const receiver = redisUrl ? await openEventBus(redisUrl, log) : sender;
  opened.push(sender, receiver);
  return [sender, receiver];
}

/** Subscribes; once the subscription is active, resolves with the promise of the next message. */
async function listen(bus: EventBus, channel: string): Promise<{ next: Promise<unknown> }> {
  const next = Promise.withResolvers<unknown>();
  await bus.subscribe(channel, next.resolve);
  return { next: next.promise };
}

afterEach(async () => {
  await Promise.all([...new Set(opened.splice(0))].map((bus) => bus.close()));
});

const channel = (name: string) => `test:${name}:${Math.random().toString(36).slice(2)}`;

describe(`the event bus (${redisUrl ? 'Redis' : 'in-process'})`, () => {
  it('delivers what one instance publishes to a subscriber on another', async () => {
    const [sender, receiver] = await pairOfBuses();
    const room = channel('circle');
    const received: unknown[] = [];
    const delivered = new Promise<void>((resolve) => {
      void receiver
        .subscribe(room, (message) => {
          received.push(message);
          if (received.length === 2) resolve();
        })
        .then(async () => {
          await sender.publish(room, { seq: 1, kind: 'piece-passed', to: 'Ana' });
          await sender.publish(room, { seq: 2, kind: 'stage-advanced', stage: 'check-in' });
        });
    });
    await delivered;
    expect(received).toEqual([
      { seq: 1, kind: 'piece-passed', to: 'Ana' },
      { seq: 2, kind: 'stage-advanced', stage: 'check-in' },
    ]);
  });

  it('does not deliver to other channels or after unsubscribing', async () => {
    const [sender, receiver] = await pairOfBuses();
    const mine = channel('mine');
    const other = channel('other');
    const stray: unknown[] = [];
    await receiver.subscribe(other, (message) => stray.push(message));
    const unsubscribe = await receiver.subscribe(mine, (message) => stray.push(message));
    await unsubscribe();
    const marker = await listen(receiver, mine);
    await sender.publish(mine, 'after');
    expect(await marker.next).toBe('after');
    expect(stray).toEqual([]);
  });

  it('gives every subscriber its own copy of the message', async () => {
    const [sender, receiver] = await pairOfBuses();
    const room = channel('copies');
    const first = await listen(receiver, room);
    const second = await listen(receiver, room);
    const message = { text: 'hello' };
    await sender.publish(room, message);
    const [a, b] = await Promise.all([first.next, second.next]);
    expect(a).toEqual(message);
    expect(a).not.toBe(message);
    expect(a).not.toBe(b);
  });

  it('answers a ping while its connection is up', async () => {
    const [sender] = await pairOfBuses();
    await expect(sender.ping()).resolves.toBeUndefined();
    expect(sender.kind).toBe(redisUrl ? 'redis' : 'in-process');
  });
});

describe('a Redis bus that cannot connect', () => {
  it('stops the start with one line naming REDIS_URL', async () => {
    await expect(openEventBus('redis://127.0.0.1:1', log)).rejects.toThrow(
      /^Setting REDIS_URL: cannot connect to Redis at 127\.0\.0\.1:1 \(/,
    );
  });
});
