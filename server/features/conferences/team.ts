import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { assignTeamBody, CaseDetail } from '../../../shared/conferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { allowedOnCase, caseTarget, isFirewalled, type TeamAccess, teamCase } from './access.ts';
import { tellAssigned } from './notices.ts';
import { caseDetail } from './read.ts';
import { reseatRoom } from './room.ts';
import { conferences, conferenceTeam } from './schema.ts';
import { facilitatorOf } from './staff.ts';

// Who is on a case's team, which is who reads it: the program's coordinators put facilitators
// on it and take them off. A case has one lead; naming a new one makes the old lead a
// co-facilitator. Nobody the firewall keeps out of the case can be put on it.

type Assignment = (typeof assignTeamBody)['_output'];

/** The case for one of its program's coordinators; its other team members are refused (403). */
async function coordinatedCase(
  db: Database,
  actor: SignedIn,
  conferenceId: string,
): Promise<TeamAccess> {
  const access = await teamCase(db, actor, conferenceId, 'team');
  const { conference, program } = access;
  if (!allowedOnCase(actor, 'conference.coordinate', conference, program)) {
    await authorize(db, actor, 'conference.coordinate', caseTarget(conference, program));
  }
  return access;
}

async function audit(
  db: Database,
  tx: Transaction,
  actor: SignedIn,
  access: TeamAccess,
  action: 'conference.team_assigned' | 'conference.team_removed',
  details: Record<string, string>,
) {
  await recordAudit(
    db,
    {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      action,
      targetType: 'conference',
      targetId: access.conference.id,
      outcome: 'succeeded',
      details,
    },
    tx,
  );
}

/** POST /api/conferences/:id/team: puts a facilitator on the team, or changes their role. */
export async function assignToTeam(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  assignment: Assignment,
): Promise<CaseDetail> {
  const { db } = context.database;
  const access = await coordinatedCase(db, actor, conferenceId);
  const member = await facilitatorOf(db, access.program, assignment.personId);
  if (!member) {
    throw new InvalidError([
      {
        field: 'personId',
        message: 'Choose a facilitator or coordinator of this program.',
        code: 'not_a_facilitator',
      },
    ]);
  }
  if (isFirewalled(member, access.conference)) {
    throw new InvalidError([
      {
        field: 'personId',
        message:
          'This person works in the agency’s professional standards: they cannot be on a misconduct case about its officers.',
        code: 'firewall',
      },
    ]);
  }
  await db.transaction(async (tx) => {
    // One assignment at a time per case, so that two leads are never named at once.
    await tx
      .select({ id: conferences.id })
      .from(conferences)
      .where(eq(conferences.id, conferenceId))
      .for('update');
    const active = and(
      eq(conferenceTeam.conferenceId, conferenceId),
      isNull(conferenceTeam.removedAt),
    );
    const [current] = await tx
      .select()
      .from(conferenceTeam)
      .where(and(active, eq(conferenceTeam.personId, member.personId)));
    if (current?.role === assignment.role) return;
    if (assignment.role === 'lead') {
      await tx
        .update(conferenceTeam)
        .set({ role: 'facilitator' })
        .where(
          and(
            active,
            eq(conferenceTeam.role, 'lead'),
            ne(conferenceTeam.personId, member.personId),
          ),
        );
    }
    if (current) {
      await tx
        .update(conferenceTeam)
        .set({ role: assignment.role })
        .where(eq(conferenceTeam.id, current.id));
    } else {
      await tx.insert(conferenceTeam).values({
        id: crypto.randomUUID(),
        conferenceId,
        personId: member.personId,
        role: assignment.role,
        assignedBy: actor.personId,
      });
    }
    if (member.personId !== actor.personId) {
      await tellAssigned(context, tx, access.program, member, {
        id: conferenceId,
        reference: access.conference.reference,
        role: assignment.role,
      });
    }
    await reseatRoom(tx, conferenceId);
    await audit(db, tx, actor, access, 'conference.team_assigned', {
      personId: member.personId,
      role: assignment.role,
    });
  });
  return caseDetail(context, access, actor);
}

/** DELETE /api/conferences/:id/team/:personId: takes someone off the team; they lose the case. */
export async function removeFromTeam(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  personId: string,
): Promise<CaseDetail> {
  const { db } = context.database;
  const access = await coordinatedCase(db, actor, conferenceId);
  await db.transaction(async (tx) => {
    const removed = await tx
      .update(conferenceTeam)
      .set({ removedAt: sql`now()` })
      .where(
        and(
          eq(conferenceTeam.conferenceId, conferenceId),
          eq(conferenceTeam.personId, personId),
          isNull(conferenceTeam.removedAt),
        ),
      )
      .returning({ id: conferenceTeam.id });
    if (removed.length === 0) {
      throw new NotFoundError('This person is not on the case’s team.', { code: 'not_on_team' });
    }
    await reseatRoom(tx, conferenceId);
    await audit(db, tx, actor, access, 'conference.team_removed', { personId });
  });
  return caseDetail(context, access, actor);
}
