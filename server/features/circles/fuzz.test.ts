import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { anyId, expectRefused, maybe, segment, snapshotOf } from '../../testing/fuzz.ts';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  buildCircleWorld,
  type CircleWorld,
  circleTokenIn,
  localDaysAhead,
  plan,
} from './fixtures.ts';

// Bad input of any shape to planning, inviting and joining: every refusal is a 4xx naming the
// fields, never a 5xx, and a refused request changes no circle, series, invitee or seat.

let test: TestApp;
let world: CircleWorld;
let circleId: string;
let linkToken: string;
const tables = [
  'circles',
  'circle_series',
  'circle_invitees',
  'circle_participants',
  'people',
  'memberships',
  'outbox',
] as const;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  const [circle] = await plan(test, world);
  circleId = circle?.id ?? '';
  const link = await send(test, world.keeper, 'POST', `/api/circles/${circleId}/join-link`);
  linkToken = circleTokenIn(link.json().url);
});
afterAll(async () => {
  await test.close();
});

const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: max + 1, maxLength: max + 40 }));

const localTime = fc.oneof(
  fc.constantFrom(
    localDaysAhead(-2),
    localDaysAhead(3).replace('T', ' '),
    '2031-02-29T18:00',
    '2031-13-01T18:00',
    '2031-06-01T25:00',
    '2031-06-01T18:61',
    'next tuesday',
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

/**
 * Sends each generated request; a refusal must be a clear 4xx that saved nothing. Valid input
 * that the generators happen to make is allowed and counted apart.
 */
async function expectEachRefusedOrDone(
  requests: fc.Arbitrary<{
    as: TestPerson | undefined;
    method: 'POST' | 'GET';
    url: string;
    payload?: unknown;
  }>,
  runs: number,
): Promise<number> {
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(requests, async ({ as, method, url, payload }) => {
      const before = await snapshotOf(test.context.database.db, tables);
      const answer = await send(test, as, method, url, payload);
      if (answer.statusCode < 300) return;
      refused += 1;
      expectRefused(answer);
      expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
    }),
    { numRuns: runs },
  );
  return refused;
}

describe('bad input to circles', () => {
  it('refuses generated plans with field messages and plans nothing', async () => {
    const body = fc.record(
      {
        purpose: maybe(text(500)),
        startsAtLocal: maybe(localTime),
        timeZone: maybe(fc.constantFrom('America/Chicago', 'Mars/Base', '', 'utc', 'x'.repeat(70))),
        durationMinutes: maybe(fc.oneof(fc.integer({ min: -10, max: 600 }), fc.double())),
        keeperId: maybe(fc.oneof(fc.constant(world.resident.personId), anyId)),
        coKeeperId: maybe(fc.oneof(fc.constant(world.keeper.personId), anyId, fc.constant(null))),
        capacity: maybe(fc.integer({ min: -1, max: 40 })),
        language: maybe(fc.constantFrom('en', 'es', 'fr')),
        repeat: maybe(fc.constantFrom('none', 'weekly', 'monthly', 'daily')),
        count: maybe(fc.integer({ min: -1, max: 60 })),
      },
      { requiredKeys: [] },
    );
    const refused = await expectEachRefusedOrDone(
      body.map((payload) => ({
        as: world.coordinator,
        method: 'POST' as const,
        url: `/api/programs/${world.programId}/circles`,
        payload,
      })),
      250,
    );
    expect(refused).toBe(250);
  });

  it('refuses generated invitations without inviting anyone', async () => {
    const body = fc.record(
      {
        personIds: maybe(
          fc.array(fc.oneof(anyId, fc.constant(world.outsider.personId)), {
            maxLength: 35,
            size: 'max',
          }),
        ),
        emails: maybe(
          fc.array(fc.oneof(fc.string(), fc.constant(placeholderEmailFor(crypto.randomUUID()))), {
            maxLength: 35,
            size: 'max',
          }),
        ),
        language: maybe(fc.constantFrom('en', 'es', 'de')),
      },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      body.map((payload) => ({ path: circleId, payload })),
      anyId.map((id) => ({ path: segment(id), payload: { emails: ['someone@example.org'] } })),
    );
    const refused = await expectEachRefusedOrDone(
      request.map(({ path, payload }) => ({
        as: world.keeper,
        method: 'POST' as const,
        url: `/api/circles/${path}/invitations`,
        payload,
      })),
      200,
    );
    expect(refused).toBe(200);
  });

  it('refuses generated joins and previews: no person, no seat', async () => {
    const token = fc.oneof(
      fc.constant(linkToken),
      fc.string({ maxLength: 140 }),
      fc.base64String({ minLength: 43, maxLength: 44 }),
    );
    const join = fc.record(
      {
        token: maybe(token),
        displayName: maybe(
          fc.oneof(text(60), fc.constantFrom('Officer Ruiz', 'Sgt. Ortiz', 'Policía Local', '   ')),
        ),
        language: maybe(fc.constantFrom('en', 'es', 'pt')),
        agreeToGuidelines: maybe(fc.constantFrom(true, false, 'yes', 1)),
      },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      join.map((payload) => ({ url: '/api/circle-join', payload })),
      token
        .filter((candidate) => candidate !== linkToken)
        .map((candidate) => ({ url: '/api/circle-join/preview', payload: { token: candidate } })),
      anyId.map((id) => ({
        url: `/api/circles/${segment(id)}/join`,
        payload: { displayName: 'Kim', language: 'en', agreeToGuidelines: true },
      })),
    );
    const refused = await expectEachRefusedOrDone(
      request.map(({ url, payload }) => ({
        as: url.startsWith('/api/circles/') ? world.resident : undefined,
        method: 'POST' as const,
        url,
        payload,
      })),
      300,
    );
    // A generated join with the live token, a plain name and agreement is a real join.
    expect(refused).toBeGreaterThan(280);
  });
});
