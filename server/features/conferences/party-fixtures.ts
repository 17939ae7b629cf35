import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../../shared/permissions/roles.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { programOrganisations, programs } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/service.ts';
import { assignToTeam, drive, insertCase, insertSettings } from './testing.ts';

// What the tests of parties, consent, preparation and oversight share: a community program and
// a misconduct program, both run by a community organisation with the police agency, in
// Chicago's zone; the case team, an oversight reviewer, the agency's professional standards
// staff and an officer; cases brought to the stage a test begins at; and requests as a browser
// makes them.

export const ZONE = 'America/Chicago';

/** The database and cipher, as the workflow's test fixtures take them. */
export const store = (test: TestApp) => ({
  db: test.context.database.db,
  cipher: test.context.cipher,
});

export interface PartyWorld {
  communityProgramId: string;
  misconductProgramId: string;
  agencyId: string;
  coordinator: TestPerson;
  facilitator: TestPerson;
  reviewer: TestPerson;
  /** Professional standards of the agency: the firewall keeps them out of misconduct cases. */
  standards: TestPerson;
  officer: TestPerson;
  /** A facilitator of the program who is on no case team. */
  otherFacilitator: TestPerson;
  /** Staff of an organisation that runs neither program. */
  outsider: TestPerson;
}

async function addProgram(test: TestApp, name: string, lead: string, partner: string) {
  const { db } = test.context.database;
  const programId = crypto.randomUUID();
  await db
    .insert(programs)
    .values({ id: programId, name, leadOrganisationId: lead, timeZone: ZONE });
  await db.insert(programOrganisations).values([
    { programId, organisationId: lead },
    { programId, organisationId: partner },
  ]);
  return programId;
}

export async function buildPartyWorld(test: TestApp): Promise<PartyWorld> {
  const { db } = test.context.database;
  const community = await createOrganisation(db, {
    name: 'Riverside Peace Circle',
    kind: 'community_organisation',
  });
  const agencyId = await createOrganisation(db, {
    name: 'Riverside Police Department',
    kind: 'police_agency',
  });
  const elsewhere = await createOrganisation(db, { name: 'Hillside Trust', kind: 'school' });
  const communityProgramId = await addProgram(
    test,
    'Neighbourhood conferences',
    community,
    agencyId,
  );
  const misconductProgramId = await addProgram(
    test,
    'Officer conduct conferences',
    community,
    agencyId,
  );
  await insertSettings(store(test), communityProgramId, null);
  await insertSettings(store(test), misconductProgramId, { agencyOrganisationId: agencyId });
  const orgWide = async (organisationId: string, role: Role, name: string, language = 'en') =>
    withName(test, await addSignedInPerson(test, { organisationId, role }), name, language);
  return {
    communityProgramId,
    misconductProgramId,
    agencyId,
    coordinator: await orgWide(community, 'coordinator', 'Amara Johnson'),
    facilitator: await orgWide(community, 'facilitator', 'Luis Herrera', 'es'),
    reviewer: await orgWide(community, 'oversight_reviewer', 'Ruth Ellison'),
    standards: await orgWide(agencyId, 'professional_standards', 'Inspector Kane'),
    officer: await orgWide(agencyId, 'officer', 'Officer Priya Nair'),
    otherFacilitator: await orgWide(community, 'facilitator', 'Noor Haddad'),
    outsider: await orgWide(elsewhere, 'facilitator', 'Jo Baker'),
  };
}

export type CaseKind = 'community' | 'misconduct';

/**
 * A case of the kind, its team the facilitator, brought through screening: to 'screening' with
 * eligibility and safety recorded (waiting for a misconduct sign-off), or on to 'preparation'.
 */
export async function caseAt(
  test: TestApp,
  world: PartyWorld,
  kind: CaseKind,
  stage: 'screening' | 'preparation',
): Promise<string> {
  const misconduct = kind === 'misconduct';
  const { conferenceId } = await insertCase(store(test), {
    programId: misconduct ? world.misconductProgramId : world.communityProgramId,
    agencyOrganisationId: misconduct ? world.agencyId : null,
    harmType: misconduct ? 'discourtesy' : 'property_damage',
  });
  await assignToTeam(
    store(test),
    conferenceId,
    world.facilitator.personId,
    world.coordinator.personId,
  );
  const by = world.coordinator.personId;
  await drive(store(test), conferenceId, by, [
    { type: 'begin_screening' },
    { type: 'record_eligibility', eligible: true, reason: 'A discourtesy the program hears.' },
    { type: 'record_safety', safe: true, voluntary: true },
  ]);
  if (stage === 'screening') return conferenceId;
  if (misconduct) {
    await drive(store(test), conferenceId, world.reviewer.personId, [
      { type: 'sign_off', stage: 'screening', approved: true, comment: '' },
    ]);
  }
  await drive(store(test), conferenceId, by, [{ type: 'accept' }]);
  return conferenceId;
}

/** Adds a party through the API, as the facilitator; returns its id and its link's token. */
export async function addPartyAs(
  test: TestApp,
  as: TestPerson,
  conferenceId: string,
  party: Record<string, unknown>,
): Promise<{ partyId: string; token: string | null }> {
  const added = await send(test, as, 'POST', `/api/conferences/${conferenceId}/parties`, party);
  expect(added.statusCode, added.body).toBe(201);
  const { party: made, link } = added.json();
  return { partyId: made.id, token: link ? partyTokenIn(link.url) : null };
}

/** The world's officer, added by the facilitator as the person responsible, by their account. */
export const addOfficerAsResponsible = (test: TestApp, world: PartyWorld, conferenceId: string) =>
  addPartyAs(test, world.facilitator, conferenceId, {
    role: 'responsible',
    name: 'Officer Priya Nair',
    personId: world.officer.personId,
  });

/** The token of a party's link in a text: it travels in the fragment, after /conferences/join#. */
export function partyTokenIn(text: string): string {
  const token = /\/conferences\/join#([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no party link in the text');
  return token;
}

/** The session cookie a response set. */
export const sessionOf = (setCookie: string | string[] | undefined) =>
  (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/** The audit entries of one action on a case. */
export async function auditOf(test: TestApp, conferenceId: string, action: string) {
  return test.context.database.db
    .select({
      actorId: auditEvents.actorId,
      outcome: auditEvents.outcome,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, conferenceId), eq(auditEvents.action, action)));
}
