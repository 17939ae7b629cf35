import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { sendDueReminders } from './reminders.ts';
import { commitments } from './schema.ts';

let test: TestApp;
let programId: string;
let policeId: string;
let coordinator: TestPerson;
let officer: TestPerson;
let today: string;

beforeAll(async () => {
  test = await startTestApp();
  today = dayIn(test.context.config.TIME_ZONE);
  const eastside = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  const program = await call(admin, `/api/organisations/${eastside}/programs`, {
    name: 'Traffic stops listening circles',
    partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
  });
  programId = program.id;
  policeId = program.organisations[1].id;
  coordinator = await addSignedInPerson(test, {
    organisationId: eastside,
    role: 'coordinator',
    programId,
  });
  officer = await addSignedInPerson(test, { organisationId: policeId, role: 'officer' });
  await test.context.database.db
    .update(people)
    .set({ language: 'es' })
    .where(eq(people.id, officer.personId));
});
afterAll(async () => {
  await test.close();
});

async function call(as: TestPerson, url: string, payload: object) {
  const response = await test.app.inject({
    method: 'POST',
    url,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    payload,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

const record = (title: string, dueInDays: number, owner: object) =>
  call(coordinator, `/api/programs/${programId}/commitments`, {
    title,
    source: 'manual',
    owner,
    dueOn: addDays(today, dueInDays),
    visibility: 'program',
  });

const remindersTo = async (address: string) =>
  (await latestOutboxMessages(test.context.database.db, 100)).filter(
    (message) => message.toAddress === address && message.template === 'commitment-reminder',
  );

describe('reminders to owners', () => {
  it('reminds once before the due day and once when it has passed, in the owner’s language', async () => {
    const soon = await record('Publish the stop data', 3, {
      kind: 'person',
      personId: officer.personId,
    });
    await record('Hold the spring circle', 40, { kind: 'person', personId: officer.personId });
    expect(await sendDueReminders(test.context)).toBe(1);
    expect(await sendDueReminders(test.context)).toBe(0);
    expect((await remindersTo(officer.email)).map((message) => message.subject)).toEqual([
      'Se acerca la fecha: Publish the stop data',
    ]);

    // The day passes with the work still open.
    await test.context.database.db
      .update(commitments)
      .set({ dueOn: addDays(today, -1) })
      .where(eq(commitments.id, soon.id));
    expect(await sendDueReminders(test.context)).toBe(1);
    expect((await remindersTo(officer.email)).map((message) => message.subject)).toContain(
      'Compromiso vencido: Publish the stop data',
    );
    expect(await sendDueReminders(test.context)).toBe(0);
  });

  it('says nothing about finished work, and reminds the recorder of an organisation’s', async () => {
    const finished = await record('Train the night shift', 2, {
      kind: 'person',
      personId: officer.personId,
    });
    await call(officer, `/api/commitments/${finished.id}/updates`, { status: 'done' });
    await record('Review the complaint form', 5, {
      kind: 'organisation',
      organisationId: policeId,
      unit: 'Professional Standards',
    });
    expect(await sendDueReminders(test.context)).toBe(1);
    expect((await remindersTo(coordinator.email)).map((message) => message.subject)).toEqual([
      'Coming due: Review the complaint form',
    ]);
    expect((await remindersTo(officer.email)).map((message) => message.subject)).not.toContain(
      'Se acerca la fecha: Train the night shift',
    );
  });
});
