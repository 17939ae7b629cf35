import { eq } from 'drizzle-orm';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import {
  consentAllToPublish,
  insertFollowedCase,
  insertItem,
} from '../../features/conferences/items-testing.ts';
import { conferenceItems } from '../../features/conferences/schema.ts';
import { assignToTeam, insertParty } from '../../features/conferences/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of a conference's agreement. An item's routes aim at a case of the side's program
// whose agreement is followed, with the actor on its team: the table's 'conference.facilitate'
// decides who may work on it, and anyone else finds no such case (404). A party's consent to
// publish is their own: the actor is the harmed party of a case, and in someone else's case
// they find nothing. The program's lists and the agency's view are the table's alone.

const store = (world: World) => ({
  db: world.test.context.database.db,
  cipher: world.test.context.cipher,
});
const today = () => dayIn('UTC');

/** One followed case per program (the own and the partner side share one), made once. */
const followedCases = new WeakMap<World, Map<string, Promise<FollowedCase>>>();
interface FollowedCase {
  conferenceId: string;
  responsibleId: string;
  /** The people already on its team. */
  team: Set<string>;
}

function followedCaseOf(world: World, side: Side): Promise<FollowedCase> {
  const { programId, founderId } = organisationOf(world, side);
  const made = followedCases.get(world) ?? new Map<string, Promise<FollowedCase>>();
  followedCases.set(world, made);
  const known = made.get(programId);
  if (known) return known;
  const making = insertFollowedCase(store(world), programId, founderId).then((followed) => ({
    ...followed,
    team: new Set<string>(),
  }));
  made.set(programId, making);
  return making;
}

/** What an item's route needs of it, and whether the item aimed at before still serves. */
interface ItemNeed {
  kind?: ItemKind;
  done?: boolean;
  published?: boolean;
  serves(item: typeof conferenceItems.$inferSelect | undefined): boolean;
}

/** The item each route aims at in each case, until a request uses it up. */
const aimedItems = new WeakMap<World, Map<string, string>>();

/**
 * A request about the side's followed case with the actor on its team, and about one of its
 * items when the route needs one: the item aimed at before while it still serves the route (an
 * open one for settling, say), so that only the requests that succeed cost a new item.
 */
async function aimAtItem(
  world: World,
  side: Side,
  actor: MatrixActor,
  path: string,
  need: ItemNeed | null,
  payload?: object,
): Promise<AimedRequest> {
  const { programId, founderId } = organisationOf(world, side);
  const followed = await followedCaseOf(world, side);
  if (actor.personId && !followed.team.has(actor.personId)) {
    await assignToTeam(store(world), followed.conferenceId, actor.personId, founderId);
    followed.team.add(actor.personId);
  }
  let url = `/api/conferences/${followed.conferenceId}/items`;
  if (need) {
    const aimed = aimedItems.get(world) ?? new Map<string, string>();
    aimedItems.set(world, aimed);
    // Per side: the matrix makes an actor's requests for every side before it sends them, and
    // the own and partner sides share one case.
    const key = `${side} ${path}`;
    const [before] = await world.test.context.database.db
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.id, aimed.get(key) ?? ''));
    let itemId = before?.id;
    if (!itemId || !need.serves(before)) {
      itemId = await insertItem(store(world), followed.conferenceId, {
        responsiblePartyId: followed.responsibleId,
        createdBy: founderId,
        ...(need.kind ? { kind: need.kind } : {}),
        ...(need.done ? { done: true } : {}),
      });
      if (need.published) await consentAllToPublish(store(world), followed.conferenceId, itemId);
      aimed.set(key, itemId);
    }
    url = `${url}/${itemId}`;
  }
  return {
    url: `${url}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/** Followed cases of the own program for a party's own routes: one the actors join as harmed
 * parties, and one that only the bystander is a party of; made once, with an item each. */
const partyCases = new WeakMap<World, Promise<{ joined: PartyCase; bystanders: PartyCase }>>();
interface PartyCase {
  conferenceId: string;
  itemId: string;
  parties: Set<string>;
}

async function partyCaseOf(world: World, bystanderId: string): Promise<PartyCase> {
  const { programId, founderId } = world.own;
  const followed = await insertFollowedCase(store(world), programId, founderId, bystanderId);
  const itemId = await insertItem(store(world), followed.conferenceId, {
    responsiblePartyId: followed.responsibleId,
    createdBy: founderId,
  });
  return { conferenceId: followed.conferenceId, itemId, parties: new Set([bystanderId]) };
}

/** The publication consent of a harmed party who is `personId`, in the case they are part of. */
async function asHarmedParty(world: World, personId: string, theirs: 'joined' | 'bystanders') {
  const making =
    partyCases.get(world) ??
    (async () => ({
      joined: await partyCaseOf(world, world.bystanderId),
      bystanders: await partyCaseOf(world, world.bystanderId),
    }))();
  partyCases.set(world, making);
  const partyCase = (await making)[theirs];
  if (!partyCase.parties.has(personId)) {
    await insertParty(store(world), partyCase.conferenceId, {
      role: 'harmed',
      name: 'Harmed party',
      personId,
      addedBy: world.own.founderId,
    });
    partyCase.parties.add(personId);
  }
  return {
    url: `/api/conferences/${partyCase.conferenceId}/my-part/items/${partyCase.itemId}/publication-consent`,
  };
}

const inProgramOf = (path: string) => async (world: World, side: Side) => {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/programs/${programId}${path}`,
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
};

export const conferenceAgreementRouteChecks: Record<RouteKey, RouteCheck> = {
  'POST /api/conferences/{id}/items': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 201,
    request: (world, side, actor) =>
      aimAtItem(world, side, actor, '', null, {
        kind: 'service_hours',
        description: 'Twenty hours at the community garden.',
        responsible: {
          kind: 'organisation',
          organisationId: organisationOf(world, side).organisationId,
        },
        dueOn: addDays(today(), 20),
        verification: 'The garden’s coordinator signs the hours.',
      }),
  },
  'POST /api/conferences/{id}/items/{itemId}/remove': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 204,
    request: (world, side, actor) =>
      aimAtItem(
        world,
        side,
        actor,
        '/remove',
        { serves: (item) => item !== undefined },
        { reason: 'Agreed otherwise.' },
      ),
  },
  'POST /api/conferences/{id}/items/{itemId}/settle': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 200,
    request: (world, side, actor) =>
      aimAtItem(
        world,
        side,
        actor,
        '/settle',
        { serves: (item) => item?.status === 'open' },
        { status: 'done' },
      ),
  },
  'POST /api/conferences/{id}/items/{itemId}/reopen': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 200,
    request: (world, side, actor) =>
      aimAtItem(
        world,
        side,
        actor,
        '/reopen',
        { done: true, serves: (item) => item?.status === 'done' },
        { reason: 'Not done after all.' },
      ),
  },
  'POST /api/conferences/{id}/items/{itemId}/payments': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 200,
    request: (world, side, actor) =>
      aimAtItem(
        world,
        side,
        actor,
        '/payments',
        // A cent at a time, so that one restitution serves every payment of the matrix.
        { kind: 'restitution', serves: (item) => item?.status === 'open' },
        { paidOn: today(), amountCents: 1 },
      ),
  },
  'POST /api/conferences/{id}/items/{itemId}/publish': {
    kind: 'case',
    action: 'conference.facilitate',
    answers: 200,
    request: (world, side, actor) =>
      aimAtItem(
        world,
        side,
        actor,
        '/publish',
        { published: true, serves: (item) => item?.commitmentId === null },
        { publicTitle: 'An apology in person', publicDescription: '' },
      ),
  },
  'POST /api/conferences/{id}/my-part/items/{itemId}/publication-consent': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 204,
    request: (world, actor) => asHarmedParty(world, actor.personId ?? world.bystanderId, 'joined'),
    otherPersons: (world) => asHarmedParty(world, world.bystanderId, 'bystanders'),
  },
  'GET /api/programs/{programId}/conference-overdue': {
    kind: 'table',
    action: 'conference.facilitate',
    answers: 200,
    request: inProgramOf('/conference-overdue'),
  },
  'GET /api/programs/{programId}/conference-outcomes.csv': {
    kind: 'table',
    action: 'conference.export',
    answers: 200,
    request: inProgramOf('/conference-outcomes.csv'),
  },
  'GET /api/organisations/{organisationId}/conferences': {
    kind: 'table',
    action: 'conference.agency',
    answers: 200,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/conferences`,
        expected: { target: { organisationId } },
      };
    },
  },
};
