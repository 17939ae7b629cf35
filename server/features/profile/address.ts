import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { ADDRESS_CONFIRMATION_HOURS } from '../../../shared/profile/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { authVerifications, people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { ConflictError, InvalidError } from '../../platform/errors.ts';
import { moveFrequency } from '../../platform/mail/preferences.ts';
import { authorize } from '../../platform/permissions/authorize.ts';

// A resident who joined by link has no address, so once their session ends they could not come
// back. They may give one: a link goes to it, and the address counts only once that link is
// used, which proves it is theirs. After that, sign-in links reach them like anyone else.

const IDENTIFIER_PREFIX = 'confirm-address:';
const identifierOf = (token: string) =>
  IDENTIFIER_PREFIX + createHash('sha256').update(token).digest('hex');
const pending = z.object({ personId: z.string(), email: z.string() });

const invalidLink = () =>
  new InvalidError([
    {
      field: 'token',
      message: 'This link has expired or was used. Ask for a new one from your account page.',
    },
  ]);

export async function requestAddress(
  context: Pick<AppContext, 'mail' | 'config'>,
  db: Database,
  person: SignedIn,
  requested: string,
): Promise<{ sentTo: string }> {
  await authorize(db, person, 'profile.update', {
    type: 'person',
    id: person.personId,
    personId: person.personId,
  });
  if (!isPlaceholderEmail(person.email)) {
    throw new ConflictError(
      'Your account has an address already; change it with your password instead.',
    );
  }
  const email = requested.trim().toLowerCase();
  if (isPlaceholderEmail(email)) {
    throw new InvalidError([
      { field: 'email', message: 'Give an address that can receive email.' },
    ]);
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.insert(authVerifications).values({
      id: crypto.randomUUID(),
      identifier: identifierOf(token),
      value: JSON.stringify({ personId: person.personId, email }),
      expiresAt: new Date(Date.now() + ADDRESS_CONFIRMATION_HOURS * 3_600_000),
    });
    await context.mail.send(
      {
        to: email,
        template: 'confirm-address',
        language: person.language === 'es' ? 'es' : 'en',
        data: {
          link: `${context.config.publicUrl}/me/address#${token}`,
          validHours: ADDRESS_CONFIRMATION_HOURS,
        },
      },
      { tx },
    );
  });
  return { sentTo: email };
}

export async function confirmAddress(db: Database, token: string): Promise<{ email: string }> {
  const identifier = identifierOf(token);
  const [row] = await db
    .select({ value: authVerifications.value })
    .from(authVerifications)
    .where(
      and(
        eq(authVerifications.identifier, identifier),
        gt(authVerifications.expiresAt, new Date()),
      ),
    );
  const parsed = row ? pending.safeParse(JSON.parse(row.value)) : undefined;
  if (!parsed?.success) throw invalidLink();
  const { personId, email } = parsed.data;
  try {
    await db.transaction(async (tx) => {
      const used = await tx
        .delete(authVerifications)
        .where(eq(authVerifications.identifier, identifier))
        .returning({ id: authVerifications.id });
      if (used.length === 0) throw invalidLink();
      const [person] = await tx
        .select({ email: people.email })
        .from(people)
        .where(eq(people.id, personId));
      // Given once: a second link for a second address does not replace the first.
      if (!person || !isPlaceholderEmail(person.email)) throw invalidLink();
      await tx
        .update(people)
        .set({ email, emailVerified: true, updatedAt: new Date() })
        .where(eq(people.id, personId));
      await moveFrequency(tx, person.email, email);
      await recordAudit(
        db,
        {
          actorKind: 'person',
          actorId: personId,
          action: 'profile.address_confirmed',
          targetType: 'person',
          targetId: personId,
          outcome: 'succeeded',
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('Another account uses this address already.');
    }
    throw error;
  }
  return { email };
}
