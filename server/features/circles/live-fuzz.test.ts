import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../../shared/circles/protocol.ts';
import {
  type BadFrame,
  badFrames,
  binaryFrame,
  type Expected,
  expectedAnswer,
  type Where,
} from './bad-frames.ts';
import type { LiveClient } from './live-client.ts';
import { type SeededCircle, seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import { storedEventsAfter } from './stored-events.ts';

// Issue 6's bad input: thousands of malformed, oversized, out-of-place and unauthorised frames
// from several clients at once, while two people hold a circle. Each bad frame gets its own
// typed answer on its own connection; the server does not fall over; the circle's log is what
// the two people made of it and nothing else.

vi.setConfig({ testTimeout: 600_000 });

let test: LiveTestApp;
let circle: SeededCircle;
let elsewhere: SeededCircle;
let frameCount = 0;

beforeAll(async () => {
  test = await startLiveTestApp();
  circle = await seedCircle(test.context, test.program, [
    { name: 'Maya', role: 'keeper' },
    { name: 'Ana', role: 'resident' },
    { name: 'Bad Bo', role: 'resident' },
    { name: 'Bad Cy', role: 'resident' },
    { name: 'Bad Di', role: 'officer' },
  ]);
  elsewhere = await seedCircle(test.context, test.program, [{ name: 'Stranger', role: 'keeper' }]);
});
afterAll(async () => {
  await test.close();
});

const isAnswer = (frame: ServerFrame) =>
  frame.kind === 'problem' || frame.kind === 'refused' || frame.kind === 'accepted';

function matches(answer: ServerFrame, expected: Expected): boolean {
  if (expected.kind === 'problem') {
    return answer.kind === 'problem' && answer.problem === expected.problem;
  }
  return (
    expected.kind === 'refused' &&
    answer.kind === 'refused' &&
    answer.reason === expected.reason &&
    answer.requestId === expected.requestId
  );
}

/** One connection sends its frames one at a time; each must get exactly its own answer. */
async function sendAll(client: LiveClient, frames: BadFrame[], where: Where) {
  for (const frame of frames) {
    const expected = expectedAnswer(frame, where, circle.circleId);
    if (expected.kind === 'silence') continue;
    const answer = client.next(isAnswer);
    if ('binary' in frame) client.socket.send(frame.binary);
    else client.send(frame.text);
    // A frame left unanswered fails the run with its own description, not a silent timeout.
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer to ${JSON.stringify(frame).slice(0, 300)}`)),
        60_000,
      );
    });
    const got = await Promise.race([answer, unanswered]).finally(() => clearTimeout(timer));
    frameCount += 1;
    if (!matches(got, expected)) {
      throw new Error(`${JSON.stringify(frame).slice(0, 300)} got ${JSON.stringify(got)}`);
    }
  }
}

/** A stream of runs by one seated person who never joins, or by someone with no seat here. */
function stream(cookie: string, where: Where, runs: number) {
  const frames = fc.array(fc.oneof(badFrames(circle.circleId), binaryFrame), {
    minLength: 30,
    maxLength: 60,
  });
  return fc.assert(
    fc.asyncProperty(frames, async (batch) => {
      const client = await test.connect(cookie);
      if (where === 'inside') await client.hello(circle.circleId, null);
      await sendAll(client, batch, where);
      await client.close();
    }),
    { numRuns: runs },
  );
}

/** The two people holding the circle, taking turns until told to stop. */
async function holdTheCircle(keeper: LiveClient, ana: LiveClient, stop: () => boolean) {
  const turns: LiveClient[] = [keeper, ana];
  let turn = 0;
  while (!stop()) {
    const holder = turns[turn % 2] ?? keeper;
    for (const command of [
      { type: 'post', messageId: `turn-${turn}`, text: `Turn ${turn}: I hear you.` },
      { type: 'pass' },
    ]) {
      expect(await holder.command(command)).toMatchObject({ kind: 'accepted' });
    }
    turn += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return turn;
}

describe('bad frames to a live circle', () => {
  it('each get their own typed answer, and leave the circle to the people holding it', async () => {
    const [maya, ana, bo, cy, di] = circle.people;
    if (!maya || !ana || !bo || !cy || !di) throw new Error('five people');
    const keeper = await test.connect(maya.cookie);
    const resident = await test.connect(ana.cookie);
    for (const client of [keeper, resident]) await client.hello(circle.circleId, null);
    for (const client of [keeper, resident]) {
      expect(await client.command({ type: 'join', name: 'x', role: 'other' })).toMatchObject({
        kind: 'accepted',
      });
    }
    expect(await keeper.command({ type: 'open' })).toMatchObject({ kind: 'accepted' });

    let fuzzing = true;
    const held = holdTheCircle(keeper, resident, () => !fuzzing);
    const anonymous = fc.assert(
      fc.asyncProperty(badFrames(circle.circleId), async (frame) => {
        const client = await test.connect();
        if ('text' in frame) client.send(frame.text);
        await client.closed();
        frameCount += 1;
        expect(client.frames).toEqual([expect.objectContaining({ problem: 'expired' })]);
      }),
      { numRuns: 100 },
    );
    try {
      await Promise.all([
        stream(bo.cookie, 'inside', 30),
        stream(cy.cookie, 'inside', 30),
        stream(di.cookie, 'inside', 30),
        stream(elsewhere.people[0]?.cookie ?? '', 'outside', 30),
        anonymous,
      ]);
    } finally {
      fuzzing = false;
    }
    const turns = await held;
    expect(frameCount).toBeGreaterThanOrEqual(5_000);
    expect(turns).toBeGreaterThan(0);

    // The circle holds what the two of them did: their joins, the opening, and every turn.
    const last = keeper.seq ?? 0;
    await resident.reach(last);
    expect(keeper.disorder).toEqual([]);
    expect(resident.log).toEqual(keeper.log);
    const good = new Set([keeper.you, resident.you]);
    const events = keeper.log.map(({ event }) => event);
    expect(events.filter((event) => event.type === 'posted')).toHaveLength(turns);
    for (const event of events) {
      const actor = 'by' in event ? event.by : 'participantId' in event ? event.participantId : '';
      if (actor) expect(good.has(actor), JSON.stringify(event)).toBe(true);
    }
    for (const client of [keeper, resident]) {
      expect(client.frames.filter((frame) => frame.kind === 'problem')).toEqual([]);
      expect(client.frames.filter((frame) => frame.kind === 'refused')).toEqual([]);
    }
    const stored = await storedEventsAfter(
      test.context.database.db,
      test.context.cipher,
      circle.circleId,
      0,
    );
    expect(stored).toEqual(keeper.log);
  });

  it('drops frames sent faster than a person sends them, then closes that connection only', async () => {
    const [maya, , bo] = circle.people;
    const keeper = await test.connect(maya?.cookie);
    await keeper.hello(circle.circleId, null);
    const flooder = await test.connect(bo?.cookie);
    await flooder.hello(circle.circleId, null);
    for (let index = 0; index < 400; index += 1) flooder.send({ kind: 'pong' });
    expect((await flooder.closed()).code).toBe(1008);
    const problems = flooder.frames.filter((frame) => frame.kind === 'problem');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((frame) => frame.problem === 'too_many')).toBe(true);

    // A frame over the socket's own limit ends only the connection that sent it.
    const huge = await test.connect(bo?.cookie);
    huge.send('x'.repeat(70_000));
    expect((await huge.closed()).code).toBe(1009);
    expect(await keeper.command({ type: 'ask_private_word' })).toMatchObject({
      kind: 'accepted',
    });
    await keeper.close();
  });
});
