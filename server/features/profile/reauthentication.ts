import { and, eq, gt } from 'drizzle-orm';
import { REAUTHENTICATION_MINUTES } from '../../../shared/profile/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { authAccounts, authVerifications } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { confirmPassword } from './service.ts';

// Adding or removing a passkey changes how the account signs in, so someone who happens upon an
// open session must not do it: the password is asked again, and counts for a few minutes, for
// this session only. People without a password (residents who joined by link) are not asked.

const identifierOf = (sessionId: string) => `reauthenticated:${sessionId}`;

export async function reauthenticate(
  db: Database,
  auth: Auth,
  person: SignedIn,
  password: string,
): Promise<void> {
  await confirmPassword(db, auth, person, password, 'reauthentication');
  await db.transaction(async (tx) => {
    await tx
      .delete(authVerifications)
      .where(eq(authVerifications.identifier, identifierOf(person.sessionId)));
    await tx.insert(authVerifications).values({
      id: crypto.randomUUID(),
      identifier: identifierOf(person.sessionId),
      value: person.personId,
      expiresAt: new Date(Date.now() + REAUTHENTICATION_MINUTES * 60_000),
    });
  });
}

/** Refuses, with 403, a person with a password whose session has not re-authenticated lately. */
export async function requireRecentReauthentication(db: Database, person: SignedIn) {
  const [password] = await db
    .select({ id: authAccounts.id })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, person.personId), eq(authAccounts.providerId, 'credential')))
    .limit(1);
  if (!password) return;
  const [recent] = await db
    .select({ id: authVerifications.id })
    .from(authVerifications)
    .where(
      and(
        eq(authVerifications.identifier, identifierOf(person.sessionId)),
        eq(authVerifications.value, person.personId),
        gt(authVerifications.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (recent) return;
  throw new ForbiddenError(
    `Type your password again first: changing your passkeys needs it, and it counts for ${REAUTHENTICATION_MINUTES} minutes.`,
  );
}
