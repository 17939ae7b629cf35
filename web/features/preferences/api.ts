import {
  type EmailPreferences,
  emailPreferences,
  tokenPreferencesResponse,
} from '../../../shared/preferences/contract.ts';
import { api } from '../../app/api.ts';

export const myEmailPreferencesKey = ['me', 'email-preferences'] as const;

/** How often the person signed in gets optional emails. */
export function fetchMyEmailPreferences(signal?: AbortSignal): Promise<EmailPreferences> {
  return api('/api/me/email-preferences', { schema: emailPreferences, signal });
}

export async function saveMyEmailPreferences(body: EmailPreferences): Promise<void> {
  await api('/api/me/email-preferences', { method: 'PUT', body });
}

const tokenPath = (token: string) => `/api/preferences/email?token=${encodeURIComponent(token)}`;

export const tokenPreferencesKey = (token: string) => ['email-preferences', token] as const;

/** From an email's link, without signing in: whose emails, and how often. */
export function fetchTokenPreferences(token: string, signal?: AbortSignal) {
  return api(tokenPath(token), { schema: tokenPreferencesResponse, signal });
}

export async function saveTokenPreferences(token: string, body: EmailPreferences): Promise<void> {
  await api(tokenPath(token), { method: 'PUT', body });
}
