import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';
import {
  type Addressee,
  casePageFor,
  myPartPageFor,
  partyAddressees,
  teamAddressees,
} from './addressees.ts';
import { meetingsAttachment, meetingsCalendar } from './item-calendar.ts';
import { paidByItem } from './items-read.ts';
import { scheduleOf, unpaidDays } from './restitution.ts';
import {
  conferenceInstalments,
  conferenceItems,
  conferenceReminders,
  conferences,
} from './schema.ts';

// While a case's agreement is followed (monitoring, and not paused by a withdrawn consent),
// whoever answers for an open item and the case's team hear of it a week before its day (or as
// soon as the job sees it, when that is later) and once more the day after, if it is still
// open: one of each per item and day, whichever process sends it, since each reminder is
// claimed in the transaction that writes its emails. A restitution is reminded by the payments
// of its schedule not yet covered, each on its own day. Meetings travel with a calendar file.
// The emails name the case's reference and the item's kind and day, never its words.

export const CONFERENCE_REMINDERS_JOB = 'conferences.reminders';
export const CONFERENCE_REMINDERS_EVERY_MS = 60 * 60 * 1_000;
export const CONFERENCE_REMINDER_DAYS_BEFORE = 7;

type Candidate = Awaited<ReturnType<typeof openItemsFollowed>>[number];

interface Reminder {
  candidate: Candidate;
  dueOn: string;
  notice: 'due_soon' | 'overdue';
  payment: { amountCents: number; currency: string } | null;
}

export function defineConferenceReminders(context: AppContext): void {
  context.jobs.define({
    name: CONFERENCE_REMINDERS_JOB,
    payload: z.object({}),
    async handler() {
      await sendConferenceReminders(context);
    },
  });
}

/** Open items of agreements being followed: confirmed, and not paused. */
const followed = and(
  eq(conferenceItems.status, 'open'),
  eq(conferences.stage, 'monitoring'),
  eq(conferences.paused, false),
);

async function openItemsFollowed(context: AppContext) {
  return context.database.db
    .select({
      item: conferenceItems,
      reference: conferences.reference,
      programName: programs.name,
      timeZone: programs.timeZone,
    })
    .from(conferenceItems)
    .innerJoin(conferences, eq(conferences.id, conferenceItems.conferenceId))
    .innerJoin(programs, eq(programs.id, conferences.programId))
    .where(followed);
}

/** The reminders due now: each uncovered day within a week, or passed, of each open item. */
async function remindersDue(context: AppContext, now: Date): Promise<Reminder[]> {
  const candidates = await openItemsFollowed(context);
  const restitutionIds = candidates
    .filter(({ item }) => item.amountCents !== null)
    .map(({ item }) => item.id);
  const instalments =
    restitutionIds.length === 0
      ? []
      : await context.database.db
          .select()
          .from(conferenceInstalments)
          .where(inArray(conferenceInstalments.itemId, restitutionIds));
  const paid = await paidByItem(context.database.db, restitutionIds);
  return candidates.flatMap((candidate) => {
    const { item } = candidate;
    const today = dayIn(candidate.timeZone, now);
    const days =
      item.amountCents === null
        ? [{ dueOn: item.dueOn, payment: null }]
        : unpaidDays(
            scheduleOf(
              item.amountCents,
              instalments.filter((instalment) => instalment.itemId === item.id),
              item.dueOn,
            ),
            paid.get(item.id) ?? 0,
          ).map(({ dueOn, amountCents }) => ({
            dueOn,
            payment: { amountCents, currency: item.currency ?? '' },
          }));
    return days
      .filter(({ dueOn }) => dueOn <= addDays(today, CONFERENCE_REMINDER_DAYS_BEFORE))
      .map(({ dueOn, payment }) => ({
        candidate,
        dueOn,
        payment,
        notice: dueOn < today ? ('overdue' as const) : ('due_soon' as const),
      }));
  });
}

async function sendOne(context: AppContext, tx: Transaction, reminder: Reminder): Promise<void> {
  const { item, reference, programName, timeZone } = reminder.candidate;
  const { publicUrl } = context.config;
  const responsible = (await partyAddressees(tx, context.cipher, item.conferenceId)).filter(
    (party) => party.partyId === item.responsiblePartyId,
  );
  const team = await teamAddressees(tx, item.conferenceId);
  const write = async (to: Addressee, audience: 'responsible' | 'team', link: string) => {
    const calendar =
      item.meetingAt === null
        ? null
        : meetingsCalendar(
            [{ itemId: item.id, reference, meetingAt: item.meetingAt, link }],
            publicUrl,
            to.language,
          );
    await context.mail.notify(
      {
        to: to.address,
        template: 'conference-item-reminder',
        language: to.language,
        data: {
          reference,
          programName,
          kind: item.kind as ItemKind,
          dueOn: reminder.dueOn,
          notice: reminder.notice,
          audience,
          payment: reminder.payment,
          meetingAt: item.meetingAt,
          timeZone,
          link,
        },
        ...(calendar ? { attachments: [meetingsAttachment(calendar)] } : {}),
      },
      { tx },
    );
  };
  for (const party of responsible) {
    await write(party, 'responsible', myPartPageFor(publicUrl, item.conferenceId));
  }
  for (const member of team) {
    await write(member, 'team', casePageFor(publicUrl, item.conferenceId));
  }
}

/** Sends the reminders and overdue notices due at `now`; returns how many it claimed. */
export async function sendConferenceReminders(
  context: AppContext,
  now = new Date(),
): Promise<number> {
  const { db } = context.database;
  let claimed = 0;
  for (const reminder of await remindersDue(context, now)) {
    const sent = await db.transaction(async (tx) => {
      // Settled, or its case moved on, since the candidates were read: nothing to remind of.
      const [still] = await tx
        .select({ id: conferenceItems.id })
        .from(conferenceItems)
        .innerJoin(conferences, eq(conferences.id, conferenceItems.conferenceId))
        .where(and(eq(conferenceItems.id, reminder.candidate.item.id), followed));
      if (!still) return false;
      const claim = await tx
        .insert(conferenceReminders)
        .values({
          itemId: reminder.candidate.item.id,
          kind: reminder.notice,
          dueOn: reminder.dueOn,
        })
        .onConflictDoNothing()
        .returning({ itemId: conferenceReminders.itemId });
      if (claim.length === 0) return false;
      await sendOne(context, tx, reminder);
      return true;
    });
    if (sent) claimed += 1;
  }
  return claimed;
}
