import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { dialogueReports, dialogueStatements, dialogueVotes } from './schema.ts';
import { insertParticipant, insertStatement } from './testing.ts';
import {
  buildDialogueWorld,
  type DialogueWorld,
  joinAs,
  planDialogue,
  SUPPORT,
} from './testing-world.ts';

// Taking part: the next statement, writing, voting and changing a vote, and every way a
// request is refused with nothing changed.

let test: TestApp;
let world: DialogueWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDialogueWorld(test);
});
afterAll(async () => {
  await test.close();
});

const db = () => test.context.database.db;
const url = (dialogueId: string, path = '') => `/api/dialogues/${dialogueId}${path}`;
const vote = (as: typeof world.resident, dialogueId: string, statementId: string, choice: string) =>
  send(test, as, 'PUT', url(dialogueId, `/statements/${statementId}/vote`), { vote: choice });
const write = (as: typeof world.resident, dialogueId: string, text: string) =>
  send(test, as, 'POST', url(dialogueId, '/statements'), { text, language: 'en' });

async function statementCount(dialogueId: string) {
  const [row] = await db()
    .select({ n: count() })
    .from(dialogueStatements)
    .where(eq(dialogueStatements.dialogueId, dialogueId));
  return row?.n ?? 0;
}

async function votesOf(dialogueId: string) {
  return db().select().from(dialogueVotes).where(eq(dialogueVotes.dialogueId, dialogueId));
}

describe('the next statement', () => {
  it('never shows a statement the participant has seen, nor their own, then says none is left', async () => {
    const dialogue = await planDialogue(test, world, {
      seedStatements: ['Stops should be explained.', 'Tickets are fair here.', 'Lights at night.'],
    });
    const mine = await joinAs(test, world.resident, dialogue.id, 'Rosa');
    await insertStatement(db(), dialogue.id, { authorParticipantId: mine, text: 'My own words' });
    const seen = new Set<string>();
    for (let round = 0; round < 3; round += 1) {
      const next = (await send(test, world.resident, 'GET', url(dialogue.id, '/next'))).json();
      expect(next).toMatchObject({ seen: round, total: 3 });
      expect(seen.has(next.statement.id)).toBe(false);
      expect(next.statement.text).not.toBe('My own words');
      seen.add(next.statement.id);
      expect((await vote(world.resident, dialogue.id, next.statement.id, 'pass')).statusCode).toBe(
        200,
      );
    }
    const done = (await send(test, world.resident, 'GET', url(dialogue.id, '/next'))).json();
    expect(done).toEqual({ statement: null, seen: 3, total: 3 });
  });

  it("shows an officer's response with the statement, under the officer's name", async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops feel random.'] });
    await joinAs(test, world.officer, dialogue.id, 'Priya');
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const { statement } = (
      await send(test, world.officer, 'GET', url(dialogue.id, '/next'))
    ).json();
    const respond = (text: string) =>
      send(test, world.officer, 'POST', url(dialogue.id, `/statements/${statement.id}/response`), {
        text,
      });
    expect((await respond('We stop where crashes happen.')).statusCode).toBe(204);
    expect((await respond('We stop where most crashes happen; here is the map.')).statusCode).toBe(
      204,
    );
    const seen = (await send(test, world.resident, 'GET', url(dialogue.id, '/next'))).json();
    expect(seen.statement.responses).toEqual([
      {
        displayName: 'Priya',
        text: 'We stop where most crashes happen; here is the map.',
        at: expect.any(String),
      },
    ]);
    const byResident = await send(
      test,
      world.resident,
      'POST',
      url(dialogue.id, `/statements/${statement.id}/response`),
      { text: 'I am not an officer.' },
    );
    expect(byResident.statusCode).toBe(403);
    expect(byResident.json().detail).toMatch(/Only verified officers/);
  });
});

describe('writing a statement', () => {
  it('publishes it at once after-publication, as a resident’s, and lists it as the author’s', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['One', 'Two'] });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    await joinAs(test, world.officer, dialogue.id, 'Priya');
    const added = await write(world.resident, dialogue.id, '  Stops near the school scare kids.  ');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      text: 'Stops near the school scare kids.',
      status: 'accepted',
      reason: null,
      support: null,
    });
    const [row] = await db()
      .select()
      .from(dialogueStatements)
      .where(eq(dialogueStatements.id, added.json().id));
    expect(row?.number).toBe(3);
    const mine = (await send(test, world.resident, 'GET', url(dialogue.id, '/mine'))).json();
    expect(mine.map((one: { id: string }) => one.id)).toEqual([added.json().id]);
    // The officer meets it as a resident's statement.
    let found: { authorRole: string } | undefined;
    for (let round = 0; round < 3 && !found; round += 1) {
      const next = (await send(test, world.officer, 'GET', url(dialogue.id, '/next'))).json();
      if (next.statement.id === added.json().id) found = next.statement;
      await vote(world.officer, dialogue.id, next.statement.id, 'agree');
    }
    expect(found?.authorRole).toBe('resident');
  });

  it('refuses empty, oversized and duplicate statements with a message on the text, and saves nothing', async () => {
    const dialogue = await planDialogue(test, world, {
      seedStatements: ['Officers should explain every stop.'],
    });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const cases: [string, string, RegExp][] = [
      ['   ', 'empty', /Write the statement/],
      ['?!…', 'empty', /words/],
      ['x'.repeat(281), 'too_long', /280/],
      ['officers should EXPLAIN every stop!', 'duplicate', /said already/],
    ];
    for (const [text, code, message] of cases) {
      const answer = await write(world.resident, dialogue.id, text);
      expect(answer.statusCode, text).toBe(400);
      const errors = answer.json().errors as { field: string; code?: string; message: string }[];
      expect(
        errors.some((error) => error.field === 'text'),
        text,
      ).toBe(true);
      const onText = errors.find((error) => error.field === 'text');
      expect(onText?.code).toBe(code);
      expect(onText?.message).toMatch(message);
    }
    expect(await statementCount(dialogue.id)).toBe(1);
  });

  it('holds crisis wording for a facilitator, never publishes it, and points its author to help', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Lights at night.'] });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    await joinAs(test, world.secondResident, dialogue.id, 'Ana');
    const added = await write(world.resident, dialogue.id, 'After the stop I want to die.');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      status: 'held',
      support: { notice: expect.stringMatching(/facilitator will read it/), resources: SUPPORT },
    });
    const next = (await send(test, world.secondResident, 'GET', url(dialogue.id, '/next'))).json();
    expect(next.total).toBe(1);
    const voted = await vote(world.secondResident, dialogue.id, added.json().id, 'agree');
    expect(voted.statusCode).toBe(409);
    const queue = (
      await send(test, world.facilitator, 'GET', url(dialogue.id, '/moderation'))
    ).json();
    expect(queue.waiting[0]).toMatchObject({
      id: added.json().id,
      status: 'held',
      crisis: true,
      text: 'After the stop I want to die.',
    });
    // At rest the words are sealed: the row holds none of them.
    const [stored] = await db()
      .select()
      .from(dialogueStatements)
      .where(eq(dialogueStatements.id, added.json().id));
    expect(JSON.stringify(stored)).not.toContain('want to die');
    const mine = (await send(test, world.resident, 'GET', url(dialogue.id, '/mine'))).json();
    expect(mine[0]).toMatchObject({ status: 'held', text: 'After the stop I want to die.' });

    // Having reached out, the facilitator may publish it: then everyone reads its words.
    const published = await send(
      test,
      world.facilitator,
      'POST',
      url(dialogue.id, `/statements/${added.json().id}/moderate`),
      { decision: 'accept' },
    );
    expect(published.statusCode, published.body).toBe(200);
    const shown = (await send(test, world.secondResident, 'GET', url(dialogue.id, '/next'))).json();
    expect(shown.total).toBe(2);
    expect(
      (await vote(world.secondResident, dialogue.id, added.json().id, 'agree')).statusCode,
    ).toBe(200);
  });

  it('limits each participant to 10 statements an hour', async () => {
    const dialogue = await planDialogue(test, world);
    const participant = await joinAs(test, world.resident, dialogue.id, 'Rosa');
    for (let index = 0; index < 10; index += 1) {
      await insertStatement(db(), dialogue.id, { authorParticipantId: participant });
    }
    const answer = await write(world.resident, dialogue.id, 'One more thing about stops.');
    expect(answer.statusCode).toBe(429);
    expect(answer.json().detail).toMatch(/wait/);
    expect(await statementCount(dialogue.id)).toBe(10);
    // Someone else in the same dialogue is not held back by it.
    await joinAs(test, world.secondResident, dialogue.id, 'Ana');
    expect((await write(world.secondResident, dialogue.id, 'Mine is new.')).statusCode).toBe(201);
  });
});

describe('voting', () => {
  it('lets a participant change their vote, keeping one row', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const { statement } = (
      await send(test, world.resident, 'GET', url(dialogue.id, '/next'))
    ).json();
    await vote(world.resident, dialogue.id, statement.id, 'agree');
    const changed = await vote(world.resident, dialogue.id, statement.id, 'disagree');
    expect(changed.json()).toEqual({ vote: 'disagree' });
    expect((await votesOf(dialogue.id)).map((row) => row.vote)).toEqual([-1]);
  });

  it('refuses votes on unknown, rejected and waiting statements, and a bad choice, changing nothing', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    const author = await insertParticipant(db(), dialogue.id, { role: 'resident' });
    const rejected = await insertStatement(db(), dialogue.id, {
      authorParticipantId: author,
      status: 'rejected',
      reason: 'Names a person.',
    });
    const pending = await insertStatement(db(), dialogue.id, {
      authorParticipantId: author,
      status: 'pending',
    });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const unknown = await vote(world.resident, dialogue.id, crypto.randomUUID(), 'agree');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/no such statement/);
    const onRejected = await vote(world.resident, dialogue.id, rejected, 'agree');
    expect(onRejected.statusCode).toBe(409);
    expect(onRejected.json().detail).toMatch(/not published/);
    const onPending = await vote(world.resident, dialogue.id, pending, 'agree');
    expect(onPending.statusCode).toBe(409);
    expect(onPending.json().detail).toMatch(/waiting for a facilitator/);
    const { statement } = (
      await send(test, world.resident, 'GET', url(dialogue.id, '/next'))
    ).json();
    const bad = await vote(world.resident, dialogue.id, statement.id, 'maybe');
    expect(bad.statusCode).toBe(400);
    expect(await votesOf(dialogue.id)).toEqual([]);
  });

  it('asks someone who has not joined to join first', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    const answer = await send(test, world.resident, 'GET', url(dialogue.id, '/next'));
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ code: 'not_joined' });
  });

  it('tells the live report about a vote once it is saved', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const heard: unknown[] = [];
    const stop = await test.context.bus.subscribe(`dialogue:${dialogue.id}`, (message) => {
      heard.push(message);
    });
    const { statement } = (
      await send(test, world.resident, 'GET', url(dialogue.id, '/next'))
    ).json();
    await vote(world.resident, dialogue.id, statement.id, 'agree');
    // Through Redis the message arrives a moment after the vote's answer.
    await vi.waitFor(() =>
      expect(heard).toContainEqual({
        kind: 'dialogue.changed',
        dialogueId: dialogue.id,
        change: 'vote',
      }),
    );
    await stop();
  });
});

describe('a closed dialogue', () => {
  it('refuses writing, voting, reporting and responding with words that say it closed, changing nothing', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    await joinAs(test, world.officer, dialogue.id, 'Priya');
    const { statement } = (
      await send(test, world.resident, 'GET', url(dialogue.id, '/next'))
    ).json();
    expect(
      (await send(test, world.facilitator, 'POST', url(dialogue.id, '/close'))).statusCode,
    ).toBe(200);
    const answers = [
      await write(world.resident, dialogue.id, 'Too late?'),
      await vote(world.resident, dialogue.id, statement.id, 'agree'),
      await send(
        test,
        world.resident,
        'POST',
        url(dialogue.id, `/statements/${statement.id}/report`),
        {
          reason: 'Unkind.',
        },
      ),
      await send(
        test,
        world.officer,
        'POST',
        url(dialogue.id, `/statements/${statement.id}/response`),
        {
          text: 'Late answer.',
        },
      ),
      await send(test, world.resident, 'GET', url(dialogue.id, '/next')),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(409);
      expect(answer.json()).toMatchObject({ code: 'dialogue_closed' });
      expect(answer.json().detail).toMatch(/has closed/);
    }
    expect(await statementCount(dialogue.id)).toBe(1);
    expect(await votesOf(dialogue.id)).toEqual([]);
    expect(
      await db()
        .select()
        .from(dialogueReports)
        .where(eq(dialogueReports.statementId, statement.id)),
    ).toEqual([]);
    const again = await send(test, world.facilitator, 'POST', url(dialogue.id, '/close'));
    expect(again.statusCode).toBe(409);
    // The author still reads their own statements.
    expect((await send(test, world.resident, 'GET', url(dialogue.id, '/mine'))).statusCode).toBe(
      200,
    );
  });
});
