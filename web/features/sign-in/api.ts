import { api } from '../../app/api.ts';

export interface Credentials {
  email: string;
  password: string;
}

export type SignInResult = 'signed-in' | 'second-step';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Signs in with email and password (better-auth sets the session cookie). A wrong pair is an
 * `ApiError` with status 401 and better-auth's `{ code, message }`, not a problem+json.
 */
export async function signIn(credentials: Credentials): Promise<SignInResult> {
  const body = await api('/api/auth/sign-in/email', { body: credentials });
  return isObject(body) && body.twoFactorRedirect === true ? 'second-step' : 'signed-in';
}

/** Whether this browser has a session; answers 200 with null when it has none (no 401). */
export async function hasSession(signal?: AbortSignal): Promise<boolean> {
  const body = await api('/api/auth/get-session', { signal });
  return isObject(body) && isObject(body.session);
}

/** Ends the session on the server (which also clears the cookie). */
export async function signOut(): Promise<void> {
  await api('/api/auth/sign-out', { body: {} });
}

/** Where a sign-in link that no longer works leads back to: this page, with a kind word. */
export const SIGN_IN_LINK_FAILED_PATH = '/sign-in?link=failed';

/**
 * Asks for a sign-in link by email. The server answers the same whether or not the address has
 * an account (and sends nothing to staff, who sign in with their password and second factor).
 */
export async function askForSignInLink(email: string): Promise<void> {
  await api('/api/auth/sign-in/magic-link', {
    body: { email, callbackURL: '/me', errorCallbackURL: SIGN_IN_LINK_FAILED_PATH },
  });
}
