import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { instantAt, localDaysAhead } from '../circles/fixtures.ts';
import { addPartyAs, buildPartyWorld, caseAt, type PartyWorld, store } from './party-fixtures.ts';
import { conferenceItems } from './schema.ts';
import { itemDescriptionContext, itemVerificationContext } from './sealed.ts';
import { drive } from './testing.ts';

// A party's own page as the case goes on: the conference's time and place once it is set, and
// the agreement's items once it is being written, never before.

let test: TestApp;
let world: PartyWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildPartyWorld(test);
});
afterAll(async () => {
  await test.close();
});

const APOLOGY = 'Officer Nair apologises to Dana in person, at the community centre.';

it('shows the conference once scheduled, and the agreement once it is being written', async () => {
  const conferenceId = await caseAt(test, world, 'community', 'preparation');
  const url = (path: string) => `/api/conferences/${conferenceId}${path}`;
  const signature = { version: CONSENT_VERSION, language: 'en', signature: 'Signed' };
  for (const party of [
    { role: 'harmed', name: 'Dana Reyes', email: 'dana-agreement@example.org' },
    { role: 'responsible', name: 'Officer Priya Nair', personId: world.officer.personId },
  ]) {
    const { partyId } = await addPartyAs(test, world.facilitator, conferenceId, party);
    await send(test, world.facilitator, 'POST', url(`/parties/${partyId}/consent`), signature);
  }
  const before = (await send(test, world.officer, 'GET', url('/my-part'))).json();
  expect(before).toMatchObject({ stage: 'preparation', conference: null, items: [] });
  expect(before.consentText.paragraphs.length).toBeGreaterThan(0);

  const startsAt = instantAt(localDaysAhead(2)).toISOString();
  const body = { startsAt, mode: 'in_person', place: 'Riverside Community Centre' };
  expect((await send(test, world.facilitator, 'POST', url('/schedule'), body)).statusCode).toBe(
    200,
  );
  const scheduled = (await send(test, world.officer, 'GET', url('/my-part'))).json();
  expect(scheduled.conference).toEqual({
    startsAt,
    mode: 'in_person',
    place: 'Riverside Community Centre',
    circleId: null,
  });
  expect((await send(test, world.officer, 'GET', '/api/conferences/mine')).json()).toContainEqual(
    expect.objectContaining({ id: conferenceId, stage: 'scheduled', startsAt }),
  );

  const by = world.facilitator.personId;
  await drive(store(test), conferenceId, by, [
    { type: 'record_held' },
    { type: 'begin_agreement' },
  ]);
  const itemId = crypto.randomUUID();
  const { cipher } = test.context;
  await test.context.database.db.insert(conferenceItems).values({
    id: itemId,
    conferenceId,
    kind: 'apology',
    descriptionSealed: cipher.encrypt(APOLOGY, itemDescriptionContext(itemId)),
    responsibleOrganisationId: world.agencyId,
    dueOn: '2027-01-15',
    verificationSealed: cipher.encrypt('Dana confirms it', itemVerificationContext(itemId)),
    createdBy: by,
  });
  await drive(store(test), conferenceId, by, [{ type: 'add_item', itemId }]);
  const agreement = (await send(test, world.officer, 'GET', url('/my-part'))).json();
  expect(agreement.items).toEqual([
    expect.objectContaining({
      id: itemId,
      kind: 'apology',
      description: APOLOGY,
      responsible: {
        kind: 'organisation',
        organisationId: world.agencyId,
        name: 'Riverside Police Department',
      },
      status: 'open',
    }),
  ]);
});

describe('someone who is no party', () => {
  it('finds no such case', async () => {
    const conferenceId = await caseAt(test, world, 'community', 'preparation');
    for (const someone of [world.facilitator, world.outsider]) {
      const answer = await send(test, someone, 'GET', `/api/conferences/${conferenceId}/my-part`);
      expect(answer.statusCode).toBe(404);
    }
  });
});
