import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MySurvey } from '../../../shared/measurement/contract.ts';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { partyEmailContext } from '../conferences/addressees.ts';
import { conferenceParties, conferences } from '../conferences/schema.ts';
import { assignToTeam, insertCase } from '../conferences/testing.ts';
import { AFTER_PROCESS_JOB } from './after-process.ts';
import { surveyInvitations } from './schema.ts';
import { insertClosedCircle, insertInvitation, insertSeat, insertSurvey } from './testing.ts';
import { buildMeasurementWorld, type MeasurementWorld } from './testing-world.ts';

// The survey after a circle or a conference: the job finds what closed since the survey opened,
// makes an invitation for each participant who did not run it, and mails those with a real
// address over a real SMTP exchange, in their language. Running it again sends nothing more.

let sink: SmtpSink;
let test: TestApp;
let world: MeasurementWorld;
let surveyId: string;
let circleId: string;
let conferenceId: string;
/** Took a seat by a join link, giving no address. */
let noAddress: TestPerson;
const policeAddress = 'sergeant.ortiz@police.example.org';

const db = () => test.context.database.db;
const hour = 3_600_000;

async function addParty(role: string, personId: string | null, email: string | null) {
  const id = crypto.randomUUID();
  const { cipher } = test.context;
  await db()
    .insert(conferenceParties)
    .values({
      id,
      conferenceId,
      role,
      nameSealed: cipher.encrypt('A party', `conference_party:${id}`),
      emailSealed: email === null ? null : cipher.encrypt(email, partyEmailContext(id)),
      personId,
      addedBy: world.coordinator.personId,
    });
}

/** Runs due jobs until none is left: the survey job, then the emails it queued. */
async function runJobs(): Promise<void> {
  while ((await test.context.jobs.runDue()) > 0) {}
}

const mailTo = (address: string): ParsedMail[] =>
  sink.received
    .map(({ mail }) => mail)
    .filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'Elm Street RJ <rj@example.org>' });
  world = await buildMeasurementWorld(test);
  const { programId } = world;
  surveyId = (
    await insertSurvey(db(), {
      programId,
      createdBy: world.coordinator.personId,
      kind: 'after_process',
      items: ['respect.in_meeting', 'voice.in_meeting'],
    })
  ).id;
  const keeperId = world.facilitator.personId;
  circleId = await insertClosedCircle(db(), {
    programId,
    keeperId,
    purpose: 'Traffic stops on Elm Street',
    closedAt: new Date(),
  });
  noAddress = await addSignedInPerson(test, {
    organisationId: world.communityId,
    programId,
    role: 'resident',
  });
  await db()
    .update(people)
    .set({ email: placeholderEmailFor(noAddress.personId) })
    .where(eq(people.id, noAddress.personId));
  await insertSeat(db(), circleId, { personId: keeperId, role: 'keeper' });
  await insertSeat(db(), circleId, {
    personId: world.resident.personId,
    role: 'resident',
    language: 'es',
  });
  await insertSeat(db(), circleId, { personId: world.officer.personId, role: 'officer' });
  await insertSeat(db(), circleId, { personId: noAddress.personId, role: 'other' });
  // Closed before the survey opened, a conference's room, a training's practice: none surveyed.
  for (const extra of [
    { closedAt: new Date(Date.now() - 2 * hour) },
    { closedAt: new Date(), conference: true },
    { closedAt: new Date(), training: true },
  ]) {
    const other = await insertClosedCircle(db(), {
      programId,
      keeperId,
      purpose: 'Not this one',
      ...extra,
    });
    await insertSeat(db(), other, { personId: world.resident.personId, role: 'resident' });
  }
  const store = { db: db(), cipher: test.context.cipher };
  conferenceId = (await insertCase(store, { programId })).conferenceId;
  await db()
    .update(conferences)
    .set({ stage: 'closed', outcome: 'completed', closedAt: new Date() })
    .where(eq(conferences.id, conferenceId));
  await assignToTeam(store, conferenceId, world.coordinator.personId, world.coordinator.personId);
  await addParty('harmed', world.resident.personId, null);
  await addParty('police_rep', null, policeAddress);
  // No account and no address: nothing can reach them.
  await addParty('supporter', null, null);
  // On the case's team too: they ran it, so they are not asked how it went.
  await addParty('community_rep', world.coordinator.personId, null);
});
afterAll(async () => {
  await test?.close();
  await sink?.stop();
});

describe('the survey after a circle or a conference', () => {
  it('invites each participant who did not run it, with the role group of their seat or party', async () => {
    await test.context.jobs.enqueue(AFTER_PROCESS_JOB, {});
    await runJobs();
    const invitations = await db()
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.surveyId, surveyId));
    const of = (kind: string) =>
      invitations
        .filter((invitation) => invitation.processKind === kind)
        .map((invitation) => [invitation.personId, invitation.roleGroup])
        .sort();
    expect(of('circle')).toEqual(
      [
        [world.resident.personId, 'resident'],
        [world.officer.personId, 'officer'],
        [noAddress.personId, 'other'],
      ].sort(),
    );
    expect(of('conference')).toEqual(
      [
        [null, 'officer'],
        [world.resident.personId, 'resident'],
      ].sort(),
    );
    expect(
      invitations.every(
        (invitation) => invitation.processId === circleId || invitation.processId === conferenceId,
      ),
    ).toBe(true);
  });

  it('mails those with a real address, in their language: two minutes, anonymous, optional', async () => {
    const [circleMail, conferenceMail, ...more] = mailTo(world.resident.email);
    expect(more).toEqual([]);
    const spanish = [circleMail, conferenceMail].find((mail) => mail?.text?.includes('Elm Street'));
    expect(spanish?.subject).toBe(
      `¿Cómo le fue? Una encuesta de 2 minutos de ${world.programName}`,
    );
    expect(spanish?.text).toContain('el círculo «Traffic stops on Elm Street»');
    expect(spanish?.text).toContain('anónimas');
    expect(spanish?.text).toContain('voluntario');
    const [toPolice] = mailTo(policeAddress);
    expect(toPolice?.subject).toBe(`How did it go? A 2-minute survey from ${world.programName}`);
    expect(toPolice?.text).toMatch(/your recent conference.*about 2 minutes/s);
    expect(toPolice?.text).toContain('anonymous');
    expect(toPolice?.text).toContain('optional');
    expect(mailTo(world.officer.email)).toHaveLength(1);
    expect(mailTo(world.facilitator.email)).toEqual([]);
    expect(mailTo(world.coordinator.email)).toEqual([]);
    expect(sink.received).toHaveLength(4);

    const link = /\/answer\/([\w-]{43})/.exec(spanish?.text ?? '');
    const read = await send(test, undefined, 'GET', `/api/survey-answer/${link?.[1]}?language=es`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      state: 'open',
      kind: 'after_process',
      asksRoleGroup: false,
    });
  });

  it('leaves someone with no address to find it under my surveys', async () => {
    const listed = await send(test, noAddress, 'GET', '/api/me/surveys');
    expect((listed.json() as MySurvey[]).map((survey) => survey.about)).toEqual([
      'Circle: Traffic stops on Elm Street',
    ]);
  });

  it('sends nothing more when it runs again', async () => {
    const before = await db().select().from(surveyInvitations);
    await test.context.jobs.enqueue(AFTER_PROCESS_JOB, {});
    await runJobs();
    expect(await db().select().from(surveyInvitations)).toHaveLength(before.length);
    expect(sink.received).toHaveLength(4);
  });

  it('keeps one invitation per person and process even where the phase is none', async () => {
    const twice = () =>
      insertInvitation(db(), surveyId, {
        personId: noAddress.personId,
        processKind: 'circle',
        processId: circleId,
      });
    await expect(twice()).rejects.toMatchObject({
      cause: { code: '23505', constraint: 'survey_invitations_once' },
    });
  });
});
