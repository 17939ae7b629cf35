import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup, prepareSetupLink } from '../../features/setup/service.ts';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { people } from './schema.ts';

let test: TestApp;
let adminId: string;
const email = 'rosa@eastside.example';
const password = 'a long passphrase for rosa';

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  const created = await completeSetup(db, test.context.auth, {
    token: (await prepareSetupLink(db)) ?? '',
    organisation: { name: 'Eastside Police Department', kind: 'police_agency' },
    admin: { name: 'Rosa', email, password, language: 'en' },
  });
  adminId = created.personId;
});
afterAll(async () => {
  await test.close();
});

const signIn = (withPassword: string, as = email) =>
  test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl },
    payload: { email: as, password: withPassword },
  });

const actionsAbout = async (personId: string) =>
  (await test.context.database.db.select().from(auditEvents))
    .filter((event) => event.targetId === personId || event.actorId === personId)
    .map((event) => event.action);

describe('signing in', () => {
  it('records a sign-in in the audit trail', async () => {
    expect((await signIn(password)).statusCode).toBe(200);
    expect(await actionsAbout(adminId)).toContain('auth.sign_in');
  });

  it('should lock the account for 10 minutes after 5 failed attempts, even for the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn('not the passphrase')).statusCode).toBe(401);
    }
    const locked = await signIn(password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe(
      'Too many failed sign-ins. This account is locked for 10 minutes; please try again later.',
    );
    expect(locked.headers['set-cookie']).toBeUndefined();
    const actions = await actionsAbout(adminId);
    expect(actions.filter((action) => action === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions.at(-1)).toBe('auth.sign_in_refused');
    expect(await verifyAuditChain(test.context.database.db)).toMatchObject({ ok: true });
  });

  it('answers an unknown email as it answers a wrong password, and records the attempt', async () => {
    const response = await signIn('whatever it is', 'nobody@example.org');
    expect(response.statusCode).toBe(401);
    const [latest] = (await test.context.database.db.select().from(auditEvents)).slice(-1);
    expect(latest).toMatchObject({ action: 'auth.sign_in_failed', targetId: null });
    expect(JSON.stringify(latest)).not.toContain('nobody@example.org');
  });

  it('should refuse a session to a disabled person, with the right password', async () => {
    const { db } = test.context.database;
    const other = await aPersonWithAPassword();
    await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, other.personId));
    const response = await signIn(other.password, other.email);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['set-cookie'] ?? '').not.toMatch(/session_token=[^;]/);
    expect(await actionsAbout(other.personId)).toContain('auth.sign_in_refused');
  });

  it('counts a wrong password typed again while signed in towards the same lock', async () => {
    const organisationId = await addOrganisation(test, 'Westside Community Trust');
    const person = await addSignedInPerson(test, { organisationId, role: 'facilitator' });
    const changePassword = (currentPassword: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie: person.cookie, origin: test.context.config.publicUrl },
        payload: { currentPassword, newPassword: 'another long passphrase' },
      });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await changePassword('a guess at the password')).statusCode).toBe(400);
    }
    const locked = await changePassword(person.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    // The lock is the account's: signing in is refused too, and the password is unchanged.
    expect((await signIn(person.password, person.email)).statusCode).toBe(429);
    const failures = (await actionsAbout(person.personId)).filter(
      (action) => action === 'auth.sign_in_failed',
    );
    expect(failures).toHaveLength(5);
  });
});

async function aPersonWithAPassword() {
  const context = await test.context.auth.$context;
  const person = await context.internalAdapter.createUser(
    { name: 'Sam', email: 'sam@eastside.example', emailVerified: true },
    { method: 'admin' },
  );
  const secret = 'another long passphrase';
  await context.internalAdapter.linkAccount({
    userId: person.id,
    providerId: 'credential',
    accountId: person.id,
    password: await context.password.hash(secret),
  });
  return { personId: person.id, email: 'sam@eastside.example', password: secret };
}
