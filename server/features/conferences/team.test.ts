import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  auditOf,
  buildIntakeWorld,
  emailsTo,
  type IntakeWorld,
  refer,
  referralLinkOf,
} from './intake-fixtures.ts';
import { insertCase } from './testing.ts';

// The case team: who may build it, who may be on it, what the assigned person hears, and that
// someone taken off it loses the case.

let test: TestApp;
let world: IntakeWorld;
let token: string;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  token = await referralLinkOf(test, world);
});
afterAll(async () => {
  await test.close();
});

describe('the case team', () => {
  const team = (person: IntakeWorld['coordinator'], conferenceId: string, body: object) =>
    send(test, person, 'POST', `/api/conferences/${conferenceId}/team`, body);

  it('is built by a coordinator; the person assigned hears of it by reference only, in their language', async () => {
    const { conferenceId, reference } = await refer(test, token);
    const answer = await team(world.coordinator, conferenceId, {
      personId: world.facilitator.personId,
      role: 'lead',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().team).toEqual([
      { personId: world.facilitator.personId, name: 'Luis Herrera', role: 'lead' },
    ]);
    const [email] = (await emailsTo(test, world.facilitator.email, 'conference-assigned')).filter(
      (message) => message.subject.includes(reference),
    );
    expect(email?.subject).toBe(`Le asignaron el caso ${reference}`);
    expect(email?.textBody).toContain('como facilitador principal');
    expect(email?.textBody).not.toContain('bus stop');
    const audited = await auditOf(test, conferenceId, 'conference.team_assigned');
    expect(audited.map((entry) => entry.details)).toEqual([
      { personId: world.facilitator.personId, role: 'lead' },
    ]);
    // The facilitator now reads the case.
    const read = await send(test, world.facilitator, 'GET', `/api/conferences/${conferenceId}`);
    expect(read.statusCode).toBe(200);
  });

  it('has one lead: naming another makes the first a co-facilitator', async () => {
    const { conferenceId } = await refer(test, token);
    await team(world.coordinator, conferenceId, {
      personId: world.facilitator.personId,
      role: 'lead',
    });
    const answer = await team(world.coordinator, conferenceId, {
      personId: world.otherFacilitator.personId,
      role: 'lead',
    });
    expect(answer.json().team).toEqual([
      { personId: world.otherFacilitator.personId, name: 'Noor Haddad', role: 'lead' },
      { personId: world.facilitator.personId, name: 'Luis Herrera', role: 'facilitator' },
    ]);
  });

  it('loses a member a coordinator takes off, who then finds no such case', async () => {
    const { conferenceId } = await refer(test, token);
    await team(world.coordinator, conferenceId, {
      personId: world.facilitator.personId,
      role: 'lead',
    });
    const url = `/api/conferences/${conferenceId}/team/${world.facilitator.personId}`;
    const removed = await send(test, world.coordinator, 'DELETE', url);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().team).toEqual([]);
    expect(
      (await send(test, world.facilitator, 'GET', `/api/conferences/${conferenceId}`)).statusCode,
    ).toBe(404);
    expect(await auditOf(test, conferenceId, 'conference.team_removed')).toHaveLength(1);
    const again = await send(test, world.coordinator, 'DELETE', url);
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toBe('This person is not on the case’s team.');
  });

  it('is not for its facilitators to change', async () => {
    const { conferenceId } = await refer(test, token);
    await team(world.coordinator, conferenceId, {
      personId: world.facilitator.personId,
      role: 'lead',
    });
    const answer = await team(world.facilitator, conferenceId, {
      personId: world.otherFacilitator.personId,
      role: 'facilitator',
    });
    expect(answer.statusCode).toBe(403);
  });

  it('takes only the program’s facilitators and coordinators', async () => {
    const { conferenceId } = await refer(test, token);
    for (const person of [world.resident, world.admin, world.standards]) {
      const answer = await team(world.coordinator, conferenceId, {
        personId: person.personId,
        role: 'facilitator',
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors).toEqual([
        expect.objectContaining({
          field: 'personId',
          message: 'Choose a facilitator or coordinator of this program.',
        }),
      ]);
    }
  });

  it('of a misconduct case cannot take someone in the agency’s professional standards', async () => {
    const store = { db: test.context.database.db, cipher: test.context.cipher };
    const { conferenceId } = await insertCase(store, {
      programId: world.programId,
      agencyOrganisationId: world.agencyId,
    });
    const answer = await team(world.coordinator, conferenceId, {
      personId: world.standardsFacilitator.personId,
      role: 'lead',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'firewall' }),
    ]);
    expect(answer.json().errors[0].message).toContain('professional standards');
    // A community case may have them: the firewall is about cases of their agency's officers.
    const { conferenceId: community } = await refer(test, token);
    const allowed = await team(world.coordinator, community, {
      personId: world.standardsFacilitator.personId,
      role: 'lead',
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });
});
