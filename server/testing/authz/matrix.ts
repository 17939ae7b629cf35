import { eq, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Actor, decide } from '../../../shared/permissions/decide.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import { invitations } from '../../features/invitations/schema.ts';
import {
  memberships,
  organisations,
  programOrganisations,
  programs,
} from '../../features/organisations/schema.ts';
import { membershipsOf } from '../../features/organisations/service.ts';
import { secondFactorOf } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { emailPreferences, outbox } from '../../platform/mail/schema.ts';
import { nextClientAddress } from '../fuzz.ts';
import { startTestApp, type TestApp } from '../test-app.ts';
import {
  type AimedRequest,
  type Expected,
  type MatrixRequest,
  type RouteCheck,
  type RouteKey,
  routeChecks,
} from './routes.ts';
import {
  buildWorld,
  type MatrixActor,
  organisationOf,
  type Side,
  sides,
  type World,
} from './world.ts';

// Issue 4, item 5: every route of the OpenAPI document, for every role, on a record of the
// actor's own organisation and of another one, answers as the permission table decides. A
// refusal is 401 without a working session, 403 otherwise, and changes nothing.

// The matrix is thousands of requests, so it runs as one test file per part of the API (which
// can run side by side), each on its own app and world: `setUpMatrixApp` in each file starts them.

let test: TestApp;
let world: World;

export function setUpMatrixApp(): void {
  beforeAll(async () => {
    test = await startTestApp();
    world = await buildWorld(test);
  });
  afterAll(async () => {
    await test.close();
  });
}

const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = Uppercase<(typeof httpMethods)[number]>;

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof httpMethods)[number], unknown>>>;
}

export async function documentedRoutes(): Promise<RouteKey[]> {
  const answer = await test.app.inject({ url: '/api/openapi.json' });
  const document = answer.json<OpenApiDocument>();
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    httpMethods
      .filter((method) => operations[method] !== undefined)
      .map((method): RouteKey => `${method.toUpperCase() as Method} ${path}`),
  );
}

/** Where a request aimed, and whether the table lets the actor through. */
interface Case {
  route: RouteKey;
  actor: MatrixActor;
  aim:
    | `${Side} organisation`
    | `${Side} organisation, naming ${'them' | 'someone else'}`
    | 'their own account'
    | "another person's account";
  request: AimedRequest | MatrixRequest;
  expected: { allowed: boolean; status: number };
  /** The actor as the table sees them, when they have a session that works. */
  signedIn?: Actor;
  /** Done just before the request is sent: a setting the cases of the same record each change. */
  prepare?(): Promise<void>;
}

interface Mismatch {
  kind: 'unintended allow' | 'unintended refusal';
  text: string;
}

// What a refused request must leave as it was. Sessions by id only: a request may note that
// its session was active, which is no change anyone asked for.
const guardedTables: PgTable[] = [
  organisations,
  programs,
  programOrganisations,
  memberships,
  invitations,
  people,
  outbox,
  emailPreferences,
];

/** A digest of each table's rows, worked out by the database so that no rows travel. */
const digestOf = (rows: SQL) =>
  sql`(select md5(coalesce(string_agg(md5(r::text), '' order by md5(r::text)), '')) from ${rows} r)`;

async function savedState(): Promise<string> {
  const digests = [
    ...guardedTables.map((table) => digestOf(sql`${sql.identifier(getTableName(table))}`)),
    digestOf(sql`(select id from auth_sessions)`),
  ].map((digest, index) => sql`${digest} as ${sql.identifier(`t${index}`)}`);
  const rows = await queryRows(test.context.database.db, sql`select ${sql.join(digests, sql`, `)}`);
  return JSON.stringify(rows);
}

interface SignedInActor extends Actor {
  /** Staff who have not set up their second factor act only on their own account. */
  secondFactorPending: boolean;
}

/**
 * The actor as stored now (their roles, their second factor), when they hold a session that
 * works; undefined when signed out or disabled.
 */
async function signedInActor(actor: MatrixActor): Promise<SignedInActor | undefined> {
  if (!actor.personId) return undefined;
  const { db } = test.context.database;
  const [person] = await db
    .select({ disabledAt: people.disabledAt, twoFactorEnabled: people.twoFactorEnabled })
    .from(people)
    .where(eq(people.id, actor.personId));
  if (!person || person.disabledAt !== null) return undefined;
  const memberships = await membershipsOf(db, actor.personId);
  return {
    personId: actor.personId,
    disabled: false,
    memberships,
    secondFactorPending: secondFactorOf(person.twoFactorEnabled, memberships) === 'required',
  };
}

function allows(actor: Actor, action: Action, expected: Expected): boolean {
  const targets = 'target' in expected ? [expected.target] : expected.anyOf;
  return targets.some((target) => decide(actor, action, target).allowed);
}

const pathPattern = (path: string) =>
  new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);

async function casesOf(route: RouteKey, check: RouteCheck, actor: MatrixActor): Promise<Case[]> {
  const signedIn = await signedInActor(actor);
  const needsSession = { allowed: false, status: 401 };
  switch (check.kind) {
    case 'public':
      return [
        {
          route,
          actor,
          aim: 'their own account',
          request: check.request(world),
          expected: { allowed: true, status: check.answers },
        },
      ];
    case 'development':
      // Requests come from addresses other than the server's own machine.
      return [
        {
          route,
          actor,
          aim: 'their own account',
          request: check.request(world),
          expected: { allowed: false, status: 404 },
        },
      ];
    case 'self': {
      const own = await check.request(world, actor);
      const allowed =
        signedIn !== undefined &&
        (!signedIn.secondFactorPending || check.evenBeforeSecondFactor) &&
        (check.action === undefined ||
          decide(signedIn, check.action, { personId: signedIn.personId }).allowed);
      const cases: Case[] = [
        {
          route,
          actor,
          aim: 'their own account',
          request: own,
          expected: signedIn ? { allowed, status: allowed ? check.answers : 403 } : needsSession,
        },
      ];
      if (check.otherPersons) {
        cases.push({
          route,
          actor,
          aim: "another person's account",
          request: await check.otherPersons(world),
          // Someone else's record is not theirs to know of: it is not found. Staff still
          // without a second factor are refused before that, as on their own record.
          expected: !signedIn
            ? needsSession
            : signedIn.secondFactorPending && !check.evenBeforeSecondFactor
              ? { allowed: false, status: 403 }
              : { allowed: false, status: 404 },
        });
      }
      return cases;
    }
    case 'table': {
      const cases: Case[] = [];
      for (const side of sides) {
        const request = await check.request(world, side);
        const allowed =
          signedIn !== undefined &&
          !signedIn.secondFactorPending &&
          allows(signedIn, check.action, request.expected);
        // Staff without a second factor are refused before anything is looked up.
        const refused = signedIn?.secondFactorPending ? 403 : (check.refusedAs ?? 403);
        cases.push({
          route,
          actor,
          aim: `${side} organisation`,
          request,
          ...(signedIn ? { signedIn } : {}),
          expected: signedIn
            ? { allowed, status: allowed ? check.answers : refused }
            : needsSession,
        });
      }
      return cases;
    }
    case 'case': {
      const cases: Case[] = [];
      for (const side of sides) {
        const request = await check.request(world, side, actor);
        const allowed =
          signedIn !== undefined &&
          !signedIn.secondFactorPending &&
          allows(signedIn, check.action, request.expected);
        cases.push({
          route,
          actor,
          aim: `${side} organisation`,
          request,
          ...(signedIn ? { signedIn } : {}),
          // Out of reach, a case is not found: no one learns that it exists.
          expected: !signedIn
            ? needsSession
            : signedIn.secondFactorPending
              ? { allowed: false, status: 403 }
              : { allowed, status: allowed ? check.answers : 404 },
        });
      }
      return cases;
    }
    case 'named': {
      const cases: Case[] = [];
      for (const side of sides) {
        for (const named of ['them', 'someone else'] as const) {
          const namedPersonId =
            named === 'them'
              ? (actor.personId ?? world.bystanderId)
              : organisationOf(world, side).founderId;
          const request = await check.request(world, side);
          const allowed =
            named === 'them' &&
            signedIn !== undefined &&
            !signedIn.secondFactorPending &&
            allows(signedIn, check.action, request.expected);
          cases.push({
            route,
            actor,
            aim: `${side} organisation, naming ${named}`,
            request,
            prepare: () => check.name(world, side, namedPersonId),
            ...(signedIn ? { signedIn } : {}),
            expected: signedIn ? { allowed, status: allowed ? check.answers : 403 } : needsSession,
          });
        }
      }
      return cases;
    }
  }
}

async function run(one: Case): Promise<Mismatch | undefined> {
  const [method = 'GET', path = ''] = one.route.split(' ');
  if (!pathPattern(path).test(one.request.url)) {
    throw new Error(`${one.route}: the registry aims at ${one.request.url}, not at this route`);
  }
  await one.prepare?.();
  const guarded = method !== 'GET' && !one.expected.allowed;
  const before = guarded ? await savedState() : '';
  const answer = await test.app.inject({
    method: method as Method,
    url: one.request.url,
    remoteAddress: nextClientAddress(),
    headers: {
      origin: test.context.config.publicUrl,
      ...(one.actor.cookie ? { cookie: one.actor.cookie } : {}),
      ...one.request.headers,
    },
    ...(one.request.payload !== undefined ? { payload: one.request.payload } : {}),
  });
  const changed = guarded && (await savedState()) !== before;
  const where = `${one.route} as ${one.actor.label}, on ${one.aim}`;
  if (answer.statusCode !== one.expected.status || changed) {
    const wanted = one.expected.allowed ? 'allowed' : 'refused';
    return {
      kind: one.expected.allowed ? 'unintended refusal' : 'unintended allow',
      text:
        `${where}: expected ${wanted} (${one.expected.status}), got ${answer.statusCode}` +
        `${changed ? ' and a saved change' : ''} ${answer.body.slice(0, 160)}`,
    };
  }
  const beyondReach =
    one.expected.allowed &&
    one.signedIn &&
    'shownBeyondReach' in one.request &&
    one.request.shownBeyondReach
      ? await one.request.shownBeyondReach(one.signedIn, answer.body)
      : [];
  if (beyondReach.length === 0) return undefined;
  return { kind: 'unintended allow', text: `${where}: showed ${beyondReach.join(', ')}` };
}

/** The parts of the API, one test file each. */
type MatrixPart =
  | 'conferences'
  | 'circles'
  | 'dialogues'
  | 'measurement'
  | 'measurement dashboards'
  | 'training'
  | 'the rest';

function partOf(route: RouteKey): MatrixPart {
  if (/\/measurement|\/trust\//.test(route)) return 'measurement dashboards';
  if (/survey|pulse/.test(route)) return 'measurement';
  if (/course|training/.test(route)) return 'training';
  if (route.includes('conference')) return 'conferences';
  if (route.includes('circle')) return 'circles';
  return route.includes('dialogue') ? 'dialogues' : 'the rest';
}

/** Sends every request of one part, for every actor, and expects no mismatch. */
export async function checkPart(part: MatrixPart): Promise<void> {
  const routes = (Object.entries(routeChecks) as [RouteKey, RouteCheck][]).filter(
    ([route]) => partOf(route) === part,
  );
  expect(routes.length).toBeGreaterThan(0);
  const mismatches: Mismatch[] = [];
  const expectedAnswers = { allowed: 0, refused: 0 };
  for (const [route, check] of routes) {
    for (const actor of world.actors) {
      for (const one of await casesOf(route, check, actor)) {
        expectedAnswers[one.expected.allowed ? 'allowed' : 'refused'] += 1;
        const mismatch = await run(one);
        if (mismatch) mismatches.push(mismatch);
      }
    }
  }
  const count = (kind: Mismatch['kind']) => mismatches.filter((m) => m.kind === kind).length;
  const requests = expectedAnswers.allowed + expectedAnswers.refused;
  console.log(
    `authz matrix, ${part}: ${requests} requests (${expectedAnswers.allowed} to allow, ` +
      `${expectedAnswers.refused} to refuse), ${routes.length} routes, ` +
      `${world.actors.length} actors, ${count('unintended allow')} unintended allows, ` +
      `${count('unintended refusal')} unintended refusals`,
  );
  expect(mismatches.map((mismatch) => `${mismatch.kind}: ${mismatch.text}`)).toEqual([]);
}
