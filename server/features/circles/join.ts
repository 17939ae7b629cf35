import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { JoinedCircle, joinCircleBody } from '../../../shared/circles/contract.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { SECOND_FACTOR_FIRST, type SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import {
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  UnauthenticatedError,
} from '../../platform/errors.ts';
import { addResidentFromLink } from '../invitations/resident.ts';
import { grantMembershipOnce } from '../organisations/service.ts';
import { requireYouthConsent } from '../youth/join.ts';
import { type CircleRow, circleTarget, readableCircle } from './access.ts';
import { resolveToken, type TokenOpens } from './join-token.ts';
import { appearanceOf } from './people.ts';
import { ensureAsked } from './pre-join.ts';
import { circleInvitees } from './schema.ts';
import { ensureNameFits, roleFor, takeSeat } from './seat.ts';

// Taking a seat. By a token (a join link or a personal invitation) someone with no account
// becomes a resident of the program under the name they chose, and is signed in; someone signed
// in takes their own seat. Joining again gives back the seat they have.

export type JoinCircle = z.output<typeof joinCircleBody>;

async function audit(
  tx: Transaction,
  context: AppContext,
  circle: CircleRow,
  personId: string,
  details: Record<string, string | boolean>,
) {
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: personId,
      action: 'circle.joined',
      targetType: 'circle',
      targetId: circle.id,
      outcome: 'succeeded',
      details: { programId: circle.programId, ...details },
    },
    tx,
  );
}

/** Who a token lets in when no one is signed in: refused for an invitation to an account. */
function ensureNoAccountNeeded(opened: TokenOpens): void {
  if (opened.kind === 'invitation' && opened.invitee.personId) {
    throw new UnauthenticatedError(
      'This invitation is for your account: sign in first, then open the link again.',
    );
  }
}

function ensureOwnInvitation(opened: TokenOpens, actor: SignedIn): void {
  if (
    opened.kind === 'invitation' &&
    opened.invitee.personId &&
    opened.invitee.personId !== actor.personId
  ) {
    throw new ConflictError(
      'This invitation is for someone else. Open your own link, or ask the keeper for one.',
    );
  }
}

/** An address's invitation is theirs once they come in by it: their circles list shows it. */
async function claimInvitation(tx: Transaction, opened: TokenOpens, personId: string) {
  if (opened.kind !== 'invitation' || opened.invitee.personId) return;
  const [already] = await tx
    .select({ id: circleInvitees.id })
    .from(circleInvitees)
    .where(
      and(eq(circleInvitees.circleId, opened.circle.id), eq(circleInvitees.personId, personId)),
    );
  if (already) return;
  await tx
    .update(circleInvitees)
    .set({ personId })
    .where(and(eq(circleInvitees.id, opened.invitee.id), isNull(circleInvitees.personId)));
}

/**
 * POST /api/circle-join. Returns the seat, and the id of a person made now (to be signed in),
 * or null for someone signed in already.
 */
export async function joinByToken(
  context: AppContext,
  body: JoinCircle,
  signedIn: SignedIn | null,
): Promise<{ joined: JoinedCircle; newPersonId: string | null }> {
  if (!body.token) {
    throw new InvalidError([{ field: 'token', message: 'Open the link you were given to join.' }]);
  }
  const { db } = context.database;
  const actor = signedIn && !signedIn.disabled ? signedIn : null;
  const opened = await resolveToken(db, body.token);
  // Staff take a seat once their account is protected, as they do everything else.
  if (actor?.secondFactor === 'required') throw new ForbiddenError(SECOND_FACTOR_FIRST);
  const { circle, program } = opened;
  if (actor) ensureOwnInvitation(opened, actor);
  else ensureNoAccountNeeded(opened);
  const role = actor ? await roleFor(db, circle, actor.personId) : 'resident';
  ensureNameFits(body.displayName, role);
  const target = circleTarget(circle.id, circle.programId, program);
  return db.transaction(async (tx) => {
    const personId =
      actor?.personId ??
      (await addResidentFromLink(tx, {
        programId: program.id,
        organisationId: program.leadOrganisationId,
        name: body.displayName,
        language: body.language,
        grantedBy: circle.createdBy,
      }));
    if (actor && !decide(actor, 'circle.read', target).allowed) {
      // Someone from elsewhere who came by the link takes part as a resident of the program.
      await grantMembershipOnce(tx, {
        personId,
        organisationId: program.leadOrganisationId,
        programId: program.id,
        role: 'resident',
        grantedBy: circle.createdBy,
      });
    }
    await claimInvitation(tx, opened, personId);
    const participantId = await takeSeat(tx, circle.id, personId, {
      displayName: body.displayName,
      language: body.language,
      role,
    });
    await audit(tx, context, circle, personId, { by: opened.kind, role, newPerson: !actor });
    return {
      joined: { circleId: circle.id, participantId },
      newPersonId: actor ? null : personId,
    };
  });
}

/** POST /api/circles/:id/join, for someone signed in who keeps, was invited to, or staffs it. */
export async function joinSignedIn(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
  body: JoinCircle,
): Promise<JoinedCircle> {
  const { db } = context.database;
  const access = await readableCircle(db, actor, circleId);
  ensureAsked(access);
  if (access.circle.status === 'cancelled' || access.circle.status === 'closed') {
    throw new GoneError(
      `This circle ${access.circle.status === 'closed' ? 'has closed' : 'was cancelled'}.`,
    );
  }
  const role =
    access.keeping ?? (await appearanceOf(db, [actor.personId])).get(actor.personId) ?? 'resident';
  ensureNameFits(body.displayName, role);
  await requireYouthConsent(db, access.circle.programId, actor.personId, 'circle.join');
  return db.transaction(async (tx) => {
    const participantId = await takeSeat(tx, circleId, actor.personId, {
      displayName: body.displayName,
      language: body.language,
      role,
    });
    await audit(tx, context, access.circle, actor.personId, {
      by: 'account',
      role,
      newPerson: false,
    });
    return { circleId, participantId };
  });
}
