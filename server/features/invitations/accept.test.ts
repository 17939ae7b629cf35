import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organisations/schema.ts';
import {
  addOrganisationOfKind,
  addProgram,
  invitationRequests,
  rename,
  sessionCookieOf,
  tokenIn,
} from './fixtures.ts';
import { invitations } from './schema.ts';

// Invitations as people receive them: the email over a real SMTP exchange, the link in it, the
// page's preview and the acceptance that ends signed in.

let sink: SmtpSink;
let test: TestApp;
let requests: ReturnType<typeof invitationRequests>;
let agency: string;
let circles: string;
let admin: TestPerson;
let coordinator: TestPerson;

beforeAll(async () => {
  sink = await startSmtpSink();
  test = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'Eastside RJ <rj@example.org>' });
  requests = invitationRequests(test);
  agency = await addOrganisationOfKind(test, 'Eastside Police Department', 'police_agency');
  const trust = await addOrganisationOfKind(
    test,
    'Eastside Community Trust',
    'community_organisation',
  );
  circles = await addProgram(test, 'Eastside listening circles', [agency, trust]);
  admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  await rename(test, admin, 'Rosa Méndez');
  coordinator = await addSignedInPerson(test, {
    organisationId: agency,
    programId: circles,
    role: 'coordinator',
  });
});
afterAll(async () => {
  await test?.close();
  await sink?.stop();
});
beforeEach(() => {
  sink.received.length = 0;
});

/** Runs the outbox's delivery jobs and returns what the SMTP server received for `address`. */
async function mailTo(address: string) {
  await test.context.jobs.runDue();
  const received = sink.received.find(
    ({ mail }) => mail.to && 'text' in mail.to && mail.to.text === address,
  );
  if (!received) throw new Error(`no email reached ${address}`);
  return received.mail;
}

async function inviteByEmail(email: string, body: Record<string, unknown> = {}, as = admin) {
  const response = await requests.create(as, agency, {
    delivery: 'email',
    email,
    role: 'resident',
    programId: circles,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  const mail = await mailTo(email);
  return { invitation: response.json().invitation, mail, token: tokenIn(mail.text ?? '') };
}

async function shareLink(maxUses: number, language = 'en') {
  const response = await requests.create(admin, agency, {
    delivery: 'link',
    role: 'resident',
    programId: circles,
    maxUses,
    language,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { invitation: response.json().invitation, token: tokenIn(response.json().link) };
}

const me = (cookie: string) => test.app.inject({ url: '/api/me', headers: { cookie } });

describe('an invitation by email', () => {
  it('reaches a resident in Spanish, in plain text and HTML, with a link that opens the invitation', async () => {
    const { invitation, mail, token } = await inviteByEmail('vecina@example.org', {
      language: 'es',
    });
    expect(invitation).toMatchObject({
      state: 'open',
      email: 'vecina@example.org',
      uses: 0,
      maxUses: 1,
    });
    expect(mail.subject).toBe('Rosa Méndez le invita a participar en Eastside listening circles');
    expect(mail.text).toContain('No necesita una cuenta ni una contraseña');
    expect(mail.text).toContain(`${test.context.config.publicUrl}/join#${token}`);
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).toContain('No necesita una cuenta ni una contraseña');
    expect(mail.html).toContain(`href="${test.context.config.publicUrl}/join#${token}"`);
    // Only the hash is kept: the token is nowhere in the database's invitations.
    const stored = await test.context.database.db.select().from(invitations);
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await requests.preview(token);
    expect(preview.json()).toEqual({
      state: 'open',
      role: 'resident',
      organisationName: 'Eastside Police Department',
      programName: 'Eastside listening circles',
      inviterName: 'Rosa Méndez',
      next: 'join',
      email: 'vecina@example.org',
      language: 'es',
    });
  });

  it('reaches a resident in English, in plain text and HTML', async () => {
    const { mail } = await inviteByEmail('neighbour@example.org');
    expect(mail.subject).toBe('Rosa Méndez invited you to join Eastside listening circles');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('You do not need an account or a password');
    }
  });

  it.each([
    ['en', 'as a facilitator', 'choose a password', 'set up an authenticator app'],
    ['es', 'con el rol de facilitación', 'elegirá una contraseña', 'aplicación de autenticación'],
  ])(
    'tells staff in %s that they will choose a password and set up an authenticator app',
    async (language, role, password, app) => {
      const { mail } = await inviteByEmail(`facilitator-${language}@example.org`, {
        role: 'facilitator',
        language,
      });
      for (const part of [mail.text, mail.html]) {
        for (const words of [role, password, app]) expect(part).toContain(words);
        expect(part).not.toContain('No necesita una cuenta');
        expect(part).not.toContain('You do not need an account');
      }
    },
  );

  it('lets new staff choose a password and ends signed in, with the second factor to set up next', async () => {
    const email = 'leo.facilitator@example.org';
    const { token } = await inviteByEmail(email, { role: 'facilitator' });
    expect((await requests.preview(token)).json()).toMatchObject({ next: 'create-account', email });

    const noPassword = await requests.accept({ token, name: 'Leo' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors).toEqual([
      { field: 'password', message: 'Choose a password: staff accounts need one.' },
    ]);

    const password = 'a long passphrase for leo';
    const accepted = await requests.accept({ token, name: 'Leo', password });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ secondFactor: 'required' });
    const cookie = sessionCookieOf(accepted.headers['set-cookie']);
    expect(String(accepted.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const profile = await me(cookie);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({
      personId: accepted.json().personId,
      name: 'Leo',
      email,
      secondFactor: 'required',
      roles: [{ organisationId: agency, programId: circles, role: 'facilitator' }],
    });
    // Until the second factor is set up, nothing else is open to them.
    const elsewhere = await test.app.inject({
      url: `/api/organisations/${agency}/invitations`,
      headers: { cookie },
    });
    expect(elsewhere.statusCode).toBe(403);

    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email, password },
    });
    expect(signIn.statusCode).toBe(200);

    const again = await requests.accept({ token, name: 'Someone else', password });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toBe(
      'This invitation has been used. If it was you, sign in instead.',
    );
    const [audited] = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'invitation.accepted'),
          eq(auditEvents.actorId, accepted.json().personId),
        ),
      );
    expect(audited).toMatchObject({
      organisationId: agency,
      outcome: 'succeeded',
      targetType: 'invitation',
    });
    expect(JSON.stringify(audited)).not.toContain(email);
    const [signedInEvent] = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'auth.sign_in'),
          eq(auditEvents.actorId, accepted.json().personId),
        ),
      );
    expect(signedInEvent?.details).toEqual({ method: 'invitation' });
  });

  it('offers no way from outside to be signed in as someone without an invitation', async () => {
    const attempt = await test.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/sign-in',
      headers: { origin: test.context.config.publicUrl },
      payload: { personId: admin.personId },
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.headers['set-cookie']).toBeUndefined();
  });

  it('asks someone who already has an account to sign in first, then only adds the role', async () => {
    const existing = await addSignedInPerson(test, { organisationId: agency, role: 'facilitator' });
    const { token } = await inviteByEmail(existing.email, { role: 'coordinator' });
    expect((await requests.preview(token)).json()).toMatchObject({ next: 'sign-in-first' });

    const signedOut = await requests.accept({
      token,
      name: 'Anyone',
      password: 'a long passphrase here',
    });
    expect(signedOut.statusCode).toBe(409);
    expect(signedOut.json().detail).toContain('Sign in to it first');
    const asSomeoneElse = await requests.accept({ token }, coordinator.cookie);
    expect(asSomeoneElse.statusCode).toBe(409);

    const accepted = await requests.accept({ token }, existing.cookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ personId: existing.personId, secondFactor: 'enabled' });
    expect(accepted.headers['set-cookie']).toBeUndefined();
    const roles = (await me(existing.cookie))
      .json()
      .roles.map((role: { role: string }) => role.role);
    expect(roles.sort()).toEqual(['coordinator', 'facilitator']);
  });

  it('verifies an officer at once when the agency’s admin invited them, and not when a coordinator did', async () => {
    const byAdmin = await inviteByEmail('officer.ana@example.org', { role: 'officer' });
    const byCoordinator = await inviteByEmail(
      'officer.ben@example.org',
      { role: 'officer' },
      coordinator,
    );
    const password = 'a long passphrase for officers';
    const ana = await requests.accept({ token: byAdmin.token, name: 'Officer Ana', password });
    const ben = await requests.accept({
      token: byCoordinator.token,
      name: 'Officer Ben',
      password,
    });
    expect(ana.json().secondFactor).toBe('required');
    const roleOf = async (personId: string) => {
      const [row] = await test.context.database.db
        .select()
        .from(memberships)
        .where(eq(memberships.personId, personId));
      return row;
    };
    expect(await roleOf(ana.json().personId)).toMatchObject({
      role: 'officer',
      verifiedBy: admin.personId,
      verifiedAt: expect.any(Date),
    });
    expect(await roleOf(ben.json().personId)).toMatchObject({ role: 'officer', verifiedAt: null });
  });
});

describe('a shareable link', () => {
  it('lets a resident join under a pseudonym in Spanish, and never shows or mails a placeholder address', async () => {
    const { token } = await shareLink(10, 'es');
    expect((await requests.preview(token)).json()).toMatchObject({
      state: 'open',
      next: 'join',
      email: null,
      language: 'es',
    });
    const withPassword = await requests.accept({
      token,
      name: 'Vecina',
      password: 'not needed at all',
    });
    expect(withPassword.statusCode).toBe(400);
    expect(withPassword.json().errors[0].field).toBe('password');

    // No one but a verified officer is shown as one, not even by the name they choose.
    const asOfficer = await requests.accept({ token, name: 'Agente Morales', language: 'es' });
    expect(asOfficer.statusCode).toBe(400);
    expect(asOfficer.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'police_title' }),
    ]);

    const accepted = await requests.accept({ token, name: 'Vecina del barrio', language: 'es' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().secondFactor).toBe('not-required');
    const cookie = sessionCookieOf(accepted.headers['set-cookie']);
    const profile = (await me(cookie)).json();
    expect(profile).toMatchObject({
      name: 'Vecina del barrio',
      language: 'es',
      email: '',
      roles: [{ programId: circles, role: 'resident' }],
    });

    const [person] = await test.context.database.db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.id, accepted.json().personId));
    expect(person?.email).toMatch(/@people\.invalid$/);
    const before = await latestOutboxMessages(test.context.database.db, 1);
    const signInLink = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: person?.email },
    });
    expect(signInLink.statusCode).toBe(200);
    expect(await latestOutboxMessages(test.context.database.db, 1)).toEqual(before);
  });

  it('lets exactly 2 of 5 people in at once through a link capped at 2', async () => {
    const { invitation, token } = await shareLink(2);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => requests.accept({ token, name: `Neighbour ${n}` })),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 200, 410, 410, 410]);
    const [stored] = await test.context.database.db
      .select({ uses: invitations.uses })
      .from(invitations)
      .where(eq(invitations.id, invitation.id));
    expect(stored?.uses).toBe(2);
    expect((await requests.preview(token)).json()).toEqual({ state: 'used' });
  });

  it('adds the role to a resident already signed in, using up one place once', async () => {
    const { invitation, token } = await shareLink(5);
    const first = await requests.accept({ token, name: 'Sam' });
    const cookie = sessionCookieOf(first.headers['set-cookie']);
    const again = await requests.accept({ token }, cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json().personId).toBe(first.json().personId);
    const [stored] = await test.context.database.db
      .select({ uses: invitations.uses })
      .from(invitations)
      .where(eq(invitations.id, invitation.id));
    expect(stored?.uses).toBe(1);
  });
});

describe('an invitation that can no longer be used', () => {
  it('says so in the preview, and refuses to be accepted with a clear message', async () => {
    const expired = await shareLink(3);
    await test.context.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(invitations.id, expired.invitation.id));
    const revoked = await shareLink(3);
    expect((await requests.revoke(admin, revoked.invitation.id)).statusCode).toBe(200);
    const used = await shareLink(1);
    expect((await requests.accept({ token: used.token, name: 'First' })).statusCode).toBe(200);

    const cases = [
      [expired.token, 'expired', 'This invitation has expired.'],
      [revoked.token, 'revoked', 'This invitation was revoked.'],
      [used.token, 'used', 'This link has been used by as many people as it allows.'],
    ] as const;
    for (const [token, state, message] of cases) {
      expect((await requests.preview(token)).json()).toEqual({ state });
      const refused = await requests.accept({ token, name: 'Late' });
      expect(refused.statusCode).toBe(410);
      expect(refused.json().detail).toContain(message);
    }
  });

  it('answers a made-up token as invalid, and names the token field when accepting', async () => {
    const madeUp = 'x'.repeat(43);
    expect((await requests.preview(madeUp)).json()).toEqual({ state: 'invalid' });
    const refused = await requests.accept({ token: madeUp, name: 'Nobody' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('token');
  });
});
