import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import { roles } from '../permissions/roles.ts';

/** GET /api/me: the person signed in, and the roles they hold. */
export const profileResponse = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.enum(supportedLanguages),
  /** 'required': a staff member who must set up a second factor before anything else. */
  secondFactor: z.enum(['enabled', 'required', 'not-required']),
  /** Whether they sign in with a password (staff, mostly); it is asked again before changes. */
  hasPassword: z.boolean(),
  roles: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      programId: z.string().nullable(),
      role: z.enum(roles),
    }),
  ),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

/** PATCH /api/me: the name others see and the language of pages and emails. */
export const updateProfileRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the name others see.')
      .max(120, 'Keep the name under 120 characters.')
      .optional(),
    language: z.enum(supportedLanguages, { error: 'Choose English or Spanish.' }).optional(),
  })
  .refine((body) => body.name !== undefined || body.language !== undefined, {
    error: 'Change the name or the language.',
  });
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>;

/** POST /api/me/email: a new address, confirmed with the password (re-authentication). */
export const changeEmailRequest = z.object({
  email: z.email('Give an email address such as name@example.org.').max(254),
  password: z.string().min(1, 'Give your current password.').max(256),
});

/** One place where the person is signed in; never the session's token. */
export const sessionSummary = z.object({
  id: z.string(),
  /** A readable device, e.g. "Firefox on Android", from the browser's user agent. */
  device: z.string(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  expiresAt: z.string(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

/** GET /api/me/sessions; DELETE /api/me/sessions/:sessionId ends one (404 if not theirs). */
export const sessionList = z.object({ sessions: z.array(sessionSummary) });

export const ADDRESS_CONFIRMATION_HOURS = 24;

/**
 * POST /api/me/address: someone who joined without an address (a resident, by link) gives one,
 * to sign in again from another device. A link is sent to it; the address counts once used.
 */
export const addAddressRequest = z.object({
  email: z.email('Give an email address such as name@example.org.').max(254),
});
export const addAddressResponse = z.object({ sentTo: z.string() });

/** POST /api/me/address/confirm: the link's token; works without signing in. */
export const confirmAddressRequest = z.object({
  token: z.string().min(20, 'The link is incomplete.').max(200),
});
export const confirmAddressResponse = z.object({ email: z.string() });

export const REAUTHENTICATION_MINUTES = 5;
/** How long an emailed sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * POST /api/me/reauthenticate: the password again, before adding or removing a passkey. For the
 * next few minutes this session may change its passkeys. People without a password (residents
 * who joined by link) are not asked: their session is all they have.
 */
export const reauthenticateRequest = z.object({
  password: z.string().min(1, 'Give your current password.').max(256),
});
