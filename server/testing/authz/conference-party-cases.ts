import { eq } from 'drizzle-orm';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import type { PartyRole } from '../../../shared/conferences/machine.ts';
import { conferenceConsents, conferences } from '../../features/conferences/schema.ts';
import {
  assignToTeam,
  drive,
  insertCase,
  insertParty,
} from '../../features/conferences/testing.ts';
import { createOrganisation } from '../../features/organisations/service.ts';
import { organisationOf, type Side, type World } from './world.ts';

// The cases the matrix aims the routes of conferences' parties at: a case of the side's program
// with every actor on its team; one scheduled, with both parties consented; a misconduct case
// waiting for its screening's sign-off, about an agency none of the actors belongs to; and a
// case to which one person is a party. Steps that can be taken again share one case per side.

export const storeOf = (world: World) => ({
  db: world.test.context.database.db,
  cipher: world.test.context.cipher,
});

/** A party on the case who has consented, as the consent page leaves them. */
export async function consentedParty(
  world: World,
  conferenceId: string,
  role: PartyRole,
  addedBy: string,
  personId: string | null = null,
): Promise<string> {
  const store = storeOf(world);
  const partyId = await insertParty(store, conferenceId, { role, name: 'Sam', personId, addedBy });
  const consentId = crypto.randomUUID();
  await store.db.insert(conferenceConsents).values({
    id: consentId,
    conferenceId,
    partyId,
    version: CONSENT_VERSION,
    language: 'en',
    signatureSealed: store.cipher.encrypt('Sam', `conference_consent:${consentId}`),
  });
  await drive(store, conferenceId, addedBy, [
    { type: 'give_consent', partyId, version: CONSENT_VERSION },
  ]);
  return partyId;
}

/** A new community case of the side's program, every actor on its team. */
async function teamCaseOf(world: World, side: Side): Promise<string> {
  const { programId, founderId } = organisationOf(world, side);
  const store = storeOf(world);
  const { conferenceId } = await insertCase(store, { programId, harmType: 'property_damage' });
  for (const actor of world.actors) {
    if (actor.personId) await assignToTeam(store, conferenceId, actor.personId, founderId);
  }
  return conferenceId;
}

/** A team's case with its conference scheduled: both parties consented. */
async function scheduledCaseOf(world: World, side: Side): Promise<string> {
  const conferenceId = await teamCaseOf(world, side);
  const { founderId } = organisationOf(world, side);
  const store = storeOf(world);
  await drive(store, conferenceId, founderId, [
    { type: 'begin_screening' },
    { type: 'record_eligibility', eligible: true, reason: 'Property damage.' },
    { type: 'record_safety', safe: true, voluntary: true },
    { type: 'accept' },
  ]);
  await consentedParty(world, conferenceId, 'harmed', founderId);
  await consentedParty(world, conferenceId, 'responsible', founderId);
  await drive(store, conferenceId, founderId, [
    { type: 'schedule', startsAt: inAWeek(), mode: 'in_person' },
  ]);
  await store.db
    .update(conferences)
    .set({ mode: 'in_person', place: 'Community hall' })
    .where(eq(conferences.id, conferenceId));
  return conferenceId;
}

/** A misconduct case in screening, decided and waiting for its oversight sign-off. */
async function screenedCaseOf(world: World, side: Side): Promise<string> {
  const { programId, founderId } = organisationOf(world, side);
  const store = storeOf(world);
  const agencyOrganisationId = await createOrganisation(store.db, {
    name: `Westside Police ${crypto.randomUUID().slice(0, 8)}`,
    kind: 'police_agency',
  });
  const { conferenceId } = await insertCase(store, { programId, agencyOrganisationId });
  await drive(store, conferenceId, founderId, [
    { type: 'begin_screening' },
    { type: 'record_eligibility', eligible: true, reason: 'A discourtesy.' },
    { type: 'record_safety', safe: true, voluntary: true },
  ]);
  return conferenceId;
}

export const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

// Cases that requests may share (reads, and steps that can be taken again), one per side.
const shared = new WeakMap<World, Map<string, Promise<string>>>();
export function sharedCase(world: World, side: Side, kind: 'scheduled' | 'parties' | 'screened') {
  const made = shared.get(world) ?? new Map<string, Promise<string>>();
  shared.set(world, made);
  const key = `${kind} ${side}`;
  const known = made.get(key);
  if (known) return known;
  const making =
    kind === 'scheduled'
      ? scheduledCaseOf(world, side)
      : kind === 'parties'
        ? teamCaseOf(world, side)
        : screenedCaseOf(world, side);
  made.set(key, making);
  return making;
}

/**
 * A case of the own program to which `personId` is a party. No one is assigned to it, so what
 * it sends the team goes to the program's coordinators: a few emails, not one to every actor.
 */
export async function partyCaseFor(world: World, personId: string, consented: boolean) {
  const { programId, founderId } = world.own;
  const { conferenceId } = await insertCase(storeOf(world), { programId });
  if (consented) await consentedParty(world, conferenceId, 'harmed', founderId, personId);
  else {
    await insertParty(storeOf(world), conferenceId, {
      role: 'harmed',
      name: 'Sam',
      personId,
      addedBy: founderId,
    });
  }
  return conferenceId;
}
