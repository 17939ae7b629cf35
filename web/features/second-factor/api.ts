import { z } from 'zod';
import { api } from '../../app/api.ts';

// better-auth's two-factor plugin, under /api/auth/two-factor/*. Its refusals are `ApiError`s
// with `{ code, message }` bodies (e.g. INVALID_PASSWORD, INVALID_CODE), not problem+json.

const enableAnswer = z.object({
  totpURI: z.string().startsWith('otpauth://'),
  backupCodes: z.array(z.string()).min(1),
});
export type Enrolment = z.infer<typeof enableAnswer>;

/** Starts setting up an authenticator app, after the password is given again. */
export function startEnrolment(password: string): Promise<Enrolment> {
  return api('/api/auth/two-factor/enable', { body: { password }, schema: enableAnswer });
}

/**
 * Checks a code from the authenticator app. While setting up, the first right code turns the
 * second factor on; while signing in, it opens the session.
 */
export async function verifyCode(code: string): Promise<void> {
  await api('/api/auth/two-factor/verify-totp', { body: { code } });
}

/** Signs in with a single-use backup code instead of one from the app. */
export async function verifyBackupCode(code: string): Promise<void> {
  await api('/api/auth/two-factor/verify-backup-code', { body: { code } });
}

const backupCodesAnswer = z.object({ backupCodes: z.array(z.string()).min(1) });

/** A fresh set of backup codes; the old ones stop working. */
export async function newBackupCodes(password: string): Promise<string[]> {
  const answer = await api('/api/auth/two-factor/generate-backup-codes', {
    body: { password },
    schema: backupCodesAnswer,
  });
  return answer.backupCodes;
}

/** The secret inside an otpauth:// address, for people who type it into their app. */
export function secretOf(totpUri: string): string {
  try {
    return new URL(totpUri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

/** The secret in groups of four, easier to read and type; apps ignore the spaces. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** Only the digits of what was typed or pasted ("123 456" and "123-456" are fine). */
export function digitsOf(code: string): string {
  return code.replace(/\D/g, '');
}
