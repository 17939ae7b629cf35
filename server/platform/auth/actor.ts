import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, Membership } from '../../../shared/permissions/decide.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { Database } from '../db/connection.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Auth } from './auth.ts';
import { toFetchHeaders } from './routes.ts';
import { authSessions } from './schema.ts';

export interface SignedIn extends Actor {
  /** The session this request came with: it is the "current" one in the person's list. */
  sessionId: string;
  name: string;
  email: string;
  language: string;
  /** Staff must have a second factor before they may do anything but set one up. */
  secondFactor: 'enabled' | 'required' | 'not-required';
}

/** Staff must set up a second factor; the roles counted are those the person holds now. */
export function secondFactorOf(
  twoFactorEnabled: boolean | null | undefined,
  memberships: readonly Membership[],
): SignedIn['secondFactor'] {
  if (twoFactorEnabled) return 'enabled';
  return memberships.some((membership) => isStaffRole(membership.role))
    ? 'required'
    : 'not-required';
}

export type MembershipLoader = (personId: string) => Promise<Membership[]>;

export interface ActorResolver {
  /** Who is making this request, from their session cookie; null when no one is signed in. */
  current(request: FastifyRequest): Promise<SignedIn | null>;
  /**
   * As `current`, but null for a disabled person: for links that anyone may open, where someone
   * signed in acts as themselves and anyone else as a newcomer.
   */
  active(request: FastifyRequest): Promise<SignedIn | null>;
  /**
   * As `current`, but refuses with 401 when no one (or a disabled person) is signed in, and with
   * 403 a staff member who has not set up a second factor yet, unless the route is one that
   * they need to set it up.
   */
  require(request: FastifyRequest, options?: { withoutSecondFactor?: boolean }): Promise<SignedIn>;
}

export const SECOND_FACTOR_FIRST =
  'Set up your second factor (an authenticator app) before you continue: staff accounts need one.';

/** A staff session ends this long after sign-in, however active; they sign in again. */
export const STAFF_SESSION_HOURS = 12;
/** A staff session with no request for this long is closed; they sign in again. */
export const STAFF_IDLE_MINUTES = 30;
// Activity is written at most this often, so that reads do not each cost a write.
const ACTIVITY_WRITE_EVERY_MS = 60_000;

export function createActorResolver(
  auth: Auth,
  db: Database,
  loadMemberships: MembershipLoader,
): ActorResolver {
  const current = async (request: FastifyRequest): Promise<SignedIn | null> => {
    const session = await auth.api.getSession({ headers: toFetchHeaders(request) });
    if (!session) return null;
    const { user } = session;
    const memberships = await loadMemberships(user.id);
    const isStaff = memberships.some((membership) => isStaffRole(membership.role));
    const idleMs = Date.now() - new Date(session.session.updatedAt).getTime();
    const ageMs = Date.now() - new Date(session.session.createdAt).getTime();
    if (isStaff && ageMs > STAFF_SESSION_HOURS * 3_600_000) {
      await (await auth.$context).internalAdapter.deleteSession(session.session.token);
      throw new UnauthenticatedError(
        `Staff sessions end after ${STAFF_SESSION_HOURS} hours. Please sign in again.`,
      );
    }
    if (isStaff && idleMs > STAFF_IDLE_MINUTES * 60_000) {
      await (await auth.$context).internalAdapter.deleteSession(session.session.token);
      throw new UnauthenticatedError(
        `You were signed out after ${STAFF_IDLE_MINUTES} minutes without activity. Please sign in again.`,
      );
    }
    if (idleMs > ACTIVITY_WRITE_EVERY_MS) {
      await db
        .update(authSessions)
        .set({ updatedAt: new Date() })
        .where(eq(authSessions.id, session.session.id));
    }
    return {
      personId: user.id,
      sessionId: session.session.id,
      name: user.name,
      email: user.email,
      language: user.language ?? 'en',
      disabled: Boolean(user.disabledAt),
      memberships,
      secondFactor: secondFactorOf(user.twoFactorEnabled, memberships),
    };
  };
  return {
    current,
    async active(request) {
      const person = await current(request);
      return person && !person.disabled ? person : null;
    },
    async require(request, options = {}) {
      const person = await current(request);
      if (!person || person.disabled) throw new UnauthenticatedError('Please sign in to continue.');
      if (person.secondFactor === 'required' && !options.withoutSecondFactor) {
        throw new ForbiddenError(SECOND_FACTOR_FIRST);
      }
      return person;
    },
  };
}
