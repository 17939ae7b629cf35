import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { REPORTS_TO_HIDE } from './report-statement.ts';
import { dialogueReports, dialogueStatements, dialogueVotes } from './schema.ts';
import { insertParticipant, insertReport, insertStatement } from './testing.ts';
import { buildDialogueWorld, type DialogueWorld, joinAs, planDialogue } from './testing-world.ts';

// Moderation: before publication, a statement waits until a facilitator accepts it, and its
// author reads why it was rejected; reports, hiding, and blocking a participant.

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
const write = (as: TestPerson, dialogueId: string, text: string) =>
  send(test, as, 'POST', url(dialogueId, '/statements'), { text, language: 'en' });
const moderate = (as: TestPerson, dialogueId: string, statementId: string, body: object) =>
  send(test, as, 'POST', url(dialogueId, `/statements/${statementId}/moderate`), body);
const next = async (as: TestPerson, dialogueId: string) =>
  (await send(test, as, 'GET', url(dialogueId, '/next'))).json();
const statusOf = async (statementId: string) =>
  (
    await db()
      .select({ status: dialogueStatements.status })
      .from(dialogueStatements)
      .where(eq(dialogueStatements.id, statementId))
  )[0]?.status;

describe('moderation before publication', () => {
  it('hides a statement until a facilitator accepts it, and shows the author why one was rejected', async () => {
    const dialogue = await planDialogue(test, world, { moderation: 'before' });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    await joinAs(test, world.secondResident, dialogue.id, 'Ana');
    const kept = (await write(world.resident, dialogue.id, 'Explain stops in Spanish too.')).json();
    const refused = (
      await write(world.resident, dialogue.id, 'Officer Smith on 5th is a liar.')
    ).json();
    expect([kept.status, refused.status]).toEqual(['pending', 'pending']);
    expect(await next(world.secondResident, dialogue.id)).toEqual({
      statement: null,
      seen: 0,
      total: 0,
    });

    const queue = (
      await send(test, world.facilitator, 'GET', url(dialogue.id, '/moderation'))
    ).json();
    expect(queue.waiting.map((one: { id: string }) => one.id)).toEqual([kept.id, refused.id]);
    expect(queue.waiting[0]).toMatchObject({ authorRole: 'resident', authorName: 'Rosa' });
    const summary = (await send(test, world.facilitator, 'GET', url(dialogue.id))).json();
    expect(summary.toModerate).toBe(2);

    const accepted = await moderate(world.facilitator, dialogue.id, kept.id, {
      decision: 'accept',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reason: null });
    const noReason = await moderate(world.facilitator, dialogue.id, refused.id, {
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(await statusOf(refused.id)).toBe('pending');
    await moderate(world.facilitator, dialogue.id, refused.id, {
      decision: 'reject',
      reason: 'Please do not name individual officers.',
    });

    expect((await next(world.secondResident, dialogue.id)).statement).toMatchObject({
      id: kept.id,
      authorRole: 'resident',
    });
    const mine = (await send(test, world.resident, 'GET', url(dialogue.id, '/mine'))).json();
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: kept.id, status: 'accepted', reason: null }),
        expect.objectContaining({
          id: refused.id,
          status: 'rejected',
          reason: 'Please do not name individual officers.',
        }),
      ]),
    );
    const after = (
      await send(test, world.facilitator, 'GET', url(dialogue.id, '/moderation'))
    ).json();
    expect(after.waiting).toEqual([]);
    expect(after.decided.map((one: { id: string }) => one.id)).toEqual([refused.id, kept.id]);
    // The same words said better later are welcome: a rejected statement is no duplicate.
    expect(
      (await write(world.resident, dialogue.id, 'Officer Smith on 5th is a liar')).statusCode,
    ).toBe(201);
  });

  it('is only for those who manage the dialogue', async () => {
    const dialogue = await planDialogue(test, world, { moderation: 'before' });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const added = (await write(world.resident, dialogue.id, 'Stops at night.')).json();
    for (const person of [world.resident, world.otherFacilitator, world.officer]) {
      const queue = await send(test, person, 'GET', url(dialogue.id, '/moderation'));
      expect(queue.statusCode).toBe(403);
      const decided = await moderate(person, dialogue.id, added.id, { decision: 'accept' });
      expect(decided.statusCode).toBe(403);
    }
    expect(await statusOf(added.id)).toBe('pending');
    const byCoordinator = await moderate(world.coordinator, dialogue.id, added.id, {
      decision: 'accept',
    });
    expect(byCoordinator.statusCode).toBe(200);
  });
});

describe('reports', () => {
  it('takes one report per participant, and hides a statement reported by three until a facilitator decides', async () => {
    const dialogue = await planDialogue(test, world, { seedStatements: ['Stops are fair.'] });
    const author = await insertParticipant(db(), dialogue.id, { displayName: 'Kim' });
    const statementId = await insertStatement(db(), dialogue.id, {
      authorParticipantId: author,
      text: 'Everyone on Elm Street is a criminal.',
    });
    const reporters = [world.resident, world.secondResident, world.officer];
    expect(REPORTS_TO_HIDE).toBe(3);
    const report = (as: TestPerson) =>
      send(test, as, 'POST', url(dialogue.id, `/statements/${statementId}/report`), {
        reason: 'It insults a whole street.',
      });
    for (const [index, person] of reporters.entries()) {
      await joinAs(test, person, dialogue.id, `Reporter ${index}`);
    }
    expect((await report(reporters[0] as TestPerson)).statusCode).toBe(204);
    const twice = await report(reporters[0] as TestPerson);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/reported this statement already/);
    await report(reporters[1] as TestPerson);
    expect(await statusOf(statementId)).toBe('accepted');
    await report(reporters[2] as TestPerson);
    expect(await statusOf(statementId)).toBe('hidden');

    const queue = (
      await send(test, world.facilitator, 'GET', url(dialogue.id, '/moderation'))
    ).json();
    expect(queue.waiting).toEqual([
      expect.objectContaining({ id: statementId, status: 'hidden', authorName: 'Kim' }),
    ]);
    expect(queue.waiting[0].reports).toHaveLength(3);
    const decided = await moderate(world.facilitator, dialogue.id, statementId, {
      decision: 'hide',
      reason: 'It speaks of a whole street as criminals.',
    });
    expect(decided.json()).toMatchObject({ status: 'hidden' });
    const open = await db()
      .select()
      .from(dialogueReports)
      .where(eq(dialogueReports.statementId, statementId));
    expect(open.every((row) => row.resolvedAt !== null)).toBe(true);
    const after = (
      await send(test, world.facilitator, 'GET', url(dialogue.id, '/moderation'))
    ).json();
    expect(after.waiting).toEqual([]);
  });

  it('puts a reported statement back once a facilitator accepts it', async () => {
    const dialogue = await planDialogue(test, world);
    const statementId = await insertStatement(db(), dialogue.id, { status: 'hidden' });
    const reporter = await insertParticipant(db(), dialogue.id);
    await insertReport(db(), statementId, reporter);
    await moderate(world.facilitator, dialogue.id, statementId, { decision: 'accept' });
    await joinAs(test, world.resident, dialogue.id, 'Rosa');
    expect((await next(world.resident, dialogue.id)).statement?.id).toBe(statementId);
  });
});

describe('blocking a participant', () => {
  it('keeps their votes, rejects their waiting statements with the reason, and stops them', async () => {
    const dialogue = await planDialogue(test, world, {
      moderation: 'before',
      seedStatements: ['Stops are fair.'],
    });
    const participantId = await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const { statement } = await next(world.resident, dialogue.id);
    await send(test, world.resident, 'PUT', url(dialogue.id, `/statements/${statement.id}/vote`), {
      vote: 'agree',
    });
    const waiting = (await write(world.resident, dialogue.id, 'Buy my product!')).json();

    const blocked = await send(
      test,
      world.facilitator,
      'POST',
      url(dialogue.id, `/participants/${participantId}/block`),
      { reason: 'Advertising is not part of this dialogue.' },
    );
    expect(blocked.statusCode, blocked.body).toBe(204);
    const mine = (await send(test, world.resident, 'GET', url(dialogue.id, '/mine'))).json();
    expect(mine).toEqual([
      expect.objectContaining({
        id: waiting.id,
        status: 'rejected',
        reason: 'Advertising is not part of this dialogue.',
      }),
    ]);
    const votes = await db()
      .select()
      .from(dialogueVotes)
      .where(eq(dialogueVotes.participantId, participantId));
    expect(votes).toHaveLength(1);
    const refused = await write(world.resident, dialogue.id, 'Another thing.');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'blocked' });
    const page = (await send(test, world.resident, 'GET', url(dialogue.id))).json();
    expect(page.you).toMatchObject({ blocked: true });
    expect(page.can.takePart).toBe(false);
    const again = await send(
      test,
      world.facilitator,
      'POST',
      url(dialogue.id, `/participants/${participantId}/block`),
      { reason: 'Twice.' },
    );
    expect(again.statusCode).toBe(409);
    const elsewhere = await send(
      test,
      world.facilitator,
      'POST',
      url(dialogue.id, `/participants/${crypto.randomUUID()}/block`),
      {},
    );
    expect(elsewhere.statusCode).toBe(404);
  });
});
