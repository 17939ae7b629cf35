import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { dialogueParticipants, dialogues, dialogueVotes } from './schema.ts';
import { insertDialogue } from './testing.ts';
import {
  buildDialogueWorld,
  type DialogueWorld,
  dialogueTokenIn,
  joinAs,
  planDialogue,
  sessionOf,
  taking,
} from './testing-world.ts';

// Joining a dialogue: a resident by its public link with no account, people of the program
// signed in, how each appears, and the dialogues that can no longer be joined.

let test: TestApp;
let world: DialogueWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildDialogueWorld(test);
});
afterAll(async () => {
  await test.close();
});

async function linkFor(dialogueId: string) {
  const made = await send(
    test,
    world.facilitator,
    'POST',
    `/api/dialogues/${dialogueId}/join-link`,
  );
  expect(made.statusCode, made.body).toBe(201);
  return dialogueTokenIn(made.json().url);
}

const byToken = (token: string, body: object, cookie?: string) =>
  send(test, cookie, 'POST', '/api/dialogue-join', { token, ...body });

const participantRow = async (participantId: string) =>
  (
    await test.context.database.db
      .select()
      .from(dialogueParticipants)
      .where(eq(dialogueParticipants.id, participantId))
  )[0];

describe('joining by the public link, with no account', () => {
  it('makes a resident under a chosen name, signs them in, and lets them vote; again, the same participant', async () => {
    const dialogue = await planDialogue(test, world, {
      seedStatements: ['Officers should explain why they stopped someone.'],
    });
    const token = await linkFor(dialogue.id);
    const [stored] = await test.context.database.db
      .select({ hash: dialogues.joinTokenHash })
      .from(dialogues)
      .where(eq(dialogues.id, dialogue.id));
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain(token);

    const preview = await send(test, undefined, 'POST', '/api/dialogue-join/preview', { token });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      dialogueId: dialogue.id,
      title: 'Traffic stops in the Eastside district',
      programName: 'Traffic stops dialogues',
      state: 'open',
      you: null,
      joined: false,
    });

    const joined = await byToken(
      token,
      taking('Abuela Carmen', { language: 'es', neighbourhood: 'Elm Street' }),
    );
    expect(joined.statusCode, joined.body).toBe(200);
    const { participantId } = joined.json();
    const cookie = sessionOf(joined.headers['set-cookie']);
    expect(await participantRow(participantId)).toMatchObject({
      displayName: 'Abuela Carmen',
      neighbourhood: 'Elm Street',
      role: 'resident',
      language: 'es',
    });
    const [person] = await test.context.database.db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.name, 'Abuela Carmen'));
    expect(isPlaceholderEmail(person?.email ?? '')).toBe(true);

    const page = await send(test, cookie, 'GET', `/api/dialogues/${dialogue.id}`);
    expect(page.json()).toMatchObject({
      joined: true,
      can: { moderate: false, readReport: false, takePart: true },
      you: { participantId, role: 'resident', displayName: 'Abuela Carmen', blocked: false },
    });
    const next = await send(test, cookie, 'GET', `/api/dialogues/${dialogue.id}/next`);
    expect(next.json()).toMatchObject({
      seen: 0,
      total: 1,
      statement: {
        number: 1,
        text: 'Officers should explain why they stopped someone.',
        authorRole: 'facilitator',
        yourVote: null,
      },
    });
    const statementId = next.json().statement.id;
    const voted = await send(
      test,
      cookie,
      'PUT',
      `/api/dialogues/${dialogue.id}/statements/${statementId}/vote`,
      { vote: 'agree' },
    );
    expect(voted.statusCode, voted.body).toBe(200);
    expect(voted.json()).toEqual({ vote: 'agree' });
    const votes = await test.context.database.db
      .select()
      .from(dialogueVotes)
      .where(eq(dialogueVotes.participantId, participantId));
    expect(votes).toEqual([expect.objectContaining({ statementId, vote: 1 })]);

    const again = await byToken(token, taking('Carmen'), cookie);
    expect(again.json().participantId).toBe(participantId);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a name that claims a police title, and makes no one', async () => {
    const dialogue = await planDialogue(test, world);
    const token = await linkFor(dialogue.id);
    const before = await test.context.database.db.select({ n: count() }).from(people);
    const answer = await byToken(token, taking('Officer Díaz'));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: 'displayName', code: 'police_title' }),
    ]);
    expect(await test.context.database.db.select({ n: count() }).from(people)).toEqual(before);
  });

  it('refuses an unknown link and an old one replaced by a new link', async () => {
    const dialogue = await planDialogue(test, world);
    const old = await linkFor(dialogue.id);
    await linkFor(dialogue.id);
    for (const token of [old, 'b'.repeat(43)]) {
      const answer = await byToken(token, taking('Sam'));
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors).toEqual([expect.objectContaining({ field: 'token' })]);
    }
  });

  it('says a closed dialogue can no longer be joined, by link or signed in, and adds no one', async () => {
    const dialogue = await planDialogue(test, world);
    const token = await linkFor(dialogue.id);
    const closed = await send(
      test,
      world.facilitator,
      'POST',
      `/api/dialogues/${dialogue.id}/close`,
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');

    const byLink = await byToken(token, taking('Sam'));
    expect(byLink.statusCode).toBe(410);
    expect(byLink.json().detail).toMatch(/closed/);
    const signedIn = await send(
      test,
      world.resident,
      'POST',
      `/api/dialogues/${dialogue.id}/join`,
      taking('Rosa'),
    );
    expect(signedIn.statusCode).toBe(410);
    const [participants] = await test.context.database.db
      .select({ n: count() })
      .from(dialogueParticipants)
      .where(eq(dialogueParticipants.dialogueId, dialogue.id));
    expect(participants?.n).toBe(0);
  });
});

describe('joining signed in', () => {
  it('shows a verified officer as an officer, whatever name they choose, and a resident as a resident', async () => {
    const dialogue = await planDialogue(test, world, { audience: 'invited' });
    const officer = await joinAs(test, world.officer, dialogue.id, 'Sgt. Nair');
    const resident = await joinAs(test, world.resident, dialogue.id, 'Rosa');
    const facilitator = await joinAs(test, world.otherFacilitator, dialogue.id, 'Noor');
    expect((await participantRow(officer))?.role).toBe('officer');
    expect((await participantRow(resident))?.role).toBe('resident');
    expect((await participantRow(facilitator))?.role).toBe('other');
    expect(await joinAs(test, world.officer, dialogue.id, 'Priya')).toBe(officer);
  });

  it('tells each person before they join how they will appear, and no one after', async () => {
    const dialogue = await planDialogue(test, world, { audience: 'invited' });
    const joinsAs = async (who: typeof world.officer) =>
      (await send(test, who, 'GET', `/api/dialogues/${dialogue.id}`)).json().joinsAs;
    expect(await joinsAs(world.officer)).toBe('officer');
    expect(await joinsAs(world.resident)).toBe('resident');
    expect(await joinsAs(world.otherFacilitator)).toBe('other');
    await joinAs(test, world.officer, dialogue.id, 'Priya');
    expect(await joinsAs(world.officer)).toBeNull();
  });

  it('lets an officer who comes by the link see that they will appear as an officer', async () => {
    const dialogue = await planDialogue(test, world);
    const token = await linkFor(dialogue.id);
    const preview = await send(test, world.officer, 'POST', '/api/dialogue-join/preview', {
      token,
    });
    expect(preview.json().you).toMatchObject({ verifiedOfficer: true });
    const joined = await byToken(token, taking('Priya'), world.officer.cookie);
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await participantRow(joined.json().participantId))?.role).toBe('officer');
  });

  it('keeps an invited dialogue to the people of its program', async () => {
    const dialogue = await planDialogue(test, world, { audience: 'invited' });
    const answer = await send(
      test,
      world.outsider,
      'POST',
      `/api/dialogues/${dialogue.id}/join`,
      taking('Jo'),
    );
    expect(answer.statusCode).toBe(403);
    const link = await send(
      test,
      world.facilitator,
      'POST',
      `/api/dialogues/${dialogue.id}/join-link`,
    );
    expect(link.statusCode).toBe(409);
    expect(link.json().detail).toMatch(/Only a public dialogue has a link/);
  });

  it('refuses to join an archived conversation', async () => {
    const dialogueId = await insertDialogue(test.context.database.db, {
      programId: world.programId,
      createdBy: world.facilitator.personId,
      importedFrom: 'Pol.is, CC BY 4.0',
    });
    const answer = await send(
      test,
      world.resident,
      'POST',
      `/api/dialogues/${dialogueId}/join`,
      taking('Rosa'),
    );
    expect(answer.statusCode).toBe(410);
    expect(answer.json().detail).toMatch(/archive/);
  });
});
