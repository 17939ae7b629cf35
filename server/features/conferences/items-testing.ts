import { and, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { CaseCommand } from '../../../shared/conferences/machine.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { runCommand } from './events.ts';
import { itemDescriptionContext, itemVerificationContext } from './items-read.ts';
import { conferenceItems, conferenceParties, conferencePublicationConsents } from './schema.ts';
import { drive, insertCase, insertParty } from './testing.ts';

// Agreements for tests that start where an item's own route begins (the authorisation matrix):
// a case whose agreement is confirmed, and items added to it by the workflow's own command.

interface Store {
  db: Database;
  cipher: FieldCipher;
}

/** An item of the case, open (or settled as done), by the workflow's own command. */
export async function insertItem(
  store: Store,
  conferenceId: string,
  item: {
    kind?: ItemKind;
    responsiblePartyId: string;
    createdBy: string;
    /** Settled as done once added; the case must be in monitoring. */
    done?: boolean;
  },
): Promise<string> {
  const { db, cipher } = store;
  const itemId = crypto.randomUUID();
  const kind = item.kind ?? 'apology';
  await db.transaction(async (tx) => {
    await runCommand(db, cipher, item.createdBy, conferenceId, { type: 'add_item', itemId }, tx);
    await tx.insert(conferenceItems).values({
      id: itemId,
      conferenceId,
      kind,
      descriptionSealed: cipher.encrypt('Apologises in person.', itemDescriptionContext(itemId)),
      responsiblePartyId: item.responsiblePartyId,
      dueOn: addDays(dayIn('UTC'), 30),
      verificationSealed: cipher.encrypt(
        'The facilitator hears it.',
        itemVerificationContext(itemId),
      ),
      amountCents: kind === 'restitution' ? 10_000 : null,
      currency: kind === 'restitution' ? 'USD' : null,
      createdBy: item.createdBy,
    });
    if (item.done) {
      const settle: CaseCommand = { type: 'settle_item', itemId, status: 'done', reason: '' };
      await runCommand(db, cipher, item.createdBy, conferenceId, settle, tx);
      await tx
        .update(conferenceItems)
        .set({ status: 'done' })
        .where(eq(conferenceItems.id, itemId));
    }
  });
  return itemId;
}

/** Every harmed and responsible party on the case agrees to publish the item. */
export async function consentAllToPublish(
  store: Store,
  conferenceId: string,
  itemId: string,
): Promise<void> {
  const deciding = await store.db
    .select({ id: conferenceParties.id })
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.conferenceId, conferenceId),
        isNull(conferenceParties.removedAt),
        inArray(conferenceParties.role, ['harmed', 'responsible']),
      ),
    );
  await store.db
    .insert(conferencePublicationConsents)
    .values(deciding.map((party) => ({ itemId, partyId: party.id })));
}

/**
 * A case of the program in monitoring: a harmed and a responsible party (`harmedPersonId`, when
 * given, is the harmed party's account), both consented, the conference held, and an agreement
 * of one item confirmed. `by` drives the workflow.
 */
export async function insertFollowedCase(
  store: Store,
  programId: string,
  by: string,
  harmedPersonId: string | null = null,
): Promise<{ conferenceId: string; harmedId: string; responsibleId: string }> {
  const { conferenceId } = await insertCase(store, { programId });
  await drive(store, conferenceId, by, [
    { type: 'begin_screening' },
    { type: 'record_eligibility', eligible: true, reason: 'Within the program’s rules.' },
    { type: 'record_safety', safe: true, voluntary: true },
    { type: 'accept' },
  ]);
  const harmedId = await insertParty(store, conferenceId, {
    role: 'harmed',
    name: 'Harmed party',
    personId: harmedPersonId,
    addedBy: by,
  });
  const responsibleId = await insertParty(store, conferenceId, {
    role: 'responsible',
    name: 'Responsible party',
    addedBy: by,
  });
  await drive(store, conferenceId, by, [
    { type: 'give_consent', partyId: harmedId, version: '2026-11' },
    { type: 'give_consent', partyId: responsibleId, version: '2026-11' },
    { type: 'schedule', startsAt: new Date(Date.now() + 86_400_000).toISOString(), mode: 'online' },
    { type: 'record_held' },
    { type: 'begin_agreement' },
  ]);
  await insertItem(store, conferenceId, { responsiblePartyId: responsibleId, createdBy: by });
  await drive(store, conferenceId, by, [{ type: 'confirm_agreement' }]);
  return { conferenceId, harmedId, responsibleId };
}
