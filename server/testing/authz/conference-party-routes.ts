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
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of a conference's parties, preparation, conference and oversight. A case's team is
// its assigned people who may facilitate in its program, and the program's coordinators: here
// every actor is assigned, so the table's 'conference.facilitate' says who reaches it, and
// anyone else does not find the case (404), since that it exists is confidential. The misconduct
// cases oversight reads are about a police agency none of the actors belongs to: the firewall
// is its own tests' subject (oversight.test.ts). A party's own part is theirs alone: the actor
// is a party to a case of the own program, and to someone else's part they find nothing.

const unknownLinkToken = 'a'.repeat(43);

const storeOf = (world: World) => ({
  db: world.test.context.database.db,
  cipher: world.test.context.cipher,
});

/** A party on the case who has consented, as the consent page leaves them. */
async function consentedParty(
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

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

// Cases that requests may share (reads, and steps that can be taken again), one per side.
const shared = new WeakMap<World, Map<string, Promise<string>>>();
function sharedCase(world: World, side: Side, kind: 'scheduled' | 'parties' | 'screened') {
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

async function aimAt(
  world: World,
  side: Side,
  conferenceId: string,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/conferences/${conferenceId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/** A team route on a shared case of the side. */
const onCase =
  (kind: 'scheduled' | 'parties' | 'screened', path: string, payload?: object) =>
  async (world: World, side: Side) =>
    aimAt(world, side, await sharedCase(world, side, kind), path, payload);

/** A team route on a fresh party of the side's shared case, consented or not. */
const onNewParty =
  (path: string, consented: boolean, payload?: object) => async (world: World, side: Side) => {
    const conferenceId = await sharedCase(world, side, 'parties');
    const { founderId } = organisationOf(world, side);
    const partyId = consented
      ? await consentedParty(world, conferenceId, 'supporter', founderId)
      : await insertParty(storeOf(world), conferenceId, {
          role: 'harmed',
          name: 'Sam',
          addedBy: founderId,
        });
    return aimAt(world, side, conferenceId, `/parties/${partyId}${path}`, payload);
  };

/**
 * A case of the own program to which `personId` is a party. No one is assigned to it, so what
 * it sends the team goes to the program's coordinators: a few emails, not one to every actor.
 */
async function partyCaseFor(world: World, personId: string, consented: boolean) {
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

const asParty = (path: string, consented: boolean, payload?: object) => ({
  async request(world: World, actor: MatrixActor) {
    const conferenceId = await partyCaseFor(world, actor.personId ?? world.bystanderId, consented);
    return { url: `/api/conferences/${conferenceId}${path}`, ...(payload ? { payload } : {}) };
  },
  async otherPersons(world: World) {
    const conferenceId = await partyCaseFor(world, world.bystanderId, consented);
    return { url: `/api/conferences/${conferenceId}${path}`, ...(payload ? { payload } : {}) };
  },
});

const team = { kind: 'table', action: 'conference.facilitate', refusedAs: 404 } as const;
const oversight = { kind: 'table', action: 'conference.oversee', refusedAs: 404 } as const;
const consentBody = { version: CONSENT_VERSION, language: 'en', signature: 'Sam Rivera' };

export const conferencePartyRouteChecks: Record<RouteKey, RouteCheck> = {
  'POST /api/conferences/{id}/parties': {
    ...team,
    answers: 201,
    request: onCase('parties', '/parties', { role: 'harmed', name: 'Sam Rivera' }),
  },
  'POST /api/conferences/{id}/parties/{partyId}/link': {
    ...team,
    answers: 201,
    request: onNewParty('/link', false),
  },
  'POST /api/conferences/{id}/parties/{partyId}/remove': {
    ...team,
    answers: 200,
    request: onNewParty('/remove', false, { reason: 'They moved away.' }),
  },
  'POST /api/conferences/{id}/parties/{partyId}/consent': {
    ...team,
    answers: 200,
    request: onNewParty('/consent', false, consentBody),
  },
  'POST /api/conferences/{id}/parties/{partyId}/withdraw': {
    ...team,
    answers: 200,
    request: onNewParty('/withdraw', true, {}),
  },
  'GET /api/conferences/{id}/records': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/records'),
  },
  'POST /api/conferences/{id}/records': {
    ...team,
    answers: 201,
    request: onCase('scheduled', '/records', { kind: 'note', body: 'Met the family.' }),
  },
  // Scheduled already: an allowed request moves the conference, which the workflow takes.
  'POST /api/conferences/{id}/schedule': {
    ...team,
    answers: 200,
    request: (world: World, side: Side) =>
      onCase('scheduled', '/schedule', { startsAt: inAWeek(), mode: 'online' })(world, side),
  },
  'GET /api/conferences/{id}/calendar.ics': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/calendar.ics'),
  },
  'GET /api/conferences/{id}/script': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/script?language=es'),
  },
  'GET /api/programs/{programId}/conference-sign-offs': {
    kind: 'table',
    action: 'conference.oversee',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/conference-sign-offs`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/conferences/{id}/oversight': {
    ...oversight,
    answers: 200,
    request: onCase('screened', '/oversight'),
  },
  // The workflow takes a screening's sign-off again until the case is accepted.
  'POST /api/conferences/{id}/sign-off': {
    ...oversight,
    answers: 200,
    request: onCase('screened', '/sign-off', { stage: 'screening', approved: true }),
  },

  // A real token would make the actor a party; an unknown one is a 400 on the token, to anyone.
  'POST /api/conference-party/preview': {
    kind: 'public',
    answers: 400,
    request: () => ({ url: '/api/conference-party/preview', payload: { token: unknownLinkToken } }),
  },
  'POST /api/conference-party': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/conference-party',
      payload: { token: unknownLinkToken, language: 'en' },
    }),
  },
  'GET /api/conferences/mine': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/conferences/mine' }),
  },
  'GET /api/conferences/{id}/my-part': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part', false),
  },
  'POST /api/conferences/{id}/my-part/consent': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part/consent', false, consentBody),
  },
  'POST /api/conferences/{id}/my-part/withdraw': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part/withdraw', true, { reason: 'Not ready.' }),
  },
};
