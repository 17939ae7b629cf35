import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type SeededCircle, seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import { circles } from './schema.ts';

// Who may enter a circle's room: someone signed in, from one of our own pages, with a seat in
// that circle. Everyone else gets a typed problem on their own connection, and nothing else.

let test: LiveTestApp;
let circle: SeededCircle;
let elsewhere: SeededCircle;

beforeAll(async () => {
  test = await startLiveTestApp();
  circle = await seedCircle(test.context, test.program, [
    { name: 'Maya', role: 'keeper' },
    { name: 'Ana', role: 'resident' },
    { name: 'Bo', role: 'resident' },
  ]);
  elsewhere = await seedCircle(test.context, test.program, [{ name: 'Sam', role: 'keeper' }]);
});
afterAll(async () => {
  await test.close();
});

const cookieOf = (seeded: SeededCircle, index: number) => seeded.people[index]?.cookie ?? '';

describe('entering a live circle', () => {
  it('refuses someone without a seat in the circle, and a circle that does not exist', async () => {
    const stranger = await test.connect(cookieOf(elsewhere, 0));
    expect(await stranger.hello(circle.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'not_allowed',
    });
    expect(await stranger.hello(crypto.randomUUID(), null)).toMatchObject({
      kind: 'problem',
      problem: 'unknown_circle',
    });
    // The same connection may still enter the circle it has a seat in.
    expect(await stranger.hello(elsewhere.circleId, null)).toMatchObject({ kind: 'welcome' });
    expect(await stranger.hello(elsewhere.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'bad_frame',
    });
    await stranger.close();
  });

  it('asks someone without a session to sign in, and closes the connection', async () => {
    const anonymous = await test.connect();
    expect((await anonymous.closed()).code).toBe(1008);
    expect(anonymous.frames).toEqual([
      expect.objectContaining({ kind: 'problem', problem: 'expired' }),
    ]);
  });

  it('refuses a connection from a page of another site', async () => {
    const socket = new WebSocket(test.liveUrl, {
      headers: { origin: 'https://elsewhere.example', cookie: cookieOf(circle, 1) },
    });
    socket.on('error', () => {});
    const refused = await new Promise<string>((resolve) => {
      socket.on('unexpected-response', (_request, response) =>
        resolve(String(response.statusCode)),
      );
      socket.on('open', () => resolve('open'));
    });
    expect(refused).toBe('403');
    socket.terminate();
  });

  it('answers frames before the hello with a problem', async () => {
    const ana = await test.connect(cookieOf(circle, 1));
    expect(await ana.command({ type: 'pass' })).toMatchObject({
      kind: 'problem',
      problem: 'hello_first',
    });
    const answer = ana.next((frame) => frame.kind === 'problem');
    ana.send({ kind: 'ack', seq: 3 });
    expect(await answer).toMatchObject({ problem: 'hello_first' });
    await ana.close();
  });

  it('lets a removed participant go and does not let them back', async () => {
    const keeper = await test.connect(cookieOf(circle, 0));
    const bo = await test.connect(cookieOf(circle, 2));
    for (const client of [keeper, bo]) {
      await client.hello(circle.circleId, null);
      await client.command({ type: 'join', name: 'x', role: 'other' });
    }
    expect(await keeper.command({ type: 'remove', participantId: bo.you })).toMatchObject({
      kind: 'accepted',
    });
    const { code } = await bo.closed();
    expect(code).toBe(1008);
    expect(bo.log.at(-1)?.event).toMatchObject({ type: 'removed', participantId: bo.you });
    expect(bo.frames.at(-1)).toMatchObject({ kind: 'problem', problem: 'not_allowed' });

    const again = await test.connect(cookieOf(circle, 2));
    expect(await again.hello(circle.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'not_allowed',
    });
    await again.close();
    await keeper.close();
  });

  it('refuses a circle that was cancelled', async () => {
    const cancelled = await seedCircle(test.context, test.program, [
      { name: 'Lee', role: 'keeper' },
    ]);
    await test.context.database.db
      .update(circles)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(eq(circles.id, cancelled.circleId));
    const lee = await test.connect(cookieOf(cancelled, 0));
    expect(await lee.hello(cancelled.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'circle_closed',
    });
    await lee.close();
  });
});
