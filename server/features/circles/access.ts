import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, decide, type Target } from '../../../shared/permissions/decide.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { programs } from '../organisations/schema.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { circleInvitees, circleParticipants, circleSeating, circles } from './schema.ts';

// Who may do what with a circle; every circles route asks here. The permission table decides on
// the circle's program, then the circle narrows it: staff of the program see every circle of it,
// residents (and youth and guardians) only the circles they were invited to or sit in. The
// planner, the keeper and the co-keeper manage their circle without 'circle.manage'. After it
// closes, a seat is its holder's own: the people who sat in it read its harvest and transcript
// by their seat alone. A conference's room is narrower still (conferenceRoomAccess).

export type CircleRow = typeof circles.$inferSelect;
type Executor = Database | Transaction;

/** The program a circle belongs to, with what circles need of it. */
export interface CircleProgram extends ProgramRunners {
  timeZone: string;
  transcriptRetentionDays: number;
  supportResources: string;
}

/** The actor's relation to one circle, and what follows from it. */
export interface CircleAccess {
  circle: CircleRow;
  program: CircleProgram;
  /** 'keeper' or 'co_keeper' when the actor keeps this circle. */
  keeping: 'keeper' | 'co_keeper' | null;
  invited: boolean;
  /** The actor's seat (circle_participants.id), once they agreed to the guidelines. */
  participantId: string | null;
  /** Staff of the program (any staff role that reaches it), who see all of its circles. */
  staff: boolean;
  read: boolean;
  /** Cancel, invite, make a join link, write and finalise the harvest. */
  manage: boolean;
}

export async function findCircleProgram(
  db: Executor,
  programId: string,
): Promise<CircleProgram | undefined> {
  const runners = await findProgram(db, programId);
  if (!runners) return undefined;
  const [settings] = await db
    .select({
      timeZone: programs.timeZone,
      transcriptRetentionDays: programs.transcriptRetentionDays,
      supportResources: programs.supportResources,
    })
    .from(programs)
    .where(eq(programs.id, programId));
  return settings && { ...runners, ...settings };
}

/** The permission target of a circle: its program, with everyone who runs it. */
export function circleTarget(
  circleId: string,
  programId: string,
  program: ProgramRunners | undefined,
): Target & { type: string; id: string } {
  return { ...programTarget(programId, program), type: 'circle', id: circleId };
}

/** Whether the permission table lets the actor do `action` in the circle's program. */
export const allowedOn = (actor: Actor, action: Action, access: CircleAccess) =>
  decide(actor, action, circleTarget(access.circle.id, access.circle.programId, access.program))
    .allowed;

/** Whether the actor holds a staff role that reaches the program (not only a resident's). */
export function isStaffOf(actor: Actor, target: Target): boolean {
  const staffOnly = { ...actor, memberships: actor.memberships.filter((m) => isStaffRole(m.role)) };
  return decide(staffOnly, 'circle.read', target).allowed;
}

export const keepersOf = (circle: CircleRow): string[] =>
  [circle.keeperId, circle.coKeeperId].filter((id): id is string => id !== null);

export const keepingOf = (circle: CircleRow, personId: string) =>
  circle.keeperId === personId ? 'keeper' : circle.coKeeperId === personId ? 'co_keeper' : null;

/** The actor's relation to a loaded circle; nothing is refused here. */
export async function accessTo(
  db: Executor,
  actor: SignedIn,
  circle: CircleRow,
  program: CircleProgram,
): Promise<CircleAccess> {
  const [seat] = await db
    .select({ id: circleParticipants.id })
    .from(circleParticipants)
    .where(
      and(
        eq(circleParticipants.circleId, circle.id),
        eq(circleParticipants.personId, actor.personId),
      ),
    );
  const keeping = keepingOf(circle, actor.personId);
  if (circle.conference) {
    return conferenceRoomAccess(db, actor, { circle, program, keeping }, seat?.id ?? null);
  }
  const [invitee] = await db
    .select({ id: circleInvitees.id })
    .from(circleInvitees)
    .where(and(eq(circleInvitees.circleId, circle.id), eq(circleInvitees.personId, actor.personId)))
    .limit(1);
  const target = circleTarget(circle.id, circle.programId, program);
  const staff = isStaffOf(actor, target);
  const inTable = decide(actor, 'circle.read', target).allowed;
  const ownCircle = keeping !== null || circle.createdBy === actor.personId;
  return {
    circle,
    program,
    keeping,
    invited: invitee !== undefined,
    participantId: seat?.id ?? null,
    staff,
    read: inTable && (staff || ownCircle || invitee !== undefined || seat !== undefined),
    manage: inTable && (ownCircle || decide(actor, 'circle.manage', target).allowed),
  };
}

/**
 * A conference's room is the case's, not the program's: only the people of its seating plan
 * (the case team and the parties, kept by the conferences feature) come in, and only its
 * keepers, the case's facilitators, manage it. The program's other staff do not see it at all.
 */
async function conferenceRoomAccess(
  db: Executor,
  actor: SignedIn,
  { circle, program, keeping }: Pick<CircleAccess, 'circle' | 'program' | 'keeping'>,
  participantId: string | null,
): Promise<CircleAccess> {
  const [planned] = await db
    .select({ place: circleSeating.place })
    .from(circleSeating)
    .where(and(eq(circleSeating.circleId, circle.id), eq(circleSeating.personId, actor.personId)));
  return {
    circle,
    program,
    keeping,
    invited: planned !== undefined,
    participantId,
    staff: false,
    // Once it has closed, a seat is its holder's own (its harvest and transcript), as elsewhere.
    read:
      keeping !== null ||
      planned !== undefined ||
      (participantId !== null && circle.status === 'closed'),
    manage: keeping !== null,
  };
}

async function findCircle(db: Executor, circleId: string) {
  const [circle] = await db.select().from(circles).where(eq(circles.id, circleId));
  const program = circle && (await findCircleProgram(db, circle.programId));
  return circle && program ? { circle, program } : undefined;
}

/** The circle and its program, or 404 (code that checked nothing yet uses the ones below). */
export async function loadCircle(
  db: Executor,
  circleId: string,
): Promise<{ circle: CircleRow; program: CircleProgram }> {
  const found = await findCircle(db, circleId);
  if (!found) throw new NotFoundError('There is no such circle.');
  return found;
}

/**
 * The circle when `may` lets the actor in. Otherwise the table is asked for `action`: a refusal
 * is 403 and audited, whether or not the circle exists; someone the table lets through whom the
 * circle does not (a resident of the program not asked to it) is told it is not found.
 */
async function circleWhere(
  db: Database,
  actor: SignedIn,
  circleId: string,
  action: Action,
  may: (access: CircleAccess) => boolean,
): Promise<CircleAccess> {
  const found = await findCircle(db, circleId);
  const access = found && (await accessTo(db, actor, found.circle, found.program));
  if (access && may(access)) return access;
  const target = circleTarget(circleId, found?.circle.programId ?? '', found?.program);
  await authorize(db, actor, action, target);
  throw new NotFoundError('There is no such circle.');
}

/** A circle the actor may read: the program's staff, its keepers, planner, invitees and seats. */
export const readableCircle = (db: Database, actor: SignedIn, circleId: string) =>
  circleWhere(db, actor, circleId, 'circle.read', (access) => access.read);

/** A circle the actor may manage: its planner, keepers, or a holder of 'circle.manage' (403). */
export const manageableCircle = (db: Database, actor: SignedIn, circleId: string) =>
  circleWhere(db, actor, circleId, 'circle.manage', (access) => access.manage);

/**
 * A circle its managers plan for: invitations, a join link, cancelling. A conference's room is
 * planned on its case instead (who comes, when), so here it is refused.
 */
export async function plannableCircle(
  db: Database,
  actor: SignedIn,
  circleId: string,
): Promise<CircleAccess> {
  const access = await manageableCircle(db, actor, circleId);
  if (access.circle.conference) {
    throw new ConflictError(
      'This is the room of a conference: who comes and when are set on its case.',
      { code: 'conference_room' },
    );
  }
  return access;
}

/** Who reads a circle's harvest: its managers, who write it, and the people who sat in it. */
export const mayReadHarvest = (access: CircleAccess) =>
  access.manage || access.participantId !== null;

/** The harvest's readers (the participants see it once it is shared). */
export const harvestReadableCircle = (db: Database, actor: SignedIn, circleId: string) =>
  circleWhere(db, actor, circleId, 'circle.manage', mayReadHarvest);

/** Those of these circles whose harvest the actor may read, for links to it from elsewhere. */
export async function circlesWithReadableHarvest(
  db: Executor,
  actor: SignedIn,
  circleIds: readonly string[],
): Promise<Set<string>> {
  const readable = new Set<string>();
  if (circleIds.length === 0) return readable;
  const rows = await db
    .select()
    .from(circles)
    .where(inArray(circles.id, [...new Set(circleIds)]));
  const programsById = new Map<string, CircleProgram | undefined>();
  for (const circle of rows) {
    if (!programsById.has(circle.programId)) {
      programsById.set(circle.programId, await findCircleProgram(db, circle.programId));
    }
    const program = programsById.get(circle.programId);
    if (program && mayReadHarvest(await accessTo(db, actor, circle, program))) {
      readable.add(circle.id);
    }
  }
  return readable;
}

/** The equal-voice figures: for the keepers, and whoever reads the program's reports. */
export const voiceReadableCircle = (db: Database, actor: SignedIn, circleId: string) =>
  circleWhere(
    db,
    actor,
    circleId,
    'circle.report',
    // A keeper reads their own circle's figures while they still take part in its program.
    (access) =>
      (access.keeping !== null && allowedOn(actor, 'circle.read', access)) ||
      allowedOn(actor, 'circle.report', access),
  );

/**
 * Someone who sat in the circle (or, with `keepers`, kept it). For anyone else the circle is not
 * found: what was said in it, and who answered its harvest, is theirs alone.
 */
export async function insiderCircle(
  db: Database,
  actor: SignedIn,
  circleId: string,
  options: { keepers: boolean },
): Promise<CircleAccess> {
  const found = await findCircle(db, circleId);
  const access = found && (await accessTo(db, actor, found.circle, found.program));
  if (!access || !(access.participantId || (options.keepers && access.keeping))) {
    throw new NotFoundError('There is no such circle.');
  }
  return access;
}

/** What is written after a circle closes waits for it to close. */
export function requireClosed(circle: CircleRow, what: string): void {
  if (circle.status !== 'closed') {
    throw new ConflictError(`${what} once the circle has closed; this one has not.`, {
      code: 'circle_not_closed',
    });
  }
}
