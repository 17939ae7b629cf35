import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignedInPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { grantMembership } from '../organisations/service.ts';
import {
  type AgreementWorld,
  addItem,
  buildAgreementWorld,
  caseInAgreement,
  daysAhead,
  itemBody,
} from './agreement-fixtures.ts';
import { conferenceInstalments, conferenceItems } from './schema.ts';
import { assignToTeam, drive } from './testing.ts';

// The list of what is overdue, for the staff who follow agreements: each case for its
// coordinators, their own cases for facilitators, and nothing behind the firewall.

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
const confirm = (conferenceId: string) =>
  drive(store(), conferenceId, world.facilitator.personId, [{ type: 'confirm_agreement' }]);
const setDue = (itemId: string, dueOn: string) =>
  test.context.database.db
    .update(conferenceItems)
    .set({ dueOn })
    .where(eq(conferenceItems.id, itemId));

describe('the overdue list', () => {
  it('lists open items past their day: every case for coordinators, their own for facilitators', async () => {
    const mine = await caseInAgreement(test, world);
    const late = await addItem(
      test,
      world.facilitator,
      mine.conferenceId,
      itemBody(mine.responsibleId),
    );
    const behind = await addItem(
      test,
      world.facilitator,
      mine.conferenceId,
      itemBody(mine.responsibleId, {
        kind: 'restitution',
        dueOn: daysAhead(30),
        restitution: {
          amountCents: 20_000,
          currency: 'USD',
          instalments: [
            { dueOn: daysAhead(2), amountCents: 10_000 },
            { dueOn: daysAhead(30), amountCents: 10_000 },
          ],
        },
      }),
    );
    await addItem(test, world.facilitator, mine.conferenceId, itemBody(mine.responsibleId));
    await confirm(mine.conferenceId);
    await setDue(late.id, daysAhead(-3));
    await test.context.database.db
      .update(conferenceInstalments)
      .set({ dueOn: daysAhead(-1) })
      .where(eq(conferenceInstalments.dueOn, daysAhead(2)));

    const theirs = await caseInAgreement(test, world);
    await assignToTeam(
      store(),
      theirs.conferenceId,
      world.otherFacilitator.personId,
      world.coordinator.personId,
    );
    const theirsLate = await addItem(
      test,
      world.otherFacilitator,
      theirs.conferenceId,
      itemBody(theirs.responsibleId),
    );
    await confirm(theirs.conferenceId);
    await setDue(theirsLate.id, daysAhead(-2));

    const misconduct = await caseInAgreement(test, world, { misconduct: true });
    const agencyOwes = await addItem(
      test,
      world.facilitator,
      misconduct.conferenceId,
      itemBody(misconduct.responsibleId, {
        kind: 'policy_review',
        responsible: { kind: 'organisation', organisationId: world.agencyId },
      }),
    );
    await confirm(misconduct.conferenceId);
    await setDue(agencyOwes.id, daysAhead(-1));

    const ours = new Set([mine.conferenceId, theirs.conferenceId, misconduct.conferenceId]);
    const listFor = async (as: typeof world.coordinator) => {
      const answer = await send(
        test,
        as,
        'GET',
        `/api/programs/${world.programId}/conference-overdue`,
      );
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json() as { conferenceId: string; itemId: string }[]).filter((item) =>
        ours.has(item.conferenceId),
      );
    };

    const everything = await listFor(world.coordinator);
    expect(everything).toEqual([
      {
        conferenceId: mine.conferenceId,
        reference: mine.reference,
        itemId: late.id,
        kind: 'apology',
        dueOn: daysAhead(-3),
        responsibleName: 'Officer Priya Nair',
      },
      {
        conferenceId: theirs.conferenceId,
        reference: theirs.reference,
        itemId: theirsLate.id,
        kind: 'apology',
        dueOn: daysAhead(-2),
        responsibleName: 'Officer Priya Nair',
      },
      ...[
        {
          conferenceId: misconduct.conferenceId,
          reference: misconduct.reference,
          itemId: agencyOwes.id,
          kind: 'policy_review',
          dueOn: daysAhead(-1),
          responsibleName: 'Riverside Police Department',
        },
        {
          conferenceId: mine.conferenceId,
          reference: mine.reference,
          itemId: behind.id,
          kind: 'restitution',
          dueOn: daysAhead(-1),
          responsibleName: 'Officer Priya Nair',
        },
      ].sort((a, b) => a.reference.localeCompare(b.reference)),
    ]);
    // The lead facilitator is on every case here; the other only on theirs.
    expect((await listFor(world.facilitator)).map((item) => item.itemId).sort()).toEqual(
      [late.id, behind.id, theirsLate.id, agencyOwes.id].sort(),
    );
    expect((await listFor(world.otherFacilitator)).map((item) => item.itemId)).toEqual([
      theirsLate.id,
    ]);

    // A coordinator who also serves in the agency's professional standards is kept out of its
    // misconduct cases.
    const both = await addSignedInPerson(test, {
      organisationId: world.communityId,
      role: 'coordinator',
      programId: world.programId,
    });
    await grantMembership(test.context.database.db, {
      personId: both.personId,
      organisationId: world.agencyId,
      role: 'professional_standards',
    });
    expect((await listFor(both)).map((item) => item.conferenceId)).not.toContain(
      misconduct.conferenceId,
    );

    for (const refused of [world.resident, world.standards, world.reviewer]) {
      const answer = await send(
        test,
        refused,
        'GET',
        `/api/programs/${world.programId}/conference-overdue`,
      );
      expect(answer.statusCode).toBe(403);
    }
  });
});
