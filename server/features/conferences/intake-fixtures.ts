import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ReferralBody } from '../../../shared/conferences/contract.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { createOrganisation, grantMembership } from '../organisations/service.ts';
import { conferences } from './schema.ts';

// What the intake tests share: a program run by a community organisation with a police agency,
// its people (a coordinator, facilitators, a resident, the agency's professional standards),
// requests as a browser sends them, and the emails and audit entries they leave.

export interface IntakeWorld {
  programId: string;
  communityId: string;
  agencyId: string;
  admin: TestPerson;
  coordinator: TestPerson;
  /** Lead facilitator of the cases the tests assign. */
  facilitator: TestPerson;
  /** A facilitator of the program on no team. */
  otherFacilitator: TestPerson;
  resident: TestPerson;
  /** The agency's disciplinary staff, with no role in the program. */
  standards: TestPerson;
  /** A facilitator of the program who also works in the agency's professional standards. */
  standardsFacilitator: TestPerson;
}

export async function buildIntakeWorld(test: TestApp): Promise<IntakeWorld> {
  const { db } = test.context.database;
  const communityId = await createOrganisation(db, {
    name: 'Riverside Peace Circle',
    kind: 'community_organisation',
  });
  const agencyId = await createOrganisation(db, {
    name: 'Riverside Police Department',
    kind: 'police_agency',
  });
  const admin = await addSignedInPerson(test, { organisationId: communityId, role: 'org_admin' });
  const created = await send(test, admin, 'POST', `/api/organisations/${communityId}/programs`, {
    name: 'Riverside community conferences',
    partners: [{ organisationId: agencyId }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const programId: string = created.json().id;
  const inProgram = (role: 'coordinator' | 'facilitator' | 'resident') =>
    addSignedInPerson(test, { organisationId: communityId, role, programId });
  const standardsFacilitator = await inProgram('facilitator');
  await grantMembership(db, {
    personId: standardsFacilitator.personId,
    organisationId: agencyId,
    role: 'professional_standards',
  });
  return {
    programId,
    communityId,
    agencyId,
    admin: await withName(test, admin, 'Grace Okafor'),
    coordinator: await withName(test, await inProgram('coordinator'), 'Amara Johnson'),
    facilitator: await withName(test, await inProgram('facilitator'), 'Luis Herrera', 'es'),
    otherFacilitator: await withName(test, await inProgram('facilitator'), 'Noor Haddad'),
    resident: await withName(test, await inProgram('resident'), 'Rosa Medina'),
    standards: await withName(
      test,
      await addSignedInPerson(test, { organisationId: agencyId, role: 'professional_standards' }),
      'Lt. Chris Dunn',
    ),
    standardsFacilitator: await withName(test, standardsFacilitator, 'Sam Whitfield'),
  };
}

/** The token in a link's fragment (/conferences/refer#token). */
export const tokenIn = (url: string) => url.slice(url.indexOf('#') + 1);

/** A new referral link of the program, made by its coordinator. */
export async function referralLinkOf(test: TestApp, world: IntakeWorld): Promise<string> {
  const made = await send(
    test,
    world.coordinator,
    'POST',
    `/api/programs/${world.programId}/conference-settings/referral-link`,
  );
  expect(made.statusCode, made.body).toBe(201);
  return tokenIn(made.json().url);
}

export const referralOf = (token: string, extra: Partial<ReferralBody> = {}): ReferralBody => ({
  token,
  referrerKind: 'person_harmed',
  referrerName: 'Dana Reyes',
  referrerContact: 'dana.reyes@example.org',
  incidentSummary: 'The officer shouted at me at the bus stop on Elm Street.',
  incidentOn: '2026-03-02',
  harmType: 'harassment',
  peopleInvolved: 'Me and one officer, badge 4471',
  urgency: 'soon',
  ...extra,
});

/** Refers a case by the link with no account; its id, reference and status token. */
export async function refer(test: TestApp, token: string, extra: Partial<ReferralBody> = {}) {
  const answer = await send(test, undefined, 'POST', '/api/conference-referral', {
    ...referralOf(token, extra),
  });
  expect(answer.statusCode, answer.body).toBe(201);
  const { reference, statusUrl } = answer.json() as { reference: string; statusUrl: string };
  const [row] = await test.context.database.db
    .select({ id: conferences.id })
    .from(conferences)
    .where(eq(conferences.reference, reference));
  return { conferenceId: row?.id ?? '', reference, statusToken: tokenIn(statusUrl) };
}

/** The emails of one template written to an address, newest first, opened. */
export async function emailsTo(test: TestApp, address: string, template: string) {
  const { db } = test.context.database;
  const latest = await latestOutboxMessages(db, 200);
  const mine = latest.filter(
    (message) => message.toAddress === address && message.template === template,
  );
  return Promise.all(
    mine.map(async (summary) => {
      const message = await readOutboxMessage(db, test.context.cipher, summary.id);
      if (!message) throw new Error(`outbox message ${summary.id} vanished`);
      return message;
    }),
  );
}

/** The audit entries of a case with this action, in the order they were written. */
export async function auditOf(test: TestApp, conferenceId: string, action: string) {
  return test.context.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, conferenceId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.seq));
}
