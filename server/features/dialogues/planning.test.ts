import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { dialogueStatements, dialogues } from './schema.ts';
import { insertDialogue, insertParticipant } from './testing.ts';
import {
  buildDialogueWorld,
  type DialogueWorld,
  dialogueBody,
  joinAs,
  planDialogue,
} from './testing-world.ts';

// Planning a dialogue: its statements to start with, who sees it in the program's list, changing
// and closing it, its public link, and what the audit trail keeps (never the words).

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
const list = async (as: typeof world.resident) =>
  (await send(test, as, 'GET', `/api/programs/${world.programId}/dialogues`)).json() as {
    id: string;
    toModerate: number | null;
    joined: boolean;
  }[];

describe('planning a dialogue', () => {
  it("publishes its opening statements at once as the facilitator's, numbered from 1, and audits it without words", async () => {
    const dialogue = await planDialogue(test, world, {
      seedStatements: ['Stops should be explained.', 'Stops at night feel unsafe.'],
    });
    expect(dialogue).toMatchObject({
      state: 'open',
      audience: 'public',
      moderation: 'after',
      statements: 2,
      participants: 0,
      toModerate: 0,
      hasJoinLink: false,
      can: { moderate: true, readReport: true },
      you: null,
    });
    const statements = await db()
      .select()
      .from(dialogueStatements)
      .where(eq(dialogueStatements.dialogueId, dialogue.id))
      .orderBy(asc(dialogueStatements.number));
    expect(statements.map((row) => [row.number, row.status, row.authorParticipantId])).toEqual([
      [1, 'accepted', null],
      [2, 'accepted', null],
    ]);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, dialogue.id));
    expect(audit).toMatchObject({ action: 'dialogue.created', outcome: 'succeeded' });
    expect(JSON.stringify(audit?.details)).not.toMatch(/Stops/);
  });

  it('refuses a closing date passed, duplicate opening statements and a close before the opening, saving nothing', async () => {
    const cases: [object, string][] = [
      [{ closesAt: new Date(Date.now() - 60_000).toISOString() }, 'closesAt'],
      [{ seedStatements: ['Stops are fair.', 'stops are FAIR!'] }, 'seedStatements.1'],
      [
        {
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        'closesAt',
      ],
      [{ languages: [] }, 'languages'],
      [{ title: '  ' }, 'title'],
    ];
    const before = (await db().select().from(dialogues)).length;
    for (const [overrides, field] of cases) {
      const answer = await send(
        test,
        world.facilitator,
        'POST',
        `/api/programs/${world.programId}/dialogues`,
        dialogueBody(overrides),
      );
      expect(answer.statusCode, field).toBe(400);
      expect(answer.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await db().select().from(dialogues)).length).toBe(before);
  });

  it('is refused to a resident and to staff of another organisation', async () => {
    for (const person of [world.resident, world.outsider, world.officer]) {
      const answer = await send(
        test,
        person,
        'POST',
        `/api/programs/${world.programId}/dialogues`,
        dialogueBody(),
      );
      expect(answer.statusCode).toBe(403);
    }
  });
});

describe("the program's list", () => {
  it('shows staff every dialogue, and residents those they may join or joined', async () => {
    const open = await planDialogue(test, world, { audience: 'invited', moderation: 'before' });
    const upcoming = await planDialogue(test, world, {
      opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const closedId = await insertDialogue(db(), {
      programId: world.programId,
      createdBy: world.facilitator.personId,
      state: 'closed',
    });
    const closedJoinedId = await insertDialogue(db(), {
      programId: world.programId,
      createdBy: world.facilitator.personId,
      state: 'closed',
    });
    await insertParticipant(db(), closedJoinedId, { personId: world.resident.personId });
    await joinAs(test, world.resident, open.id, 'Rosa');
    await send(test, world.resident, 'POST', `/api/dialogues/${open.id}/statements`, {
      text: 'Please explain stops.',
      language: 'en',
    });

    const staff = await list(world.coordinator);
    const staffIds = staff.map((one) => one.id);
    for (const id of [open.id, upcoming.id, closedId, closedJoinedId]) {
      expect(staffIds).toContain(id);
    }
    expect(staff.find((one) => one.id === open.id)?.toModerate).toBe(1);

    const resident = await list(world.resident);
    const residentIds = resident.map((one) => one.id);
    expect(residentIds).toEqual(expect.arrayContaining([open.id, upcoming.id, closedJoinedId]));
    expect(residentIds).not.toContain(closedId);
    expect(resident.every((one) => one.toModerate === null)).toBe(true);
    expect(resident.find((one) => one.id === open.id)?.joined).toBe(true);

    const outsider = await send(
      test,
      world.outsider,
      'GET',
      `/api/programs/${world.programId}/dialogues`,
    );
    expect(outsider.statusCode).toBe(403);
  });
});

describe('changing and closing a dialogue', () => {
  it('lets its creator change it and close it once; a facilitator who did not plan it cannot', async () => {
    const dialogue = await planDialogue(test, world);
    const path = `/api/dialogues/${dialogue.id}`;
    const byOther = await send(test, world.otherFacilitator, 'PATCH', path, { title: 'Mine now' });
    expect(byOther.statusCode).toBe(403);
    const changed = await send(test, world.facilitator, 'PATCH', path, {
      title: 'Traffic stops near schools',
      moderation: 'before',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Traffic stops near schools',
      moderation: 'before',
    });
    const backwards = await send(test, world.facilitator, 'PATCH', path, {
      closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(backwards.statusCode).toBe(400);

    const closed = await send(test, world.facilitator, 'POST', `${path}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed', can: { takePart: false } });
    const again = await send(test, world.facilitator, 'POST', `${path}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/has closed/);
  });

  it("gives a public dialogue a link whose token is in the page's fragment", async () => {
    const dialogue = await planDialogue(test, world);
    const made = await send(
      test,
      world.facilitator,
      'POST',
      `/api/dialogues/${dialogue.id}/join-link`,
    );
    expect(made.statusCode).toBe(201);
    expect(made.json().url).toMatch(
      new RegExp(`^${test.context.config.publicUrl}/dialogues/join#[\\w-]{40,}$`),
    );
    const page = (
      await send(test, world.facilitator, 'GET', `/api/dialogues/${dialogue.id}`)
    ).json();
    expect(page.hasJoinLink).toBe(true);
  });
});
