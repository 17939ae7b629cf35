import type { Vote } from '../../../shared/dialogues/matrix.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { demoActor } from '../organisations/demo.ts';
import { createProgram } from '../organisations/programs.ts';
import { type DialogueFixture, insertDialogue } from './results-testing.ts';

// The people of the results' tests, and a small dialogue whose results are worked out by hand.
//
// Six residents, five officers and two others vote on six published statements (a seventh was
// hidden after everyone agreed with it, an eighth waits for moderation). Everyone agrees with
// 1 and 6: the common ground. Officers agree with 2 and residents with 3: divisive. Statement 4
// has one officer passing, so the officers' agreement (4 of 5) is too uncertain for common
// ground. Statement 5 starts with '=' as a spreadsheet formula would, and everyone passes it;
// the last resident did not vote on it, so is not placed in an opinion group. The two others
// are fewer than the threshold of five: their figures are not shown.

export interface ResultsWorld {
  programId: string;
  agencyId: string;
  facilitator: TestPerson;
  coordinator: TestPerson;
  resident: TestPerson;
  reviewer: TestPerson;
}

export async function buildResultsWorld(test: TestApp): Promise<ResultsWorld> {
  const { db } = test.context.database;
  const trust = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: trust, role: 'org_admin' });
  const program = await createProgram(
    db,
    await demoActor(test.context, { id: admin.personId, name: 'Admin', email: admin.email }),
    trust,
    {
      name: 'East side dialogues',
      description: '',
      partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
    },
  );
  const inProgram = (role: 'facilitator' | 'coordinator' | 'resident' | 'oversight_reviewer') =>
    addSignedInPerson(test, { organisationId: trust, role, programId: program.id });
  return {
    programId: program.id,
    agencyId: program.organisations[1]?.id ?? '',
    facilitator: await inProgram('facilitator'),
    coordinator: await inProgram('coordinator'),
    resident: await inProgram('resident'),
    reviewer: await inProgram('oversight_reviewer'),
  };
}

const A = 1 as Vote;
const D = -1 as Vote;
const P = 0 as Vote;
const resident = [A, D, A, A, P, A, A];
const officer = [A, A, D, A, P, A, A];
const other = [A, D, A, A, P, A, A];

export const handMade = (world: ResultsWorld): DialogueFixture => ({
  programId: world.programId,
  createdBy: world.facilitator.personId,
  roles: [
    ...Array<'resident'>(6).fill('resident'),
    ...Array<'officer'>(5).fill('officer'),
    'other',
    'other',
  ],
  statements: [
    { text: 'Say the reason for a stop before asking for papers.' },
    { text: 'Most stops on the east side are about road safety.', author: 6 },
    { text: 'People on the east side are stopped more often than elsewhere.', author: 0 },
    { text: 'A resident should sit on the review of stop data.' },
    { text: '=HYPERLINK("https://example.org","Better street lights on Elm Street")', author: 1 },
    { text: 'Body cameras should stay on for the whole stop.' },
    { text: 'A statement taken down after a report.', status: 'hidden', author: 2 },
    { text: 'A statement still waiting for moderation.', status: 'pending', author: 3 },
  ],
  votes: [
    resident,
    resident,
    resident,
    resident,
    resident,
    resident.map((vote, index) => (index === 4 ? null : vote)),
    officer,
    officer,
    officer,
    officer,
    officer.map((vote, index) => (index === 3 ? P : vote)),
    other,
    other,
  ],
  responses: [
    {
      participant: 6,
      statement: 2,
      text: 'We will publish stops by district each month so that everyone can check.',
    },
  ],
});

export const insertHandMade = (test: TestApp, world: ResultsWorld) =>
  insertDialogue(test.context.database.db, handMade(world));
