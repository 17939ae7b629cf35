import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentSources, commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { commitmentStatuses } from '../../../shared/commitments/machine.ts';
import {
  anyId,
  expectRefused,
  maybe,
  nextClientAddress,
  segment,
  snapshotOf,
} from '../../testing/fuzz.ts';
import { addOrganisation, addSignedInPerson, type TestPerson } from '../../testing/people.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

// Bad input of any shape to the register: every refusal is a 4xx naming the fields, never a 5xx,
// and nothing already saved changes, not a status, a due day or a line of the timeline.

let test: TestApp;
let coordinator: TestPerson;
let programId: string;
let officerId: string;
let commitmentId: string;
let today: string;
const tables = ['commitments', 'commitment_events'] as const;

beforeAll(async () => {
  test = await startTestApp();
  today = dayIn(test.context.config.TIME_ZONE);
  const eastside = await addOrganisation(test, 'Eastside Community Trust');
  const admin = await addSignedInPerson(test, { organisationId: eastside, role: 'org_admin' });
  const program = await send(admin, 'POST', `/api/organisations/${eastside}/programs`, {
    name: 'Listening circles',
    partners: [{ name: 'Eastside Police Department', kind: 'police_agency' }],
  });
  programId = JSON.parse(program.body).id;
  coordinator = await addSignedInPerson(test, {
    organisationId: eastside,
    role: 'coordinator',
    programId,
  });
  officerId = (
    await addSignedInPerson(test, {
      organisationId: JSON.parse(program.body).organisations[1].id,
      role: 'officer',
    })
  ).personId;
  const created = await send(coordinator, 'POST', `/api/programs/${programId}/commitments`, {
    title: 'Publish the stop data every quarter',
    source: 'manual',
    owner: { kind: 'person', personId: officerId },
    dueOn: addDays(today, 20),
    visibility: 'public',
  });
  commitmentId = JSON.parse(created.body).id;
  await send(coordinator, 'POST', `/api/commitments/${commitmentId}/updates`, { status: 'done' });
});
afterAll(async () => {
  await test.close();
});

function send(as: TestPerson, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return test.app.inject({
    method,
    url,
    remoteAddress: nextClientAddress(),
    headers: { cookie: as.cookie, origin: test.context.config.publicUrl },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const day = fc.oneof(
  fc.constantFrom(addDays(dayIn('UTC'), -1), '2027-02-30', '26-11-2026', '', 'tomorrow'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: max + 1, maxLength: max + 40 }));

describe('bad input to the register', () => {
  it('refuses generated commitments with field messages and records none', async () => {
    const before = await snapshotOf(test.context.database.db, tables);
    const body = fc.record(
      {
        title: maybe(text(160)),
        description: maybe(text(4_000)),
        source: maybe(fc.constantFrom(...commitmentSources, 'rumour')),
        sourceId: maybe(anyId),
        owner: maybe(
          fc.oneof(
            fc.record({ kind: fc.constant('person'), personId: anyId }),
            fc.record({
              kind: fc.constant('organisation'),
              organisationId: anyId,
              unit: text(120),
            }),
          ),
        ),
        dueOn: maybe(day),
        visibility: maybe(fc.constantFrom(...commitmentVisibilities, 'secret')),
        publicVersion: maybe(fc.record({ title: text(160), partiesAgreed: fc.boolean() })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const answer = await send(
          coordinator,
          'POST',
          `/api/programs/${programId}/commitments`,
          generated,
        );
        expectRefused(answer);
      }),
      { numRuns: 250 },
    );
    expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
  });

  it('refuses generated updates, due-day moves and verifications without changing a thing', async () => {
    const update = fc.record(
      {
        status: maybe(fc.constantFrom(...commitmentStatuses, 'abandoned')),
        reason: maybe(text(1_000)),
        percent: maybe(fc.oneof(fc.integer({ min: -50, max: 150 }), fc.double())),
        evidence: maybe(
          fc.record({
            text: text(2_000),
            links: fc.array(fc.oneof(fc.webUrl(), fc.string()), { maxLength: 8 }),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      // A done commitment: going back without a reason, progress, or an invalid field.
      update.map((payload) => ({ path: `${commitmentId}/updates`, payload })),
      fc
        .record(
          { dueOn: maybe(day), reason: maybe(fc.constantFrom('', ' ')) },
          { requiredKeys: [] },
        )
        .map((payload) => ({ path: `${commitmentId}/due-date`, payload })),
      fc
        .record({ note: maybe(text(1_000)) }, { requiredKeys: [] })
        .filter((payload) => typeof payload.note !== 'string' || payload.note.length > 1_000)
        .map((payload) => ({ path: `${commitmentId}/verify`, payload })),
      anyId.map((id) => ({ path: `${segment(id)}/updates`, payload: { percent: 10 } })),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ path, payload }) => {
        const before = await snapshotOf(test.context.database.db, tables);
        const answer = await send(coordinator, 'POST', `/api/commitments/${path}`, payload);
        // A valid report on a done commitment (a new status with a reason, or evidence) is
        // kept: it is not bad input. Everything else is refused.
        if (answer.statusCode === 200) return;
        refused += 1;
        expectRefused(answer);
        expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(200);
  });
});
