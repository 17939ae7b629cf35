import { and, eq, isNull } from 'drizzle-orm';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import type { CaseRow, PartyRow } from './access.ts';
import { casePageFor } from './notices.ts';
import { conferenceTeam } from './schema.ts';
import { partyEmailContext } from './sealed.ts';
import { coordinatorsOf } from './staff.ts';

// Who hears about a case by email, and where a party's links lead. A party is written to at the
// address given for them, or their account's; the team is the people assigned to the case, or,
// before anyone is, the program's coordinators, who screen referrals. Emails name a case by its
// reference only (notices.ts).

type Executor = Database | Transaction;

export interface Recipient {
  address: string;
  language: Language;
}

export const myPartPageFor = (publicUrl: string, conferenceId: string) =>
  `${publicUrl}/conferences/${conferenceId}/my-part`;

export const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');

/** Where a party's emails go; null when they gave no address and have none that gets mail. */
export async function partyRecipient(
  db: Executor,
  context: Pick<AppContext, 'cipher'>,
  party: PartyRow,
): Promise<Recipient | null> {
  const language = languageOf(party.language);
  if (party.emailSealed) {
    const address = context.cipher.decrypt(party.emailSealed, partyEmailContext(party.id));
    return { address, language };
  }
  if (!party.personId) return null;
  const [account] = await db
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.id, party.personId), isNull(people.disabledAt)));
  return account && !isPlaceholderEmail(account.email)
    ? { address: account.email, language }
    : null;
}

/** The case team's addresses: its assigned members, or the program's coordinators. */
export async function teamRecipients(
  db: Executor,
  conference: CaseRow,
  program: ProgramRunners,
): Promise<Recipient[]> {
  const assigned = await db
    .select({ email: people.email, language: people.language })
    .from(conferenceTeam)
    .innerJoin(people, eq(people.id, conferenceTeam.personId))
    .where(
      and(
        eq(conferenceTeam.conferenceId, conference.id),
        isNull(conferenceTeam.removedAt),
        isNull(people.disabledAt),
      ),
    );
  const team = assigned.length > 0 ? assigned : await coordinatorsOf(db, program);
  return team
    .filter((member) => !isPlaceholderEmail(member.email))
    .map((member) => ({ address: member.email, language: languageOf(member.language) }));
}

/** Tells the team that a party withdrew their consent: who and why stay on the case page. */
export async function tellTeamPaused(
  tx: Transaction,
  context: AppContext,
  conference: CaseRow,
  program: ProgramRunners,
): Promise<void> {
  for (const member of await teamRecipients(tx, conference, program)) {
    await context.mail.send(
      {
        to: member.address,
        template: 'conference-paused',
        language: member.language,
        data: {
          reference: conference.reference,
          programName: program.name,
          link: casePageFor(context.config.publicUrl, conference.id),
        },
      },
      { tx },
    );
  }
}
