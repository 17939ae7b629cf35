import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { programs } from '../organisations/schema.ts';
import { emailContext, inviteeAddress } from './invite.ts';
import { circleInvitees, circleParticipants, circles } from './schema.ts';
import { inviteeToken, joinPageFor } from './token.ts';

// Everyone asked to a circle hears of it again a day before and an hour before, once each: its
// invitees with their own link, and the people who took a seat without an invitation (by a join
// link, say) with the circle's page. Someone both invited and seated is reminded by their
// invitation alone, and a seat is not reminded at an address that was invited. Nothing for a
// circle that was cancelled. Each reminder is marked sent in the same transaction as its email
// is written, so two processes never send the same one.

export const CIRCLE_REMINDERS_JOB = 'circles.reminders';
export const CIRCLE_REMINDERS_EVERY_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;
const recipients = alias(people, 'recipients');
const keepers = alias(people, 'keepers');

type HoursBefore = 1 | 24;
type Reminded = typeof circleInvitees | typeof circleParticipants;

interface Reminder {
  circleId: string;
  startsAt: Date;
  data: { purpose: string; programName: string; keeperName: string; timeZone: string };
  address: string | null;
  language: Language;
  link: string;
  /** Marks it sent; false when another process (or a later invitation) took care of it. */
  claim(tx: Transaction, hoursBefore: HoursBefore, now: Date): Promise<boolean>;
}

export function defineCircleReminders(context: AppContext): void {
  context.jobs.define({
    name: CIRCLE_REMINDERS_JOB,
    payload: z.object({}),
    async handler() {
      await sendCircleReminders(context);
    },
  });
}

const circleFields = {
  circleId: circles.id,
  purpose: circles.purpose,
  startsAt: circles.startsAt,
  timeZone: circles.timeZone,
  programName: programs.name,
  keeperName: keepers.name,
};

const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');

const stillScheduled = (circleId: string) =>
  sql`exists (select 1 from ${circles} where ${circles.id} = ${circleId} and ${circles.status} = 'scheduled')`;

/** Scheduled circles starting within the day whose row has a reminder due. */
function due(table: Reminded, now: Date) {
  return and(
    eq(circles.status, 'scheduled'),
    gt(circles.startsAt, now),
    lte(circles.startsAt, new Date(now.getTime() + 24 * HOUR_MS)),
    or(
      isNull(table.reminded24hAt),
      and(lte(circles.startsAt, new Date(now.getTime() + HOUR_MS)), isNull(table.reminded1hAt)),
    ),
  );
}

const unsent = (table: Reminded, hoursBefore: HoursBefore) =>
  hoursBefore === 1 ? isNull(table.reminded1hAt) : isNull(table.reminded24hAt);

/** The hour's reminder stands for the day's too, when the day's moment passed unsent. */
const sentNow = (table: Reminded, hoursBefore: HoursBefore, now: Date) =>
  hoursBefore === 1
    ? {
        reminded1hAt: now,
        reminded24hAt: sql`coalesce(${table.reminded24hAt}, ${now.toISOString()}::timestamptz)`,
      }
    : { reminded24hAt: now };

async function inviteeReminders(context: AppContext, now: Date): Promise<Reminder[]> {
  const rows = await context.database.db
    .select({ invitee: circleInvitees, accountEmail: recipients.email, ...circleFields })
    .from(circleInvitees)
    .innerJoin(circles, eq(circles.id, circleInvitees.circleId))
    .innerJoin(programs, eq(programs.id, circles.programId))
    .innerJoin(keepers, eq(keepers.id, circles.keeperId))
    .leftJoin(recipients, eq(recipients.id, circleInvitees.personId))
    .where(due(circleInvitees, now));
  return rows.map(({ invitee, accountEmail, circleId, startsAt, ...data }) => ({
    circleId,
    startsAt,
    data,
    address: inviteeAddress(context, invitee, accountEmail),
    language: languageOf(invitee.language),
    link: joinPageFor(context.config.publicUrl, inviteeToken(context, invitee.id)),
    async claim(tx, hoursBefore, at) {
      const claimed = await tx
        .update(circleInvitees)
        .set(sentNow(circleInvitees, hoursBefore, at))
        .where(
          and(
            eq(circleInvitees.id, invitee.id),
            unsent(circleInvitees, hoursBefore),
            stillScheduled(circleId),
          ),
        )
        .returning({ id: circleInvitees.id });
      return claimed.length > 0;
    },
  }));
}

/** "<circleId> <address>" for each address invited to these circles without an account. */
async function invitedAddresses(context: AppContext, circleIds: string[]): Promise<Set<string>> {
  if (circleIds.length === 0) return new Set();
  const rows = await context.database.db
    .select({
      id: circleInvitees.id,
      circleId: circleInvitees.circleId,
      email: circleInvitees.email,
    })
    .from(circleInvitees)
    .where(
      and(
        inArray(circleInvitees.circleId, circleIds),
        isNull(circleInvitees.personId),
        isNotNull(circleInvitees.email),
      ),
    );
  return new Set(
    rows.map(
      (row) =>
        `${row.circleId} ${context.cipher.decrypt(row.email ?? '', emailContext(row.id)).toLowerCase()}`,
    ),
  );
}

/** The seat holder's own invitation to the seat's circle, as a subquery. */
const invitationOfSeat = (db: Database | Transaction) =>
  db
    .select({ id: circleInvitees.id })
    .from(circleInvitees)
    .where(
      and(
        eq(circleInvitees.circleId, circleParticipants.circleId),
        eq(circleInvitees.personId, circleParticipants.personId),
      ),
    );

/** People's seats in the circle with no invitation of theirs to it, the keepers' left out. */
async function seatReminders(context: AppContext, now: Date): Promise<Reminder[]> {
  const rows = await context.database.db
    .select({ seat: circleParticipants, email: recipients.email, ...circleFields })
    .from(circleParticipants)
    .innerJoin(circles, eq(circles.id, circleParticipants.circleId))
    .innerJoin(programs, eq(programs.id, circles.programId))
    .innerJoin(keepers, eq(keepers.id, circles.keeperId))
    .innerJoin(recipients, eq(recipients.id, circleParticipants.personId))
    .where(
      and(
        due(circleParticipants, now),
        ne(circleParticipants.personId, circles.keeperId),
        or(isNull(circles.coKeeperId), ne(circleParticipants.personId, circles.coKeeperId)),
        notExists(invitationOfSeat(context.database.db)),
      ),
    );
  const invited = await invitedAddresses(context, [...new Set(rows.map((row) => row.circleId))]);
  return rows.map(({ seat, email, circleId, startsAt, ...data }) => ({
    circleId,
    startsAt,
    data,
    address:
      isPlaceholderEmail(email) || invited.has(`${circleId} ${email.toLowerCase()}`) ? null : email,
    language: languageOf(seat.language),
    link: `${context.config.publicUrl}/circles/${circleId}`,
    async claim(tx, hoursBefore, at) {
      const claimed = await tx
        .update(circleParticipants)
        .set(sentNow(circleParticipants, hoursBefore, at))
        .where(
          and(
            eq(circleParticipants.id, seat.id),
            unsent(circleParticipants, hoursBefore),
            stillScheduled(circleId),
            // Invited since it was read: the invitation reminds them.
            notExists(invitationOfSeat(tx)),
          ),
        )
        .returning({ id: circleParticipants.id });
      return claimed.length > 0;
    },
  }));
}

/** Sends the reminders due now; returns how many it handled (sent, held or not wanted). */
export async function sendCircleReminders(context: AppContext, now = new Date()): Promise<number> {
  const { db } = context.database;
  const inAnHour = new Date(now.getTime() + HOUR_MS);
  const reminders = [
    ...(await inviteeReminders(context, now)),
    ...(await seatReminders(context, now)),
  ];
  let handled = 0;
  for (const reminder of reminders) {
    const hoursBefore: HoursBefore = reminder.startsAt <= inAnHour ? 1 : 24;
    const claimed = await db.transaction(async (tx) => {
      if (!(await reminder.claim(tx, hoursBefore, now))) return false;
      if (!reminder.address) return true;
      await context.mail.notify(
        {
          to: reminder.address,
          template: 'circle-reminder',
          language: reminder.language,
          data: { ...reminder.data, startsAt: reminder.startsAt, hoursBefore, link: reminder.link },
        },
        { tx },
      );
      return true;
    });
    if (claimed) handled += 1;
  }
  return handled;
}
