import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantOf } from '../../../shared/circles/machine.ts';
import { seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';

// Connections that go quiet: a phone that stops answering pings is let go, and someone whose
// connection dropped and who does not come back within the grace is shown as having left, so
// that the piece does not wait for them.

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp({ CIRCLE_HEARTBEAT_MS: '100', CIRCLE_LEAVE_AFTER_MS: '300' });
});
afterAll(async () => {
  await test.close();
});

async function seatedCircle() {
  const circle = await seedCircle(test.context, test.program, [
    { name: 'Maya', role: 'keeper' },
    { name: 'Ana', role: 'resident' },
    { name: 'Bo', role: 'resident' },
  ]);
  const clients = [];
  for (const person of circle.people) {
    const client = await test.connect(person.cookie);
    await client.hello(circle.circleId, null);
    await client.command({ type: 'join', name: 'x', role: 'other' });
    clients.push(client);
  }
  return { circle, clients };
}

describe('a quiet connection', () => {
  it('is closed when it misses two pongs, while one that answers stays', async () => {
    const { clients } = await seatedCircle();
    const [keeper, ana] = clients;
    if (!keeper || !ana) throw new Error('clients');
    ana.answerPings = false;
    await ana.closed();
    expect(ana.frames.filter((frame) => frame.kind === 'ping').length).toBeGreaterThanOrEqual(2);
    // The keeper answered every ping and is still connected and served.
    expect(keeper.socket.readyState).toBe(keeper.socket.OPEN);
    expect(await keeper.command({ type: 'open' })).toMatchObject({ kind: 'accepted' });
  });

  it('belongs to someone shown as having left once the grace is over, and the piece moves on', async () => {
    const { circle, clients } = await seatedCircle();
    const [keeper, ana, bo] = clients;
    if (!keeper || !ana || !bo) throw new Error('clients');
    await keeper.command({ type: 'open' });
    await keeper.command({ type: 'pass' });
    await bo.reach(keeper.seq ?? 0);
    expect(bo.state.holder).toBe(ana.you);

    const before = bo.seq ?? 0;
    await ana.drop();
    await bo.until(() => bo.state.holder !== ana.you);
    expect(bo.log.filter(({ seq }) => seq > before).map(({ event }) => event)).toEqual([
      expect.objectContaining({ type: 'left', participantId: ana.you }),
      expect.objectContaining({ type: 'piece_moved', to: bo.you }),
    ]);
    expect(participantOf(bo.state, ana.you)?.present).toBe(false);

    // Ana comes back later and joins again, in her old seat.
    await ana.open();
    expect(await ana.hello(circle.circleId)).toMatchObject({ kind: 'welcome' });
    const rejoined = await ana.command({ type: 'join', name: 'x', role: 'other' });
    expect(rejoined).toMatchObject({ kind: 'accepted' });
    await ana.reach(rejoined.kind === 'accepted' ? rejoined.seq : 0);
    expect(participantOf(ana.state, ana.you)).toMatchObject({ present: true, seat: 1 });
    expect(ana.disorder).toEqual([]);
  });
});
