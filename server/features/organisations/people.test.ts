import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { people } from '../../platform/auth/schema.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { setFrequency } from '../../platform/mail/preferences.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships, programOrganisations, programs } from './schema.ts';
import { createOrganisation } from './service.ts';

let test: TestApp;
let agency: string;
let programA: string;
let programB: string;
let admin: TestPerson;
let coordinatorA: TestPerson;
let facilitatorA: TestPerson;
let facilitatorB: TestPerson;
let resident: TestPerson;
let stranger: TestPerson;
let strangerOrganisation: string;

async function addProgram(organisationId: string, name: string): Promise<string> {
  const id = crypto.randomUUID();
  const { db } = test.context.database;
  await db.insert(programs).values({ id, name, leadOrganisationId: organisationId });
  await db.insert(programOrganisations).values({ programId: id, organisationId });
  return id;
}

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  agency = await createOrganisation(db, {
    name: 'Eastside Police Department',
    kind: 'police_agency',
  });
  programA = await addProgram(agency, 'Traffic stops circles');
  programB = await addProgram(agency, 'Youth dialogues');
  admin = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  coordinatorA = await addSignedInPerson(test, {
    organisationId: agency,
    programId: programA,
    role: 'coordinator',
  });
  facilitatorA = await addSignedInPerson(test, {
    organisationId: agency,
    programId: programA,
    role: 'facilitator',
  });
  facilitatorB = await addSignedInPerson(test, {
    organisationId: agency,
    programId: programB,
    role: 'facilitator',
  });
  resident = await addSignedInPerson(test, {
    organisationId: agency,
    programId: programA,
    role: 'resident',
  });
  // A resident who joined by link has an address no one may see or write to.
  await db
    .update(people)
    .set({ email: `${resident.personId}@residents.invalid` })
    .where(eq(people.id, resident.personId));
  strangerOrganisation = await addOrganisation(test, 'Northside Community Trust');
  stranger = await addSignedInPerson(test, {
    organisationId: strangerOrganisation,
    role: 'org_admin',
  });
});
afterAll(async () => {
  await test.close();
});

const call = (as: TestPerson, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  test.app.inject({
    method,
    url,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    ...(payload ? { payload } : {}),
  });

interface Listed {
  id: string;
  email: string | null;
  roles: { id: string; role: string; programId: string | null; verifiedAt: string | null }[];
}

async function listAs(as: TestPerson): Promise<Listed[]> {
  const response = await call(as, 'GET', `/api/organisations/${agency}/people`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().people;
}

const rolesPath = (personId: string) => `/api/organisations/${agency}/people/${personId}/roles`;

describe('the people of an organisation', () => {
  it('shows an admin everyone, and a resident who joined by link without an address', async () => {
    const listed = await listAs(admin);
    const ids = listed.map((person) => person.id);
    for (const person of [admin, coordinatorA, facilitatorA, facilitatorB, resident]) {
      expect(ids).toContain(person.personId);
    }
    expect(listed.find((person) => person.id === resident.personId)?.email).toBeNull();
    expect(listed.find((person) => person.id === admin.personId)?.email).toBe(admin.email);
  });

  it('shows the coordinator of program A only the people of program A', async () => {
    const ids = (await listAs(coordinatorA)).map((person) => person.id);
    expect(ids).toEqual(
      expect.arrayContaining([coordinatorA.personId, facilitatorA.personId, resident.personId]),
    );
    expect(ids).not.toContain(facilitatorB.personId);
    expect(ids).not.toContain(admin.personId);
  });

  it('refuses a facilitator the list', async () => {
    const response = await call(facilitatorA, 'GET', `/api/organisations/${agency}/people`);
    expect(response.statusCode).toBe(403);
  });
});

describe('roles', () => {
  it('makes an officer an officer only once the agency verifies them', async () => {
    const response = await call(admin, 'POST', rolesPath(facilitatorA.personId), {
      role: 'officer',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ role: 'officer', verifiedAt: null });
    const shown = async () =>
      (await listAs(admin))
        .find((person) => person.id === facilitatorA.personId)
        ?.roles.find((role) => role.role === 'officer');
    expect((await shown())?.verifiedAt).toBeNull();
    const ownRoles = async () =>
      (await call(facilitatorA, 'GET', '/api/me'))
        .json()
        .roles.map((r: { role: string }) => r.role);
    expect(await ownRoles()).not.toContain('officer');

    const verify = `/api/organisations/${agency}/people/${facilitatorA.personId}/verify-officer`;
    expect((await call(coordinatorA, 'POST', verify)).statusCode).toBe(403);
    expect((await call(admin, 'POST', verify)).statusCode).toBe(204);
    expect((await shown())?.verifiedAt).toEqual(expect.any(String));
    expect(await ownRoles()).toContain('officer');
    expect((await call(admin, 'POST', verify)).statusCode).toBe(409);
    const [verified] = await test.context.database.db
      .select({ verifiedBy: memberships.verifiedBy })
      .from(memberships)
      .where(and(eq(memberships.personId, facilitatorA.personId), eq(memberships.role, 'officer')));
    expect(verified?.verifiedBy).toBe(admin.personId);
  });

  it('refuses a role held already, an officer outside a police agency, and a stranger to the organisation', async () => {
    const again = await call(admin, 'POST', rolesPath(facilitatorA.personId), {
      role: 'facilitator',
      programId: programA,
    });
    expect(again.statusCode).toBe(409);

    const trust = await addSignedInPerson(test, {
      organisationId: strangerOrganisation,
      role: 'facilitator',
    });
    const officerHere = await call(
      stranger,
      'POST',
      `/api/organisations/${strangerOrganisation}/people/${trust.personId}/roles`,
      { role: 'officer' },
    );
    expect(officerHere.statusCode).toBe(400);
    expect(officerHere.json().errors[0].field).toBe('role');

    const notAMember = await call(admin, 'POST', rolesPath(trust.personId), {
      role: 'facilitator',
    });
    expect(notAMember.statusCode).toBe(404);
  });

  it('lets a coordinator grant roles in their program, but not make an admin', async () => {
    const inProgram = await call(coordinatorA, 'POST', rolesPath(resident.personId), {
      role: 'facilitator',
      programId: programA,
    });
    expect(inProgram.statusCode).toBe(201);
    const elsewhere = await call(coordinatorA, 'POST', rolesPath(resident.personId), {
      role: 'facilitator',
      programId: programB,
    });
    expect(elsewhere.statusCode).toBe(403);
    const makeAdmin = await call(coordinatorA, 'POST', rolesPath(facilitatorA.personId), {
      role: 'org_admin',
    });
    expect(makeAdmin.statusCode).toBe(403);
  });

  it('tells the person of their new role by email, unless they chose no such emails', async () => {
    const { db } = test.context.database;
    const newcomer = await addSignedInPerson(test, { organisationId: agency, role: 'resident' });
    const quiet = await addSignedInPerson(test, { organisationId: agency, role: 'resident' });
    await setFrequency(db, quiet.email, 'never');
    for (const person of [newcomer, quiet]) {
      const granted = await call(admin, 'POST', rolesPath(person.personId), {
        role: 'facilitator',
        programId: programB,
      });
      expect(granted.statusCode).toBe(201);
    }
    const sentTo = async (address: string) =>
      (await latestOutboxMessages(db, 100)).filter((message) => message.toAddress === address);
    expect(await sentTo(newcomer.email)).toEqual([
      expect.objectContaining({
        template: 'role-granted',
        subject: 'You are now facilitator in Youth dialogues',
      }),
    ]);
    expect(await sentTo(quiet.email)).toEqual([]);
  });

  it('keeps the last admin, and acts on no role of another organisation', async () => {
    const [adminRole] = (await listAs(admin)).find((p) => p.id === admin.personId)?.roles ?? [];
    const lastAdmin = await call(admin, 'DELETE', `${rolesPath(admin.personId)}/${adminRole?.id}`);
    expect(lastAdmin.statusCode).toBe(409);

    const [strangersRole] = await test.context.database.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.personId, stranger.personId));
    const crossed = await call(
      admin,
      'DELETE',
      `${rolesPath(stranger.personId)}/${strangersRole?.id}`,
    );
    expect(crossed.statusCode).toBe(404);
    const [still] = await test.context.database.db
      .select({ revokedAt: memberships.revokedAt })
      .from(memberships)
      .where(eq(memberships.id, strangersRole?.id ?? ''));
    expect(still?.revokedAt).toBeNull();
  });

  it('revokes a role: it disappears from the list and the person loses what it gave', async () => {
    const [role] = (await listAs(admin)).find((p) => p.id === facilitatorB.personId)?.roles ?? [];
    const revoked = await call(admin, 'DELETE', `${rolesPath(facilitatorB.personId)}/${role?.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await listAs(admin)).map((p) => p.id)).not.toContain(facilitatorB.personId);
    const again = await call(admin, 'DELETE', `${rolesPath(facilitatorB.personId)}/${role?.id}`);
    expect(again.statusCode).toBe(404);
    const events = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'membership.revoked'));
    expect(events.at(-1)).toMatchObject({
      actorId: admin.personId,
      targetId: facilitatorB.personId,
    });
  });

  it('answers 403 to an admin of another organisation on every route, each denial audited', async () => {
    const [role] = (await listAs(admin)).find((p) => p.id === coordinatorA.personId)?.roles ?? [];
    const person = `/api/organisations/${agency}/people/${coordinatorA.personId}`;
    const attempts = [
      call(stranger, 'GET', `/api/organisations/${agency}/people`),
      call(stranger, 'POST', `${person}/roles`, { role: 'org_admin' }),
      call(stranger, 'POST', `${person}/roles`, { role: 'facilitator', programId: programA }),
      call(stranger, 'DELETE', `${person}/roles/${role?.id}`),
      call(stranger, 'POST', `${person}/verify-officer`),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    const denials = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, stranger.personId),
          eq(auditEvents.action, 'permission.denied'),
        ),
      );
    expect(
      denials.map((event) => (event.details as { attempted: string }).attempted).sort(),
    ).toEqual([
      'membership.grant',
      'membership.grant',
      'membership.revoke',
      'officer.verify',
      'person.list',
    ]);
    expect((await listAs(coordinatorA)).map((p) => p.id)).toContain(coordinatorA.personId);
  });
});
