import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { grantMembership } from '../organisations/service.ts';
import { addPartyAs, auditOf, buildPartyWorld, caseAt, type PartyWorld } from './party-fixtures.ts';
import { assignToTeam } from './testing.ts';

// The firewall, walked over every route of a case: someone in the agency's professional
// standards who also coordinates the program and was put on the case's team before they moved
// there (the worst case) reads nothing of a misconduct case through any route the API has, and
// each attempt is in the audit trail. A route added later is walked too: the list comes from
// the API's own document.

let test: TestApp;
let world: PartyWorld;
let conferenceId: string;
let reference: string;

const STATEMENT = 'I raised my voice because I was frightened for my children.';
const PARTY_NAME = 'Denise Walker';
const REFERRAL_WORDS = 'The officer shouted at me at the bus stop';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A body each route would take from its team, so that only the firewall stands in the way. */
const bodies: [RegExp, object][] = [
  [/\/transitions$/, { type: 'begin_screening' }],
  [/\/team$/, { personId: crypto.randomUUID(), role: 'facilitator' }],
  [
    /\/items$/,
    {
      kind: 'apology',
      description: 'A written apology.',
      responsible: { kind: 'party', partyId: crypto.randomUUID() },
      dueOn: '2031-01-15',
      verification: 'The facilitator reads it.',
    },
  ],
  [/\/settle$/, { status: 'done' }],
  [/\/payments$/, { paidOn: '2031-01-15', amountCents: 1_000 }],
  [/\/publish$/, { publicTitle: 'An apology was made' }],
  [/\/parties$/, { role: 'supporter', name: 'A neighbour' }],
  [/\/consent$/, { version: '2026-11', language: 'en', signature: 'A name' }],
  [/\/records$/, { kind: 'note', body: 'A note.' }],
  [/\/schedule$/, { startsAt: '2031-01-15T17:00:00Z', mode: 'online' }],
  [/\/sign-off$/, { stage: 'screening', approved: true }],
];
const bodyFor = (path: string) => bodies.find(([pattern]) => pattern.test(path))?.[1] ?? {};

async function documentedCaseRoutes(): Promise<{ method: Method; path: string }[]> {
  const document = (await test.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Partial<Record<Lowercase<Method>, unknown>>>;
  }>();
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/conferences/{id}'))
    .flatMap(([path, operations]) =>
      (['get', 'post', 'patch', 'delete'] as const)
        .filter((method) => operations[method] !== undefined)
        .map((method) => ({ method: method.toUpperCase() as Method, path })),
    );
}

async function hasPutRoutes(): Promise<boolean> {
  const document = (await test.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, { put?: unknown }>;
  }>();
  return Object.entries(document.paths).some(
    ([path, operations]) =>
      path.startsWith('/api/conferences/{id}') && operations.put !== undefined,
  );
}

beforeAll(async () => {
  test = await startTestApp();
  world = await buildPartyWorld(test);
  conferenceId = await caseAt(test, world, 'misconduct', 'preparation');
  const harmed = await addPartyAs(test, world.facilitator, conferenceId, {
    role: 'harmed',
    name: PARTY_NAME,
  });
  const written = await send(
    test,
    world.facilitator,
    'POST',
    `/api/conferences/${conferenceId}/records`,
    {
      kind: 'statement',
      partyId: harmed.partyId,
      body: STATEMENT,
    },
  );
  expect(written.statusCode, written.body).toBe(201);
  const read = await send(test, world.facilitator, 'GET', `/api/conferences/${conferenceId}`);
  reference = read.json().reference;
  // Before the move to professional standards they coordinated the program and sat on the team.
  const { db } = test.context.database;
  await grantMembership(db, {
    personId: world.standards.personId,
    organisationId: world.agencyId,
    programId: world.misconductProgramId,
    role: 'coordinator',
  });
  await assignToTeam(
    { db, cipher: test.context.cipher },
    conferenceId,
    world.standards.personId,
    world.coordinator.personId,
  );
});
afterAll(async () => {
  await test.close();
});

describe('the firewall of a misconduct case', () => {
  it('refuses every route of the case to the agency’s professional standards, and audits each attempt', async () => {
    const routes = await documentedCaseRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(await hasPutRoutes(), 'a PUT route of a case: teach this test to send it').toBe(false);
    const someId = crypto.randomUUID();
    const answers: { route: string; status: number }[] = [];
    for (const { method, path } of routes) {
      const url = path
        .replace('{id}', conferenceId)
        .replace(/\{\w+\}/g, someId)
        .concat(path.endsWith('/script') ? '?language=en' : '');
      const answer = await send(
        test,
        world.standards,
        method,
        url,
        method === 'GET' ? undefined : bodyFor(path),
      );
      answers.push({ route: `${method} ${path}`, status: answer.statusCode });
      for (const secret of [STATEMENT, PARTY_NAME, REFERRAL_WORDS]) {
        expect(answer.body, `${method} ${path}`).not.toContain(secret);
      }
    }
    // Refused outright (403); a party's own routes find no party of theirs (404).
    expect(
      answers.filter(
        (answer) =>
          answer.status !== 403 && !(answer.route.includes('/my-part') && answer.status === 404),
      ),
    ).toEqual([]);
    const refused = await auditOf(test, conferenceId, 'conference.firewall_refused');
    expect(refused).toHaveLength(answers.filter((answer) => answer.status === 403).length);
    expect(refused.every((entry) => entry.actorId === world.standards.personId)).toBe(true);
  });

  it('leaves the case off their board and overdue list, while its team reads it whole', async () => {
    const board = await send(
      test,
      world.standards,
      'GET',
      `/api/programs/${world.misconductProgramId}/conferences`,
    );
    expect(board.statusCode, board.body).toBe(200);
    expect(board.body).not.toContain(reference);
    const overdue = await send(
      test,
      world.standards,
      'GET',
      `/api/programs/${world.misconductProgramId}/conference-overdue`,
    );
    expect(overdue.body).not.toContain(reference);

    const records = await send(
      test,
      world.facilitator,
      'GET',
      `/api/conferences/${conferenceId}/records`,
    );
    expect(records.statusCode).toBe(200);
    expect(records.body).toContain(STATEMENT);
  });
});
