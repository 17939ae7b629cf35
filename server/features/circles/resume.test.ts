import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import { initialState, participantOf } from '../../../shared/circles/machine.ts';
import type { ServerFrame } from '../../../shared/circles/protocol.ts';
import { viewFor } from '../../../shared/circles/view.ts';
import type { LiveClient } from './live-client.ts';
import { type SeededCircle, seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import { RESUME_WINDOW } from './room.ts';

// Resuming: a phone that loses its signal comes back to exactly what it missed, in order; one
// that was away too long gets the whole state at once; and the state a client folded is the
// state the server holds.

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp();
});
afterAll(async () => {
  await test.close();
});

async function openCircle(): Promise<{ circle: SeededCircle; clients: LiveClient[] }> {
  const circle = await seedCircle(test.context, test.program, [
    { name: 'Maya', role: 'keeper' },
    { name: 'Officer Reyes', role: 'officer' },
    { name: 'Ana', role: 'resident' },
  ]);
  const clients: LiveClient[] = [];
  for (const person of circle.people) {
    const client = await test.connect(person.cookie);
    await client.hello(circle.circleId, null);
    clients.push(client);
  }
  for (const client of clients) await accepted(client, { type: 'join', name: 'x', role: 'other' });
  await accepted(clients[0], { type: 'open' });
  return { circle, clients };
}

async function accepted(client: LiveClient | undefined, command: CircleCommand) {
  const answer = await client?.command(command);
  expect(answer, JSON.stringify(command)).toMatchObject({ kind: 'accepted' });
  return answer?.kind === 'accepted' ? answer.seq : 0;
}

/** The frames a client received after the given count, up to its folding `seq`. */
function framesSince(client: LiveClient, from: number): ServerFrame[] {
  return client.frames.slice(from).filter((frame) => frame.kind !== 'ping');
}

describe('resuming a circle', () => {
  it('gives a newcomer a snapshot equal to the state every client folded from the events', async () => {
    const { circle, clients } = await openCircle();
    const [keeper, officer, ana] = clients;
    await accepted(keeper, { type: 'post', messageId: 'm1', text: 'Welcome.' });
    await accepted(keeper, { type: 'pass' });
    await accepted(officer, { type: 'post', messageId: 'm2', text: 'Thank you for coming.' });
    await accepted(ana, { type: 'acknowledge', messageId: 'm2', kind: 'thank_you' });
    await accepted(ana, { type: 'report', messageId: 'm1' });
    await accepted(officer, { type: 'step_out' });
    const last = await accepted(keeper, { type: 'move_stage', to: 'check_in' });
    await Promise.all(clients.map((client) => client.reach(last)));

    // Ana opens the circle on a second device.
    const second = await test.connect(circle.people[2]?.cookie);
    await second.hello(circle.circleId, null);
    const snapshot = second.frames.find((frame) => frame.kind === 'snapshot');
    expect(snapshot).toMatchObject({ kind: 'snapshot', seq: last });
    // Her second device shows what her first folded; the keeper's differs only in what is for
    // keepers alone (who reported what).
    for (const client of clients) expect(client.disorder).toEqual([]);
    expect(snapshot?.kind === 'snapshot' && snapshot.state).toEqual(ana?.state);
    expect(viewFor(keeper?.state ?? initialState, { id: ana?.you ?? '', keeper: false })).toEqual(
      ana?.state,
    );
    expect(keeper?.state.messages[0]?.reportedBy).toEqual([ana?.you]);
  });

  it('gives a client whose connection dropped exactly the events it missed, in order, and keeps its place', async () => {
    const { circle, clients } = await openCircle();
    const [keeper, officer, ana] = clients;
    if (!keeper || !officer || !ana) throw new Error('three clients');
    await accepted(keeper, { type: 'pass' });
    await ana.reach(await accepted(officer, { type: 'post', messageId: 'm1', text: 'Hello.' }));
    const seenBefore = ana.seq ?? 0;
    await ana.drop();

    await accepted(officer, { type: 'pass' });
    await accepted(keeper, { type: 'pose_question', text: 'What would help?' });
    await accepted(keeper, { type: 'take_piece' });
    await accepted(keeper, { type: 'post', messageId: 'm2', text: 'While Ana is away.' });
    const last = await accepted(keeper, { type: 'give_piece', to: officer.you });

    const received = ana.frames.length;
    await ana.open();
    expect(await ana.hello(circle.circleId)).toMatchObject({ kind: 'welcome', seq: last });
    await ana.reach(last);
    const resumed = framesSince(ana, received);
    expect(resumed.map((frame) => frame.kind)).toEqual([
      'welcome',
      ...Array.from({ length: last - seenBefore }, () => 'event'),
    ]);
    expect(resumed.slice(1).map((frame) => frame.kind === 'event' && frame.seq)).toEqual(
      Array.from({ length: last - seenBefore }, (_, index) => seenBefore + index + 1),
    );
    expect(ana.disorder).toEqual([]);
    await keeper.reach(last);
    expect(ana.state).toEqual(keeper.state);
    // Back within the grace: still in the circle, never shown as having left.
    expect(participantOf(ana.state, ana.you)?.present).toBe(true);
    expect(keeper.log.some(({ event }) => event.type === 'left')).toBe(false);
  });

  it(`gives a client more than ${RESUME_WINDOW} events behind the whole state at once`, async () => {
    const { circle, clients } = await openCircle();
    const [keeper, officer, ana] = clients;
    if (!keeper || !officer || !ana) throw new Error('three clients');
    const seenBefore = ana.seq ?? 0;
    await ana.drop();
    // A person sends at most a few frames a second; these two send as fast as they may.
    const lines = Array.from({ length: RESUME_WINDOW / 2 + 1 }, (_, index) => `m${index}`);
    for (const messageId of lines) {
      await accepted(keeper, { type: 'post', messageId, text: `Line ${messageId}` });
      await paced();
    }
    let last = 0;
    for (const messageId of lines) {
      last = await accepted(officer, { type: 'acknowledge', messageId, kind: 'heard' });
      await paced();
    }
    expect(last - seenBefore).toBeGreaterThan(RESUME_WINDOW);
    const received = ana.frames.length;
    await ana.open();
    await ana.hello(circle.circleId, seenBefore);
    await ana.reach(last);
    expect(framesSince(ana, received).map((frame) => frame.kind)).toEqual(['welcome', 'snapshot']);
    await keeper.reach(last);
    expect(ana.state).toEqual(keeper.state);
    expect(ana.state.messages).toHaveLength(lines.length);
  }, 120_000);
});

/** Under the per-connection limit of frames a second. */
const paced = () => new Promise((resolve) => setTimeout(resolve, 25));
