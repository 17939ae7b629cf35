import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateCommitmentRequest } from '../../../shared/commitments/contract.ts';
import { createCommitmentRequest } from '../../../shared/commitments/contract.ts';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { InvalidError } from '../../platform/errors.ts';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoActor } from '../organisations/demo.ts';
import { createProgram } from '../organisations/programs.ts';
import { createCommitment } from './record.ts';

// The service other features call: a conference's agreement items become commitments of its
// case team, and reach the public only as a version without names that the parties agreed to.

let test: TestApp;
let facilitator: SignedIn;
let programId: string;
let agencyId: string;

beforeAll(async () => {
  test = await startTestApp();
  const { db } = test.context.database;
  const trust = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: trust, role: 'org_admin' });
  const asAdmin = await demoActor(test.context, {
    id: admin.personId,
    name: 'Admin',
    email: admin.email,
  });
  const program = await createProgram(db, asAdmin, trust, {
    name: 'Restorative conferences',
    description: '',
    partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
  });
  programId = program.id;
  agencyId = program.organisations[1]?.id ?? '';
  const person = await addSignedInPerson(test, {
    organisationId: trust,
    role: 'facilitator',
    programId,
  });
  facilitator = await demoActor(test.context, {
    id: person.personId,
    name: 'Facilitator',
    email: person.email,
  });
});
afterAll(async () => {
  await test.close();
});

const fromConference = (overrides: Partial<CreateCommitmentRequest>) =>
  createCommitmentRequest.parse({
    title: 'Apologise to the Morales family in person',
    source: 'conference',
    sourceId: crypto.randomUUID(),
    owner: { kind: 'organisation', organisationId: agencyId, unit: 'Patrol' },
    dueOn: addDays(dayIn(test.context.config.TIME_ZONE), 14),
    visibility: 'case_team',
    ...overrides,
  });

describe('recording a commitment from another feature', () => {
  it('keeps a conference’s commitment with its case team', async () => {
    const recorded = await createCommitment(
      test.context,
      facilitator,
      programId,
      fromConference({}),
    );
    expect(recorded).toMatchObject({
      source: 'conference',
      visibility: 'case_team',
      publicLink: null,
    });
  });

  it('publishes a conference’s commitment only as the version its parties agreed to', async () => {
    await expect(
      createCommitment(
        test.context,
        facilitator,
        programId,
        fromConference({ visibility: 'public' }),
      ),
    ).rejects.toThrow(InvalidError);
    const published = await createCommitment(
      test.context,
      facilitator,
      programId,
      fromConference({
        visibility: 'public',
        publicVersion: {
          title: 'An apology in person to the family',
          description: 'Agreed by everyone who took part.',
          partiesAgreed: true,
        },
      }),
    );
    expect(published.publicVersion).toEqual({
      title: 'An apology in person to the family',
      description: 'Agreed by everyone who took part.',
    });
    const page = await test.app.inject({ url: `/register/commitments/${published.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('An apology in person to the family');
    expect(page.body).not.toContain('Morales');
  });
});
