import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { authSessions, people, twoFactorSecrets } from './schema.ts';

// better-auth answers more than sign-in under /api/auth/*. Where Restorativ has its own route
// with its own rules (PATCH /api/me, POST /api/me/email, /api/me/sessions), better-auth's is
// closed, so that it is no way around them; the rest keep to the same rules.

let test: TestApp;
let organisationId: string;

beforeAll(async () => {
  test = await startTestApp();
  organisationId = await addOrganisation(test, 'Eastside Community Trust');
});
afterAll(async () => {
  await test.close();
});

const post = (cookie: string, url: string, payload: object = {}) =>
  test.app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: test.context.config.publicUrl },
    payload,
  });

const saved = async (personId: string) =>
  (await test.context.database.db.select().from(people).where(eq(people.id, personId)))[0];

const me = (cookie: string) => test.app.inject({ url: '/api/me', headers: { cookie } });

describe("better-auth's own account endpoints", () => {
  let person: TestPerson;
  beforeAll(async () => {
    person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
  });

  it.each([
    '/api/auth/update-user',
    '/api/auth//update-user',
    '/api/auth/update-user/',
    '/api/auth/Update-User',
    '/api/auth/%75pdate-user',
  ])('refuses a change of name or language through %s', async (url) => {
    const response = await post(person.cookie, url, { name: 'Changed', language: 'fr' });
    expect(response.statusCode).toBe(404);
    expect(await saved(person.personId)).toMatchObject({ name: 'facilitator', language: 'en' });
  });

  it('refuses a change of email address without the password', async () => {
    const response = await post(person.cookie, '/api/auth/change-email', {
      newEmail: 'taken-over@example.org',
    });
    expect(response.statusCode).toBe(404);
    expect((await saved(person.personId))?.email).toBe(person.email);
  });

  it('refuses to list sessions, or end or extend one, outside /api/me/sessions', async () => {
    const [session] = await test.context.database.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.userId, person.personId));
    const listed = await test.app.inject({
      url: '/api/auth/list-sessions',
      headers: { cookie: person.cookie },
    });
    expect(listed.statusCode).toBe(404);
    const revoke = await post(person.cookie, '/api/auth/revoke-session', { token: session?.token });
    expect(revoke.statusCode).toBe(404);
    const extend = await post(person.cookie, '/api/auth/update-session', {
      expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    });
    expect(extend.statusCode).toBe(404);
    expect((await me(person.cookie)).statusCode).toBe(200);
    const [after] = await test.context.database.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.id, session?.id ?? ''));
    expect(after?.expiresAt).toEqual(session?.expiresAt);
  });
});

describe('changing the password', () => {
  it('needs the current password', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const missing = await post(person.cookie, '/api/auth/change-password', {
      newPassword: 'a brand new passphrase',
    });
    expect(missing.statusCode).toBe(400);
    const wrong = await post(person.cookie, '/api/auth/change-password', {
      newPassword: 'a brand new passphrase',
      currentPassword: 'not the password',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await me(person.cookie)).statusCode).toBe(200);
  });

  it('signs out every other session, even when not asked to', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'resident' });
    const elsewhere = await signInElsewhere(person);
    const changed = await post(person.cookie, '/api/auth/change-password', {
      newPassword: 'a brand new passphrase',
      currentPassword: person.password,
      revokeOtherSessions: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.body).not.toMatch(/"token"/);
    expect((await me(elsewhere)).statusCode).toBe(401);
    const renewed = String(changed.headers['set-cookie']).split(';')[0] ?? '';
    expect((await me(renewed)).statusCode).toBe(200);
  });
});

describe('turning off the second factor', () => {
  it.each(['/api/auth/two-factor/disable', '/api/auth/two-factor//disable'])(
    'is refused to staff through %s, who keep theirs',
    async (url) => {
      const staff = await addSignedInPerson(test, { organisationId, role: 'coordinator' });
      await test.context.database.db.insert(twoFactorSecrets).values({
        id: crypto.randomUUID(),
        userId: staff.personId,
        secret: 'an encrypted secret',
        backupCodes: 'encrypted backup codes',
        verified: true,
      });
      const response = await post(staff.cookie, url, { password: staff.password });
      expect(response.statusCode).toBe(403);
      expect((await saved(staff.personId))?.twoFactorEnabled).toBe(true);
      const secrets = await test.context.database.db
        .select()
        .from(twoFactorSecrets)
        .where(eq(twoFactorSecrets.userId, staff.personId));
      expect(secrets).toHaveLength(1);
    },
  );
});

/** A second browser signed in as the same person. */
async function signInElsewhere(person: TestPerson): Promise<string> {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl },
    payload: { email: person.email, password: person.password },
  });
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}
