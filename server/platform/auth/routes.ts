import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError, TooManyRequestsError } from '../errors.ts';
import type { RateLimiter, RateRule } from '../http/rate-limits.ts';
import type { Auth } from './auth.ts';

// better-auth answers Fetch API requests; this hands it Fastify's, and its answers back.

export function toFetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function forward(
  auth: Auth,
  publicUrl: string,
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
) {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && body !== undefined;
  const response = await auth.handler(
    new Request(new URL(request.url, publicUrl), {
      method: request.method,
      headers: toFetchHeaders(request),
      body: hasBody ? JSON.stringify(body) : undefined,
    }),
  );
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    // The body may be rewritten below, so its length is Fastify's to set.
    if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  if (!response.body) return reply.send(null);
  if (!response.headers.get('content-type')?.includes('application/json')) {
    return reply.send(Buffer.from(await response.arrayBuffer()));
  }
  return reply.send(JSON.stringify(withoutSessionTokens(await response.json())));
}

/**
 * The session lives in an httpOnly cookie so that no script can read it; better-auth also puts
 * the token in some JSON answers, where any script on the page could. It is taken out.
 */
function withoutSessionTokens(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutSessionTokens);
  if (typeof body !== 'object' || body === null) return body;
  const { token: _token, ...rest } = body as Record<string, unknown>;
  if (typeof rest.session === 'object' && rest.session !== null) {
    const { token: _sessionToken, ...session } = rest.session as Record<string, unknown>;
    rest.session = session;
  }
  return rest;
}

/**
 * better-auth's endpoints that Restorativ answers itself, with its own rules, so that they are
 * no way around those rules.
 */
const replacedEndpoints = new Set([
  // PATCH /api/me: only the name (once a staff member has a second factor) and a language we speak.
  '/update-user',
  // POST /api/me/email: only after the current password is given again.
  '/change-email',
  // GET and DELETE /api/me/sessions: never the sessions' tokens.
  '/list-sessions',
  '/revoke-session',
  // Nothing of a session is the person's to change (its expiry least of all).
  '/update-session',
]);

/** Endpoints that sign someone in: an old session that came along must not stand in the way. */
const startsASession = new Set([
  '/sign-in/email',
  '/sign-in/magic-link',
  '/magic-link/verify',
  '/two-factor/verify-totp',
  '/two-factor/verify-backup-code',
  '/passkey/generate-authenticate-options',
  '/passkey/verify-authentication',
  '/sign-out',
]);

/** Endpoints that add, rename or remove a way of signing in without the password. */
const changesPasskeys = new Set([
  '/passkey/generate-register-options',
  '/passkey/verify-registration',
  '/passkey/delete-passkey',
  '/passkey/update-passkey',
]);

/**
 * The endpoint a request reaches, written one way: a path spelt with other cases, doubled or
 * trailing slashes or escapes is treated as the endpoint it could be taken for.
 */
export function authEndpointOf(url: string): string {
  const pathname = new URL(url, 'http://restorativ.invalid').pathname;
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // An escape that does not decode reaches no endpoint; it is matched as written.
  }
  return decoded
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .replace(/^\/api\/auth/, '');
}

export interface AuthRouteRules {
  /** Whether the person signed in on this request must keep a second factor (staff). */
  mustKeepSecondFactor(request: FastifyRequest): Promise<boolean>;
  /**
   * Ends a staff session that is past its 12 hours or 30 idle minutes, answering 401, as every
   * other route does; better-auth's endpoints would otherwise still honour it.
   */
  endStaleSession(request: FastifyRequest): Promise<void>;
  /** Refuses (403) a change of passkeys unless the password was typed again lately. */
  requireRecentReauthentication(request: FastifyRequest): Promise<void>;
  rateLimit: RateLimiter;
}

const perAddress = (name: string, max: number): RateRule => ({
  name,
  max,
  perMinutes: 15,
  by: 'address',
});

/**
 * Limits on better-auth's endpoints that check something guessable: a password, a code, a
 * link. Per account and address, so that a shared office address is not locked out by one
 * person; and per address, so that one client cannot try every account.
 */
const endpointRateRules: Record<string, readonly RateRule[]> = {
  '/sign-in/email': [
    { name: 'sign-in', max: 10, perMinutes: 15, by: 'address-and-account' },
    perAddress('sign-in-any', 100),
  ],
  '/sign-in/magic-link': [
    // Each one sends an email: few per address, so no one is flooded with them.
    { name: 'sign-in-link', max: 3, perMinutes: 15, by: 'address-and-account' },
    perAddress('sign-in-link-any', 30),
  ],
  '/magic-link/verify': [perAddress('sign-in-link-use', 30)],
  '/two-factor/verify-totp': [perAddress('second-factor', 20)],
  '/two-factor/verify-backup-code': [perAddress('second-factor', 20)],
  '/two-factor/enable': [perAddress('password-check', 20)],
  '/two-factor/disable': [perAddress('password-check', 20)],
  '/two-factor/generate-backup-codes': [perAddress('password-check', 20)],
  '/change-password': [perAddress('password-check', 20)],
  '/verify-password': [perAddress('password-check', 20)],
  '/passkey/verify-authentication': [perAddress('passkey', 30)],
};

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  publicUrl: string,
  rules: AuthRouteRules,
): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    preHandler: async (request, reply) => {
      const endpoint = authEndpointOf(request.url);
      const limits = endpointRateRules[endpoint];
      try {
        if (limits) await rules.rateLimit(request, reply, limits);
      } catch (error) {
        // A sign-in link is opened in a browser, which should land on a page, not on JSON.
        if (!(error instanceof TooManyRequestsError) || endpoint !== '/magic-link/verify')
          throw error;
        return reply.redirect('/sign-in?link=failed&error=TOO_MANY_ATTEMPTS', 303);
      }
      if (!startsASession.has(endpoint)) await rules.endStaleSession(request);
      if (changesPasskeys.has(endpoint)) await rules.requireRecentReauthentication(request);
    },
    handler: async (request, reply) => {
      const endpoint = authEndpointOf(request.url);
      if (replacedEndpoints.has(endpoint)) {
        throw new NotFoundError(
          `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
        );
      }
      if (endpoint === '/two-factor/disable' && (await rules.mustKeepSecondFactor(request))) {
        throw new ForbiddenError(
          'Staff accounts keep a second factor. To use a new authenticator app, set it up again instead.',
        );
      }
      // A new password ends every other session: whoever knew the old one is signed out.
      const body =
        endpoint === '/change-password' && isObject(request.body)
          ? { ...request.body, revokeOtherSessions: true }
          : request.body;
      return forward(auth, publicUrl, request, reply, body);
    },
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
