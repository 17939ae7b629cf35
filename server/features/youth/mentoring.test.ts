import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import { mentoringMessages, youthPrograms } from './schema.ts';
import {
  linkTokenSentTo,
  setUpYouthProgram,
  type YouthProgram,
  youthSettingsFor,
} from './testing.ts';

// A mentoring pair as its people use it: the coordinator pairs an officer with a young person;
// the two write to each other and the coordinator reads every word; meetings are logged with
// who was present; and no adult can open a channel where they would be alone with a minor.

let test: TestApp;
let youth: YouthProgram;
let mentor: TestPerson;
let youngCookie: string;
let youngPersonId: string;
let guardianToken: string;

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
  mentor = await withName(
    test,
    await addSignedInPerson(test, {
      organisationId: youth.organisationId,
      programId: youth.programId,
      role: 'officer',
    }),
    'Officer Lena Park',
  );
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    {
      displayName: 'Rio',
      ageBand: '14-15',
      guardian: { name: 'Ana Ruiz', email: 'rio-guardian@example.org', language: 'en' },
    },
  );
  youngPersonId = added.json().youngPerson.id;
  guardianToken = await linkTokenSentTo(test, 'rio-guardian@example.org', 'youth-consent-request');
  const joined = await send(test, undefined, 'POST', '/api/youth/join', {
    token: added.json().youthLink.split('#')[1],
  });
  youngCookie = String(joined.headers['set-cookie']).split(';')[0] ?? '';
});
afterAll(async () => {
  await test.close();
});

const pairPath = () => `/api/programs/${youth.programId}/mentoring-pairs`;
const answer = (given: 'give' | 'withdraw') =>
  send(test, undefined, 'POST', '/api/consent', { token: guardianToken, answer: given });

describe('mentoring pairs', () => {
  it('pairs a young person only once their guardian has consented, and only with a verified officer', async () => {
    const early = await send(test, youth.coordinator, 'POST', pairPath(), {
      mentorId: mentor.personId,
      youngPersonId,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([
      expect.objectContaining({ field: 'youngPersonId', code: 'needs_consent' }),
    ]);
    await answer('give');
    const notOfficer = await send(test, youth.coordinator, 'POST', pairPath(), {
      mentorId: youth.lead.personId,
      youngPersonId,
    });
    expect(notOfficer.json().errors).toEqual([expect.objectContaining({ field: 'mentorId' })]);
    const mentors = await send(
      test,
      youth.coordinator,
      'GET',
      `/api/programs/${youth.programId}/mentors`,
    );
    expect(mentors.json().mentors).toEqual([{ id: mentor.personId, name: 'Officer Lena Park' }]);
  });

  it('lets the pair write while the coordinator reads every word, sealed in the database', async () => {
    const made = await send(test, youth.coordinator, 'POST', pairPath(), {
      mentorId: mentor.personId,
      youngPersonId,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      mentor: { name: 'Officer Lena Park' },
      youngPerson: { name: 'Rio' },
      readAlongBy: expect.arrayContaining(['Marisol Vega']),
      guardianReads: false,
    });
    const pairId: string = made.json().id;
    const [told] = (await latestOutboxMessages(test.context.database.db, 20)).filter(
      (message) => message.toAddress === mentor.email,
    );
    expect(told).toMatchObject({
      template: 'mentoring-paired',
      subject: "You are now Rio's mentor",
    });
    const fromMentor = await send(test, mentor, 'POST', `/api/mentoring-pairs/${pairId}/messages`, {
      body: 'Hi Rio, good to meet you at the library. Same time next week?',
    });
    expect(fromMentor.statusCode).toBe(200);
    const fromRio = await send(
      test,
      youngCookie,
      'POST',
      `/api/mentoring-pairs/${pairId}/messages`,
      {
        body: 'Yes! Can we talk about the job fair?',
      },
    );
    expect(
      fromRio
        .json()
        .messages.map((message: { authorName: string; mine: boolean }) => [
          message.authorName,
          message.mine,
        ]),
    ).toEqual([
      ['Officer Lena Park', false],
      ['Rio', true],
    ]);
    const coordinatorView = await send(
      test,
      youth.coordinator,
      'GET',
      `/api/mentoring-pairs/${pairId}`,
    );
    expect(
      coordinatorView.json().messages.map((message: { body: string }) => message.body),
    ).toEqual([
      'Hi Rio, good to meet you at the library. Same time next week?',
      'Yes! Can we talk about the job fair?',
    ]);
    const stored = await test.context.database.db
      .select({ body: mentoringMessages.body })
      .from(mentoringMessages)
      .where(eq(mentoringMessages.pairId, pairId));
    expect(stored.every((row) => !row.body.includes('job fair'))).toBe(true);
    expect((await send(test, youngCookie, 'GET', '/api/me/mentoring')).json().pairs).toEqual([
      expect.objectContaining({
        id: pairId,
        mentor: { id: mentor.personId, name: 'Officer Lena Park' },
      }),
    ]);

    // Someone outside the pair and its watchers finds nothing.
    const stranger = await addSignedInPerson(test, {
      organisationId: youth.organisationId,
      programId: youth.programId,
      role: 'officer',
    });
    expect((await send(test, stranger, 'GET', `/api/mentoring-pairs/${pairId}`)).statusCode).toBe(
      404,
    );
  });

  it('logs a meeting with who was present, and holds the program to two adults', async () => {
    const [pair] = (await send(test, mentor, 'GET', '/api/me/mentoring')).json().pairs;
    const path = `/api/mentoring-pairs/${pair.id}/meetings`;
    const alone = await send(test, mentor, 'POST', path, {
      metAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: 'Riverside library',
      present: [],
    });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().errors).toEqual([
      expect.objectContaining({ field: 'present', code: 'two_adults' }),
    ]);
    const logged = await send(test, mentor, 'POST', path, {
      metAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: 'Riverside library',
      present: ['Marisol Vega'],
    });
    expect(logged.json().meetings).toEqual([
      expect.objectContaining({
        place: 'Riverside library',
        present: ['Marisol Vega'],
        loggedByName: 'Officer Lena Park',
      }),
    ]);
    const byYoungPerson = await send(test, youngCookie, 'POST', path, {
      metAt: new Date().toISOString(),
      place: 'Park',
      present: ['Someone'],
    });
    expect(byYoungPerson.statusCode).toBe(403);
  });

  it('lets the guardian read along only once the program says so and they consented to it', async () => {
    const readAlong = () =>
      send(test, undefined, 'GET', `/api/consent/mentoring?token=${guardianToken}`);
    expect((await readAlong()).json()).toEqual({ pairs: [] });
    const changed = await send(
      test,
      youth.coordinator,
      'PUT',
      `/api/programs/${youth.programId}/youth`,
      {
        ...youthSettingsFor(youth.lead.personId),
        guardianSeesMentoring: true,
      },
    );
    expect(changed.json().settings.consentVersion).toBe(2);
    // The guardian is asked again, with a new link; until they answer, the pair waits.
    guardianToken = await linkTokenSentTo(
      test,
      'rio-guardian@example.org',
      'youth-consent-request',
    );
    expect((await readAlong()).json()).toEqual({ pairs: [] });
    await answer('give');
    const [pair] = (await readAlong()).json().pairs;
    expect(pair).toMatchObject({ mentorName: 'Officer Lena Park' });
    expect(pair.messages.map((message: { body: string }) => message.body)).toContain(
      'Yes! Can we talk about the job fair?',
    );
    expect(pair.meetings).toEqual([expect.objectContaining({ place: 'Riverside library' })]);
  });

  it('closes the pair to both at once when the guardian withdraws', async () => {
    const [pair] = (await send(test, mentor, 'GET', '/api/me/mentoring')).json().pairs;
    await answer('withdraw');
    const rio = await send(test, youngCookie, 'GET', `/api/mentoring-pairs/${pair.id}`);
    expect(rio.statusCode).toBe(403);
    expect(rio.json()).toMatchObject({ code: 'needs_consent' });
    const write = await send(test, mentor, 'POST', `/api/mentoring-pairs/${pair.id}/messages`, {
      body: 'Are you coming on Tuesday?',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toContain('has not consented, or has withdrawn');
    // The coordinator still reads what was said, to follow up.
    expect(
      (await send(test, youth.coordinator, 'GET', `/api/mentoring-pairs/${pair.id}`)).statusCode,
    ).toBe(200);
  });

  it('refuses, and audits, a pair where the mentor would be the only adult reading', async () => {
    const { db } = test.context.database;
    // A second program, whose coordinator leaves and whose safeguarding lead becomes the
    // officer who would mentor: no one but the mentor would read along.
    const solo = await setUpYouthProgram(test);
    const officer = await addSignedInPerson(test, {
      organisationId: solo.organisationId,
      programId: solo.programId,
      role: 'officer',
    });
    const adult = await send(
      test,
      solo.coordinator,
      'POST',
      `/api/programs/${solo.programId}/young-people`,
      {
        displayName: 'Sky',
        ageBand: '16-17',
        guardian: { name: 'Jo', email: 'sky-guardian@example.org', language: 'en' },
      },
    );
    await send(test, undefined, 'POST', '/api/consent', {
      token: await linkTokenSentTo(test, 'sky-guardian@example.org', 'youth-consent-request'),
      answer: 'give',
    });
    // Everyone who would read along leaves the program: only the mentor would remain.
    await db
      .update(memberships)
      .set({ revokedAt: new Date() })
      .where(eq(memberships.personId, solo.coordinator.personId));
    await db
      .update(youthPrograms)
      .set({ safeguardingLeadId: officer.personId })
      .where(eq(youthPrograms.programId, solo.programId));
    const refused = await send(
      test,
      solo.admin,
      'POST',
      `/api/programs/${solo.programId}/mentoring-pairs`,
      {
        mentorId: officer.personId,
        youngPersonId: adult.json().youngPerson.id,
      },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'alone_with_minor' });
    const audited = await db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'youth.channel_refused'));
    expect(audited).toEqual([{ actorId: solo.admin.personId }]);
  });
});
