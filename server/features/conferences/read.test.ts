import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { CaseDetail } from '../../../shared/conferences/contract.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildIntakeWorld, type IntakeWorld, refer, referralLinkOf } from './intake-fixtures.ts';
import {
  conferenceConsents,
  conferenceInstalments,
  conferenceItems,
  conferencePayments,
} from './schema.ts';
import { itemDescriptionContext, itemVerificationContext } from './sealed.ts';
import { drive, insertParty } from './testing.ts';

// The case page's whole case, as the other parts of conferences leave it: parties with their
// consent, the conference, agreement items with what was paid, and a case paused by a withdrawn
// consent. The rows are written here as those parts write them.

let test: TestApp;
let world: IntakeWorld;
let conferenceId: string;
let harmedId: string;
let responsibleId: string;
let restitutionId: string;
let apologyId: string;
const startsAt = '2026-09-14T17:00:00.000Z';

async function consent(partyId: string) {
  await test.context.database.db.insert(conferenceConsents).values({
    id: crypto.randomUUID(),
    conferenceId,
    partyId,
    version: '2026-11',
    language: 'en',
    signatureSealed: test.context.cipher.encrypt('signed', `conference_consent:${partyId}`),
  });
  await drive(store(), conferenceId, world.coordinator.personId, [
    { type: 'give_consent', partyId, version: '2026-11' },
  ]);
}

const store = () => ({ db: test.context.database.db, cipher: test.context.cipher });

async function insertItem(item: {
  kind: 'restitution' | 'apology';
  description: string;
  dueOn: string;
  party?: string;
  organisation?: string;
  amountCents?: number;
}) {
  const id = crypto.randomUUID();
  const { cipher } = test.context;
  await test.context.database.db.insert(conferenceItems).values({
    id,
    conferenceId,
    kind: item.kind,
    descriptionSealed: cipher.encrypt(item.description, itemDescriptionContext(id)),
    responsiblePartyId: item.party ?? null,
    responsibleOrganisationId: item.organisation ?? null,
    dueOn: item.dueOn,
    verificationSealed: cipher.encrypt(
      'Receipt shown to the facilitator',
      itemVerificationContext(id),
    ),
    verifierPersonId: world.facilitator.personId,
    amountCents: item.amountCents ?? null,
    currency: item.amountCents ? 'USD' : null,
    createdBy: world.facilitator.personId,
  });
  await drive(store(), conferenceId, world.facilitator.personId, [
    { type: 'add_item', itemId: id },
  ]);
  return id;
}

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  conferenceId = (await refer(test, await referralLinkOf(test, world))).conferenceId;
  await send(test, world.coordinator, 'POST', `/api/conferences/${conferenceId}/team`, {
    personId: world.facilitator.personId,
    role: 'lead',
  });
  await drive(store(), conferenceId, world.coordinator.personId, [
    { type: 'begin_screening' },
    { type: 'record_eligibility', eligible: true, reason: 'Eligible.' },
    { type: 'record_safety', safe: true, voluntary: true },
    { type: 'accept' },
  ]);
  const addedBy = world.facilitator.personId;
  harmedId = await insertParty(store(), conferenceId, {
    role: 'harmed',
    name: 'Dana Reyes',
    addedBy,
  });
  responsibleId = await insertParty(store(), conferenceId, {
    role: 'responsible',
    name: 'Jordan Pike',
    addedBy,
  });
  await consent(harmedId);
  await consent(responsibleId);
  await drive(store(), conferenceId, addedBy, [
    { type: 'schedule', startsAt, mode: 'online' },
    { type: 'record_held' },
    { type: 'begin_agreement' },
  ]);
  const today = dayIn(test.context.config.TIME_ZONE);
  restitutionId = await insertItem({
    kind: 'restitution',
    description: 'Pay for the broken window',
    dueOn: addDays(today, 30),
    party: responsibleId,
    amountCents: 12_000,
  });
  apologyId = await insertItem({
    kind: 'apology',
    description: 'A written apology from the department',
    dueOn: addDays(today, -1),
    organisation: world.agencyId,
  });
  const { db } = test.context.database;
  await db.insert(conferenceInstalments).values([
    { itemId: restitutionId, dueOn: addDays(today, 10), amountCents: 6_000 },
    { itemId: restitutionId, dueOn: addDays(today, 30), amountCents: 6_000 },
  ]);
  await db.insert(conferencePayments).values({
    id: crypto.randomUUID(),
    itemId: restitutionId,
    paidOn: today,
    amountCents: 6_000,
    recordedBy: world.facilitator.personId,
  });
});
afterAll(async () => {
  await test.close();
});

const readCase = async () => {
  const answer = await send(test, world.facilitator, 'GET', `/api/conferences/${conferenceId}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json() as CaseDetail;
};

describe('the case page', () => {
  it('shows the parties by name with their consent, and the conference as scheduled', async () => {
    const detail = await readCase();
    expect(detail.stage).toBe('agreement');
    expect(detail.conference).toEqual({ startsAt, mode: 'online', place: null, circleId: null });
    expect(detail.parties).toEqual([
      expect.objectContaining({
        id: harmedId,
        role: 'harmed',
        name: 'Dana Reyes',
        hasAccount: false,
        consent: { status: 'given', version: '2026-11', at: expect.any(String) },
        removed: false,
      }),
      expect.objectContaining({ id: responsibleId, name: 'Jordan Pike', role: 'responsible' }),
    ]);
  });

  it('shows the agreement’s items with who answers for them, what was paid and what is overdue', async () => {
    const detail = await readCase();
    expect(detail.items).toEqual([
      expect.objectContaining({
        id: apologyId,
        kind: 'apology',
        description: 'A written apology from the department',
        responsible: {
          kind: 'organisation',
          organisationId: world.agencyId,
          name: 'Riverside Police Department',
        },
        status: 'open',
        overdue: true,
        restitution: null,
      }),
      expect.objectContaining({
        id: restitutionId,
        description: 'Pay for the broken window',
        verification: 'Receipt shown to the facilitator',
        verifier: { personId: world.facilitator.personId, name: 'Luis Herrera' },
        responsible: { kind: 'party', partyId: responsibleId, name: 'Jordan Pike' },
        overdue: false,
        restitution: expect.objectContaining({
          amountCents: 12_000,
          currency: 'USD',
          paidCents: 6_000,
          instalments: [
            expect.objectContaining({ amountCents: 6_000 }),
            expect.objectContaining({ amountCents: 6_000 }),
          ],
        }),
      }),
    ]);
    expect(detail.allowed).toEqual(['confirm_agreement', 'close']);
  });

  it('shows a case paused by a withdrawn consent, and offers no step that waits on it', async () => {
    await test.context.database.db
      .update(conferenceConsents)
      .set({ withdrawnAt: new Date() })
      .where(eq(conferenceConsents.partyId, harmedId));
    await drive(store(), conferenceId, world.facilitator.personId, [
      { type: 'withdraw_consent', partyId: harmedId, reason: 'Needs time to think.' },
    ]);
    const detail = await readCase();
    expect(detail.paused).toBe(true);
    expect(detail.parties[0]?.consent).toMatchObject({ status: 'withdrawn', version: '2026-11' });
    expect(detail.allowed).toEqual(['close']);
    expect(detail.timeline.at(-1)).toMatchObject({
      type: 'consent_withdrawn',
      byName: 'Luis Herrera',
      data: { partyId: harmedId },
      words: 'Needs time to think.',
    });
  });
});
