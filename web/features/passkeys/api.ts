import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from '@simplewebauthn/browser';
import { z } from 'zod';
import { api } from '../../app/api.ts';

// Passkeys, through better-auth's passkey plugin under /api/auth/passkey/*. The browser and the
// device do the cryptography (@simplewebauthn/browser wraps navigator.credentials); the server
// keeps each passkey's public key and checks every signature against this site's address.

export const passkeysKey = ['me', 'passkeys'] as const;

const passkey = z.object({
  id: z.string(),
  name: z.string().nullish(),
  createdAt: z.string(),
  deviceType: z.string().nullish(),
  backedUp: z.boolean().nullish(),
});
export type Passkey = z.infer<typeof passkey>;

export function canUsePasskeys(): boolean {
  return typeof window !== 'undefined' && browserSupportsWebAuthn();
}

/** The person's passkeys, newest first. */
export async function fetchPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  const list = await api('/api/auth/passkey/list-user-passkeys', {
    schema: z.array(passkey),
    signal,
  });
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Makes a passkey on this device and keeps it on the account. `account` is what the device's
 * passkey list shows to tell accounts apart (an email address, or a resident's chosen name).
 */
export async function addPasskey(name: string, account: string): Promise<void> {
  const options = await api<PublicKeyCredentialCreationOptionsJSON>(
    `/api/auth/passkey/generate-register-options?name=${encodeURIComponent(account)}`,
  );
  const response = await startRegistration({ optionsJSON: options });
  await api('/api/auth/passkey/verify-registration', { body: { response, name } });
}

export async function removePasskey(id: string): Promise<void> {
  await api('/api/auth/passkey/delete-passkey', { body: { id } });
}

/** Signs in with a passkey this device (or a phone nearby) holds; the server sets the cookie. */
export async function signInWithPasskey(): Promise<void> {
  const options = await api<PublicKeyCredentialRequestOptionsJSON>(
    '/api/auth/passkey/generate-authenticate-options',
  );
  const response = await startAuthentication({ optionsJSON: options });
  await api('/api/auth/passkey/verify-authentication', { body: { response } });
}

/**
 * The person closed the device's prompt, or it timed out: nothing went wrong, they may try
 * again. Browsers give both as NotAllowedError, on purpose, so that a page cannot tell which.
 */
export function wasCancelled(error: unknown): boolean {
  const cause = error instanceof WebAuthnError ? error.cause : error;
  return (
    (error instanceof WebAuthnError && error.code === 'ERROR_CEREMONY_ABORTED') ||
    (cause instanceof Error && (cause.name === 'NotAllowedError' || cause.name === 'AbortError'))
  );
}

/** This device already holds a passkey for this account (registration only). */
export function isAlreadyRegistered(error: unknown): boolean {
  return (
    error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'
  );
}
