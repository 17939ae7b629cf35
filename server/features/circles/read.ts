import { and, asc, count, eq, inArray, or, type SQL } from 'drizzle-orm';
import type {
  CircleDetail,
  CircleStatus,
  CircleSummary,
} from '../../../shared/circles/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { programs } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { type CircleAccess, type CircleRow, isStaffOf, readableCircle } from './access.ts';
import {
  circleInvitees,
  circleParticipants,
  circleSeating,
  circleSeries,
  circles,
} from './schema.ts';

// What people read of circles: a program's, their own, and one circle in full.

type Executor = Database | Transaction;

/** Summaries of the circles, in the order given. */
export async function summariesOf(db: Executor, rows: CircleRow[]): Promise<CircleSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const programIds = [...new Set(rows.map((row) => row.programId))];
  const personIds = [
    ...new Set(
      rows.flatMap((row) => (row.coKeeperId ? [row.keeperId, row.coKeeperId] : [row.keeperId])),
    ),
  ];
  const seriesIds = [...new Set(rows.flatMap((row) => row.seriesId ?? []))];
  const [programNames, names, seats, series] = await Promise.all([
    db
      .select({ id: programs.id, name: programs.name })
      .from(programs)
      .where(inArray(programs.id, programIds)),
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.id, personIds)),
    db
      .select({ circleId: circleParticipants.circleId, seats: count() })
      .from(circleParticipants)
      .where(inArray(circleParticipants.circleId, ids))
      .groupBy(circleParticipants.circleId),
    seriesIds.length
      ? db
          .select({ id: circleSeries.id, count: circleSeries.count })
          .from(circleSeries)
          .where(inArray(circleSeries.id, seriesIds))
      : [],
  ]);
  const programName = new Map(programNames.map((row) => [row.id, row.name]));
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const seatsOf = new Map(seats.map((row) => [row.circleId, Number(row.seats)]));
  const countOf = new Map(series.map((row) => [row.id, row.count]));
  return rows.map((row) => ({
    id: row.id,
    programId: row.programId,
    programName: programName.get(row.programId) ?? '',
    purpose: row.purpose,
    startsAt: row.startsAt.toISOString(),
    timeZone: row.timeZone,
    durationMinutes: row.durationMinutes,
    status: row.status as CircleStatus,
    language: row.language as CircleSummary['language'],
    capacity: row.capacity,
    seats: seatsOf.get(row.id) ?? 0,
    keeper: { id: row.keeperId, name: nameOf.get(row.keeperId) ?? '' },
    coKeeper: row.coKeeperId
      ? { id: row.coKeeperId, name: nameOf.get(row.coKeeperId) ?? '' }
      : null,
    series: row.seriesId
      ? { id: row.seriesId, position: row.seriesPosition, count: countOf.get(row.seriesId) ?? 1 }
      : null,
    training: row.training,
    conference: row.conference,
  }));
}

const byStart = [asc(circles.startsAt), asc(circles.id)];

/** The circles a person keeps, was invited to by their account, is seated in by plan, or sits in. */
async function circlesConcerning(db: Executor, personId: string, where?: SQL, orElse?: SQL) {
  const invited = db
    .select({ id: circleInvitees.circleId })
    .from(circleInvitees)
    .where(eq(circleInvitees.personId, personId));
  const seated = db
    .select({ id: circleParticipants.circleId })
    .from(circleParticipants)
    .where(eq(circleParticipants.personId, personId));
  const planned = db
    .select({ id: circleSeating.circleId })
    .from(circleSeating)
    .where(eq(circleSeating.personId, personId));
  return db
    .select()
    .from(circles)
    .where(
      and(
        where,
        or(
          orElse,
          eq(circles.keeperId, personId),
          eq(circles.coKeeperId, personId),
          inArray(circles.id, invited),
          inArray(circles.id, seated),
          inArray(circles.id, planned),
        ),
      ),
    )
    .orderBy(...byStart);
}

/**
 * A program's circles: for its staff, all of them but other cases' conference rooms; the
 * person's own for anyone else.
 */
export async function listProgramCircles(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<CircleSummary[]> {
  const program = await findProgram(db, programId);
  const target = programTarget(programId, program);
  await authorize(db, actor, 'circle.read', target);
  if (!program) throw new NotFoundError('There is no such program.');
  const inProgram = eq(circles.programId, programId);
  // Conferences' rooms are their cases': staff see only those they are seated in.
  const rows = isStaffOf(actor, target)
    ? await circlesConcerning(db, actor.personId, inProgram, eq(circles.conference, false))
    : await circlesConcerning(db, actor.personId, inProgram);
  return summariesOf(db, rows);
}

/** GET /api/circles/mine: what the person keeps, is invited to or sits in, in every program. */
export async function circlesOfPerson(db: Database, actor: SignedIn): Promise<CircleSummary[]> {
  return summariesOf(db, await circlesConcerning(db, actor.personId));
}

const joinable = (status: string) => status === 'scheduled' || status === 'live';

/** Whether the person may take a seat now: asked to it, a place free (keepers always have one). */
export function mayJoin(access: CircleAccess, seats: number): boolean {
  const asked = access.keeping !== null || access.invited || access.staff;
  const place =
    access.participantId !== null || access.keeping !== null || seats < access.circle.capacity;
  return joinable(access.circle.status) && access.read && asked && place;
}

async function inviteesOf(context: AppContext, circleId: string) {
  const rows = await context.database.db
    .select({
      id: circleInvitees.id,
      name: people.name,
      email: circleInvitees.email,
      invitedAt: circleInvitees.invitedAt,
    })
    .from(circleInvitees)
    .leftJoin(people, eq(people.id, circleInvitees.personId))
    .where(eq(circleInvitees.circleId, circleId))
    .orderBy(asc(circleInvitees.invitedAt), asc(circleInvitees.id));
  return rows.map((row) => ({
    id: row.id,
    name:
      row.name ??
      (row.email ? context.cipher.decrypt(row.email, `circle_invitees.email:${row.id}`) : ''),
    invitedAt: row.invitedAt.toISOString(),
  }));
}

export async function detailOf(context: AppContext, access: CircleAccess): Promise<CircleDetail> {
  const { circle, manage } = access;
  const [summary] = await summariesOf(context.database.db, [circle]);
  if (!summary) throw new Error(`circle ${circle.id} vanished`);
  const linkLive =
    circle.joinTokenHash !== null &&
    circle.joinLinkExpiresAt !== null &&
    circle.joinLinkExpiresAt > new Date();
  return {
    ...summary,
    can: {
      manage,
      join: mayJoin(access, summary.seats),
      harvest: manage && circle.status === 'closed',
    },
    joinLink:
      manage && linkLive ? { expiresAt: circle.joinLinkExpiresAt?.toISOString() ?? '' } : null,
    // Who else was asked is for those who run the circle.
    invitees: manage ? await inviteesOf(context, circle.id) : [],
    supportResources: access.program.supportResources,
    participantId: access.participantId,
  };
}

export async function readCircle(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<CircleDetail> {
  return detailOf(context, await readableCircle(context.database.db, actor, circleId));
}
