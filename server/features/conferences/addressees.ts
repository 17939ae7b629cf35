import { and, eq, isNull } from 'drizzle-orm';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { conferenceParties, conferenceTeam } from './schema.ts';

// Whom a case's emails reach: its parties still on the case, at the address the team recorded
// for them (sealed) or else their own account's; and its assigned team. A party with neither
// gets no email: the team tells them in person.

type Executor = Database | Transaction;

/** The context a party's address is sealed under; the parties' routes seal it the same way. */
export const partyEmailContext = (partyId: string) => `conference_party_email:${partyId}`;

export const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');

/** The case's page for its team, and a party's own part of it. */
export const casePageFor = (publicUrl: string, conferenceId: string) =>
  `${publicUrl}/conferences/${conferenceId}`;
export const myPartPageFor = (publicUrl: string, conferenceId: string) =>
  `${publicUrl}/conferences/${conferenceId}/my-part`;

export interface Addressee {
  address: string;
  language: Language;
}

export async function partyAddressees(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
): Promise<(Addressee & { partyId: string; role: string })[]> {
  const rows = await db
    .select({
      partyId: conferenceParties.id,
      role: conferenceParties.role,
      emailSealed: conferenceParties.emailSealed,
      language: conferenceParties.language,
      accountEmail: people.email,
    })
    .from(conferenceParties)
    .leftJoin(people, and(eq(people.id, conferenceParties.personId), isNull(people.disabledAt)))
    .where(
      and(eq(conferenceParties.conferenceId, conferenceId), isNull(conferenceParties.removedAt)),
    );
  return rows.flatMap((row) => {
    const address = row.emailSealed
      ? cipher.decrypt(row.emailSealed, partyEmailContext(row.partyId))
      : row.accountEmail;
    if (!address || isPlaceholderEmail(address)) return [];
    return [{ partyId: row.partyId, role: row.role, address, language: languageOf(row.language) }];
  });
}

export async function teamAddressees(
  db: Executor,
  conferenceId: string,
): Promise<(Addressee & { personId: string })[]> {
  const rows = await db
    .select({ personId: people.id, address: people.email, language: people.language })
    .from(conferenceTeam)
    .innerJoin(people, eq(people.id, conferenceTeam.personId))
    .where(
      and(
        eq(conferenceTeam.conferenceId, conferenceId),
        isNull(conferenceTeam.removedAt),
        isNull(people.disabledAt),
      ),
    );
  return rows.flatMap((row) =>
    isPlaceholderEmail(row.address)
      ? []
      : [{ personId: row.personId, address: row.address, language: languageOf(row.language) }],
  );
}
