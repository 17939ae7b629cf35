import { drizzleAdapter } from '@better-auth/drizzle-adapter';
import { passkey } from '@better-auth/passkey';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { magicLink, twoFactor } from 'better-auth/plugins';
import type { Logger } from 'pino';
import { SIGN_IN_LINK_MINUTES } from '../../../shared/profile/contract.ts';
import { MIN_PASSWORD_LENGTH } from '../../../shared/setup/contract.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../db/connection.ts';
import { isTrustedOrigin } from '../http/origins.ts';
import { invitedSignIn } from './invited-sign-in.ts';
import {
  authAccounts,
  authSessions,
  authVerifications,
  passkeys,
  people,
  twoFactorSecrets,
} from './schema.ts';
import { signInGuard } from './sign-in-guard.ts';

// Sign-in is better-auth's: sessions in httpOnly SameSite cookies, email and password hashed
// with Argon2id, magic links, passkeys and TOTP with backup codes. This file only configures it.

const HOUR_SECONDS = 60 * 60;
/** Argon2id with OWASP's recommended cost for interactive sign-in (19 MiB, 2 passes). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const RESIDENT_SESSION_DAYS = 30;

/** The origins better-auth checks a browser's request against: the same rule as every route's. */
function trustedOriginsFor(config: Config, request: Request | undefined): string[] {
  const asked = request?.headers.get('origin');
  const trusted = [new URL(config.publicUrl).origin];
  if (asked && isTrustedOrigin(config, asked)) trusted.push(asked);
  return trusted;
}

export interface SignInLink {
  email: string;
  url: string;
}

export interface AuthDependencies {
  config: Config;
  log: Logger;
  db: Database;
  secret: string;
  /** Delivers a one-time sign-in link (by email); it must never be logged. */
  sendSignInLink(link: SignInLink): Promise<void>;
  /** Whether the person holds a staff role now: staff sign in with two factors, never by link. */
  isStaff(personId: string): Promise<boolean>;
}

/** A passkey counts as two factors only when the device checked its owner (PIN, biometrics). */
function requireUserVerification(verified: boolean | undefined): void {
  if (verified) return;
  throw new APIError('BAD_REQUEST', {
    code: 'USER_VERIFICATION_REQUIRED',
    message: 'Use a passkey that your device unlocks with your PIN, fingerprint or face.',
  });
}

export function createAuth({ config, log, db, secret, sendSignInLink, isStaff }: AuthDependencies) {
  const origin = new URL(config.publicUrl);
  const guard = signInGuard(db, log, isStaff);
  return betterAuth({
    hooks: { before: guard.before, after: guard.after },
    databaseHooks: {
      session: {
        create: {
          before: async (session, context) => guard.beforeSessionCreate(session, context?.path),
          after: async (session, context) => guard.afterSessionCreate(session, context?.path),
        },
      },
    },
    appName: 'Restorativ',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: (request) => trustedOriginsFor(config, request),
    telemetry: { enabled: false },
    // Restorativ's own limits apply instead (routes.ts), counted across processes in Redis.
    rateLimit: { enabled: false },
    // Its messages go into our structured log, never to the console on their own.
    logger: { log: (level, message) => log[level](message) },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { people, authSessions, authAccounts, authVerifications, twoFactorSecrets, passkeys },
    }),
    user: {
      modelName: 'people',
      additionalFields: {
        language: { type: 'string', required: false, defaultValue: 'en' },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      modelName: 'authSessions',
      // A resident who joined by link has no password and often no address to get a sign-in
      // link at: their session lasts 30 days. Staff sessions end after 12 hours whatever
      // happens (actor.ts); activity extends neither.
      expiresIn: RESIDENT_SESSION_DAYS * 24 * HOUR_SECONDS,
      disableSessionRefresh: true,
    },
    account: { modelName: 'authAccounts' },
    verification: { modelName: 'authVerifications' },
    emailAndPassword: {
      enabled: true,
      // People join by invitation or first-run setup, never by signing themselves up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: {
        hash: (password) => hash(password, ARGON2ID),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    plugins: [
      twoFactor({
        issuer: 'Restorativ',
        schema: { twoFactor: { modelName: 'twoFactorSecrets' } },
      }),
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        disableSignUp: true,
        sendMagicLink: ({ email, url }) => sendSignInLink({ email, url }),
      }),
      invitedSignIn(),
      passkey({
        rpID: origin.hostname,
        rpName: 'Restorativ',
        origin: origin.origin,
        schema: { passkey: { modelName: 'passkeys' } },
        // A passkey stands in for a password and a second factor together: the device must check
        // that its owner is there, every time.
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        registration: {
          afterVerification: ({ verification }) =>
            requireUserVerification(verification.registrationInfo?.userVerified),
        },
        authentication: {
          afterVerification: ({ verification }) =>
            requireUserVerification(verification.authenticationInfo.userVerified),
        },
      }),
    ],
    advanced: {
      cookiePrefix: 'restorativ',
      useSecureCookies: origin.protocol === 'https:',
      database: { generateId: () => crypto.randomUUID() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
