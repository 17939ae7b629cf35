import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { authAccounts, authVerifications, people } from '../../platform/auth/schema.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// Changing passkeys asks for the password again: someone who finds an open session cannot add
// their own way in.

let test: TestApp;
let organisationId: string;

beforeAll(async () => {
  test = await startTestApp();
  organisationId = await addOrganisation(test, 'Eastside Community Trust');
});
afterAll(async () => {
  await test.close();
});

const headersOf = (person: TestPerson) => ({
  cookie: person.cookie,
  origin: test.context.config.publicUrl,
});
const passkeyOptions = (person: TestPerson) =>
  test.app.inject({
    url: '/api/auth/passkey/generate-register-options',
    headers: headersOf(person),
  });
const reauthenticate = (person: TestPerson, password: string) =>
  test.app.inject({
    method: 'POST',
    url: '/api/me/reauthenticate',
    headers: headersOf(person),
    payload: { password },
  });

describe('re-authentication before changing passkeys', () => {
  it('asks staff for their password first, and it counts for 5 minutes for this session', async () => {
    const facilitator = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const refused = await passkeyOptions(facilitator);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/^Type your password again first/);

    const wrong = await reauthenticate(facilitator, 'not my password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('password');
    expect((await passkeyOptions(facilitator)).statusCode).toBe(403);

    expect((await reauthenticate(facilitator, facilitator.password)).statusCode).toBe(204);
    expect((await passkeyOptions(facilitator)).statusCode).toBe(200);

    await test.context.database.db
      .update(authVerifications)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${authVerifications.identifier} like 'reauthenticated:%'`);
    expect((await passkeyOptions(facilitator)).statusCode).toBe(403);
  });

  it('counts for the session that typed it, not for another one of the same person', async () => {
    const coordinator = await addSignedInPerson(test, { organisationId, role: 'coordinator' });
    expect((await reauthenticate(coordinator, coordinator.password)).statusCode).toBe(204);
    // Signed in on another device, the second factor taken as given (as in testing/people.ts).
    const secondFactor = (enabled: boolean) =>
      test.context.database.db
        .update(people)
        .set({ twoFactorEnabled: enabled })
        .where(eq(people.id, coordinator.personId));
    await secondFactor(false);
    const signedIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: coordinator.email, password: coordinator.password },
    });
    await secondFactor(true);
    const otherDevice = {
      ...coordinator,
      cookie: String(signedIn.headers['set-cookie']).split(';')[0] ?? '',
    };
    expect((await passkeyOptions(otherDevice)).statusCode).toBe(403);
    expect((await passkeyOptions(coordinator)).statusCode).toBe(200);
  });

  it('does not ask a resident who joined by link, who has no password', async () => {
    const resident = await addSignedInPerson(test, { organisationId, role: 'resident' });
    const { db } = test.context.database;
    await db.delete(authAccounts).where(eq(authAccounts.userId, resident.personId));
    await db
      .update(people)
      .set({ email: placeholderEmailFor(resident.personId) })
      .where(eq(people.id, resident.personId));
    expect((await passkeyOptions(resident)).statusCode).toBe(200);
  });
});
