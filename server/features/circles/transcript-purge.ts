import { lte } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service.ts';
import type { AppContext } from '../../platform/context.ts';
import { circleTranscripts } from './schema.ts';

// A consented transcript is kept for the program's retention period from the circle's close,
// then deleted by this job, hourly: the promise made to the people in the circle is kept even
// if no one ever reads it. Each deletion is written to the audit trail with the circle's id.

export const PURGE_TRANSCRIPTS_JOB = 'circles.purge-transcripts';
export const PURGE_TRANSCRIPTS_EVERY_MS = 60 * 60 * 1_000;

export function defineTranscriptPurge(context: AppContext): void {
  context.jobs.define({
    name: PURGE_TRANSCRIPTS_JOB,
    payload: z.object({}),
    async handler() {
      await purgeTranscripts(context);
    },
  });
}

/** Deletes the transcripts whose retention has ended by `now`; returns their circles' ids. */
export async function purgeTranscripts(context: AppContext, now = new Date()): Promise<string[]> {
  const { db } = context.database;
  return db.transaction(async (tx) => {
    const purged = await tx
      .delete(circleTranscripts)
      .where(lte(circleTranscripts.purgeAfter, now))
      .returning({ circleId: circleTranscripts.circleId });
    for (const { circleId } of purged) {
      await recordAudit(
        db,
        {
          actorKind: 'system',
          action: 'circle.transcript.purged',
          targetType: 'circle',
          targetId: circleId,
          outcome: 'succeeded',
        },
        tx,
      );
    }
    return purged.map((row) => row.circleId);
  });
}
