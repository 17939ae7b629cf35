import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, StaffChoice } from '../../../shared/conferences/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  auditOf,
  buildIntakeWorld,
  type IntakeWorld,
  refer,
  referralLinkOf,
} from './intake-fixtures.ts';
import { assignToTeam, insertCase } from './testing.ts';

// Who sees which case: the board by role, a case for its team only, and the firewall that keeps
// an agency's professional standards out of misconduct cases about its officers.

let test: TestApp;
let world: IntakeWorld;
/** A community case led by the facilitator, with the professional standards facilitator on it. */
let ledCase: string;
/** A community case on no one's team. */
let unassignedCase: string;
/** A misconduct case about the agency's officers, with both facilitators on its team. */
let misconductCase: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  const token = await referralLinkOf(test, world);
  ledCase = (await refer(test, token, { urgency: 'routine' })).conferenceId;
  unassignedCase = (await refer(test, token, { urgency: 'urgent' })).conferenceId;
  const store = { db: test.context.database.db, cipher: test.context.cipher };
  misconductCase = (
    await insertCase(store, { programId: world.programId, agencyOrganisationId: world.agencyId })
  ).conferenceId;
  const assigned = await send(test, world.coordinator, 'POST', `/api/conferences/${ledCase}/team`, {
    personId: world.facilitator.personId,
    role: 'lead',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  // Put on the misconduct case before they were known to work in professional standards.
  for (const person of [world.facilitator, world.standardsFacilitator]) {
    await assignToTeam(store, misconductCase, person.personId, world.coordinator.personId);
  }
  await assignToTeam(
    store,
    ledCase,
    world.standardsFacilitator.personId,
    world.coordinator.personId,
  );
});
afterAll(async () => {
  await test.close();
});

const boardUrl = () => `/api/programs/${world.programId}/conferences`;
async function boardOf(person: IntakeWorld['coordinator'], query = '') {
  const answer = await send(test, person, 'GET', `${boardUrl()}${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return (answer.json() as CaseSummary[]).map((summary) => summary.id);
}

describe('the case board', () => {
  it('shows a coordinator every case of the program, urgent first', async () => {
    const ids = await boardOf(world.coordinator);
    expect(ids).toEqual([unassignedCase, ledCase, misconductCase]);
    const answer = await send(test, world.coordinator, 'GET', boardUrl());
    const led = (answer.json() as CaseSummary[]).find((summary) => summary.id === ledCase);
    expect(led).toMatchObject({
      stage: 'referral',
      paused: false,
      misconduct: false,
      harmType: 'harassment',
      urgency: 'routine',
      referrerKind: 'person_harmed',
      parties: { total: 0, consented: 0 },
      items: { open: 0, overdue: 0 },
      startsAt: null,
    });
    expect(led?.team).toEqual(
      expect.arrayContaining([
        { personId: world.facilitator.personId, name: 'Luis Herrera', role: 'lead' },
      ]),
    );
    // The board is drawn from plain columns: none of the referral's words is on it.
    expect(answer.body).not.toContain('bus stop');
    expect(answer.body).not.toContain('Dana Reyes');
  });

  it('shows a facilitator only the cases they are on the team of', async () => {
    expect(await boardOf(world.facilitator)).toEqual([ledCase, misconductCase]);
    expect(await boardOf(world.otherFacilitator)).toEqual([]);
  });

  it('shows someone in the agency’s professional standards no misconduct case, even one they were on', async () => {
    expect(await boardOf(world.standardsFacilitator)).toEqual([ledCase]);
  });

  it('filters by stage', async () => {
    const screened = await send(
      test,
      world.coordinator,
      'POST',
      `/api/conferences/${unassignedCase}/transitions`,
      { type: 'begin_screening' },
    );
    expect(screened.statusCode, screened.body).toBe(200);
    expect(await boardOf(world.coordinator, '?stage=screening')).toEqual([unassignedCase]);
    expect(await boardOf(world.coordinator, '?stage=referral')).toEqual([ledCase, misconductCase]);
    const unknown = await send(test, world.coordinator, 'GET', `${boardUrl()}?stage=archived`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'query.stage' });
  });

  it('is refused to residents, admins and disciplinary staff who hold no conference role', async () => {
    for (const person of [world.resident, world.admin, world.standards]) {
      expect((await send(test, person, 'GET', boardUrl())).statusCode).toBe(403);
    }
  });
});

describe('a case', () => {
  it('is read by its team, and each read is in the audit trail', async () => {
    for (const person of [world.facilitator, world.coordinator]) {
      const answer = await send(test, person, 'GET', `/api/conferences/${ledCase}`);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.json()).toMatchObject({
        id: ledCase,
        programName: 'Riverside community conferences',
        stage: 'referral',
        harmLabel: 'Harassment',
        referral: {
          kind: 'person_harmed',
          name: 'Dana Reyes',
          contact: 'dana.reyes@example.org',
          summary: 'The officer shouted at me at the bus stop on Elm Street.',
          peopleInvolved: 'Me and one officer, badge 4471',
        },
        allowed: ['begin_screening', 'close'],
        canChange: true,
      });
      expect(answer.json().timeline).toEqual([
        expect.objectContaining({ type: 'referred', byName: null, words: null }),
      ]);
    }
    const reads = await auditOf(test, ledCase, 'conference.read');
    // The first read was the coordinator's, whose assigning of the team answered the case.
    expect(reads.map((entry) => entry.actorId)).toEqual([
      world.coordinator.personId,
      world.facilitator.personId,
      world.coordinator.personId,
    ]);
    expect(JSON.stringify(reads)).not.toContain('bus stop');
  });

  it('is not found by a facilitator not on its team, nor by a resident of the program', async () => {
    for (const person of [world.otherFacilitator, world.resident, world.admin]) {
      const answer = await send(test, person, 'GET', `/api/conferences/${ledCase}`);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().detail).toBe('There is no such case.');
    }
    const unknown = await send(
      test,
      world.coordinator,
      'GET',
      `/api/conferences/${crypto.randomUUID()}`,
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('of misconduct is refused to the agency’s professional standards, and each attempt is audited', async () => {
    for (const person of [world.standards, world.standardsFacilitator]) {
      const answer = await send(test, person, 'GET', `/api/conferences/${misconductCase}`);
      expect(answer.statusCode).toBe(403);
      expect(answer.json().detail).toBe(
        'Confidential case material is never shown to an agency’s disciplinary roles.',
      );
      expect(answer.body).not.toContain('bus stop');
    }
    const refused = await auditOf(test, misconductCase, 'conference.firewall_refused');
    expect(refused.map((entry) => [entry.actorId, entry.outcome])).toEqual([
      [world.standards.personId, 'denied'],
      [world.standardsFacilitator.personId, 'denied'],
    ]);
    // Its other team member reads it.
    const read = await send(test, world.facilitator, 'GET', `/api/conferences/${misconductCase}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().misconduct).toBe(true);
  });
});

describe('the people a coordinator may put on a case team', () => {
  const peopleUrl = () => `/api/programs/${world.programId}/conference-people`;

  it('are the program’s facilitators and coordinators', async () => {
    const answer = await send(test, world.coordinator, 'GET', peopleUrl());
    expect(answer.statusCode, answer.body).toBe(200);
    const choices = answer.json() as StaffChoice[];
    expect(choices.map((choice) => choice.name)).toEqual([
      'Amara Johnson',
      'Luis Herrera',
      'Noor Haddad',
      'Sam Whitfield',
    ]);
    expect(choices.find((choice) => choice.name === 'Amara Johnson')?.roles).toEqual([
      'coordinator',
    ]);
  });

  it('leave out the agency’s professional standards once the program hears misconduct', async () => {
    const saved = await send(
      test,
      world.coordinator,
      'PUT',
      `/api/programs/${world.programId}/conference-settings`,
      {
        misconduct: true,
        agencyOrganisationId: world.agencyId,
        rules: [],
        scriptOrder: 'harmed_first',
      },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const answer = await send(test, world.coordinator, 'GET', peopleUrl());
    expect((answer.json() as StaffChoice[]).map((choice) => choice.name)).not.toContain(
      'Sam Whitfield',
    );
  });

  it('are for coordinators only', async () => {
    for (const person of [world.facilitator, world.resident, world.admin]) {
      expect((await send(test, person, 'GET', peopleUrl())).statusCode).toBe(403);
    }
  });
});
