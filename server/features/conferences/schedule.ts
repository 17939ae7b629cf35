import { and, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseDetail, scheduleBody } from '../../../shared/conferences/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { programs } from '../organisations/schema.ts';
import { type CaseRow, type TeamAccess, teamCase } from './access.ts';
import { withStep } from './command.ts';
import {
  type CalendarConference,
  conferenceCalendarAttachment,
  conferenceCalendarFile,
} from './conference-calendar.ts';
import { casePageFor } from './notices.ts';
import {
  languageOf,
  myPartPageFor,
  partyRecipient,
  type Recipient,
  teamRecipients,
} from './party-mail.ts';
import { caseDetail } from './read.ts';
import { arrangeRoom, cancelRoom } from './room.ts';
import { conferenceEvents, conferenceParties, conferences } from './schema.ts';

// Scheduling the conference: the workflow takes it only when every party has consented and no
// one has withdrawn (409 with its words otherwise). The time, in person or online, and the place
// are kept on the case; every party with an address and the team get an invitation with a
// calendar file; the answer is the case as its team reads it. An online conference meets in its
// room, a circle in conference mode (room.ts), moved with the conference when it is moved and
// cancelled when the conference moves to a place.

export type Schedule = z.output<typeof scheduleBody>;
type Executor = Database | Transaction;

/** When and where the conference meets, as its invitations and calendar files say it. */
interface Meeting {
  startsAt: Date;
  mode: 'in_person' | 'online';
  place: string;
  timeZone: string;
  /** How many times it was moved: a calendar moves its event rather than adding another. */
  sequence: number;
}

async function meetingOf(db: Executor, conference: CaseRow, startsAt: Date): Promise<Meeting> {
  const [program] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, conference.programId));
  const [scheduled] = await db
    .select({ times: count() })
    .from(conferenceEvents)
    .where(
      and(eq(conferenceEvents.conferenceId, conference.id), eq(conferenceEvents.type, 'scheduled')),
    );
  return {
    startsAt,
    mode: conference.mode === 'online' ? 'online' : 'in_person',
    place: conference.place ?? '',
    timeZone: program?.timeZone ?? 'UTC',
    sequence: Math.max(0, (scheduled?.times ?? 0) - 1),
  };
}

const calendarEntry = (access: TeamAccess, meeting: Meeting, link: string): CalendarConference => ({
  id: access.conference.id,
  reference: access.conference.reference,
  programName: access.program.name,
  ...meeting,
  link,
});

async function invite(
  tx: Transaction,
  context: AppContext,
  access: TeamAccess,
  meeting: Meeting,
): Promise<void> {
  const { conference, program } = access;
  const { publicUrl } = context.config;
  const send = async (to: Recipient, reader: 'party' | 'team', link: string) => {
    const calendar = conferenceCalendarFile(
      calendarEntry(access, meeting, link),
      publicUrl,
      to.language,
    );
    await context.mail.send(
      {
        to: to.address,
        template: 'conference-scheduled',
        language: to.language,
        data: {
          programName: program.name,
          reference: conference.reference,
          startsAt: meeting.startsAt,
          timeZone: meeting.timeZone,
          mode: meeting.mode,
          place: meeting.place,
          link,
          reader,
        },
        attachments: [conferenceCalendarAttachment(calendar)],
      },
      { tx },
    );
  };
  const parties = await tx
    .select()
    .from(conferenceParties)
    .where(
      and(eq(conferenceParties.conferenceId, conference.id), isNull(conferenceParties.removedAt)),
    );
  for (const party of parties) {
    const recipient = await partyRecipient(tx, context, party);
    if (recipient) await send(recipient, 'party', myPartPageFor(publicUrl, conference.id));
  }
  for (const member of await teamRecipients(tx, conference, program)) {
    await send(member, 'team', casePageFor(publicUrl, conference.id));
  }
}

/** POST /api/conferences/:id/schedule */
export async function scheduleConference(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: Schedule,
): Promise<CaseDetail> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'schedule');
  const startsAt = new Date(body.startsAt);
  if (startsAt.getTime() <= Date.now()) {
    throw new InvalidError([{ field: 'startsAt', message: 'Choose a time that has not passed.' }]);
  }
  const command = { type: 'schedule', startsAt: startsAt.toISOString(), mode: body.mode } as const;
  await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    const [current] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId));
    if (!current) throw new Error(`Case ${conferenceId} vanished while it was scheduled.`);
    let circleId: string | null = null;
    if (body.mode === 'online') {
      const { timeZone } = await meetingOf(tx, current, startsAt);
      circleId = await arrangeRoom(tx, current, startsAt, timeZone, actor.personId);
    } else {
      await cancelRoom(tx, current);
    }
    const [row] = await tx
      .update(conferences)
      .set({ mode: body.mode, place: body.mode === 'online' ? null : body.place, circleId })
      .where(eq(conferences.id, conferenceId))
      .returning();
    if (!row) throw new Error(`Case ${conferenceId} vanished while it was scheduled.`);
    await invite(tx, context, { ...access, conference: row }, await meetingOf(tx, row, startsAt));
  });
  return caseDetail(context, access, actor);
}

/** GET /api/conferences/:id/calendar.ics, for the team. */
export async function conferenceCalendarFor(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
): Promise<string> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'calendar');
  const { conference } = access;
  if (conference.stage !== 'scheduled' || !conference.startsAt) {
    throw new NotFoundError('No conference is scheduled for this case.');
  }
  const meeting = await meetingOf(db, conference, conference.startsAt);
  const link = casePageFor(context.config.publicUrl, conference.id);
  return conferenceCalendarFile(
    calendarEntry(access, meeting, link),
    context.config.publicUrl,
    languageOf(actor.language),
  );
}
