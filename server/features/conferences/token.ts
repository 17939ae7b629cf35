import { createHash, randomBytes } from 'node:crypto';

// A conference's links (a program's referral form, a referrer's status page, a party's way in)
// carry a random token in the fragment (/conferences/refer#token), which browsers never send to
// a server; the database keeps its SHA-256 only, and the link is shown once.

export const hashConferenceToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function newConferenceToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashConferenceToken(token) };
}

export const referralPageFor = (publicUrl: string, token: string) =>
  `${publicUrl}/conferences/refer#${token}`;
export const statusPageFor = (publicUrl: string, token: string) =>
  `${publicUrl}/conferences/referral-status#${token}`;
export const partyPageFor = (publicUrl: string, token: string) =>
  `${publicUrl}/conferences/join#${token}`;
