import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import { nextClientAddress } from '../../testing/fuzz.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import type { TestApp } from '../../testing/test-app.ts';

// The people the tests of a closed circle meet: a program run by a community trust with the
// police, its keepers and coordinator, an officer and residents who sat in circles, staff and
// residents who did not, and an admin of an unrelated organisation.

export interface CircleWorld {
  programId: string;
  agencyId: string;
  admin: TestPerson;
  keeper: TestPerson;
  coKeeper: TestPerson;
  /** Holds 'circle.manage' in the program without keeping its circles. */
  coordinator: TestPerson;
  /** Staff of the program who keeps none of these circles. */
  facilitator: TestPerson;
  officer: TestPerson;
  /** A resident who reads Spanish. */
  resident: TestPerson;
  /** A resident who joined by link and gave no address. */
  linkResident: TestPerson;
  /** A resident of the program who was in none of these circles. */
  bystander: TestPerson;
  /** The admin of an organisation that has nothing to do with the program. */
  stranger: TestPerson;
}

const injected = (test: TestApp, options: InjectOptions) => test.app.inject(options);

export type Call = (
  as: TestPerson,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) => ReturnType<typeof injected>;

export const callerOf =
  (test: TestApp): Call =>
  (as, method, url, payload) =>
    injected(test, {
      method,
      url,
      remoteAddress: nextClientAddress(),
      headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

export async function buildCircleWorld(test: TestApp): Promise<CircleWorld> {
  const { db } = test.context.database;
  const call = callerOf(test);
  const trust = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: trust, role: 'org_admin' });
  const created = await call(admin, 'POST', `/api/organisations/${trust}/programs`, {
    name: 'Traffic stop listening circles',
    partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
  });
  if (created.statusCode !== 201) throw new Error(`no program: ${created.body}`);
  const programId: string = created.json().id;
  const agencyId: string = created.json().organisations[1].id;
  const inProgram = (role: 'facilitator' | 'coordinator' | 'resident') =>
    addSignedInPerson(test, { organisationId: trust, role, programId });
  const named = async (person: TestPerson, name: string, language = 'en') => {
    await db.update(people).set({ name, language }).where(eq(people.id, person.personId));
    return person;
  };
  const linkResident = await inProgram('resident');
  await db
    .update(people)
    .set({ email: placeholderEmailFor(linkResident.personId) })
    .where(eq(people.id, linkResident.personId));
  const otherOrganisation = await addOrganisation(test, 'Southside Youth Club');
  return {
    programId,
    agencyId,
    admin,
    keeper: await named(await inProgram('facilitator'), 'Ana Keeper'),
    coKeeper: await named(await inProgram('facilitator'), 'Ben Cokeeper'),
    coordinator: await named(await inProgram('coordinator'), 'Carla Coordinator'),
    facilitator: await inProgram('facilitator'),
    officer: await named(
      await addSignedInPerson(test, { organisationId: agencyId, role: 'officer' }),
      'Sergeant Dana Reyes',
    ),
    resident: await named(await inProgram('resident'), 'María López', 'es'),
    linkResident,
    bystander: await inProgram('resident'),
    stranger: await addSignedInPerson(test, {
      organisationId: otherOrganisation,
      role: 'org_admin',
    }),
  };
}
