import type { CaseCommand, PartyRole } from '../../../shared/conferences/machine.ts';
import { defaultMisconductRules } from '../../../shared/conferences/names.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { appendEvents, referredEvent, runCommand } from './events.ts';
import { conferenceParties, conferenceSettings, conferences, conferenceTeam } from './schema.ts';
import { newConferenceToken } from './token.ts';

// Cases for tests, made straight in the database and moved by the workflow's own commands, so
// that a test of one step starts where that step begins.

interface Store {
  db: Database;
  cipher: FieldCipher;
}

export async function insertSettings(
  { db }: Store,
  programId: string,
  misconduct: { agencyOrganisationId: string } | null,
): Promise<{ referralToken: string }> {
  const { token, tokenHash } = newConferenceToken();
  await db.insert(conferenceSettings).values({
    programId,
    misconduct: misconduct !== null,
    agencyOrganisationId: misconduct?.agencyOrganisationId ?? null,
    rules: [...defaultMisconductRules],
    referralTokenHash: tokenHash,
  });
  return { referralToken: token };
}

export interface TestCase {
  programId: string;
  /** The agency of a misconduct case; none for a community case. */
  agencyOrganisationId?: string | null;
  harmType?: string;
}

/** A new referral, as the public form would leave it. */
export async function insertCase(
  { db, cipher }: Store,
  test: TestCase,
): Promise<{ conferenceId: string; reference: string }> {
  const conferenceId = crypto.randomUUID();
  const reference = `RC-${conferenceId.slice(0, 6).toUpperCase()}`;
  const misconduct = (test.agencyOrganisationId ?? null) !== null;
  await db.transaction(async (tx) => {
    await tx.insert(conferences).values({
      id: conferenceId,
      programId: test.programId,
      reference,
      misconduct,
      agencyOrganisationId: test.agencyOrganisationId ?? null,
      harmType: test.harmType ?? 'discourtesy',
      urgency: 'routine',
      referrerKind: 'person_harmed',
      referralSealed: cipher.encrypt(
        JSON.stringify({
          summary: 'The officer shouted at me at the bus stop and would not say why I was stopped.',
          peopleInvolved: 'Me and one officer',
          referrerName: 'Dana Reyes',
          referrerContact: 'dana@example.org',
        }),
        `conference_referral:${conferenceId}`,
      ),
      trackingTokenHash: newConferenceToken().tokenHash,
    });
    // The referral is made by no one signed in, as the public form makes it.
    await appendEvents(
      db,
      tx,
      cipher,
      { id: conferenceId, programId: test.programId },
      null,
      [referredEvent(misconduct, new Date().toISOString())],
      'anonymous',
    );
  });
  return { conferenceId, reference };
}

/** Runs workflow commands as `actorId`, in order; a refusal fails the test that asked for it. */
export async function drive(
  { db, cipher }: Store,
  conferenceId: string,
  actorId: string,
  commands: CaseCommand[],
): Promise<void> {
  for (const command of commands) {
    await runCommand(db, cipher, actorId, conferenceId, command);
  }
}

export async function assignToTeam(
  { db }: Store,
  conferenceId: string,
  personId: string,
  assignedBy: string,
): Promise<void> {
  await db.insert(conferenceTeam).values({
    id: crypto.randomUUID(),
    conferenceId,
    personId,
    role: 'lead',
    assignedBy,
  });
}

/** A party on the case (its row and its `party_added` event), optionally a person here. */
export async function insertParty(
  store: Store,
  conferenceId: string,
  party: { role: PartyRole; name: string; personId?: string | null; addedBy: string },
): Promise<string> {
  const partyId = crypto.randomUUID();
  await store.db.insert(conferenceParties).values({
    id: partyId,
    conferenceId,
    role: party.role,
    nameSealed: store.cipher.encrypt(party.name, `conference_party:${partyId}`),
    personId: party.personId ?? null,
    addedBy: party.addedBy,
  });
  await drive(store, conferenceId, party.addedBy, [
    { type: 'add_party', partyId, role: party.role },
  ]);
  return partyId;
}
