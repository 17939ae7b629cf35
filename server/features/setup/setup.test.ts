import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { initialise, prepareSetupLink } from './service.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.close();
});

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

  it('emails a sign-in link in the person’s language, which signs them in', async () => {
    const requested = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: admin.email, callbackURL: '/me' },
    });
    expect(requested.statusCode).toBe(200);
    const { db } = test.context.database;
    const [latest] = await latestOutboxMessages(db, 1);
    expect(latest).toMatchObject({
      toAddress: admin.email,
      template: 'magic-link',
      language: 'es',
    });
    const message = await readOutboxMessage(db, test.context.cipher, latest?.id ?? -1);
    const link = /https?:\/\/\S+magic-link\/verify\S+/.exec(message?.textBody ?? '')?.[0];
    expect(link).toBeDefined();

    const followed = await test.app.inject(
      new URL(link ?? '').pathname + new URL(link ?? '').search,
    );
    expect(followed.statusCode).toBe(302);
    const cookie = String(followed.headers['set-cookie']).split(';')[0] ?? '';
    const me = await test.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().email).toBe(admin.email);

    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: 'nobody@example.org' },
    });
    expect(unknown.statusCode).toBe(200);
    expect((await latestOutboxMessages(db, 5)).map((m) => m.toAddress)).not.toContain(
      'nobody@example.org',
    );
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
