import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { accessTo, type CircleRow, readableCircle } from './access.ts';
import { calendarFile } from './calendar.ts';
import { circleInvitees, circles } from './schema.ts';
import { inviteeToken, joinPageFor } from './token.ts';

// GET /api/circles/:id/calendar.ics: the calendar file an invitation carries, for someone who
// may read the circle: the circle and the later circles of its series that they may read, each
// with their own link when they were invited to it, and the circle's page otherwise.

export async function circleCalendarFor(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<string> {
  const { db } = context.database;
  const access = await readableCircle(db, actor, circleId);
  const { circle, program } = access;
  const series: CircleRow[] = circle.seriesId
    ? await db
        .select()
        .from(circles)
        .where(
          and(
            eq(circles.seriesId, circle.seriesId),
            gte(circles.seriesPosition, circle.seriesPosition),
          ),
        )
        .orderBy(asc(circles.seriesPosition))
    : [circle];
  const readable: CircleRow[] = [];
  for (const one of series) {
    if (one.status === 'closed') continue;
    if (one.id === circle.id || (await accessTo(db, actor, one, program)).read) readable.push(one);
  }
  const invitations = await db
    .select({ id: circleInvitees.id, circleId: circleInvitees.circleId })
    .from(circleInvitees)
    .where(
      and(
        eq(circleInvitees.personId, actor.personId),
        inArray(
          circleInvitees.circleId,
          readable.map((one) => one.id),
        ),
      ),
    );
  const invitationOf = new Map(invitations.map((row) => [row.circleId, row.id]));
  const [keeper] = await db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, circle.keeperId));
  const { publicUrl } = context.config;
  return calendarFile(
    readable.map((one) => {
      const inviteeId = invitationOf.get(one.id);
      return {
        id: one.id,
        purpose: one.purpose,
        programName: program.name,
        keeperName: keeper?.name ?? '',
        startsAt: one.startsAt,
        durationMinutes: one.durationMinutes,
        timeZone: one.timeZone,
        cancelled: one.status === 'cancelled',
        link: inviteeId
          ? joinPageFor(publicUrl, inviteeToken(context, inviteeId))
          : `${publicUrl}/circles/${one.id}`,
      };
    }),
    publicUrl,
    actor.language === 'es' ? 'es' : 'en',
  );
}
