import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { people, twoFactorSecrets } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { memberships } from './schema.ts';
import { isMemberOf } from './service.ts';

/** The admin may act on this person's account, who must be a member of their organisation. */
async function authorizeOnMember(
  db: Database,
  actor: SignedIn,
  action: 'person.disable' | 'person.reset_second_factor',
  organisationId: string,
  personId: string,
): Promise<void> {
  await authorize(db, actor, action, { type: 'person', id: personId, organisationId });
  if (!(await isMemberOf(db, personId, organisationId))) {
    throw new NotFoundError('There is no such person in this organisation.');
  }
}

/**
 * An organisation admin disables someone in their organisation: the person can no longer sign
 * in, and every session they have ends at once.
 */
export async function disablePerson(
  db: Database,
  auth: Auth,
  actor: SignedIn,
  organisationId: string,
  personId: string,
): Promise<void> {
  await authorizeOnMember(db, actor, 'person.disable', organisationId, personId);
  if (personId === actor.personId) {
    throw new ConflictError('You cannot disable your own account; ask another admin.');
  }
  const [person] = await db
    .select({ disabledAt: people.disabledAt })
    .from(people)
    .where(eq(people.id, personId));
  if (person?.disabledAt) throw new ConflictError('This account is already disabled.');
  // Disabling ends the whole account; an admin of one organisation must not lock someone out of
  // another that they also belong to.
  const [elsewhere] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        ne(memberships.organisationId, organisationId),
        isNull(memberships.revokedAt),
      ),
    )
    .limit(1);
  if (elsewhere) {
    throw new ConflictError(
      'This person also belongs to another organisation, so their account stays open. Remove their roles here instead.',
      { code: 'member-elsewhere' },
    );
  }
  await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, personId));
  await (await auth.$context).internalAdapter.deleteUserSessions(personId);
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId,
    action: 'person.disabled',
    targetType: 'person',
    targetId: personId,
    outcome: 'succeeded',
  });
}

/** An organisation admin lets a disabled person sign in again; they start with no session. */
export async function enablePerson(
  db: Database,
  actor: SignedIn,
  organisationId: string,
  personId: string,
): Promise<void> {
  await authorizeOnMember(db, actor, 'person.disable', organisationId, personId);
  const enabled = await db
    .update(people)
    .set({ disabledAt: null })
    .where(and(eq(people.id, personId), isNotNull(people.disabledAt)))
    .returning({ id: people.id });
  if (enabled.length === 0) throw new ConflictError('This account is not disabled.');
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId,
    action: 'person.enabled',
    targetType: 'person',
    targetId: personId,
    outcome: 'succeeded',
  });
}

/**
 * A staff member who lost their authenticator app and their backup codes asks their admin: the
 * second factor is removed and every session ends, and they set up a new one at their next
 * sign-in with their password (staff may do nothing else until then).
 */
export async function resetSecondFactor(
  db: Database,
  auth: Auth,
  actor: SignedIn,
  organisationId: string,
  personId: string,
): Promise<void> {
  await authorizeOnMember(db, actor, 'person.reset_second_factor', organisationId, personId);
  if (personId === actor.personId) {
    throw new ConflictError('Ask another admin to reset your own second factor.');
  }
  await db.transaction(async (tx) => {
    await tx.delete(twoFactorSecrets).where(eq(twoFactorSecrets.userId, personId));
    await tx
      .update(people)
      .set({ twoFactorEnabled: false, updatedAt: new Date() })
      .where(eq(people.id, personId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'person.second_factor_reset',
        targetType: 'person',
        targetId: personId,
        outcome: 'succeeded',
      },
      tx,
    );
  });
  await (await auth.$context).internalAdapter.deleteUserSessions(personId);
}
