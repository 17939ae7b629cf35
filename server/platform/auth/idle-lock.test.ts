import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { authSessions } from './schema.ts';

let test: TestApp;
let organisationId: string;

beforeAll(async () => {
  test = await startTestApp();
  organisationId = await addOrganisation(test, 'Eastside Community Trust');
});
afterAll(async () => {
  await test.close();
});

/** As if the person had made no request for that many minutes. */
async function idleFor(personId: string, minutes: number) {
  await test.context.database.db
    .update(authSessions)
    .set({ updatedAt: sql`now() - make_interval(mins => ${minutes})` })
    .where(eq(authSessions.userId, personId));
}

const me = (cookie: string) => test.app.inject({ url: '/api/me', headers: { cookie } });

describe('an idle session', () => {
  it('signs a staff member out after 30 minutes without activity', async () => {
    const facilitator = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    await idleFor(facilitator.personId, 31);
    const response = await me(facilitator.cookie);
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe(
      'You were signed out after 30 minutes without activity. Please sign in again.',
    );
    expect((await me(facilitator.cookie)).statusCode).toBe(401);
  });

  it('keeps a staff session that is in use, by counting each request as activity', async () => {
    const coordinator = await addSignedInPerson(test, { organisationId, role: 'coordinator' });
    await idleFor(coordinator.personId, 29);
    expect((await me(coordinator.cookie)).statusCode).toBe(200);
    const [session] = await test.context.database.db
      .select({ updatedAt: authSessions.updatedAt })
      .from(authSessions)
      .where(eq(authSessions.userId, coordinator.personId));
    expect(Date.now() - (session?.updatedAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it('does not sign out a resident, whose session is not a staff session', async () => {
    const resident = await addSignedInPerson(test, { organisationId, role: 'resident' });
    await idleFor(resident.personId, 45);
    expect((await me(resident.cookie)).statusCode).toBe(200);
  });

  it('ends a staff session 12 hours after sign-in, however active it was', async () => {
    const officer = await addSignedInPerson(test, { organisationId, role: 'officer' });
    await test.context.database.db
      .update(authSessions)
      .set({ createdAt: sql`now() - make_interval(hours => 12, mins => 1)`, updatedAt: sql`now()` })
      .where(eq(authSessions.userId, officer.personId));
    // better-auth's own endpoints do not honour it either, and it is gone afterwards.
    const changePassword = await test.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie: officer.cookie, origin: test.context.config.publicUrl },
      payload: { currentPassword: officer.password, newPassword: 'a brand new passphrase' },
    });
    expect(changePassword.statusCode).toBe(401);
    expect(changePassword.json().detail).toBe(
      'Staff sessions end after 12 hours. Please sign in again.',
    );
    expect((await me(officer.cookie)).statusCode).toBe(401);
  });

  it('keeps a resident who joined by link signed in for 30 days, not 12 hours', async () => {
    const resident = await addSignedInPerson(test, { organisationId, role: 'resident' });
    await test.context.database.db
      .update(authSessions)
      .set({ createdAt: sql`now() - make_interval(days => 3)` })
      .where(eq(authSessions.userId, resident.personId));
    expect((await me(resident.cookie)).statusCode).toBe(200);
    const [session] = await test.context.database.db
      .select({ createdAt: authSessions.createdAt, expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .where(eq(authSessions.userId, resident.personId));
    const days = ((session?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });
});
