import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type {
  CommitmentSource,
  CommitmentVisibility,
} from '../../../../shared/commitments/contract.ts';
import type { CommitmentStatus } from '../../../../shared/commitments/machine.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { programOrganisations, programs } from '../../organisations/schema.ts';
import { createOrganisation } from '../../organisations/service.ts';
import { commitmentEvents, commitments } from '../schema.ts';

// A register's world for tests, written straight into the tables as the API would leave it:
// organisations, a program they run, a person who owns commitments, commitments and events.

/** The owner's name: distinctive, so a test can assert it appears nowhere public. */
export const OWNER_NAME = 'Philippa Quillfeather-Osei';

export async function addPerson(test: TestApp, name = OWNER_NAME): Promise<string> {
  const auth = await test.context.auth.$context;
  const person = await auth.internalAdapter.createUser(
    { name, email: `p-${randomBytes(4).toString('hex')}@example.org`, emailVerified: true },
    { method: 'admin' },
  );
  return person.id;
}

export async function addProgram(
  test: TestApp,
  name: string,
  leadOrganisationId: string,
  partnerIds: string[] = [],
): Promise<string> {
  const { db } = test.context.database;
  const id = crypto.randomUUID();
  await db.insert(programs).values({ id, name, leadOrganisationId });
  for (const organisationId of [leadOrganisationId, ...partnerIds]) {
    await db.insert(programOrganisations).values({ programId: id, organisationId });
  }
  return id;
}

export const addOrganisation = (test: TestApp, name: string) =>
  createOrganisation(test.context.database.db, { name, kind: 'community_organisation' });

export interface NewCommitment {
  programId: string;
  ownerOrganisationId: string;
  createdBy: string;
  title: string;
  dueOn: string;
  visibility?: CommitmentVisibility;
  source?: CommitmentSource;
  sourceLabel?: string;
  description?: string;
  ownerUnit?: string;
  ownerPersonId?: string | null;
  publicTitle?: string | null;
  publicDescription?: string | null;
  status?: CommitmentStatus;
  percent?: number;
  verifiedAt?: Date | null;
  updatedAt?: Date;
}

/** A commitment with its 'created' event; returns its id. */
export async function addCommitment(test: TestApp, input: NewCommitment): Promise<string> {
  const { db } = test.context.database;
  const id = crypto.randomUUID();
  const source = input.source ?? 'manual';
  await db.insert(commitments).values({
    id,
    programId: input.programId,
    title: input.title,
    description: input.description ?? '',
    source,
    sourceId: source === 'manual' ? null : crypto.randomUUID(),
    sourceLabel: input.sourceLabel ?? '',
    ownerOrganisationId: input.ownerOrganisationId,
    ownerUnit: input.ownerUnit ?? '',
    ownerPersonId: input.ownerPersonId ?? null,
    visibility: input.visibility ?? 'public',
    publicTitle: input.publicTitle ?? null,
    publicDescription: input.publicDescription ?? null,
    status: input.status ?? 'planned',
    dueOn: input.dueOn,
    percent: input.percent ?? 0,
    verifiedAt: input.verifiedAt ?? null,
    createdBy: input.createdBy,
    ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
  });
  await addEvent(test, id, input.createdBy, 'created', { dueOn: input.dueOn });
  return id;
}

/** Appends an event as the API does; returns its id, which the subscribers' job takes. */
export async function addEvent(
  test: TestApp,
  commitmentId: string,
  by: string,
  type: string,
  data: Record<string, unknown>,
  at?: Date,
): Promise<number> {
  const [row] = await test.context.database.db
    .insert(commitmentEvents)
    .values({ commitmentId, by, type, data, ...(at ? { at } : {}) })
    .returning({ id: commitmentEvents.id });
  if (!row) throw new Error('the event was not stored');
  return row.id;
}

export async function setVisibility(
  test: TestApp,
  commitmentId: string,
  visibility: CommitmentVisibility,
): Promise<void> {
  await test.context.database.db
    .update(commitments)
    .set({ visibility })
    .where(eq(commitments.id, commitmentId));
}

/** Titles and names a test looks for, or makes sure never show. */
export const SECRET = {
  programOnly: 'PROGRAM-ONLY water main repair',
  caseTeamOnly: 'CASE-TEAM-ONLY apology letter to the family',
  conferenceTitle: 'Conference promise naming Jordan Whitlock-Ramirez',
  conferenceDescription: 'Confidential conference wording about the incident on Elm Street',
  recorderName: 'Bartholomew Recordwell-Nakamura',
};

/**
 * An agency and a community partner running a program together, and a second program that the
 * partner runs alone, with public and non-public commitments and a few events.
 */
export async function buildRegisterWorld(
  test: TestApp,
  today: string,
  addDays: (day: string, days: number) => string,
) {
  const agency = await addOrganisation(test, 'Eastside Police Department');
  const partner = await addOrganisation(test, 'Eastside Neighbours United');
  const circles = await addProgram(test, 'Eastside listening circles', agency, [partner]);
  const lighting = await addProgram(test, 'Safer streets at night', partner);
  const owner = await addPerson(test);
  const recorder = await addPerson(test, SECRET.recorderName);
  const base = { programId: circles, ownerOrganisationId: agency, createdBy: recorder };

  const overdue = await addCommitment(test, {
    ...base,
    title: 'Publish the stop data every quarter',
    description: 'The data shows every stop by district.',
    ownerUnit: 'Records Unit',
    ownerPersonId: owner,
    dueOn: addDays(today, -20),
  });
  await addEvent(test, overdue, owner, 'due_date_moved', {
    dueOn: addDays(today, -20),
    reason: 'Waiting for the new records system',
  });
  const done = await addCommitment(test, {
    ...base,
    title: 'Hold a monthly listening session',
    source: 'circle',
    sourceLabel: 'Community circle, 12 November',
    dueOn: addDays(today, 200),
    status: 'done',
    percent: 100,
    verifiedAt: new Date(),
  });
  await addEvent(test, done, owner, 'status_changed', { to: 'in_progress' });
  await addEvent(test, done, owner, 'evidence_added', {
    text: 'Minutes of the first session are posted.',
    links: ['https://minutes.example.org/2026/first?x=1', 'javascript:alert(1)'],
  });
  await addEvent(test, done, owner, 'status_changed', { to: 'done' });
  await addEvent(test, done, recorder, 'completion_verified', { note: 'We read the minutes.' });
  const soon = await addCommitment(test, {
    ...base,
    title: 'Train officers in de-escalation',
    dueOn: addDays(today, 10),
    status: 'in_progress',
    percent: 40,
    ownerPersonId: owner,
  });
  const conference = await addCommitment(test, {
    ...base,
    title: SECRET.conferenceTitle,
    description: SECRET.conferenceDescription,
    source: 'conference',
    publicTitle: 'Review the use-of-force policy with residents',
    publicDescription: 'A review with residents, agreed by everyone who took part.',
    dueOn: addDays(today, 90),
  });
  const programOnly = await addCommitment(test, {
    ...base,
    title: SECRET.programOnly,
    visibility: 'program',
    dueOn: addDays(today, -5),
  });
  const caseTeamOnly = await addCommitment(test, {
    ...base,
    title: SECRET.caseTeamOnly,
    visibility: 'case_team',
    dueOn: addDays(today, 5),
    ownerPersonId: owner,
  });
  const streetLights = await addCommitment(test, {
    programId: lighting,
    ownerOrganisationId: partner,
    createdBy: recorder,
    title: 'Fix the street lights on Alder Avenue',
    dueOn: addDays(today, 60),
  });
  return {
    agency,
    partner,
    circles,
    lighting,
    owner,
    recorder,
    commitments: { overdue, done, soon, conference, programOnly, caseTeamOnly, streetLights },
  };
}
