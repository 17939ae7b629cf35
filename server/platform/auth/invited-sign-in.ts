import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Auth } from './auth.ts';
import { toFetchHeaders } from './routes.ts';

// Accepting an invitation ends signed in, with no password typed (a resident has none). The
// session is made by better-auth itself, through a server-only endpoint of this small plugin:
// better-auth creates the session row (with its hooks: a disabled person is refused, the sign-in
// is audited) and signs the cookie with its secret and its own cookie settings. Nothing here
// copies its cookie format, and the endpoint is never on the HTTP router: only our code calls
// it, once the invitation was checked.

export const INVITATION_SIGN_IN_PATH = '/invitation/sign-in';

export const invitedSignIn = () =>
  ({
    id: 'restorativ-invited-sign-in',
    endpoints: {
      // The path only names the sign-in in the audit trail: SERVER_ONLY keeps it off the router.
      signInAfterInvitation: createAuthEndpoint(
        INVITATION_SIGN_IN_PATH,
        {
          method: 'POST',
          body: z.object({ personId: z.string() }),
          metadata: { SERVER_ONLY: true },
        },
        async (ctx) => {
          const user = await ctx.context.internalAdapter.findUserById(ctx.body.personId);
          if (!user) throw new APIError('NOT_FOUND');
          const session = await ctx.context.internalAdapter.createSession(user.id);
          // The session hooks refuse a disabled person.
          if (!session) throw new APIError('FORBIDDEN');
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ personId: user.id });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;

/** Signs the person in on this reply: better-auth's session, in better-auth's signed cookie. */
export async function startSessionAfterInvitation(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: string,
): Promise<void> {
  const { headers } = await auth.api.signInAfterInvitation({
    body: { personId },
    headers: toFetchHeaders(request),
    returnHeaders: true,
  });
  reply.header('set-cookie', headers.getSetCookie());
}
