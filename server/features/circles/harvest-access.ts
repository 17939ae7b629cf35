import { and, eq } from 'drizzle-orm';
import { decide } from '../../../shared/permissions/decide.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { circleInvitees, circleParticipants, circles } from './schema.ts';

// Who may do what with a circle after it closes: its keepers, the program's managers, the
// people seated in it, and those who read the program's equal-voice figures. A minimal check of
// its own, for the harvest, transcript, voice and series routes; the planning feature's
// access.ts answers the same questions for planning and joining, and the two are to be one.

type Executor = Database | Transaction;
export type CircleRow = typeof circles.$inferSelect;
export type SeatRow = typeof circleParticipants.$inferSelect;

export interface CircleAccess {
  circle: CircleRow;
  program: ProgramRunners;
  /** The circle's keeper or co-keeper. */
  keeper: boolean;
  /** Holds 'circle.manage' in the circle's program: may harvest any of its circles. */
  manager: boolean;
  /** The actor's seat in the circle, once they agreed to its guidelines. */
  seat: SeatRow | null;
}

export const keepersOf = (circle: CircleRow): string[] =>
  [circle.keeperId, circle.coKeeperId].filter((id): id is string => id !== null);

const circleTarget = (circleId: string, program: ProgramRunners | undefined, programId = '') => ({
  ...programTarget(programId, program),
  type: 'circle',
  id: circleId,
});

export const allowedOn = (actor: SignedIn, action: Action, access: CircleAccess) =>
  decide(actor, action, circleTarget(access.circle.id, access.program, access.program.id)).allowed;

async function loadAccess(
  db: Executor,
  actor: SignedIn,
  circleId: string,
): Promise<CircleAccess | undefined> {
  const [circle] = await db.select().from(circles).where(eq(circles.id, circleId));
  const program = circle && (await findProgram(db, circle.programId));
  if (!circle || !program) return undefined;
  const [seat] = await db
    .select()
    .from(circleParticipants)
    .where(
      and(
        eq(circleParticipants.circleId, circleId),
        eq(circleParticipants.personId, actor.personId),
      ),
    );
  const access: CircleAccess = {
    circle,
    program,
    keeper: keepersOf(circle).includes(actor.personId),
    manager: false,
    seat: seat ?? null,
  };
  access.manager = allowedOn(actor, 'circle.manage', access);
  return access;
}

/**
 * The circle for someone who must hold `action` in its program unless `exempt` lets them in
 * (a keeper, a participant). Refused like any other record: 403 whether or not it exists.
 */
async function accessWith(
  db: Database,
  actor: SignedIn,
  circleId: string,
  action: Action,
  exempt: (access: CircleAccess) => boolean,
): Promise<CircleAccess> {
  const access = await loadAccess(db, actor, circleId);
  if (access && exempt(access)) return access;
  await authorize(
    db,
    actor,
    action,
    circleTarget(circleId, access?.program, access?.circle.programId),
  );
  if (!access) throw new NotFoundError('There is no such circle.');
  return access;
}

/** A keeper of the circle, or a manager of its program: they write and finalise the harvest. */
export const harvestWriterAccess = (db: Database, actor: SignedIn, circleId: string) =>
  accessWith(db, actor, circleId, 'circle.manage', (access) => access.keeper);

/** The harvest's writers, and the circle's participants (who see it once it is shared). */
export const harvestReaderAccess = (db: Database, actor: SignedIn, circleId: string) =>
  accessWith(db, actor, circleId, 'circle.manage', (access) => access.keeper || !!access.seat);

/** The keepers, and whoever reads the program's equal-voice figures. */
export const voiceReaderAccess = (db: Database, actor: SignedIn, circleId: string) =>
  accessWith(db, actor, circleId, 'circle.report', (access) => access.keeper);

/**
 * Someone who sat in the circle or kept it. For anyone else the circle is not found: what was
 * said in it, and who answered its harvest, is theirs alone.
 */
export async function insiderAccess(
  db: Database,
  actor: SignedIn,
  circleId: string,
  options: { keepers: boolean },
): Promise<CircleAccess> {
  const access = await loadAccess(db, actor, circleId);
  if (!access || !(access.seat || (options.keepers && access.keeper))) {
    throw new NotFoundError('There is no such circle.');
  }
  return access;
}

/**
 * Someone who may read the circle: the program's staff; a resident, youth or guardian only when
 * invited to it or seated in it (others of the program do not learn that it exists).
 */
export async function circleReaderAccess(
  db: Database,
  actor: SignedIn,
  circleId: string,
): Promise<CircleAccess> {
  const access = await accessWith(db, actor, circleId, 'circle.read', () => false);
  const target = circleTarget(circleId, access.program, access.program.id);
  const staff = actor.memberships.some(
    (membership) =>
      isStaffRole(membership.role) &&
      decide({ ...actor, memberships: [membership] }, 'circle.read', target).allowed,
  );
  if (staff || access.keeper || access.seat) return access;
  const [invited] = await db
    .select({ id: circleInvitees.id })
    .from(circleInvitees)
    .where(and(eq(circleInvitees.circleId, circleId), eq(circleInvitees.personId, actor.personId)));
  if (!invited) throw new NotFoundError('There is no such circle.');
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
