import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { latestOutboxMessages } from '../../platform/mail/outbox.ts';
import { setFrequency } from '../../platform/mail/preferences.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  emailsTo,
  localDaysAhead,
  plan,
} from './fixtures.ts';

// Cancelling a circle tells everyone who expected it, once each, in their own language: the
// people invited by account or by address, those who took a seat ahead of time (a join link's
// included), and the keeper who did not cancel it. Nobody is mailed at an address that cannot
// receive mail.

let test: TestApp;
let world: CircleWorld;
let circleId: string;

const cancelledTo = (address: string) => emailsTo(test, address, 'circle-cancelled');

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  const [circle] = await plan(test, world, { startsAtLocal: localDaysAhead(4, '18:30') });
  circleId = circle?.id ?? '';
  const invited = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/invitations`, {
    personIds: [world.resident.personId, world.officer.personId],
    emails: ['vecina@example.org'],
    language: 'es',
  });
  expect(invited.statusCode, invited.body).toBe(200);
  const seat = (displayName: string, language = 'en') => ({
    displayName,
    language,
    agreeToGuidelines: true,
  });
  // The invited resident takes her seat ahead of time, signed in.
  const rosa = await send(test, world.resident, 'POST', `/api/circles/${circleId}/join`, {
    ...seat('Rosa', 'es'),
  });
  expect(rosa.statusCode, rosa.body).toBe(200);
  // The address's invitee comes in by her own link, on a phone, giving no address.
  const [invitation] = await emailsTo(test, 'vecina@example.org', 'circle-invitation');
  const vecina = await send(test, undefined, 'POST', '/api/circle-join', {
    token: circleTokenIn(invitation?.textBody ?? ''),
    ...seat('Vecina', 'es'),
  });
  expect(vecina.statusCode, vecina.body).toBe(200);
  // By the join link: a staff member signed in, and a resident with no account.
  const link = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/join-link`);
  const token = circleTokenIn(link.json().url);
  const noor = await send(test, world.facilitator, 'POST', '/api/circle-join', {
    token,
    ...seat('Noor'),
  });
  expect(noor.statusCode, noor.body).toBe(200);
  const kim = await send(test, undefined, 'POST', '/api/circle-join', { token, ...seat('Kim') });
  expect(kim.statusCode, kim.body).toBe(200);
  // An essential email goes at once even to someone who takes notifications in a digest.
  await setFrequency(test.context.database.db, world.officer.email, 'daily');

  const cancelled = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/cancel`);
  expect(cancelled.statusCode, cancelled.body).toBe(200);
});
afterAll(async () => {
  await test.close();
});

describe('cancelling a circle', () => {
  it('tells each invitee once, in their language, what the circle was and when', async () => {
    const [toRosa, ...more] = await cancelledTo(world.resident.email);
    expect(more).toEqual([]);
    expect(toRosa?.subject).toBe('Círculo cancelado: Traffic stops on Elm Street');
    expect(toRosa?.textBody).toMatch(/previsto para el .*18:30.*, se canceló/);
    const toOfficer = await cancelledTo(world.officer.email);
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]?.subject).toBe('Circle cancelled: Traffic stops on Elm Street');
    expect(toOfficer[0]?.textBody).toMatch(/planned for .* at 6:30 PM C[SD]T, was cancelled/);
    expect(toOfficer[0]?.textBody).toContain('Neighbourhood listening circles');
  });

  it('reaches an address’s invitee at that address after she came in by her own link', async () => {
    const toVecina = await cancelledTo('vecina@example.org');
    expect(toVecina).toHaveLength(1);
    expect(toVecina[0]?.language).toBe('es');
  });

  it('tells people seated by the join link who have an address, and the other keeper', async () => {
    expect(await cancelledTo(world.facilitator.email)).toHaveLength(1);
    expect(await cancelledTo(world.coKeeper.email)).toHaveLength(1);
    // The keeper cancelled it and knows.
    expect(await cancelledTo(world.keeper.email)).toEqual([]);
  });

  it('never writes to an address that cannot receive mail', async () => {
    const written = (await latestOutboxMessages(test.context.database.db, 500)).filter(
      (message) => message.template === 'circle-cancelled',
    );
    expect(written).toHaveLength(5);
    expect(written.filter((message) => isPlaceholderEmail(message.toAddress))).toEqual([]);
  });

  it('takes the circle out of calendars with the same event the invitation put there', async () => {
    const [invitation] = await emailsTo(test, world.officer.email, 'circle-invitation');
    const [notice] = await cancelledTo(world.officer.email);
    const uidOf = (ics: string | undefined) => /UID:(\S+)/.exec(ics ?? '')?.[1];
    const calendar = notice?.attachments[0]?.content;
    expect(uidOf(calendar)).toBe(uidOf(invitation?.attachments[0]?.content));
    expect(calendar).toContain('STATUS:CANCELLED');
  });

  it('tells nobody again when the circle is cancelled twice', async () => {
    const again = await send(test, world.coordinator, 'POST', `/api/circles/${circleId}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(await cancelledTo(world.officer.email)).toHaveLength(1);
    expect(await cancelledTo(world.keeper.email)).toEqual([]);
  });
});
