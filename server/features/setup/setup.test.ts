import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { grantMembership } from '../organisations/service.ts';
import { initialise, prepareSetupLink } from './service.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.close();
});

/** Asks for a sign-in link and returns it as the email gives it; undefined if none was sent. */
async function signInLinkFor(email: string): Promise<URL | undefined> {
  const { db } = test.context.database;
  const [before] = await latestOutboxMessages(db, 1);
  const requested = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/magic-link',
    headers: { origin: test.context.config.publicUrl },
    payload: { email, callbackURL: '/me' },
  });
  expect(requested.statusCode).toBe(200);
  const [latest] = await latestOutboxMessages(db, 1);
  if (!latest || latest.id === before?.id) return undefined;
  const message = await readOutboxMessage(db, test.context.cipher, latest.id);
  const link = /https?:\/\/\S+magic-link\/verify\S+/.exec(message?.textBody ?? '')?.[0];
  return link ? new URL(link) : undefined;
}

const admin = {
  name: 'Rosa Méndez',
  email: 'rosa@eastside-agency.example',
  password: 'a long passphrase for rosa',
  language: 'es',
};
const organisation = { name: 'Eastside Police Department', kind: 'police_agency' };

async function signIn(email: string, password: string) {
  return test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl },
    payload: { email, password },
  });
}

describe('first-run setup', () => {
  it('should refuse a made-up setup link with a message for the token field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'x'.repeat(43), organisation, admin },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'token', message: 'This setup link has expired or was already used.' },
    ]);
  });

  it('should name each invalid field, and create nothing', async () => {
    const token = await prepareSetupLink(test.context.database.db);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        token,
        organisation: { name: 'E', kind: 'militia' },
        admin: { ...admin, email: 'not an email', password: 'short' },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['admin.email', 'admin.password', 'organisation.kind', 'organisation.name']);
    const status = await test.app.inject(`/api/setup/status?token=${token}`);
    expect(status.json()).toEqual({ state: 'open' });
  });

  it('creates the first organisation and its admin once, who can then sign in', async () => {
    const token = await prepareSetupLink(test.context.database.db);
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, organisation, admin },
    });
    expect(created.statusCode).toBe(201);

    const again = await test.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, organisation, admin: { ...admin, email: 'mallory@example.org' } },
    });
    expect(again.statusCode).toBe(400);
    expect(await prepareSetupLink(test.context.database.db)).toBeUndefined();

    expect((await signIn(admin.email, 'a wrong passphrase')).statusCode).toBe(401);
    const signedIn = await signIn(admin.email, admin.password);
    expect(signedIn.statusCode).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    expect((await test.app.inject('/api/me')).statusCode).toBe(401);
    const me = await test.app.inject({
      url: '/api/me',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      name: 'Rosa Méndez',
      email: 'rosa@eastside-agency.example',
      language: 'es',
      roles: [
        { organisationName: 'Eastside Police Department', role: 'org_admin', programId: null },
      ],
    });
  });

  it('emails a resident a sign-in link in their language, which signs them in', async () => {
    const { db } = test.context.database;
    const organisationId = await addOrganisation(test, 'Eastside Community Voices');
    const resident = await addSignedInPerson(test, { organisationId, role: 'resident' });
    await db.update(people).set({ language: 'es' }).where(eq(people.id, resident.personId));
    const link = await signInLinkFor(resident.email);
    expect(await latestOutboxMessages(db, 1)).toEqual([
      expect.objectContaining({
        toAddress: resident.email,
        template: 'magic-link',
        language: 'es',
      }),
    ]);

    const followed = await test.app.inject(link?.pathname + (link?.search ?? ''));
    expect(followed.statusCode).toBe(302);
    const cookie = String(followed.headers['set-cookie']).split(';')[0] ?? '';
    const me = await test.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().email).toBe(resident.email);

    expect(await signInLinkFor('nobody@example.org')).toBeUndefined();
  });

  it('sends staff no sign-in link, and lets no link skip their second factor', async () => {
    const { db } = test.context.database;
    expect(await signInLinkFor(admin.email)).toBeUndefined();

    // A link sent while they were a resident, used after they were made staff.
    const organisationId = await addOrganisation(test, 'Westside Community Voices');
    const promoted = await addSignedInPerson(test, { organisationId, role: 'resident' });
    const link = await signInLinkFor(promoted.email);
    await grantMembership(db, { personId: promoted.personId, organisationId, role: 'facilitator' });
    const followed = await test.app.inject(link?.pathname + (link?.search ?? ''));
    expect(String(followed.headers['set-cookie'] ?? '')).not.toMatch(/session_token=[^;]/);
    const refused = (await db.select().from(auditEvents)).filter(
      (event) => event.actorId === promoted.personId && event.action === 'auth.sign_in_refused',
    );
    expect(refused.map((event) => event.details)).toEqual([{ reason: 'staff-by-link' }]);
  });

  it('lets restorativ init create the admin, who then chooses a password by link', async () => {
    const fresh = await startTestApp();
    try {
      const { db } = fresh.context.database;
      const token = await initialise(db, fresh.context.auth, {
        organisationName: 'Northside Community Trust',
        kind: 'community_organisation',
        adminEmail: 'Sam@Northside.example',
        adminName: 'Sam',
      });
      const status = await fresh.app.inject(`/api/setup/status?token=${token}`);
      expect(status.json()).toEqual({
        state: 'choose-password',
        organisationName: 'Northside Community Trust',
        adminEmail: 'sam@northside.example',
      });
      const chosen = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup/password',
        payload: { token, password: 'correct horse battery staple' },
      });
      expect(chosen.statusCode).toBe(200);
      expect((await fresh.app.inject(`/api/setup/status?token=${token}`)).json()).toEqual({
        state: 'invalid',
      });
      await expect(
        initialise(db, fresh.context.auth, {
          organisationName: 'Second',
          kind: 'school',
          adminEmail: 'x@example.org',
          adminName: 'X',
        }),
      ).rejects.toThrow('already set up');
    } finally {
      await fresh.close();
    }
  });
});
