import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  daysAhead,
  fieldsOf,
  itemBody,
} from './agreement-fixtures.ts';
import { loadState } from './events.ts';
import { agreementItemsOf } from './items-read.ts';
import { conferenceItems } from './schema.ts';
import { assignToTeam, insertCase } from './testing.ts';

// Writing an agreement: items with who answers for each, by when and how it is verified, for
// the case team only, while the agreement is written or followed.

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
const itemsUrl = (conferenceId: string) => `/api/conferences/${conferenceId}/items`;

describe('the items of an agreement', () => {
  it('records each kind with who answers for it, when, how it is verified and by whom', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const apology = await addItem(test, world.facilitator, conferenceId, itemBody(responsibleId));
    expect(apology).toMatchObject({
      kind: 'apology',
      description: 'Officer Nair apologises to Rosa in person for shouting at the bus stop.',
      responsible: { kind: 'party', partyId: responsibleId, name: 'Officer Priya Nair' },
      dueOn: daysAhead(14),
      verification: 'Rosa tells the facilitator that the apology was made.',
      verifier: null,
      status: 'open',
      overdue: false,
      restitution: null,
      meetingAt: null,
      publication: { consentedPartyIds: [], commitmentId: null },
    });

    const restitution = await addItem(
      test,
      world.coordinator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'restitution',
        description: 'Pays for the phone screen broken at the stop.',
        dueOn: daysAhead(60),
        restitution: {
          amountCents: 30_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(60), amountCents: 10_000 },
            { dueOn: daysAhead(30), amountCents: 20_000 },
          ],
        },
      }),
    );
    expect(restitution.restitution).toEqual({
      amountCents: 30_000,
      currency: 'USD',
      paidCents: 0,
      instalments: [
        { dueOn: daysAhead(30), amountCents: 20_000 },
        { dueOn: daysAhead(60), amountCents: 10_000 },
      ],
      payments: [],
    });

    const meetingAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const meeting = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, { kind: 'meeting', dueOn: daysAhead(21), meetingAt }),
    );
    expect(meeting.meetingAt).toBe(meetingAt);

    const review = await addItem(
      test,
      world.facilitator,
      conferenceId,
      itemBody(responsibleId, {
        kind: 'policy_review',
        description: 'Reviews how officers explain a stop.',
        responsible: { kind: 'organisation', organisationId: world.agencyId },
        verifierPersonId: world.coordinator.personId,
      }),
    );
    expect(review).toMatchObject({
      responsible: {
        kind: 'organisation',
        organisationId: world.agencyId,
        name: 'Riverside Police Department',
      },
      verifier: { personId: world.coordinator.personId, name: 'Amara Johnson' },
    });

    // The case page and a party's page read the same agreement, by due day.
    const agreement = await agreementItemsOf(test.context.database.db, test.context.cipher, {
      id: conferenceId,
      programId: world.programId,
    });
    expect(agreement.map((item) => item.id)).toEqual([
      apology.id,
      review.id,
      meeting.id,
      restitution.id,
    ]);
    expect(agreement[0]).toEqual(apology);

    // The workflow holds each item, and the words are sealed at rest.
    const state = await loadState(test.context.database.db, test.context.cipher, conferenceId);
    expect(Object.keys(state.items).sort()).toEqual(
      [apology.id, restitution.id, meeting.id, review.id].sort(),
    );
    const [row] = await test.context.database.db
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.id, apology.id));
    expect(row?.descriptionSealed).not.toContain('apologises');
    expect(row?.verificationSealed).not.toContain('facilitator');
  });

  it('refuses what cannot be agreed, naming each field, and stores nothing', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world);
    const other = await caseInAgreement(test, world);
    const tryItem = (body: object) =>
      send(test, world.facilitator, 'POST', itemsUrl(conferenceId), body);

    const notAddingUp = await tryItem(
      itemBody(responsibleId, {
        kind: 'restitution',
        restitution: {
          amountCents: 30_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(7), amountCents: 10_000 },
            { dueOn: daysAhead(14), amountCents: 15_000 },
          ],
        },
      }),
    );
    expect(notAddingUp.statusCode).toBe(400);
    expect(fieldsOf(notAddingUp)).toEqual(['restitution.instalments']);

    const strangers = await tryItem(
      itemBody(other.responsibleId, { verifierPersonId: world.standards.personId }),
    );
    expect(strangers.statusCode).toBe(400);
    expect(fieldsOf(strangers)).toEqual(['responsible.partyId', 'verifierPersonId']);
    expect(strangers.json().errors[0].message).toBe('Choose a party of this case.');

    const past = await tryItem(itemBody(responsibleId, { dueOn: daysAhead(-1) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([
      {
        field: 'dueOn',
        message: 'This day has passed; choose today or a later day.',
        code: 'due_in_past',
      },
    ]);

    const paymentsLate = await tryItem(
      itemBody(responsibleId, {
        kind: 'restitution',
        dueOn: daysAhead(10),
        restitution: {
          amountCents: 5_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(-2), amountCents: 2_500 },
            { dueOn: daysAhead(20), amountCents: 2_500 },
          ],
        },
      }),
    );
    expect(fieldsOf(paymentsLate)).toEqual([
      'restitution.instalments.0.dueOn',
      'restitution.instalments.1.dueOn',
    ]);

    const elsewhere = await tryItem(
      itemBody(responsibleId, {
        responsible: { kind: 'organisation', organisationId: crypto.randomUUID() },
      }),
    );
    expect(fieldsOf(elsewhere)).toEqual(['responsible.organisationId']);
    expect(fieldsOf(await tryItem(itemBody(responsibleId, { kind: 'meeting' })))).toEqual([
      'meetingAt',
    ]);
    expect(
      fieldsOf(await tryItem(itemBody(responsibleId, { kind: 'restitution', restitution: null }))),
    ).toEqual(['restitution']);

    const stored = await test.context.database.db
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.conferenceId, conferenceId));
    expect(stored).toEqual([]);
    const state = await loadState(test.context.database.db, test.context.cipher, conferenceId);
    expect(state.items).toEqual({});
  });

  it('is the case team’s alone: others find no such case, and the firewall refuses and audits', async () => {
    const { conferenceId, responsibleId } = await caseInAgreement(test, world, {
      misconduct: true,
    });
    for (const outsider of [world.otherFacilitator, world.resident, world.agencyAdmin]) {
      const answer = await send(
        test,
        outsider,
        'POST',
        itemsUrl(conferenceId),
        itemBody(responsibleId),
      );
      expect(answer.statusCode).toBe(404);
    }
    const refused = await send(
      test,
      world.standards,
      'POST',
      itemsUrl(conferenceId),
      itemBody(responsibleId),
    );
    expect(refused.statusCode).toBe(403);
    const audited = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'conference.firewall_refused'),
          eq(auditEvents.targetId, conferenceId),
        ),
      );
    expect(audited.map((event) => event.actorId)).toEqual([world.standards.personId]);
    expect(JSON.stringify(audited)).not.toContain('apologises');
  });

  it('takes items only once the conference was held', async () => {
    const { conferenceId } = await insertCase(store(), { programId: world.programId });
    await assignToTeam(
      store(),
      conferenceId,
      world.facilitator.personId,
      world.coordinator.personId,
    );
    const early = await send(
      test,
      world.facilitator,
      'POST',
      itemsUrl(conferenceId),
      itemBody(crypto.randomUUID(), {
        responsible: { kind: 'organisation', organisationId: world.communityId },
      }),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('wrong_stage');
  });
});
