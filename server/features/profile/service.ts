import { and, eq, inArray } from 'drizzle-orm';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import {
  claimsPoliceTitle,
  POLICE_TITLE_CODE,
  POLICE_TITLE_MESSAGE,
} from '../../../shared/people/police-titles.ts';
import type { ProfileResponse, UpdateProfileRequest } from '../../../shared/profile/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { SECOND_FACTOR_FIRST, type SignedIn } from '../../platform/auth/actor.ts';
import type { Auth } from '../../platform/auth/auth.ts';
import { authAccounts, people } from '../../platform/auth/schema.ts';
import {
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  recentFailures,
} from '../../platform/auth/sign-in-guard.ts';
import type { Database } from '../../platform/db/connection.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  TooManyRequestsError,
} from '../../platform/errors.ts';
import { moveFrequency } from '../../platform/mail/preferences.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { organisations } from '../organisations/schema.ts';

export async function profileOf(db: Database, person: SignedIn): Promise<ProfileResponse> {
  const organisationIds = [...new Set(person.memberships.map((m) => m.organisationId))];
  const names = organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const [password] = await db
    .select({ id: authAccounts.id })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, person.personId), eq(authAccounts.providerId, 'credential')))
    .limit(1);
  return {
    personId: person.personId,
    name: person.name,
    // A resident who joined by link gave no address: theirs is a placeholder, never shown.
    email: isPlaceholderEmail(person.email) ? '' : person.email,
    language: person.language === 'es' ? 'es' : 'en',
    secondFactor: person.secondFactor,
    hasPassword: password !== undefined,
    roles: person.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: nameOf.get(m.organisationId) ?? '',
      programId: m.programId,
      role: m.role,
    })),
  };
}

const ownProfile = (person: SignedIn) => ({
  type: 'person',
  id: person.personId,
  personId: person.personId,
});

/** The name others see, and the language of pages and emails. */
export async function updateProfile(
  db: Database,
  person: SignedIn,
  change: UpdateProfileRequest,
): Promise<ProfileResponse> {
  await authorize(db, person, 'profile.update', ownProfile(person));
  // The language is theirs to choose while they set up a second factor; the name others see
  // is not, until that is done.
  if (change.name !== undefined && person.secondFactor === 'required') {
    throw new ForbiddenError(SECOND_FACTOR_FIRST);
  }
  // Verified officers may carry their rank; no one else may look like an officer.
  const isOfficer = person.memberships.some((membership) => membership.role === 'officer');
  if (change.name !== undefined && !isOfficer && claimsPoliceTitle(change.name)) {
    throw new InvalidError([
      { field: 'name', message: POLICE_TITLE_MESSAGE, code: POLICE_TITLE_CODE },
    ]);
  }
  const fields = Object.keys(change).filter(
    (field) => change[field as keyof UpdateProfileRequest] !== undefined,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.language !== undefined ? { language: change.language } : {}),
        updatedAt: new Date(),
      })
      .where(eq(people.id, person.personId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: person.personId,
        action: 'profile.updated',
        targetType: 'person',
        targetId: person.personId,
        outcome: 'succeeded',
        details: { fields },
      },
      tx,
    );
  });
  return profileOf(db, { ...person, ...change });
}

const wrongPassword = () =>
  new InvalidError([{ field: 'password', message: 'That is not your current password.' }]);

/**
 * The person types their password again. A wrong one counts as a failed sign-in, so this is no
 * way around the lock on guessing; `during` names what it was for, in the audit trail.
 */
export async function confirmPassword(
  db: Database,
  auth: Auth,
  person: SignedIn,
  password: string,
  during: string,
): Promise<void> {
  if ((await recentFailures(db, person.personId)) >= LOCK_AFTER_FAILURES) {
    throw new TooManyRequestsError(
      `Too many wrong passwords. Your account is locked for ${LOCK_MINUTES} minutes; please try again later.`,
    );
  }
  const context = await auth.$context;
  const account = await context.internalAdapter.findCredentialAccount(person.personId);
  const matches =
    account?.password != null &&
    (await context.password.verify({ hash: account.password, password }));
  if (matches) return;
  await recordAudit(db, {
    actorKind: 'person',
    actorId: person.personId,
    action: 'auth.sign_in_failed',
    targetType: 'person',
    targetId: person.personId,
    outcome: 'failed',
    details: { method: 'password', during },
  });
  throw wrongPassword();
}

/** A new address for the account, after the person confirms it is them with their password. */
export async function changeEmail(
  db: Database,
  auth: Auth,
  person: SignedIn,
  request: { email: string; password: string },
): Promise<ProfileResponse> {
  await authorize(db, person, 'profile.update', ownProfile(person));
  await confirmPassword(db, auth, person, request.password, 'email_change');
  const email = request.email.trim().toLowerCase();
  if (email === person.email) {
    throw new InvalidError([{ field: 'email', message: 'This is already your address.' }]);
  }
  try {
    await db.transaction(async (tx) => {
      // Not verified until a link sent to it is used.
      await tx
        .update(people)
        .set({ email, emailVerified: false, updatedAt: new Date() })
        .where(eq(people.id, person.personId));
      await moveFrequency(tx, person.email, email);
      await recordAudit(
        db,
        {
          actorKind: 'person',
          actorId: person.personId,
          action: 'profile.email_changed',
          targetType: 'person',
          targetId: person.personId,
          outcome: 'succeeded',
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('Another account uses this address.');
    throw error;
  }
  return profileOf(db, { ...person, email });
}
