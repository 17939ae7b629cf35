import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../platform/auth/schema.ts';
import { addSignedInPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { circleParticipants } from '../circles/schema.ts';
import { insertCircle } from '../circles/testing.ts';
import { FORMER_PARTICIPANT, purgeYoungPeople } from './purge.ts';
import {
  guardianLinks,
  mentoringMessages,
  youngPeople,
  youthConcerns,
  youthConsentEvents,
} from './schema.ts';
import { linkTokenSentTo, setUpYouthProgram, type YouthProgram } from './testing.ts';

// Nothing about a young person outlives the program's promise: once they have left, or their
// guardian said no (or never answered), the retention period runs, and then the purge removes
// the guardian's contact, the consents, the mentoring messages and the name they chose, even in
// past circles. Before that day, nothing is touched. The program here keeps records 365 days.

const DAY_MS = 86_400_000;
let test: TestApp;
let youth: YouthProgram;

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
});
afterAll(async () => {
  await test.close();
});

async function addYoungPerson(displayName: string, guardianAddress: string) {
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    {
      displayName,
      ageBand: '14-15',
      guardian: { name: 'A guardian', email: guardianAddress, language: 'en' },
    },
  );
  return added.json().youngPerson as { id: string; personId: string };
}

const stillThere = async (youngPersonId: string) =>
  (
    await test.context.database.db
      .select()
      .from(youngPeople)
      .where(eq(youngPeople.id, youngPersonId))
  ).length === 1;

const nameOf = async (personId: string) =>
  (
    await test.context.database.db
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, personId))
  )[0]?.name;

describe('removing a young person’s record when the retention ends', () => {
  it('removes everything kept about someone who left, on the day and not before', async () => {
    const { db } = test.context.database;
    const lia = await addYoungPerson('Lia', 'lia-guardian@example.org');
    const token = await linkTokenSentTo(test, 'lia-guardian@example.org', 'youth-consent-request');
    await send(test, undefined, 'POST', '/api/consent', { token, answer: 'give' });
    const mentor = await withName(
      test,
      await addSignedInPerson(test, {
        organisationId: youth.organisationId,
        programId: youth.programId,
        role: 'officer',
      }),
      'Officer Ray',
    );
    const pair = await send(
      test,
      youth.coordinator,
      'POST',
      `/api/programs/${youth.programId}/mentoring-pairs`,
      {
        mentorId: mentor.personId,
        youngPersonId: lia.id,
      },
    );
    await send(test, mentor, 'POST', `/api/mentoring-pairs/${pair.json().id}/messages`, {
      body: 'See you Tuesday.',
    });
    const { circleId } = await insertCircle(db, {
      programId: youth.programId,
      keeperId: youth.lead.personId,
      seats: [{ personId: lia.personId, displayName: 'Lia', role: 'resident' }],
    });

    const left = await send(test, youth.coordinator, 'POST', `/api/young-people/${lia.id}/leave`);
    expect(left.statusCode).toBe(204);
    const [row] = await db.select().from(youngPeople).where(eq(youngPeople.id, lia.id));
    const leftAt = row?.leftAt?.getTime() ?? 0;
    // Leaving is recorded once.
    expect(
      (await send(test, youth.coordinator, 'POST', `/api/young-people/${lia.id}/leave`)).statusCode,
    ).toBe(409);

    expect(await purgeYoungPeople(test.context, new Date(leftAt + 364 * DAY_MS))).not.toContain(
      lia.id,
    );
    expect(await stillThere(lia.id)).toBe(true);

    expect(await purgeYoungPeople(test.context, new Date(leftAt + 365 * DAY_MS + 1))).toContain(
      lia.id,
    );
    expect(await stillThere(lia.id)).toBe(false);
    expect(
      await db
        .select()
        .from(youthConsentEvents)
        .where(eq(youthConsentEvents.youngPersonId, lia.id)),
    ).toEqual([]);
    expect(
      await db.select().from(guardianLinks).where(eq(guardianLinks.youngPersonId, lia.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(mentoringMessages)
        .where(eq(mentoringMessages.authorId, mentor.personId)),
    ).toEqual([]);
    expect(await nameOf(lia.personId)).toBe(FORMER_PARTICIPANT);
    const seats = await db
      .select({ displayName: circleParticipants.displayName })
      .from(circleParticipants)
      .where(eq(circleParticipants.circleId, circleId));
    expect(seats).toEqual([{ displayName: FORMER_PARTICIPANT }]);
  });

  it('removes a minor whose guardian declined once the retention has passed since', async () => {
    const noa = await addYoungPerson('Noa', 'noa-guardian@example.org');
    const token = await linkTokenSentTo(test, 'noa-guardian@example.org', 'youth-consent-request');
    await send(test, undefined, 'POST', '/api/consent', { token, answer: 'decline' });
    expect(await purgeYoungPeople(test.context, new Date(Date.now() + 300 * DAY_MS))).not.toContain(
      noa.id,
    );
    expect(await purgeYoungPeople(test.context, new Date(Date.now() + 366 * DAY_MS))).toContain(
      noa.id,
    );
    expect(await nameOf(noa.personId)).toBe(FORMER_PARTICIPANT);
  });

  it('keeps a young person while their consent holds, and a concern they raised, unlinked', async () => {
    const { db } = test.context.database;
    const sol = await addYoungPerson('Sol', 'sol-guardian@example.org');
    const token = await linkTokenSentTo(test, 'sol-guardian@example.org', 'youth-consent-request');
    await send(test, undefined, 'POST', '/api/consent', { token, answer: 'give' });
    const concernId = crypto.randomUUID();
    await db.insert(youthConcerns).values({
      id: concernId,
      programId: youth.programId,
      raisedBy: sol.personId,
      body: 'sealed',
    });
    // A consent lasts 365 days here, and the record the retention after it: within that, Sol
    // is kept.
    expect(await purgeYoungPeople(test.context, new Date(Date.now() + 700 * DAY_MS))).not.toContain(
      sol.id,
    );
    expect(await stillThere(sol.id)).toBe(true);
    await send(test, youth.coordinator, 'POST', `/api/young-people/${sol.id}/leave`);
    expect(await purgeYoungPeople(test.context, new Date(Date.now() + 366 * DAY_MS))).toContain(
      sol.id,
    );
    const [concern] = await db.select().from(youthConcerns).where(eq(youthConcerns.id, concernId));
    expect(concern).toMatchObject({ raisedBy: null, body: 'sealed' });
  });
});
