import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { commitments } from '../commitments/schema.ts';
import {
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  daysAhead,
  itemBody,
} from './agreement-fixtures.ts';
import { conferenceItems } from './schema.ts';
import { drive, insertParty } from './testing.ts';

// An agreed item goes on the public accountability register only in words that name no one,
// and only once every harmed and responsible party on the case has said yes on their own page.

let test: TestApp;
let world: AgreementWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildAgreementWorld(test);
});
afterAll(async () => {
  await test.close();
});

const store = () => ({ db: test.context.database.db, cipher: test.context.cipher });
const consentUrl = (conferenceId: string, itemId: string) =>
  `/api/conferences/${conferenceId}/my-part/items/${itemId}/publication-consent`;
const publishUrl = (conferenceId: string, itemId: string) =>
  `/api/conferences/${conferenceId}/items/${itemId}/publish`;
const publicWords = {
  publicTitle: 'An apology in person to the person who was stopped',
  publicDescription: 'Agreed at a community conference about a traffic stop.',
};

describe('publishing an agreed item', () => {
  it('publishes de-identified words once every harmed and responsible party agreed', async () => {
    const { conferenceId, responsibleId, harmedId } = await caseInAgreement(test, world);
    const item = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    const publish = () =>
      send(test, world.facilitator, 'POST', publishUrl(conferenceId, item.id), publicWords);

    expect((await publish()).json().code).toBe('wrong_stage');
    await drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);
    const nobody = await publish();
    expect(nobody.statusCode).toBe(409);
    expect(nobody.json()).toMatchObject({
      code: 'publication_consent_missing',
      detail: 'Every harmed and responsible party must agree to publish this item; 2 have not yet.',
    });

    const rosa = await send(test, world.resident, 'POST', consentUrl(conferenceId, item.id));
    expect(rosa.statusCode, rosa.body).toBe(204);
    expect(
      (await send(test, world.resident, 'POST', consentUrl(conferenceId, item.id))).statusCode,
    ).toBe(204);
    expect((await publish()).json().detail).toContain('1 has not yet');

    const officer = await send(test, world.officer, 'POST', consentUrl(conferenceId, item.id));
    expect(officer.statusCode).toBe(204);
    const published = await publish();
    expect(published.statusCode, published.body).toBe(200);
    const { publication } = published.json();
    expect(publication.consentedPartyIds.sort()).toEqual([harmedId, responsibleId].sort());
    expect(publication.commitmentId).toEqual(expect.any(String));

    // The register holds the public words alone.
    const [commitment] = await test.context.database.db
      .select()
      .from(commitments)
      .where(eq(commitments.id, publication.commitmentId));
    expect(commitment).toMatchObject({
      source: 'conference',
      sourceId: conferenceId,
      visibility: 'public',
      title: publicWords.publicTitle,
      description: publicWords.publicDescription,
      publicTitle: publicWords.publicTitle,
      ownerOrganisationId: world.communityId,
      ownerPersonId: null,
    });
    for (const word of ['Rosa', 'Nair', 'bus stop', 'apologises']) {
      expect(JSON.stringify(commitment)).not.toContain(word);
    }
    const page = await test.app.inject({
      url: `/register/commitments/${publication.commitmentId}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(publicWords.publicTitle);
    expect(page.body).not.toContain('Rosa');

    expect((await publish()).json().code).toBe('already_published');
    const removed = await send(
      test,
      world.facilitator,
      'POST',
      `/api/conferences/${conferenceId}/items/${item.id}/remove`,
      { reason: 'Changed our minds.' },
    );
    expect(removed.json().code).toBe('item_published');
  });

  it('moves the register’s commitment with its item: kept, reopened with a reason, given up', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);
    for (const party of [world.resident, world.officer]) {
      await send(test, party, 'POST', consentUrl(conferenceId, item.id));
    }
    const published = await send(
      test,
      world.facilitator,
      'POST',
      publishUrl(conferenceId, item.id),
      publicWords,
    );
    const { commitmentId } = published.json().publication;
    const step = (what: 'settle' | 'reopen', body: object) =>
      send(
        test,
        world.facilitator,
        'POST',
        `/api/conferences/${conferenceId}/items/${item.id}/${what}`,
        body,
      );
    const onRegister = async () => {
      const [row] = await test.context.database.db
        .select({ status: commitments.status })
        .from(commitments)
        .where(eq(commitments.id, commitmentId));
      const page = await test.app.inject({ url: `/register/commitments/${commitmentId}` });
      return { status: row?.status, page: page.body };
    };

    expect((await step('settle', { status: 'done' })).statusCode).toBe(200);
    expect(await onRegister()).toMatchObject({ status: 'done' });

    const reopened = await step('reopen', { reason: 'The apology was postponed.' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await onRegister()).toMatchObject({ status: 'in_progress' });

    const givenUp = await step('settle', {
      status: 'not_done',
      reason: 'The meeting could not be arranged.',
    });
    expect(givenUp.statusCode).toBe(200);
    const shown = await onRegister();
    expect(shown.status).toBe('not_done');
    expect(shown.page).toContain('The meeting could not be arranged.');
  });

  it('lets only the harmed and responsible parties decide, each for themselves', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await insertParty(store(), conferenceId, {
      role: 'supporter',
      name: 'Chief Morgan',
      personId: world.agencyAdmin.personId,
      addedBy: world.facilitator.personId,
    });
    const supporter = await send(
      test,
      world.agencyAdmin,
      'POST',
      consentUrl(conferenceId, item.id),
    );
    expect(supporter.statusCode).toBe(403);
    expect(supporter.json().code).toBe('not_deciding_party');
    // Not a party at all, or the team itself: no such case of theirs.
    for (const someone of [world.otherFacilitator, world.facilitator]) {
      const answer = await send(test, someone, 'POST', consentUrl(conferenceId, item.id));
      expect(answer.statusCode).toBe(404);
    }
    const unknownItem = await send(
      test,
      world.resident,
      'POST',
      consentUrl(conferenceId, crypto.randomUUID()),
    );
    expect(unknownItem.statusCode).toBe(404);
  });

  it('names the register’s fields as the publish form does, and takes no item whose day passed', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const item = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    await drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);
    for (const party of [world.resident, world.officer]) {
      await send(test, party, 'POST', consentUrl(conferenceId, item.id));
    }
    const short = await send(test, world.facilitator, 'POST', publishUrl(conferenceId, item.id), {
      publicTitle: 'Hi',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors.map((error: { field: string }) => error.field)).toContain(
      'publicTitle',
    );
    await test.context.database.db
      .update(conferenceItems)
      .set({ dueOn: daysAhead(-1) })
      .where(eq(conferenceItems.id, item.id));
    const late = await send(
      test,
      world.facilitator,
      'POST',
      publishUrl(conferenceId, item.id),
      publicWords,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('due_day_passed');
  });
});
