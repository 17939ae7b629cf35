import * as OTPAuth from 'otpauth';
import { ApiSession } from './api-session.ts';
import { invitationLinkIn, latestEmail } from './outbox.ts';

export interface FirstAdmin {
  organisation: string;
  kind?: 'police_agency' | 'community_organisation' | 'oversight_board' | 'school';
  name: string;
  email: string;
  password: string;
  language?: 'en' | 'es';
}

/**
 * Finishes first-run setup through the API, for tests about what comes after it (the setup
 * page has its own tests). Returns once the organisation and its admin exist.
 */
export async function setUpFirstAdmin(url: string, setupLink: string, admin: FirstAdmin) {
  const token = new URL(setupLink).hash.slice(1);
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      organisation: { name: admin.organisation, kind: admin.kind ?? 'police_agency' },
      admin: {
        name: admin.name,
        email: admin.email,
        password: admin.password,
        language: admin.language ?? 'en',
      },
    }),
  });
  if (!response.ok) throw new Error(`setup answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { organisationId: string; personId: string };
}

/** The authenticator app in a test: the current 6-digit code for a key as a person types it. */
export function authenticatorCode(secret: string): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, '')),
  }).generate();
}

/** Accepts an emailed staff invitation as the person would, with a name and a password. */
export async function acceptStaffInvitation(
  url: string,
  invitee: { email: string; name: string; password: string },
) {
  const link = invitationLinkIn(await latestEmail(url, invitee.email, 'invitation'));
  return new ApiSession(url).call<{ personId: string }>('/api/invitations/accept', 'POST', {
    token: new URL(link).hash.slice(1),
    name: invitee.name,
    password: invitee.password,
  });
}
