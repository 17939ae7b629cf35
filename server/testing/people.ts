import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isStaffRole, type Role } from '../../shared/permissions/roles.ts';
import { memberships } from '../features/organisations/schema.ts';
import { createOrganisation, grantMembership } from '../features/organisations/service.ts';
import { people } from '../platform/auth/schema.ts';
import type { TestApp } from './test-app.ts';

export interface TestPerson {
  personId: string;
  email: string;
  password: string;
  /** The session cookie of a signed-in browser. */
  cookie: string;
}

export function addOrganisation(test: TestApp, name: string) {
  return createOrganisation(test.context.database.db, { name, kind: 'community_organisation' });
}

/**
 * A person with a password and a role, signed in. Staff get their second factor marked as set
 * up after signing in, as if they had done it; tests of the second factor itself go through it.
 */
export async function addSignedInPerson(
  test: TestApp,
  membership: { organisationId: string; role: Role; programId?: string },
): Promise<TestPerson> {
  const auth = await test.context.auth.$context;
  const email = `${membership.role}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `passphrase ${randomBytes(8).toString('hex')}`;
  const person = await auth.internalAdapter.createUser(
    { name: membership.role, email, emailVerified: true },
    { method: 'admin' },
  );
  await auth.internalAdapter.linkAccount({
    userId: person.id,
    providerId: 'credential',
    accountId: person.id,
    password: await auth.password.hash(password),
  });
  const { db } = test.context.database;
  await grantMembership(db, { personId: person.id, ...membership });
  if (membership.role === 'officer') {
    await db
      .update(memberships)
      .set({ verifiedAt: new Date() })
      .where(eq(memberships.personId, person.id));
  }
  const signedIn = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.context.config.publicUrl },
    payload: { email, password },
  });
  if (signedIn.statusCode !== 200) throw new Error(`sign-in failed: ${signedIn.body}`);
  if (isStaffRole(membership.role)) {
    await db.update(people).set({ twoFactorEnabled: true }).where(eq(people.id, person.id));
  }
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
  return { personId: person.id, email, password, cookie };
}

/** Gives a test person a name and language the pages and emails of a test can look for. */
export async function withName(
  test: TestApp,
  person: TestPerson,
  name: string,
  language = 'en',
): Promise<TestPerson> {
  await test.context.database.db
    .update(people)
    .set({ name, language })
    .where(eq(people.id, person.personId));
  return person;
}
