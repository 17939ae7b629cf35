import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  daysAhead,
  emailsTo,
  itemBody,
} from './agreement-fixtures.ts';
import { announceAgreement } from './announce-agreement.ts';
import { runCommand } from './events.ts';
import { sendConferenceReminders } from './reminders.ts';
import { conferenceItems } from './schema.ts';
import { drive } from './testing.ts';

// Following an agreement: word to everyone when it is confirmed, and reminders and overdue
// notices by email, meetings with a calendar file.

let test: TestApp;
let world: AgreementWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildAgreementWorld(test);
});
afterAll(async () => {
  await test.close();
});

const DAY_MS = 86_400_000;
const store = () => ({ db: test.context.database.db, cipher: test.context.cipher });
const confirm = (conferenceId: string) =>
  drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);
const privateWords = ['apologises', 'bus stop', 'phone screen', 'Rosa tells'];
const setDue = (itemId: string, dueOn: string) =>
  test.context.database.db
    .update(conferenceItems)
    .set({ dueOn })
    .where(eq(conferenceItems.id, itemId));
/** The reminders about one case to an address, newest first. */
const remindersTo = async (address: string, reference: string) =>
  (await emailsTo(test, address, 'conference-item-reminder')).filter((email) =>
    email.subject.includes(reference),
  );
const subjects = async (address: string, reference: string) =>
  (await remindersTo(address, reference)).map((email) => email.subject).reverse();

describe('confirming an agreement', () => {
  it('tells each party with an address and the team what was agreed, with the meetings to add to a calendar', async () => {
    const { conferenceId, reference, responsibleId } = await caseInAgreement(test, world);
    await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const meetingAt = new Date(Date.now() + 10 * DAY_MS);
    const meeting = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'meeting',
        dueOn: daysAhead(12),
        meetingAt: meetingAt.toISOString(),
      }),
    );
    const { db } = test.context.database;
    // As the transitions route confirms it: the emails exist only if the confirmation does.
    const written = await db.transaction(async (tx) => {
      await runCommand(
        db,
        test.context.cipher,
        world.facilitator.personId,
        conferenceId,
        { type: 'confirm_agreement' },
        tx,
      );
      return announceAgreement(test.context, tx, conferenceId);
    });
    // Rosa at the address recorded for her, the officer at his account's; the supporter has none.
    expect(written).toBe(3);

    const [toRosa] = await emailsTo(test, 'rosa.medina@example.org', 'conference-agreement');
    expect(toRosa?.subject).toBe(`Acuerdo confirmado: caso ${reference}`);
    expect(toRosa?.textBody).toContain('• Disculpa: ');
    expect(toRosa?.textBody).toContain('• Reunión: ');
    expect(toRosa?.textBody).toContain(
      `${test.context.config.publicUrl}/conferences/${conferenceId}/my-part`,
    );
    const [toOfficer] = await emailsTo(test, world.officer.email, 'conference-agreement');
    expect(toOfficer?.textBody).toContain('• Apology (yours): ');
    const [toTeam] = await emailsTo(test, world.facilitator.email, 'conference-agreement');
    expect(toTeam?.textBody).toContain('is confirmed and now followed up');
    for (const email of [toRosa, toOfficer, toTeam]) {
      for (const word of privateWords) expect(email?.textBody).not.toContain(word);
      const [calendar] = email?.attachments ?? [];
      expect(calendar?.filename).toBe('meeting.ics');
      expect(calendar?.content).toContain(`UID:conference-item-${meeting.id}@`);
      expect(calendar?.content).toContain(
        `DTSTART:${meetingAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
      );
      expect(calendar?.content).not.toContain('apologises');
    }
  });
});

describe('reminders and overdue notices', () => {
  it('reminds whoever answers for an item and the team a week before its day and once after', async () => {
    const { conferenceId, reference, responsibleId } = await caseInAgreement(test, world);
    const apology = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, { dueOn: daysAhead(5) }),
    );
    const meetingAt = new Date(Date.now() + 20 * DAY_MS);
    await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'meeting',
        dueOn: daysAhead(20),
        meetingAt: meetingAt.toISOString(),
      }),
    );
    // Nothing while the agreement is still being written.
    await sendConferenceReminders(test.context);
    expect(await subjects(world.officer.email, reference)).toEqual([]);
    await confirm(conferenceId);
    await sendConferenceReminders(test.context);
    // Once each, however often the job runs.
    expect(await sendConferenceReminders(test.context)).toBe(0);
    expect(await subjects(world.officer.email, reference)).toEqual([
      `Coming due in case ${reference}: Apology`,
    ]);
    expect(await subjects(world.facilitator.email, reference)).toEqual([
      `Coming due in case ${reference}: Apology`,
    ]);
    // Rosa answers for nothing here.
    expect(await subjects('rosa.medina@example.org', reference)).toEqual([]);

    await setDue(apology.id, daysAhead(-1));
    await sendConferenceReminders(test.context);
    expect(await sendConferenceReminders(test.context)).toBe(0);
    expect(await subjects(world.officer.email, reference)).toEqual([
      `Coming due in case ${reference}: Apology`,
      `Overdue in case ${reference}: Apology`,
    ]);

    // Two weeks on, the meeting comes due, with its calendar file.
    await sendConferenceReminders(test.context, new Date(Date.now() + 14 * DAY_MS));
    const [meetingReminder] = await remindersTo(world.officer.email, reference);
    expect(meetingReminder?.subject).toBe(`Coming due in case ${reference}: Meeting`);
    expect(meetingReminder?.attachments[0]?.content).toContain('BEGIN:VEVENT');
    const all = await remindersTo(world.facilitator.email, reference);
    for (const email of all) {
      for (const word of privateWords) expect(email.textBody).not.toContain(word);
    }
  });

  it('says nothing of settled items', async () => {
    const { conferenceId, reference, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, { dueOn: daysAhead(3) }),
    );
    await confirm(conferenceId);
    await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/items/${item.id}/settle`,
      { status: 'done' },
    );
    await sendConferenceReminders(test.context);
    expect(await subjects(world.officer.email, reference)).toEqual([]);
  });

  it('reminds of each restitution payment not yet made, on its own day', async () => {
    const { conferenceId, reference, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'restitution',
        description: 'Pays for the phone screen broken at the stop.',
        dueOn: daysAhead(30),
        restitution: {
          amountCents: 30_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(3), amountCents: 10_000 },
            { dueOn: daysAhead(30), amountCents: 20_000 },
          ],
        },
      }),
    );
    await confirm(conferenceId);
    await sendConferenceReminders(test.context);
    const [first] = await remindersTo(world.officer.email, reference);
    expect(first?.textBody).toContain('a restitution payment of $100.00');
    await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/items/${item.id}/payments`,
      {
        paidOn: daysAhead(0),
        amountCents: 10_000,
      },
    );
    // The first payment was made: after its day, only the second is reminded.
    await sendConferenceReminders(test.context, new Date(Date.now() + 25 * DAY_MS));
    expect(await subjects(world.officer.email, reference)).toEqual([
      `Coming due in case ${reference}: Restitution`,
      `Coming due in case ${reference}: Restitution`,
    ]);
    const [second] = await remindersTo(world.officer.email, reference);
    expect(second?.textBody).toContain('a restitution payment of $200.00');
  });
});
