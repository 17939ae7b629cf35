import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import type { ServerFrame } from '../../../shared/circles/protocol.ts';
import type { LiveClient } from './live-client.ts';
import { seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';

// Issue 12: the circle's socket carries each browser's voice-and-video offer to the one browser
// it is for, and no further; the talking piece's state says whose microphone is open.

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp();
});
afterAll(async () => {
  await test.close();
});

const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } as const;
const answer = { type: 'answer', sdp: 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n' } as const;

async function as(client: LiveClient | undefined, command: CircleCommand) {
  const outcome = await client?.command(command);
  expect(outcome, JSON.stringify(command)).toMatchObject({ kind: 'accepted' });
}

/** Everyone of the circle connects, says hello and joins, in seating order. */
async function everyoneJoins(circle: Awaited<ReturnType<typeof seedCircle>>) {
  const clients: LiveClient[] = [];
  for (const person of circle.people) {
    const client = await test.connect(person.cookie);
    await client.hello(circle.circleId, null);
    await as(client, { type: 'join', name: 'x', role: 'other' });
    clients.push(client);
  }
  return clients;
}

/** Waits until every client has seen this many people take part by voice or camera. */
const withMedia = (clients: LiveClient[], people: number) =>
  Promise.all(
    clients.map((client) =>
      client.until(
        () =>
          client.state.participants.filter((participant) => participant.media).length === people,
      ),
    ),
  );

const signalsOf = (client: LiveClient | undefined) =>
  client?.frames.filter((frame) => frame.kind === 'signal') ?? [];

describe('voice and video signals in a live circle', () => {
  it('passes an offer and its answer between two browsers with media, and to no one else', async () => {
    const circle = await seedCircle(test.context, test.program, [
      { name: 'Maya (keeper)', role: 'keeper' },
      { name: 'Officer Dana Reyes', role: 'officer' },
      { name: 'Ana', role: 'resident' },
    ]);
    const clients = await everyoneJoins(circle);
    const [maya, dana, ana] = clients;
    await as(maya, { type: 'choose_media', media: 'audio' });
    await as(dana, { type: 'choose_media', media: 'video' });
    await withMedia(clients, 2);

    const received = dana?.next((frame) => frame.kind === 'signal');
    maya?.send({ kind: 'signal', to: dana?.you, signal: offer });
    expect(await received).toEqual({ kind: 'signal', from: maya?.you, signal: offer });
    const answered = maya?.next((frame) => frame.kind === 'signal');
    dana?.send({ kind: 'signal', to: maya?.you, signal: answer });
    expect(await answered).toEqual({ kind: 'signal', from: dana?.you, signal: answer });

    // Ana takes part by text: no browser may reach hers, nor may hers reach another.
    const refusals: Promise<ServerFrame>[] = [];
    for (const [from, to] of [
      [maya, ana],
      [ana, maya],
      [maya, maya],
    ] as const) {
      refusals.push(from?.next((frame) => frame.kind === 'problem') ?? Promise.reject());
      from?.send({ kind: 'signal', to: to?.you, signal: offer });
    }
    for (const refusal of await Promise.all(refusals)) {
      expect(refusal).toMatchObject({ kind: 'problem', problem: 'not_reachable' });
    }
    // Someone outside the circle's seats, and a description too long to be one.
    const tooLong = maya?.next((frame) => frame.kind === 'problem');
    maya?.send({
      kind: 'signal',
      to: dana?.you,
      signal: { type: 'offer', sdp: 'x'.repeat(15_001) },
    });
    expect(await tooLong).toMatchObject({ kind: 'problem', problem: 'bad_frame' });

    // A round trip through the room later, Ana has still seen no one's signal.
    await as(ana, { type: 'choose_media', media: 'audio' });
    await withMedia(clients, 3);
    expect(signalsOf(ana)).toEqual([]);
    expect(signalsOf(maya)).toHaveLength(1);
    expect(signalsOf(dana)).toHaveLength(1);
  });

  it('opens the keeper’s microphone to guide aloud, and closes it when the keeper steps out', async () => {
    const circle = await seedCircle(test.context, test.program, [
      { name: 'Maya (keeper)', role: 'keeper' },
      { name: 'Ana', role: 'resident' },
    ]);
    const clients = await everyoneJoins(circle);
    const [maya, ana] = clients;
    // By text, a keeper has no microphone to guide with.
    expect(await maya?.command({ type: 'guide_aloud', on: true })).toMatchObject({
      kind: 'refused',
      reason: 'not_open',
    });
    await as(maya, { type: 'open' });
    expect(await maya?.command({ type: 'guide_aloud', on: true })).toMatchObject({
      kind: 'refused',
      reason: 'no_microphone',
    });
    await as(maya, { type: 'choose_media', media: 'audio' });
    await as(maya, { type: 'guide_aloud', on: true });
    expect(await ana?.command({ type: 'guide_aloud', on: true })).toMatchObject({
      kind: 'refused',
      reason: 'not_keeper',
    });
    await ana?.until(() => ana.state.guiding === maya?.you);
    const steppedOut = await maya?.command({ type: 'step_out' });
    expect(steppedOut).toMatchObject({ kind: 'accepted' });
    await ana?.reach(steppedOut?.kind === 'accepted' ? steppedOut.seq : Number.POSITIVE_INFINITY);
    expect(ana?.state.guiding).toBeNull();
  });
});
