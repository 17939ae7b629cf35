import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import type { ServerFrame } from '../../../shared/circles/protocol.ts';
import { CAPTION_SETTLE_MS } from './connection.ts';
import type { LiveClient } from './live-client.ts';
import { seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import type { Frame } from './room.ts';
import { createRooms } from './rooms.ts';
import { circleEvents, circleTranscripts } from './schema.ts';
import { storedEventsAfter } from './stored-events.ts';
import { transcriptContext } from './transcript.ts';

// Issue 12: the words of whoever holds the microphone, captioned by their browser, reach everyone
// else in the circle as they are said, on every process, and are kept nowhere; no one else's
// browser may send captions.

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp();
});
afterAll(async () => {
  await test.close();
});

async function as(client: LiveClient | undefined, command: CircleCommand) {
  const outcome = await client?.command(command);
  expect(outcome, JSON.stringify([command, outcome])).toMatchObject({ kind: 'accepted' });
  return outcome?.kind === 'accepted' ? outcome.seq : 0;
}

const captionsOf = (client: LiveClient | undefined) =>
  client?.frames.filter((frame) => frame.kind === 'caption') ?? [];

const problemOf = (client: LiveClient | undefined) =>
  client?.next((frame) => frame.kind === 'problem') ?? Promise.reject(new Error('no client'));

describe('captions of the holder’s speech', () => {
  it('passes the holder’s words to everyone else, on every process, refuses anyone else’s, and stores none of them', async () => {
    const circle = await seedCircle(test.context, test.program, [
      { name: 'Maya (keeper)', role: 'keeper' },
      { name: 'Officer Dana Reyes', role: 'officer' },
      { name: 'Ana', role: 'resident' },
    ]);
    const clients: LiveClient[] = [];
    for (const person of circle.people) {
      const client = await test.connect(person.cookie);
      await client.hello(circle.circleId, null);
      await as(client, { type: 'join', name: 'x', role: 'other' });
      clients.push(client);
    }
    const [maya, dana, ana] = clients;
    for (const client of clients) await as(client, { type: 'consent', transcript: true });
    await as(maya, { type: 'open' });
    await as(maya, { type: 'choose_media', media: 'audio' });
    const ready = await as(dana, { type: 'choose_media', media: 'audio' });
    await Promise.all(clients.map((client) => client.reach(ready)));

    // Another process's room of the same circle, with a listener connected there, and what
    // crosses the bus between the two.
    const { database, cipher, bus, log } = test.context;
    const elsewhere = createRooms({
      db: database.db,
      cipher,
      bus,
      log,
      leaveAfterMs: 60_000,
      leave: () => undefined,
    });
    const farRoom = await elsewhere.enter(circle.circleId);
    const farFrames: ServerFrame[] = [];
    farRoom?.admit({
      participantId: 'far-listener',
      keeper: false,
      deliver: (frame: Frame) => farFrames.push(JSON.parse(String(frame)) as ServerFrame),
      dismiss: () => undefined,
    });
    const onTheBus: unknown[] = [];
    const stopListening = await bus.subscribe(`circle:${circle.circleId}`, (message) =>
      onTheBus.push(message),
    );

    // Maya holds the piece and speaks: her words reach Dana (by voice), Ana (by text) and the
    // listener on the other process as they are said, and never come back to her.
    const words = 'Thank you all for coming tonight';
    const heardByDana = dana?.next((frame) => frame.kind === 'caption' && frame.final);
    const heardByAna = ana?.next((frame) => frame.kind === 'caption' && frame.final);
    maya?.send({ kind: 'caption', text: 'Thank you all', final: false });
    maya?.send({ kind: 'caption', text: `  ${words}  `, final: true });
    const expected = { kind: 'caption', from: maya?.you, text: words, final: true };
    expect(await heardByDana).toEqual(expected);
    expect(await heardByAna).toEqual(expected);
    expect(captionsOf(dana)).toEqual([
      { kind: 'caption', from: maya?.you, text: 'Thank you all', final: false },
      expected,
    ]);
    await expect.poll(() => farFrames.filter((frame) => frame.kind === 'caption')).toHaveLength(2);
    expect(farFrames.at(-1)).toEqual(expected);
    // Between processes the words travel sealed, as the circle's events do.
    expect(onTheBus).not.toHaveLength(0);
    expect(JSON.stringify(onTheBus)).not.toContain('Thank you');

    // Dana listens, with a microphone that is closed: her browser's caption is refused, and Ana
    // by text has no microphone at all.
    for (const [client, text] of [
      [dana, 'I should not be heard yet'],
      [ana, 'Nor should I'],
    ] as const) {
      const refused = problemOf(client);
      client?.send({ kind: 'caption', text, final: true });
      expect(await refused).toMatchObject({ kind: 'problem', problem: 'not_speaking' });
    }
    // Empty words and a line too long are not captions.
    for (const text of ['   ', 'x'.repeat(301)]) {
      const refused = problemOf(maya);
      maya?.send({ kind: 'caption', text, final: false });
      expect(await refused).toMatchObject({ kind: 'problem', problem: 'bad_frame' });
    }

    // The piece passes to Dana. Maya's browser settles her last words a moment later: that
    // finished line still goes; words still unfinished do not, nor anything once the moment
    // has passed.
    const passed = await as(maya, { type: 'pass' });
    await Promise.all(clients.map((client) => client.reach(passed)));
    const settled = dana?.next((frame) => frame.kind === 'caption' && frame.from === maya?.you);
    maya?.send({ kind: 'caption', text: 'and welcome.', final: true });
    expect(await settled).toEqual({
      kind: 'caption',
      from: maya?.you,
      text: 'and welcome.',
      final: true,
    });
    const unfinished = problemOf(maya);
    maya?.send({ kind: 'caption', text: 'One more', final: false });
    expect(await unfinished).toMatchObject({ kind: 'problem', problem: 'not_speaking' });
    await new Promise((resolve) => setTimeout(resolve, CAPTION_SETTLE_MS + 50));
    const tooLate = problemOf(maya);
    maya?.send({ kind: 'caption', text: 'One more thing', final: true });
    expect(await tooLate).toMatchObject({ kind: 'problem', problem: 'not_speaking' });
    const heard = maya?.next((frame) => frame.kind === 'caption');
    dana?.send({ kind: 'caption', text: 'I hear you', final: true });
    expect(await heard).toEqual({
      kind: 'caption',
      from: dana?.you,
      text: 'I hear you',
      final: true,
    });

    // A round trip later, no one has seen a refused caption, and the connections went on.
    const after = await as(dana, { type: 'pass' });
    await Promise.all(clients.map((client) => client.reach(after)));
    const everyCaption = JSON.stringify(clients.map(captionsOf));
    for (const refusedWords of ['I should not', 'Nor should I', 'One more thing']) {
      expect(everyCaption).not.toContain(refusedWords);
    }
    expect(captionsOf(maya)).toHaveLength(1);
    expect(captionsOf(ana)).toHaveLength(4);

    // Everyone consented to a transcript, and still nothing of the captions is kept: not in
    // the circle's log while it runs, not in the transcript kept when it closes.
    await as(ana, { type: 'post', messageId: 'm1', text: 'I came to listen.' });
    const said = ['Thank you all', 'I hear you', 'I should not', 'One more thing'];
    const stored = await storedEventsAfter(database.db, cipher, circle.circleId, 0);
    const rows = await database.db
      .select({ body: circleEvents.body })
      .from(circleEvents)
      .where(eq(circleEvents.circleId, circle.circleId));
    expect(JSON.stringify(stored)).toContain('I came to listen.');
    for (const words of said) expect(JSON.stringify([stored, rows])).not.toContain(words);
    await as(maya, { type: 'close' });
    const [transcript] = await database.db
      .select({ body: circleTranscripts.body })
      .from(circleTranscripts)
      .where(eq(circleTranscripts.circleId, circle.circleId));
    const kept = cipher.decrypt(transcript?.body ?? '', transcriptContext(circle.circleId));
    expect(kept).toContain('I came to listen.');
    for (const words of said) expect(kept).not.toContain(words);

    await stopListening();
    await elsewhere.close();
  });
});
