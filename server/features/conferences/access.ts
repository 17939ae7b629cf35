import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, decide } from '../../../shared/permissions/decide.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { conferenceParties, conferences, conferenceTeam } from './schema.ts';

// Who reaches a case; every conferences route asks here, and nothing else decides it.
// - The case team: the people assigned to the case, and the program's coordinators
//   ('conference.coordinate'), who screen referrals and build teams. Only they read the case.
// - A party: their own part (preparation, consent, the agreement), by their party row.
// - An oversight reviewer ('conference.oversee'): what they sign off, never words of the parties.
// - The agency of a misconduct case ('conference.agency'): decisions and the items it owes.
// The firewall comes first: a person who holds a disciplinary role in the agency of a misconduct
// case never reads its confidential material, whatever else they hold; each attempt is audited.
// To anyone else a case is not found, so that no one learns that it exists.

export type CaseRow = typeof conferences.$inferSelect;
type Executor = Database | Transaction;

export const NO_SUCH_CASE = 'There is no such case.';

export interface TeamAccess {
  conference: CaseRow;
  program: ProgramRunners;
  /** Assigned to the case, rather than reaching it as the program's coordinator. */
  assigned: boolean;
}

export function caseTarget(conference: CaseRow, program: ProgramRunners | undefined) {
  return {
    ...programTarget(conference.programId, program),
    type: 'conference',
    id: conference.id,
  };
}

export const allowedOnCase = (
  actor: Actor,
  action: Action,
  conference: CaseRow,
  program: ProgramRunners | undefined,
) => decide(actor, action, caseTarget(conference, program)).allowed;

export async function findCase(db: Executor, conferenceId: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  return row;
}

/** Whether the firewall keeps this person out of this case's confidential material. */
export function isFirewalled(actor: Actor, conference: CaseRow): boolean {
  return (
    conference.misconduct &&
    conference.agencyOrganisationId !== null &&
    actor.memberships.some(
      (membership) =>
        membership.role === 'professional_standards' &&
        membership.organisationId === conference.agencyOrganisationId,
    )
  );
}

/**
 * Refuses (403) and audits an attempt by someone behind the firewall; `what` names the material
 * asked for in the audit trail, never its content.
 */
export async function guardFirewall(
  db: Database,
  actor: Actor,
  conference: CaseRow,
  what: string,
): Promise<void> {
  if (!isFirewalled(actor, conference)) return;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: conference.agencyOrganisationId,
    action: 'conference.firewall_refused',
    targetType: 'conference',
    targetId: conference.id,
    outcome: 'denied',
    details: { attempted: what },
  });
  throw new ForbiddenError(
    'Confidential case material is never shown to an agency’s disciplinary roles.',
  );
}

export async function isOnTeam(
  db: Executor,
  conferenceId: string,
  personId: string,
): Promise<boolean> {
  const [member] = await db
    .select({ id: conferenceTeam.id })
    .from(conferenceTeam)
    .where(
      and(
        eq(conferenceTeam.conferenceId, conferenceId),
        eq(conferenceTeam.personId, personId),
        isNull(conferenceTeam.removedAt),
      ),
    );
  return member !== undefined;
}

/**
 * The case for its team: the firewall first (403, audited), then the team or the program's
 * coordinators; anyone else finds no such case (404). `what` names the material in the audit.
 */
export async function teamCase(
  db: Database,
  actor: SignedIn,
  conferenceId: string,
  what: string,
): Promise<TeamAccess> {
  const conference = await findCase(db, conferenceId);
  if (!conference) throw new NotFoundError(NO_SUCH_CASE);
  await guardFirewall(db, actor, conference, what);
  const program = await findProgram(db, conference.programId);
  if (!program) throw new NotFoundError(NO_SUCH_CASE);
  const assigned =
    (await isOnTeam(db, conferenceId, actor.personId)) &&
    allowedOnCase(actor, 'conference.facilitate', conference, program);
  if (assigned) return { conference, program, assigned };
  if (allowedOnCase(actor, 'conference.coordinate', conference, program)) {
    return { conference, program, assigned: false };
  }
  throw new NotFoundError(NO_SUCH_CASE);
}

export type PartyRow = typeof conferenceParties.$inferSelect;

/** The actor's own party row on a case, or not found: a party sees their own part only. */
export async function ownParty(
  db: Executor,
  actor: SignedIn,
  conferenceId: string,
): Promise<{ conference: CaseRow; party: PartyRow }> {
  const [row] = await db
    .select({ conference: conferences, party: conferenceParties })
    .from(conferenceParties)
    .innerJoin(conferences, eq(conferences.id, conferenceParties.conferenceId))
    .where(
      and(
        eq(conferenceParties.conferenceId, conferenceId),
        eq(conferenceParties.personId, actor.personId),
        isNull(conferenceParties.removedAt),
      ),
    );
  if (!row) throw new NotFoundError(NO_SUCH_CASE);
  return row;
}

/**
 * The case for an oversight reviewer of its program; others find no such case. The firewall
 * comes first here too (403, audited): the reviewer's view carries the screening's reasons.
 */
export async function oversightCase(
  db: Database,
  actor: SignedIn,
  conferenceId: string,
): Promise<TeamAccess> {
  const conference = await findCase(db, conferenceId);
  if (!conference) throw new NotFoundError(NO_SUCH_CASE);
  await guardFirewall(db, actor, conference, 'oversight');
  const program = await findProgram(db, conference.programId);
  if (!program || !allowedOnCase(actor, 'conference.oversee', conference, program)) {
    throw new NotFoundError(NO_SUCH_CASE);
  }
  return { conference, program, assigned: false };
}
