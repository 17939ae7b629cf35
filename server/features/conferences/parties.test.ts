import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { emailsTo } from '../circles/fixtures.ts';
import {
  addOfficerAsResponsible,
  addPartyAs,
  auditOf,
  buildPartyWorld,
  caseAt,
  type PartyWorld,
  partyTokenIn,
  sessionOf,
} from './party-fixtures.ts';
import { conferenceParties, conferenceRecords } from './schema.ts';

// Parties and their own part of a case: a harmed person with no account comes in by the link
// emailed to them and sees their own preparation only; an officer already here sees theirs; the
// team's records are sealed, and every read of them is in the audit trail.

let test: TestApp;
let world: PartyWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildPartyWorld(test);
});
afterAll(async () => {
  await test.close();
});

const DANA_PREPARATION =
  'Dana is worried about meeting the officer again and wants her sister there.';
const OFFICER_PREPARATION = 'The officer wants to explain why the stop happened.';
const STATEMENT = 'I raised my voice because I thought she was reaching for something.';
const NOTE = 'Keep the two apart in the waiting room.';

const record = (conferenceId: string, body: Record<string, unknown>) =>
  send(test, world.facilitator, 'POST', `/api/conferences/${conferenceId}/records`, body);

/** A case in preparation with Dana (no account, by email, in Spanish) and the officer. */
async function caseWithParties() {
  const conferenceId = await caseAt(test, world, 'community', 'preparation');
  const address = `dana-${conferenceId.slice(0, 8)}@example.org`;
  const dana = await addPartyAs(test, world.facilitator, conferenceId, {
    role: 'harmed',
    name: 'Dana Reyes',
    email: address,
    language: 'es',
  });
  const officer = await addOfficerAsResponsible(test, world, conferenceId);
  const heldOn = '2026-11-20';
  for (const body of [
    { kind: 'preparation', partyId: dana.partyId, heldOn, body: DANA_PREPARATION },
    { kind: 'preparation', partyId: officer.partyId, heldOn, body: OFFICER_PREPARATION },
    { kind: 'statement', partyId: officer.partyId, body: STATEMENT },
    { kind: 'note', body: NOTE },
  ]) {
    const written = await record(conferenceId, body);
    expect(written.statusCode, written.body).toBe(201);
  }
  return { conferenceId, address, dana, officer };
}

describe('a party with no account', () => {
  it('comes in by the link emailed in their language, and sees only their own preparation', async () => {
    const { conferenceId, address, dana } = await caseWithParties();
    expect(dana.token).not.toBeNull();
    const [email] = await emailsTo(test, address, 'conference-party-link');
    expect(email?.subject).toBe(
      'Invitación a una conferencia restaurativa: Neighbourhood conferences',
    );
    expect(email?.textBody).toContain('Luis Herrera, de «Neighbourhood conferences», le invita');
    expect(email?.textBody).not.toContain('Dana');
    const token = partyTokenIn(email?.textBody ?? '');
    expect(token).toBe(dana.token);

    const preview = await send(test, undefined, 'POST', '/api/conference-party/preview', { token });
    expect(preview.json()).toEqual({
      programName: 'Neighbourhood conferences',
      role: 'harmed',
      language: 'es',
    });
    const joined = await send(test, undefined, 'POST', '/api/conference-party', {
      token,
      language: 'es',
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toEqual({ conferenceId });
    const cookie = sessionOf(joined.headers['set-cookie']);

    const mine = await send(test, cookie, 'GET', '/api/conferences/mine');
    expect(mine.json()).toEqual([
      expect.objectContaining({
        id: conferenceId,
        role: 'harmed',
        stage: 'preparation',
        startsAt: null,
      }),
    ]);
    const part = await send(test, cookie, 'GET', `/api/conferences/${conferenceId}/my-part`);
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({
      role: 'harmed',
      stage: 'preparation',
      paused: false,
      conference: null,
      consent: { status: 'none' },
      consentText: { language: 'es' },
      preparation: [{ heldOn: '2026-11-20', body: DANA_PREPARATION }],
      items: [],
    });
    for (const words of [OFFICER_PREPARATION, STATEMENT, NOTE])
      expect(part.body).not.toContain(words);
    expect(await auditOf(test, conferenceId, 'conference.own_preparation_read')).toHaveLength(1);
    // The case itself is its team's: a party does not find its records.
    const records = await send(test, cookie, 'GET', `/api/conferences/${conferenceId}/records`);
    expect(records.statusCode).toBe(404);
  });

  it('finds the link spent once used, and a new link ends the one before', async () => {
    const { conferenceId, dana } = await caseWithParties();
    const fresh = await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/parties/${dana.partyId}/link`,
    );
    expect(fresh.statusCode, fresh.body).toBe(201);
    const old = await send(test, undefined, 'POST', '/api/conference-party/preview', {
      token: dana.token,
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().errors).toEqual([
      expect.objectContaining({ field: 'token', message: expect.stringContaining('used already') }),
    ]);
    const token = partyTokenIn(fresh.json().url);
    const joined = await send(test, undefined, 'POST', '/api/conference-party', {
      token,
      language: 'en',
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const again = await send(test, undefined, 'POST', '/api/conference-party', {
      token,
      language: 'en',
    });
    expect(again.statusCode).toBe(400);
  });
});

describe('a party already here', () => {
  it('sees the case among their own, with their own preparation and never another party’s', async () => {
    const { conferenceId, officer } = await caseWithParties();
    expect(officer.token).toBeNull();
    const part = await send(test, world.officer, 'GET', `/api/conferences/${conferenceId}/my-part`);
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json().preparation).toEqual([
      expect.objectContaining({ body: OFFICER_PREPARATION }),
    ]);
    // Their own statement is the team's record, not their preparation; nor is Dana's meeting.
    for (const words of [DANA_PREPARATION, STATEMENT, NOTE]) expect(part.body).not.toContain(words);
    const records = await send(
      test,
      world.officer,
      'GET',
      `/api/conferences/${conferenceId}/records`,
    );
    expect(records.statusCode).toBe(404);
  });

  it('is refused as a party when not of the program, or named twice', async () => {
    const conferenceId = await caseAt(test, world, 'community', 'preparation');
    const party = {
      role: 'responsible',
      name: 'Officer Priya Nair',
      personId: world.officer.personId,
    };
    const stranger = await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/parties`,
      {
        ...party,
        personId: world.outsider.personId,
      },
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([
      expect.objectContaining({
        field: 'personId',
        message: 'Choose someone who takes part in this program.',
      }),
    ]);
    await addPartyAs(test, world.facilitator, conferenceId, party);
    const twice = await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/parties`,
      party,
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    const supporter = await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/parties`,
      {
        role: 'supporter',
        name: 'Marisol Reyes',
      },
    );
    expect(supporter.json().errors).toEqual([
      expect.objectContaining({ field: 'supportsPartyId' }),
    ]);
  });
});

describe('the team’s records', () => {
  it('are sealed in the database, and each read is in the audit trail', async () => {
    const { conferenceId } = await caseWithParties();
    const { db } = test.context.database;
    const rows = await db
      .select({ body: conferenceRecords.bodySealed })
      .from(conferenceRecords)
      .where(eq(conferenceRecords.conferenceId, conferenceId));
    expect(rows).toHaveLength(4);
    const stored = JSON.stringify(rows);
    for (const words of [DANA_PREPARATION, OFFICER_PREPARATION, STATEMENT, NOTE]) {
      expect(stored).not.toContain(words);
    }
    const [party] = await db
      .select()
      .from(conferenceParties)
      .where(eq(conferenceParties.conferenceId, conferenceId));
    expect(JSON.stringify(party)).not.toMatch(/Dana|Priya|example\.org/);

    for (const reader of [world.facilitator, world.coordinator]) {
      const read = await send(test, reader, 'GET', `/api/conferences/${conferenceId}/records`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().map((one: { body: string }) => one.body)).toEqual([
        DANA_PREPARATION,
        OFFICER_PREPARATION,
        STATEMENT,
        NOTE,
      ]);
      expect(read.json()[0].writtenBy).toBe('Luis Herrera');
    }
    expect(await auditOf(test, conferenceId, 'conference.records_read')).toEqual([
      expect.objectContaining({ actorId: world.facilitator.personId, details: { records: 4 } }),
      expect.objectContaining({ actorId: world.coordinator.personId, details: { records: 4 } }),
    ]);
    const outside = await send(
      test,
      world.otherFacilitator,
      'GET',
      `/api/conferences/${conferenceId}/records`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it('says what a preparation record is missing', async () => {
    const { conferenceId, dana } = await caseWithParties();
    const answer = await record(conferenceId, {
      kind: 'preparation',
      partyId: dana.partyId,
      body: 'Met.',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: 'heldOn', message: 'Give the day the meeting was held.' }),
    ]);
  });
});
