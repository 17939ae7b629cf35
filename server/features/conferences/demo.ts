import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/commitments/days.ts';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import { addItemBody } from '../../../shared/conferences/contract.ts';
import type { CaseCommand } from '../../../shared/conferences/machine.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { demoActor, type OrganisationsDemo } from '../organisations/demo.ts';
import { createProgram } from '../organisations/programs.ts';
import { verifyOfficer } from '../organisations/roles.ts';
import { createOrganisation, grantMembership } from '../organisations/service.ts';
import { createPerson } from '../setup/service.ts';
import { recordPaperConsent } from './consents.ts';
import { runCommand } from './events.ts';
import { addAgreementItem } from './items-add.ts';
import { settleAgreementItem } from './items-change.ts';
import { signOffCase } from './oversight.ts';
import { addParty } from './parties.ts';
import { addRecord } from './records.ts';
import { submitReferral } from './referral.ts';
import { scheduleConference } from './schedule.ts';
import { conferenceItems, conferences } from './schema.ts';
import { newReferralLink, saveSettings } from './settings.ts';
import { assignToTeam } from './team.ts';

// The demo's conferences: a program in which the community organisation, the police agency and
// the civilian oversight board hear complaints about officers' conduct restoratively. Four cases
// show the workflow at work: one in monitoring (an apology made, a training and a meeting
// still owed), one in preparation waiting for a party's consent, a new referral, and one routed
// back as not eligible. Everything goes through the services; only the dates of the first case
// are moved back afterwards, since scheduling refuses a time that has passed.

export interface ConferencesDemo {
  programId: string;
  /** The program's public referral form, shown once (the demo prints it). */
  referralLink: string;
}

const DAY_MS = 86_400_000;

export async function seedConferencesDemo(
  context: AppContext,
  world: OrganisationsDemo,
  password: string,
): Promise<ConferencesDemo> {
  const { db } = context.database;
  const person = async (
    who: { name: string; email: string; language?: string },
    role: Role,
    place: { organisationId: string; programId?: string; where: string },
  ): Promise<SignedIn> => {
    const id = await createPerson(context.auth, { language: 'en', ...who, password });
    await grantMembership(db, { personId: id, role, ...place });
    world.accounts.push({ name: who.name, email: who.email, role, where: place.where });
    return demoActor(context, { id, ...who });
  };

  const board = { name: 'Riverside Civilian Oversight Board', id: '' };
  board.id = await createOrganisation(db, { name: board.name, kind: 'oversight_board' });
  const program = await createProgram(db, world.communityAdmin, world.community.id, {
    name: 'Conferences about police conduct',
    description:
      'When a resident is hurt by how an officer treated them, a facilitated conference lets both speak, listen and agree on repair, apart from discipline.',
    partners: [{ organisationId: world.agency.id }, { organisationId: board.id }],
    timeZone: context.config.TIME_ZONE,
  });
  const inProgram = (organisationId: string) => ({
    organisationId,
    programId: program.id,
    where: program.name,
  });
  const coordinator = await person(
    { name: 'Rosa Delgado', email: 'rosa@peacecircle.example', language: 'es' },
    'coordinator',
    inProgram(world.community.id),
  );
  const facilitator = await person(
    { name: 'Kwame Mensah', email: 'kwame@peacecircle.example' },
    'facilitator',
    inProgram(world.community.id),
  );
  const reviewer = await person(
    { name: 'Helen Park', email: 'h.park@oversight.example' },
    'oversight_reviewer',
    inProgram(board.id),
  );
  await person(
    { name: 'Sgt. Alan Brooks', email: 'a.brooks@riversidepd.example' },
    'professional_standards',
    { organisationId: world.agency.id, where: `${world.agency.name}, professional standards` },
  );
  const officer = await person(
    { name: 'Officer Marcus Lee', email: 'm.lee@riversidepd.example' },
    'officer',
    inProgram(world.agency.id),
  );
  await verifyOfficer(db, world.agencyAdmin, world.agency.id, officer.personId);

  await saveSettings(db, coordinator, program.id, {
    misconduct: true,
    agencyOrganisationId: world.agency.id,
    rules: [],
    scriptOrder: 'harmed_first',
  });
  const { url: referralLink } = await newReferralLink(context, coordinator, program.id);
  const token = referralLink.slice(referralLink.indexOf('#') + 1);

  const refer = async (
    harmType: string,
    urgency: 'routine' | 'soon' | 'urgent',
    referrer: string,
    summary: string,
  ) => {
    const { reference } = await submitReferral(context, {
      token,
      referrerKind: 'person_harmed',
      referrerOrganisation: '',
      referrerName: referrer,
      referrerContact: `${referrer.split(' ')[0]?.toLowerCase()}@example.org`,
      incidentSummary: summary,
      incidentOn: addDays(new Date().toISOString().slice(0, 10), -30),
      harmType,
      peopleInvolved: 'Me and one officer.',
      urgency,
      language: 'en',
    });
    const [row] = await db
      .select({ id: conferences.id })
      .from(conferences)
      .where(eq(conferences.reference, reference));
    if (!row) throw new Error(`the demo referral ${reference} was not made`);
    await assignToTeam(context, coordinator, row.id, {
      personId: facilitator.personId,
      role: 'lead',
    });
    return row.id;
  };
  const step = (conferenceId: string, actor: SignedIn, ...commands: CaseCommand[]) =>
    commands.reduce(
      (done, command) =>
        done.then(() => runCommand(db, context.cipher, actor.personId, conferenceId, command)),
      Promise.resolve() as Promise<unknown>,
    );
  const screenAndAccept = async (conferenceId: string) => {
    await step(
      conferenceId,
      facilitator,
      { type: 'begin_screening' },
      {
        type: 'record_eligibility',
        eligible: true,
        reason:
          'Discourtesy during a stop, with no allegation of force: a conference can repair it.',
      },
      { type: 'record_safety', safe: true, voluntary: true },
    );
    await signOffCase(context, reviewer, conferenceId, {
      stage: 'screening',
      approved: true,
      comment: '',
    });
    await step(conferenceId, facilitator, { type: 'accept' });
  };
  const parties = async (conferenceId: string, harmedName: string) => {
    const harmed = await addParty(context, facilitator, conferenceId, {
      role: 'harmed',
      name: harmedName,
      email: null,
      language: 'en',
      supportsPartyId: null,
      personId: null,
    });
    const responsible = await addParty(context, facilitator, conferenceId, {
      role: 'responsible',
      name: 'Officer Marcus Lee',
      email: null,
      language: 'en',
      supportsPartyId: null,
      personId: officer.personId,
    });
    return { harmed: harmed.party.id, responsible: responsible.party.id };
  };
  const consent = (conferenceId: string, partyId: string, signature: string) =>
    recordPaperConsent(context, facilitator, conferenceId, partyId, {
      version: CONSENT_VERSION,
      language: 'en',
      signature,
    });

  /** A case referred by the person harmed, screened and accepted, both parties consenting. */
  const consentedCase = async (...referral: Parameters<typeof refer>) => {
    const conferenceId = await refer(...referral);
    await screenAndAccept(conferenceId);
    const both = await parties(conferenceId, referral[2]);
    await consent(conferenceId, both.harmed, referral[2]);
    await consent(conferenceId, both.responsible, 'Marcus Lee');
    return { conferenceId, parties: both };
  };

  // In monitoring: the conference met two weeks ago; the apology is made, the rest is owed.
  const { conferenceId: held, parties: heldParties } = await consentedCase(
    'discourtesy',
    'soon',
    'Denise Walker',
    'At a traffic stop on Elm Street the officer shouted at me in front of my children and would not tell me why I was stopped.',
  );
  for (const [partyId, body] of [
    [heldParties.harmed, 'Denise wants the officer to hear what the stop did to her children.'],
    [heldParties.responsible, 'Officer Lee is ready to listen, and to explain the stop.'],
  ] as const) {
    await addRecord(context, facilitator, held, {
      kind: 'preparation',
      partyId,
      itemId: null,
      heldOn: new Date().toISOString().slice(0, 10),
      body,
    });
  }
  await scheduleConference(context, facilitator, held, {
    startsAt: new Date(Date.now() + DAY_MS).toISOString(),
    mode: 'in_person',
    place: 'Riverside Community Centre, room 2',
  });
  await step(held, facilitator, { type: 'record_held' }, { type: 'begin_agreement' });
  const today = new Date().toISOString().slice(0, 10);
  const apology = await addAgreementItem(
    context,
    facilitator,
    held,
    addItemBody.parse({
      kind: 'apology',
      description: 'Officer Lee apologises to Denise in writing, in his own words.',
      responsible: { kind: 'party', partyId: heldParties.responsible },
      dueOn: addDays(today, 7),
      verification: 'Denise tells the facilitator she received it.',
    }),
  );
  await addAgreementItem(
    context,
    facilitator,
    held,
    addItemBody.parse({
      kind: 'officer_training',
      description: 'Officer Lee completes the procedural justice course.',
      responsible: { kind: 'organisation', organisationId: world.agency.id },
      dueOn: addDays(today, 45),
      verification: 'The agency’s training record, shown to the facilitator.',
    }),
  );
  await addAgreementItem(
    context,
    facilitator,
    held,
    addItemBody.parse({
      kind: 'meeting',
      description: 'A follow-up conversation between Denise and Officer Lee, with the facilitator.',
      responsible: { kind: 'party', partyId: heldParties.responsible },
      dueOn: addDays(today, 21),
      verification: 'The facilitator attends.',
      meetingAt: new Date(Date.now() + 21 * DAY_MS).toISOString(),
    }),
  );
  await step(held, facilitator, { type: 'confirm_agreement' });
  await settleAgreementItem(context, facilitator, held, apology.id, {
    status: 'done',
    reason: '',
  });
  // The conference met two weeks ago, and its items were agreed then.
  await db
    .update(conferences)
    .set({ startsAt: sql`now() - interval '14 days'`, createdAt: sql`now() - interval '40 days'` })
    .where(eq(conferences.id, held));
  await db
    .update(conferenceItems)
    .set({ createdAt: sql`now() - interval '14 days'` })
    .where(eq(conferenceItems.conferenceId, held));

  // In preparation: Officer Lee has consented; the resident is still thinking it over.
  const preparing = await refer(
    'biased_language',
    'routine',
    'Malik Johnson',
    'The officer made a remark about my accent when he asked for my licence.',
  );
  await screenAndAccept(preparing);
  const preparingParties = await parties(preparing, 'Malik Johnson');
  await consent(preparing, preparingParties.responsible, 'Marcus Lee');

  // Scheduled online, three days from now: everyone consented, and its room waits, with the
  // officer's and the facilitator's seats in the speaking order.
  const { conferenceId: scheduled } = await consentedCase(
    'miscommunication',
    'routine',
    'Grace Kim',
    'The officer who took my report of a break-in did not explain what would happen next, and nobody called me back for weeks.',
  );
  await scheduleConference(context, facilitator, scheduled, {
    startsAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
    mode: 'online',
    place: '',
  });

  // A new referral, not yet screened.
  await refer(
    'failure_to_explain',
    'urgent',
    'Ana Torres',
    'My son was searched outside school and nobody would tell him or me why.',
  );

  // Not eligible: the reviewer signed off, and the referrer was told why.
  const ineligible = await refer(
    'excessive_force',
    'urgent',
    'Chris Evans',
    'I was pushed to the ground during an arrest and my wrist was hurt.',
  );
  await step(
    ineligible,
    facilitator,
    { type: 'begin_screening' },
    {
      type: 'record_eligibility',
      eligible: false,
      reason: 'Excessive force is not eligible for a conference: it goes to the oversight board.',
    },
    { type: 'record_safety', safe: true, voluntary: true },
  );
  await signOffCase(context, reviewer, ineligible, {
    stage: 'screening',
    approved: true,
    comment: '',
  });
  await step(ineligible, facilitator, {
    type: 'route_back',
    reason: 'A complaint of force is heard by the oversight board, which will contact you.',
  });

  return { programId: program.id, referralLink };
}
