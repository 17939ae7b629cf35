import { eq, sql } from 'drizzle-orm';
import type {
  AcceptInvitationBody,
  InvitationPreview,
  InvitationState,
} from '../../../shared/invitations/contract.ts';
import {
  claimsPoliceTitle,
  POLICE_TITLE_CODE,
  POLICE_TITLE_MESSAGE,
} from '../../../shared/people/police-titles.ts';
import { isStaffRole, type Role } from '../../../shared/permissions/roles.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { type SignedIn, secondFactorOf } from '../../platform/auth/actor.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, GoneError, InvalidError } from '../../platform/errors.ts';
import { organisations, programs } from '../organisations/schema.ts';
import {
  grantMembershipOnce,
  isOrganisationAdmin,
  membershipsOf,
} from '../organisations/service.ts';
import { createPersonFromLink } from './resident.ts';
import { invitations } from './schema.ts';
import { type InvitationRow, stateOf } from './service.ts';
import { hashInvitationToken } from './token.ts';

// Accepting an invitation: a resident joins with a name and a language; a new staff member
// chooses a password too; someone who already has an account signs in first and accepts while
// signed in. The invitation is locked while it is used, so a link capped at N people lets in N.

async function findByToken(db: Database | Transaction, token: string, lock = false) {
  const query = db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

async function personIdByEmail(db: Database | Transaction, email: string) {
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, email.toLowerCase()));
  return person?.id;
}

export async function previewInvitation(db: Database, token: string): Promise<InvitationPreview> {
  const invitation = await findByToken(db, token);
  if (!invitation) return { state: 'invalid' };
  const state = stateOf(invitation);
  if (state !== 'open') return { state };
  const [names] = await db
    .select({
      organisationName: organisations.name,
      programName: programs.name,
      inviterName: people.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .innerJoin(people, eq(people.id, invitations.createdBy))
    .leftJoin(programs, eq(programs.id, invitations.programId))
    .where(eq(invitations.id, invitation.id));
  if (!names) return { state: 'invalid' };
  const role = invitation.role as Role;
  const hasAccount = invitation.email !== null && (await personIdByEmail(db, invitation.email));
  return {
    state: 'open',
    role,
    ...names,
    next: hasAccount ? 'sign-in-first' : isStaffRole(role) ? 'create-account' : 'join',
    email: invitation.email,
    language: invitation.language === 'es' ? 'es' : 'en',
  };
}

const NO_LONGER_OPEN: Record<Exclude<InvitationState, 'open' | 'used'>, string> = {
  expired: 'This invitation has expired. Ask the person who invited you for a new one.',
  revoked:
    'This invitation was revoked. Ask the person who invited you if you think that is a mistake.',
};

/** Every way an invitation can no longer be used is 410 Gone, each with its own message. */
function ensureOpen(invitation: InvitationRow): void {
  const state = stateOf(invitation);
  if (state === 'open') return;
  if (state !== 'used') throw new GoneError(NO_LONGER_OPEN[state]);
  throw new GoneError(
    invitation.delivery === 'link'
      ? 'This link has been used by as many people as it allows. Ask the person who shared it for a new one.'
      : 'This invitation has been used. If it was you, sign in instead.',
  );
}

const unknownToken = () =>
  new InvalidError(
    [
      {
        field: 'token',
        message: 'This invitation link is not valid. Check that it was copied whole.',
      },
    ],
    'Ask the person who invited you for a new link.',
  );

/** Who accepts: someone signed in already, or a new person made from the request. */
type Acceptor =
  | { kind: 'signed-in'; personId: string }
  | { kind: 'new'; email: string | null; name: string; language: string; passwordHash?: string };

async function acceptorFor(
  auth: Auth,
  db: Database,
  invitation: InvitationRow,
  request: AcceptInvitationBody,
  signedIn: SignedIn | null,
): Promise<Acceptor> {
  const role = invitation.role as Role;
  const current = signedIn && !signedIn.disabled ? signedIn : null;
  const owner = invitation.email ? await personIdByEmail(db, invitation.email) : undefined;
  const refusePassword = () => {
    if (request.password !== undefined) {
      throw new InvalidError([
        { field: 'password', message: 'This invitation needs no password.' },
      ]);
    }
  };
  if (owner) {
    if (current?.personId !== owner) {
      throw new ConflictError(
        `This invitation is for an account that already exists (${invitation.email}). Sign in to it first, then accept the invitation.`,
      );
    }
    refusePassword();
    return { kind: 'signed-in', personId: owner };
  }
  // A link joins whoever is signed in (a resident taking part in a second program).
  if (invitation.delivery === 'link' && current) {
    refusePassword();
    return { kind: 'signed-in', personId: current.personId };
  }
  if (request.name === undefined) {
    throw new InvalidError([
      {
        field: 'name',
        message: 'Choose a name for others to see; it does not have to be your real name.',
      },
    ]);
  }
  // An officer's name may carry their rank; anyone else's may not look like an officer's.
  if (role !== 'officer' && claimsPoliceTitle(request.name)) {
    throw new InvalidError([
      { field: 'name', message: POLICE_TITLE_MESSAGE, code: POLICE_TITLE_CODE },
    ]);
  }
  const language = request.language ?? invitation.language;
  if (!isStaffRole(role)) {
    refusePassword();
    return { kind: 'new', email: invitation.email, name: request.name, language };
  }
  if (request.password === undefined) {
    throw new InvalidError([
      { field: 'password', message: 'Choose a password: staff accounts need one.' },
    ]);
  }
  const passwordHash = await (await auth.$context).password.hash(request.password);
  return { kind: 'new', email: invitation.email, name: request.name, language, passwordHash };
}

export interface AcceptedInvitation {
  personId: string;
  /** A new person, to be signed in now; someone signed in already keeps their session. */
  needsSession: boolean;
  /** As the actor rules count it, with the role just granted. */
  secondFactor: SignedIn['secondFactor'];
}

export async function acceptInvitation(
  auth: Auth,
  db: Database,
  request: AcceptInvitationBody,
  signedIn: SignedIn | null,
): Promise<AcceptedInvitation> {
  const found = await findByToken(db, request.token);
  if (!found) throw unknownToken();
  ensureOpen(found);
  // Decided before the transaction: hashing a password takes a while, and nothing else waits.
  const acceptor = await acceptorFor(auth, db, found, request, signedIn);
  const { personId, needsSession } = await db.transaction(async (tx) => {
    const invitation = await findByToken(tx, request.token, true);
    if (!invitation) throw unknownToken();
    ensureOpen(invitation);
    if (acceptor.kind === 'new' && acceptor.email && (await personIdByEmail(tx, acceptor.email))) {
      throw new ConflictError(
        'An account with this email was made a moment ago. Sign in to it, then accept.',
      );
    }
    const personId =
      acceptor.kind === 'new' ? await createPersonFromLink(tx, acceptor) : acceptor.personId;
    const role = invitation.role as Role;
    // An officer is shown as one only once their agency's admin vouches for them; an admin's
    // invitation is that vouching.
    const verifiedByInviter =
      role === 'officer' &&
      (await isOrganisationAdmin(tx, invitation.createdBy, invitation.organisationId));
    const granted = await grantMembershipOnce(tx, {
      personId,
      organisationId: invitation.organisationId,
      programId: invitation.programId,
      role,
      grantedBy: invitation.createdBy,
      ...(verifiedByInviter ? { verifiedBy: invitation.createdBy } : {}),
    });
    // Someone who holds the role already used up nothing.
    if (granted) {
      await tx
        .update(invitations)
        .set({ uses: sql`${invitations.uses} + 1` })
        .where(eq(invitations.id, invitation.id));
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: personId,
        organisationId: invitation.organisationId,
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: invitation.id,
        outcome: 'succeeded',
        details: {
          role,
          delivery: invitation.delivery,
          newPerson: acceptor.kind === 'new',
          roleGranted: granted,
          officerVerified: verifiedByInviter,
        },
      },
      tx,
    );
    return { personId, needsSession: acceptor.kind === 'new' };
  });
  const [person] = await db
    .select({ twoFactorEnabled: people.twoFactorEnabled })
    .from(people)
    .where(eq(people.id, personId));
  const secondFactor = secondFactorOf(person?.twoFactorEnabled, await membershipsOf(db, personId));
  return { personId, needsSession, secondFactor };
}
