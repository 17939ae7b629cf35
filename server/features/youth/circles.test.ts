import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type SeededCircle, seedCircle } from '../circles/live-fixtures.ts';
import { type LiveTestApp, startLiveTestApp } from '../circles/live-testing.ts';
import { insertInvitee } from '../circles/testing.ts';
import { newInvitationToken } from '../invitations/token.ts';
import { commandConsent, lockYoungPerson } from './consent-store.ts';
import { sealGuardian } from './members.ts';
import { youngPeople, youthPrograms } from './schema.ts';
import { youthSettingsFor } from './testing.ts';

// A youth program's circle, with the rules in code: a young person under 18 enters only while
// their guardian's consent is current, the room knows them as a minor, and their private word
// reaches two keepers or no one.

let test: LiveTestApp;
let circle: SeededCircle;

const personOf = (index: number) => circle.people[index] ?? { personId: '', cookie: '' };

/** Makes the seated person a young person of the program, with no consent asked yet. */
async function asMinor(personId: string): Promise<string> {
  const id = crypto.randomUUID();
  await test.context.database.db.insert(youngPeople).values({
    id,
    programId: test.program.programId,
    personId,
    ageBand: '14-15',
    guardianContact: sealGuardian(test.context, id, { name: 'Ines', email: 'ines@example.org' }),
    guardianLanguage: 'en',
    linkTokenHash: newInvitationToken().tokenHash,
    addedBy: personOf(0).personId,
  });
  return id;
}

/** The guardian's answer, as their page records it. */
async function consent(youngPersonId: string, answer: 'give' | 'withdraw') {
  await test.context.database.db.transaction(async (tx) => {
    await lockYoungPerson(tx, youngPersonId);
    if (answer === 'give') {
      await commandConsent(
        tx,
        youngPersonId,
        { type: 'request', version: 1, validDays: 365, at: Date.now() },
        1,
      );
    }
    await commandConsent(tx, youngPersonId, { type: answer, at: Date.now() }, 1);
  });
}

beforeAll(async () => {
  // A quick heartbeat, so that the room's periodic checks come round within a test.
  test = await startLiveTestApp({ CIRCLE_HEARTBEAT_MS: '100' });
  circle = await seedCircle(test.context, test.program, [
    { name: 'Maya', role: 'keeper' },
    { name: 'Dee', role: 'resident' },
    { name: 'Ana', role: 'resident' },
  ]);
  await test.context.database.db.insert(youthPrograms).values({
    programId: test.program.programId,
    ...youthSettingsFor(personOf(0).personId),
    updatedBy: personOf(0).personId,
  });
});
afterAll(async () => {
  await test.close();
});

describe('a young person in a circle', () => {
  it('keeps a minor out of the room until the guardian consents, and out again once withdrawn', async () => {
    const dee = await asMinor(personOf(1).personId);
    const early = await test.connect(personOf(1).cookie);
    expect(await early.hello(circle.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'not_allowed',
      detail: expect.stringContaining('once your parent or guardian has said yes'),
    });
    await early.close();

    await consent(dee, 'give');
    const maya = await test.connect(personOf(0).cookie);
    expect(await maya.hello(circle.circleId, null)).toMatchObject({ kind: 'welcome' });
    expect(await maya.command({ type: 'join', name: 'Maya', role: 'keeper' })).toMatchObject({
      kind: 'accepted',
    });
    const ana = await test.connect(personOf(2).cookie);
    expect(await ana.hello(circle.circleId, null)).toMatchObject({ kind: 'welcome' });
    expect(await ana.command({ type: 'join', name: 'Ana', role: 'resident' })).toMatchObject({
      kind: 'accepted',
    });
    const inRoom = await test.connect(personOf(1).cookie);
    expect(await inRoom.hello(circle.circleId, null)).toMatchObject({ kind: 'welcome' });
    // The client's join says nothing of age: the server adds it from the youth record.
    expect(await inRoom.command({ type: 'join', name: 'Dee', role: 'resident' })).toMatchObject({
      kind: 'accepted',
    });
    await maya.until(() => maya.state.participants.length === 3);
    expect(maya.state.participants.map((each) => [each.name, each.minor ?? false])).toEqual([
      ['Maya', false],
      ['Ana', false],
      ['Dee', true],
    ]);

    // One keeper here: Dee's private word is refused, an adult's is not.
    expect(await inRoom.command({ type: 'ask_private_word' })).toMatchObject({
      kind: 'refused',
      reason: 'needs_two_keepers',
    });
    expect(await ana.command({ type: 'ask_private_word' })).toMatchObject({ kind: 'accepted' });

    // The guardian withdraws while Dee is in the room: at the room's next check of who is
    // there (every five minutes), she is let go, told why.
    await consent(dee, 'withdraw');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      const letGo = await inRoom.next((frame) => frame.kind === 'problem');
      expect(letGo).toMatchObject({
        problem: 'not_allowed',
        detail: expect.stringContaining('once your parent or guardian has said yes'),
      });
      expect((await inRoom.closed()).code).not.toBe(1000);
      // Maya and Ana stay.
      expect(maya.socket.readyState).toBe(maya.socket.OPEN);
    } finally {
      vi.useRealTimers();
    }
    const after = await test.connect(personOf(1).cookie);
    expect(await after.hello(circle.circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'not_allowed',
    });
    await Promise.all([after.close(), maya.close(), ana.close()]);
  });

  it('refuses a minor a seat without a current consent, says why, and audits it', async () => {
    const later = await seedCircle(test.context, test.program, [
      { name: 'Sam', role: 'keeper' },
      { name: 'Kai', role: 'resident' },
    ]);
    const kai = later.people[1] ?? { personId: '', cookie: '' };
    // Kai was asked to the main circle but has no seat in it yet.
    await insertInvitee(
      test.context.database.db,
      circle.circleId,
      kai.personId,
      personOf(0).personId,
    );
    const youngPersonId = await asMinor(kai.personId);
    const join = () =>
      test.app.inject({
        method: 'POST',
        url: `/api/circles/${circle.circleId}/join`,
        headers: { origin: test.context.config.publicUrl, cookie: kai.cookie },
        payload: { displayName: 'Kai', language: 'en', agreeToGuidelines: true },
      });
    const refused = await join();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'needs_consent',
      detail: expect.stringContaining('once your parent or guardian has said yes'),
    });
    const audited = await test.context.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'youth.activity_refused'),
          eq(auditEvents.targetId, youngPersonId),
        ),
      );
    expect(audited).toEqual([
      {
        details: {
          programId: test.program.programId,
          activity: 'circle.join',
          reason: 'consent_not_current',
        },
      },
    ]);
    await consent(youngPersonId, 'give');
    expect((await join()).statusCode).toBe(200);
  });
});
