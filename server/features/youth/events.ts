import { and, asc, count, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { type AgeBand, isMinorBand } from '../../../shared/youth/contract.ts';
import type {
  AttendanceRow,
  MyYouthEvents,
  NotYetReason,
  YouthEventDetail,
  YouthEventSummary,
} from '../../../shared/youth/events-contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { consentViewOf, loadConsents } from './consent-store.ts';
import { youthStanding } from './join.ts';
import { youngPeople, youthEventAttendance, youthEvents } from './schema.ts';
import { requireYouthSettings, youthProgramFor } from './settings.ts';

// Events of a youth program and who came. Coordinators plan them (youth.manage); facilitators,
// who run them, record attendance too (youth.read). A minor whose guardian's consent is not
// current cannot be recorded at an event: that refusal is audited as every youth activity's is.

type EventRow = typeof youthEvents.$inferSelect;
type EventAction = 'youth.manage' | 'youth.read';

/** An event still counts as upcoming for a while after it starts, so latecomers find it. */
const STILL_ON_MS = 2 * 60 * 60_000;

async function presentCounts(db: Database, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: youthEventAttendance.eventId, present: count() })
    .from(youthEventAttendance)
    .where(
      and(inArray(youthEventAttendance.eventId, eventIds), eq(youthEventAttendance.present, true)),
    )
    .groupBy(youthEventAttendance.eventId);
  return new Map(rows.map((row) => [row.eventId, row.present]));
}

const summaryOf = (row: EventRow, present: number): YouthEventSummary => ({
  id: row.id,
  programId: row.programId,
  title: row.title,
  startsAt: row.startsAt.toISOString(),
  place: row.place,
  presentCount: present,
});

/** The event and its program, once the table lets the actor `action` there (403, then 404). */
async function eventFor(
  db: Database,
  actor: SignedIn,
  eventId: string,
  action: EventAction,
): Promise<{ event: EventRow; program: ProgramRunners }> {
  const [event] = await db.select().from(youthEvents).where(eq(youthEvents.id, eventId));
  const program = event && (await findProgram(db, event.programId));
  await authorize(db, actor, action, {
    ...programTarget(event?.programId ?? '', program),
    type: 'youth_event',
    id: eventId,
  });
  if (!event || !program) throw new NotFoundError('There is no such event.');
  return { event, program };
}

interface RosterEntry {
  youngPersonId: string;
  displayName: string;
  mayTakePart: boolean;
  notYetBecause: NotYetReason | null;
}

/** The program's young people who have not left, and whether each may take part now. */
async function rosterOf(db: Database, programId: string): Promise<RosterEntry[]> {
  const settings = await requireYouthSettings(db, programId);
  const rows = await db
    .select({ id: youngPeople.id, ageBand: youngPeople.ageBand, displayName: people.name })
    .from(youngPeople)
    .innerJoin(people, eq(people.id, youngPeople.personId))
    .where(and(eq(youngPeople.programId, programId), isNull(youngPeople.leftAt)))
    .orderBy(asc(people.name), asc(youngPeople.id));
  const consents = await loadConsents(
    db,
    rows.map((row) => row.id),
  );
  const now = Date.now();
  return rows.map((row) => {
    const stored = consents.get(row.id);
    const consent = stored ? consentViewOf(stored, now, settings.consentVersion) : null;
    const mayTakePart = !isMinorBand(row.ageBand as AgeBand) || consent?.current === true;
    const notYetBecause: NotYetReason | null = mayTakePart
      ? null
      : !consent
        ? 'none'
        : consent.lapsed || consent.status === 'given'
          ? 'lapsed'
          : consent.status;
    return { youngPersonId: row.id, displayName: row.displayName, mayTakePart, notYetBecause };
  });
}

export async function planEvent(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: { title: string; startsAt: string; place: string },
): Promise<YouthEventSummary> {
  const { db } = context.database;
  const program = await youthProgramFor(db, actor, programId, 'youth.manage');
  await requireYouthSettings(db, programId);
  const id = crypto.randomUUID();
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(youthEvents)
      .values({
        id,
        programId,
        title: body.title,
        startsAt: new Date(body.startsAt),
        place: body.place,
        createdBy: actor.personId,
      })
      .returning();
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.event_planned',
        targetType: 'youth_event',
        targetId: id,
        outcome: 'succeeded',
        details: { programId },
      },
      tx,
    );
    return inserted;
  });
  if (!row) throw new Error('The event was not planned');
  return summaryOf(row, 0);
}

/** The program's events, the latest first. */
export async function listEvents(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<YouthEventSummary[]> {
  const { db } = context.database;
  await youthProgramFor(db, actor, programId, 'youth.read');
  const rows = await db
    .select()
    .from(youthEvents)
    .where(eq(youthEvents.programId, programId))
    .orderBy(desc(youthEvents.startsAt), asc(youthEvents.id));
  const present = await presentCounts(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => summaryOf(row, present.get(row.id) ?? 0));
}

export async function readEvent(
  context: AppContext,
  actor: SignedIn,
  eventId: string,
): Promise<YouthEventDetail> {
  const { db } = context.database;
  const { event, program } = await eventFor(db, actor, eventId, 'youth.read');
  const roster = await rosterOf(db, event.programId);
  const marks = await db
    .select({
      youngPersonId: youthEventAttendance.youngPersonId,
      present: youthEventAttendance.present,
    })
    .from(youthEventAttendance)
    .where(eq(youthEventAttendance.eventId, eventId));
  const markOf = new Map(marks.map((mark) => [mark.youngPersonId, mark.present]));
  const attendance: AttendanceRow[] = roster.map((entry) => {
    const present = markOf.get(entry.youngPersonId);
    return {
      ...entry,
      attendance: present === undefined ? 'not_recorded' : present ? 'present' : 'absent',
    };
  });
  const presentCount = attendance.filter((row) => row.attendance === 'present').length;
  return { event: summaryOf(event, presentCount), programName: program.name, attendance };
}

/**
 * Records who came. Every young person listed must be one of the program's, and one who may
 * take part: a minor without a current consent is refused by name, and the refusal audited.
 * Nothing is saved unless the whole list is right.
 */
export async function recordAttendance(
  context: AppContext,
  actor: SignedIn,
  eventId: string,
  body: { attendance: { youngPersonId: string; present: boolean }[] },
): Promise<YouthEventDetail> {
  const { db } = context.database;
  const { event, program } = await eventFor(db, actor, eventId, 'youth.read');
  const roster = new Map(
    (await rosterOf(db, event.programId)).map((entry) => [entry.youngPersonId, entry]),
  );
  const problems: FieldMessage[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  body.attendance.forEach(({ youngPersonId }, index) => {
    const field = `attendance.${index}.youngPersonId`;
    const entry = roster.get(youngPersonId);
    if (!entry) {
      problems.push({ field, message: 'Choose a young person of this program.', code: 'unknown' });
    } else if (seen.has(youngPersonId)) {
      problems.push({ field, message: `${entry.displayName} is listed twice.`, code: 'twice' });
    } else if (!entry.mayTakePart) {
      refused.push(youngPersonId);
      problems.push({
        field,
        message: `${entry.displayName}'s guardian has not consented: ${entry.displayName} cannot take part until they do.`,
        code: 'needs_consent',
      });
    }
    seen.add(youngPersonId);
  });
  for (const youngPersonId of refused) {
    await recordAudit(db, {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: program.leadOrganisationId,
      action: 'youth.activity_refused',
      targetType: 'young_person',
      targetId: youngPersonId,
      outcome: 'denied',
      details: {
        programId: event.programId,
        activity: 'youth_event_attendance',
        eventId,
        reason: 'consent_not_current',
      },
    });
  }
  if (problems.length > 0) throw new InvalidError(problems);
  await db.transaction(async (tx) => {
    const recordedAt = new Date();
    await tx
      .insert(youthEventAttendance)
      .values(
        body.attendance.map(({ youngPersonId, present }) => ({
          eventId,
          youngPersonId,
          present,
          recordedBy: actor.personId,
          recordedAt,
        })),
      )
      .onConflictDoUpdate({
        target: [youthEventAttendance.eventId, youthEventAttendance.youngPersonId],
        set: {
          present: sql`excluded.present`,
          recordedBy: actor.personId,
          recordedAt,
        },
      });
    const present = body.attendance.filter((mark) => mark.present).length;
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.attendance_recorded',
        targetType: 'youth_event',
        targetId: eventId,
        outcome: 'succeeded',
        details: {
          programId: event.programId,
          present,
          absent: body.attendance.length - present,
        },
      },
      tx,
    );
  });
  return readEvent(context, actor, eventId);
}

/** The upcoming events of every program the person is a young person of and may take part in. */
export async function myUpcomingEvents(
  context: AppContext,
  actor: SignedIn,
): Promise<MyYouthEvents['events']> {
  const { db } = context.database;
  const mine = await db
    .select({ programId: youngPeople.programId })
    .from(youngPeople)
    .where(and(eq(youngPeople.personId, actor.personId), isNull(youngPeople.leftAt)));
  const takingPart: string[] = [];
  for (const { programId } of mine) {
    if ((await youthStanding(db, programId, actor.personId)).mayTakePart) {
      takingPart.push(programId);
    }
  }
  if (takingPart.length === 0) return [];
  const rows = await db
    .select()
    .from(youthEvents)
    .where(
      and(
        inArray(youthEvents.programId, takingPart),
        gte(youthEvents.startsAt, new Date(Date.now() - STILL_ON_MS)),
      ),
    )
    .orderBy(asc(youthEvents.startsAt), asc(youthEvents.id));
  return rows.map((row) => ({
    id: row.id,
    programId: row.programId,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    place: row.place,
  }));
}
