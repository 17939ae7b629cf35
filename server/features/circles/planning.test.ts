import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  instantAt,
  localDaysAhead,
  plan,
  planBody,
} from './fixtures.ts';
import { circleSeries, circles } from './schema.ts';

// Planning circles through the HTTP API: who may plan and keep them, the local time that stays
// put across a change of the clocks, who sees which circles, and cancelling.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

const circlesUrl = () => `/api/programs/${world.programId}/circles`;

const auditCount = async (action: string, targetId: string) =>
  (
    await test.context.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)))
  )[0]?.n;

describe('planning a circle', () => {
  it('plans one circle at the local time asked, in the program’s zone, and audits it', async () => {
    const startsAtLocal = localDaysAhead(5, '18:30');
    const [circle] = await plan(test, world, { startsAtLocal, capacity: 8 });
    expect(circle).toMatchObject({
      startsAt: instantAt(startsAtLocal).toISOString(),
      timeZone: 'America/Chicago',
      status: 'scheduled',
      capacity: 8,
      seats: 0,
      keeper: { id: world.keeper.personId, name: 'Luis Herrera' },
      coKeeper: { id: world.coKeeper.personId, name: 'Sam Whitfield' },
      series: null,
      programName: 'Neighbourhood listening circles',
    });
    expect(await auditCount('circle.planned', circle?.id ?? '')).toBe(1);
  });

  it('plans a weekly series that stays at 6 pm local time across the end of daylight time', async () => {
    const year = new Date().getUTCFullYear() + 1;
    // The clocks go back on the first Sunday of November in Chicago.
    const planned = await plan(test, world, {
      startsAtLocal: `${year}-10-20T18:00`,
      repeat: 'weekly',
      count: 4,
    });
    const localHour = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      hour: 'numeric',
      minute: '2-digit',
      weekday: 'long',
    });
    const weekday = localHour.format(instantAt(`${year}-10-20T18:00`));
    expect(weekday).toMatch(/ 6:00 PM$/);
    expect(planned.map((circle) => localHour.format(new Date(circle.startsAt)))).toEqual(
      Array(4).fill(weekday),
    );
    // Five hours behind UTC before the change, six after: the instants move, the local time not.
    expect(new Set(planned.map((circle) => new Date(circle.startsAt).getUTCHours()))).toEqual(
      new Set([23, 0]),
    );
    const seriesId = (planned[0] as unknown as { series: { id: string } }).series.id;
    const { db } = test.context.database;
    expect(await db.select().from(circleSeries).where(eq(circleSeries.id, seriesId))).toEqual([
      expect.objectContaining({ repeat: 'weekly', count: 4 }),
    ]);
    const rows = await db.select().from(circles).where(eq(circles.seriesId, seriesId));
    expect(rows.map((row) => row.seriesPosition).sort()).toEqual([1, 2, 3, 4]);
  });

  it('plans a circle in a zone of its own when asked', async () => {
    const startsAtLocal = localDaysAhead(4, '10:00', 'Europe/Madrid');
    const [circle] = await plan(test, world, { startsAtLocal, timeZone: 'Europe/Madrid' });
    expect(circle?.startsAt).toBe(instantAt(startsAtLocal, 'Europe/Madrid').toISOString());
  });

  it('refuses keepers who do not facilitate the program, a time passed, a day that does not exist', async () => {
    const refusals: [object, string][] = [
      [{ keeperId: world.resident.personId }, 'keeperId'],
      [{ keeperId: world.outsider.personId }, 'keeperId'],
      [{ coKeeperId: world.keeper.personId }, 'coKeeperId'],
      [{ coKeeperId: world.officer.personId }, 'coKeeperId'],
      [{ timeZone: 'Moon/Tranquility' }, 'timeZone'],
      [{ startsAtLocal: localDaysAhead(-1) }, 'startsAtLocal'],
      [{ startsAtLocal: `${new Date().getUTCFullYear() + 1}-02-30T18:00` }, 'startsAtLocal'],
      [{ repeat: 'monthly', count: 1 }, 'count'],
      [{ capacity: 31 }, 'capacity'],
    ];
    const before = await test.context.database.db.select({ n: count() }).from(circles);
    for (const [overrides, field] of refusals) {
      const answer = await send(test, world.coordinator, 'POST', circlesUrl(), {
        ...planBody(world),
        ...overrides,
      });
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await test.context.database.db.select({ n: count() }).from(circles)).toEqual(before);
  });

  it('lets facilitators and coordinators plan, and no one else', async () => {
    const byFacilitator = await send(
      test,
      world.facilitator,
      'POST',
      circlesUrl(),
      planBody(world),
    );
    expect(byFacilitator.statusCode).toBe(201);
    for (const person of [world.resident, world.officer, world.outsider]) {
      const answer = await send(test, person, 'POST', circlesUrl(), planBody(world));
      expect(answer.statusCode).toBe(403);
    }
  });

  it('offers the program’s facilitators, coordinators and admins as keepers, and its people to invite', async () => {
    const answer = await send(
      test,
      world.keeper,
      'GET',
      `/api/programs/${world.programId}/circle-people`,
    );
    expect(answer.statusCode).toBe(200);
    const { keepers, invitable } = answer.json();
    expect(keepers.map((person: { name: string }) => person.name).sort()).toEqual([
      'Amara Johnson',
      'Grace Okafor',
      'Luis Herrera',
      'Noor Haddad',
      'Sam Whitfield',
    ]);
    const roleOf = (name: string) =>
      invitable.find((person: { name: string }) => person.name === name)?.role;
    expect(roleOf('Officer Priya Nair')).toBe('officer');
    expect(roleOf('Rosa Medina')).toBe('resident');
    expect(roleOf('Noor Haddad')).toBe('other');
    expect(roleOf('Jo Baker')).toBeUndefined();
  });
});

describe('who sees which circles', () => {
  it('shows staff every circle of the program, and a resident only the ones they were asked to', async () => {
    const [asked] = await plan(test, world, { purpose: 'Asked circle' });
    const [unasked] = await plan(test, world, { purpose: 'Unasked circle' });
    const invited = await send(
      test,
      world.keeper,
      'POST',
      `/api/circles/${asked?.id}/invitations`,
      {
        personIds: [world.resident.personId],
      },
    );
    expect(invited.statusCode, invited.body).toBe(200);

    const ids = async (as: typeof world.resident, url: string) =>
      (await send(test, as, 'GET', url)).json().map((circle: { id: string }) => circle.id);
    expect(await ids(world.officer, circlesUrl())).toEqual(
      expect.arrayContaining([asked?.id, unasked?.id]),
    );
    expect(await ids(world.resident, circlesUrl())).toEqual([asked?.id]);
    expect(await ids(world.resident, '/api/circles/mine')).toEqual([asked?.id]);
    expect(await ids(world.keeper, '/api/circles/mine')).toEqual(
      expect.arrayContaining([asked?.id, unasked?.id]),
    );

    const mine = await send(test, world.resident, 'GET', `/api/circles/${asked?.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      can: { manage: false, join: true },
      invitees: [],
      supportResources: 'Crisis line: 988.',
      participantId: null,
    });
    expect(
      (await send(test, world.resident, 'GET', `/api/circles/${unasked?.id}`)).statusCode,
    ).toBe(404);
    expect((await send(test, world.outsider, 'GET', `/api/circles/${asked?.id}`)).statusCode).toBe(
      403,
    );

    const asKeeper = (await send(test, world.keeper, 'GET', `/api/circles/${asked?.id}`)).json();
    expect(asKeeper.can.manage).toBe(true);
    expect(asKeeper.invitees.map((invitee: { name: string }) => invitee.name)).toEqual([
      'Rosa Medina',
    ]);
  });
});

describe('cancelling', () => {
  it('lets the keeper cancel, not a facilitator of another circle, and only once', async () => {
    const [circle] = await plan(test, world);
    const url = `/api/circles/${circle?.id}/cancel`;
    expect((await send(test, world.facilitator, 'POST', url)).statusCode).toBe(403);
    expect((await send(test, world.resident, 'POST', url)).statusCode).toBe(403);
    const cancelled = await send(test, world.keeper, 'POST', url);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', joinLink: null });
    const again = await send(test, world.coordinator, 'POST', url);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This circle was cancelled already.');
    expect(await auditCount('circle.cancelled', circle?.id ?? '')).toBe(1);
  });
});
