import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { authSessions, people } from '../../platform/auth/schema.ts';
import { LOCK_AFTER_FAILURES } from '../../platform/auth/sign-in-guard.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let test: TestApp;
let organisationId: string;

beforeAll(async () => {
  test = await startTestApp();
  organisationId = await addOrganisation(test, 'Eastside Community Trust');
});
afterAll(async () => {
  await test.close();
});

const FIREFOX_ON_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) =>
  test.app.inject({
    method,
    url,
    headers: { cookie, origin: test.context.config.publicUrl },
    ...(payload ? { payload } : {}),
  });

const savedPerson = async (personId: string) =>
  (await test.context.database.db.select().from(people).where(eq(people.id, personId)))[0];

/** Signs in again from another device; the second factor is taken as given, as in people.ts. */
async function signIn(person: TestPerson, userAgent: string): Promise<string> {
  const secondFactor = (enabled: boolean) =>
    test.context.database.db
      .update(people)
      .set({ twoFactorEnabled: enabled })
      .where(eq(people.id, person.personId));
  const { twoFactorEnabled } = (await savedPerson(person.personId)) ?? {};
  await secondFactor(false);
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl, 'user-agent': userAgent },
    payload: { email: person.email, password: person.password },
  });
  await secondFactor(twoFactorEnabled ?? false);
  expect(response.statusCode, response.body).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}

describe('your profile', () => {
  it('changes the name others see and the language, and refuses a language we do not speak', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const changed = await call(person.cookie, 'PATCH', '/api/me', {
      name: ' Amara ',
      language: 'es',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Amara', language: 'es' });
    expect((await call(person.cookie, 'GET', '/api/me')).json().name).toBe('Amara');
    const french = await call(person.cookie, 'PATCH', '/api/me', { language: 'fr' });
    expect(french.statusCode).toBe(400);
    expect(french.json().errors[0]).toMatchObject({ field: 'language' });
    expect((await savedPerson(person.personId))?.language).toBe('es');
  });

  it('lets a verified officer carry their rank, and no one else look like an officer', async () => {
    const facilitator = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const posing = await call(facilitator.cookie, 'PATCH', '/api/me', { name: 'Sgt. Amara' });
    expect(posing.statusCode).toBe(400);
    expect(posing.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'police_title' }),
    ]);
    expect((await savedPerson(facilitator.personId))?.name).toBe('facilitator');

    const officer = await addSignedInPerson(test, { organisationId, role: 'officer' });
    const ranked = await call(officer.cookie, 'PATCH', '/api/me', { name: 'Sgt. Priya Nair' });
    expect(ranked.statusCode).toBe(200);
  });

  it('lets a staff member choose their language before a second factor, but not their name', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'coordinator' });
    await test.context.database.db
      .update(people)
      .set({ twoFactorEnabled: false })
      .where(eq(people.id, person.personId));
    expect((await call(person.cookie, 'PATCH', '/api/me', { language: 'es' })).statusCode).toBe(
      200,
    );
    expect((await call(person.cookie, 'PATCH', '/api/me', { name: 'Someone' })).statusCode).toBe(
      403,
    );
    const email = await call(person.cookie, 'POST', '/api/me/email', {
      email: 'new@example.org',
      password: person.password,
    });
    expect(email.statusCode).toBe(403);
  });
});

describe('changing your email address', () => {
  it('refuses a wrong password, changes nothing, and counts it as a failed sign-in', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const response = await call(person.cookie, 'POST', '/api/me/email', {
      email: 'amara@elsewhere.example',
      password: 'not the password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await savedPerson(person.personId))?.email).toBe(person.email);
    const failures = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'auth.sign_in_failed'),
          eq(auditEvents.targetId, person.personId),
        ),
      );
    expect(failures).toHaveLength(1);
  });

  it('locks the account after repeated wrong passwords, even for the right one', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const attempt = (password: string) =>
      call(person.cookie, 'POST', '/api/me/email', { email: 'guess@example.org', password });
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      expect((await attempt(`guess number ${i}`)).statusCode).toBe(400);
    }
    expect((await attempt(person.password)).statusCode).toBe(429);
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: person.email, password: person.password },
    });
    expect(signIn.statusCode).toBe(429);
    expect((await savedPerson(person.personId))?.email).toBe(person.email);
  });

  it('refuses an address another account uses', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const other = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const response = await call(person.cookie, 'POST', '/api/me/email', {
      email: other.email.toUpperCase(),
      password: person.password,
    });
    expect(response.statusCode).toBe(409);
    expect((await savedPerson(person.personId))?.email).toBe(person.email);
  });

  it('changes the address with the right password: the person signs in with the new one', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const response = await call(person.cookie, 'POST', '/api/me/email', {
      email: 'Amara.New@Example.org',
      password: person.password,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().email).toBe('amara.new@example.org');
    const signedIn = await signIn(
      { ...person, email: 'amara.new@example.org' },
      FIREFOX_ON_ANDROID,
    );
    expect(signedIn).not.toBe('');
    const events = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'profile.email_changed'));
    expect(events.at(-1)?.targetId).toBe(person.personId);
    expect(JSON.stringify(events.at(-1))).not.toContain('amara');
  });
});

describe('your sessions', () => {
  it('lists where you are signed in, this one flagged, and never a token', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const phone = await signIn(person, FIREFOX_ON_ANDROID);
    await signIn(person, CHROME_ON_WINDOWS);
    const response = await call(phone, 'GET', '/api/me/sessions');
    expect(response.statusCode).toBe(200);
    const { sessions } = response.json();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toEqual([
      expect.objectContaining({ device: 'Firefox on Android' }),
    ]);
    expect(sessions.map((s: { device: string }) => s.device)).toContain('Chrome on Windows');
    const saved = await test.context.database.db
      .select({ token: authSessions.token })
      .from(authSessions)
      .where(eq(authSessions.userId, person.personId));
    expect(saved).toHaveLength(3);
    for (const { token } of saved) expect(response.body).not.toContain(token);
  });

  it('ends another session: its cookie stops working, yours goes on', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const laptop = await signIn(person, CHROME_ON_WINDOWS);
    const { sessions } = (await call(person.cookie, 'GET', '/api/me/sessions')).json();
    const laptopSession = sessions.find(
      (s: { device: string }) => s.device === 'Chrome on Windows',
    );
    expect((await call(laptop, 'GET', '/api/me')).statusCode).toBe(200);
    const ended = await call(person.cookie, 'DELETE', `/api/me/sessions/${laptopSession.id}`);
    expect(ended.statusCode).toBe(204);
    expect((await call(laptop, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await call(person.cookie, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('ends this session: you are signed out and the browser drops the cookie', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const { sessions } = (await call(person.cookie, 'GET', '/api/me/sessions')).json();
    const ended = await call(person.cookie, 'DELETE', `/api/me/sessions/${sessions[0].id}`);
    expect(ended.statusCode).toBe(204);
    expect(String(ended.headers['set-cookie'])).toMatch(/session_token=;.*Max-Age=0/i);
    expect((await call(person.cookie, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it("answers 404 for someone else's session, and it goes on", async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const other = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const { sessions } = (await call(other.cookie, 'GET', '/api/me/sessions')).json();
    const response = await call(person.cookie, 'DELETE', `/api/me/sessions/${sessions[0].id}`);
    expect(response.statusCode).toBe(404);
    expect((await call(other.cookie, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('lets a staff member without a second factor yet see and end their sessions', async () => {
    const person = await addSignedInPerson(test, { organisationId, role: 'coordinator' });
    await test.context.database.db
      .update(people)
      .set({ twoFactorEnabled: false })
      .where(eq(people.id, person.personId));
    const listed = await call(person.cookie, 'GET', '/api/me/sessions');
    expect(listed.statusCode).toBe(200);
    const [session] = listed.json().sessions;
    expect((await call(person.cookie, 'DELETE', `/api/me/sessions/${session.id}`)).statusCode).toBe(
      204,
    );
  });
});
