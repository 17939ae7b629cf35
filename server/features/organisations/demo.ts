import type { ProgramSummary } from '../../../shared/organisations/contract.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { createPerson } from '../setup/service.ts';
import { createProgram } from './programs.ts';
import { verifyOfficer } from './roles.ts';
import { createOrganisation, grantMembership, membershipsOf } from './service.ts';

// The demo organisation's part from this feature: a community organisation and a police agency
// that run listening circles together, their admins, and the staff who do the work. Each
// organisation sets itself up as a real one would; the rest goes through the services.

export interface DemoAccount {
  name: string;
  email: string;
  role: Role;
  where: string;
}

export interface OrganisationsDemo {
  community: { id: string; name: string };
  agency: { id: string; name: string };
  circles: ProgramSummary;
  youth: ProgramSummary;
  communityAdmin: SignedIn;
  agencyAdmin: SignedIn;
  /** The listening circles' coordinator, and the verified officer who takes part in them. */
  circlesCoordinator: SignedIn;
  circlesOfficer: SignedIn;
  accounts: DemoAccount[];
}

/** The person as the services see someone signed in with their second factor set up. */
export async function demoActor(
  context: AppContext,
  person: { id: string; name: string; email: string },
): Promise<SignedIn> {
  return {
    personId: person.id,
    sessionId: 'demo',
    name: person.name,
    email: person.email,
    language: 'en',
    disabled: false,
    memberships: await membershipsOf(context.database.db, person.id),
    secondFactor: 'enabled',
  };
}

export async function seedOrganisationsDemo(
  context: AppContext,
  password: string,
): Promise<OrganisationsDemo> {
  const { db } = context.database;
  const accounts: DemoAccount[] = [];
  const addPerson = async (
    person: { name: string; email: string; language?: string },
    role: Role,
    place: { organisationId: string; programId?: string; where: string },
  ) => {
    const id = await createPerson(context.auth, {
      language: 'en',
      ...person,
      password,
    });
    await grantMembership(db, {
      personId: id,
      organisationId: place.organisationId,
      role,
      ...(place.programId ? { programId: place.programId } : {}),
    });
    accounts.push({ name: person.name, email: person.email, role, where: place.where });
    return { id, ...person };
  };

  const community = { name: 'Riverside Community Peace Circle', id: '' };
  community.id = await createOrganisation(db, {
    name: community.name,
    kind: 'community_organisation',
  });
  const agency = { name: 'Riverside Police Department', id: '' };
  agency.id = await createOrganisation(db, { name: agency.name, kind: 'police_agency' });

  const communityAdmin = await demoActor(
    context,
    await addPerson({ name: 'Grace Okafor', email: 'grace@peacecircle.example' }, 'org_admin', {
      organisationId: community.id,
      where: community.name,
    }),
  );
  const agencyAdmin = await demoActor(
    context,
    await addPerson(
      { name: 'Daniel Reyes', email: 'd.reyes@riversidepd.example', language: 'es' },
      'org_admin',
      { organisationId: agency.id, where: agency.name },
    ),
  );

  const circles = await createProgram(db, communityAdmin, community.id, {
    name: 'Neighbourhood listening circles',
    description:
      'Monthly circles where residents and the officers who patrol their streets speak and listen, one at a time, with a trained facilitator.',
    partners: [{ organisationId: agency.id }],
    timeZone: context.config.TIME_ZONE,
  });
  const youth = await createProgram(db, agencyAdmin, agency.id, {
    name: 'Youth and police dialogue',
    description:
      'Conversations between young people and officers after school, with guardians informed and a community facilitator present.',
    partners: [{ organisationId: community.id }],
    timeZone: context.config.TIME_ZONE,
  });

  const coordinator = await addPerson(
    { name: 'Amara Johnson', email: 'amara@peacecircle.example' },
    'coordinator',
    { organisationId: community.id, programId: circles.id, where: circles.name },
  );
  await addPerson(
    { name: 'Luis Herrera', email: 'luis@peacecircle.example', language: 'es' },
    'facilitator',
    { organisationId: community.id, programId: circles.id, where: circles.name },
  );
  await addPerson({ name: 'Sam Whitfield', email: 'sam@peacecircle.example' }, 'facilitator', {
    organisationId: community.id,
    programId: youth.id,
    where: youth.name,
  });
  const officer = await addPerson(
    { name: 'Officer Priya Nair', email: 'p.nair@riversidepd.example' },
    'officer',
    { organisationId: agency.id, programId: circles.id, where: circles.name },
  );
  await verifyOfficer(db, agencyAdmin, agency.id, officer.id);
  // One officer waits for the agency's admin to verify them, as a new sign-up would.
  await addPerson({ name: 'Tom Becker', email: 't.becker@riversidepd.example' }, 'officer', {
    organisationId: agency.id,
    programId: youth.id,
    where: `${youth.name} (not verified yet)`,
  });

  return {
    community,
    agency,
    circles,
    youth,
    communityAdmin,
    agencyAdmin,
    circlesCoordinator: await demoActor(context, coordinator),
    circlesOfficer: await demoActor(context, officer),
    accounts,
  };
}
