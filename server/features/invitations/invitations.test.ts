import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { addOrganisationOfKind, addProgram, invitationRequests, rename } from './fixtures.ts';

// Who may invite whom, and see and withdraw which invitations.

let test: TestApp;
let requests: ReturnType<typeof invitationRequests>;
let agency: string;
let trust: string;
let circles: string;
let youth: string;
let northCircles: string;
let admin: TestPerson;
let circlesCoordinator: TestPerson;
let youthCoordinator: TestPerson;
let trustAdmin: TestPerson;
let northAdmin: TestPerson;
let facilitator: TestPerson;

beforeAll(async () => {
  test = await startTestApp();
  requests = invitationRequests(test);
  agency = await addOrganisationOfKind(test, 'Eastside Police Department', 'police_agency');
  trust = await addOrganisationOfKind(test, 'Eastside Community Trust', 'community_organisation');
  const north = await addOrganisationOfKind(test, 'Northside Trust', 'community_organisation');
  circles = await addProgram(test, 'Eastside listening circles', [agency, trust]);
  youth = await addProgram(test, 'Youth and police dialogues', [agency]);
  northCircles = await addProgram(test, 'Northside circles', [north]);
  admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  await rename(test, admin, 'Rosa Méndez');
  circlesCoordinator = await addSignedInPerson(test, {
    organisationId: agency,
    programId: circles,
    role: 'coordinator',
  });
  youthCoordinator = await addSignedInPerson(test, {
    organisationId: agency,
    programId: youth,
    role: 'coordinator',
  });
  trustAdmin = await addSignedInPerson(test, { organisationId: trust, role: 'org_admin' });
  northAdmin = await addSignedInPerson(test, { organisationId: north, role: 'org_admin' });
  facilitator = await addSignedInPerson(test, {
    organisationId: agency,
    programId: circles,
    role: 'facilitator',
  });
});
afterAll(async () => {
  await test.close();
});

const emailTo = (email: string, role: string, programId: string | null) => ({
  delivery: 'email',
  email,
  role,
  programId,
});

async function lastAudit() {
  const [event] = await test.context.database.db
    .select()
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return event;
}

async function created(as: TestPerson, organisationId: string, body: object) {
  const response = await requests.create(as, organisationId, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().invitation as { id: string; programId: string | null };
}

describe('creating an invitation', () => {
  it('should fail with status 401 when no one is signed in', async () => {
    const response = await requests.create(
      undefined,
      agency,
      emailTo('a@example.org', 'resident', circles),
    );
    expect(response.statusCode).toBe(401);
  });

  it('lets an admin invite a coordinator of the whole organisation by email, and audits it without the address', async () => {
    const response = await requests.create(
      admin,
      agency,
      emailTo('Coord@Example.org', 'coordinator', null),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      link: null,
      invitation: expect.objectContaining({
        delivery: 'email',
        email: 'coord@example.org',
        role: 'coordinator',
        organisationId: agency,
        programId: null,
        programName: null,
        maxUses: 1,
        uses: 0,
        state: 'open',
        createdByName: 'Rosa Méndez',
      }),
    });
    const event = await lastAudit();
    expect(event).toMatchObject({
      action: 'invitation.created',
      actorId: admin.personId,
      targetId: response.json().invitation.id,
    });
    expect(JSON.stringify(event)).not.toContain('example.org');
  });

  it('shows a link invitation’s address once, in the fragment, so that it never reaches a server log', async () => {
    const response = await requests.create(admin, agency, {
      delivery: 'link',
      role: 'resident',
      programId: circles,
      maxUses: 30,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().link).toMatch(
      new RegExp(`^${test.context.config.publicUrl}/join#[\\w-]{43}$`),
    );
    expect(response.json().invitation).toMatchObject({
      email: null,
      maxUses: 30,
      programName: 'Eastside listening circles',
    });
  });

  it('lets a coordinator invite residents and staff into their own program only', async () => {
    await created(circlesCoordinator, agency, emailTo('res@example.org', 'resident', circles));
    await created(circlesCoordinator, agency, emailTo('fac@example.org', 'facilitator', circles));
    const otherProgram = await requests.create(
      circlesCoordinator,
      agency,
      emailTo('x@example.org', 'resident', youth),
    );
    expect(otherProgram.statusCode).toBe(403);
    const wholeOrganisation = await requests.create(
      circlesCoordinator,
      agency,
      emailTo('x@example.org', 'facilitator', null),
    );
    expect(wholeOrganisation.statusCode).toBe(403);
  });

  it('should fail with status 403, and be audited, when a coordinator invites an organisation admin', async () => {
    const response = await requests.create(
      circlesCoordinator,
      agency,
      emailTo('boss@example.org', 'org_admin', circles),
    );
    expect(response.statusCode).toBe(403);
    expect(await lastAudit()).toMatchObject({
      action: 'permission.denied',
      actorId: circlesCoordinator.personId,
      outcome: 'denied',
      details: { attempted: 'invitation.create', reason: 'out_of_scope' },
    });
  });

  it('invites an organisation admin to the whole organisation, not to one program', async () => {
    const response = await requests.create(
      admin,
      agency,
      emailTo('boss@example.org', 'org_admin', circles),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: 'programId',
        message: 'An organisation admin is invited to the whole organisation.',
      },
    ]);
  });

  it('invites officers only into a police agency', async () => {
    const byTrust = await requests.create(
      trustAdmin,
      trust,
      emailTo('officer@example.org', 'officer', circles),
    );
    expect(byTrust.statusCode).toBe(400);
    expect(byTrust.json().errors).toEqual([
      { field: 'role', message: 'Only a police agency can invite someone as an officer.' },
    ]);
    await created(admin, agency, emailTo('officer@example.org', 'officer', circles));
  });

  it('refuses a program the organisation does not run, naming the program field', async () => {
    for (const programId of [northCircles, crypto.randomUUID()]) {
      const response = await requests.create(
        admin,
        agency,
        emailTo('r@example.org', 'resident', programId),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { field: 'programId', message: 'This organisation runs no program with that id.' },
      ]);
    }
  });

  it('refuses to email the placeholder address of a resident who joined by link', async () => {
    const response = await requests.create(
      admin,
      agency,
      emailTo(`joined-${crypto.randomUUID()}@people.invalid`, 'resident', circles),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('email');
  });

  it('refuses a shareable link for staff, naming the role field', async () => {
    const response = await requests.create(admin, agency, {
      delivery: 'link',
      role: 'facilitator',
      programId: circles,
      maxUses: 5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      field: 'role',
      message: 'A shareable link can only invite residents.',
    });
  });

  it('should fail with status 403 when an admin of another organisation tries, however the ids were guessed', async () => {
    expect(
      (await requests.create(northAdmin, agency, emailTo('r@example.org', 'resident', circles)))
        .statusCode,
    ).toBe(403);
    expect(
      (await requests.create(northAdmin, agency, emailTo('r@example.org', 'coordinator', null)))
        .statusCode,
    ).toBe(403);
    expect(
      (await requests.create(facilitator, agency, emailTo('r@example.org', 'resident', circles)))
        .statusCode,
    ).toBe(403);
  });
});

describe('listing invitations', () => {
  it('shows an admin every invitation of the organisation, and a coordinator those of their program', async () => {
    const forYouth = await created(admin, agency, emailTo('teen@example.org', 'youth', youth));
    const all = (await requests.list(admin, agency)).json().invitations as {
      id: string;
      programId: string | null;
    }[];
    expect(all.map((invitation) => invitation.id)).toContain(forYouth.id);
    expect(all.some((invitation) => invitation.programId === null)).toBe(true);

    const ofCircles = (await requests.list(circlesCoordinator, agency)).json()
      .invitations as typeof all;
    expect(ofCircles.length).toBeGreaterThan(0);
    expect(ofCircles.every((invitation) => invitation.programId === circles)).toBe(true);
    const ofYouth = (await requests.list(youthCoordinator, agency)).json()
      .invitations as typeof all;
    expect(ofYouth.map((invitation) => invitation.id)).toEqual([forYouth.id]);
  });

  it('should fail with status 403 for someone who reaches none of the organisation’s invitations', async () => {
    expect((await requests.list(northAdmin, agency)).statusCode).toBe(403);
    expect((await requests.list(facilitator, agency)).statusCode).toBe(403);
    expect((await requests.list(trustAdmin, agency)).statusCode).toBe(403);
  });
});

describe('revoking an invitation', () => {
  it('should fail with status 403, and be audited, when a coordinator of another program tries', async () => {
    const invitation = await created(admin, agency, emailTo('c@example.org', 'resident', circles));
    const response = await requests.revoke(youthCoordinator, invitation.id);
    expect(response.statusCode).toBe(403);
    expect(await lastAudit()).toMatchObject({
      action: 'permission.denied',
      actorId: youthCoordinator.personId,
      targetType: 'invitation',
      targetId: invitation.id,
      details: { attempted: 'invitation.revoke' },
    });
    expect((await requests.revoke(northAdmin, invitation.id)).statusCode).toBe(403);
  });

  it('withdraws it once, audited, and says clearly when it was withdrawn already', async () => {
    const invitation = await created(
      circlesCoordinator,
      agency,
      emailTo('d@example.org', 'resident', circles),
    );
    const revoked = await requests.revoke(circlesCoordinator, invitation.id);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: invitation.id, state: 'revoked' });
    expect(await lastAudit()).toMatchObject({
      action: 'invitation.revoked',
      actorId: circlesCoordinator.personId,
      targetId: invitation.id,
    });
    const again = await requests.revoke(admin, invitation.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This invitation was already revoked.');
  });

  it('answers 404 for an unknown invitation and 400 for a malformed id', async () => {
    expect((await requests.revoke(admin, crypto.randomUUID())).statusCode).toBe(404);
    const malformed = await requests.revoke(admin, 'not-an-id');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('path.invitationId');
  });
});
