import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { anyId, expectRefused, maybe, segment, snapshotOf } from '../../testing/fuzz.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertCircle, insertHarvest } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';

// Bad input of any shape to a harvest: every refusal is a 4xx that names the fields, never a
// 5xx, and nothing saved changes: not the keeper's words, not a participant's answer, and
// nothing reaches the register.

let test: TestApp;
let world: CircleWorld;
let call: Call;
let url: string;
let today: string;
const tables = [
  'circle_harvests',
  'circle_harvest_commitments',
  'circle_harvest_reviews',
  'commitments',
] as const;

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
  today = dayIn(test.context.config.TIME_ZONE);
  const { db } = test.context.database;
  const { circleId } = await insertCircle(db, {
    programId: world.programId,
    keeperId: world.keeper.personId,
    seats: [{ personId: world.resident.personId, displayName: 'Maya', role: 'resident' }],
  });
  await insertHarvest(db, test.context.cipher, circleId, {
    writtenBy: world.keeper.personId,
    status: 'shared',
  });
  url = `/api/circles/${circleId}/harvest`;
});
afterAll(async () => {
  await test.close();
});

/** Text of any kind: short, too long, or with characters no database keeps (NUL, half pairs). */
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ minLength: max + 1, maxLength: max + 40 }),
    fc.string({ unit: 'binary', minLength: 3, maxLength: 20 }),
    fc.constantFrom('\u0000abc', 'abc\ud800', '   '),
  );
const day = fc.oneof(
  fc.constantFrom(addDays(dayIn('UTC'), -2), '2027-02-30', '26-11-2026', '', 'tomorrow'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const owner = fc.oneof(
  fc.record({ kind: fc.constant('person'), personId: anyId }),
  fc.record({ kind: fc.constant('organisation'), organisationId: anyId, unit: text(120) }),
  fc.constant({ kind: 'person', personId: '' }),
);

describe('bad input to a harvest', () => {
  it('refuses generated harvests with field messages and keeps the saved one as it was', async () => {
    const draft = fc.record(
      {
        title: maybe(text(160)),
        description: maybe(text(4_000)),
        owner: maybe(owner),
        dueOn: maybe(day),
        visibility: maybe(fc.constantFrom(...commitmentVisibilities, 'secret')),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        themes: maybe(text(8_000)),
        commitments: maybe(fc.array(maybe(draft), { maxLength: 25, size: 'max' })),
      },
      { requiredKeys: [] },
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const before = await snapshotOf(test.context.database.db, tables);
        const answer = await call(world.keeper, 'PUT', url, generated);
        // Themes alone, well written, are a harvest: they are kept, not refused.
        if (answer.statusCode === 200) return;
        refused += 1;
        expectRefused(answer);
        expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
      }),
      { numRuns: 250 },
    );
    expect(refused).toBeGreaterThan(150);
  });

  it('refuses generated answers from a participant without changing a thing', async () => {
    const review = fc.record(
      {
        decision: maybe(fc.constantFrom('approve', 'comment', 'reject')),
        comment: maybe(text(2_000)),
      },
      { requiredKeys: [] },
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(review, async (generated) => {
        const before = await snapshotOf(test.context.database.db, tables);
        const answer = await call(world.resident, 'POST', `${url}/reviews`, generated);
        if (answer.statusCode === 200) return;
        refused += 1;
        expectRefused(answer);
        expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
      }),
      { numRuns: 200 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('answers any circle id in any route with a clear refusal', async () => {
    const paths = [
      'harvest',
      'harvest/share',
      'harvest/reviews',
      'harvest/finalise',
      'previous',
      'transcript',
      'voice',
    ];
    const before = await snapshotOf(test.context.database.db, tables);
    await fc.assert(
      fc.asyncProperty(anyId, fc.constantFrom(...paths), async (id, path) => {
        const method =
          path === 'harvest' || path === 'previous' || path === 'transcript' ? 'GET' : 'POST';
        const payload = method === 'POST' ? { decision: 'approve' } : undefined;
        const answer = await call(
          world.keeper,
          method,
          `/api/circles/${segment(id)}/${path}`,
          payload,
        );
        expectRefused(answer);
      }),
      { numRuns: 150 },
    );
    const program = await call(
      world.coordinator,
      'GET',
      `/api/programs/${segment('not-an-id')}/circle-voice`,
    );
    expectRefused(program);
    expect(await snapshotOf(test.context.database.db, tables)).toEqual(before);
    // A well-formed day in the past, the one near-valid field, is named too.
    const late = await call(world.keeper, 'PUT', url, {
      themes: 'Words',
      commitments: [
        {
          title: 'Meet again',
          owner: { kind: 'organisation', organisationId: world.agencyId },
          dueOn: addDays(today, -1),
        },
      ],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toMatchObject([{ field: 'commitments.0.dueOn' }]);
  });
});
