import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptMessage } from '../../../shared/circles/contract.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { circleTranscripts } from './schema.ts';
import { insertCircle, insertTranscript } from './testing.ts';
import { buildCircleWorld, type Call, type CircleWorld, callerOf } from './testing-world.ts';
import { PURGE_TRANSCRIPTS_JOB, purgeTranscripts } from './transcript-purge.ts';

// A transcript exists only when everyone in the circle consented, reaches only the people who
// were in it, and is gone once the program's retention period has passed.

let test: TestApp;
let world: CircleWorld;
let call: Call;

const DAY_MS = 86_400_000;
const words: TranscriptMessage[] = [
  {
    name: 'Maya',
    role: 'resident',
    stage: 'story',
    at: '2026-11-20T18:10:00.000Z',
    text: 'I was stopped twice on my way home last month.',
  },
  {
    name: 'Officer Reyes',
    role: 'officer',
    stage: 'story',
    at: '2026-11-20T18:12:00.000Z',
    text: 'Thank you for telling us. I want to understand what that was like.',
  },
];

beforeAll(async () => {
  test = await startTestApp();
  world = await buildCircleWorld(test);
  call = callerOf(test);
});
afterAll(async () => {
  await test.close();
});

async function circleWithTranscript(purgeAfter: Date | null) {
  const { db } = test.context.database;
  const { circleId } = await insertCircle(db, {
    programId: world.programId,
    keeperId: world.keeper.personId,
    seats: [
      { personId: world.resident.personId, displayName: 'Maya', role: 'resident' },
      { personId: world.officer.personId, displayName: 'Officer Reyes', role: 'officer' },
    ],
  });
  if (purgeAfter) await insertTranscript(db, test.context.cipher, circleId, words, purgeAfter);
  return circleId;
}

const transcriptOf = (circleId: string) => `/api/circles/${circleId}/transcript`;

describe('the transcript of a closed circle', () => {
  it('shows the words to the people who were in the circle, and writes each reading to the audit trail', async () => {
    const circleId = await circleWithTranscript(new Date(Date.now() + 30 * DAY_MS));
    for (const reader of [world.resident, world.officer, world.keeper]) {
      const answer = await call(reader, 'GET', transcriptOf(circleId));
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toEqual(words);
    }
    const readings = await test.context.database.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'circle.transcript.read'), eq(auditEvents.targetId, circleId)),
      );
    expect(readings.map((reading) => reading.actorId).sort()).toEqual(
      [world.resident.personId, world.officer.personId, world.keeper.personId].sort(),
    );
  });

  it('is not found by anyone who was not in the circle, the program’s managers included', async () => {
    const circleId = await circleWithTranscript(new Date(Date.now() + 30 * DAY_MS));
    for (const someone of [world.coordinator, world.facilitator, world.bystander, world.stranger]) {
      const answer = await call(someone, 'GET', transcriptOf(circleId));
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain('stopped twice');
    }
  });

  it('says that nothing was kept when not everyone consented', async () => {
    const circleId = await circleWithTranscript(null);
    const answer = await call(world.resident, 'GET', transcriptOf(circleId));
    expect(answer.statusCode).toBe(404);
    expect(answer.json().detail).toMatch(/kept only when everyone in the circle consented/);
  });

  it('is kept until its retention ends and gone after, by the hourly purge', async () => {
    const { db } = test.context.database;
    const ends = new Date(Date.now() + 2 * DAY_MS);
    const circleId = await circleWithTranscript(ends);
    const stored = () =>
      db.select().from(circleTranscripts).where(eq(circleTranscripts.circleId, circleId));

    // The day before its retention ends, the purge keeps it.
    expect(await purgeTranscripts(test.context, new Date(ends.getTime() - DAY_MS))).not.toContain(
      circleId,
    );
    expect(await stored()).toHaveLength(1);
    expect((await call(world.resident, 'GET', transcriptOf(circleId))).statusCode).toBe(200);

    // Once it has passed, the purge deletes it and says so in the audit trail.
    expect(await purgeTranscripts(test.context, new Date(ends.getTime() + 1))).toContain(circleId);
    expect(await stored()).toEqual([]);
    expect((await call(world.resident, 'GET', transcriptOf(circleId))).statusCode).toBe(404);
    const purged = await db
      .select({ actorKind: auditEvents.actorKind })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'circle.transcript.purged'), eq(auditEvents.targetId, circleId)),
      );
    expect(purged).toEqual([{ actorKind: 'system' }]);
  });

  it('is no longer shown once its retention has passed, even before the purge runs, and the job deletes it', async () => {
    const { db } = test.context.database;
    const circleId = await circleWithTranscript(new Date(Date.now() - 60_000));
    expect((await call(world.resident, 'GET', transcriptOf(circleId))).statusCode).toBe(404);
    const kept = await circleWithTranscript(new Date(Date.now() + DAY_MS));

    await test.context.jobs.enqueue(PURGE_TRANSCRIPTS_JOB, {});
    expect(await test.context.jobs.runDue()).toBeGreaterThan(0);
    const left = await db.select({ circleId: circleTranscripts.circleId }).from(circleTranscripts);
    expect(left.map((row) => row.circleId)).toContain(kept);
    expect(left.map((row) => row.circleId)).not.toContain(circleId);
  });
});
