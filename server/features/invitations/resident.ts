import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { authAccounts, people } from '../../platform/auth/schema.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { grantMembershipOnce } from '../organisations/service.ts';

// A new person made by following a link: the one way accounts are made without a sign-up form.
// Invitations use it, and so do other features' links (a circle's join link): whoever comes in
// by a link is made here, and signed in after with startSessionAfterInvitation.

export interface NewPerson {
  /** The address the invitation reached; null for someone who came by a shared link. */
  email: string | null;
  name: string;
  language: string;
  /** Staff choose a password; residents have none. */
  passwordHash?: string;
}

// The person and their password are written with our own transaction's connection rather than
// through better-auth's adapter, which cannot join a transaction (and on the embedded database,
// which has one connection, would wait for it forever). The rows are better-auth's own shape,
// as its linkAccount writes them.
export async function createPersonFromLink(tx: Transaction, person: NewPerson): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(people).values({
    id,
    name: person.name,
    email: person.email ?? placeholderEmailFor(id),
    // The invitation reached this address, which proves it; a placeholder proves nothing.
    emailVerified: person.email !== null,
    language: person.language,
  });
  if (person.passwordHash) {
    await tx.insert(authAccounts).values({
      id: crypto.randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: person.passwordHash,
    });
  }
  return id;
}

/**
 * A resident of the program who came by another feature's link, with no account and no
 * address: made under the name they chose (the caller has checked it), with the resident's role
 * in the program, given by `grantedBy` (who made the link). Returns the new person's id.
 */
export async function addResidentFromLink(
  tx: Transaction,
  resident: {
    programId: string;
    organisationId: string;
    name: string;
    language: string;
    grantedBy: string;
  },
): Promise<string> {
  const personId = await createPersonFromLink(tx, {
    email: null,
    name: resident.name,
    language: resident.language,
  });
  await grantMembershipOnce(tx, {
    personId,
    organisationId: resident.organisationId,
    programId: resident.programId,
    role: 'resident',
    grantedBy: resident.grantedBy,
  });
  return personId;
}
