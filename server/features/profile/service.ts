import { inArray } from 'drizzle-orm';
import { isPlaceholderEmail, type ProfileResponse } from '../../../shared/profile/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
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
  return {
    personId: person.personId,
    name: person.name,
    // A resident who joined by link gave no address: theirs is a placeholder, never shown.
    email: isPlaceholderEmail(person.email) ? '' : person.email,
    language: person.language === 'es' ? 'es' : 'en',
    secondFactor: person.secondFactor,
    roles: person.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: nameOf.get(m.organisationId) ?? '',
      programId: m.programId,
      role: m.role,
    })),
  };
}
