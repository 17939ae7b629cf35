import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { programs } from '../organisations/schema.ts';
import { emailContext } from './invite.ts';
import { circleInvitees, circles } from './schema.ts';
import { inviteeToken, joinPageFor } from './token.ts';

// Everyone invited to a circle hears of it again a day before and an hour before, once each,
// with their own link; nothing for a circle that was cancelled. Each reminder is marked sent in
// the same transaction as its email is written, so two processes never send the same one.

export const CIRCLE_REMINDERS_JOB = 'circles.reminders';
export const CIRCLE_REMINDERS_EVERY_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;
const invitees = alias(people, 'invitee_people');
const keepers = alias(people, 'keepers');

export function defineCircleReminders(context: AppContext): void {
  context.jobs.define({
    name: CIRCLE_REMINDERS_JOB,
    payload: z.object({}),
    async handler() {
      await sendCircleReminders(context);
    },
  });
}

/** Sends the reminders due now; returns how many it handled (sent, held or not wanted). */
export async function sendCircleReminders(context: AppContext, now = new Date()): Promise<number> {
  const { db } = context.database;
  const inAnHour = new Date(now.getTime() + HOUR_MS);
  const candidates = await db
    .select({
      invitee: circleInvitees,
      personEmail: invitees.email,
      circleId: circles.id,
      purpose: circles.purpose,
      startsAt: circles.startsAt,
      timeZone: circles.timeZone,
      programName: programs.name,
      keeperName: keepers.name,
    })
    .from(circleInvitees)
    .innerJoin(circles, eq(circles.id, circleInvitees.circleId))
    .innerJoin(programs, eq(programs.id, circles.programId))
    .innerJoin(keepers, eq(keepers.id, circles.keeperId))
    .leftJoin(invitees, eq(invitees.id, circleInvitees.personId))
    .where(
      and(
        eq(circles.status, 'scheduled'),
        gt(circles.startsAt, now),
        lte(circles.startsAt, new Date(now.getTime() + 24 * HOUR_MS)),
        or(
          isNull(circleInvitees.reminded24hAt),
          and(lte(circles.startsAt, inAnHour), isNull(circleInvitees.reminded1hAt)),
        ),
      ),
    );
  let handled = 0;
  for (const candidate of candidates) {
    const { invitee } = candidate;
    const hoursBefore = candidate.startsAt <= inAnHour ? 1 : 24;
    const stillScheduled = sql`exists (select 1 from ${circles} where ${circles.id} = ${candidate.circleId} and ${circles.status} = 'scheduled')`;
    const sent = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(circleInvitees)
        .set(
          hoursBefore === 1
            ? {
                reminded1hAt: now,
                reminded24hAt: sql`coalesce(${circleInvitees.reminded24hAt}, ${now.toISOString()}::timestamptz)`,
              }
            : { reminded24hAt: now },
        )
        .where(
          and(
            eq(circleInvitees.id, invitee.id),
            hoursBefore === 1
              ? isNull(circleInvitees.reminded1hAt)
              : isNull(circleInvitees.reminded24hAt),
            stillScheduled,
          ),
        )
        .returning({ id: circleInvitees.id });
      if (claimed.length === 0) return false;
      const address =
        candidate.personEmail ??
        (invitee.email ? context.cipher.decrypt(invitee.email, emailContext(invitee.id)) : null);
      if (!address || isPlaceholderEmail(address)) return true;
      await context.mail.notify(
        {
          to: address,
          template: 'circle-reminder',
          language: invitee.language === 'es' ? 'es' : 'en',
          data: {
            purpose: candidate.purpose,
            programName: candidate.programName,
            keeperName: candidate.keeperName,
            startsAt: candidate.startsAt,
            timeZone: candidate.timeZone,
            hoursBefore,
            link: joinPageFor(context.config.publicUrl, inviteeToken(context, invitee.id)),
          },
        },
        { tx },
      );
      return true;
    });
    if (sent) handled += 1;
  }
  return handled;
}
