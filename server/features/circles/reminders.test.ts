import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  emailsTo,
  localDaysAhead,
  plan,
  ZONE,
} from './fixtures.ts';
import { sendCircleReminders } from './reminders.ts';
import { circleInvitees } from './schema.ts';

// Reminders a day and an hour before a circle: once each per person, with their own link, in
// their language, whether they were invited or took a seat by a join link; none for a cancelled
// circle. The job is run at chosen moments.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

const HOUR_MS = 3_600_000;
const ahead = (startsAt: string | undefined, ms: number) =>
  new Date(new Date(startsAt ?? 0).getTime() - ms);

/** The local date and time in the program's zone, `ms` from now. */
function localIn(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + ms));
  return parts.replace(', ', 'T');
}

const invite = (circleId: string | undefined, payload: object) =>
  send(test, world.keeper, 'POST', `/api/circles/${circleId}/invitations`, payload);

const seat = (displayName: string, language = 'en') => ({
  displayName,
  language,
  agreeToGuidelines: true,
});

async function joinLinkFor(circleId: string): Promise<string> {
  const made = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/join-link`);
  expect(made.statusCode, made.body).toBe(201);
  return circleTokenIn(made.json().url);
}

async function byToken(token: string, body: object, as?: TestPerson) {
  const joined = await send(test, as, 'POST', '/api/circle-join', { token, ...body });
  expect(joined.statusCode, joined.body).toBe(200);
}

/** The reminders an address got, oldest first; only those about one circle, when it is named. */
const subjects = async (address: string, purpose?: string) =>
  (await emailsTo(test, address, 'circle-reminder'))
    .map((email) => email.subject)
    .filter((subject) => purpose === undefined || subject.endsWith(`: ${purpose}`))
    .reverse();

describe('circle reminders', () => {
  it('reminds each invitee once a day before and once an hour before, with their own link', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'Stops near the school',
      startsAtLocal: localDaysAhead(4),
    });
    await invite(circle?.id, {
      personIds: [world.resident.personId],
      emails: ['reminded@example.org'],
    });
    const send = (at: Date) => sendCircleReminders(test.context, at);

    expect(await send(ahead(circle?.startsAt, 25 * HOUR_MS))).toBe(0);
    expect(await send(ahead(circle?.startsAt, 23 * HOUR_MS))).toBe(2);
    expect(await send(ahead(circle?.startsAt, 22 * HOUR_MS))).toBe(0);
    expect(await send(ahead(circle?.startsAt, 50 * 60_000))).toBe(2);
    expect(await send(ahead(circle?.startsAt, 10 * 60_000))).toBe(0);

    expect(await subjects(world.resident.email)).toEqual([
      'Se acerca su círculo: Stops near the school',
      'Su círculo empieza pronto: Stops near the school',
    ]);
    expect(await subjects('reminded@example.org')).toEqual([
      'Your circle is coming up: Stops near the school',
      'Your circle starts soon: Stops near the school',
    ]);
    // The reminder's link is the one the invitation gave.
    const [invitation] = await emailsTo(test, 'reminded@example.org', 'circle-invitation');
    const [reminder] = await emailsTo(test, 'reminded@example.org', 'circle-reminder');
    expect(circleTokenIn(reminder?.textBody ?? '')).toBe(circleTokenIn(invitation?.textBody ?? ''));
    const rows = await test.context.database.db
      .select()
      .from(circleInvitees)
      .where(eq(circleInvitees.circleId, circle?.id ?? ''));
    for (const row of rows) {
      expect(row.reminded24hAt).not.toBeNull();
      expect(row.reminded1hAt).not.toBeNull();
    }
  });

  it('sends only the hour’s reminder when the day’s moment has passed unsent', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'Late planning',
      startsAtLocal: localDaysAhead(5),
    });
    await invite(circle?.id, { emails: ['late@example.org'] });
    expect(await sendCircleReminders(test.context, ahead(circle?.startsAt, 30 * 60_000))).toBe(1);
    expect(await sendCircleReminders(test.context, ahead(circle?.startsAt, 20 * 60_000))).toBe(0);
    expect(await subjects('late@example.org')).toEqual(['Your circle starts soon: Late planning']);
  });

  it('counts the invitation as the day’s reminder for someone invited within the day', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'This afternoon',
      startsAtLocal: localIn(3 * HOUR_MS),
    });
    await invite(circle?.id, { emails: ['soon@example.org'] });
    expect(await sendCircleReminders(test.context)).toBe(0);
    expect(await sendCircleReminders(test.context, ahead(circle?.startsAt, 40 * 60_000))).toBe(1);
    expect(await subjects('soon@example.org')).toEqual(['Your circle starts soon: This afternoon']);
  });

  it('says nothing about a circle that was cancelled', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'Cancelled circle',
      startsAtLocal: localDaysAhead(6),
    });
    await invite(circle?.id, { emails: ['cancelled@example.org'] });
    await send(test, world.keeper, 'POST', `/api/circles/${circle?.id}/cancel`);
    expect(await sendCircleReminders(test.context, ahead(circle?.startsAt, 23 * HOUR_MS))).toBe(0);
    expect(await sendCircleReminders(test.context, ahead(circle?.startsAt, 30 * 60_000))).toBe(0);
    expect(await subjects('cancelled@example.org')).toEqual([]);
  });

  it('reminds people seated by the join link too, once each however they came', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'Seats by link',
      startsAtLocal: localDaysAhead(8),
    });
    const circleId = circle?.id ?? '';
    // Asked by account, and seated ahead of time as well.
    await invite(circleId, { personIds: [world.resident.personId] });
    await send(test, world.resident, 'POST', `/api/circles/${circleId}/join`, seat('Rosa', 'es'));
    // Asked at his address, then in by the join link with his account of that address.
    await invite(circleId, { emails: [world.officer.email] });
    const token = await joinLinkFor(circleId);
    await byToken(token, seat('Priya'), world.officer);
    // Only by the link: a staff member signed in, and a resident with no account.
    await byToken(token, seat('Noor'), world.facilitator);
    await byToken(token, seat('Kim'));
    // Asked at an address, and in by that invitation on a phone, giving no address.
    await invite(circleId, { emails: ['phone@example.org'] });
    const [invitation] = await emailsTo(test, 'phone@example.org', 'circle-invitation');
    await byToken(circleTokenIn(invitation?.textBody ?? ''), seat('Dee'));
    // The keeper takes their seat; it is their own circle.
    await send(test, world.keeper, 'POST', `/api/circles/${circleId}/join`, seat('Luis', 'es'));

    for (const before of [23 * HOUR_MS, 22 * HOUR_MS, 50 * 60_000, 10 * 60_000]) {
      await sendCircleReminders(test.context, ahead(circle?.startsAt, before));
    }

    expect(await subjects(world.facilitator.email, 'Seats by link')).toEqual([
      'Your circle is coming up: Seats by link',
      'Your circle starts soon: Seats by link',
    ]);
    const [toNoor] = await emailsTo(test, world.facilitator.email, 'circle-reminder');
    expect(toNoor?.textBody).toContain(`${test.context.config.publicUrl}/circles/${circleId}`);
    expect(await subjects(world.resident.email, 'Seats by link')).toEqual([
      'Se acerca su círculo: Seats by link',
      'Su círculo empieza pronto: Seats by link',
    ]);
    expect(await subjects(world.officer.email, 'Seats by link')).toEqual([
      'Your circle is coming up: Seats by link',
      'Your circle starts soon: Seats by link',
    ]);
    expect(await subjects('phone@example.org')).toEqual([
      'Your circle is coming up: Seats by link',
      'Your circle starts soon: Seats by link',
    ]);
    expect(await subjects(world.keeper.email, 'Seats by link')).toEqual([]);
    const toPlaceholders = (await latestOutboxMessages(test.context.database.db, 500)).filter(
      (message) => isPlaceholderEmail(message.toAddress),
    );
    expect(toPlaceholders).toEqual([]);
  });

  it('reminds someone seated by the link and invited later only once for each moment', async () => {
    const [circle] = await plan(test, world, {
      purpose: 'Invited after joining',
      startsAtLocal: localIn(20 * HOUR_MS),
    });
    const circleId = circle?.id ?? '';
    await byToken(await joinLinkFor(circleId), seat('Amara'), world.coordinator);
    // The day's reminder goes to the seat; the invitation, within the day, stands for it too.
    await sendCircleReminders(test.context);
    await invite(circleId, { personIds: [world.coordinator.personId] });
    for (const before of [50 * 60_000, 10 * 60_000]) {
      await sendCircleReminders(test.context, ahead(circle?.startsAt, before));
    }
    expect(await subjects(world.coordinator.email, 'Invited after joining')).toEqual([
      'Your circle is coming up: Invited after joining',
      'Your circle starts soon: Invited after joining',
    ]);
  });
});
