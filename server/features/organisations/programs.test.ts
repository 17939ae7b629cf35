import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { organisations, programs } from './schema.ts';

let test: TestApp;
let eastside: string;
let northside: string;
let admin: TestPerson;
let northsideAdmin: TestPerson;
let stranger: TestPerson;
let facilitator: TestPerson;

beforeAll(async () => {
  test = await startTestApp();
  eastside = await addOrganisation(test, 'Eastside Community Trust');
  northside = await addOrganisation(test, 'Northside Youth Club');
  const southside = await addOrganisation(test, 'Southside Community Trust');
  admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  facilitator = await addSignedInPerson(test, { organisationId: eastside, role: 'facilitator' });
  northsideAdmin = await addSignedInPerson(test, { organisationId: northside, role: 'org_admin' });
  stranger = await addSignedInPerson(test, { organisationId: southside, role: 'org_admin' });
});
afterAll(async () => {
  await test.close();
});

const call = (as: TestPerson, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  test.app.inject({
    method,
    url,
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    ...(payload ? { payload } : {}),
  });

const programCount = async () =>
  (await test.context.database.db.select({ n: count() }).from(programs))[0]?.n;

async function startProgram(partners: object[] = []) {
  const response = await call(admin, 'POST', `/api/organisations/${eastside}/programs`, {
    name: 'Traffic stops listening circles',
    partners,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('programs and partners', () => {
  it('shows a program with a new partner to the admins of both organisations', async () => {
    const program = await startProgram([
      { name: 'Eastside Police Department', kind: 'police_agency' },
      { organisationId: northside },
    ]);
    expect(program.leadOrganisation.id).toBe(eastside);
    expect(program.organisations.map((o: { name: string }) => o.name)).toEqual([
      'Eastside Community Trust',
      'Eastside Police Department',
      'Northside Youth Club',
    ]);
    const police = program.organisations[1];
    expect(police.kind).toBe('police_agency');

    // The new agency's first admin arrives (by invitation, in the product) and finds it.
    const policeAdmin = await addSignedInPerson(test, {
      organisationId: police.id,
      role: 'org_admin',
    });
    for (const [as, organisationId] of [
      [admin, eastside],
      [policeAdmin, police.id],
      [northsideAdmin, northside],
    ] as const) {
      const response = await call(as, 'GET', `/api/organisations/${organisationId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().programs.map((p: { id: string }) => p.id)).toContain(program.id);
    }
    const events = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, program.id));
    expect(events.map((event) => event.action)).toEqual(['program.created']);
  });

  it('refuses a partner that does not exist, naming the field, and creates nothing', async () => {
    const before = await programCount();
    const organisationsBefore = await test.context.database.db
      .select({ n: count() })
      .from(organisations);
    const response = await call(admin, 'POST', `/api/organisations/${eastside}/programs`, {
      name: 'Youth and police football',
      partners: [
        { name: 'A group created then rolled back', kind: 'community_organisation' },
        { organisationId: crypto.randomUUID() },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'partners.1.organisationId' }),
    ]);
    expect(await programCount()).toBe(before);
    expect(await test.context.database.db.select({ n: count() }).from(organisations)).toEqual(
      organisationsBefore,
    );
  });

  it('lets a facilitator read the program but not rename it', async () => {
    const program = await startProgram();
    expect((await call(facilitator, 'GET', `/api/programs/${program.id}`)).statusCode).toBe(200);
    const rename = await call(facilitator, 'PATCH', `/api/programs/${program.id}`, {
      name: 'Renamed',
    });
    expect(rename.statusCode).toBe(403);
  });

  it('renames a program for its admin, and an empty change names what is missing', async () => {
    const program = await startProgram();
    const described = await call(admin, 'PATCH', `/api/programs/${program.id}`, {
      description: 'Monthly circles with the traffic unit.',
    });
    expect(described.statusCode).toBe(200);
    const renamed = await call(admin, 'PATCH', `/api/programs/${program.id}`, {
      name: '  Traffic stops: listening circles  ',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Traffic stops: listening circles',
      description: 'Monthly circles with the traffic unit.',
    });
    const empty = await call(admin, 'PATCH', `/api/programs/${program.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toBe('Change the name, the description or a setting.');
  });

  it('adds a partner once: the lead adds them, a partner cannot, and twice is a conflict', async () => {
    const program = await startProgram();
    const url = `/api/programs/${program.id}/partners`;
    const added = await call(admin, 'POST', url, { organisationId: northside });
    expect(added.statusCode).toBe(201);
    expect(added.json().organisations).toHaveLength(2);
    expect((await call(admin, 'POST', url, { organisationId: northside })).statusCode).toBe(409);
    expect((await call(admin, 'POST', url, { organisationId: eastside })).statusCode).toBe(409);
    const byPartner = await call(northsideAdmin, 'POST', url, {
      name: 'Northside Mosque',
      kind: 'community_organisation',
    });
    expect(byPartner.statusCode).toBe(403);
    const missing = await call(admin, 'POST', url, { organisationId: crypto.randomUUID() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('organisationId');
  });

  it('answers 403 to an admin of another organisation on every route, each denial audited', async () => {
    const program = await startProgram();
    const attempts = [
      call(stranger, 'GET', `/api/organisations/${eastside}`),
      call(stranger, 'POST', `/api/organisations/${eastside}/programs`, { name: 'Takeover' }),
      call(stranger, 'GET', `/api/programs/${program.id}`),
      call(stranger, 'PATCH', `/api/programs/${program.id}`, { name: 'Takeover' }),
      call(stranger, 'POST', `/api/programs/${program.id}/partners`, { organisationId: eastside }),
      // A program that does not exist is refused the same way: no answer tells it apart.
      call(stranger, 'GET', `/api/programs/${crypto.randomUUID()}`),
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
    expect(denials).toHaveLength(attempts.length);
    expect(denials.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attempted: 'organisation.read' }),
        expect.objectContaining({ attempted: 'program.create' }),
        expect.objectContaining({ attempted: 'program.read' }),
        expect.objectContaining({ attempted: 'program.update' }),
        expect.objectContaining({ attempted: 'organisation.add_partner' }),
      ]),
    );
    expect(denials.every((event) => event.outcome === 'denied')).toBe(true);
    expect((await call(admin, 'GET', `/api/programs/${program.id}`)).json().name).toBe(
      program.name,
    );
  });
});
