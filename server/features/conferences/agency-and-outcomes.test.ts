import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../../shared/commitments/days.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  type AgreementCase,
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  itemBody,
  ZONE,
} from './agreement-fixtures.ts';
import { outcomeColumns } from './outcomes-export.ts';
import { conferenceRecords } from './schema.ts';
import { drive, insertCase } from './testing.ts';

// What leaves a case for people outside its team: the agency's view of the misconduct cases
// about its officers, and the de-identified outcomes for evaluation. Neither carries a name or
// a word of the case.

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

/** Everything written into the cases below that must never leave them. */
const caseWords = [
  // The referral (testing.ts) and the parties.
  'shouted at me',
  'Dana Reyes',
  'dana@example.org',
  'Rosa',
  'Priya',
  'Tomás',
  'rosa.medina@example.org',
  // Screening, a statement and a note.
  'Discourtesy at a stop',
  'humiliated in front of my children',
  'Officer seemed remorseful',
  // The officer's own item.
  'apologises',
  'bus stop',
];

async function writeRecords(agreementCase: AgreementCase) {
  const { cipher, db } = store();
  for (const [kind, body] of [
    ['statement', 'I felt humiliated in front of my children.'],
    ['note', 'Officer seemed remorseful during preparation.'],
  ] as const) {
    const id = crypto.randomUUID();
    await db.insert(conferenceRecords).values({
      id,
      conferenceId: agreementCase.conferenceId,
      kind,
      partyId: agreementCase.harmedId,
      bodySealed: cipher.encrypt(body, `conference_record:${id}`),
      writtenBy: world.facilitator.personId,
    });
  }
}

/** A misconduct case followed in monitoring, the agency owing a review, the officer an apology. */
async function followedMisconductCase() {
  const followed = await caseInAgreement(test, world, { misconduct: true });
  const review = await addItem(
    test,
    world.facilitator,
    followed.conferenceId,
    itemBody(followed.responsibleId, {
      kind: 'policy_review',
      description: 'Review how stops are explained to the person stopped.',
      responsible: { kind: 'organisation', organisationId: world.agencyId },
    }),
  );
  const apology = await addItem(
    test,
    world.facilitator,
    followed.conferenceId,
    itemBody(followed.responsibleId),
  );
  await drive(store(), followed.conferenceId, world.facilitator.personId, [
    { type: 'confirm_agreement' },
  ]);
  await send(
    test,
    world.facilitator,
    'POST',
    `/api/conferences/${followed.conferenceId}/items/${apology.id}/settle`,
    { status: 'done' },
  );
  await writeRecords(followed);
  return { followed, review };
}

describe('the agency’s view of misconduct cases', () => {
  it('shows decisions, the items the agency owes and completion, and no word of the case', async () => {
    const lead = world.facilitator.personId;
    const pending = await insertCase(store(), {
      programId: world.programId,
      agencyOrganisationId: world.agencyId,
    });
    const declined = await insertCase(store(), {
      programId: world.programId,
      agencyOrganisationId: world.agencyId,
    });
    await drive(store(), declined.conferenceId, lead, [
      { type: 'begin_screening' },
      {
        type: 'record_eligibility',
        eligible: false,
        reason: 'Discourtesy at a stop, but pending charges.',
      },
      { type: 'record_safety', safe: true, voluntary: true },
    ]);
    await drive(store(), declined.conferenceId, world.reviewer.personId, [
      { type: 'sign_off', stage: 'screening', approved: true, comment: '' },
    ]);
    await drive(store(), declined.conferenceId, lead, [
      { type: 'route_back', reason: 'Pending charges: a matter for the courts.' },
    ]);
    const { followed, review } = await followedMisconductCase();
    const community = await caseInAgreement(test, world);

    for (const reader of [world.agencyAdmin, world.standards]) {
      const answer = await send(
        test,
        reader,
        'GET',
        `/api/organisations/${world.agencyId}/conferences`,
      );
      expect(answer.statusCode, answer.body).toBe(200);
      const cases = answer.json() as { reference: string }[];
      const byReference = (reference: string) => cases.find((each) => each.reference === reference);
      expect(byReference(pending.reference)).toEqual({
        reference: pending.reference,
        decision: 'pending',
        stage: 'referral',
        outcome: null,
        owed: [],
        items: { total: 0, done: 0 },
      });
      expect(byReference(declined.reference)).toMatchObject({
        decision: 'declined',
        stage: 'closed',
        outcome: 'no_conference',
      });
      expect(byReference(followed.reference)).toEqual({
        reference: followed.reference,
        decision: 'accepted',
        stage: 'monitoring',
        outcome: null,
        owed: [
          {
            kind: 'policy_review',
            description: 'Review how stops are explained to the person stopped.',
            dueOn: review.dueOn,
            status: 'open',
          },
        ],
        items: { total: 2, done: 1 },
      });
      expect(byReference(community.reference)).toBeUndefined();
      for (const word of caseWords) expect(answer.body).not.toContain(word);
    }
  });

  it('is refused to everyone but the agency’s admins and disciplinary staff', async () => {
    for (const reader of [world.coordinator, world.facilitator, world.officer, world.reviewer]) {
      const answer = await send(
        test,
        reader,
        'GET',
        `/api/organisations/${world.agencyId}/conferences`,
      );
      expect(answer.statusCode).toBe(403);
    }
    const elsewhere = await send(
      test,
      world.standards,
      'GET',
      `/api/organisations/${world.communityId}/conferences`,
    );
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('the de-identified outcomes export', () => {
  it('gives one row per closed case, with counts and months only', async () => {
    const done = await caseInAgreement(test, world);
    for (const _ of [1, 2]) {
      await addItem(test, world.facilitator, done.conferenceId, itemBody(done.responsibleId));
    }
    await drive(store(), done.conferenceId, world.facilitator.personId, [
      { type: 'confirm_agreement' },
    ]);
    await writeRecords(done);
    const { followed } = await followedMisconductCase();
    await drive(store(), followed.conferenceId, world.facilitator.personId, [
      {
        type: 'close',
        outcome: 'partly_completed',
        reason: 'The review was put off by the chief.',
      },
    ]);
    await drive(store(), followed.conferenceId, world.reviewer.personId, [
      { type: 'sign_off', stage: 'closure', approved: true, comment: '' },
    ]);
    await drive(store(), done.conferenceId, world.facilitator.personId, [
      { type: 'close', outcome: 'not_completed', reason: 'Rosa moved away before the apology.' },
    ]);

    const url = `/api/programs/${world.programId}/conference-outcomes.csv`;
    const answer = await send(test, world.coordinator, 'GET', url);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    expect(answer.headers['content-disposition']).toContain('attachment;');
    const [header, ...lines] = answer.body.trimEnd().split('\r\n');
    expect(header).toBe(outcomeColumns.map((column) => `"${column}"`).join(','));
    const rows = lines.map((line) =>
      Object.fromEntries(
        line
          .slice(1, -1)
          .split('","')
          .map((cell, index) => [outcomeColumns[index], cell]),
      ),
    );
    // Each case is alone with its details: they are withheld, its outcome and counts are not.
    expect(rows.filter((row) => row.outcome === 'not_completed')).toEqual([
      expect.objectContaining({
        harm_type: '',
        misconduct: '',
        referrer_kind: '',
        urgency: '',
        referred_month: '',
        closed_month: '',
        days_to_closure: '',
        small_group: 'yes',
        parties_harmed: '1',
        parties_responsible: '1',
        parties_supporter: '1',
        parties_police_rep: '0',
        items_apology: '2',
        items_apology_done: '0',
      }),
    ]);
    expect(rows.filter((row) => row.outcome === 'partly_completed')).toEqual([
      expect.objectContaining({
        misconduct: '',
        small_group: 'yes',
        items_policy_review: '1',
        items_policy_review_done: '0',
        items_apology: '1',
        items_apology_done: '1',
      }),
    ]);
    for (const word of [
      ...caseWords,
      'RC-',
      done.conferenceId,
      'put off by the chief',
      'moved away',
    ]) {
      expect(answer.body).not.toContain(word);
    }
    // No day, only months; and a row's id is new in every export.
    expect(answer.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const again = await send(test, world.reviewer, 'GET', url);
    expect(again.statusCode).toBe(200);
    const idsOf = (body: string) =>
      body
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[0]);
    expect(idsOf(again.body).filter((id) => idsOf(answer.body).includes(id))).toEqual([]);
  });

  it('shows the details of cases that share them with at least four others', async () => {
    for (let case_ = 0; case_ < 5; case_ += 1) {
      const { conferenceId } = await insertCase(store(), {
        programId: world.programId,
        harmType: 'property_damage',
      });
      await drive(store(), conferenceId, world.coordinator.personId, [
        { type: 'begin_screening' },
        { type: 'record_eligibility', eligible: false, reason: 'Heard by the youth court.' },
        { type: 'record_safety', safe: true, voluntary: true },
        { type: 'route_back', reason: 'The youth court hears it.' },
      ]);
    }
    const answer = await send(
      test,
      world.coordinator,
      'GET',
      `/api/programs/${world.programId}/conference-outcomes.csv`,
    );
    const month = dayIn(ZONE).slice(0, 7);
    const shared = answer.body.split('\r\n').filter((line) => line.includes('"property_damage"'));
    expect(shared).toHaveLength(5);
    for (const line of shared) {
      expect(line).toContain(
        `"property_damage","no","person_harmed","routine","${month}","${month}","0","no_conference"`,
      );
      expect(line.endsWith('"no"')).toBe(true);
    }
  });

  it('is refused to the agency’s disciplinary staff, and the attempt is audited', async () => {
    const refused = await send(
      test,
      world.standards,
      'GET',
      `/api/programs/${world.programId}/conference-outcomes.csv`,
    );
    expect(refused.statusCode).toBe(403);
    const audited = await test.context.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, world.standards.personId),
          eq(auditEvents.action, 'permission.denied'),
          eq(auditEvents.targetId, world.programId),
        ),
      );
    expect(audited.map((event) => event.details)).toContainEqual(
      expect.objectContaining({ attempted: 'conference.export' }),
    );
    const facilitator = await send(
      test,
      world.facilitator,
      'GET',
      `/api/programs/${world.programId}/conference-outcomes.csv`,
    );
    expect(facilitator.statusCode).toBe(403);
  });
});
