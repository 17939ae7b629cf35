import type { z } from 'zod';
import type { CircleSummary, createCircleBody } from '../../../shared/circles/contract.ts';
import { occurrencesOf } from '../../../shared/circles/schedule.ts';
import { isTimeZone } from '../../../shared/organisations/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { type CircleProgram, findCircleProgram } from './access.ts';
import { keepersOf } from './people.ts';
import { summariesOf } from './read.ts';
import { circleSeries, circles } from './schema.ts';

// Planning a circle, or a series of them: one `circle_series` row and a `circles` row for each
// meeting, every one at the same local time in the circle's zone (schedule.ts).

export type CreateCircle = z.output<typeof createCircleBody>;

/** Whether "YYYY-MM-DDTHH:mm" names a day that exists and a time of day. */
function isRealLocalTime(local: string): boolean {
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return (
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    (hour ?? 24) < 24 &&
    (minute ?? 60) < 60
  );
}

const startOf = (firstLocal: string, timeZone: string) =>
  occurrencesOf({ firstLocal, timeZone, repeat: 'none', count: 1 })[0]?.getTime() ?? 0;

async function refusalsOf(
  db: Database,
  body: CreateCircle,
  program: CircleProgram,
  timeZone: string,
): Promise<FieldMessage[]> {
  const refusals: FieldMessage[] = [];
  if (!isTimeZone(timeZone)) {
    refusals.push({
      field: 'timeZone',
      message: 'This is not a time zone we know. Choose one such as America/Chicago.',
    });
  } else if (!isRealLocalTime(body.startsAtLocal)) {
    refusals.push({ field: 'startsAtLocal', message: 'This date does not exist; check the day.' });
  } else if (startOf(body.startsAtLocal, timeZone) <= Date.now()) {
    refusals.push({
      field: 'startsAtLocal',
      message: 'This time has passed; choose a time to come.',
      code: 'in_past',
    });
  }
  if (body.repeat !== 'none' && body.count < 2) {
    refusals.push({ field: 'count', message: 'A series has at least 2 circles.' });
  }
  const chosen = [body.keeperId, ...(body.coKeeperId ? [body.coKeeperId] : [])];
  const keepers = new Set((await keepersOf(db, program, chosen)).map((person) => person.id));
  const notAKeeper = 'Choose a facilitator or a coordinator of this program.';
  if (!keepers.has(body.keeperId)) refusals.push({ field: 'keeperId', message: notAKeeper });
  if (body.coKeeperId === body.keeperId) {
    refusals.push({ field: 'coKeeperId', message: 'Choose someone other than the keeper.' });
  } else if (body.coKeeperId && !keepers.has(body.coKeeperId)) {
    refusals.push({ field: 'coKeeperId', message: notAKeeper });
  }
  return refusals;
}

/** Plans a circle, or a series of them, in the program; `actor` needs 'circle.create'. */
export async function planCircles(
  db: Database,
  actor: SignedIn,
  programId: string,
  body: CreateCircle,
): Promise<CircleSummary[]> {
  const program = await findCircleProgram(db, programId);
  await authorize(db, actor, 'circle.create', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const timeZone = body.timeZone ?? program.timeZone;
  const refusals = await refusalsOf(db, body, program, timeZone);
  if (refusals.length > 0) throw new InvalidError(refusals);
  const canonicalZone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  const starts = occurrencesOf({
    firstLocal: body.startsAtLocal,
    timeZone: canonicalZone,
    repeat: body.repeat,
    count: body.count,
  });
  const seriesId = body.repeat === 'none' ? null : crypto.randomUUID();
  const rows = await db.transaction(async (tx) => {
    if (seriesId) {
      await tx.insert(circleSeries).values({
        id: seriesId,
        programId,
        repeat: body.repeat,
        count: starts.length,
        createdBy: actor.personId,
      });
    }
    const inserted = await tx
      .insert(circles)
      .values(
        starts.map((startsAt, index) => ({
          id: crypto.randomUUID(),
          programId,
          seriesId,
          seriesPosition: index + 1,
          purpose: body.purpose,
          startsAt,
          timeZone: canonicalZone,
          durationMinutes: body.durationMinutes,
          keeperId: body.keeperId,
          coKeeperId: body.coKeeperId,
          capacity: body.capacity,
          language: body.language,
          training: body.training,
          createdBy: actor.personId,
        })),
      )
      .returning();
    inserted.sort((a, b) => a.seriesPosition - b.seriesPosition);
    const first = inserted[0];
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'circle.planned',
        targetType: seriesId ? 'circle_series' : 'circle',
        targetId: seriesId ?? first?.id ?? null,
        outcome: 'succeeded',
        details: { programId, repeat: body.repeat, circles: inserted.length },
      },
      tx,
    );
    return inserted;
  });
  return summariesOf(db, rows);
}
