import type { FastifyRequest } from 'fastify';
import type { Actor, Membership } from '../../../shared/permissions/decide.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Auth } from './auth.ts';
import { toFetchHeaders } from './routes.ts';

export interface SignedIn extends Actor {
  name: string;
  email: string;
  language: string;
}

export type MembershipLoader = (personId: string) => Promise<Membership[]>;

export interface ActorResolver {
  /** Who is making this request, from their session cookie; null when no one is signed in. */
  current(request: FastifyRequest): Promise<SignedIn | null>;
  /** As `current`, but refuses with 401 when no one (or a disabled person) is signed in. */
  require(request: FastifyRequest): Promise<SignedIn>;
}

export function createActorResolver(auth: Auth, loadMemberships: MembershipLoader): ActorResolver {
  const current = async (request: FastifyRequest): Promise<SignedIn | null> => {
    const session = await auth.api.getSession({ headers: toFetchHeaders(request) });
    if (!session) return null;
    const { user } = session;
    return {
      personId: user.id,
      name: user.name,
      email: user.email,
      language: user.language ?? 'en',
      disabled: Boolean(user.disabledAt),
      memberships: await loadMemberships(user.id),
    };
  };
  return {
    current,
    async require(request) {
      const person = await current(request);
      if (!person || person.disabled) throw new UnauthenticatedError('Please sign in to continue.');
      return person;
    },
  };
}
