import { z } from 'zod';

// Which emails a person gets. Sign-in links and invitations always go at once (they are asked
// for, or expected); everything else (reminders, updates) goes at once, in a daily digest, or
// not at all. Every email links to the page that changes this, without signing in.

export const emailFrequencies = ['immediately', 'daily', 'never'] as const;
export type EmailFrequency = (typeof emailFrequencies)[number];

export const emailPreferences = z.object({
  frequency: z.enum(emailFrequencies, { error: 'Choose how often you get emails.' }),
});
export type EmailPreferences = z.infer<typeof emailPreferences>;

/** GET and PUT /api/me/email-preferences, for the person signed in. */
export const updateEmailPreferencesRequest = emailPreferences;

/**
 * GET and PUT /api/preferences/email?token=: the page an email links to, without signing in;
 * the token names one person and can do nothing else. POST with the body
 * `List-Unsubscribe=One-Click` (RFC 8058) stops every optional email.
 */
export const preferencesToken = z.string().min(20, 'The link is incomplete.').max(400);
export const tokenPreferencesQuery = z.object({ token: preferencesToken });
export const tokenPreferencesResponse = emailPreferences.extend({
  /** Shown so the reader knows whose emails they are changing; partly hidden. */
  maskedEmail: z.string(),
});
