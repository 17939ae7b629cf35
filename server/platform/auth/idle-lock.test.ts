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
});
