import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { AddItemBody } from '../../../shared/conferences/contract.ts';
import type { CaseCommand } from '../../../shared/conferences/machine.ts';
import { latestOutboxMessages, readOutboxMessage } from '../../platform/mail/outbox.ts';
import { addSignedInPerson, type TestPerson, withName } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { programs } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/service.ts';
import { partyEmailContext } from './addressees.ts';
import { conferenceParties } from './schema.ts';
import { assignToTeam, drive, insertCase, insertParty } from './testing.ts';

// What the agreement's tests share: a program of a community organisation run with a police
// agency, in Chicago's time zone, its people, and cases brought to the point where their
// agreement is written, by the workflow's own commands.

export const ZONE = 'America/Chicago';

export interface AgreementWorld {
  programId: string;
  communityId: string;
  agencyId: string;
  coordinator: TestPerson;
  /** The lead facilitator of every case made here. */
  facilitator: TestPerson;
  /** A facilitator of the program on none of the cases. */
  otherFacilitator: TestPerson;
  reviewer: TestPerson;
  /** The agency's disciplinary staff: the firewall keeps them out of its misconduct cases. */
  standards: TestPerson;
  agencyAdmin: TestPerson;
  /** The officer the misconduct cases are about: the responsible party, with an account. */
  officer: TestPerson;
  /** The person harmed, with an account. */
  resident: TestPerson;
}

export interface AgreementCase {
  conferenceId: string;
  reference: string;
  harmedId: string;
  responsibleId: string;
  supporterId: string;
}

export async function buildAgreementWorld(test: TestApp): Promise<AgreementWorld> {
  const { db } = test.context.database;
  const communityId = await createOrganisation(db, {
    name: 'Riverside Restorative Justice Centre',
    kind: 'community_organisation',
  });
  const agencyId = await createOrganisation(db, {
    name: 'Riverside Police Department',
    kind: 'police_agency',
  });
  const admin = await addSignedInPerson(test, { organisationId: communityId, role: 'org_admin' });
  const created = await send(test, admin, 'POST', `/api/organisations/${communityId}/programs`, {
    name: 'Community conferences',
    partners: [{ organisationId: agencyId }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const programId: string = created.json().id;
  await db.update(programs).set({ timeZone: ZONE }).where(eq(programs.id, programId));
  const inProgram = (organisationId: string, role: 'coordinator' | 'facilitator') =>
    addSignedInPerson(test, { organisationId, role, programId });
  return {
    programId,
    communityId,
    agencyId,
    coordinator: await withName(test, await inProgram(communityId, 'coordinator'), 'Amara Johnson'),
    facilitator: await withName(test, await inProgram(communityId, 'facilitator'), 'Luis Herrera'),
    otherFacilitator: await withName(
      test,
      await inProgram(communityId, 'facilitator'),
      'Noor Haddad',
    ),
    reviewer: await withName(
      test,
      await addSignedInPerson(test, {
        organisationId: communityId,
        role: 'oversight_reviewer',
        programId,
      }),
      'Grace Okafor',
    ),
    standards: await withName(
      test,
      await addSignedInPerson(test, { organisationId: agencyId, role: 'professional_standards' }),
      'Inspector Ward',
    ),
    agencyAdmin: await withName(
      test,
      await addSignedInPerson(test, { organisationId: agencyId, role: 'org_admin' }),
      'Chief Morgan',
    ),
    officer: await withName(
      test,
      await addSignedInPerson(test, { organisationId: agencyId, role: 'officer', programId }),
      'Officer Priya Nair',
    ),
    resident: await withName(
      test,
      await addSignedInPerson(test, { organisationId: communityId, role: 'resident', programId }),
      'Rosa Medina',
      'es',
    ),
  };
}

export const daysAhead = (days: number) => addDays(dayIn(ZONE), days);

/** The steps from a new referral to a conference held, for a case with its parties. */
function screenAndAccept(misconduct: boolean, reviewerId: string): [CaseCommand[], string][] {
  return [
    [
      [
        { type: 'begin_screening' },
        { type: 'record_eligibility', eligible: true, reason: 'Discourtesy at a stop.' },
        { type: 'record_safety', safe: true, voluntary: true },
      ],
      'team',
    ],
    ...(misconduct
      ? ([
          [[{ type: 'sign_off', stage: 'screening', approved: true, comment: '' }], reviewerId],
        ] as [CaseCommand[], string][])
      : []),
    [[{ type: 'accept' }], 'team'],
  ];
}

/**
 * A case whose conference was held and whose agreement is being written: a harmed party (the
 * resident, with an address recorded), the responsible officer, and a supporter with none.
 */
export async function caseInAgreement(
  test: TestApp,
  world: AgreementWorld,
  options: { misconduct?: boolean } = {},
): Promise<AgreementCase> {
  const store = { db: test.context.database.db, cipher: test.context.cipher };
  const misconduct = options.misconduct ?? false;
  const { conferenceId, reference } = await insertCase(store, {
    programId: world.programId,
    agencyOrganisationId: misconduct ? world.agencyId : null,
  });
  const lead = world.facilitator.personId;
  await assignToTeam(store, conferenceId, lead, world.coordinator.personId);
  for (const [commands, by] of screenAndAccept(misconduct, world.reviewer.personId)) {
    await drive(store, conferenceId, by === 'team' ? lead : by, commands);
  }
  const harmedId = await insertParty(store, conferenceId, {
    role: 'harmed',
    name: 'Rosa Medina',
    personId: world.resident.personId,
    addedBy: lead,
  });
  const responsibleId = await insertParty(store, conferenceId, {
    role: 'responsible',
    name: 'Officer Priya Nair',
    personId: world.officer.personId,
    addedBy: lead,
  });
  const supporterId = await insertParty(store, conferenceId, {
    role: 'supporter',
    name: 'Tomás Medina',
    addedBy: lead,
  });
  await store.db
    .update(conferenceParties)
    .set({
      emailSealed: store.cipher.encrypt('rosa.medina@example.org', partyEmailContext(harmedId)),
      language: 'es',
    })
    .where(eq(conferenceParties.id, harmedId));
  await drive(store, conferenceId, lead, [
    ...[harmedId, responsibleId, supporterId].map(
      (partyId): CaseCommand => ({ type: 'give_consent', partyId, version: '2026-11' }),
    ),
    {
      type: 'schedule',
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      mode: 'online',
    },
    { type: 'record_held' },
    { type: 'begin_agreement' },
  ]);
  return { conferenceId, reference, harmedId, responsibleId, supporterId };
}

/** An apology by the responsible party, due in `days`, with what each test overrides. */
export function itemBody(party: string, overrides: Partial<AddItemBody> = {}): AddItemBody {
  return {
    kind: 'apology',
    description: 'Officer Nair apologises to Rosa in person for shouting at the bus stop.',
    responsible: { kind: 'party', partyId: party },
    dueOn: daysAhead(14),
    verification: 'Rosa tells the facilitator that the apology was made.',
    ...overrides,
  };
}

export async function addItem(
  test: TestApp,
  as: TestPerson,
  conferenceId: string,
  body: AddItemBody,
) {
  const answer = await send(test, as, 'POST', `/api/conferences/${conferenceId}/items`, body);
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json() as { id: string; [field: string]: unknown };
}

/** The emails of one template to an address, newest first, in full. */
export async function emailsTo(test: TestApp, address: string, template: string) {
  const { db } = test.context.database;
  const summaries = (await latestOutboxMessages(db, 500)).filter(
    (message) => message.toAddress === address && message.template === template,
  );
  return Promise.all(
    summaries.map(async (summary) => {
      const message = await readOutboxMessage(db, test.context.cipher, summary.id);
      if (!message) throw new Error(`outbox message ${summary.id} vanished`);
      return message;
    }),
  );
}

/** The fields a 400 answer names. */
export const fieldsOf = (answer: { json(): { errors?: { field: string }[] } }) =>
  (answer.json().errors ?? []).map((each) => each.field);
