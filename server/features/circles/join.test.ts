import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  emailsTo,
  plan,
  unverify,
} from './fixtures.ts';
import { circleParticipants, circles } from './schema.ts';

// Joining a circle: a resident by a link with no account, people signed in, an officer's badge,
// capacity, and every way a link can no longer be used.

let test: TestApp;
let world: CircleWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
});
afterAll(async () => {
  await test.close();
});

const seat = (name: string, extra: object = {}) => ({
  displayName: name,
  language: 'en',
  agreeToGuidelines: true,
  ...extra,
});

async function joinLinkFor(circleId: string | undefined) {
  const made = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/join-link`);
  expect(made.statusCode, made.body).toBe(201);
  return { token: circleTokenIn(made.json().url), expiresAt: made.json().expiresAt as string };
}

const byToken = (token: string, body: object, cookie?: string) =>
  send(test, cookie, 'POST', '/api/circle-join', { token, ...body });

const sessionOf = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

const seatRow = async (participantId: string) =>
  (
    await test.context.database.db
      .select()
      .from(circleParticipants)
      .where(eq(circleParticipants.id, participantId))
  )[0];

describe('joining by a link, with no account', () => {
  it('makes a resident under the chosen name, signs them in and seats them; again, the same seat', async () => {
    const [circle] = await plan(test, world, { durationMinutes: 120 });
    const { token, expiresAt } = await joinLinkFor(circle?.id);
    expect(expiresAt).toBe(
      new Date(Date.parse(circle?.startsAt ?? '') + 120 * 60_000).toISOString(),
    );

    const preview = await send(test, undefined, 'POST', '/api/circle-join/preview', { token });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      circleId: circle?.id,
      purpose: 'Traffic stops on Elm Street',
      keeperName: 'Luis Herrera',
      timeZone: 'America/Chicago',
      guidelinesVersion: 1,
      full: false,
      you: null,
      participantId: null,
    });

    const joined = await byToken(token, seat('Abuela Carmen', { language: 'es' }));
    expect(joined.statusCode, joined.body).toBe(200);
    const { participantId } = joined.json();
    const cookie = sessionOf(joined.headers['set-cookie']);
    const me = (await send(test, cookie, 'GET', '/api/me')).json();
    expect(me).toMatchObject({ name: 'Abuela Carmen', language: 'es' });
    const [person] = await test.context.database.db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.name, 'Abuela Carmen'));
    expect(isPlaceholderEmail(person?.email ?? '')).toBe(true);
    expect(await seatRow(participantId)).toMatchObject({
      displayName: 'Abuela Carmen',
      role: 'resident',
      language: 'es',
      guidelinesVersion: 1,
    });

    const detail = (await send(test, cookie, 'GET', `/api/circles/${circle?.id}`)).json();
    expect(detail).toMatchObject({ participantId, seats: 1, can: { manage: false } });
    const again = await byToken(token, seat('Carmen'), cookie);
    expect(again.json().participantId).toBe(participantId);
    expect(again.headers['set-cookie']).toBeUndefined();
    const mine = (await send(test, cookie, 'GET', '/api/circles/mine')).json();
    expect(mine.map((one: { id: string }) => one.id)).toEqual([circle?.id]);
  });

  it('refuses a name that claims a police title, and makes no one', async () => {
    const [circle] = await plan(test, world);
    const { token } = await joinLinkFor(circle?.id);
    const peopleBefore = await test.context.database.db.select({ n: count() }).from(people);
    const answer = await byToken(token, seat('Officer Díaz'));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: 'displayName', code: 'police_title' }),
    ]);
    expect(await test.context.database.db.select({ n: count() }).from(people)).toEqual(
      peopleBefore,
    );
  });

  it('seats an address’s invitee by their own link, and lists the circle as theirs after', async () => {
    const [circle] = await plan(test, world);
    await send(test, world.keeper, 'POST', `/api/circles/${circle?.id}/invitations`, {
      emails: ['by-email@example.org'],
    });
    const [email] = await emailsTo(test, 'by-email@example.org', 'circle-invitation');
    const joined = await byToken(circleTokenIn(email?.textBody ?? ''), seat('Marisol'));
    expect(joined.statusCode, joined.body).toBe(200);
    const cookie = sessionOf(joined.headers['set-cookie']);
    const mine = (await send(test, cookie, 'GET', '/api/circles/mine')).json();
    expect(mine.map((one: { id: string }) => one.id)).toEqual([circle?.id]);
  });
});

describe('how people appear', () => {
  it('always shows a verified officer as an officer, whatever they ask, and lets them use their rank', async () => {
    const [circle] = await plan(test, world);
    await send(test, world.keeper, 'POST', `/api/circles/${circle?.id}/invitations`, {
      personIds: [world.officer.personId],
    });
    const preJoin = (
      await send(test, world.officer, 'GET', `/api/circles/${circle?.id}/pre-join`)
    ).json();
    expect(preJoin.you).toEqual({
      name: 'Officer Priya Nair',
      role: 'officer',
      verifiedOfficer: true,
    });
    const joined = await send(test, world.officer, 'POST', `/api/circles/${circle?.id}/join`, {
      ...seat('Officer Nair'),
      role: 'resident',
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(await seatRow(joined.json().participantId)).toMatchObject({
      role: 'officer',
      displayName: 'Officer Nair',
    });
  });

  it('seats keepers as keepers, other staff as others, and an officer not verified yet as another', async () => {
    const [circle] = await plan(test, world);
    const join = (as: typeof world.keeper, name: string) =>
      send(test, as, 'POST', `/api/circles/${circle?.id}/join`, seat(name));
    const roleOf = async (answer: Awaited<ReturnType<typeof join>>) =>
      (await seatRow(answer.json().participantId))?.role;
    expect(await roleOf(await join(world.keeper, 'Luis'))).toBe('keeper');
    expect(await roleOf(await join(world.coKeeper, 'Sam'))).toBe('co_keeper');
    expect(await roleOf(await join(world.facilitator, 'Noor'))).toBe('other');

    const { token } = await joinLinkFor(circle?.id);
    await unverify(test, world.officer);
    try {
      const asBadge = await byToken(token, seat('Officer Nair'), world.officer.cookie);
      expect(asBadge.statusCode).toBe(400);
      const joined = await byToken(token, seat('Priya'), world.officer.cookie);
      expect(joined.statusCode, joined.body).toBe(200);
      expect(await roleOf(joined)).toBe('other');
    } finally {
      await test.context.database.db
        .update(memberships)
        .set({ verifiedAt: new Date() })
        .where(eq(memberships.personId, world.officer.personId));
    }
  });

  it('refuses the signed-in join to someone not asked to the circle', async () => {
    const [circle] = await plan(test, world);
    const answer = await send(
      test,
      world.resident,
      'POST',
      `/api/circles/${circle?.id}/join`,
      seat('Rosa'),
    );
    expect(answer.statusCode).toBe(404);
  });
});

describe('capacity', () => {
  it('refuses a seat once the circle is full, but the keeper always has theirs', async () => {
    const [circle] = await plan(test, world, { capacity: 5 });
    const { token } = await joinLinkFor(circle?.id);
    for (const name of ['Ana', 'Bea', 'Cruz', 'Dani', 'Eli']) {
      expect((await byToken(token, seat(name))).statusCode).toBe(200);
    }
    const preview = await send(test, undefined, 'POST', '/api/circle-join/preview', { token });
    expect(preview.json().full).toBe(true);
    const sixth = await byToken(token, seat('Fer'));
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().detail).toMatch(/This circle is full/);
    const keeper = await send(
      test,
      world.keeper,
      'POST',
      `/api/circles/${circle?.id}/join`,
      seat('Luis'),
    );
    expect(keeper.statusCode, keeper.body).toBe(200);
    const [seats] = await test.context.database.db
      .select({ n: count() })
      .from(circleParticipants)
      .where(eq(circleParticipants.circleId, circle?.id ?? ''));
    expect(seats?.n).toBe(6);
  });
});

describe('links that no longer work', () => {
  it('answers each with its own clear refusal', async () => {
    const { db } = test.context.database;
    const unknown = await byToken('x'.repeat(43), seat('Kim'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('token');

    const [revokedCircle] = await plan(test, world);
    const revoked = await joinLinkFor(revokedCircle?.id);
    const ended = await send(
      test,
      world.keeper,
      'DELETE',
      `/api/circles/${revokedCircle?.id}/join-link`,
    );
    expect(ended.statusCode).toBe(204);
    expect((await byToken(revoked.token, seat('Kim'))).statusCode).toBe(400);

    const [expiredCircle] = await plan(test, world);
    const expired = await joinLinkFor(expiredCircle?.id);
    await db
      .update(circles)
      .set({ joinLinkExpiresAt: new Date(Date.now() - 1_000) })
      .where(eq(circles.id, expiredCircle?.id ?? ''));
    const gone = await send(test, undefined, 'POST', '/api/circle-join/preview', {
      token: expired.token,
    });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().detail).toMatch(/expired/);

    const [cancelledCircle] = await plan(test, world);
    const cancelled = await joinLinkFor(cancelledCircle?.id);
    await send(test, world.keeper, 'POST', `/api/circles/${cancelledCircle?.id}/invitations`, {
      emails: ['cancelled-invitee@example.org'],
    });
    await send(test, world.keeper, 'POST', `/api/circles/${cancelledCircle?.id}/cancel`);
    // Cancelling ends the join link, so its token names nothing any more; an invitation says why.
    expect((await byToken(cancelled.token, seat('Kim'))).statusCode).toBe(400);
    const [invitation] = await emailsTo(test, 'cancelled-invitee@example.org', 'circle-invitation');
    const cancelledAnswer = await byToken(circleTokenIn(invitation?.textBody ?? ''), seat('Kim'));
    expect(cancelledAnswer.statusCode).toBe(410);
    expect(cancelledAnswer.json().detail).toMatch(/This circle was cancelled/);

    const [closedCircle] = await plan(test, world);
    const closed = await joinLinkFor(closedCircle?.id);
    await db
      .update(circles)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(circles.id, closedCircle?.id ?? ''));
    const closedAnswer = await byToken(closed.token, seat('Kim'));
    expect(closedAnswer.statusCode).toBe(410);
    expect(closedAnswer.json().detail).toBe('This circle has closed.');
  });

  it('keeps an invitation to an account for that account', async () => {
    const [circle] = await plan(test, world);
    await send(test, world.keeper, 'POST', `/api/circles/${circle?.id}/invitations`, {
      personIds: [world.resident.personId],
    });
    const [email] = await emailsTo(test, world.resident.email, 'circle-invitation');
    const token = circleTokenIn(email?.textBody ?? '');
    expect((await byToken(token, seat('Someone'))).statusCode).toBe(401);
    expect((await byToken(token, seat('Someone'), world.facilitator.cookie)).statusCode).toBe(409);
    const own = await byToken(token, seat('Rosa'), world.resident.cookie);
    expect(own.statusCode, own.body).toBe(200);
  });
});
