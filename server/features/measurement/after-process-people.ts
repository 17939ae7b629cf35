import { and, eq, isNull } from 'drizzle-orm';
import type { RoleGroup } from '../../../shared/measurement/contract.ts';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { circleParticipants, circles } from '../circles/schema.ts';
import { partyEmailContext } from '../conferences/addressees.ts';
import { conferenceParties, conferences, conferenceTeam } from '../conferences/schema.ts';

// Whom a survey after a circle or a conference goes to: everyone who took part but did not run
// it (not the keeper or co-keeper of a circle, not the team of a conference), with the role
// group their seat or party gives them. `address` is null for someone no mail can reach (a
// placeholder address, none recorded): they find the survey under "my surveys" when they have
// an account, and are left out when they have neither.

export interface Respondent {
  personId: string | null;
  roleGroup: RoleGroup;
  address: string | null;
  language: Language;
}

const languageOf = (language: string): Language => (language === 'es' ? 'es' : 'en');
const reachable = (address: string | null | undefined) =>
  address && !isPlaceholderEmail(address) ? address : null;

/** A circle's seat: officers and residents as they sat; anyone else as 'other'. */
function circleRoleGroup(role: string): RoleGroup {
  return role === 'officer' ? 'officer' : role === 'resident' ? 'resident' : 'other';
}

export async function circleRespondents(tx: Transaction, circleId: string): Promise<Respondent[]> {
  const [circle] = await tx
    .select({ keeperId: circles.keeperId, coKeeperId: circles.coKeeperId })
    .from(circles)
    .where(eq(circles.id, circleId));
  if (!circle) return [];
  const seats = await tx
    .select({
      personId: circleParticipants.personId,
      role: circleParticipants.role,
      language: circleParticipants.language,
      email: people.email,
    })
    .from(circleParticipants)
    .innerJoin(people, and(eq(people.id, circleParticipants.personId), isNull(people.disabledAt)))
    .where(eq(circleParticipants.circleId, circleId));
  const keepers = [circle.keeperId, circle.coKeeperId];
  return seats
    .filter((seat) => !keepers.includes(seat.personId))
    .filter((seat) => seat.role !== 'keeper' && seat.role !== 'co_keeper')
    .map((seat) => ({
      personId: seat.personId,
      roleGroup: circleRoleGroup(seat.role),
      address: reachable(seat.email),
      language: languageOf(seat.language),
    }));
}

/**
 * A conference's party: the police's representative is an officer, and so is the responsible
 * party of a misconduct case (an officer's conduct is what it is about); every other party is
 * a resident of the community the conference served.
 */
function partyRoleGroup(role: string, misconduct: boolean): RoleGroup {
  if (role === 'police_rep' || (role === 'responsible' && misconduct)) return 'officer';
  return 'resident';
}

export async function conferenceRespondents(
  tx: Transaction,
  cipher: FieldCipher,
  conferenceId: string,
): Promise<Respondent[]> {
  const [conference] = await tx
    .select({ misconduct: conferences.misconduct })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  if (!conference) return [];
  const team = new Set(
    (
      await tx
        .select({ personId: conferenceTeam.personId })
        .from(conferenceTeam)
        .where(eq(conferenceTeam.conferenceId, conferenceId))
    ).map((member) => member.personId),
  );
  const parties = await tx
    .select({
      partyId: conferenceParties.id,
      role: conferenceParties.role,
      personId: people.id,
      emailSealed: conferenceParties.emailSealed,
      language: conferenceParties.language,
      accountEmail: people.email,
    })
    .from(conferenceParties)
    .leftJoin(people, and(eq(people.id, conferenceParties.personId), isNull(people.disabledAt)))
    .where(
      and(eq(conferenceParties.conferenceId, conferenceId), isNull(conferenceParties.removedAt)),
    );
  return parties.flatMap((party) => {
    if (party.personId !== null && team.has(party.personId)) return [];
    const address = reachable(
      party.emailSealed
        ? cipher.decrypt(party.emailSealed, partyEmailContext(party.partyId))
        : party.accountEmail,
    );
    if (party.personId === null && address === null) return [];
    return [
      {
        personId: party.personId,
        roleGroup: partyRoleGroup(party.role, conference.misconduct),
        address,
        language: languageOf(party.language),
      },
    ];
  });
}
