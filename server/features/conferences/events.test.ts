import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addSignedInPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { programs } from '../organisations/schema.ts';
import { loadState } from './events.ts';
import { drive, insertCase, insertParty, insertSettings } from './testing.ts';

// A case's events read back exactly as they were decided, an empty reason included: a
// misconduct case completed with every item done closes, with no reason, once the reviewer
// approves, rather than failing on a reason that went missing in between.

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.close();
});

describe('a case’s events', () => {
  it('close a completed misconduct case with no reason once the reviewer approves', async () => {
    const store = { db: test.context.database.db, cipher: test.context.cipher };
    const agencyId = await addOrganisation(test, 'Riverside Police Department');
    const programId = crypto.randomUUID();
    await store.db
      .insert(programs)
      .values({ id: programId, name: 'Officer conduct', leadOrganisationId: agencyId });
    await insertSettings(store, programId, { agencyOrganisationId: agencyId });
    const { personId: by } = await addSignedInPerson(test, {
      organisationId: agencyId,
      role: 'coordinator',
    });
    const { conferenceId } = await insertCase(store, {
      programId,
      agencyOrganisationId: agencyId,
    });
    await drive(store, conferenceId, by, [
      { type: 'begin_screening' },
      { type: 'record_eligibility', eligible: true, reason: 'Discourtesy.' },
      { type: 'record_safety', safe: true, voluntary: true },
      { type: 'sign_off', stage: 'screening', approved: true, comment: '' },
      { type: 'accept' },
    ]);
    const harmed = await insertParty(store, conferenceId, {
      role: 'harmed',
      name: 'Dana',
      addedBy: by,
    });
    const officer = await insertParty(store, conferenceId, {
      role: 'responsible',
      name: 'Officer Lee',
      addedBy: by,
    });
    const itemId = crypto.randomUUID();
    await drive(store, conferenceId, by, [
      { type: 'give_consent', partyId: harmed, version: '2026-11' },
      { type: 'give_consent', partyId: officer, version: '2026-11' },
      { type: 'schedule', startsAt: new Date().toISOString(), mode: 'in_person' },
      { type: 'record_held' },
      { type: 'begin_agreement' },
      { type: 'add_item', itemId },
      { type: 'confirm_agreement' },
      { type: 'settle_item', itemId, status: 'done', reason: '' },
      { type: 'close', outcome: 'completed', reason: '' },
      { type: 'sign_off', stage: 'closure', approved: true, comment: '' },
    ]);
    const state = await loadState(store.db, store.cipher, conferenceId);
    expect(state.stage).toBe('closed');
    expect(state.outcome).toEqual({ outcome: 'completed', reason: '' });
  });
});
