import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { grantMembership } from './service.ts';

let test: TestApp;
let eastside: string;
let admin: TestPerson;
let facilitator: TestPerson;
let otherAdmin: TestPerson;
let northside: string;

beforeAll(async () => {
  test = await startTestApp();
  eastside = await addOrganisation(test, 'Eastside Community Trust');
  northside = await addOrganisation(test, 'Northside Community Trust');
  admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  facilitator = await addSignedInPerson(test, { organisationId: eastside, role: 'facilitator' });
  otherAdmin = await addSignedInPerson(test, { organisationId: northside, role: 'org_admin' });
});
afterAll(async () => {
  await test.close();
});

const disable = (as: TestPerson, organisationId: string, personId: string) =>
  test.app.inject({
    method: 'POST',
    url: `/api/organisations/${organisationId}/people/${personId}/disable`,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
  });

const me = (as: TestPerson) => test.app.inject({ url: '/api/me', headers: { cookie: as.cookie } });

describe('disabling a person', () => {
  it('should fail with status 401 when no one is signed in', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/organisations/${eastside}/people/${facilitator.personId}/disable`,
    });
    expect(response.statusCode).toBe(401);
  });

  it('should fail with status 403, and be audited, when an admin of another organisation tries', async () => {
    const response = await disable(otherAdmin, eastside, facilitator.personId);
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe('You do not have permission to do that.');
    const events = await test.context.database.db.select().from(auditEvents);
    expect(events.at(-1)).toMatchObject({
      action: 'permission.denied',
      actorId: otherAdmin.personId,
      targetId: facilitator.personId,
      outcome: 'denied',
    });
    expect((await me(facilitator)).statusCode).toBe(200);
  });

  it('should fail with status 403 when a facilitator tries to disable their admin', async () => {
    expect((await disable(facilitator, eastside, admin.personId)).statusCode).toBe(403);
  });

  it('should fail with status 400 naming the field when an id is malformed', async () => {
    const response = await disable(admin, eastside, 'not-an-id');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'path.personId', message: 'must be a person id' }),
    ]);
  });

  it('refuses an admin disabling themself, so an organisation keeps its admin', async () => {
    expect((await disable(admin, eastside, admin.personId)).statusCode).toBe(409);
  });

  it('leaves open the account of someone who also belongs to another organisation', async () => {
    const both = await addSignedInPerson(test, { organisationId: eastside, role: 'resident' });
    await grantMembership(test.context.database.db, {
      personId: both.personId,
      organisationId: northside,
      role: 'resident',
    });
    const response = await disable(admin, eastside, both.personId);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'member-elsewhere',
      detail: expect.stringContaining('Remove their roles here instead.'),
    });
    expect((await me(both)).statusCode).toBe(200);
  });

  it('ends every session of the person at once, and they cannot sign in again', async () => {
    const response = await disable(admin, eastside, facilitator.personId);
    expect(response.statusCode).toBe(204);
    expect((await me(facilitator)).statusCode).toBe(401);
    const again = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: facilitator.email, password: facilitator.password },
    });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    const events = await test.context.database.db.select().from(auditEvents);
    expect(events.map((event) => event.action)).toContain('person.disabled');
  });

  it('lets the admin enable the account again: the person signs in anew, and it is audited', async () => {
    const enable = (as: TestPerson) =>
      test.app.inject({
        method: 'POST',
        url: `/api/organisations/${eastside}/people/${facilitator.personId}/enable`,
        headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
      });
    expect((await disable(admin, eastside, facilitator.personId)).statusCode).toBe(409);
    expect((await enable(otherAdmin)).statusCode).toBe(403);
    expect((await enable(admin)).statusCode).toBe(204);
    expect((await enable(admin)).statusCode).toBe(409);
    // The old session ended with the disabling and stays ended.
    expect((await me(facilitator)).statusCode).toBe(401);
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: facilitator.email, password: facilitator.password },
    });
    expect(signIn.statusCode).toBe(200);
    const events = await test.context.database.db.select().from(auditEvents);
    expect(events.map((event) => event.action)).toContain('person.enabled');
  });
});

describe('the directory of organisations', () => {
  const directory = (as: TestPerson) =>
    test.app.inject({ url: '/api/organisations', headers: { cookie: as.cookie } });

  it('lists every organisation by name and kind for an admin choosing a partner', async () => {
    const response = await directory(admin);
    expect(response.statusCode).toBe(200);
    const names = response.json().organisations.map((o: { name: string }) => o.name);
    expect(names).toEqual(['Eastside Community Trust', 'Northside Community Trust']);
    expect(Object.keys(response.json().organisations[0]).sort()).toEqual(['id', 'kind', 'name']);
  });

  it('is not for those who do not run an organisation', async () => {
    const resident = await addSignedInPerson(test, { organisationId: eastside, role: 'resident' });
    expect((await directory(resident)).statusCode).toBe(403);
    expect((await test.app.inject({ url: '/api/organisations' })).statusCode).toBe(401);
  });
});

describe('resetting a lost second factor', () => {
  it('lets the admin remove it: the person signs in with their password and sets up a new one', async () => {
    const staffMember = await addSignedInPerson(test, {
      organisationId: eastside,
      role: 'facilitator',
    });
    const reset = (as: TestPerson) =>
      test.app.inject({
        method: 'POST',
        url: `/api/organisations/${eastside}/people/${staffMember.personId}/reset-second-factor`,
        headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
      });
    expect((await reset(otherAdmin)).statusCode).toBe(403);
    expect((await reset(admin)).statusCode).toBe(204);
    expect((await me(staffMember)).statusCode).toBe(401);
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: test.context.config.publicUrl },
      payload: { email: staffMember.email, password: staffMember.password },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const profile = await test.app.inject({ url: '/api/me', headers: { cookie } });
    expect(profile.json().secondFactor).toBe('required');
    const events = await test.context.database.db.select().from(auditEvents);
    expect(events.map((event) => event.action)).toContain('person.second_factor_reset');
  });
});
