import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { instantAt, localDaysAhead } from '../circles/fixtures.ts';
import { LiveClient } from '../circles/live-client.ts';
import { LIVE_PATH } from '../circles/realtime.ts';
import { circles } from '../circles/schema.ts';
import {
  addOfficerAsResponsible,
  addPartyAs,
  buildPartyWorld,
  caseAt,
  type PartyWorld,
  sessionOf,
} from './party-fixtures.ts';
import { conferences } from './schema.ts';

// Issue 7, item 6: an online conference meets in its room, a circle in conference mode. The
// talking piece goes from the lead facilitator to the parties in the script's speaking order
// (the person harmed first in this program), then the co-facilitator, whoever comes in first;
// only the case's people come in, and the room follows the case when it moves.

let test: TestApp;
let world: PartyWorld;
let liveUrl: string;

beforeAll(async () => {
  test = await startTestApp();
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  liveUrl = `ws://127.0.0.1:${(test.app.server.address() as AddressInfo).port}${LIVE_PATH}`;
  world = await buildPartyWorld(test);
});
afterAll(async () => {
  await test.close();
});

type Who = TestPerson | string;
const url = (conferenceId: string, path = '') => `/api/conferences/${conferenceId}${path}`;
const consent = (signature: string) => ({ version: CONSENT_VERSION, language: 'en', signature });
const online = () => ({ startsAt: instantAt(localDaysAhead(2)).toISOString(), mode: 'online' });

async function ok(answer: Promise<{ statusCode: number; body: string }>, status = 200) {
  const done = await answer;
  expect(done.statusCode, done.body).toBe(status);
  return done;
}

/** A party who came in by their link: the session their link signed them in with. */
async function byLink(
  conferenceId: string,
  party: { role: string; name: string; supportsPartyId?: string },
): Promise<{ partyId: string; cookie: string }> {
  const { partyId, token } = await addPartyAs(test, world.facilitator, conferenceId, party);
  const joined = await send(test, undefined, 'POST', '/api/conference-party', {
    token,
    language: 'en',
  });
  expect(joined.statusCode, joined.body).toBe(200);
  return { partyId, cookie: sessionOf(joined.headers['set-cookie']) };
}

/**
 * A case ready for its conference: the officer responsible (by their account), Dana harmed and
 * Sam her supporter (by their links), all consenting; Noor co-facilitates with Luis, the lead.
 */
async function readyCase() {
  const conferenceId = await caseAt(test, world, 'community', 'preparation');
  const officer = await addOfficerAsResponsible(test, world, conferenceId);
  const harmed = await byLink(conferenceId, { role: 'harmed', name: 'Dana Reyes' });
  const supporter = await byLink(conferenceId, {
    role: 'supporter',
    name: 'Sam Reyes',
    supportsPartyId: harmed.partyId,
  });
  const sam = supporter.cookie;
  const dana = harmed.cookie;
  await ok(
    send(test, world.coordinator, 'POST', url(conferenceId, '/team'), {
      personId: world.otherFacilitator.personId,
      role: 'facilitator',
    }),
  );
  await ok(send(test, dana, 'POST', url(conferenceId, '/my-part/consent'), consent('Dana Reyes')));
  await ok(send(test, sam, 'POST', url(conferenceId, '/my-part/consent'), consent('Sam Reyes')));
  await ok(
    send(
      test,
      world.facilitator,
      'POST',
      url(conferenceId, `/parties/${officer.partyId}/consent`),
      consent('Priya Nair'),
    ),
  );
  return { conferenceId, dana, sam, samPartyId: supporter.partyId };
}

async function scheduleOnline(conferenceId: string): Promise<string> {
  const answer = await ok(
    send(test, world.facilitator, 'POST', url(conferenceId, '/schedule'), online()),
  );
  const circleId = JSON.parse(answer.body).conference.circleId as string;
  expect(circleId).toEqual(expect.any(String));
  return circleId;
}

const cookieOf = (who: Who) => (typeof who === 'string' ? who : who.cookie);

/** Takes a seat from the room's page, then comes into the room and joins. */
async function comeIn(circleId: string, who: Who, name: string): Promise<LiveClient> {
  await ok(
    send(test, who, 'POST', `/api/circles/${circleId}/join`, {
      displayName: name,
      language: 'en',
      agreeToGuidelines: true,
    }),
  );
  const client = await LiveClient.connect(liveUrl, cookieOf(who), test.context.config.publicUrl);
  expect(await client.hello(circleId, null)).toMatchObject({ kind: 'welcome' });
  expect(await client.command({ type: 'join', name, role: 'resident' })).toMatchObject({
    kind: 'accepted',
  });
  return client;
}

describe('an online conference', () => {
  it('meets in its room, where the piece goes round in the script’s speaking order', async () => {
    const { conferenceId, dana, sam } = await readyCase();
    const circleId = await scheduleOnline(conferenceId);
    const room = await ok(send(test, dana, 'GET', `/api/circles/${circleId}`));
    expect(JSON.parse(room.body)).toMatchObject({
      status: 'scheduled',
      keeper: { id: world.facilitator.personId },
      coKeeper: { id: world.otherFacilitator.personId },
      can: { join: true, manage: false },
    });

    // They arrive in any order: the supporter, the co-facilitator, the officer, Dana, the lead.
    const arrivals: [Who, string][] = [
      [sam, 'Sam'],
      [world.otherFacilitator, 'Noor'],
      [world.officer, 'Officer Priya Nair'],
      [dana, 'Dana'],
      [world.facilitator, 'Luis'],
    ];
    const clients: LiveClient[] = [];
    for (const [who, name] of arrivals) clients.push(await comeIn(circleId, who, name));
    const lead = clients[4] as LiveClient;
    expect((await lead.command({ type: 'open' })).kind).toBe('accepted');
    await lead.until(() => lead.state.holder !== null);

    const names = (client: LiveClient) =>
      client.state.participants.map((participant) => participant.name);
    expect(names(lead)).toEqual(['Luis', 'Dana', 'Officer Priya Nair', 'Sam', 'Noor']);
    const byName = new Map(arrivals.map(([, name], index) => [name, clients[index]]));
    const holders: string[] = [];
    for (let turn = 0; turn < 5; turn += 1) {
      const holder = lead.state.participants.find((one) => one.id === lead.state.holder);
      holders.push(holder?.name ?? '');
      const before = lead.seq ?? 0;
      expect((await byName.get(holder?.name ?? '')?.command({ type: 'pass' }))?.kind).toBe(
        'accepted',
      );
      await lead.reach(before + 1);
    }
    expect(holders).toEqual(['Luis', 'Dana', 'Officer Priya Nair', 'Sam', 'Noor']);
    expect(lead.state.holder).toBe(lead.you);
    await Promise.all(clients.map((client) => client.close()));
  });

  it('is for the case’s people alone, and is planned on the case', async () => {
    const { conferenceId } = await readyCase();
    const circleId = await scheduleOnline(conferenceId);
    // The program's coordinator, not on the case's team, neither finds it nor sees it listed.
    expect(
      (await send(test, world.coordinator, 'GET', `/api/circles/${circleId}`)).statusCode,
    ).toBe(404);
    const listed = async (who: TestPerson) =>
      (
        await send(test, who, 'GET', `/api/programs/${world.communityProgramId}/circles`)
      ).json() as { id: string }[];
    expect((await listed(world.coordinator)).map((circle) => circle.id)).not.toContain(circleId);
    expect((await listed(world.facilitator)).map((circle) => circle.id)).toContain(circleId);
    for (const outsider of [world.standards, world.outsider, world.reviewer]) {
      const answer = await send(test, outsider, 'GET', `/api/circles/${circleId}`);
      expect([403, 404], outsider.email).toContain(answer.statusCode);
    }
    // Its keeper invites no one and makes no join link, nor cancels it: the case plans it.
    for (const [path, body] of [
      ['/invitations', { emails: ['someone@example.org'] }],
      ['/join-link', {}],
      ['/cancel', {}],
    ] as const) {
      const refused = await send(
        test,
        world.facilitator,
        'POST',
        `/api/circles/${circleId}${path}`,
        body,
      );
      expect(refused.statusCode, path).toBe(409);
      expect(refused.json().code).toBe('conference_room');
    }
  });

  it('asks for a facilitator to keep the room, and leaves the case as it was', async () => {
    const { conferenceId } = await readyCase();
    for (const facilitator of [world.facilitator, world.otherFacilitator]) {
      await ok(
        send(test, world.coordinator, 'DELETE', url(conferenceId, `/team/${facilitator.personId}`)),
      );
    }
    const refused = await send(test, world.coordinator, 'POST', url(conferenceId, '/schedule'), {
      ...online(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'no_lead',
      detail:
        'An online conference needs a facilitator on the case to keep its room. Assign one first.',
    });
    const [after] = await test.context.database.db
      .select({ stage: conferences.stage, circleId: conferences.circleId })
      .from(conferences)
      .where(eq(conferences.id, conferenceId));
    expect(after).toEqual({ stage: 'preparation', circleId: null });
  });

  it('lets no one in who has left the case, even with a seat taken before', async () => {
    const { conferenceId, sam, samPartyId } = await readyCase();
    const circleId = await scheduleOnline(conferenceId);
    await (await comeIn(circleId, sam, 'Sam')).close();
    await ok(
      send(test, world.facilitator, 'POST', url(conferenceId, `/parties/${samPartyId}/remove`), {
        reason: 'Sam chose not to take part.',
      }),
    );
    expect((await send(test, sam, 'GET', `/api/circles/${circleId}`)).statusCode).toBe(404);
    const client = await LiveClient.connect(liveUrl, sam, test.context.config.publicUrl);
    expect(await client.hello(circleId, null)).toMatchObject({
      kind: 'problem',
      problem: 'not_allowed',
    });
    await client.close();
  });

  it('follows the case: a party who comes by their link later is seated; moved to a place, it is cancelled', async () => {
    const { conferenceId } = await readyCase();
    const circleId = await scheduleOnline(conferenceId);
    // A community representative joins the case after it was scheduled, and comes by their link.
    const { cookie: rep } = await byLink(conferenceId, {
      role: 'community_rep',
      name: 'Grace Obi',
    });
    expect((await send(test, rep, 'GET', `/api/circles/${circleId}`)).json()).toMatchObject({
      can: { join: true },
    });
    // Once they consent too, it is moved again online: the same room at the new time.
    await ok(send(test, rep, 'POST', url(conferenceId, '/my-part/consent'), consent('Grace Obi')));
    expect(await scheduleOnline(conferenceId)).toBe(circleId);

    const inPerson = await ok(
      send(test, world.facilitator, 'POST', url(conferenceId, '/schedule'), {
        ...online(),
        mode: 'in_person',
        place: 'Riverside Community Centre',
      }),
    );
    expect(JSON.parse(inPerson.body).conference).toMatchObject({
      mode: 'in_person',
      circleId: null,
    });
    const { db } = test.context.database;
    const [room] = await db.select().from(circles).where(eq(circles.id, circleId));
    expect(room?.status).toBe('cancelled');
    const [row] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
    expect(row?.circleId).toBeNull();
  });
});
