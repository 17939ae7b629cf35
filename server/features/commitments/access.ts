import { eq } from 'drizzle-orm';
import { decide } from '../../../shared/permissions/decide.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { commitments } from './schema.ts';

// Who sees and changes a commitment: the permission table decides on its program; visibility
// narrows what is read (a case team's commitment reaches its coordinators and the people named
// on it only), and the owner reports on their own commitment without any other right.

export type CommitmentRow = typeof commitments.$inferSelect;

/** What the actor may do with the commitments of one program. */
export interface ProgramAccess {
  program: ProgramRunners;
  read: boolean;
  create: boolean;
  manage: boolean;
  verify: boolean;
  export: boolean;
}

export function accessTo(actor: SignedIn, program: ProgramRunners): ProgramAccess {
  const target = programTarget(program.id, program);
  const allowed = (action: Parameters<typeof decide>[1]) => decide(actor, action, target).allowed;
  return {
    program,
    read: allowed('commitment.read'),
    create: allowed('commitment.create'),
    manage: allowed('commitment.manage'),
    verify: allowed('commitment.verify'),
    export: allowed('commitment.export'),
  };
}

/**
 * Loads the program and checks the action on it; a program that does not exist is refused like
 * any other, so the answer does not tell whether it exists.
 */
export async function authorizedProgram(
  db: Database,
  actor: SignedIn,
  action: 'commitment.read' | 'commitment.create' | 'commitment.export',
  programId: string,
): Promise<ProgramAccess> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return accessTo(actor, program);
}

/**
 * Whether pages name people to this person: staff see who owns a commitment and who took each
 * step; residents, like the public, see the organisations.
 */
export const seesNames = (actor: SignedIn) =>
  actor.memberships.some((membership) => isStaffRole(membership.role));

export const isOwner = (actor: SignedIn, row: CommitmentRow) =>
  row.ownerPersonId !== null && row.ownerPersonId === actor.personId;

/** Whether the actor sees this commitment at all. */
export function mayRead(actor: SignedIn, access: ProgramAccess, row: CommitmentRow): boolean {
  if (isOwner(actor, row)) return true;
  if (!access.read) return false;
  if (row.visibility !== 'case_team') return true;
  return access.manage || row.createdBy === actor.personId;
}

export interface CommitmentPermissions {
  report: boolean;
  verify: boolean;
  moveDueDate: boolean;
}

/** What the actor may do with it now; a coordinator does not verify their own commitment. */
export function permissionsOn(
  actor: SignedIn,
  access: ProgramAccess,
  row: CommitmentRow,
): CommitmentPermissions {
  return {
    report: isOwner(actor, row) || access.manage,
    verify:
      access.verify && !isOwner(actor, row) && row.status === 'done' && row.verifiedAt === null,
    moveDueDate: access.manage,
  };
}

/**
 * The commitment and what the actor may do with it. One the actor's roles do not reach is
 * refused (403) whether or not it exists; a case team's commitment in a program they read is
 * not found (404), so that its existence stays with the case team.
 */
export async function visibleCommitment(
  db: Database,
  actor: SignedIn,
  commitmentId: string,
): Promise<{ row: CommitmentRow; access: ProgramAccess }> {
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitmentId));
  const program = row && (await findProgram(db, row.programId));
  if (!row || !program || !isOwner(actor, row)) {
    await authorize(db, actor, 'commitment.read', {
      ...programTarget(row?.programId ?? '', program),
      type: 'commitment',
      id: commitmentId,
    });
  }
  if (!row || !program) throw new NotFoundError('There is no such commitment.');
  const access = accessTo(actor, program);
  if (!mayRead(actor, access, row)) throw new NotFoundError('There is no such commitment.');
  return { row, access };
}
