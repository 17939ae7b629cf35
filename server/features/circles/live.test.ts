import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleCommand } from '../../../shared/circles/machine.ts';
import { eventFor } from '../../../shared/circles/view.ts';
import type { LiveClient } from './live-client.ts';
import { type SeatedPerson, seedCircle } from './live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from './live-testing.ts';
import { circleEvents, circles, circleTranscripts } from './schema.ts';
import { openTranscript } from './transcript.ts';

// Issue 6, items 6 and 10: a whole circle over real WebSockets, from the first join to the
// close; its words stored while it runs and deleted when it closes, unless everyone consented.

let test: LiveTestApp;

beforeAll(async () => {
  test = await startLiveTestApp();
});
afterAll(async () => {
  await test.close();
});

const people = [
  { name: 'Maya (keeper)', role: 'keeper' },
  { name: 'Officer Dana Reyes', role: 'officer' },
  { name: 'Ana', role: 'resident' },
  { name: 'Bo', role: 'resident' },
  { name: 'Chris', role: 'other' },
] as const;

interface Seated {
  circleId: string;
  people: SeatedPerson[];
  clients: LiveClient[];
}

/** Everyone connects and says hello, then joins, in seating order. */
async function gather(): Promise<Seated> {
  const circle = await seedCircle(test.context, test.program, [...people]);
  const clients: LiveClient[] = [];
  for (const person of circle.people) {
    const client = await test.connect(person.cookie);
    const welcome = await client.hello(circle.circleId, null);
    expect(welcome).toMatchObject({ kind: 'welcome', you: person.participantId, seq: 0 });
    clients.push(client);
  }
  for (const client of clients) {
    // The client asks for another name and role: the seat's are what the circle shows.
    expect(await client.command({ type: 'join', name: 'Somebody else', role: 'keeper' })).toEqual(
      expect.objectContaining({ kind: 'accepted' }),
    );
  }
  return { ...circle, clients };
}

async function as(client: LiveClient | undefined, command: CircleCommand) {
  if (!client) throw new Error('no such client');
  const answer = await client.command(command);
  expect(answer, JSON.stringify(command)).toMatchObject({ kind: 'accepted' });
  return answer;
}

async function settled(clients: LiveClient[]) {
  const last = Math.max(...clients.map((client) => client.seq ?? 0));
  await Promise.all(clients.map((client) => client.reach(last)));
  return last;
}

describe('a live circle', () => {
  it('runs from the first join to the close, every client folding the same ordered log, and keeps none of its words when someone did not consent', async () => {
    const started = Date.now();
    const { circleId, clients, people: seated } = await gather();
    const [keeper, officer, ana, bo, chris] = clients;
    await as(keeper, { type: 'open' });
    await as(keeper, { type: 'pose_question', text: 'What brought you to this circle tonight?' });
    await as(keeper, { type: 'post', messageId: 'm1', text: 'Welcome. I will start.' });
    await as(keeper, { type: 'pass' });
    // Only the holder of the piece speaks.
    expect(await ana?.command({ type: 'post', messageId: 'early', text: 'Me!' })).toMatchObject({
      kind: 'refused',
      reason: 'not_holder',
    });
    await as(officer, { type: 'post', messageId: 'm2', text: 'I patrol this district.' });
    await as(officer, { type: 'pass' });
    await as(bo, { type: 'step_out' });
    await as(ana, { type: 'post', messageId: 'm3', text: 'I was stopped twice last month.' });
    await as(ana, { type: 'pass' });
    await as(chris, { type: 'report', messageId: 'm2' });
    await as(officer, { type: 'acknowledge', messageId: 'm3', kind: 'heard' });
    await settled(clients);
    // The piece skipped Bo, who stepped out.
    expect(chris?.state.holder).toBe(chris?.you);
    await as(chris, { type: 'pass' });
    await as(bo, { type: 'step_back' });
    for (const stage of ['check_in', 'values', 'story', 'issue', 'commitments'] as const) {
      await as(keeper, { type: 'move_stage', to: stage });
    }
    await as(keeper, { type: 'give_piece', to: bo?.you ?? '' });
    await as(bo, { type: 'post', messageId: 'm4', text: 'I would like to know the officers.' });
    expect(await bo?.command({ type: 'move_stage', to: 'closing' })).toMatchObject({
      kind: 'refused',
      reason: 'not_keeper',
    });
    await as(keeper, { type: 'move_stage', to: 'closing' });
    for (const client of clients) {
      await as(client, { type: 'consent', transcript: client !== chris });
    }
    const last = await settled(clients);

    const { db } = test.context.database;
    const stored = await db
      .select({ rows: count() })
      .from(circleEvents)
      .where(eq(circleEvents.circleId, circleId));
    expect(stored[0]?.rows).toBe(last);
    const [live] = await db.select().from(circles).where(eq(circles.id, circleId));
    expect(live).toMatchObject({ status: 'live', lastSeq: last });

    const dismissed = clients.map((client) => client.closed());
    await as(keeper, { type: 'close' });
    const closes = await Promise.all(dismissed);
    expect(closes.every((close) => close.code === 1000)).toBe(true);

    // One ordered log for everyone; who reported a message and who said yes to a transcript
    // reach the keepers only, and each person their own.
    const full = (keeper?.log ?? []).map(({ seq, event }) => ({ seq, event }));
    for (const client of clients) {
      const viewer = { id: client.you ?? '', keeper: client === keeper };
      expect(client.log.map(({ seq, event }) => ({ seq, event }))).toEqual(
        full.map(({ seq, event }) => ({ seq, event: eventFor(event, viewer) })),
      );
    }
    const report = (client: LiveClient | undefined) =>
      client?.log.find(
        ({ seq }) => seq === full.find((each) => each.event.type === 'reported')?.seq,
      )?.event.type;
    expect([report(keeper), report(chris), report(bo)]).toEqual([
      'reported',
      'reported',
      'kept_private',
    ]);
    for (const client of clients) {
      expect(client.disorder).toEqual([]);
      expect(client.log.map((each) => each.seq)).toEqual(
        Array.from({ length: last + 1 }, (_, index) => index + 1),
      );
      expect(client.frames.at(-1)).toMatchObject({ kind: 'problem', problem: 'circle_closed' });
    }
    const events = keeper?.log.map((each) => each.event) ?? [];
    expect(events.at(-1)).toMatchObject({ type: 'closed', by: keeper?.you });
    expect(events.every((event) => event.at >= started && event.at <= Date.now())).toBe(true);
    expect(events.filter((event) => event.type === 'joined')).toEqual(
      people.map((person, index) =>
        expect.objectContaining({
          participantId: clients[index]?.you,
          name: person.name,
          role: person.role,
        }),
      ),
    );

    // The words are gone with the live log; the equal-voice figures stay.
    const after = await db
      .select({ rows: count() })
      .from(circleEvents)
      .where(eq(circleEvents.circleId, circleId));
    expect(after[0]?.rows).toBe(0);
    expect(
      await db.select().from(circleTranscripts).where(eq(circleTranscripts.circleId, circleId)),
    ).toEqual([]);
    const [closed] = await db.select().from(circles).where(eq(circles.id, circleId));
    expect(closed?.status).toBe('closed');
    expect(closed?.closedAt).toBeInstanceOf(Date);
    expect(closed?.voice?.officers).toMatchObject({ people: 1, turns: 1 });
    expect(closed?.voice?.residents).toMatchObject({ people: 2, turns: 2 });

    const late = await test.connect(seated[2]?.cookie);
    expect(await late.hello(circleId, last)).toMatchObject({
      kind: 'problem',
      problem: 'circle_closed',
    });
    await late.close();
  });

  it("keeps the visible words, sealed, for the program's retention period when everyone consented", async () => {
    const { circleId, clients } = await gather();
    const [keeper, officer, ana] = clients;
    await as(keeper, { type: 'open' });
    await as(keeper, { type: 'post', messageId: 'welcome', text: 'Welcome, everyone.' });
    await as(keeper, { type: 'pass' });
    await as(officer, { type: 'post', messageId: 'aside', text: 'Something said in anger.' });
    await as(keeper, { type: 'hide', messageId: 'aside' });
    await as(officer, { type: 'pass' });
    await as(keeper, { type: 'move_stage', to: 'story' });
    await as(ana, { type: 'post', messageId: 'story', text: 'My son was stopped on his bike.' });
    for (const client of clients) await as(client, { type: 'consent', transcript: true });
    await as(keeper, { type: 'close' });

    const { db } = test.context.database;
    const [kept] = await db
      .select()
      .from(circleTranscripts)
      .where(eq(circleTranscripts.circleId, circleId));
    if (!kept) throw new Error('no transcript was kept');
    expect(kept.body).not.toContain('bike');
    const messages = openTranscript(test.context.cipher, circleId, kept.body);
    const posted = (keeper?.log ?? []).flatMap(({ event }) =>
      event.type === 'posted' ? [event] : [],
    );
    expect(messages).toEqual([
      {
        name: 'Maya (keeper)',
        role: 'keeper',
        stage: 'opening',
        at: new Date(posted[0]?.at ?? 0).toISOString(),
        text: 'Welcome, everyone.',
      },
      {
        name: 'Ana',
        role: 'resident',
        stage: 'story',
        at: new Date(posted[2]?.at ?? 0).toISOString(),
        text: 'My son was stopped on his bike.',
      },
    ]);
    expect(kept.purgeAfter.getTime() - kept.keptAt.getTime()).toBe(14 * 86_400_000);
    const [closed] = await db.select().from(circles).where(eq(circles.id, circleId));
    expect(closed?.closedAt).toEqual(kept.keptAt);
    const live = await db
      .select({ rows: count() })
      .from(circleEvents)
      .where(eq(circleEvents.circleId, circleId));
    expect(live[0]?.rows).toBe(0);
  });
});
