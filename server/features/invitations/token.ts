import { createHash, randomBytes } from 'node:crypto';

// An invitation's token travels only in the link; the database keeps its SHA-256. The token has
// 256 random bits, so a fast hash is enough: there is nothing to guess from the hash.

export const hashInvitationToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/**
 * The page where an invitation is accepted. The token goes in the fragment, as the setup link
 * does: browsers never send a fragment to a server, so it stays out of every access log.
 */
export const acceptLinkFor = (publicUrl: string, token: string): string =>
  `${publicUrl}/join#${token}`;
