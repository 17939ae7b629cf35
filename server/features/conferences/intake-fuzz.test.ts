import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyId, expectRefused, maybe, segment, snapshotOf } from '../../testing/fuzz.ts';
import type { TestPerson } from '../../testing/people.ts';
import { send } from '../../testing/requests.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { buildIntakeWorld, type IntakeWorld, refer, referralLinkOf } from './intake-fixtures.ts';

// Bad input of any shape to the referral form, the settings, the workflow's steps and the case
// team: every refusal is a 4xx naming the fields (or the workflow's reason), never a 5xx, and a
// refused request changes no case, event, setting, team or email.

let test: TestApp;
let world: IntakeWorld;
let token: string;
let conferenceId: string;
const tables = [
  'conferences',
  'conference_events',
  'conference_settings',
  'conference_team',
  'outbox',
] as const;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildIntakeWorld(test);
  token = await referralLinkOf(test, world);
  conferenceId = (await refer(test, token)).conferenceId;
});
afterAll(async () => {
  await test.close();
});

const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: max + 1, maxLength: max + 40 }));

type Method = 'POST' | 'PUT' | 'DELETE';

/** Sends each request; a refusal must be a clear 4xx that saved nothing. Returns how many were. */
async function expectEachRefusedOrDone(
  requests: fc.Arbitrary<{ as?: TestPerson; method: Method; url: string; payload?: unknown }>,
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

describe('bad input to intake', () => {
  it('refuses generated referrals with field messages and opens no case', async () => {
    const body = fc.record(
      {
        token: maybe(
          fc.oneof(fc.constant(token), fc.base64String({ minLength: 43, maxLength: 44 })),
        ),
        referrerKind: maybe(fc.constantFrom('agency', 'school', 'person_harmed', 'police')),
        referrerOrganisation: maybe(text(120)),
        referrerName: maybe(fc.oneof(text(120), fc.constant('   '))),
        referrerContact: maybe(text(200)),
        incidentSummary: maybe(text(4_000)),
        incidentOn: maybe(fc.constantFrom('2026-02-30', '2026-03-02', 'yesterday', null)),
        harmType: maybe(
          fc.constantFrom('harassment', 'other', 'excessive_force', '', 'x'.repeat(41)),
        ),
        peopleInvolved: maybe(text(2_000)),
        urgency: maybe(fc.constantFrom('routine', 'urgent', 'now')),
        language: maybe(fc.constantFrom('en', 'es', 'fr')),
      },
      { requiredKeys: [] },
    );
    const refused = await expectEachRefusedOrDone(
      body.map((payload) => ({
        method: 'POST' as const,
        url: '/api/conference-referral',
        payload,
      })),
      200,
    );
    expect(refused).toBe(200);
  });

  it('refuses generated settings without changing them', async () => {
    const rule = fc.record(
      {
        id: maybe(fc.constantFrom('theft', 'Theft!', 'x', 'a'.repeat(41))),
        label: maybe(text(120)),
        eligible: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        misconduct: maybe(fc.boolean()),
        agencyOrganisationId: maybe(
          fc.oneof(fc.constant(world.communityId), anyId, fc.constant(null)),
        ),
        rules: maybe(fc.array(rule, { maxLength: 45, size: 'max' })),
        scriptOrder: maybe(fc.constantFrom('harmed_first', 'loudest_first')),
      },
      { requiredKeys: [] },
    );
    const refused = await expectEachRefusedOrDone(
      body.map((payload) => ({
        as: world.coordinator,
        method: 'PUT' as const,
        url: `/api/programs/${world.programId}/conference-settings`,
        payload,
      })),
      150,
    );
    // A community program's settings with valid rules (an empty list among them) are saved.
    expect(refused).toBeGreaterThan(140);
  });

  it('refuses generated workflow steps and team changes with a reason, changing nothing', async () => {
    const step = fc.record(
      {
        type: maybe(
          fc.constantFrom('accept', 'route_back', 'record_eligibility', 'close', 'sign_off', 'x'),
        ),
        eligible: maybe(fc.boolean()),
        safe: maybe(fc.boolean()),
        voluntary: maybe(fc.boolean()),
        reason: maybe(fc.oneof(text(1_000), fc.constant(''))),
        outcome: maybe(fc.constantFrom('completed', 'no_conference', 'won')),
      },
      { requiredKeys: [] },
    );
    const member = fc.record(
      {
        personId: maybe(fc.oneof(fc.constant(world.resident.personId), anyId)),
        role: maybe(fc.constantFrom('lead', 'facilitator', 'boss')),
      },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      step.map((payload) => ({ url: `/api/conferences/${conferenceId}/transitions`, payload })),
      anyId.map((id) => ({
        url: `/api/conferences/${segment(id)}/transitions`,
        payload: { type: 'begin_screening' },
      })),
      member.map((payload) => ({ url: `/api/conferences/${conferenceId}/team`, payload })),
    );
    const refused = await expectEachRefusedOrDone(
      request.map(({ url, payload }) => ({
        as: world.coordinator,
        method: 'POST' as const,
        url,
        payload,
      })),
      200,
    );
    // A generated step that fits the case as it stands (closing a new referral) is taken.
    expect(refused).toBeGreaterThan(190);
  });
});
