import type { TFunction } from 'i18next';
import { useState } from 'react';
import { REAUTHENTICATION_MINUTES } from '../../../shared/profile/contract.ts';
import { ApiError } from '../../app/api.ts';
import { reauthenticate } from '../profile/api.ts';

// A passkey signs in without the password, so someone who happens upon an open session must not
// add or remove one: people with a password type it again first, and it counts for a few
// minutes for this session only. People without one (residents who joined by link) are not asked.

export interface PasswordCheck {
  /** Whether the password must be typed with the next change. */
  needed: boolean;
  /** Sends the password; for the next few minutes, changes need it no more. */
  confirm(password: string): Promise<void>;
  /** The server asked for it again (the few minutes ran out): ask with the next change. */
  expire(): void;
}

export function usePasswordCheck(hasPassword: boolean): PasswordCheck {
  const [freshUntil, setFreshUntil] = useState(0);
  return {
    needed: hasPassword && Date.now() >= freshUntil,
    async confirm(password) {
      await reauthenticate(password);
      // A little less than the server allows, so the page asks before the server refuses.
      setFreshUntil(Date.now() + (REAUTHENTICATION_MINUTES * 60 - 20) * 1000);
    },
    expire: () => setFreshUntil(0),
  };
}

/**
 * The message beside the password field for a failed change, or undefined when the failure is
 * not about the password: a wrong one (400), or one typed too long ago (403).
 */
export function passwordProblem(
  t: TFunction,
  error: unknown,
  check: PasswordCheck,
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 400 && error.fieldProblems.some((p) => p.field === 'password')) {
    return t('secondFactor.errors.wrongPassword');
  }
  if (error.status === 403) {
    check.expire();
    return t('passkeys.passwordAgain', { minutes: REAUTHENTICATION_MINUTES });
  }
  return undefined;
}
