import { and, eq } from 'drizzle-orm';
import { type Actor, decide, type Target } from '../../../shared/permissions/decide.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { programs } from '../organisations/schema.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { circleInvitees, circleParticipants, circles } from './schema.ts';

// Who may read and who may manage a circle. The permission table decides on the circle's
// program; then the circle narrows it: staff of the program see every circle of it, residents
// (and youth and guardians) only the circles they were invited to or sit in. The planner, the
// keeper and the co-keeper manage their circle without 'circle.manage'. Every circles route,
// the live room's and the harvest's included, asks here.

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
  /** Cancel, invite, make a join link, harvest. */
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

/** Whether the actor holds a staff role that reaches the program (not only a resident's). */
export function isStaffOf(actor: Actor, target: Target): boolean {
  const staffOnly = { ...actor, memberships: actor.memberships.filter((m) => isStaffRole(m.role)) };
  return decide(staffOnly, 'circle.read', target).allowed;
}

export const keepingOf = (circle: CircleRow, personId: string) =>
  circle.keeperId === personId ? 'keeper' : circle.coKeeperId === personId ? 'co_keeper' : null;

/** The actor's relation to a loaded circle; nothing is refused here. */
export async function accessTo(
  db: Executor,
  actor: SignedIn,
  circle: CircleRow,
  program: CircleProgram,
): Promise<CircleAccess> {
  const target = circleTarget(circle.id, circle.programId, program);
  const [invitee] = await db
    .select({ id: circleInvitees.id })
    .from(circleInvitees)
    .where(and(eq(circleInvitees.circleId, circle.id), eq(circleInvitees.personId, actor.personId)))
    .limit(1);
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

/** The circle and its program, or 404 (for code that has checked nothing yet, use the two below). */
export async function loadCircle(
  db: Executor,
  circleId: string,
): Promise<{ circle: CircleRow; program: CircleProgram }> {
  const [circle] = await db.select().from(circles).where(eq(circles.id, circleId));
  const program = circle && (await findCircleProgram(db, circle.programId));
  if (!circle || !program) throw new NotFoundError('There is no such circle.');
  return { circle, program };
}

/**
 * Loads the circle for a signed-in actor. One that does not exist is refused like one the
 * actor may not reach (403, audited), so the answer does not tell whether it exists.
 */
async function loadFor(db: Database, actor: SignedIn, circleId: string) {
  const [circle] = await db.select().from(circles).where(eq(circles.id, circleId));
  const program = circle && (await findCircleProgram(db, circle.programId));
  if (!circle || !program) {
    await authorize(db, actor, 'circle.read', circleTarget(circleId, '', undefined));
    throw new NotFoundError('There is no such circle.');
  }
  return { circle, program };
}

/**
 * A circle the actor may read. Someone the table does not let read the program's circles is
 * refused (403, audited); a resident of the program asking for a circle they were not asked to
 * is told it is not found, so that its existence stays with the people in it.
 */
export async function readableCircle(
  db: Database,
  actor: SignedIn,
  circleId: string,
): Promise<CircleAccess> {
  const { circle, program } = await loadFor(db, actor, circleId);
  await authorize(db, actor, 'circle.read', circleTarget(circle.id, circle.programId, program));
  const access = await accessTo(db, actor, circle, program);
  if (!access.read) throw new NotFoundError('There is no such circle.');
  return access;
}

/** A circle the actor may manage: its planner, keepers, or a holder of 'circle.manage' (403). */
export async function manageableCircle(
  db: Database,
  actor: SignedIn,
  circleId: string,
): Promise<CircleAccess> {
  const { circle, program } = await loadFor(db, actor, circleId);
  const access = await accessTo(db, actor, circle, program);
  if (!access.manage) {
    await authorize(db, actor, 'circle.manage', circleTarget(circle.id, circle.programId, program));
  }
  return access;
}
