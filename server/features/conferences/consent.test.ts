import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { emailsTo, eventsOf, instantAt, localDaysAhead } from '../circles/fixtures.ts';
import {
  addOfficerAsResponsible,
  addPartyAs,
  buildPartyWorld,
  caseAt,
  type PartyWorld,
  sessionOf,
  ZONE,
} from './party-fixtures.ts';
import { conferenceConsents, conferenceParties, conferenceRecords, conferences } from './schema.ts';

// Informed consent and the conference's date: nobody is brought to a conference without their
// recorded consent, anyone may withdraw it at any time (the case waits, and nothing is lost),
// and once everyone agrees the conference is scheduled and every party hears when and where.

let test: TestApp;
let world: PartyWorld;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildPartyWorld(test);
});
afterAll(async () => {
  await test.close();
});

const REASON = 'I am not ready to face him yet.';
const PLACE = 'Riverside Community Centre, Room 2';

/** A case in preparation: Dana came in by her link (signed in by it), and the officer. */
async function preparedCase() {
  const conferenceId = await caseAt(test, world, 'community', 'preparation');
  const address = `dana-${conferenceId.slice(0, 8)}@example.org`;
  const dana = await addPartyAs(test, world.facilitator, conferenceId, {
    role: 'harmed',
    name: 'Dana Reyes',
    email: address,
    language: 'es',
  });
  const joined = await send(test, undefined, 'POST', '/api/conference-party', {
    token: dana.token,
    language: 'es',
  });
  const officer = await addOfficerAsResponsible(test, world, conferenceId);
  await send(test, world.facilitator, 'POST', `/api/conferences/${conferenceId}/records`, {
    kind: 'preparation',
    partyId: dana.partyId,
    heldOn: '2026-11-20',
    body: 'Dana wants her sister with her.',
  });
  const url = (path: string) => `/api/conferences/${conferenceId}${path}`;
  return {
    conferenceId,
    address,
    dana,
    officer,
    danaCookie: sessionOf(joined.headers['set-cookie']),
    url,
  };
}

const signed = (signature: string, language = 'en') => ({
  version: CONSENT_VERSION,
  language,
  signature,
});
const when = () => ({
  startsAt: instantAt(localDaysAhead(3)).toISOString(),
  mode: 'in_person',
  place: PLACE,
});

describe('consent', () => {
  it('withdrawn, pauses the case at once with nothing lost; given again, lets it go on', async () => {
    const { conferenceId, officer, danaCookie, url } = await preparedCase();
    const early = await send(test, world.facilitator, 'POST', url('/schedule'), when());
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'consent_missing',
      detail: 'Every party must give their consent first.',
    });

    const given = await send(
      test,
      danaCookie,
      'POST',
      url('/my-part/consent'),
      signed('Dana Reyes', 'es'),
    );
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({ status: 'given', version: CONSENT_VERSION });
    const paper = await send(
      test,
      world.facilitator,
      'POST',
      url(`/parties/${officer.partyId}/consent`),
      signed('Priya Nair'),
    );
    expect(paper.statusCode, paper.body).toBe(200);
    const { db } = test.context.database;
    const rows = await db
      .select()
      .from(conferenceConsents)
      .where(eq(conferenceConsents.conferenceId, conferenceId));
    expect(rows.map((row) => row.recordedBy).sort()).toEqual(
      [null, world.facilitator.personId].sort(),
    );
    expect(JSON.stringify(rows)).not.toMatch(/Dana Reyes|Priya Nair/);

    const withdrawn = await send(test, danaCookie, 'POST', url('/my-part/withdraw'), {
      reason: REASON,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await send(test, danaCookie, 'GET', url('/my-part'))).json()).toMatchObject({
      paused: true,
      consent: { status: 'withdrawn' },
    });
    const paused = await send(test, world.facilitator, 'POST', url('/schedule'), when());
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({
      code: 'paused',
      detail: expect.stringContaining('withdrew their consent'),
    });

    // Nothing is lost: the parties, the record and both consents stay, the reason sealed.
    const [parties] = await db
      .select({ n: count() })
      .from(conferenceParties)
      .where(
        and(eq(conferenceParties.conferenceId, conferenceId), isNull(conferenceParties.removedAt)),
      );
    const [records] = await db
      .select({ n: count() })
      .from(conferenceRecords)
      .where(eq(conferenceRecords.conferenceId, conferenceId));
    expect([parties?.n, records?.n]).toEqual([2, 1]);
    const after = await db
      .select()
      .from(conferenceConsents)
      .where(eq(conferenceConsents.conferenceId, conferenceId));
    expect(after.filter((row) => row.withdrawnAt !== null)).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain(REASON);

    // The team hears the case is paused, in their language, without who or why.
    const [notice] = await emailsTo(test, world.facilitator.email, 'conference-paused');
    expect(notice?.subject).toMatch(/^Caso RC-\w+ en pausa$/);
    expect(notice?.textBody).not.toContain(REASON);
    expect(notice?.textBody).not.toContain('Dana');

    const again = await send(
      test,
      danaCookie,
      'POST',
      url('/my-part/consent'),
      signed('Dana Reyes', 'es'),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect((await send(test, danaCookie, 'GET', url('/my-part'))).json().paused).toBe(false);
    const scheduled = await send(test, world.facilitator, 'POST', url('/schedule'), when());
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({
      stage: 'scheduled',
      conference: { mode: 'in_person', place: PLACE },
    });
  });

  it('withdrawn as the team records it, pauses the case too', async () => {
    const { conferenceId, officer, url } = await preparedCase();
    await send(
      test,
      world.facilitator,
      'POST',
      url(`/parties/${officer.partyId}/consent`),
      signed('Priya Nair'),
    );
    const withdrawn = await send(
      test,
      world.facilitator,
      'POST',
      url(`/parties/${officer.partyId}/withdraw`),
      {},
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const [row] = await test.context.database.db
      .select({ paused: conferences.paused })
      .from(conferences)
      .where(eq(conferences.id, conferenceId));
    expect(row?.paused).toBe(true);
  });

  it('is refused for a text version that was never shown', async () => {
    const { danaCookie, url } = await preparedCase();
    const answer = await send(test, danaCookie, 'POST', url('/my-part/consent'), {
      ...signed('Dana Reyes'),
      version: '1999-01',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([expect.objectContaining({ field: 'version' })]);
  });
});

describe('the conference’s invitation', () => {
  it('reaches every party with an address and the team, with a calendar file in the program’s zone', async () => {
    const { conferenceId, address, officer, danaCookie, url } = await preparedCase();
    await send(test, danaCookie, 'POST', url('/my-part/consent'), signed('Dana Reyes', 'es'));
    await send(
      test,
      world.facilitator,
      'POST',
      url(`/parties/${officer.partyId}/consent`),
      signed('Priya Nair'),
    );
    const body = when();
    expect((await send(test, world.facilitator, 'POST', url('/schedule'), body)).statusCode).toBe(
      200,
    );

    const [toDana] = await emailsTo(test, address, 'conference-scheduled');
    expect(toDana?.textBody).toContain(`Dónde: ${PLACE}.`);
    expect(toDana?.textBody).toContain('puede retirar su consentimiento');
    expect(toDana?.textBody).toContain(`/conferences/${conferenceId}/my-part`);
    const [calendar] = toDana?.attachments ?? [];
    expect(calendar?.filename).toBe('conference.ics');
    const { events, timezones } = eventsOf(calendar?.content ?? '');
    expect(timezones).toEqual([ZONE]);
    expect(events).toEqual([
      expect.objectContaining({ zone: ZONE, start: new Date(body.startsAt), status: 'CONFIRMED' }),
    ]);
    const [toOfficer] = await emailsTo(test, world.officer.email, 'conference-scheduled');
    expect(toOfficer?.textBody).toContain(`/conferences/${conferenceId}/my-part`);
    expect(toOfficer?.textBody).toContain(`Where: ${PLACE}.`);
    const [toTeam] = await emailsTo(test, world.facilitator.email, 'conference-scheduled');
    expect(toTeam?.textBody).not.toContain('retirar su consentimiento');

    const file = await send(test, world.facilitator, 'GET', url('/calendar.ics'));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(eventsOf(file.body).events[0]?.uid).toBe(events[0]?.uid);
    expect((await send(test, world.otherFacilitator, 'GET', url('/calendar.ics'))).statusCode).toBe(
      404,
    );

    // Moved online: the same event, in the case's room, entered from the party's page.
    const online = await send(test, world.facilitator, 'POST', url('/schedule'), {
      ...when(),
      mode: 'online',
    });
    expect(online.json()).toMatchObject({
      conference: { mode: 'online', place: null, circleId: expect.any(String) },
    });
    const [moved] = await emailsTo(test, address, 'conference-scheduled');
    expect(moved?.textBody).toContain('Dónde: en línea, en una sala privada');
    expect(moved?.textBody).toContain(`/conferences/${conferenceId}/my-part`);
    expect(moved?.attachments[0]?.content).toContain('SEQUENCE:1');
  });
});
