import type { BrowserContext } from 'playwright-core';
import { authenticatorCode, type FirstAdmin, setUpFirstAdmin } from './accounts.ts';
import type { Harness } from './harness.ts';

/**
 * Someone using the real API from the test, as their browser would: cookies kept between
 * requests and the page's origin on every request (the server refuses changes from elsewhere).
 * For building a world through the API before a browser test looks at it.
 */
export class ApiSession {
  readonly #url: string;
  readonly #userAgent: string | undefined;
  readonly #cookies = new Map<string, string>();

  /** `userAgent` names the device in the person's list of sessions, e.g. Safari on iPhone. */
  constructor(url: string, userAgent?: string) {
    this.#url = url;
    this.#userAgent = userAgent;
  }

  /** Calls the API; fails the test with the server's own words on any status but 2xx. */
  async call<T = unknown>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const response = await fetch(`${this.#url}${path}`, {
      method,
      headers: {
        origin: this.#url,
        ...(this.#userAgent ? { 'user-agent': this.#userAgent } : {}),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.#cookies.size > 0 ? { cookie: this.#cookieHeader() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) this.#keep(line);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  #keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }

  #cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Hands this session to a browser context, so its pages are signed in as the same person. */
  async shareWith(context: BrowserContext): Promise<void> {
    await context.addCookies(
      [...this.#cookies].map(([name, value]) => ({ name, value, url: this.#url })),
    );
  }
}

/**
 * Signs a staff member in with their password and sets up their authenticator app, as the
 * second-factor page does. Returns the signed-in session and the app's key.
 */
export async function signInAndSetUpSecondFactor(
  url: string,
  person: { email: string; password: string },
  userAgent?: string,
): Promise<{ session: ApiSession; secret: string }> {
  const session = new ApiSession(url, userAgent);
  await session.call('/api/auth/sign-in/email', 'POST', person);
  const { totpURI } = await session.call<{ totpURI: string }>(
    '/api/auth/two-factor/enable',
    'POST',
    { password: person.password },
  );
  const secret = new URL(totpURI).searchParams.get('secret') ?? '';
  await session.call('/api/auth/two-factor/verify-totp', 'POST', {
    code: authenticatorCode(secret),
  });
  return { session, secret };
}

/** Signs a staff member in with their password and a code from their app, on another device. */
export async function signInWithCode(
  url: string,
  person: { email: string; password: string },
  secret: string,
  userAgent?: string,
): Promise<ApiSession> {
  const session = new ApiSession(url, userAgent);
  await session.call('/api/auth/sign-in/email', 'POST', person);
  await session.call('/api/auth/two-factor/verify-totp', 'POST', {
    code: authenticatorCode(secret),
  });
  return session;
}

export const userAgents = {
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  linuxChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
} as const;

/**
 * The world most page tests start from: first-run setup done, the admin signed in with their
 * authenticator app set up, and one program of their organisation.
 */
export async function adminWithProgram(
  harness: Harness,
  admin: FirstAdmin,
  programName: string,
): Promise<{ organisationId: string; programId: string; session: ApiSession; secret: string }> {
  const { organisationId } = await setUpFirstAdmin(harness.url, await harness.setupLink(), admin);
  const { session, secret } = await signInAndSetUpSecondFactor(harness.url, admin);
  const { id: programId } = await session.call<{ id: string }>(
    `/api/organisations/${organisationId}/programs`,
    'POST',
    { name: programName },
  );
  return { organisationId, programId, session, secret };
}
