import { z } from 'zod';
import {
  addAddressResponse,
  confirmAddressResponse,
  type ProfileResponse,
  profileResponse,
  type SessionSummary,
  sessionList,
  type UpdateProfileRequest,
} from '../../../shared/profile/contract.ts';
import { api } from '../../app/api.ts';

/** The person signed in and their roles; an `ApiError` with status 401 when no one is. */
export function fetchProfile(signal?: AbortSignal): Promise<ProfileResponse> {
  return api('/api/me', { schema: profileResponse, signal });
}

/** Changes the name others see and the language of pages and emails. */
export async function updateProfile(body: UpdateProfileRequest): Promise<void> {
  await api('/api/me', { method: 'PATCH', body });
}

/** A new email address, confirmed with the current password. */
export async function changeEmail(body: { email: string; password: string }): Promise<void> {
  await api('/api/me/email', { body });
}

export const sessionsQueryKey = ['me', 'sessions'] as const;

/** Every place where this person is signed in, the current one marked. */
export async function fetchSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return (await api('/api/me/sessions', { schema: sessionList, signal })).sessions;
}

/** Signs one of their other devices out. */
export async function endSession(sessionId: string): Promise<void> {
  await api(`/api/me/sessions/${encodeURIComponent(sessionId)}`, {
    method: 'DELETE',
    schema: z.unknown(),
  });
}

/**
 * An address for someone who joined without one: a link goes to it, and it counts once that
 * link is used. Answers with the address the link went to.
 */
export async function addAddress(email: string): Promise<string> {
  return (await api('/api/me/address', { body: { email }, schema: addAddressResponse })).sentTo;
}

/** Uses the link sent to a new address (no sign-in needed); answers with the address. */
export async function confirmAddress(token: string, signal?: AbortSignal): Promise<string> {
  const answer = await api('/api/me/address/confirm', {
    body: { token },
    schema: confirmAddressResponse,
    signal,
  });
  return answer.email;
}

/**
 * The password again, before changing passkeys: for the next few minutes this session may add
 * or remove them. A wrong password is a 400 on `password` (and counts towards the lock).
 */
export async function reauthenticate(password: string): Promise<void> {
  await api('/api/me/reauthenticate', { body: { password }, schema: z.unknown() });
}
