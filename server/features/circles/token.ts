import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';

// A circle's links carry a token in the fragment (/circles/join#token), which browsers never send
// to a server, so it stays out of every access log; the database keeps its SHA-256 only.
//
// A join link's token is random and shown once. A personal invitation's token is an HMAC of the
// invitee's row id under a key derived from the installation's secret: the database alone cannot
// give it back, yet the reminders a day and an hour before can carry the same personal link.

export const hashCircleToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function newJoinLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashCircleToken(token) };
}

export function inviteeToken(context: Pick<AppContext, 'deriveKey'>, inviteeId: string): string {
  return createHmac('sha256', context.deriveKey('circles.invitee-token'))
    .update(inviteeId)
    .digest('base64url');
}

export const joinPageFor = (publicUrl: string, token: string): string =>
  `${publicUrl}/circles/join#${token}`;
