import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { addSignedInPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { youngPeople } from './schema.ts';
import {
  linkTokenSentTo,
  setUpYouthProgram,
  type YouthProgram,
  youthSettingsFor,
} from './testing.ts';

// A youth program as its coordinator, a guardian and a young person use it: the settings, a
// young person added with their guardian asked by email, consent given once and withdrawn at
// any time with effect at once, and a young person's own link.

let test: TestApp;
let youth: YouthProgram;

beforeAll(async () => {
  test = await startTestApp();
  youth = await setUpYouthProgram(test);
});
afterAll(async () => {
  await test.close();
});

const guardianOf = (address: string, language: 'en' | 'es' = 'es') => ({
  name: 'Carmen Ruiz',
  email: address,
  language,
});

async function addMinor(displayName: string, guardianAddress: string) {
  const added = await send(
    test,
    youth.coordinator,
    'POST',
    `/api/programs/${youth.programId}/young-people`,
    {
      displayName,
      ageBand: '14-15',
      guardian: guardianOf(guardianAddress),
    },
  );
  expect(added.statusCode).toBe(201);
  return added.json();
}

const youngPersonIn = async (id: string) =>
  (await send(test, youth.coordinator, 'GET', `/api/programs/${youth.programId}/young-people`))
    .json()
    .youngPeople.find((each: { id: string }) => each.id === id);

const answer = (token: string, given: 'give' | 'decline' | 'withdraw') =>
  send(test, undefined, 'POST', '/api/consent', { token, answer: given });

const refusalsAudited = async (youngPersonId: string) =>
  test.context.database.db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, 'youth.consent_refused'), eq(auditEvents.targetId, youngPersonId)),
    );

describe('youth program settings', () => {
  it('keeps the settings and names the safeguarding lead', async () => {
    const read = await send(
      test,
      youth.coordinator,
      'GET',
      `/api/programs/${youth.programId}/youth`,
    );
    expect(read.json().settings).toMatchObject({
      minAge: 12,
      maxAge: 20,
      safeguardingLead: { id: youth.lead.personId, name: 'Marisol Vega' },
      twoAdultsPresent: true,
      consentVersion: 1,
    });
  });

  it('refuses settings that do not hold, field by field, and keeps the saved ones', async () => {
    const outsider = await addSignedInPerson(test, {
      organisationId: youth.organisationId,
      role: 'resident',
    });
    const refused = await send(
      test,
      youth.coordinator,
      'PUT',
      `/api/programs/${youth.programId}/youth`,
      {
        ...youthSettingsFor(outsider.personId),
        minAge: 16,
        maxAge: 13,
        retentionDays: 5,
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['maxAge', 'retentionDays']);
    const notStaff = await send(
      test,
      youth.coordinator,
      'PUT',
      `/api/programs/${youth.programId}/youth`,
      youthSettingsFor(outsider.personId),
    );
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().errors).toEqual([
      expect.objectContaining({ field: 'safeguardingLeadId' }),
    ]);
    const read = await send(
      test,
      youth.coordinator,
      'GET',
      `/api/programs/${youth.programId}/youth`,
    );
    expect(read.json().settings).toMatchObject({ minAge: 12, maxAge: 20, retentionDays: 365 });
  });

  it('lets only a coordinator or an administrator change them', async () => {
    const refused = await send(
      test,
      youth.lead,
      'PUT',
      `/api/programs/${youth.programId}/youth`,
      youthSettingsFor(youth.lead.personId),
    );
    expect(refused.statusCode).toBe(403);
  });
});

describe('a young person and their guardian', () => {
  it('keeps only a display name, an age band and the sealed guardian contact about a minor', async () => {
    const added = await addMinor('Dani', 'carmen@example.org');
    // Only the guardian gets their link: whoever added the young person cannot answer for them.
    expect(Object.keys(added).sort()).toEqual(['youngPerson', 'youthLink']);
    expect(added.youthLink).toMatch(
      new RegExp(`^${test.context.config.publicUrl}/youth/join#[\\w-]{43}$`),
    );
    expect(added.youngPerson).toMatchObject({
      displayName: 'Dani',
      ageBand: '14-15',
      minor: true,
      guardianName: 'Carmen Ruiz',
      mayTakePart: false,
      consent: { status: 'requested', current: false },
    });
    const { db } = test.context.database;
    const [account] = await db
      .select()
      .from(people)
      .where(eq(people.id, added.youngPerson.personId));
    expect(account?.name).toBe('Dani');
    expect(account?.email).toMatch(/@people\.invalid$/);
    const [row] = await db
      .select()
      .from(youngPeople)
      .where(eq(youngPeople.id, added.youngPerson.id));
    expect(row?.guardianContact).not.toContain('carmen');
    const [email] = (await latestOutboxMessages(db, 50)).filter(
      (message) => message.toAddress === 'carmen@example.org',
    );
    expect(email).toMatchObject({
      template: 'youth-consent-request',
      subject: 'Le pedimos su consentimiento: Youth and police together',
    });
  });

  it('refuses a minor without a guardian, and an age band outside the program, by field', async () => {
    const path = `/api/programs/${youth.programId}/young-people`;
    const noGuardian = await send(test, youth.coordinator, 'POST', path, {
      displayName: 'Sam',
      ageBand: '12-13',
    });
    expect(noGuardian.statusCode).toBe(400);
    expect(noGuardian.json().errors).toEqual([expect.objectContaining({ field: 'guardian' })]);
    const tooYoung = await send(test, youth.coordinator, 'POST', path, {
      displayName: 'Sam',
      ageBand: '10-11',
      guardian: guardianOf('sam-guardian@example.org'),
    });
    expect(tooYoung.statusCode).toBe(400);
    expect(tooYoung.json().errors).toEqual([
      expect.objectContaining({ field: 'ageBand', message: expect.stringContaining('12 to 20') }),
    ]);
  });

  it('tells the guardian in plain words what they consent to', async () => {
    await addMinor('Lupe', 'rosa-guardian@example.org');
    const token = await linkTokenSentTo(test, 'rosa-guardian@example.org', 'youth-consent-request');
    const preview = await send(test, undefined, 'GET', `/api/consent?token=${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      programName: 'Youth and police together',
      organisationName: 'Eastside Youth Alliance',
      youngPersonName: 'Lupe',
      guardianName: 'Carmen Ruiz',
      safeguardingLeadName: 'Marisol Vega',
      retentionDays: 365,
      language: 'es',
      consent: { status: 'requested', current: false },
    });
  });

  it('lets the young person take part once consent is given, and refuses the link used twice', async () => {
    const added = await addMinor('Tomás', 'tomas-guardian@example.org');
    const token = await linkTokenSentTo(
      test,
      'tomas-guardian@example.org',
      'youth-consent-request',
    );
    const given = await answer(token, 'give');
    expect(given.statusCode).toBe(200);
    expect(given.json().consent).toMatchObject({ status: 'given', current: true });
    expect(await youngPersonIn(added.youngPerson.id)).toMatchObject({ mayTakePart: true });

    const again = await answer(token, 'decline');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_answered' });
    expect(await youngPersonIn(added.youngPerson.id)).toMatchObject({ mayTakePart: true });
    expect(await refusalsAudited(added.youngPerson.id)).toEqual([
      { details: { reason: 'already_answered', answer: 'decline' } },
    ]);
    // The answer is confirmed, with the same page to withdraw from.
    expect(
      await linkTokenSentTo(test, 'tomas-guardian@example.org', 'youth-consent-answered'),
    ).toBe(token);
  });

  it('takes a young person out at once when the guardian withdraws, and says so if done twice', async () => {
    const added = await addMinor('Iris', 'iris-guardian@example.org');
    const token = await linkTokenSentTo(test, 'iris-guardian@example.org', 'youth-consent-request');
    await answer(token, 'give');
    const withdrawn = await answer(token, 'withdraw');
    expect(withdrawn.json().consent).toMatchObject({ status: 'withdrawn', current: false });
    expect(await youngPersonIn(added.youngPerson.id)).toMatchObject({ mayTakePart: false });
    const twice = await answer(token, 'withdraw');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'not_given' });

    // The coordinator may ask again; the new request has a new link, and the old one is refused.
    const asked = await send(
      test,
      youth.coordinator,
      'POST',
      `/api/young-people/${added.youngPerson.id}/consent-request`,
    );
    expect(asked.json().youngPerson.consent).toMatchObject({ status: 'requested' });
    const old = await answer(token, 'give');
    expect(old.statusCode).toBe(410);
    expect(old.json()).toMatchObject({ code: 'link_replaced' });
    const fresh = await linkTokenSentTo(test, 'iris-guardian@example.org', 'youth-consent-request');
    expect((await answer(fresh, 'give')).statusCode).toBe(200);
  });

  it('asks every guardian again when what they agreed to changes', async () => {
    const added = await addMinor('Noor', 'noor-guardian@example.org');
    const token = await linkTokenSentTo(test, 'noor-guardian@example.org', 'youth-consent-request');
    await answer(token, 'give');
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
    expect(await youngPersonIn(added.youngPerson.id)).toMatchObject({
      mayTakePart: false,
      consent: { status: 'requested' },
    });
    const fresh = await linkTokenSentTo(test, 'noor-guardian@example.org', 'youth-consent-request');
    expect(fresh).not.toBe(token);
    expect((await answer(fresh, 'give')).json().consent).toMatchObject({ current: true });
  });

  it('keeps no guardian for a young adult, who may take part at once', async () => {
    const added = await send(
      test,
      youth.coordinator,
      'POST',
      `/api/programs/${youth.programId}/young-people`,
      {
        displayName: 'Jordan',
        ageBand: '18-20',
        guardian: guardianOf('not-needed@example.org'),
      },
    );
    expect(added.json().youngPerson).toMatchObject({
      minor: false,
      guardianName: null,
      consent: null,
      mayTakePart: true,
    });
    const mailed = (await latestOutboxMessages(test.context.database.db, 50)).filter(
      (message) => message.toAddress === 'not-needed@example.org',
    );
    expect(mailed).toEqual([]);
  });

  it('signs a young person in by their own link and tells them whether they may take part', async () => {
    const added = await addMinor('Kai', 'kai-guardian@example.org');
    const youthToken = added.youthLink.split('#')[1];
    const joined = await send(test, undefined, 'POST', '/api/youth/join', { token: youthToken });
    expect(joined.statusCode).toBe(200);
    const cookie = String(joined.headers['set-cookie']).split(';')[0] ?? '';
    const mine = await send(test, cookie, 'GET', '/api/me/youth');
    expect(mine.json().programs).toEqual([
      expect.objectContaining({
        programName: 'Youth and police together',
        displayName: 'Kai',
        mayTakePart: false,
        safeguardingLeadName: 'Marisol Vega',
      }),
    ]);
    const token = await linkTokenSentTo(test, 'kai-guardian@example.org', 'youth-consent-request');
    await answer(token, 'give');
    const after = await send(test, cookie, 'GET', '/api/me/youth');
    expect(after.json().programs[0]).toMatchObject({ mayTakePart: true });

    const renewed = await send(
      test,
      youth.coordinator,
      'POST',
      `/api/young-people/${added.youngPerson.id}/link`,
    );
    expect(renewed.json().youthLink).not.toBe(added.youthLink);
    const old = await send(test, undefined, 'POST', '/api/youth/join', { token: youthToken });
    expect(old.statusCode).toBe(404);
    expect(old.json().detail).toContain('Ask the program for a new one');
  });

  it('refuses a link that is not complete, and one that is not known, in words', async () => {
    const short = await send(test, undefined, 'GET', '/api/consent?token=abc');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].message).toContain('open it again from the email');
    const unknown = await answer('b'.repeat(43), 'give');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_link' });
  });
});
