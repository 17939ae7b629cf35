import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AnswerToken, TOKEN_DAYS } from '../../../shared/measurement/contract.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { surveyInvitations } from './schema.ts';

// A one-use token to answer a survey: 32 random bytes, shown once in a link, kept as its
// SHA-256 only, as circles' and dialogues' links are. A new token for the same invitation
// replaces the old one, which stops working.

export type InvitationRow = typeof surveyInvitations.$inferSelect;

export const hashSurveyToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function newSurveyToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSurveyToken(token) };
}

export const answerPage = (publicUrl: string, token: string): string =>
  `${publicUrl}/answer/${token}`;

export const tokenExpiry = (now: Date = new Date()): Date =>
  new Date(now.getTime() + TOKEN_DAYS * 86_400_000);

export function answerTokenOf(publicUrl: string, token: string, expiresAt: Date): AnswerToken {
  return { token, url: answerPage(publicUrl, token), expiresAt: expiresAt.toISOString() };
}

/** The invitation a token opens; 404 for a token that opens none. */
export async function invitationByToken(
  db: Database | Transaction,
  token: string,
): Promise<InvitationRow> {
  const [invitation] = await db
    .select()
    .from(surveyInvitations)
    .where(eq(surveyInvitations.tokenHash, hashSurveyToken(token)));
  if (!invitation) {
    throw new NotFoundError(
      'This link does not open a survey: it may have been copied in part, or replaced by a newer one.',
      { code: 'unknown_token' },
    );
  }
  return invitation;
}
