import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { ProgramVoiceReport, VoiceReport } from '../../../shared/circles/contract.ts';
import type { VoiceGroup } from '../../../shared/circles/machine.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { requireClosed, voiceReadableCircle } from './access.ts';
import { circles } from './schema.ts';

// Equal voice, measured: turns and time with the talking piece by group (officers, residents,
// everyone else), kept when a circle closes. No names and no words: a keeper sees their circle,
// and the program's reports add up its closed circles. Practice circles of a training course
// are left out of the program's figures: they are rehearsals, not the program's circles.

const groups: readonly VoiceGroup[] = ['officers', 'residents', 'others'];

export const silence = (): VoiceReport => ({
  officers: { people: 0, turns: 0, heldMs: 0 },
  residents: { people: 0, turns: 0, heldMs: 0 },
  others: { people: 0, turns: 0, heldMs: 0 },
});

export function addVoices(reports: readonly VoiceReport[]): VoiceReport {
  const total = silence();
  for (const report of reports) {
    for (const group of groups) {
      total[group].people += report[group].people;
      total[group].turns += report[group].turns;
      total[group].heldMs += report[group].heldMs;
    }
  }
  return total;
}

export async function circleVoice(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<VoiceReport> {
  const access = await voiceReadableCircle(context.database.db, actor, circleId);
  requireClosed(access.circle, 'Its equal-voice figures are ready');
  return access.circle.voice ?? silence();
}

export async function programVoice(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<ProgramVoiceReport> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'circle.report', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const rows = await db
    .select({
      circleId: circles.id,
      startsAt: circles.startsAt,
      purpose: circles.purpose,
      voice: circles.voice,
    })
    .from(circles)
    .where(
      and(
        eq(circles.programId, programId),
        eq(circles.status, 'closed'),
        eq(circles.training, false),
        // A conference's room is its case's, reported on nowhere else.
        eq(circles.conference, false),
        isNotNull(circles.voice),
      ),
    )
    .orderBy(asc(circles.startsAt), asc(circles.id));
  const reported = rows.map((row) => ({
    circleId: row.circleId,
    startsAt: row.startsAt.toISOString(),
    purpose: row.purpose,
    voice: row.voice ?? silence(),
  }));
  return { programId, circles: reported, total: addVoices(reported.map((row) => row.voice)) };
}
