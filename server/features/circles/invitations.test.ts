import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  emailsTo,
  eventsOf,
  instantAt,
  plan,
} from './fixtures.ts';
import { circleInvitees } from './schema.ts';

// Inviting people to circles: the email in the invitee's language with their own link, the
// calendar file it carries (the right instant, in the circle's zone), series, and the same file
// for download.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

const invite = (circleId: string | undefined, payload: object, as = world.keeper) =>
  send(test, as, 'POST', `/api/circles/${circleId}/invitations`, payload);

describe('inviting people to a circle', () => {
  it('emails each invitee in their language, with their own link and the circle in its zone', async () => {
    const [circle] = await plan(test, world, { startsAtLocal: '2030-06-12T18:00' });
    const answer = await invite(circle?.id, {
      personIds: [world.resident.personId, world.officer.personId],
      emails: ['Vecina@Example.org'],
      language: 'es',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ invited: 3 });

    const [toResident] = await emailsTo(test, world.resident.email, 'circle-invitation');
    const [toAddress] = await emailsTo(test, 'vecina@example.org', 'circle-invitation');
    const [toOfficer] = await emailsTo(test, world.officer.email, 'circle-invitation');
    expect(toResident?.subject).toBe('Invitación a un círculo: Traffic stops on Elm Street');
    expect(toResident?.textBody).toContain('Cuándo: miércoles, 12 de junio de 2030, 18:00 GMT-5');
    expect(toResident?.textBody).toContain('Lo guía Luis Herrera');
    expect(toAddress?.subject).toBe('Invitación a un círculo: Traffic stops on Elm Street');
    expect(toOfficer?.subject).toBe('Invitation to a circle: Traffic stops on Elm Street');
    expect(toOfficer?.textBody).toContain('When: Wednesday, June 12, 2030 at 6:00 PM CDT');

    // Each link is the reader's own; its token opens the page before joining.
    const tokens = [toResident, toAddress, toOfficer].map((email) =>
      circleTokenIn(email?.textBody ?? ''),
    );
    expect(new Set(tokens).size).toBe(3);
    const preview = await send(test, undefined, 'POST', '/api/circle-join/preview', {
      token: tokens[1],
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ circleId: circle?.id, keeperName: 'Luis Herrera' });

    // The calendar file: one event, at 6 pm in Chicago, with the zone's rules beside it.
    const [file] = toOfficer?.attachments ?? [];
    expect(file?.contentType).toMatch(/^text\/calendar/);
    const { events, timezones } = eventsOf(file?.content ?? '');
    expect(timezones).toEqual(['America/Chicago']);
    expect(events).toEqual([
      expect.objectContaining({
        zone: 'America/Chicago',
        localStart: '20300612T180000',
        status: 'CONFIRMED',
        url: `${test.context.config.publicUrl}/circles/join#${tokens[2]}`,
      }),
    ]);
    expect(events[0]?.start.toISOString()).toBe(circle?.startsAt);
    expect(events[0]?.start.toISOString()).toBe('2030-06-12T23:00:00.000Z');
  });

  it('keeps addresses sealed, invites no one twice, and audits it without names', async () => {
    const [circle] = await plan(test, world);
    const payload = { personIds: [world.resident.personId], emails: ['neighbour@example.org'] };
    expect((await invite(circle?.id, payload)).json()).toEqual({ invited: 2 });
    expect((await invite(circle?.id, payload)).json()).toEqual({ invited: 0 });
    expect(await emailsTo(test, 'neighbour@example.org', 'circle-invitation')).toHaveLength(1);
    const rows = await test.context.database.db
      .select()
      .from(circleInvitees)
      .where(eq(circleInvitees.circleId, circle?.id ?? ''));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('neighbour@example.org');
    const [audited] = await test.context.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'circle.invited'), eq(auditEvents.targetId, circle?.id ?? '')),
      );
    expect(audited?.n).toBe(2);
  });

  it('covers a series from the circle invited to, one event per circle, each at 6 pm across the change of the clocks', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const series = await plan(test, world, {
      startsAtLocal: `${year}-10-18T18:00`,
      repeat: 'weekly',
      count: 5,
    });
    // Invited to the second circle: it and the three after it.
    expect((await invite(series[1]?.id, { emails: ['series@example.org'] })).json()).toEqual({
      invited: 1,
    });
    const [email] = await emailsTo(test, 'series@example.org', 'circle-invitation');
    expect(email?.textBody).toContain('It is the first of 4 circles');
    const { events } = eventsOf(email?.attachments[0]?.content ?? '');
    expect(events.map((event) => event.start.toISOString())).toEqual(
      series.slice(1).map((circle) => circle.startsAt),
    );
    expect(new Set(events.map((event) => event.localStart.slice(9)))).toEqual(new Set(['180000']));
    expect(new Set(events.map((event) => event.start.getUTCHours()))).toEqual(new Set([23, 0]));
    expect(new Set(events.map((event) => event.uid)).size).toBe(4);
    expect(new Set(events.map((event) => event.url)).size).toBe(4);
    expect(events[0]?.start.toISOString()).toBe(instantAt(`${year}-10-25T18:00`).toISOString());
  });

  it('refuses people who are not of the program, and lets only those who manage the circle invite', async () => {
    const [circle] = await plan(test, world);
    const stranger = await invite(circle?.id, { personIds: [world.outsider.personId] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([expect.objectContaining({ field: 'personIds.0' })]);
    const nobody = await invite(circle?.id, {});
    expect(nobody.statusCode).toBe(400);
    for (const as of [world.resident, world.facilitator, world.officer]) {
      expect((await invite(circle?.id, { emails: ['x@example.org'] }, as)).statusCode).toBe(403);
    }
    expect(
      (await invite(circle?.id, { emails: ['y@example.org'] }, world.coordinator)).statusCode,
    ).toBe(200);
  });
});

describe('the calendar file for download', () => {
  it('gives an invitee the same events with their own link, and refuses those not asked', async () => {
    const [circle] = await plan(test, world, { startsAtLocal: '2031-01-15T09:30' });
    await invite(circle?.id, { personIds: [world.resident.personId] });
    const [email] = await emailsTo(test, world.resident.email, 'circle-invitation');
    const downloaded = await send(
      test,
      world.resident,
      'GET',
      `/api/circles/${circle?.id}/calendar.ics`,
    );
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toMatch(/^text\/calendar/);
    const fromEmail = eventsOf(email?.attachments[0]?.content ?? '').events;
    const fromDownload = eventsOf(downloaded.body).events;
    expect(fromDownload).toEqual(fromEmail);
    expect(fromDownload[0]?.localStart).toBe('20310115T093000');
    expect(fromDownload[0]?.start.toISOString()).toBe('2031-01-15T15:30:00.000Z');

    const asStaff = await send(
      test,
      world.officer,
      'GET',
      `/api/circles/${circle?.id}/calendar.ics`,
    );
    expect(eventsOf(asStaff.body).events[0]?.url).toBe(
      `${test.context.config.publicUrl}/circles/${circle?.id}`,
    );
    const [other] = await plan(test, world);
    expect(
      (await send(test, world.resident, 'GET', `/api/circles/${other?.id}/calendar.ics`))
        .statusCode,
    ).toBe(404);
  });
});
