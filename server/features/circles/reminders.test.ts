import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  emailsTo,
  localDaysAhead,
  plan,
  send,
  ZONE,
} from './fixtures.ts';
import { sendCircleReminders } from './reminders.ts';
import { circleInvitees } from './schema.ts';

// Reminders a day and an hour before a circle: once each per invitee, with their own link, in
// their language; none for a cancelled circle. The job is run at chosen moments.

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

const subjects = async (address: string) =>
  (await emailsTo(test, address, 'circle-reminder')).map((email) => email.subject).reverse();

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
});
