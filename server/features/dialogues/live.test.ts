import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ReportSignal } from '../../../shared/dialogues/contract.ts';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { SIGNAL_INTERVAL_MS, throttle } from './live.ts';
import type { TestDialogue } from './results-testing.ts';
import { buildResultsWorld, insertHandMade, type ResultsWorld } from './results-world.ts';
import { dialogueParticipants } from './schema.ts';

// The live report: a reader connected by WebSocket is told when a vote arrives, and a burst of
// votes becomes at most one signal every two seconds.

let test: TestApp;
let world: ResultsWorld;
let dialogue: TestDialogue;
let base: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildResultsWorld(test);
  dialogue = await insertHandMade(test, world);
  // The program's resident takes part, to vote through the API.
  await test.context.database.db.insert(dialogueParticipants).values({
    id: crypto.randomUUID(),
    dialogueId: dialogue.dialogueId,
    personId: world.resident.personId,
    role: 'resident',
    displayName: 'Marisol',
    language: 'es',
  });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  base = `ws://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await test.close();
});

interface Reader {
  socket: WebSocket;
  next(): Promise<ReportSignal>;
}

/** A report page's socket: the signals it receives, one at a time. */
function connect(person: TestPerson | undefined, origin = test.context.config.publicUrl) {
  return new Promise<Reader>((resolve, reject) => {
    const socket = new WebSocket(`${base}/api/dialogues/${dialogue.dialogueId}/live`, {
      headers: { origin, ...(person ? { cookie: person.cookie } : {}) },
    });
    const received: ReportSignal[] = [];
    const waiting: ((signal: ReportSignal) => void)[] = [];
    socket.on('message', (data) => {
      const signal = JSON.parse(String(data)) as ReportSignal;
      const waiter = waiting.shift();
      if (waiter) waiter(signal);
      else received.push(signal);
    });
    socket.on('open', () =>
      resolve({
        socket,
        next: () =>
          new Promise((answer) => {
            const signal = received.shift();
            if (signal) answer(signal);
            else waiting.push(answer);
          }),
      }),
    );
    socket.on('unexpected-response', (_request, response) =>
      reject(new Error(`refused ${response.statusCode}`)),
    );
    socket.on('error', reject);
  });
}

describe('the live report', () => {
  it('tells a connected reader of a vote cast through the API', async () => {
    const reader = await connect(world.facilitator);
    try {
      // On connecting: where the dialogue stands (the hidden statement's votes count here too).
      const first = await reader.next();
      expect(first.kind).toBe('changed');
      const vote = await send(
        test,
        world.resident,
        'PUT',
        `/api/dialogues/${dialogue.dialogueId}/statements/${dialogue.statements[0]}/vote`,
        { vote: 'agree' },
      );
      expect(vote.statusCode, vote.body).toBe(200);
      expect(await reader.next()).toEqual({ kind: 'changed', votes: first.votes + 1 });
    } finally {
      reader.socket.close();
    }
  });

  it('refuses those who may not read the report, before the connection opens', async () => {
    await expect(connect(world.resident)).rejects.toThrow('refused 403');
    await expect(connect(undefined)).rejects.toThrow('refused 401');
    await expect(connect(world.facilitator, 'https://elsewhere.example')).rejects.toThrow(
      'refused 403',
    );
  });
});

describe('the signals of a burst of votes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first at once, then one at the end of each two seconds, never more', () => {
    vi.useFakeTimers();
    const fire = vi.fn();
    const signal = throttle(fire, SIGNAL_INTERVAL_MS);
    signal.poke();
    expect(fire).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i += 1) {
      vi.advanceTimersByTime(30);
      signal.poke();
    }
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SIGNAL_INTERVAL_MS);
    // The trailing signal: the last votes of the burst are not left unsaid.
    expect(fire).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10 * SIGNAL_INTERVAL_MS);
    expect(fire).toHaveBeenCalledTimes(2);
    signal.poke();
    expect(fire).toHaveBeenCalledTimes(3);
    signal.poke();
    signal.stop();
    vi.advanceTimersByTime(10 * SIGNAL_INTERVAL_MS);
    expect(fire).toHaveBeenCalledTimes(3);
  });
});
