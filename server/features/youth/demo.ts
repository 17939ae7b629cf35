import { eq } from 'drizzle-orm';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { answerConsent } from './guardian.ts';
import { addYoungPerson } from './members.ts';
import { saveYouthSettings } from './settings.ts';

// The demo's youth program: the agency's youth and police dialogue is set up as a youth program,
// with Sam Whitfield, its community facilitator, as the safeguarding lead. Three young people
// have joined: Maya's mother consented; Jayden's grandmother (who reads Spanish) has her request
// waiting on her phone; Andre is 19 and needs no one's consent.

export interface YouthDemo {
  /** The waiting guardian's page, to try consenting. */
  waitingGuardianLink: string;
  /** Jayden's own link, to see the young person's page. */
  waitingYouthLink: string;
}

const guardianToken = (link: string) => link.slice(link.indexOf('#') + 1);

export async function seedYouthDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<YouthDemo> {
  const { db } = context.database;
  const [lead] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, 'sam@peacecircle.example'));
  if (!lead) throw new Error('The demo youth program needs its facilitator');
  const admin = world.agencyAdmin;
  const programId = world.youth.id;
  await saveYouthSettings(context, admin, programId, {
    minAge: 13,
    maxAge: 21,
    safeguardingLeadId: lead.id,
    twoAdultsPresent: true,
    openPlacesOnly: true,
    guardianSeesMentoring: true,
    retentionDays: 365,
    consentValidDays: 365,
    aboutForGuardians:
      'Twice a month, after school, young people and police officers meet at the Riverside library to talk about what life in the neighbourhood is like for each of them. A community facilitator guides every meeting, and young people may also be paired with an officer mentor for the school year.',
  });
  const maya = await addYoungPerson(context, admin, programId, {
    displayName: 'Maya',
    ageBand: '14-15',
    guardian: { name: 'Elena Torres', email: 'elena.torres@example.org', language: 'en' },
  });
  if (maya.guardianLink) await answerConsent(context, guardianToken(maya.guardianLink), 'give');
  const jayden = await addYoungPerson(context, admin, programId, {
    displayName: 'Jayden',
    ageBand: '16-17',
    guardian: { name: 'Rosa Jiménez', email: 'rosa.jimenez@example.org', language: 'es' },
  });
  await addYoungPerson(context, admin, programId, { displayName: 'Andre', ageBand: '18-20' });
  if (!jayden.guardianLink) throw new Error('The demo guardian was not asked');
  return { waitingGuardianLink: jayden.guardianLink, waitingYouthLink: jayden.youthLink };
}
